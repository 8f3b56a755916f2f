//! A property pass over every request body the contract takes: arbitrary JSON (and arbitrary
//! text), sent by a caller who may use that route, is answered with a contract status — never
//! a 500, never a panic.

mod common;
use common::*;
use csp_conformance::new_customer;
use proptest::prelude::*;
use serde_json::{json, Value};

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| json!(f)),
        "\\PC{0,40}".prop_map(Value::String),
        prop_oneof![
            Just("indirect-reseller"),
            Just("global-admin"),
            Just("4410001"),
            Just("FR"),
            Just("li@contoso.cn"),
            Just("approved")
        ]
        .prop_map(|s| Value::String(s.into())),
    ];
    leaf.prop_recursive(4, 48, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    Just("user_name".to_string()),
                    Just("password".to_string()),
                    Just("idempotency_key".to_string()),
                    Just("draft".to_string()),
                    Just("name".to_string()),
                    Just("email".to_string()),
                    Just("agent_role".to_string()),
                    Just("admin_role".to_string()),
                    Just("status".to_string()),
                    Just("profile".to_string()),
                    Just("tenant".to_string()),
                    Just("current_password".to_string()),
                    Just("new_password".to_string()),
                    Just("organization".to_string()),
                    Just("domain_prefix".to_string()),
                    Just("country".to_string()),
                    "[a-z_]{1,12}",
                ],
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A body that is mostly right with one field replaced: reaches the rules, not only the parser.
fn mutated(base: Value) -> impl Strategy<Value = Value> {
    let keys: Vec<String> = base
        .as_object()
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default();
    (prop::sample::select(keys), arb_json()).prop_map(move |(k, v)| {
        let mut b = base.clone();
        b[&k] = v;
        b
    })
}

const OK: &[u16] = &[200, 201, 204, 400, 401, 403, 404, 409, 413, 415, 422, 429];

#[test]
fn no_request_body_makes_the_server_fail() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let (t, admin, applicant, operator, app_path) = rt.block_on(async {
        let t = with_config(|c| {
            c.failures_per_account = 1_000_000;
            c.failures_per_client = 1_000_000;
        })
        .await;
        let admin = t.sign_in(csp_server::seed::DEMO_ADMIN, "demo").await;
        let operator = t.sign_in(csp_server::seed::DEMO_OPERATOR, "demo").await;
        let applicant = enrolling(&t).await;
        let r = t
            .call(
                "POST",
                "/applications",
                Some(json!({"idempotency_key": "p", "draft": french_draft()})),
                &applicant,
            )
            .await;
        let app_path = format!(
            "/review/applications/{}/decisions",
            r.body["id"].as_str().unwrap()
        );
        let target = t
            .add_user(
                &t.demo_partner().await,
                "target@contoso.cn",
                Some("helpdesk-agent"),
                None,
                "Target-pass-1",
            )
            .await;
        (
            t,
            admin,
            applicant,
            operator,
            (app_path, format!("/users/{}/roles", target.id)),
        )
    });
    let routes: Vec<(&str, String, Who, Value)> = vec![
        (
            "POST",
            "/session".into(),
            ANON,
            json!({"user_name": "admin@contoso.onmicrosoft.com", "password": "x"}),
        ),
        (
            "POST",
            "/work-account/sign-in".into(),
            ANON,
            json!({"user_name": "admin@contoso.fr", "password": "x"}),
        ),
        (
            "POST",
            "/work-account/tenants".into(),
            ANON,
            json!({"organization": "O", "domain_prefix": "p", "country": "FR", "admin_first_name": "A", "admin_last_name": "B", "admin_email": "a@b.fr"}),
        ),
        (
            "POST",
            "/partner-network/profiles".into(),
            applicant.clone(),
            json!({"user_name": "pmc@contoso.fr", "password": "x"}),
        ),
        (
            "POST",
            "/applications".into(),
            applicant.clone(),
            json!({"idempotency_key": "q", "draft": french_draft()}),
        ),
        (
            "POST",
            app_path.0.clone(),
            operator.clone(),
            json!({"action": "request-changes", "version": 1, "steps": ["bank"], "message": "m"}),
        ),
        (
            "POST",
            "/users".into(),
            admin.clone(),
            json!({"name": "N", "email": "n@contoso.cn", "agent_role": null, "admin_role": null}),
        ),
        (
            "PUT",
            app_path.1.clone(),
            admin.clone(),
            json!({"agent_role": null, "admin_role": null}),
        ),
        (
            "POST",
            "/session/password".into(),
            admin.clone(),
            json!({"current_password": "x", "new_password": "y"}),
        ),
        (
            "POST",
            "/indirect-providers".into(),
            admin.clone(),
            json!({"provider_id": ADVENTURE_WORKS, "consent": false}),
        ),
        (
            "POST",
            "/customers".into(),
            admin.clone(),
            new_customer("propertyshop"),
        ),
        (
            "POST",
            "/relationship-requests".into(),
            admin.clone(),
            json!({"admin_access": true, "name": "N", "duration_days": 730, "roles": ["directory-readers"], "auto_extend": false}),
        ),
    ];
    let mut cfg = ProptestConfig::with_cases(48);
    cfg.failure_persistence = None;
    for (method, path, who, base) in routes {
        let mut runner = proptest::test_runner::TestRunner::new(cfg.clone());
        let strategy = prop_oneof![arb_json(), mutated(base)];
        runner
            .run(&strategy, |body| {
                let r = rt.block_on(t.call(method, &path, Some(body.clone()), &who));
                prop_assert!(
                    OK.contains(&r.status.as_u16()),
                    "{method} {path} {body} -> {} {}",
                    r.status,
                    r.body
                );
                prop_assert!(
                    r.body["status"].is_number() || r.status.is_success(),
                    "error shape: {}",
                    r.body
                );
                Ok(())
            })
            .unwrap();
        // Non-JSON text too.
        let mut runner = proptest::test_runner::TestRunner::new(cfg.clone());
        runner
            .run(&"\\PC{0,200}", |text| {
                use axum::body::Body;
                let mut b = axum::http::Request::builder()
                    .method(method)
                    .uri(format!("/api{path}"))
                    .header("host", HOST)
                    .header("content-type", "application/json");
                if let Some(c) = &who.cookie {
                    b = b
                        .header("cookie", c)
                        .header("x-csrf-token", who.csrf.clone().unwrap());
                }
                let r = rt.block_on(t.raw(b.body(Body::from(text)).unwrap()));
                prop_assert!(OK.contains(&r.status.as_u16()), "{}", r.status);
                Ok(())
            })
            .unwrap();
    }
}
