//! What the attacker's probe found, each as a test: sessions and their expiry, CSRF, hosts,
//! throttling, facts taken from the directory, scoped idempotency, limits, headers, routing.

mod common;
use axum::body::Body;
use axum::http::Request;
use common::*;
use serde_json::json;
use std::time::Duration;

#[tokio::test]
async fn anonymous_callers_change_nothing() {
    let t = new().await;
    let r = t.call("POST", "/users", Some(json!({"name": "Eve", "email": "eve@contoso.cn", "agent_role": null, "admin_role": "global-admin"})), &ANON).await;
    assert_eq!(r.status, 401);
    assert_eq!(
        t.state.store.user_by_key("eve@contoso.cn").await.unwrap(),
        None
    );
}

#[tokio::test]
async fn sign_in_sets_an_http_only_strict_cookie_and_a_csrf_token() {
    let t = new().await;
    let r = t
        .call(
            "POST",
            "/session",
            Some(json!({"user_name": "ADMIN@contoso.onmicrosoft.com", "password": "demo"})),
            &ANON,
        )
        .await;
    assert_eq!(r.status, 200);
    let c = r.headers.get("set-cookie").unwrap().to_str().unwrap();
    assert!(
        c.starts_with("csp_session=")
            && c.contains("HttpOnly")
            && c.contains("SameSite=Strict")
            && c.contains("Path=/api"),
        "{c}"
    );
    assert!(!c.contains("Secure"), "plain http in tests");
    assert_eq!(r.body["must_change_password"], false);
    let who = who_from(&r, "csp_session");
    let again = t.call("GET", "/session", None, &who).await;
    assert_eq!(
        again.body["csrf_token"], r.body["csrf_token"],
        "a reload recovers the CSRF token"
    );
    assert_eq!(t.call("DELETE", "/session", None, &who).await.status, 204);
    assert_eq!(
        t.call("GET", "/session", None, &who).await.status,
        401,
        "sign-out ends the session"
    );

    let secure = with_config(|c| c.secure_cookies = true).await;
    let r = secure
        .call(
            "POST",
            "/session",
            Some(json!({"user_name": "admin@contoso.onmicrosoft.com", "password": "demo"})),
            &ANON,
        )
        .await;
    assert!(r
        .headers
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .contains("; Secure"));
}

#[tokio::test]
async fn wrong_passwords_and_unknown_users_get_the_same_401() {
    let t = new().await;
    let a = t
        .call(
            "POST",
            "/session",
            Some(json!({"user_name": "admin@contoso.onmicrosoft.com", "password": "x"})),
            &ANON,
        )
        .await;
    let b = t
        .call(
            "POST",
            "/session",
            Some(json!({"user_name": "nobody@contoso.onmicrosoft.com", "password": "x"})),
            &ANON,
        )
        .await;
    assert_eq!((a.status.as_u16(), a.body.clone()), (401, b.body.clone()));
    assert_eq!(a.body["field_errors"][0]["code"], "sign-in-failed");
}

#[tokio::test]
async fn csrf_token_is_required_on_every_state_change() {
    let t = new().await;
    let mut who = t.sign_in(csp_server::seed::DEMO_ADMIN, "demo").await;
    let body = json!({"name": "Li", "email": "li@contoso.cn", "agent_role": "helpdesk-agent", "admin_role": null});
    let csrf = who.csrf.take();
    let r = t.call("POST", "/users", Some(body.clone()), &who).await;
    assert_eq!(
        (r.status.as_u16(), r.body["error"].as_str()),
        (403, Some("csrf"))
    );
    who.csrf = Some("0".repeat(64));
    assert_eq!(
        t.call("POST", "/users", Some(body.clone()), &who)
            .await
            .status,
        403
    );
    assert_eq!(
        t.call("GET", "/users", None, &who).await.status,
        200,
        "reads need no token"
    );
    who.csrf = csrf;
    assert_eq!(t.call("POST", "/users", Some(body), &who).await.status, 201);
}

