//! An added user's invitation email: queued with the user, in the language chosen for them;
//! its link chooses the password once and signs the user in; sent again, it replaces the
//! earlier link. On SQLite by default, on PostgreSQL under `scripts/postgres-tests.sh`.

mod common;
use axum::http::StatusCode;
use common::*;
use serde_json::{json, Value};

/// Contoso's global admin adds `email` with this invitation language; the answer.
async fn add(t: &T, admin: &Who, email: &str, language: Option<&str>) -> Value {
    let mut body = json!({"name": "Иван Петров", "email": email, "agent_role": "sales-agent", "admin_role": null});
    if let Some(l) = language {
        body["language"] = json!(l);
    }
    let r = t.call("POST", "/users", Some(body), admin).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    r.body
}

/// The invitation emails to `to` so far, oldest first: (language, mail).
async fn invitations(t: &T, to: &str) -> Vec<(String, Value)> {
    t.outbox()
        .await
        .into_iter()
        .filter(|(r, _, m, _)| r == to && m["kind"] == "invitation")
        .map(|(_, l, m, _)| (l, m))
        .collect()
}

fn token_of(mail: &Value) -> String {
    let link = mail["link"].as_str().unwrap();
    let (_, token) = link
        .split_once("/invitation#")
        .expect("the token in the fragment");
    token.to_string()
}

async fn lookup(t: &T, token: &str) -> (StatusCode, Value) {
    let r = t
        .call(
            "POST",
            "/user-invitations/lookup",
            Some(json!({ "token": token })),
            &ANON,
        )
        .await;
    (r.status, r.body)
}

async fn accept(t: &T, token: &str, password: &str) -> Resp {
    t.call(
        "POST",
        "/user-invitations/accept",
        Some(json!({"token": token, "new_password": password})),
        &ANON,
    )
    .await
}

fn code(body: &Value) -> &str {
    body["field_errors"][0]["code"].as_str().unwrap_or_default()
}

#[tokio::test]
async fn a_russian_invitation_sets_the_password_once_and_signs_the_user_in() {
    let t = new().await;
    let admin = t.sign_in(csp_server::seed::DEMO_ADMIN, "demo").await;
    let made = add(&t, &admin, "ivan.petrov@contoso.com", Some("ru")).await;
    // The admin still sees the sign-in details once.
    let temporary = made["temporary_password"].as_str().unwrap().to_string();
    assert_eq!(made["sign_in_name"], "ivan.petrov@contoso.com");

    let sent = invitations(&t, "ivan.petrov@contoso.com").await;
    assert_eq!(sent.len(), 1, "one invitation, queued with the user");
    let (language, mail) = &sent[0];
    assert_eq!(language, "ru");
    assert_eq!(mail["sign_in_name"], "ivan.petrov@contoso.com");
    assert_eq!(mail["name"], "Иван Петров");
    assert!(!mail["partner"].as_str().unwrap().is_empty());
    // The email never carries the temporary password.
    assert!(!mail.to_string().contains(&temporary));
    let token = token_of(mail);
    assert_eq!(token.len(), 64, "256 random bits");

    let (status, details) = lookup(&t, &token).await;
    assert_eq!(status, StatusCode::OK, "{details}");
    assert_eq!(details["sign_in_name"], "ivan.petrov@contoso.com");
    assert_eq!(details["partner_name"], mail["partner"]);
    assert_eq!(details["expires_at"], mail["expires_at"]);

    // The password rule, on the password's field; nothing is used up.
    let r = accept(&t, &token, "ivan.petrov-2026").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert_eq!(r.body["field_errors"][0]["field"], "password.new_password");
    assert_eq!(code(&r.body), "password-contains-user-name");

    let r = accept(&t, &token, "Берёзовая-роща-42").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.body["must_change_password"], false);
    let who = who_from(&r, "csp_session");
    let me = t.call("GET", "/session", None, &who).await;
    assert_eq!(me.status, StatusCode::OK);
    assert_eq!(me.body["user"]["email"], "ivan.petrov@contoso.com");
    // Signed in for real: a route that refuses a forced password change answers.
    let p = t.call("GET", "/partner", None, &who).await;
    assert_eq!(p.status, StatusCode::OK, "{}", p.body);

    // The chosen password signs in; the temporary one no longer does.
    t.sign_in("ivan.petrov@contoso.com", "Берёзовая-роща-42")
        .await;
    let old = t
        .call(
            "POST",
            "/session",
            Some(json!({"user_name": "ivan.petrov@contoso.com", "password": temporary})),
            &ANON,
        )
        .await;
    assert_eq!(old.status, StatusCode::UNAUTHORIZED);

    // Once only.
    let (status, body) = lookup(&t, &token).await;
    assert_eq!(
        (status, code(&body)),
        (StatusCode::CONFLICT, "invitation-link-used")
    );
    assert_eq!(body["field_errors"][0]["field"], "user_invitation.token");
    let r = accept(&t, &token, "Another-pass-77").await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.headers.get("set-cookie").is_none());
}

