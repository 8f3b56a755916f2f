//! Issue #11 on the reference server, as the in-browser backend answers it (same rules, same
//! demo data): authorizing a provider (who, region, consent, idempotent), the two partner
//! lists, customers per partner, add customer with a one-time password, the domain-prefix
//! check, removing a relationship, relationship requests (unique names, 90-day expiry,
//! termination), tenant isolation and CSRF on every change.

mod common;
use common::*;
use csp_conformance::new_customer;
use serde_json::{json, Value};

fn ids(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x["id"].as_str().unwrap().to_string())
        .collect()
}

fn first_code(v: &Value) -> (&str, &str) {
    (
        v["field_errors"][0]["field"].as_str().unwrap_or(""),
        v["field_errors"][0]["code"].as_str().unwrap_or(""),
    )
}

#[tokio::test]
async fn a_reseller_authorizes_a_provider_once_and_the_provider_sees_it() {
    let t = new().await;
    let ga = t.sign_in(csp_server::seed::DEMO_ADMIN, "demo").await;
    let me = t.call("GET", "/partner", None, &ga).await;
    assert_eq!(me.body["partner"]["id"], CONTOSO);
    assert_eq!(me.body["kind"], "indirect-reseller");
    let session = t.call("GET", "/session", None, &ga).await;
    assert_eq!(session.body["user"]["partner_kind"], "indirect-reseller");
    let providers = t.call("GET", "/indirect-providers", None, &ga).await;
    assert_eq!(ids(&providers.body["items"]), vec![FABRIKAM]);
    assert_eq!(providers.body["items"][0]["since"], "2025-09-15");

    // The invitation page names the provider; a bad or unknown ID is its own answer.
    let named = t
        .call(
            "GET",
            &format!("/indirect-providers/{ADVENTURE_WORKS}"),
            None,
            &ga,
        )
        .await;
    assert_eq!(
        (named.status.as_u16(), named.body["name"].as_str()),
        (200, Some("Adventure Works Distribution"))
    );
    assert!(named.body.get("since").is_none());
    let bad = t
        .call("GET", "/indirect-providers/not-a-guid", None, &ga)
        .await;
    assert_eq!(
        (bad.status.as_u16(), first_code(&bad.body)),
        (422, ("authorize.provider_id", "id-format"))
    );
    let unknown = t
        .call(
            "GET",
            "/indirect-providers/00000000-0000-4000-8000-000000000000",
            None,
            &ga,
        )
        .await;
    assert_eq!(
        (unknown.status.as_u16(), first_code(&unknown.body)),
        (404, ("authorize.provider_id", "provider-not-found"))
    );
    // A reseller is not a provider.
    let reseller = t
        .call("GET", &format!("/indirect-providers/{MUELLER}"), None, &ga)
        .await;
    assert_eq!(reseller.status, 404);

    let post = |id: &str, consent: bool| json!({"provider_id": id, "consent": consent});
    let r = t
        .call(
            "POST",
            "/indirect-providers",
            Some(post(ADVENTURE_WORKS, false)),
            &ga,
        )
        .await;
    assert_eq!(
        (r.status.as_u16(), first_code(&r.body)),
        (422, ("authorize.consent", "required"))
    );
    let r = t
        .call(
            "POST",
            "/indirect-providers",
            Some(post(SHANGHAI_PROVIDER, true)),
            &ga,
        )
        .await;
    assert_eq!(
        (r.status.as_u16(), first_code(&r.body)),
        (422, ("authorize.provider_id", "provider-region"))
    );
    let r = t
        .call(
            "POST",
            "/indirect-providers",
            Some(post("{0b8f", true)),
            &ga,
        )
        .await;
    assert_eq!(first_code(&r.body), ("authorize.provider_id", "id-format"));

    // Only a Global admin: the admin agent is told why (403 naming the field).
    let partner = t.demo_partner().await;
    t.add_user(
        &partner,
        "aa@contoso.cn",
        Some("admin-agent"),
        None,
        "Role-pass-123",
    )
    .await;
    let aa = t.sign_in("aa@contoso.cn", "Role-pass-123").await;
    let r = t
        .call(
            "POST",
            "/indirect-providers",
            Some(post(ADVENTURE_WORKS, true)),
            &aa,
        )
        .await;
    assert_eq!(
        (r.status.as_u16(), first_code(&r.body)),
        (403, ("authorize.user", "authorize-global-admin-only"))
    );
    assert_eq!(r.body["field_errors"][0]["args"]["role"], "global-admin");

    let upper = ADVENTURE_WORKS.to_uppercase();
    let first = t
        .call("POST", "/indirect-providers", Some(post(&upper, true)), &ga)
        .await;
    assert_eq!(first.status, 201, "{}", first.body);
    assert_eq!(first.body["changed"], true);
    let since = first.body["provider"]["since"].clone();
    assert!(since.is_string());
    let again = t
        .call(
            "POST",
            "/indirect-providers",
            Some(post(ADVENTURE_WORKS, true)),
            &ga,
        )
        .await;
    assert_eq!(
        (again.status.as_u16(), &again.body["changed"]),
        (200, &json!(false))
    );
    assert_eq!(again.body["provider"]["since"], since);
    let providers = t.call("GET", "/indirect-providers", None, &ga).await;
    // By name (`csp_core::paging`).
    assert_eq!(
        ids(&providers.body["items"]),
        vec![ADVENTURE_WORKS, FABRIKAM]
    );
    let named = t
        .call(
            "GET",
            &format!("/indirect-providers/{ADVENTURE_WORKS}"),
            None,
            &ga,
        )
        .await;
    assert_eq!(named.body["since"], since);

    // Fabrikam's side: Contoso among its resellers; removing a partnership is the provider's.
    let fab = t
        .sign_in(csp_server::seed::DEMO_PROVIDER_ADMIN, "demo")
        .await;
    let resellers = t.call("GET", "/indirect-resellers", None, &fab).await;
    assert_eq!(
        ids(&resellers.body["items"]),
        vec![CONTOSO, MUELLER, ALFA_SOFT]
    );
    assert_eq!(
        t.call("GET", "/indirect-resellers", None, &ga).await.status,
        403
    );
    let gone = t
        .call(
            "DELETE",
            &format!("/indirect-resellers/{MUELLER}"),
            None,
            &fab,
        )
        .await;
    assert_eq!(gone.status, 204);
    let again = t
        .call(
            "DELETE",
            &format!("/indirect-resellers/{MUELLER}"),
            None,
            &fab,
        )
        .await;
    assert_eq!(again.status, 404);
    let resellers = t.call("GET", "/indirect-resellers", None, &fab).await;
    assert_eq!(ids(&resellers.body["items"]), vec![CONTOSO, ALFA_SOFT]);
}

