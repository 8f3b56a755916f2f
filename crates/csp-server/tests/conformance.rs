//! The conformance suite (crates/csp-conformance) against the API server, over HTTP: the same
//! table and rules the in-browser backend answers, so the two cannot drift apart.

mod common;
use common::*;
use csp_conformance::{Answer, Target};
use serde_json::{json, Value};

impl Target for T {
    /// The session cookie and its CSRF token.
    type Who = Who;

    async fn call(&mut self, who: &Who, method: &str, path: &str, body: Option<Value>) -> Answer {
        let r = T::call(self, method, path, body, who).await;
        Answer {
            status: r.status.as_u16(),
            body: r.body,
        }
    }

    async fn sign_in(&mut self, user: &str, password: &str) -> Who {
        let body = json!({"user_name": user, "password": password});
        let r = T::call(self, "POST", "/session", Some(body), &ANON).await;
        if r.status.is_success() {
            who_from(&r, "csp_session")
        } else {
            Who::default()
        }
    }

    async fn work_account_sign_in(&mut self, user: &str) -> Who {
        self.applicant(user).await
    }
}

#[tokio::test]
async fn the_server_conforms() {
    let mut t = new().await;
    let failures = csp_conformance::run(&mut t).await;
    assert!(
        failures.is_empty(),
        "{} differences:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
