//! A customer's Global admin answers a reseller-relationship link on the reference server:
//! the link's states (open, used, expired, declined, forged), who may answer, what accepting
//! lists and where, the partners' emails in the outbox, and the configurable link base.

mod common;
use common::*;
use serde_json::{json, Value};

const NORTHWIND_ADMIN: &str = "admin@northwindtraders.onmicrosoft.com";
const NORTHWIND_USER: &str = "lea.martin@northwindtraders.onmicrosoft.com";
const TAILSPIN_ADMIN: &str = "admin@tailspintoys.onmicrosoft.com";

fn refusal(v: &Value) -> (&str, &str) {
    (
        v["field_errors"][0]["field"].as_str().unwrap_or(""),
        v["field_errors"][0]["code"].as_str().unwrap_or(""),
    )
}

/// A request of Contoso's with admin access; its ID.
async fn contoso_request(t: &T, name: &str) -> String {
    let ga = t.sign_in(csp_server::seed::DEMO_ADMIN, "demo").await;
    let r = t
        .call(
            "POST",
            "/relationship-requests",
            Some(json!({"admin_access": true, "name": name, "duration_days": 365, "roles": ["helpdesk-administrator"]})),
            &ga,
        )
        .await;
    assert_eq!(r.status.as_u16(), 201, "{}", r.body);
    r.body["id"].as_str().unwrap().to_string()
}

fn answer(request: Option<&str>, provider: Option<&str>, accept: bool) -> Value {
    let mut v = json!({"partner_id": CONTOSO, "accept": accept, "language": "fr"});
    if let Some(r) = request {
        v["request_id"] = json!(r);
    }
    if let Some(p) = provider {
        v["provider_id"] = json!(p);
    }
    v
}

async fn customers_of(t: &T, admin: &str) -> Vec<Value> {
    let who = t.sign_in(admin, "demo").await;
    let r = t.call("GET", "/customers?limit=200", None, &who).await;
    assert_eq!(r.status.as_u16(), 200, "{}", r.body);
    r.body["customers"].as_array().unwrap().clone()
}

#[tokio::test]
async fn a_global_admin_accepts_a_request_and_the_customer_is_listed_active() {
    let t = new().await;
    let id = contoso_request(&t, "Support Northwind").await;
    let view = t
        .call(
            "GET",
            &format!("/customer-invitation?partner_id={CONTOSO}&request_id={id}"),
            None,
            &ANON,
        )
        .await;
    assert_eq!(view.status.as_u16(), 200, "{}", view.body);
    assert_eq!(view.body["state"], "open");
    assert_eq!(view.body["partner_name"], "Contoso");
    assert_eq!(
        view.body["request"]["roles"],
        json!(["helpdesk-administrator"])
    );
    assert_eq!(view.body["request"]["duration_days"], 365);

    // Someone who is not the tenant's Global admin is refused, and nothing changes.
    let user = t.applicant(NORTHWIND_USER).await;
    let r = t
        .call(
            "POST",
            "/customer-invitation/answer",
            Some(answer(Some(&id), None, true)),
            &user,
        )
        .await;
    assert_eq!(r.status.as_u16(), 422, "{}", r.body);
    assert_eq!(
        refusal(&r.body),
        ("invitation.answer", "accept-global-admin-only")
    );
    // Without the session's CSRF token: refused before anything else.
    let mut no_csrf = t.applicant(NORTHWIND_ADMIN).await;
    no_csrf.csrf = None;
    let r = t
        .call(
            "POST",
            "/customer-invitation/answer",
            Some(answer(Some(&id), None, true)),
            &no_csrf,
        )
        .await;
    assert_eq!(r.status.as_u16(), 403);
    assert!(t.outbox().await.is_empty());

    let admin = t.applicant(NORTHWIND_ADMIN).await;
    let r = t
        .call(
            "POST",
            "/customer-invitation/answer",
            Some(answer(Some(&id), None, true)),
            &admin,
        )
        .await;
    assert_eq!(r.status.as_u16(), 200, "{}", r.body);
    assert_eq!(r.body["state"], "used");

    let listed = customers_of(&t, csp_server::seed::DEMO_ADMIN).await;
    let c = listed
        .iter()
        .find(|c| c["company_name"] == "Northwind Traders")
        .expect("on Contoso's Customers page");
    assert_eq!(c["primary_domain"], "northwindtraders.onmicrosoft.com");
    assert_eq!(c["reseller_id"], CONTOSO);
    assert_eq!(c["relationship"], "reseller");
    let today = csp_server::state::today();
    assert_eq!(c["accepted"]["status"], "active");
    assert_eq!(c["accepted"]["request_id"], id.as_str());
    assert_eq!(c["accepted"]["accepted_on"], json!(today));
    assert_eq!(c["accepted"]["expires_on"], json!(today.add_days(365)));
    // The request is active too, naming its customer.
    let ga = t.sign_in(csp_server::seed::DEMO_ADMIN, "demo").await;
    let reqs = t
        .call("GET", "/relationship-requests?limit=200", None, &ga)
        .await;
    let mine = reqs.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id.as_str())
        .unwrap()
        .clone();
    assert_eq!(mine["status"], "active");
    assert_eq!(mine["customer_id"], c["id"]);

    // Contoso's global admin got the email, in the page's language, queued with the change.
    let mails = t.outbox().await;
    assert_eq!(mails.len(), 1);
    let (to, lang, mail, _) = &mails[0];
    assert_eq!(
        (to.as_str(), lang.as_str()),
        (csp_server::seed::DEMO_ADMIN, "fr")
    );
    assert_eq!(mail["kind"], "relationship-answered");
    assert_eq!(mail["accepted"], true);
    assert_eq!(mail["customer"], "Northwind Traders");
    assert_eq!(mail["request"], "Support Northwind");
    assert!(mail["link"].as_str().unwrap().ends_with("/customers"));

    // The link once more: used, and a second answer is refused.
    let again = t
        .call(
            "POST",
            "/customer-invitation/answer",
            Some(answer(Some(&id), None, true)),
            &admin,
        )
        .await;
    assert_eq!(again.status.as_u16(), 409);
    assert_eq!(
        refusal(&again.body),
        ("invitation.answer", "invitation-closed")
    );
    assert_eq!(again.body["field_errors"][0]["args"]["state"], "used");
    let view = t
        .call(
            "GET",
            &format!("/customer-invitation?partner_id={CONTOSO}&request_id={id}"),
            None,
            &ANON,
        )
        .await;
    assert_eq!(view.body["state"], "used");
    assert_eq!(t.outbox().await.len(), 1);
}