#[tokio::test]
async fn sending_again_replaces_the_link_in_the_same_language_until_the_password_is_chosen() {
    let t = new().await;
    let admin = t.sign_in(csp_server::seed::DEMO_ADMIN, "demo").await;
    let made = add(&t, &admin, "li.wei@contoso.com", Some("zh-CN")).await;
    let id = made["user"]["id"].as_str().unwrap().to_string();
    let first = token_of(&invitations(&t, "li.wei@contoso.com").await[0].1);

    // Only those who may manage the user: nobody signed in, another partner's admin.
    let path = format!("/users/{id}/invitation");
    let r = t.call("POST", &path, None, &ANON).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let (_, other) = t
        .other_partner("admin@fabrikamresale.onmicrosoft.com")
        .await;
    let them = t.sign_in(&other.email, "Fabrikam-pass-1").await;
    let r = t.call("POST", &path, None, &them).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(invitations(&t, "li.wei@contoso.com").await.len(), 1);

    let r = t.call("POST", &path, None, &admin).await;
    assert_eq!(r.status, StatusCode::ACCEPTED, "{}", r.body);
    assert_eq!(r.body["email"], "li.wei@contoso.com");
    let sent = invitations(&t, "li.wei@contoso.com").await;
    assert_eq!(sent.len(), 2);
    // Rows of one second have no order: the new one is the one with another token.
    let (language, mail) = sent
        .iter()
        .find(|(_, m)| token_of(m) != first)
        .expect("a new link");
    assert_eq!(language, "zh-CN", "in the language the user was added with");
    let second = token_of(mail);
    assert_eq!(r.body["expires_at"], mail["expires_at"]);

    // The earlier link is worthless now; the new one works.
    let (status, body) = lookup(&t, &first).await;
    assert_eq!(
        (status, code(&body)),
        (StatusCode::GONE, "invitation-link-expired")
    );
    let r = accept(&t, &second, "长城长江黄河泰山华山峨眉").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);

    // Once the password is chosen, there is nothing to send.
    let r = t.call("POST", &path, None, &admin).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
    assert_eq!(code(&r.body), "invitation-accepted");
}

#[tokio::test]
async fn expired_unknown_removed_and_otherwise_chosen_links_open_nothing() {
    let t = new().await;
    let admin = t.sign_in(csp_server::seed::DEMO_ADMIN, "demo").await;

    // No language: English. An unknown one is refused on its field.
    let bad = t
        .call(
            "POST",
            "/users",
            Some(json!({"name": "X", "email": "x@contoso.com", "agent_role": null, "admin_role": null, "language": "de"})),
            &admin,
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(bad.body["field_errors"][0]["field"], "user.language");
    assert!(invitations(&t, "x@contoso.com").await.is_empty());

    add(&t, &admin, "old@contoso.com", None).await;
    let (language, mail) = invitations(&t, "old@contoso.com").await.remove(0);
    assert_eq!(language, "en");
    let token = token_of(&mail);
    {
        sqlx::any::install_default_drivers();
        let pool = sqlx::AnyPool::connect(&t.url).await.unwrap();
        sqlx::query("UPDATE user_invitations SET expires_at = 1")
            .execute(&pool)
            .await
            .unwrap();
    }
    let (status, body) = lookup(&t, &token).await;
    assert_eq!(
        (status, code(&body)),
        (StatusCode::GONE, "invitation-link-expired")
    );
    let r = accept(&t, &token, "Zk8#wq2Lm-x4-ok").await;
    assert_eq!(r.status, StatusCode::GONE);

    let (status, body) = lookup(&t, &"0".repeat(64)).await;
    assert_eq!(
        (status, code(&body)),
        (StatusCode::NOT_FOUND, "invitation-link-unknown")
    );

    // A removed user's link opens nothing.
    let made = add(&t, &admin, "gone@contoso.com", Some("fr")).await;
    let token = token_of(&invitations(&t, "gone@contoso.com").await[0].1);
    let id = made["user"]["id"].as_str().unwrap();
    let r = t
        .call("DELETE", &format!("/users/{id}"), None, &admin)
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    let (status, _) = lookup(&t, &token).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // Signing in with the temporary password and changing it uses the link up.
    let made = add(&t, &admin, "quick@contoso.com", Some("fr")).await;
    let token = token_of(&invitations(&t, "quick@contoso.com").await[0].1);
    let temporary = made["temporary_password"].as_str().unwrap();
    let who = t.sign_in("quick@contoso.com", temporary).await;
    let r = t
        .call(
            "POST",
            "/session/password",
            Some(json!({"current_password": temporary, "new_password": "Zk8#wq2Lm-x4-ok"})),
            &who,
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.body);
    let (status, body) = lookup(&t, &token).await;
    assert_eq!(
        (status, code(&body)),
        (StatusCode::CONFLICT, "invitation-link-used")
    );
}