#[tokio::test]
async fn cross_origin_and_non_json_posts_are_refused() {
    let t = new().await;
    let who = t.sign_in(csp_server::seed::DEMO_ADMIN, "demo").await;
    let body = json!({"name": "Eve", "email": "eve@contoso.cn", "agent_role": null, "admin_role": "global-admin"}).to_string();
    let req = |origin: Option<&str>, ct: &str| {
        let mut b = Request::post("/api/users")
            .header("host", HOST)
            .header("content-type", ct)
            .header("cookie", who.cookie.clone().unwrap())
            .header("x-csrf-token", who.csrf.clone().unwrap());
        if let Some(o) = origin {
            b = b.header("origin", o);
        }
        b.body(Body::from(body.clone())).unwrap()
    };
    // The classic attack: a text/plain form post from another site (its cookie would not even be sent: SameSite=Strict).
    let r = t.raw(req(Some("https://evil.example"), "text/plain")).await;
    assert_eq!(
        (r.status.as_u16(), r.body["error"].as_str()),
        (403, Some("csrf"))
    );
    let r = t.raw(req(None, "text/plain")).await;
    assert_eq!(r.status, 415);
    let r = t
        .raw(req(Some("http://127.0.0.1:8090"), "application/json"))
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let mut cross = req(None, "application/json");
    cross
        .headers_mut()
        .insert("sec-fetch-site", "cross-site".parse().unwrap());
    assert_eq!(t.raw(cross).await.status, 403);
}

#[tokio::test]
async fn unknown_hosts_are_refused() {
    let t = new().await;
    let req = Request::get("/api/settings")
        .header("host", "evil.example")
        .body(Body::empty())
        .unwrap();
    assert_eq!(t.raw(req).await.status, 400);
    let req = Request::get("/api/settings")
        .header("host", "localhost:8090")
        .body(Body::empty())
        .unwrap();
    assert_eq!(t.raw(req).await.status, 200);
    let open = with_config(|c| c.allowed_hosts = Some(vec!["portal.example.com".into()])).await;
    let req = Request::get("/api/settings")
        .header("host", "portal.example.com")
        .body(Body::empty())
        .unwrap();
    assert_eq!(open.raw(req).await.status, 200);
}

#[tokio::test]
async fn sessions_expire_when_idle_and_absolutely() {
    let t = new().await;
    let who = t.sign_in(csp_server::seed::DEMO_ADMIN, "demo").await;
    let hash =
        csp_server::secrets::token_hash(who.cookie.as_ref().unwrap().split('=').nth(1).unwrap());
    let s = t.state.store.session(&hash).await.unwrap().unwrap();
    // Idle: last seen 31 minutes ago (the default idle limit is 30).
    t.state
        .store
        .touch_session(&hash, s.last_seen - 31 * 60)
        .await
        .unwrap();
    assert_eq!(t.call("GET", "/session", None, &who).await.status, 401);
    assert!(
        t.state.store.session(&hash).await.unwrap().is_none(),
        "an expired session is deleted"
    );

    // Absolute: active a moment ago but created 13 hours ago (the default limit is 12).
    let who = t.sign_in(csp_server::seed::DEMO_ADMIN, "demo").await;
    let hash =
        csp_server::secrets::token_hash(who.cookie.as_ref().unwrap().split('=').nth(1).unwrap());
    let mut s = t.state.store.session(&hash).await.unwrap().unwrap();
    t.state.store.delete_session(&hash).await.unwrap();
    s.created_at -= 13 * 3600;
    t.state.store.insert_session(&s).await.unwrap();
    assert_eq!(t.call("GET", "/session", None, &who).await.status, 401);

    // Configurable: a one-minute idle limit.
    let short = with_config(|c| c.session_idle = Duration::from_secs(60)).await;
    let who = short.sign_in(csp_server::seed::DEMO_ADMIN, "demo").await;
    let hash =
        csp_server::secrets::token_hash(who.cookie.as_ref().unwrap().split('=').nth(1).unwrap());
    let s = short.state.store.session(&hash).await.unwrap().unwrap();
    short
        .state
        .store
        .touch_session(&hash, s.last_seen - 61)
        .await
        .unwrap();
    assert_eq!(short.call("GET", "/session", None, &who).await.status, 401);
}