#[tokio::test]
async fn declining_marks_the_request_and_tells_the_partner() {
    let t = new().await;
    let id = contoso_request(&t, "Refus").await;
    let admin = t.applicant(TAILSPIN_ADMIN).await;
    let r = t
        .call(
            "POST",
            "/customer-invitation/answer",
            Some(answer(Some(&id), None, false)),
            &admin,
        )
        .await;
    assert_eq!(r.status.as_u16(), 200, "{}", r.body);
    assert_eq!(r.body["state"], "declined");
    let view = t
        .call(
            "GET",
            &format!("/customer-invitation?partner_id={CONTOSO}&request_id={id}"),
            None,
            &ANON,
        )
        .await;
    assert_eq!(view.body["state"], "declined");
    assert!(customers_of(&t, csp_server::seed::DEMO_ADMIN)
        .await
        .iter()
        .all(|c| c["company_name"] != "Tailspin Toys"));
    let mails = t.outbox().await;
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].2["accepted"], false);
    assert!(mails[0].2["link"]
        .as_str()
        .unwrap()
        .ends_with("/customers/relationship-requests"));
    // Declined is final: accepting afterwards is refused.
    let late = t
        .call(
            "POST",
            "/customer-invitation/answer",
            Some(answer(Some(&id), None, true)),
            &admin,
        )
        .await;
    assert_eq!(late.status.as_u16(), 409);
    assert_eq!(late.body["field_errors"][0]["args"]["state"], "declined");
}

#[tokio::test]
async fn a_two_tier_link_lists_the_customer_for_both_partners() {
    let t = new().await;
    let admin = t.applicant(TAILSPIN_ADMIN).await;
    let view = t
        .call(
            "GET",
            &format!("/customer-invitation?partner_id={CONTOSO}&provider_id={FABRIKAM}"),
            None,
            &ANON,
        )
        .await;
    assert_eq!(view.status.as_u16(), 200, "{}", view.body);
    assert_eq!(
        (
            view.body["partner_name"].as_str(),
            view.body["provider_name"].as_str()
        ),
        (Some("Contoso"), Some("Fabrikam Distribution"))
    );
    let r = t
        .call(
            "POST",
            "/customer-invitation/answer",
            Some(answer(None, Some(FABRIKAM), true)),
            &admin,
        )
        .await;
    assert_eq!(r.status.as_u16(), 200, "{}", r.body);
    for partner_admin in [
        csp_server::seed::DEMO_ADMIN,
        csp_server::seed::DEMO_PROVIDER_ADMIN,
    ] {
        let listed = customers_of(&t, partner_admin).await;
        let c = listed
            .iter()
            .find(|c| c["company_name"] == "Tailspin Toys")
            .unwrap_or_else(|| panic!("on {partner_admin}'s Customers page"));
        assert_eq!(
            (c["reseller_id"].as_str(), c["provider_id"].as_str()),
            (Some(CONTOSO), Some(FABRIKAM))
        );
        assert_eq!(c["relationship"], "indirect-reseller");
        assert_eq!(c["accepted"]["status"], "active");
    }
    let mails = t.outbox().await;
    // Queued together: their order in the outbox is not theirs to keep.
    let mut mails = mails;
    mails.sort_by(|a, b| a.0.cmp(&b.0));
    let to: Vec<&str> = mails.iter().map(|m| m.0.as_str()).collect();
    assert_eq!(
        to,
        vec![
            csp_server::seed::DEMO_ADMIN,
            csp_server::seed::DEMO_PROVIDER_ADMIN
        ]
    );
    assert_eq!(mails[0].2["with_partner"], "Fabrikam Distribution");
    assert_eq!(mails[1].2["with_partner"], "Contoso");
    // The same link again, by the same customer: used.
    let again = t
        .call(
            "POST",
            "/customer-invitation/answer",
            Some(answer(None, Some(FABRIKAM), true)),
            &admin,
        )
        .await;
    assert_eq!(again.status.as_u16(), 409);
    assert_eq!(again.body["field_errors"][0]["args"]["state"], "used");
}

