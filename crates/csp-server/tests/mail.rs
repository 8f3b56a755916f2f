//! Email: the verification link from submit to verified (once, until it expires, asked for
//! again within limits), and the outbox — written with the change that causes it, kept across
//! a restart and an SMTP outage, sent once however many workers run. On SQLite by default, on
//! PostgreSQL under `scripts/postgres-tests.sh`.

mod common;
use axum::http::StatusCode;
use common::*;
use csp_core::mail::Mail;
use csp_core::verification::{LINK_TTL_SECS, RESEND_GAP_SECS};
use csp_server::config::MailConfig;
use csp_server::mail::Mailer;
use csp_server::rows::{ApplicationRow, NewLink, Verification};
use csp_server::secrets::{new_id, token_hash};
use csp_server::state::now;
use csp_server::storage::Store;
use serde_json::{json, Value};
use sqlx::Row;
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

/// The tokens of the verification links emailed so far (rows of one second have no order).
async fn tokens(t: &T) -> Vec<String> {
    t.outbox()
        .await
        .iter()
        .filter_map(|(_, _, m, _)| m["link"].as_str())
        .filter_map(|l| l.split_once("/verify-email#").map(|(_, t)| t.to_string()))
        .collect()
}

/// The token of the only verification link emailed.
async fn last_token(t: &T) -> String {
    let all = tokens(t).await;
    assert_eq!(all.len(), 1, "one verification email");
    all[0].clone()
}