#[tokio::test]
async fn sign_in_is_throttled_per_account_and_per_client() {
    let t = with_config(|c| {
        c.failures_per_account = 3;
        c.failures_per_client = 6;
    })
    .await;
    let bad = json!({"user_name": "admin@contoso.onmicrosoft.com", "password": "guess"});
    for _ in 0..3 {
        assert_eq!(
            t.call("POST", "/session", Some(bad.clone()), &ANON)
                .await
                .status,
            401
        );
    }
    let r = t
        .call(
            "POST",
            "/session",
            Some(json!({"user_name": "admin@contoso.onmicrosoft.com", "password": "demo"})),
            &ANON,
        )
        .await;
    assert_eq!(r.status, 429, "even the right password waits");
    let wait: u64 = r.headers["retry-after"].to_str().unwrap().parse().unwrap();
    assert!(wait > 0 && wait <= 15 * 60 + 1, "{wait}");
    assert_eq!(r.body["error"], "too-many-requests");
    // Per client: spread over accounts, the same address is stopped too.
    for i in 0..3 {
        let r = t
            .call(
                "POST",
                "/session",
                Some(json!({"user_name": format!("u{i}@contoso.cn"), "password": "x"})),
                &ANON,
            )
            .await;
        assert_eq!(r.status, 401);
    }
    let r = t
        .call(
            "POST",
            "/session",
            Some(json!({"user_name": "someone@contoso.cn", "password": "x"})),
            &ANON,
        )
        .await;
    assert_eq!(r.status, 429);
}

#[tokio::test]
async fn work_accounts_are_checked_against_the_directory() {
    let t = new().await;
    let r = t
        .call(
            "POST",
            "/work-account/sign-in",
            Some(json!({"user_name": "admin@contoso.fr", "password": "anything"})),
            &ANON,
        )
        .await;
    assert_eq!(r.status, 401);
    let r = t
        .call(
            "POST",
            "/work-account/sign-in",
            Some(json!({"user_name": "admin@microsoft.com", "password": "motdepasse"})),
            &ANON,
        )
        .await;
    assert_eq!(r.status, 401, "no tenant is made up from the domain");
    let r = t
        .call(
            "POST",
            "/work-account/sign-in",
            Some(json!({"user_name": "admin@contoso.fr", "password": "motdepasse"})),
            &ANON,
        )
        .await;
    assert_eq!(
        (r.status.as_u16(), r.body["country"].as_str()),
        (200, Some("FR"))
    );
    assert!(r.body["csrf_token"].is_string());
}