/// A partner's list takes no more rows than `csp_core::paging::MAX_ROWS_PER_PARTNER`: a
/// reseller with that many customers adds none (409 `list-full`) and lists them a page at a time.
#[tokio::test]
async fn a_full_customer_list_takes_no_more() {
    use csp_core::customers::{Customer, RelationshipKind};
    use csp_core::paging::{DEFAULT_LIMIT, MAX_ROWS_PER_PARTNER};
    let t = new().await;
    let ga = t.sign_in(csp_server::seed::DEMO_ADMIN, "demo").await;
    let had = t.call("GET", "/customers?limit=200", None, &ga).await.body["customers"]
        .as_array()
        .unwrap()
        .len();
    let mut tx = t.state.store.begin_setup().await.unwrap();
    for i in had..MAX_ROWS_PER_PARTNER {
        let c = Customer {
            id: format!("{i:08x}-0000-4000-8000-000000000000"),
            company_name: format!("Full {i}"),
            primary_domain: format!("full{i}.onmicrosoft.com"),
            relationship: RelationshipKind::IndirectReseller,
            provider_id: None,
            reseller_id: Some(CONTOSO.into()),
            has_active_subscriptions: false,
            tags: vec![],
            accepted: None,
        };
        tx.insert_customer(&c, 0).await.unwrap();
    }
    tx.commit().await.unwrap();
    let r = t
        .call("POST", "/customers", Some(new_customer("onetoomany")), &ga)
        .await;
    assert_eq!(
        (r.status.as_u16(), &r.body["error"]),
        (409, &json!("list-full"))
    );
    let page = t.call("GET", "/customers", None, &ga).await;
    assert_eq!(
        page.body["customers"].as_array().unwrap().len(),
        DEFAULT_LIMIT
    );
    assert!(page.body["next_cursor"].is_string());
}

