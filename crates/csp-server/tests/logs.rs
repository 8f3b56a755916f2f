//! The logs, at their most verbose, never contain a password, a session or CSRF token, or a
//! bank account number.

mod common;
use common::*;
use serde_json::json;
use std::io::Write;
use std::sync::{Arc, Mutex};

#[derive(Clone, Default)]
struct Buf(Arc<Mutex<Vec<u8>>>);

impl Write for Buf {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn no_secret_reaches_the_logs() {
    let buf = Buf::default();
    let sink = buf.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || sink.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let t = new().await;
    let bad = t
        .call(
            "POST",
            "/session",
            Some(
                json!({"user_name": csp_server::seed::DEMO_ADMIN, "password": "Wr0ng-Secret-Pass"}),
            ),
            &ANON,
        )
        .await;
    assert_eq!(bad.status, 401);
    let admin = t.sign_in(csp_server::seed::DEMO_ADMIN, "demo").await;
    let created = t.call("POST", "/users", Some(json!({"name": "Li", "email": "li@contoso.cn", "agent_role": "helpdesk-agent", "admin_role": null})), &admin).await;
    let temp = created.body["temporary_password"]
        .as_str()
        .unwrap()
        .to_string();
    let a = enrolling(&t).await;
    let r = t
        .call(
            "POST",
            "/applications",
            Some(json!({"idempotency_key": "logs", "draft": french_draft()})),
            &a,
        )
        .await;
    assert_eq!(r.status, 201);
    // The verification link's token, from the email queued for it, is followed.
    let outbox = t.outbox().await;
    let token_in = |kind: &str| {
        let mail = &outbox.iter().find(|m| m.2["kind"] == kind).unwrap().2;
        mail["link"]
            .as_str()
            .unwrap()
            .rsplit_once('#')
            .unwrap()
            .1
            .to_string()
    };
    // The added user's invitation link is followed too, and a password chosen with it.
    let invitation_token = token_in("invitation");
    let chosen = "Invited-Chosen-Pass-9";
    let accepted = t
        .call(
            "POST",
            "/user-invitations/accept",
            Some(json!({"token": invitation_token, "new_password": chosen})),
            &ANON,
        )
        .await;
    assert_eq!(accepted.status, 200, "{}", accepted.body);
    let mail = outbox
        .iter()
        .find(|m| m.2["kind"] == "confirm-address")
        .unwrap()
        .2
        .clone();
    let link_token = mail["link"]
        .as_str()
        .unwrap()
        .rsplit_once('#')
        .unwrap()
        .1
        .to_string();
    let v = t
        .call(
            "POST",
            "/email-verifications",
            Some(json!({ "token": link_token })),
            &ANON,
        )
        .await;
    assert_eq!(v.status, 200);

    let logs = String::from_utf8(buf.0.lock().unwrap().clone()).unwrap();
    assert!(
        logs.contains("sign-in failed"),
        "the log is captured: {logs}"
    );
    let token = admin
        .cookie
        .as_ref()
        .unwrap()
        .split('=')
        .nth(1)
        .unwrap()
        .to_string();
    for secret in [
        "Wr0ng-Secret-Pass".to_string(),
        temp,
        invitation_token,
        chosen.to_string(),
        token,
        admin.csrf.clone().unwrap(),
        a.csrf.clone().unwrap(),
        "FR76 3000 6000 0112 3456 7890 189".into(),
        "FR7630006000011234567890189".into(),
        "motdepasse".into(),
        link_token,
    ] {
        assert!(!logs.contains(&secret), "{secret} is in the logs");
    }
}