async fn submit(t: &T, who: &Who, language: &str) -> Value {
    let r = t
        .call(
            "POST",
            "/applications",
            Some(json!({"idempotency_key": new_id("k").unwrap(), "draft": french_draft(), "language": language})),
            who,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    r.body
}

#[tokio::test]
async fn a_french_application_emails_a_link_that_verifies_once() {
    let t = new().await;
    let a = enrolling(&t).await;
    let app = submit(&t, &a, "fr").await;
    assert_eq!(app["status"], "awaiting-email-verification");
    assert_eq!(app["language"], "fr");
    assert!(app["email_verified_at"].is_null());
    let sent_at = app["verification_sent_at"].as_i64().unwrap();
    assert_eq!(
        app["verification_resend_at"].as_i64(),
        Some(sent_at + RESEND_GAP_SECS)
    );

    let rows = t.outbox().await;
    assert_eq!(rows.len(), 1);
    let (to, lang, mail, _) = &rows[0];
    assert_eq!(to, "elodie.martin@contoso.fr");
    assert_eq!(lang, "fr");
    assert_eq!(mail["kind"], "confirm-address");
    assert_eq!(mail["reference"], app["reference"]);
    assert!(mail["link"]
        .as_str()
        .unwrap()
        .starts_with("http://127.0.0.1:8090/verify-email#"));
    // Only the hash of the token is stored with the link.
    let token = last_token(&t).await;
    let pool = sqlx::AnyPool::connect(&t.url).await.unwrap();
    let stored: String = sqlx::query("SELECT token_hash FROM email_verifications")
        .fetch_one(&pool)
        .await
        .unwrap()
        .get("token_hash");
    assert_eq!(stored, token_hash(&token));
    assert_ne!(stored, token);

    let r = t
        .call(
            "POST",
            "/email-verifications",
            Some(json!({ "token": token })),
            &ANON,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.body["status"], "in-review");
    assert_eq!(r.body["reference"], app["reference"]);
    assert_eq!(r.body["email"], "elodie.martin@contoso.fr");

    let again = t
        .call(
            "POST",
            "/email-verifications",
            Some(json!({ "token": token })),
            &ANON,
        )
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert_eq!(again.body["field_errors"][0]["field"], "verification.token");
    assert_eq!(
        again.body["field_errors"][0]["code"],
        "verification-link-used"
    );

    let id = app["id"].as_str().unwrap();
    let now_app = t
        .call("GET", &format!("/applications/{id}"), None, &a)
        .await;
    assert_eq!(now_app.body["status"], "in-review");
    assert!(now_app.body["email_verified_at"].as_i64().is_some());
    assert!(now_app.body["verification_resend_at"].is_null());
    let resend = t
        .call(
            "POST",
            &format!("/applications/{id}/verification-email"),
            None,
            &a,
        )
        .await;
    assert_eq!(resend.status, StatusCode::CONFLICT);
    assert_eq!(
        resend.body["field_errors"][0]["code"],
        "email-already-verified"
    );

    let forged = t
        .call(
            "POST",
            "/email-verifications",
            Some(json!({"token": "0".repeat(64)})),
            &ANON,
        )
        .await;
    assert_eq!(forged.status, StatusCode::NOT_FOUND);
    assert_eq!(
        forged.body["field_errors"][0]["code"],
        "verification-link-unknown"
    );
}

#[tokio::test]
async fn an_expired_link_gets_a_new_one_to_the_same_address_within_limits() {
    let t = new().await;
    let a = enrolling(&t).await;
    let app = submit(&t, &a, "ru").await;
    let id = app["id"].as_str().unwrap();
    let token = last_token(&t).await;
    let pool = sqlx::AnyPool::connect(&t.url).await.unwrap();
    sqlx::query("UPDATE email_verifications SET expires_at = 0")
        .execute(&pool)
        .await
        .unwrap();
    let r = t
        .call(
            "POST",
            "/email-verifications",
            Some(json!({ "token": token })),
            &ANON,
        )
        .await;
    assert_eq!(r.status, StatusCode::GONE, "{}", r.body);
    assert_eq!(
        r.body["field_errors"][0]["code"],
        "verification-link-expired"
    );

    // A minute has not passed since the first email.
    let r = t
        .call(
            "POST",
            "/email-verifications/resend",
            Some(json!({ "token": token })),
            &ANON,
        )
        .await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "{}", r.body);
    let wait: i64 = r.headers["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=RESEND_GAP_SECS).contains(&wait), "{wait}");
    let r = t
        .call(
            "POST",
            &format!("/applications/{id}/verification-email"),
            None,
            &a,
        )
        .await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);

    // As if the first email had gone out two minutes ago.
    sqlx::query("UPDATE applications SET verification_sent_at = verification_sent_at - 120")
        .execute(&pool)
        .await
        .unwrap();
    let r = t
        .call(
            "POST",
            "/email-verifications/resend",
            Some(json!({ "token": token })),
            &ANON,
        )
        .await;
    assert_eq!(r.status, StatusCode::ACCEPTED, "{}", r.body);
    assert_eq!(r.body["email"], "elodie.martin@contoso.fr");
    let rows = t.outbox().await;
    assert_eq!(rows.len(), 2);
    assert!(rows
        .iter()
        .all(|(to, lang, _, _)| to == "elodie.martin@contoso.fr" && lang == "ru"));
    let fresh = tokens(&t)
        .await
        .into_iter()
        .find(|x| *x != token)
        .expect("a new link");
    let r = t
        .call(
            "POST",
            "/email-verifications",
            Some(json!({ "token": fresh })),
            &ANON,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);

    // Someone else's application is not found; without a session, 401.
    let other = t.applicant("admin@contoso.de").await;
    let r = t
        .call(
            "POST",
            &format!("/applications/{id}/verification-email"),
            None,
            &other,
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = t
        .call(
            "POST",
            &format!("/applications/{id}/verification-email"),
            None,
            &ANON,
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let r = t
        .call(
            "POST",
            "/email-verifications/resend",
            Some(json!({"token": "nope"})),
            &ANON,
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

fn row(owner: &str, email: &str) -> ApplicationRow {
    ApplicationRow {
        id: new_id("app").unwrap(),
        reference: String::new(),
        owner: owner.into(),
        status: "awaiting-email-verification".into(),
        partner_type: None,
        primary_contact_email: email.into(),
        tenant: None,
        language: "fr".into(),
        email_verified_at: None,
        sends: None,
        version: 1,
        review: None,
        company: "Contoso SARL".into(),
        country: "FR".into(),
        created_at: 0,
        assignee: None,
    }
}

fn link(token: &str, now: i64) -> NewLink {
    NewLink {
        token_hash: token_hash(token),
        expires_at: now + LINK_TTL_SECS,
        mail_id: new_id("msg").unwrap(),
    }
}

fn confirm(a: &ApplicationRow) -> Mail {
    Mail::ConfirmAddress {
        reference: a.reference.clone(),
        link: "http://127.0.0.1:8090/verify-email#x".into(),
        expires_at: 0,
    }
}

async fn store() -> (Store, String, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let url = test_db_url(&dir).await;
    (Store::open(&url).await.unwrap(), url, dir)
}

#[tokio::test]
async fn a_link_expires_and_two_clicks_at_once_verify_once() {
    let (s, _, _d) = store().await;
    let t0 = 1_000_000;
    let token = new_id("tok").unwrap();
    let a = s
        .insert_application(
            &row(&new_id("wac").unwrap(), "li@contoso.cn"),
            "k",
            "{}",
            t0,
            &link(&token, t0),
            confirm,
        )
        .await
        .unwrap();
    let h = token_hash(&token);
    assert!(matches!(
        s.verify_email(&h, t0 + LINK_TTL_SECS).await.unwrap(),
        Verification::Expired
    ));
    let mut tasks = vec![];
    for _ in 0..8 {
        let (s, h) = (s.clone(), h.clone());
        tasks.push(tokio::spawn(async move {
            s.verify_email(&h, t0 + 10).await.unwrap()
        }));
    }
    let mut verified = 0;
    for task in tasks {
        match task.await.unwrap() {
            Verification::Verified(app) => {
                verified += 1;
                assert_eq!(app.status, "in-review");
                assert_eq!(app.email_verified_at, Some(t0 + 10));
            }
            Verification::Used => {}
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(verified, 1);
    assert_eq!(
        s.application(&a.id).await.unwrap().unwrap().status,
        "in-review"
    );
}

/// A minimal SMTP server on loopback: accepts every message and keeps it (its Message-ID and
/// the whole text).
async fn smtp_sink(listener: tokio::net::TcpListener, got: Arc<Mutex<Vec<String>>>) {
    loop {
        let Ok((sock, _)) = listener.accept().await else {
            return;
        };
        let got = got.clone();
        tokio::spawn(async move {
            let (r, mut w) = sock.into_split();
            let mut lines = BufReader::new(r).lines();
            w.write_all(b"220 sink ESMTP\r\n").await.unwrap();
            let mut data: Option<String> = None;
            while let Ok(Some(line)) = lines.next_line().await {
                if let Some(d) = data.as_mut() {
                    if line == "." {
                        got.lock().unwrap().push(data.take().unwrap());
                        w.write_all(b"250 queued\r\n").await.unwrap();
                    } else {
                        d.push_str(&line);
                        d.push('\n');
                    }
                    continue;
                }
                let verb = line
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .to_ascii_uppercase();
                let reply: &[u8] = match verb.as_str() {
                    "EHLO" | "HELO" => b"250 sink\r\n",
                    "DATA" => {
                        data = Some(String::new());
                        b"354 go on\r\n"
                    }
                    "QUIT" => {
                        w.write_all(b"221 bye\r\n").await.unwrap();
                        return;
                    }
                    _ => b"250 ok\r\n",
                };
                w.write_all(reply).await.unwrap();
            }
        });
    }
}

fn mail_config(smtp: Option<String>, dir: Option<std::path::PathBuf>) -> MailConfig {
    MailConfig {
        smtp_url: smtp,
        dir,
        from: "Contoso Partners <partners@contoso.example>".into(),
        retry_base: std::time::Duration::from_secs(1),
        ..MailConfig::default()
    }
}

#[tokio::test]
async fn the_outbox_survives_a_restart_and_an_smtp_outage_and_sends_once() {
    let t = new().await;
    let a = enrolling(&t).await;
    submit(&t, &a, "fr").await;
    // A restart: the row is still there for a new store on the same database.
    let reopened = Store::open(&t.url).await.unwrap();
    let state = csp_server::state::AppState::new(reopened, test_config(&t.url), 8090);

    // The SMTP server is down: its port refuses connections.
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let mailer = Mailer::new(&mail_config(Some(format!("smtp://127.0.0.1:{port}")), None))
        .unwrap()
        .unwrap();
    assert_eq!(mailer.run_once(&state).await.unwrap(), 1);
    assert!(!t.outbox().await[0].3, "not sent while the server is down");
    // Not due again until its retry time.
    assert_eq!(mailer.run_once(&state).await.unwrap(), 0);

    let got = Arc::new(Mutex::new(vec![]));
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
        .await
        .unwrap();
    tokio::spawn(smtp_sink(listener, got.clone()));
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    assert_eq!(mailer.run_once(&state).await.unwrap(), 1);
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    assert_eq!(mailer.run_once(&state).await.unwrap(), 0);
    let got = got.lock().unwrap().clone();
    assert_eq!(got.len(), 1, "sent once");
    let m = &got[0];
    assert!(m.contains("To: elodie.martin@contoso.fr"), "{m}");
    assert!(m.contains("Contoso Partners"), "{m}");
    assert!(m.contains("text/plain") && m.contains("text/html"), "{m}");
    assert!(m.contains("Message-ID: <msg_"), "{m}");
    let rows = t.outbox().await;
    assert!(rows[0].3, "marked sent");
    assert_eq!(
        rows[0].2,
        Value::Null,
        "its content (the link) is gone once sent"
    );
}

#[tokio::test]
async fn two_workers_never_send_one_email_twice() {
    let (s, url, dir) = store().await;
    let t0 = now();
    for i in 0..40 {
        let token = new_id("tok").unwrap();
        s.insert_application(
            &row(&new_id("wac").unwrap(), &format!("user{i}@contoso.fr")),
            "k",
            "{}",
            t0,
            &link(&token, t0),
            confirm,
        )
        .await
        .unwrap();
    }
    let out = dir.path().join("mail");
    let mut workers = vec![];
    for _ in 0..2 {
        let store = Store::open(&url).await.unwrap();
        let state = csp_server::state::AppState::new(store, test_config(&url), 8090);
        let mailer = Mailer::new(&mail_config(None, Some(out.clone())))
            .unwrap()
            .unwrap();
        workers.push(tokio::spawn(async move {
            let mut n = 0;
            loop {
                match mailer.run_once(&state).await.unwrap() {
                    0 => return n,
                    k => n += k,
                }
            }
        }));
    }
    let mut claimed = 0;
    for w in workers {
        claimed += w.await.unwrap();
    }
    assert_eq!(claimed, 40);
    let files = std::fs::read_dir(&out).unwrap().count();
    assert_eq!(files, 40);
    let mut ids = std::collections::BTreeSet::new();
    for f in std::fs::read_dir(&out).unwrap() {
        let text = std::fs::read_to_string(f.unwrap().path()).unwrap();
        let id = text
            .lines()
            .find(|l| l.starts_with("Message-ID:"))
            .unwrap()
            .to_string();
        assert!(ids.insert(id), "one message sent twice");
    }
}
