//! Component tests in headless Chromium for the customer's acceptance page, against the
//! in-browser backend's demo data: Contoso's pending request, the two-tier link of Contoso and
//! Fabrikam Distribution, and the demo directory's customer organizations (Northwind Traders,
//! with a Global admin and a user who is not; Tailspin Toys). One test per state of the page.

mod support;

use csp_core::relationship::{new_request, NewRelationshipRequest, RelationshipRequest};
use support::{default_env, fresh_browser, Ui};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const CONTOSO: &str = "7c1e9a44-2b3d-4e8f-a6c5-913d0f2e7b15";
const FABRIKAM: &str = "0b8f3c2a-6d1e-4f7a-9c3b-2e5d8a1f4b60";
/// Contoso's pending request in the demo data ("Поддержка Ромашки").
const PENDING: &str = "b7f8a9c0-d1e2-4f3a-8b5c-6d7e8f9a0b1c";

fn request_link(id: &str) -> String {
    format!(
        "/customers?invType=ResellerRelationship&partnerId={CONTOSO}&msppId=0&DAP=true&gdapId={id}"
    )
}

fn two_tier_link() -> String {
    format!(
        "/customers?invType=ResellerRelationship&partnerId={CONTOSO}&msppId={FABRIKAM}&DAP=false"
    )
}

/// The in-browser backend with one more request of Contoso's, made by `make` from a fresh
/// pending one dated `days_ago`.
fn env_with_request(
    id: &str,
    days_ago: u32,
    make: impl FnOnce(RelationshipRequest) -> RelationshipRequest,
) -> csp_portal::Env {
    let env = default_env();
    {
        let mut b = env.api.local_backend().expect("the in-browser backend");
        let today = b.today;
        let r = new_request(
            id,
            &NewRelationshipRequest {
                admin_access: Some(false),
                ..Default::default()
            },
            csp_core::date::Date(today.0 - days_ago),
        );
        // The demo's own record type, through its JSON: a request and the partner that sent it.
        let mut owned = serde_json::to_value(make(r)).unwrap();
        owned["partner_id"] = CONTOSO.into();
        b.state
            .relationship_requests
            .push(serde_json::from_value(owned).unwrap());
    }
    env
}

async fn sign_in(ui: &Ui, user: &str) {
    ui.fill("Work account", user).await;
    ui.fill("Password", "motdepasse").await;
    ui.press("Sign in").await;
    ui.until("Signed in to").await;
}

#[wasm_bindgen_test]
async fn a_link_the_portal_did_not_send_says_so() {
    fresh_browser();
    for path in [
        "/customers?invType=ResellerRelationship".to_string(),
        "/customers?invType=ResellerRelationship&partnerId=not-an-id".to_string(),
        request_link("00000000-0000-4000-8000-000000000000"),
        format!("/customers?invType=ResellerRelationship&partnerId={CONTOSO}&msppId=e6a1b3c5-7d9f-4b2e-8c4a-6f8e0d2b4a17"),
    ] {
        let ui = Ui::at(&path).await;
        ui.until("not valid").await;
        assert_eq!(ui.heading(), "This invitation link is not valid", "{path}");
        ui.assert_text("ask the partner for a new one");
    }
}

#[wasm_bindgen_test]
async fn the_global_admin_accepts_a_request_and_the_link_is_then_used() {
    fresh_browser();
    let env = default_env();
    let e = env.clone();
    let ui = Ui::mount_with(&request_link(PENDING), true, move || e).await;
    ui.until("invites your organization").await;
    assert_eq!(
        ui.heading(),
        "Contoso invites your organization to a reseller relationship"
    );
    // What accepting grants, before any sign-in.
    ui.assert_text("Contoso becomes your organization's Cloud Solution Provider partner");
    ui.assert_text("Administrator access to your organization for");
    ui.assert_text("Request: Поддержка Ромашки");
    // Nothing typed: the sign-in fields say what is missing.
    ui.press("Sign in").await;
    assert!(ui.error_for("Work account").is_some());
    // A user of the organization who is not its Global admin is refused, with why.
    sign_in(&ui, "lea.martin@northwindtraders.onmicrosoft.com").await;
    ui.assert_text("Signed in to Northwind Traders (northwindtraders.onmicrosoft.com)");
    ui.press("Accept").await;
    ui.until("Only a Global admin").await;
    ui.assert_text("Only a Global admin of your organization can answer this invitation");
    ui.click("Use another account").await;
    sign_in(&ui, "admin@northwindtraders.onmicrosoft.com").await;
    ui.press("Accept").await;
    ui.until("You accepted").await;
    assert_eq!(ui.heading(), "You accepted Contoso as your reseller");
    ui.assert_text("now appears on the Customers page of Contoso");
    drop(ui);

    // The same link again: used.
    let ui = Ui::mount_with(&request_link(PENDING), true, move || env).await;
    ui.until("already").await;
    assert_eq!(ui.heading(), "This invitation has already been accepted");
}

#[wasm_bindgen_test]
async fn declining_a_two_tier_link_tells_the_partners() {
    fresh_browser();
    let env = default_env();
    let e = env.clone();
    let ui = Ui::mount_with(&two_tier_link(), true, move || e).await;
    ui.until("invites your organization").await;
    ui.assert_text("Fabrikam Distribution, the indirect provider of Contoso");
    ui.assert_text("No administrator access to your organization.");
    sign_in(&ui, "admin@tailspintoys.onmicrosoft.com").await;
    ui.press("Decline").await;
    ui.until("You declined").await;
    assert_eq!(ui.heading(), "You declined the request from Contoso");
    let b = env.api.local_backend().unwrap();
    let to: Vec<&str> = b.state.outbox.iter().map(|m| m.to.as_str()).collect();
    assert_eq!(
        to,
        vec![
            "admin@contoso.onmicrosoft.com",
            "admin@fabrikam.onmicrosoft.com"
        ]
    );
}

#[wasm_bindgen_test]
async fn an_expired_request_says_so() {
    fresh_browser();
    let id = "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
    let env = env_with_request(id, 91, |r| r);
    let ui = Ui::mount_with(&request_link(id), true, move || env).await;
    ui.until("expired").await;
    assert_eq!(ui.heading(), "This invitation has expired");
    ui.assert_text("Ask Contoso to send a new one");
}

#[wasm_bindgen_test]
async fn a_declined_request_says_so() {
    fresh_browser();
    let id = "7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
    let env = env_with_request(id, 5, |r| RelationshipRequest {
        declined_on: Some(r.created_on.add_days(1)),
        ..r
    });
    let ui = Ui::mount_with(&request_link(id), true, move || env).await;
    ui.until("declined").await;
    assert_eq!(ui.heading(), "This invitation was declined");
}