/// Each sign-in refuses on its own form's password field, one of the contract's fields, so the
/// app shows that sign-in's message on it; a refused partner-network sign-in leaves the
/// applicant's work-account session as it was.
#[tokio::test]
async fn each_sign_in_refuses_on_its_own_password_field() {
    let t = new().await;
    let wrong = |user: &str| Some(json!({"user_name": user, "password": "wrong"}));
    let refused = |r: &common::Resp| {
        assert_eq!(r.status, 401, "{}", r.body);
        (
            r.body["field_errors"][0]["field"]
                .as_str()
                .map(str::to_owned),
            r.body["field_errors"][0]["code"]
                .as_str()
                .map(str::to_owned),
        )
    };
    let expect = |field: &str| (Some(field.to_owned()), Some("sign-in-failed".to_owned()));
    let r = t
        .call(
            "POST",
            "/session",
            wrong("admin@contoso.onmicrosoft.com"),
            &ANON,
        )
        .await;
    assert_eq!(refused(&r), expect("session.password"));
    let r = t
        .call(
            "POST",
            "/work-account/sign-in",
            wrong("admin@contoso.fr"),
            &ANON,
        )
        .await;
    assert_eq!(refused(&r), expect("work_account.password"));
    let a = t.applicant("admin@contoso.fr").await;
    let r = t
        .call(
            "POST",
            "/partner-network/profiles",
            wrong("pmc@contoso.fr"),
            &a,
        )
        .await;
    assert_eq!(refused(&r), expect("pmc.password"));
    let r = t.call("GET", "/work-account/session", None, &a).await;
    assert_eq!(
        r.status, 200,
        "the work-account sign-in is kept: {}",
        r.body
    );
    // A too-long password is a problem of the same field, not of a key the app doesn't know.
    let long = Some(json!({"user_name": "pmc@contoso.fr", "password": "p".repeat(129)}));
    let r = t.call("POST", "/partner-network/profiles", long, &a).await;
    assert_eq!(
        (
            r.status.as_u16(),
            r.body["field_errors"][0]["field"].as_str()
        ),
        (422, Some("pmc.password"))
    );
}

#[tokio::test]
async fn the_profile_and_the_tenant_come_from_the_directory() {
    let t = new().await;
    let a = enrolling(&t).await;
    let submit = |draft: serde_json::Value, key: &str| {
        let a = a.clone();
        let t = &t;
        let key = key.to_string();
        async move {
            t.call(
                "POST",
                "/applications",
                Some(json!({"idempotency_key": key, "draft": draft})),
                &a,
            )
            .await
        }
    };
    // The inactive Lyon profile, relabelled active by the client.
    let mut d = french_draft();
    d["profile"] = json!({"mpn_id": "4410009", "name": "Contoso Lyon", "kind": "location", "status": "active", "country": "FR"});
    let r = submit(d, "k1").await;
    assert_eq!(
        (
            r.status.as_u16(),
            r.body["field_errors"][0]["code"].as_str()
        ),
        (422, Some("profile-inactive")),
        "{}",
        r.body
    );
    // The headquarters profile, relabelled a location in France.
    let mut d = french_draft();
    d["profile"] = json!({"mpn_id": "4410000", "name": "HQ", "kind": "location", "status": "active", "country": "FR"});
    assert_eq!(
        submit(d, "k2").await.body["field_errors"][0]["code"],
        "profile-not-location"
    );
    // A tenant that is not the signed-in account's.
    let mut d = french_draft();
    d["tenant"] = json!({"domain": "microsoft.com", "country": "FR", "organization": "Microsoft"});
    let r = submit(d, "k3").await;
    assert_eq!(
        (
            r.status.as_u16(),
            r.body["field_errors"][0]["code"].as_str()
        ),
        (422, Some("tenant-not-signed-in"))
    );
    // The right tenant but a made-up country: the directory's country (FR) is used.
    let mut d = french_draft();
    d["tenant"]["country"] = json!("GB");
    let r = submit(d, "k4").await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(r.body["tenant"]["country"], "FR");
    assert!(r.body["reference"].as_str().unwrap().starts_with("APP-"));
    assert!(
        r.body["id"].as_str().unwrap().starts_with("app_")
            && r.body["id"].as_str().unwrap().len() == 36
    );
    // A profile of another partner-network account: not found for this applicant.
    let b = t.applicant("admin@contoso.de").await;
    let mut d = french_draft();
    d["tenant"] = json!({"domain": "contoso.de", "country": "DE", "organization": "x"});
    d["profile"]["mpn_id"] = json!("4410003");
    let r = t
        .call(
            "POST",
            "/applications",
            Some(json!({"idempotency_key": "k5", "draft": d})),
            &b,
        )
        .await;
    assert_eq!(
        r.body["field_errors"][0]["code"], "mpn-not-found",
        "{}",
        r.body
    );
}