#[tokio::test]
async fn forged_and_expired_links_and_partner_tenants() {
    let t = new().await;
    let forged = |q: String| {
        let t = &t;
        async move {
            t.call("GET", &format!("/customer-invitation?{q}"), None, &ANON)
                .await
                .status
                .as_u16()
        }
    };
    // An unknown request, a provider Contoso has not authorized, a malformed or missing ID.
    assert_eq!(
        forged(format!(
            "partner_id={CONTOSO}&request_id=00000000-0000-4000-8000-000000000000"
        ))
        .await,
        404
    );
    assert_eq!(
        forged(format!(
            "partner_id={CONTOSO}&provider_id={ADVENTURE_WORKS}"
        ))
        .await,
        404
    );
    assert_eq!(
        forged(format!(
            "partner_id=not-a-guid&request_id={PENDING_REQUEST}"
        ))
        .await,
        404
    );
    assert_eq!(forged(format!("partner_id={CONTOSO}")).await, 404);
    assert_eq!(forged(String::new()).await, 404);
    // Another partner's request under Contoso's ID.
    assert_eq!(
        forged(format!(
            "partner_id={FABRIKAM}&request_id={PENDING_REQUEST}"
        ))
        .await,
        404
    );
    let admin = t.applicant(NORTHWIND_ADMIN).await;
    let r = t
        .call(
            "POST",
            "/customer-invitation/answer",
            Some(answer(
                Some("00000000-0000-4000-8000-000000000000"),
                None,
                true,
            )),
            &admin,
        )
        .await;
    assert_eq!(r.status.as_u16(), 404);

    // A request sent 91 days ago, never answered: expired.
    let today = csp_server::state::today();
    let old = csp_core::relationship::new_request(
        "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
        &csp_core::relationship::NewRelationshipRequest {
            admin_access: Some(false),
            ..Default::default()
        },
        csp_core::date::Date(today.0 - 91),
    );
    t.state
        .store
        .insert_request(CONTOSO, None, &old, 0)
        .await
        .unwrap();
    let view = t
        .call(
            "GET",
            &format!(
                "/customer-invitation?partner_id={CONTOSO}&request_id={}",
                old.id
            ),
            None,
            &ANON,
        )
        .await;
    assert_eq!(view.body["state"], "expired");
    let r = t
        .call(
            "POST",
            "/customer-invitation/answer",
            Some(answer(Some(&old.id), None, true)),
            &admin,
        )
        .await;
    assert_eq!(r.status.as_u16(), 409);
    assert_eq!(r.body["field_errors"][0]["args"]["state"], "expired");

    // A partner's own tenant is not a customer.
    let id = contoso_request(&t, "Soi-même").await;
    let hash = t.state.hasher.hash("Own-tenant-1").unwrap();
    t.state
        .store
        .insert_work_account(
            "wac_own",
            &csp_core::access::identity_key("it@contoso.onmicrosoft.com"),
            "it@contoso.onmicrosoft.com",
            &hash,
            "contoso.onmicrosoft.com",
        )
        .await
        .unwrap();
    let r = t
        .call(
            "POST",
            "/work-account/sign-in",
            Some(json!({"user_name": "it@contoso.onmicrosoft.com", "password": "Own-tenant-1"})),
            &ANON,
        )
        .await;
    let own = who_from(&r, "csp_applicant");
    let r = t
        .call(
            "POST",
            "/customer-invitation/answer",
            Some(answer(Some(&id), None, true)),
            &own,
        )
        .await;
    assert_eq!(r.status.as_u16(), 422);
    assert_eq!(
        refusal(&r.body),
        ("invitation.answer", "accept-partner-tenant")
    );
}

#[tokio::test]
async fn the_link_base_is_the_portals_page_unless_configured() {
    let t = new().await;
    let s = t.call("GET", "/settings", None, &ANON).await;
    assert!(
        s.body.get("customer_acceptance_url").is_none(),
        "{}",
        s.body
    );
    let t = with_config(|c| {
        c.customer_acceptance_url = Some("https://admin.contoso.example/partner-invitation".into())
    })
    .await;
    let s = t.call("GET", "/settings", None, &ANON).await;
    assert_eq!(
        s.body["customer_acceptance_url"],
        "https://admin.contoso.example/partner-invitation"
    );
}
