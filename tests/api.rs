//! Component tests in headless Chromium for the HTTP client facing a failing server: each way
//! it can fail is one typed `Failure` (so every page shows the same translated message for it),
//! a failed sign-in keeps what was typed, and an applicant's sign-in that has ended is asked for
//! again. `window.fetch` is replaced by a stub per case.

mod support;

use csp_core::api::SignIn;
use csp_core::endpoint::{ADD_USER, SIGN_IN};
use csp_portal::api::{Api, Failure};
use csp_portal::config::Config;
use csp_portal::Env;
use support::Ui;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Answers every fetch with `body` (JavaScript; `req` is the `Request`) until dropped.
struct FetchStub(JsValue);

impl FetchStub {
    fn new(body: &str) -> FetchStub {
        let w = gloo::utils::window();
        let real = js_sys::Reflect::get(&w, &"fetch".into()).unwrap();
        let stub = js_sys::Function::new_with_args(
            "input, init",
            &format!("const req = new Request(input, init); {body}"),
        );
        js_sys::Reflect::set(&w, &"fetch".into(), &stub).unwrap();
        FetchStub(real)
    }
}

impl Drop for FetchStub {
    fn drop(&mut self) {
        js_sys::Reflect::set(&gloo::utils::window(), &"fetch".into(), &self.0).unwrap();
    }
}

fn sign_in() -> SignIn {
    SignIn {
        user_name: "admin@contoso.onmicrosoft.com".into(),
        password: "demo".into(),
    }
}

/// What one sign-in call gives when every fetch answers with `body`.
async fn failure_when(body: &str) -> Failure {
    let _stub = FetchStub::new(body);
    let api = Api::http("http://127.0.0.1:9/api", 300);
    api.call(&SIGN_IN, &[], &sign_in()).await.unwrap_err()
}

fn json_answer(status: u16, body: &str) -> String {
    format!("return Promise.resolve(new Response({body:?}, {{status: {status}, headers: {{'Content-Type': 'application/json'}}}}));")
}

