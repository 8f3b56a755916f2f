//! Component tests in headless Chromium for the operator's review and the partner agreement,
//! against the in-browser backend: the queue and its filter, the decision form's errors and a
//! request for changes, and an approved partner's pages closed until its global admin signs.

mod support;

use csp_core::api::{ApplicationStatus, SignIn, SubmitApplication};
use csp_core::endpoint::{SIGN_IN, SUBMIT_APPLICATION, WORK_ACCOUNT_SIGN_IN};
use csp_core::fixtures::french_draft;
use csp_demo::review::DEMO_OPERATOR;
use csp_portal::Env;
use support::{fresh_browser, settle, Ui};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn sign_in(user: &str, password: &str) -> SignIn {
    SignIn {
        user_name: user.into(),
        password: password.into(),
    }
}

/// The French application, submitted by the work account `admin@contoso.fr` and in review;
/// its ID.
async fn in_review(env: &Env, key: &str) -> String {
    env.api
        .call(
            &WORK_ACCOUNT_SIGN_IN,
            &[],
            &sign_in("admin@contoso.fr", "motdepasse"),
        )
        .await
        .unwrap();
    let app = env
        .api
        .call(
            &SUBMIT_APPLICATION,
            &[],
            &SubmitApplication {
                idempotency_key: key.into(),
                draft: french_draft(),
                language: "fr".into(),
            },
        )
        .await
        .unwrap();
    // The primary contact follows the link (the demo's own hook for it).
    env.api
        .local_backend()
        .unwrap()
        .set_status(&app.id, ApplicationStatus::InReview)
        .unwrap();
    app.id
}

async fn as_operator(env: &Env) {
    let info = env
        .api
        .call(&SIGN_IN, &[], &sign_in(DEMO_OPERATOR, "demo"))
        .await
        .unwrap();
    env.api.set_csrf(Some(info.csrf_token));
}

async fn write_message(ui: &Ui, text: &str) {
    let t: web_sys::HtmlTextAreaElement =
        ui.control("Message to the applicant").dyn_into().unwrap();
    t.set_value(text);
    let d = web_sys::InputEventInit::new();
    d.set_bubbles(true);
    t.dispatch_event(&web_sys::InputEvent::new_with_event_init_dict("input", &d).unwrap())
        .unwrap();
    settle().await;
}

#[wasm_bindgen_test]
async fn the_queue_lists_applications_for_operators_only_and_filters_them() {
    fresh_browser();
    let env = support::default_env();
    in_review(&env, "q1").await;
    as_operator(&env).await;
    let ui = Ui::mount_with("/review", true, move || env).await;
    ui.until("APP-000001").await;
    assert_eq!(ui.heading(), "Applications to review");
    let nav = ui.root.query_selector("nav.header-nav").unwrap().unwrap();
    assert!(nav.text_content().unwrap().contains("Review applications"));
    ui.assert_text("Contoso SARL");
    ui.assert_text("Indirect reseller");
    ui.assert_text("In review");
    ui.select("Status", "needs-changes").await;
    ui.press("Show applications").await;
    ui.until("No applications match").await;
    ui.assert_no_text("APP-000001");
    drop(ui);

    // A partner's global admin is no operator: no link, and the page says so.
    fresh_browser();
    let env = support::default_env();
    support::sign_in_with_roles(
        &env,
        "admin@contoso.onmicrosoft.com",
        "contoso.com",
        None,
        Some("global-admin"),
    )
    .await;
    let ui = Ui::mount_with("/review", true, move || env).await;
    assert_eq!(ui.heading(), "You do not have permission to see this page");
    let nav = ui.root.query_selector("nav.header-nav").unwrap().unwrap();
    assert!(!nav.text_content().unwrap().contains("Review applications"));
}

#[wasm_bindgen_test]
async fn a_decision_says_what_it_lacks_then_requests_changes() {
    fresh_browser();
    let env = support::default_env();
    let id = in_review(&env, "d1").await;
    as_operator(&env).await;
    let ui = Ui::mount_with(&format!("/review/applications/{id}"), true, move || env).await;
    ui.until("Application APP-000001").await;
    assert_eq!(ui.heading(), "Application APP-000001");
    // The answers as Check your answers shows them, the checks, and the trail so far.
    ui.assert_text("Legal business profile");
    ui.assert_text("Email domain matches the company");
    ui.assert_text("Submitted");

    ui.press("Send decision").await;
    let s = ui.summary().expect("an error summary");
    assert!(
        s.contains("Select approve, request changes or reject"),
        "{s}"
    );
    ui.check("Request changes").await;
    ui.press("Send decision").await;
    let s = ui.summary().expect("an error summary");
    assert!(s.contains("Select at least one step"), "{s}");
    assert!(s.contains("Write a message to the applicant"), "{s}");
    assert!(ui.error_for("Message to the applicant").is_some());

    ui.check("Bank information").await;
    write_message(&ui, "Le titulaire du compte doit être Contoso SARL.").await;
    ui.press("Send decision").await;
    ui.until("Decision recorded").await;
    ui.assert_text("Decision recorded: the application is now \"Needs changes\"");
    ui.assert_text("Changes requested");
    ui.assert_text("Steps to change: Bank information");
    ui.assert_text("Le titulaire du compte doit être Contoso SARL.");
    assert!(ui.summary().is_none());
}