#[tokio::test]
async fn idempotency_keys_are_scoped_to_their_owner() {
    let t = new().await;
    let a = enrolling(&t).await;
    let req = json!({"idempotency_key": "same-key", "draft": french_draft()});
    let first = t.call("POST", "/applications", Some(req.clone()), &a).await;
    let again = t.call("POST", "/applications", Some(req.clone()), &a).await;
    assert_eq!(first.body["id"], again.body["id"]);
    // Another applicant with the same key gets their own application, not the first one's.
    let b = t.applicant("admin@contoso.ru").await;
    let support_only = json!({"idempotency_key": "same-key", "draft": {"partner_type": "indirect-reseller", "already_enrolled": true,
        "tenant": null, "profile": null, "legal": {"legal_name": "", "address": {"line1": "", "line2": "", "city": "", "state": "", "postal_code": "", "country": ""}},
        "contact": {"first_name": "", "last_name": "", "email": "", "phone": ""},
        "support": {"email": "support@contoso.ru", "phone": "+7 495 123-45-67", "website": ""}, "bank": {"country": "", "account_holder": ""}}});
    let other = t
        .call("POST", "/applications", Some(support_only), &b)
        .await;
    assert_eq!(other.status, 201, "{}", other.body);
    assert_ne!(other.body["id"], first.body["id"]);
    assert_eq!(
        t.call(
            "GET",
            &format!("/applications/{}", first.body["id"].as_str().unwrap()),
            None,
            &b
        )
        .await
        .status,
        404
    );
    // Keys are bounded in length and in number.
    let long = t
        .call(
            "POST",
            "/applications",
            Some(json!({"idempotency_key": "k".repeat(101), "draft": french_draft()})),
            &a,
        )
        .await;
    assert_eq!(
        (
            long.status.as_u16(),
            long.body["field_errors"][0]["field"].as_str()
        ),
        (400, None),
        "no form has the idempotency key: not a field problem"
    );
    for i in 1..csp_server::routes::enrollment::MAX_APPLICATIONS_PER_APPLICANT {
        assert_eq!(
            t.call(
                "POST",
                "/applications",
                Some(json!({"idempotency_key": format!("n{i}"), "draft": french_draft()})),
                &a
            )
            .await
            .status,
            201
        );
    }
    let r = t
        .call(
            "POST",
            "/applications",
            Some(json!({"idempotency_key": "one-too-many", "draft": french_draft()})),
            &a,
        )
        .await;
    assert_eq!(r.status, 429);
}

#[tokio::test]
async fn concurrent_duplicates_make_one_user_and_one_application() {
    let t = new().await;
    let who = t.sign_in(csp_server::seed::DEMO_ADMIN, "demo").await;
    let mut tasks = vec![];
    for i in 0..8 {
        let (app, who) = (t.app.clone(), who.clone());
        // Same address, spelled with case and full-width differences.
        let email = [
            "li@contoso.cn",
            "LI@contoso.cn",
            "li@ｃontoso.cn",
            "Li@Contoso.CN",
        ][i % 4];
        tasks.push(tokio::spawn(async move {
            let tt = T2 { app };
            tt.post_user(email, &who).await
        }));
    }
    let mut created = 0;
    for h in tasks {
        let s = h.await.unwrap();
        if s == 201 {
            created += 1;
        } else {
            assert_eq!(s, 422);
        }
    }
    assert_eq!(created, 1);
    let a = enrolling(&t).await;
    let mut tasks = vec![];
    for _ in 0..6 {
        let (app, a) = (t.app.clone(), a.clone());
        tasks.push(tokio::spawn(async move {
            let tt = T2 { app };
            tt.submit("double-click", &a).await
        }));
    }
    let mut ids = std::collections::BTreeSet::new();
    for h in tasks {
        ids.insert(h.await.unwrap());
    }
    assert_eq!(ids.len(), 1, "{ids:?}");
}