#[tokio::test]
async fn customers_are_each_partners_own() {
    let t = new().await;
    let ga = t.sign_in(csp_server::seed::DEMO_ADMIN, "demo").await;
    let list = t.call("GET", "/customers", None, &ga).await;
    assert_eq!(list.status, 200);
    let names: Vec<&str> = list.body["customers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["company_name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        vec![
            "Boulangerie Élodie SARL",
            "Crème & Café Société Coopérative",
            "ООО «Ромашка»",
            "北京示例科技有限公司",
        ]
    );
    assert_eq!(list.body["customers"][0]["has_active_subscriptions"], true);
    assert_eq!(list.body["customers"][1]["tags"], json!(["Lyon", "PME"]));
    assert_eq!(ids(&list.body["partners"]), vec![FABRIKAM]);
    let fab = t
        .sign_in(csp_server::seed::DEMO_PROVIDER_ADMIN, "demo")
        .await;
    let theirs = t.call("GET", "/customers", None, &fab).await;
    assert_eq!(theirs.body["customers"].as_array().unwrap().len(), 5);
    assert_eq!(
        ids(&theirs.body["partners"]),
        vec![CONTOSO, ALFA_SOFT, MUELLER]
    );

    // Another reseller sees none of them and changes none of them.
    t.other_partner("admin@fabrikamresale.com").await;
    let other = t
        .sign_in("admin@fabrikamresale.com", "Fabrikam-pass-1")
        .await;
    let none = t.call("GET", "/customers", None, &other).await;
    assert_eq!(none.body["customers"], json!([]));
    let path = format!("/customers/{ROMASHKA}/relationship");
    assert_eq!(t.call("DELETE", &path, None, &other).await.status, 404);
    assert_eq!(
        t.call(
            "POST",
            &format!("/relationship-requests/{ACTIVE_REQUEST}/termination"),
            None,
            &other
        )
        .await
        .status,
        404
    );
    assert_eq!(
        t.call("GET", "/relationship-requests", None, &other)
            .await
            .body,
        json!({"items": []})
    );

    // Removing a relationship: refused while subscriptions are active.
    let busy = t
        .call(
            "DELETE",
            &format!("/customers/{BOULANGERIE}/relationship"),
            None,
            &ga,
        )
        .await;
    assert_eq!(busy.status, 409);
    assert_eq!(t.call("DELETE", &path, None, &ga).await.status, 204);
    assert_eq!(t.call("DELETE", &path, None, &ga).await.status, 404);
    let list = t.call("GET", "/customers", None, &ga).await;
    assert!(!ids(&list.body["customers"]).contains(&ROMASHKA.to_string()));
}