#[wasm_bindgen_test]
async fn an_approved_partner_signs_the_agreement_before_its_pages_open() {
    use csp_core::endpoint::DECIDE;
    use csp_core::review::{Action, Decision};
    fresh_browser();
    let env = support::default_env();
    let id = in_review(&env, "a1").await;
    as_operator(&env).await;
    let approve = Decision {
        action: Action::Approve,
        version: 1,
        steps: vec![],
        reason: None,
        message: String::new(),
    };
    let app = env.api.call(&DECIDE, &[&id], &approve).await.unwrap();
    assert_eq!(app.status, ApplicationStatus::Approved);
    // The enrolling work account is the new partner's global admin.
    let info = env
        .api
        .call(&SIGN_IN, &[], &sign_in("admin@contoso.fr", "motdepasse"))
        .await
        .unwrap();
    env.api.set_csrf(Some(info.csrf_token));
    let ui = Ui::mount_with("/customers", true, move || env).await;
    ui.until("Sign the partner agreement first").await;
    assert_eq!(ui.heading(), "Sign the partner agreement first");
    ui.click("Sign the partner agreement").await;
    ui.until("Read the full agreement").await;
    assert_eq!(ui.heading(), "Partner agreement");
    ui.press("Sign the agreement").await;
    let s = ui.summary().expect("an error summary");
    assert!(s.contains("Enter your full name"), "{s}");
    assert!(s.contains("Tick the box to accept the agreement"), "{s}");
    ui.fill("Your full name", "Élodie Martin").await;
    ui.fill("Your job title", "Gérante").await;
    ui.check("I have read version").await;
    ui.press("Sign the agreement").await;
    ui.until("Signed by Élodie Martin").await;
    ui.assert_text("Your company's partner pages are open.");
    ui.click("Customers").await;
    ui.until("any customers yet").await;
    assert_eq!(ui.heading(), "Customers");
}

#[wasm_bindgen_test]
async fn an_operator_takes_an_application_takes_it_over_and_finds_it_assigned_to_them() {
    fresh_browser();
    let env = support::default_env();
    let id = in_review(&env, "a1").await;
    as_operator(&env).await;
    let api = env.api.clone();
    let ui = Ui::mount_with(&format!("/review/applications/{id}"), true, move || env).await;
    ui.until("Application APP-000001").await;
    ui.assert_text("Assigned to");
    ui.assert_text("Nobody");
    ui.press("Take this application").await;
    ui.until("You have this application now").await;
    ui.assert_text("You (reviewer@csp-operations.example)");
    assert!(ui.has_control("Give it back"));

    // Meanwhile another reviewer takes it over: giving it back is refused, and the page says
    // who has it now.
    {
        let mut b = api.local_backend().unwrap();
        let r = b
            .state
            .review
            .records
            .iter_mut()
            .find(|r| r.application_id == id)
            .unwrap();
        r.assignee = Some("ben@csp-operations.example".into());
    }
    ui.press("Give it back").await;
    ui.until("Someone changed who has this application").await;
    ui.until("Take it over from ben@csp-operations.example")
        .await;
    ui.press("Take it over from ben@csp-operations.example")
        .await;
    ui.until("You have this application now").await;
    ui.assert_text("Taken over from ben@csp-operations.example");
    ui.assert_no_text("Someone changed who has this application");

    // The queue shows who has it, and "Assigned to me" finds it.
    ui.click("Back to the applications").await;
    ui.until("APP-000001").await;
    ui.assert_text("reviewer@csp-operations.example");
    ui.check("Assigned to me").await;
    ui.press("Show applications").await;
    ui.until("APP-000001").await;
    ui.click("APP-000001").await;
    ui.until("Application APP-000001").await;
    ui.press("Give it back").await;
    ui.until("You gave this application back").await;
    ui.assert_text("Nobody");
    ui.click("Back to the applications").await;
    ui.until("APP-000001").await;
    ui.check("Assigned to me").await;
    ui.press("Show applications").await;
    ui.until("No applications match").await;
}