/// A clonable caller for the concurrent test.
struct T2 {
    app: axum::Router,
}
impl T2 {
    async fn send(
        &self,
        path: &str,
        body: serde_json::Value,
        who: &Who,
    ) -> (u16, serde_json::Value) {
        use tower::ServiceExt;
        let req = Request::post(format!("/api{path}"))
            .header("host", HOST)
            .header("content-type", "application/json")
            .header("cookie", who.cookie.clone().unwrap())
            .header("x-csrf-token", who.csrf.clone().unwrap())
            .body(Body::from(body.to_string()))
            .unwrap();
        let r = self.app.clone().oneshot(req).await.unwrap();
        let s = r.status().as_u16();
        let b = axum::body::to_bytes(r.into_body(), 1 << 20).await.unwrap();
        (s, serde_json::from_slice(&b).unwrap_or_default())
    }
    async fn post_user(&self, email: &str, who: &Who) -> u16 {
        self.send("/users", json!({"name": "Li Wei", "email": email, "agent_role": "helpdesk-agent", "admin_role": null}), who).await.0
    }
    async fn submit(&self, key: &str, who: &Who) -> String {
        let (s, b) = self
            .send(
                "/applications",
                json!({"idempotency_key": key, "draft": french_draft()}),
                who,
            )
            .await;
        assert_eq!(s, 201, "{b}");
        b["id"].as_str().unwrap().to_string()
    }
}

#[tokio::test]
async fn full_width_letters_do_not_make_a_second_user() {
    let t = new().await;
    let who = t.sign_in(csp_server::seed::DEMO_ADMIN, "demo").await;
    let add = |email: &str| json!({"name": "Li", "email": email, "agent_role": "helpdesk-agent", "admin_role": null});
    assert_eq!(
        t.call("POST", "/users", Some(add("li@contoso.cn")), &who)
            .await
            .status,
        201
    );
    let r = t
        .call("POST", "/users", Some(add("li@ｃontoso.cn")), &who)
        .await;
    assert_eq!(
        (
            r.status.as_u16(),
            r.body["field_errors"][0]["code"].as_str()
        ),
        (422, Some("email-taken"))
    );
}

#[tokio::test]
async fn temporary_passwords_must_be_changed_first() {
    let t = new().await;
    let admin = t.sign_in(csp_server::seed::DEMO_ADMIN, "demo").await;
    let r = t.call("POST", "/users", Some(json!({"name": "Wang Fang", "email": "wang.fang@contoso.cn", "agent_role": null, "admin_role": "user-management-admin"})), &admin).await;
    let temp = r.body["temporary_password"].as_str().unwrap().to_string();
    assert!(!t
        .call("GET", "/users", None, &admin)
        .await
        .body
        .to_string()
        .contains(&temp));
    let r = t
        .call(
            "POST",
            "/session",
            Some(json!({"user_name": "wang.fang@contoso.cn", "password": temp})),
            &ANON,
        )
        .await;
    assert_eq!(r.body["must_change_password"], true);
    let w = who_from(&r, "csp_session");
    let r = t.call("GET", "/users", None, &w).await;
    assert_eq!(
        (r.status.as_u16(), r.body["error"].as_str()),
        (403, Some("password-change-required"))
    );
    let change = |cur: &str, new: &str| json!({"current_password": cur, "new_password": new});
    let r = t
        .call(
            "POST",
            "/session/password",
            Some(change("wrong", "tulip-Orbit-93-lamp")),
            &w,
        )
        .await;
    assert_eq!(r.body["field_errors"][0]["code"], "password-incorrect");
    let r = t
        .call(
            "POST",
            "/session/password",
            Some(change(&temp, "short")),
            &w,
        )
        .await;
    assert_eq!(
        (
            r.status.as_u16(),
            r.body["field_errors"][0]["code"].as_str()
        ),
        (422, Some("password-too-short"))
    );
    assert_eq!(r.body["field_errors"][0]["field"], "password.new_password");
    assert_eq!(
        t.call(
            "POST",
            "/session/password",
            Some(change(&temp, "tulip-Orbit-93-lamp")),
            &w
        )
        .await
        .status,
        204
    );
    assert_eq!(t.call("GET", "/users", None, &w).await.status, 200);
    assert_eq!(
        t.call("GET", "/session", None, &w).await.body["must_change_password"],
        false
    );
    let old = t
        .call(
            "POST",
            "/session",
            Some(json!({"user_name": "wang.fang@contoso.cn", "password": temp})),
            &ANON,
        )
        .await;
    assert_eq!(old.status, 401);
    t.sign_in("wang.fang@contoso.cn", "tulip-Orbit-93-lamp")
        .await;
}

