//! The server's authorization table: every route × anonymous, each built-in role, another
//! partner's global admin, the operator, an applicant and the demo provider's global admin →
//! the expected status. The callers and routes every backend has are the conformance suite's
//! too (tests/conformance.rs); this table adds the server's own: operators, applicants and
//! partners made in storage. Targets have no role and get one a user manager holds, so the
//! rows test who may manage users, not what each may grant (the conformance suite does).

mod common;
use common::*;
use csp_conformance::new_customer;
use serde_json::json;
use std::collections::BTreeMap;

const ROLES: &[(&str, Option<&str>, Option<&str>)] = &[
    ("admin-agent", Some("admin-agent"), None),
    ("sales-agent", Some("sales-agent"), None),
    ("helpdesk-agent", Some("helpdesk-agent"), None),
    ("global-admin", None, Some("global-admin")),
    ("user-management-admin", None, Some("user-management-admin")),
    ("billing-admin", None, Some("billing-admin")),
];

#[tokio::test]
async fn every_route_for_every_caller() {
    let t = new().await;
    let partner = t.demo_partner().await;
    let mut callers: BTreeMap<&str, Who> = BTreeMap::new();
    callers.insert("anonymous", Who::default());
    for (name, agent, admin) in ROLES {
        let email = format!("{name}@contoso.cn");
        t.add_user(&partner, &email, *agent, *admin, "Role-pass-123")
            .await;
        callers.insert(name, t.sign_in(&email, "Role-pass-123").await);
    }
    t.other_partner("admin@fabrikam.com").await;
    callers.insert(
        "other-tenant-admin",
        t.sign_in("admin@fabrikam.com", "Fabrikam-pass-1").await,
    );
    callers.insert(
        "operator",
        t.sign_in(csp_server::seed::DEMO_OPERATOR, "demo").await,
    );
    callers.insert("applicant", enrolling(&t).await);
    callers.insert(
        "provider-admin",
        t.sign_in(csp_server::seed::DEMO_PROVIDER_ADMIN, "demo")
            .await,
    );
    let other_applicant = t.applicant("admin@contoso.de").await;

    // One application by the applicant, one target user per mutating call.
    let made = t
        .call(
            "POST",
            "/applications",
            Some(json!({"idempotency_key": "authz", "draft": french_draft()})),
            &callers["applicant"],
        )
        .await;
    assert_eq!(made.status, 201, "{}", made.body);
    let app_id = made.body["id"].as_str().unwrap().to_string();
    assert_eq!(
        t.call(
            "GET",
            &format!("/applications/{app_id}"),
            None,
            &other_applicant
        )
        .await
        .status,
        404
    );

    // Expected status per caller, in this order:
    // anonymous, admin-agent, sales-agent, helpdesk-agent, global-admin, user-management-admin,
    // billing-admin, other-tenant-admin (another reseller), operator, applicant, provider-admin
    // (the demo's indirect provider). Every role user is the demo reseller's.
    let order = [
        "anonymous",
        "admin-agent",
        "sales-agent",
        "helpdesk-agent",
        "global-admin",
        "user-management-admin",
        "billing-admin",
        "other-tenant-admin",
        "operator",
        "applicant",
        "provider-admin",
    ];
    type Row = (&'static str, &'static str, [u16; 11]);
    let table: Vec<Row> = vec![
        ("GET", "/settings", [200; 11]),
        ("GET", "/countries", [200; 11]),
        ("GET", "/roles", [200; 11]),
        (
            "GET",
            "/users",
            [401, 403, 403, 403, 200, 200, 403, 200, 403, 401, 200],
        ),
        (
            "POST",
            "/users",
            [401, 403, 403, 403, 201, 201, 403, 201, 403, 401, 201],
        ),
        (
            "PUT",
            "/users/{target}/roles",
            [401, 403, 403, 403, 200, 200, 403, 404, 403, 401, 404],
        ),
        (
            "DELETE",
            "/users/{target}",
            [401, 403, 403, 403, 204, 204, 403, 404, 403, 401, 404],
        ),
        (
            "GET",
            "/partner",
            [401, 200, 200, 200, 200, 200, 200, 200, 404, 401, 200],
        ),
        (
            "GET",
            "/indirect-providers",
            [401, 200, 200, 403, 200, 403, 403, 200, 403, 401, 403],
        ),
        (
            "GET",
            "/indirect-providers/{provider}",
            [401, 200, 200, 200, 200, 200, 200, 200, 404, 401, 200],
        ),
        (
            "POST",
            "/indirect-providers",
            [401, 403, 403, 403, 201, 403, 403, 201, 403, 401, 403],
        ),
        (
            "GET",
            "/indirect-resellers",
            [401, 403, 403, 403, 403, 403, 403, 403, 403, 401, 200],
        ),
        (
            "DELETE",
            "/indirect-resellers/{reseller}",
            [401, 403, 403, 403, 403, 403, 403, 403, 403, 401, 204],
        ),
        (
            "GET",
            "/customers",
            [401, 200, 200, 200, 200, 403, 403, 200, 403, 401, 200],
        ),
        (
            "POST",
            "/customers",
            [401, 201, 201, 403, 201, 403, 403, 201, 403, 401, 201],
        ),
        (
            "GET",
            "/domain-prefixes/{prefix}",
            [401, 200, 200, 403, 200, 403, 403, 200, 403, 401, 200],
        ),
        (
            "DELETE",
            "/customers/{customer}/relationship",
            [401, 204, 204, 403, 204, 403, 403, 404, 403, 401, 404],
        ),
        (
            "GET",
            "/relationship-requests",
            [401, 200, 200, 403, 200, 403, 403, 200, 403, 401, 200],
        ),
        (
            "POST",
            "/relationship-requests",
            [401, 201, 201, 403, 201, 403, 403, 201, 403, 401, 201],
        ),
        (
            "POST",
            "/relationship-requests/{request}/termination",
            [401, 200, 200, 403, 200, 403, 403, 404, 403, 401, 404],
        ),
        (
            "GET",
            "/session",
            [401, 200, 200, 200, 200, 200, 200, 200, 200, 401, 200],
        ),
        (
            "GET",
            "/work-account/session",
            [401, 401, 401, 401, 401, 401, 401, 401, 401, 200, 401],
        ),
        (
            "POST",
            "/partner-network/profiles",
            [401, 401, 401, 401, 401, 401, 401, 401, 401, 200, 401],
        ),
        (
            "POST",
            "/applications",
            [401, 401, 401, 401, 401, 401, 401, 401, 401, 201, 401],
        ),
        (
            "GET",
            "/applications/{app}",
            [401, 404, 404, 404, 404, 404, 404, 404, 200, 200, 404],
        ),
        // Only the applicant who submitted it; it was emailed a moment ago, so that is 429.
        (
            "POST",
            "/applications/{app}/verification-email",
            [401, 401, 401, 401, 401, 401, 401, 401, 401, 429, 401],
        ),
        // The token is the proof, whoever sends it: an unknown one is 404 for everyone.
        (
            "POST",
            "/email-verifications",
            [404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404],
        ),
        (
            "POST",
            "/email-verifications/resend",
            [404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404],
        ),
        (
            "GET",
            "/applications/{app}/answers",
            [401, 401, 401, 401, 401, 401, 401, 401, 401, 200, 401],
        ),
        // The applicant's application is not waiting for changes: 409.
        (
            "PUT",
            "/applications/{app}",
            [401, 401, 401, 401, 401, 401, 401, 401, 401, 409, 401],
        ),
        (
            "GET",
            "/review/applications",
            [401, 403, 403, 403, 403, 403, 403, 403, 200, 401, 403],
        ),
        (
            "GET",
            "/review/applications/{app}",
            [401, 403, 403, 403, 403, 403, 403, 403, 200, 401, 403],
        ),
        // On a version that is not the application's: 409 for the operator.
        (
            "POST",
            "/review/applications/{app}/decisions",
            [401, 403, 403, 403, 403, 403, 403, 403, 409, 401, 403],
        ),
        // The operator's organization is no partner: 404.
        (
            "GET",
            "/partner/agreement",
            [401, 200, 200, 200, 200, 200, 200, 200, 404, 401, 200],
        ),
        // Global admins only; signing again keeps the first signature.
        (
            "POST",
            "/partner/agreement",
            [401, 403, 403, 403, 200, 403, 403, 200, 404, 401, 200],
        ),
        (
            "POST",
            "/session/password",
            [401, 422, 422, 422, 422, 422, 422, 422, 422, 401, 422],
        ),
        (
            "DELETE",
            "/session",
            [401, 204, 204, 204, 204, 204, 204, 204, 204, 401, 204],
        ),
        (
            "DELETE",
            "/work-account/session",
            [401, 401, 401, 401, 401, 401, 401, 401, 401, 204, 401],
        ),
    ];
    let mut n = 0;
    let mut failures = vec![];
    for (method, path, expected) in &table {
        for (i, caller) in order.iter().enumerate() {
            n += 1;
            let target = t
                .add_user(
                    &partner,
                    &format!("target{n}@contoso.cn"),
                    None,
                    None,
                    "Target-pass-1",
                )
                .await;
            let customer = t.contoso_customer(&format!("authz{n}")).await;
            let request = t.active_request(&format!("authz{n}")).await;
            let p = path
                .replace("{target}", &target.id)
                .replace("{app}", &app_id)
                .replace("{provider}", ADVENTURE_WORKS)
                .replace("{reseller}", MUELLER)
                .replace("{customer}", &customer)
                .replace("{request}", &request)
                .replace("{prefix}", "authzfreeprefix");
            let body = match (*method, *path) {
                ("POST", "/users") => {
                    // At the caller's partner's own domain.
                    let domain = match *caller {
                        "other-tenant-admin" => "fabrikamresale.onmicrosoft.com",
                        "provider-admin" => "fabrikam.com",
                        _ => "contoso.cn",
                    };
                    Some(
                        json!({"name": "New User", "email": format!("new{n}@{domain}"), "agent_role": null, "admin_role": null}),
                    )
                }
                ("PUT", "/users/{target}/roles") => {
                    Some(json!({"agent_role": null, "admin_role": "user-management-admin"}))
                }
                ("POST", "/partner-network/profiles") => {
                    Some(json!({"user_name": "pmc@contoso.fr", "password": "motdepasse"}))
                }
                ("POST", "/applications") => {
                    Some(json!({"idempotency_key": format!("k{n}"), "draft": french_draft()}))
                }
                ("PUT", "/applications/{app}") => Some(
                    json!({"idempotency_key": format!("r{n}"), "version": 1, "draft": french_draft()}),
                ),
                ("POST", "/review/applications/{app}/decisions") => {
                    Some(json!({"action": "approve", "version": 0}))
                }
                ("POST", "/partner/agreement") => Some(
                    json!({"version": "2026-10", "name": "Alex Wilber", "job_title": "Director", "accept": true}),
                ),
                ("POST", "/email-verifications" | "/email-verifications/resend") => {
                    Some(json!({"token": format!("unknown-{n}")}))
                }
                ("POST", "/indirect-providers") => {
                    Some(json!({"provider_id": ADVENTURE_WORKS, "consent": true}))
                }
                ("POST", "/customers") => Some(new_customer(&format!("authzshop{n}"))),
                ("POST", "/relationship-requests") => Some(
                    json!({"admin_access": true, "name": format!("Support {n}"), "duration_days": 730, "roles": ["directory-readers", "helpdesk-administrator"], "auto_extend": false}),
                ),
                ("POST", "/session/password") => {
                    Some(json!({"current_password": "wrong", "new_password": "Another-pass-77"}))
                }
                _ => None,
            };
            let r = t.call(method, &p, body, &callers[caller]).await;
            if r.status.as_u16() != expected[i] {
                failures.push(format!(
                    "{method} {path} as {caller}: {} (expected {}) {}",
                    r.status.as_u16(),
                    expected[i],
                    r.body
                ));
            }
            if r.status == 403 && r.body["error"] == "forbidden" {
                assert!(
                    r.body["required_feature"].is_string(),
                    "403 names the feature: {}",
                    r.body
                );
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {n} cases differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[tokio::test]
async fn forbidden_names_the_roles_that_can() {
    let t = new().await;
    let partner = t.demo_partner().await;
    t.add_user(
        &partner,
        "ha@contoso.cn",
        Some("helpdesk-agent"),
        None,
        "Role-pass-123",
    )
    .await;
    let w = t.sign_in("ha@contoso.cn", "Role-pass-123").await;
    let r = t.call("GET", "/users", None, &w).await;
    assert_eq!(r.status, 403);
    assert_eq!(r.body["required_feature"], "users");
    assert_eq!(
        r.body["roles"],
        json!(["global-admin", "user-management-admin"])
    );
}

#[tokio::test]
async fn tenants_are_isolated() {
    let t = new().await;
    let (_, fab_admin) = t.other_partner("admin@fabrikam.com").await;
    let fab = t.sign_in("admin@fabrikam.com", "Fabrikam-pass-1").await;
    let users = t.call("GET", "/users", None, &fab).await;
    let emails: Vec<&str> = users.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["email"].as_str().unwrap())
        .collect();
    assert_eq!(emails, vec!["admin@fabrikam.com"]);
    let contoso = t.sign_in(csp_server::seed::DEMO_ADMIN, "demo").await;
    let del = t
        .call(
            "DELETE",
            &format!("/users/{}", fab_admin.id),
            None,
            &contoso,
        )
        .await;
    assert_eq!(del.status, 404);
    let roles = t
        .call(
            "PUT",
            &format!("/users/{}/roles", fab_admin.id),
            Some(json!({"agent_role": null, "admin_role": null})),
            &contoso,
        )
        .await;
    assert_eq!(roles.status, 404);
    assert!(t
        .state
        .store
        .user_by_id(&fab_admin.id)
        .await
        .unwrap()
        .is_some());
}

#[tokio::test]
async fn user_management_admins_cannot_make_global_admins_and_someone_keeps_the_users_feature() {
    let t = new().await;
    let partner = t.demo_partner().await;
    t.add_user(
        &partner,
        "uma@contoso.cn",
        None,
        Some("user-management-admin"),
        "Role-pass-123",
    )
    .await;
    let uma = t.sign_in("uma@contoso.cn", "Role-pass-123").await;
    let r = t.call("POST", "/users", Some(json!({"name": "Eve", "email": "eve@contoso.cn", "agent_role": null, "admin_role": "global-admin"})), &uma).await;
    assert_eq!(r.status, 403, "{}", r.body);
    let admin = t
        .state
        .store
        .user_by_key("admin@contoso.onmicrosoft.com")
        .await
        .unwrap()
        .unwrap();
    let r = t
        .call("DELETE", &format!("/users/{}", admin.id), None, &uma)
        .await;
    assert_eq!(
        r.status, 403,
        "a user management admin cannot remove a global admin"
    );

    // The global admin cannot remove the partner's last user manager... once alone.
    let ga = t.sign_in(csp_server::seed::DEMO_ADMIN, "demo").await;
    let me = t
        .state
        .store
        .user_by_key("uma@contoso.cn")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        t.call("DELETE", &format!("/users/{}", me.id), None, &ga)
            .await
            .status,
        204
    );
    let r = t
        .call(
            "PUT",
            &format!("/users/{}/roles", admin.id),
            Some(json!({"agent_role": "admin-agent", "admin_role": null})),
            &ga,
        )
        .await;
    assert_eq!(
        (
            r.status.as_u16(),
            r.body["field_errors"][0]["code"].as_str()
        ),
        (409, Some("last-user-admin"))
    );
    let r = t
        .call(
            "PUT",
            &format!("/users/{}/roles", admin.id),
            Some(json!({"agent_role": "admin-agent", "admin_role": "global-admin"})),
            &ga,
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["agent_role"], "admin-agent");
}

/// Two global admins, the partner's only user managers, remove each other at the same moment:
/// the decisions are taken one after the other, so one of them is left every time.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_last_managers_removing_each_other_at_once_leave_one() {
    let t = new().await;
    let (partner, first) = t
        .other_partner("admin@fabrikamresale.onmicrosoft.com")
        .await;
    let demote = |id: String| {
        let store = t.state.store.clone();
        let partner = partner.clone();
        async move {
            let any = |_: &[_]| Ok::<(), ()>(());
            store
                .change_user(&partner, &id, Some((None, None)), any)
                .await
                .unwrap()
                .unwrap();
        }
    };
    let mut left = first.id.clone();
    for round in 0..10 {
        let pair: Vec<_> = futures_util::future::join_all(["x", "y"].map(|who| {
            let email = format!("{who}{round}@fabrikamresale.onmicrosoft.com");
            let t = &t;
            let partner = partner.clone();
            async move {
                let u = t
                    .add_user(
                        &partner,
                        &email,
                        None,
                        Some("global-admin"),
                        "Admin-pass-123",
                    )
                    .await;
                (u.id, t.sign_in(&email, "Admin-pass-123").await)
            }
        }))
        .await;
        // Only the two new admins manage users now.
        demote(left.clone()).await;
        let ((x, x_who), (y, y_who)) = (pair[0].clone(), pair[1].clone());
        let (to_y, to_x) = (format!("/users/{y}"), format!("/users/{x}"));
        let (a, b) = tokio::join!(
            t.call("DELETE", &to_y, None, &x_who),
            t.call("DELETE", &to_x, None, &y_who)
        );
        let removed = [a.status, b.status].iter().filter(|s| **s == 204).count();
        assert_eq!(removed, 1, "round {round}: {} and {}", a.status, b.status);
        left = if a.status == 204 { x } else { y };
        let managers = t
            .state
            .store
            .users_of(&partner)
            .await
            .unwrap()
            .into_iter()
            .filter(|u| u.admin_role.as_deref() == Some("global-admin"))
            .count();
        assert_eq!(managers, 1, "round {round}");
    }
}
