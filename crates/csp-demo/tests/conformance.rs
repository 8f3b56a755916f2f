//! The conformance suite (crates/csp-conformance) against the in-browser backend, through its
//! JSON routes as the browser's client calls them.

use csp_conformance::{Answer, Target};
use csp_demo::backend::{Backend, State};
use csp_demo::routes::{handle, Request};
use serde_json::Value;

struct Demo(Backend);

impl Target for Demo {
    /// The session token, as the client keeps it.
    type Who = Option<String>;

    async fn call(
        &mut self,
        who: &Self::Who,
        method: &str,
        path: &str,
        body: Option<Value>,
    ) -> Answer {
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        let req = Request {
            method,
            path,
            body: &body,
            session: who.as_deref(),
        };
        let a = handle(&mut self.0, &req);
        Answer {
            status: a.status,
            body: serde_json::from_str(&a.body).unwrap_or(Value::Null),
        }
    }

    async fn sign_in(&mut self, user: &str, password: &str) -> Self::Who {
        let body = serde_json::json!({"user_name": user, "password": password}).to_string();
        let req = Request {
            method: "POST",
            path: "/session",
            body: &body,
            session: None,
        };
        handle(&mut self.0, &req).session.flatten()
    }

    /// The demo keeps one applicant session per browser, beside the user's token: nothing
    /// more to hold.
    async fn work_account_sign_in(&mut self, user: &str) -> Self::Who {
        let body = serde_json::json!({"user_name": user, "password": "any"}).to_string();
        let req = Request {
            method: "POST",
            path: "/work-account/sign-in",
            body: &body,
            session: None,
        };
        handle(&mut self.0, &req);
        None
    }
}

#[test]
fn the_demo_backend_conforms() {
    let mut n = 0u128;
    let random = move || {
        n += 1;
        n.to_le_bytes()
    };
    let mut demo = Demo(Backend::new(State::seeded(), random));
    let failures = futures::executor::block_on(csp_conformance::run(&mut demo));
    assert!(
        failures.is_empty(),
        "{} differences:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