#[tokio::test]
async fn oversized_bodies_and_fields_are_refused() {
    let t = new().await;
    let who = t.sign_in(csp_server::seed::DEMO_ADMIN, "demo").await;
    // Announced too large: refused before reading.
    let req = Request::post("/api/users")
        .header("host", HOST)
        .header("content-type", "application/json")
        .header("content-length", (1u64 << 30).to_string())
        .body(Body::from("{}"))
        .unwrap();
    let r = t.raw(req).await;
    assert_eq!(
        (r.status.as_u16(), r.body["error"].as_str()),
        (413, Some("payload-too-large"))
    );
    // Streamed without a length: cut at the limit.
    let chunks = futures_like_stream(200 * 1024);
    let req = Request::post("/api/users")
        .header("host", HOST)
        .header("content-type", "application/json")
        .header("cookie", who.cookie.clone().unwrap())
        .header("x-csrf-token", who.csrf.clone().unwrap())
        .body(chunks)
        .unwrap();
    assert_eq!(t.raw(req).await.status, 413);
    // One field over its maxLength.
    let r = t.call("POST", "/users", Some(json!({"name": "n".repeat(101), "email": "a@contoso.cn", "agent_role": null, "admin_role": null})), &who).await;
    assert_eq!(
        (
            r.status.as_u16(),
            r.body["field_errors"][0]["code"].as_str()
        ),
        (422, Some("too-long"))
    );
    assert_eq!(r.body["field_errors"][0]["field"], "user.name");
    // Malformed JSON stays a clean 400.
    let req = Request::post("/api/session")
        .header("host", HOST)
        .header("content-type", "application/json")
        .body(Body::from("{not json"))
        .unwrap();
    let r = t.raw(req).await;
    assert_eq!(
        (r.status.as_u16(), r.body["error"].as_str()),
        (400, Some("bad-request"))
    );
}

/// A body of `n` bytes sent in 8 KiB chunks with no Content-Length.
fn futures_like_stream(n: usize) -> Body {
    let chunks: Vec<Result<axum::body::Bytes, std::io::Error>> = (0..n / 8192)
        .map(|_| Ok(axum::body::Bytes::from(vec![b' '; 8192])))
        .collect();
    Body::from_stream(futures_util::stream::iter(chunks))
}

#[tokio::test]
async fn headers_routing_and_head() {
    let t = new().await;
    let r = t.call("GET", "/settings", None, &ANON).await;
    let csp = r.headers["content-security-policy"].to_str().unwrap();
    assert!(
        csp.contains("'wasm-unsafe-eval'")
            && csp.contains("frame-ancestors 'none'")
            && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    assert_eq!(r.headers["x-content-type-options"], "nosniff");
    assert_eq!(r.headers["referrer-policy"], "no-referrer");
    assert_eq!(r.headers["cache-control"], "no-store");
    let get = |p: &str, m: &str| {
        Request::builder()
            .method(m)
            .uri(p)
            .header("host", HOST)
            .body(Body::empty())
            .unwrap()
    };
    assert_eq!(t.raw(get("/apiusers", "GET")).await.status, 404);
    assert_eq!(t.raw(get("/api/users/", "GET")).await.status, 404);
    assert_eq!(t.raw(get("/api/settings", "HEAD")).await.status, 200);
    assert_eq!(t.raw(get("/api/settings", "DELETE")).await.status, 405);
}