#[tokio::test]
async fn adding_a_customer_creates_its_tenant_and_a_one_time_password() {
    let t = new().await;
    let ga = t.sign_in(csp_server::seed::DEMO_ADMIN, "demo").await;
    for (prefix, available) in [
        ("contoso", false),
        ("Fabrikam", false),
        ("boulangerieelodie", false),
        ("microsoft", false),
        ("boulangeriedurand", true),
    ] {
        let r = t
            .call("GET", &format!("/domain-prefixes/{prefix}"), None, &ga)
            .await;
        assert_eq!(r.status, 200, "{prefix}: {}", r.body);
        assert_eq!(r.body["available"], available, "{prefix}");
        assert_eq!(r.body["prefix"], prefix.to_lowercase());
    }
    let bad = t.call("GET", "/domain-prefixes/a%20b", None, &ga).await;
    assert_eq!(
        (bad.status.as_u16(), first_code(&bad.body)),
        (422, ("customer.domain_prefix", "domain-prefix-format"))
    );

    let mut c = new_customer("boulangeriedurand");
    c["company_name"] = json!("A");
    c["admin_email"] = json!("someone@contoso.com");
    let r = t.call("POST", "/customers", Some(c), &ga).await;
    assert_eq!(r.status, 422);
    let problems: Vec<(String, String)> = r.body["field_errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["field"].as_str().unwrap().into(),
                p["code"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert!(problems.contains(&(
        "customer.company_name".into(),
        "company-name-too-short".into()
    )));
    assert!(problems.contains(&(
        "customer.admin_email".into(),
        "customer-email-partner-domain".into()
    )));
    let mut long = new_customer("boulangeriedurand");
    long["address"]["line1"] = json!("x".repeat(201));
    let r = t.call("POST", "/customers", Some(long), &ga).await;
    assert_eq!(
        (r.status.as_u16(), first_code(&r.body)),
        (422, ("customer.address.line1", "too-long"))
    );

    let made = t
        .call(
            "POST",
            "/customers",
            Some(new_customer("BoulangerieDurand")),
            &ga,
        )
        .await;
    assert_eq!(made.status, 201, "{}", made.body);
    let password = made.body["temporary_password"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        made.body["sign_in_name"],
        "admin@boulangeriedurand.onmicrosoft.com"
    );
    assert_eq!(made.body["customer"]["reseller_id"], CONTOSO);
    assert_eq!(made.body["customer"]["relationship"], "indirect-reseller");
    let id = made.body["customer"]["id"].as_str().unwrap();
    assert!(csp_core::ids::parse_id(id).is_ok(), "a GUID: {id}");
    let dup = t
        .call(
            "POST",
            "/customers",
            Some(new_customer("boulangeriedurand")),
            &ga,
        )
        .await;
    assert_eq!(
        (dup.status.as_u16(), first_code(&dup.body)),
        (409, ("customer.domain_prefix", "domain-prefix-taken"))
    );
    let list = t.call("GET", "/customers", None, &ga).await;
    assert!(ids(&list.body["customers"]).contains(&id.to_string()));
    assert!(!list.body.to_string().contains(&password));
    let taken = t
        .call("GET", "/domain-prefixes/boulangeriedurand", None, &ga)
        .await;
    assert_eq!(taken.body["available"], false);

    // The password is stored as an Argon2id hash and signs the customer's admin in.
    let account = t
        .state
        .store
        .work_account(&csp_core::access::identity_key(
            "admin@boulangeriedurand.onmicrosoft.com",
        ))
        .await
        .unwrap()
        .unwrap();
    assert!(account.password_hash.starts_with("$argon2id$"));
    assert!(!account.password_hash.contains(&password));
    let signed = t
        .call(
            "POST",
            "/work-account/sign-in",
            Some(json!({"user_name": "admin@boulangeriedurand.onmicrosoft.com", "password": password})),
            &ANON,
        )
        .await;
    assert_eq!(signed.status, 200, "{}", signed.body);

    // A provider adds one on behalf of its reseller, and only of its own resellers.
    let fab = t
        .sign_in(csp_server::seed::DEMO_PROVIDER_ADMIN, "demo")
        .await;
    let mut c = new_customer("wingtipdeux");
    c["reseller_id"] = json!("00000000-0000-4000-8000-000000000000");
    let r = t.call("POST", "/customers", Some(c.clone()), &fab).await;
    assert_eq!(first_code(&r.body), ("customer.reseller_id", "choose-one"));
    c["reseller_id"] = json!(ALFA_SOFT);
    let r = t.call("POST", "/customers", Some(c), &fab).await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(
        (
            &r.body["customer"]["reseller_id"],
            &r.body["customer"]["provider_id"]
        ),
        (&json!(ALFA_SOFT), &json!(FABRIKAM))
    );
}

#[tokio::test]
async fn relationship_requests_keep_names_unique_expire_and_terminate() {
    let t = new().await;
    let ga = t.sign_in(csp_server::seed::DEMO_ADMIN, "demo").await;
    let list = t.call("GET", "/relationship-requests", None, &ga).await;
    assert_eq!(
        ids(&list.body["items"]),
        vec![PENDING_REQUEST, ACTIVE_REQUEST]
    );
    assert_eq!(list.body["items"][1]["status"], "active");

    let form = |name: &str| {
        json!({"admin_access": true, "name": name, "duration_days": 365,
               "roles": ["user-administrator", "helpdesk-administrator"], "auto_extend": false})
    };
    let dup = t
        .call(
            "POST",
            "/relationship-requests",
            Some(form("  поддержка   РОМАШКИ ")),
            &ga,
        )
        .await;
    assert_eq!(
        (dup.status.as_u16(), first_code(&dup.body)),
        (422, ("relationship.name", "relationship-name-taken"))
    );
    let long = t
        .call(
            "POST",
            "/relationship-requests",
            Some(form(&"я".repeat(51))),
            &ga,
        )
        .await;
    assert_eq!(
        (long.status.as_u16(), first_code(&long.body)),
        (422, ("relationship.name", "too-long"))
    );
    let made = t
        .call(
            "POST",
            "/relationship-requests",
            Some(form("Durand — support")),
            &ga,
        )
        .await;
    assert_eq!(made.status, 201, "{}", made.body);
    assert_eq!(made.body["status"], "pending");
    assert_eq!(
        made.body["roles"],
        json!(["helpdesk-administrator", "user-administrator"])
    );
    let today = csp_server::state::today();
    assert_eq!(made.body["created_on"], today.to_string());
    assert_eq!(made.body["expires_on"], today.add_days(90).to_string());
    let no_admin = t
        .call(
            "POST",
            "/relationship-requests",
            Some(json!({"admin_access": false})),
            &ga,
        )
        .await;
    assert_eq!(no_admin.status, 201, "{}", no_admin.body);
    let again = t
        .call(
            "POST",
            "/relationship-requests",
            Some(json!({"admin_access": false})),
            &ga,
        )
        .await;
    assert_eq!(
        again.status, 201,
        "requests without admin access have no name to repeat"
    );

    // A pending request lapses after 90 days unapproved.
    let old_form = csp_core::relationship::NewRelationshipRequest {
        admin_access: Some(true),
        name: "Old".into(),
        roles: vec!["directory-readers".into()],
        ..Default::default()
    };
    let old_id = csp_server::secrets::new_guid().unwrap();
    let old =
        csp_core::relationship::new_request(&old_id, &old_form, csp_core::date::Date(today.0 - 91));
    t.state
        .store
        .insert_request(CONTOSO, Some("old".into()), &old, 0)
        .await
        .unwrap();
    let list = t.call("GET", "/relationship-requests", None, &ga).await;
    let shown = list.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == old_id.as_str())
        .unwrap();
    assert_eq!(shown["status"], "expired");

    let end = |id: &str| format!("/relationship-requests/{id}/termination");
    let r = t.call("POST", &end(ACTIVE_REQUEST), None, &ga).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["status"], "terminated");
    assert_eq!(
        t.call("POST", &end(ACTIVE_REQUEST), None, &ga).await.status,
        409
    );
    assert_eq!(
        t.call("POST", &end(PENDING_REQUEST), None, &ga)
            .await
            .status,
        409
    );
    assert_eq!(
        t.call(
            "POST",
            &end("00000000-0000-4000-8000-000000000000"),
            None,
            &ga
        )
        .await
        .status,
        404
    );
    let list = t.call("GET", "/relationship-requests", None, &ga).await;
    let ended = list.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == ACTIVE_REQUEST)
        .unwrap();
    assert_eq!(ended["status"], "terminated");
}