#[wasm_bindgen_test]
async fn each_way_a_server_fails_is_one_typed_failure() {
    let server = failure_when(&json_answer(500, r#"{"status":500,"error":"server"}"#)).await;
    assert_eq!(server, Failure::Server(500));
    assert_eq!(server.message_id(), "api-server");

    // A 200 whose JSON is cut short is not the contract's answer: no raw decode error.
    let cut = failure_when(&json_answer(200, r#"{"user": {"id": "usr_"#)).await;
    assert_eq!(cut, Failure::Malformed);
    assert_eq!(cut.message_id(), "api-malformed");

    // No answer: the client gives up after its own timeout.
    let silent = "return new Promise((_, fail) => req.signal.addEventListener('abort', () => fail(new DOMException('aborted', 'AbortError'))));";
    assert_eq!(failure_when(silent).await, Failure::Timeout);
    // The server's request timeout or a gateway's reads the same.
    for status in [408, 504] {
        let answer = json_answer(status, r#"{"status":408,"error":"request-timeout"}"#);
        assert_eq!(failure_when(&answer).await, Failure::Timeout, "{status}");
    }

    // The connection closed before an answer, or in the middle of one.
    let dropped = failure_when("return Promise.reject(new TypeError('Failed to fetch'));").await;
    assert_eq!(dropped, Failure::Network);
    assert_eq!(dropped.message_id(), "api-network");
    let broken_body = "return Promise.resolve(new Response(new ReadableStream({start(c) { c.error(new TypeError('network error')); }}), {status: 200}));";
    assert_eq!(failure_when(broken_body).await, Failure::Network);

    // 409 and 422 keep the contract's problem, for the page's fields.
    let conflict = failure_when(&json_answer(409, r#"{"status":409,"error":"conflict"}"#)).await;
    assert_eq!(conflict.message_id(), "api-conflict");
    let refused = {
        let _stub = FetchStub::new(&json_answer(
            422,
            r#"{"status":422,"error":"validation","field_errors":[{"field":"user.email","code":"email-taken"}]}"#,
        ));
        let api = Api::http("http://127.0.0.1:9/api", 300);
        let u = csp_core::api::NewUser {
            name: "Li Na".into(),
            email: "li.na@contoso.cn".into(),
            agent_role: None,
            admin_role: None,
            language: None,
        };
        api.call(&ADD_USER, &[], &u).await.unwrap_err()
    };
    assert_eq!(refused.field_errors().len(), 1);
    assert_eq!(refused.field_errors()[0].field, csp_core::Field::UserEmail);
}

#[wasm_bindgen_test]
async fn a_sign_in_the_service_could_not_answer_keeps_both_fields() {
    // Not signed in (401 to reads); the sign-in itself meets a service that is down.
    let _stub = FetchStub::new(
        "return Promise.resolve(req.method === 'GET'
            ? new Response('{\"status\":401,\"error\":\"unauthorized\"}', {status: 401})
            : new Response('{\"status\":503,\"error\":\"server\"}', {status: 503}));",
    );
    let config = Config {
        api_base_url: Some("http://127.0.0.1:9/api".into()),
        ..Config::default()
    };
    let ui = Ui::mount_with("/sign-in", false, move || {
        Env::with_api(Api::http("http://127.0.0.1:9/api", 1000), config)
    })
    .await;
    ui.fill(
        "User name (work email address)",
        "admin@contoso.onmicrosoft.com",
    )
    .await;
    ui.fill("Password", "demo").await;
    ui.press("Sign in").await;
    support::settle().await;
    ui.assert_text("The service is not available at the moment. Your answers are kept");
    assert_eq!(
        ui.input("User name (work email address)").value(),
        "admin@contoso.onmicrosoft.com"
    );
    assert_eq!(ui.input("Password").value(), "demo", "kept for the retry");
}

#[wasm_bindgen_test]
async fn a_refused_sign_in_reads_as_one_error() {
    let ui = Ui::mount("/sign-in", false).await;
    ui.fill(
        "User name (work email address)",
        "admin@contoso.onmicrosoft.com",
    )
    .await;
    ui.fill("Password", "not-the-password").await;
    ui.press("Sign in").await;
    support::settle().await;
    ui.assert_text("The user name or password is not right");
    let page = ui.text();
    assert!(!page.contains("Enter your password"), "{page}");
    assert_eq!(
        ui.input("User name (work email address)").value(),
        "admin@contoso.onmicrosoft.com"
    );
}

/// An applicant's call the server refuses because the work-account sign-in has ended says so,
/// and the journey forgets the account that sign-in found: the page asks for the sign-in again.
#[wasm_bindgen_test]
async fn a_work_account_sign_in_that_has_ended_is_asked_for_again() {
    let s = support::fresh_browser();
    let saved = serde_json::json!({
        "draft": csp_core::fixtures::french_draft(),
        "idempotency_key": null,
        "saved_at": js_sys::Date::now(),
    });
    s.set_item("csp-portal.draft.v1", &saved.to_string())
        .unwrap();
    let _stub = FetchStub::new(&json_answer(
        401,
        r#"{"status":401,"error":"unauthorized"}"#,
    ));
    let config = Config {
        api_base_url: Some("http://127.0.0.1:9/api".into()),
        ..Config::default()
    };
    let ui = Ui::mount_with("/enroll/mpn-id", true, move || {
        Env::with_api(Api::http("http://127.0.0.1:9/api", 1000), config)
    })
    .await;
    ui.assert_no_text("Sign in to your work account first");
    ui.click("My MPN ID is not listed: sign in with other credentials")
        .await;
    ui.fill("Partner network user name", "pmc@contoso.fr").await;
    ui.fill("Password", "pw").await;
    ui.click("Continue").await;
    support::settle().await;
    ui.assert_text("Your sign-in to the work account has ended");
    ui.assert_text("Sign in to your work account first");
}