/// Every change needs the session's CSRF token: without it nothing happens.
#[tokio::test]
async fn every_change_needs_the_csrf_token() {
    let t = new().await;
    let ga = t.sign_in(csp_server::seed::DEMO_ADMIN, "demo").await;
    let fab = t
        .sign_in(csp_server::seed::DEMO_PROVIDER_ADMIN, "demo")
        .await;
    let no_csrf = |w: &Who| Who {
        csrf: None,
        ..w.clone()
    };
    let cases: Vec<(&Who, &str, String, Option<Value>)> = vec![
        (
            &ga,
            "POST",
            "/indirect-providers".into(),
            Some(json!({"provider_id": ADVENTURE_WORKS, "consent": true})),
        ),
        (
            &fab,
            "DELETE",
            format!("/indirect-resellers/{MUELLER}"),
            None,
        ),
        (
            &ga,
            "POST",
            "/customers".into(),
            Some(new_customer("csrfshop")),
        ),
        (
            &ga,
            "DELETE",
            format!("/customers/{ROMASHKA}/relationship"),
            None,
        ),
        (
            &ga,
            "POST",
            "/relationship-requests".into(),
            Some(json!({"admin_access": false})),
        ),
        (
            &ga,
            "POST",
            format!("/relationship-requests/{ACTIVE_REQUEST}/termination"),
            None,
        ),
    ];
    for (who, method, path, body) in cases {
        let r = t.call(method, &path, body, &no_csrf(who)).await;
        assert_eq!(
            (r.status.as_u16(), r.body["error"].as_str()),
            (403, Some("csrf")),
            "{method} {path}"
        );
    }
    let providers = t.call("GET", "/indirect-providers", None, &ga).await;
    assert_eq!(ids(&providers.body["items"]), vec![FABRIKAM]);
    let resellers = t.call("GET", "/indirect-resellers", None, &fab).await;
    assert_eq!(resellers.body["items"].as_array().unwrap().len(), 3);
    let list = t.call("GET", "/customers", None, &ga).await;
    assert_eq!(list.body["customers"].as_array().unwrap().len(), 4);
    let reqs = t.call("GET", "/relationship-requests", None, &ga).await;
    assert_eq!(reqs.body["items"].as_array().unwrap().len(), 2);
    assert_eq!(reqs.body["items"][1]["status"], "active");
}
