//! Component tests in headless Chromium for the applicant's answer to a decision, against the
//! in-browser backend: a request for changes on the status page, its Change links opening the
//! submitted answers, Resubmit sending the application back to review, and a rejection's
//! reason.

mod support;

use csp_core::api::{ApplicationStatus, SignIn, SubmitApplication};
use csp_core::endpoint::{DECIDE, SIGN_IN, SUBMIT_APPLICATION, WORK_ACCOUNT_SIGN_IN};
use csp_core::enrollment::Step;
use csp_core::fixtures::french_draft;
use csp_core::review::{Action, Decision, RejectReason};
use csp_demo::review::DEMO_OPERATOR;
use csp_portal::Env;
use support::{fresh_browser, Ui};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn sign_in(user: &str, password: &str) -> SignIn {
    SignIn {
        user_name: user.into(),
        password: password.into(),
    }
}

/// The French application, submitted by the work account `admin@contoso.fr`, verified, then
/// decided by the demo operator; its ID. The work account's sign-in stays for the applicant.
async fn decided(env: &Env, decision: Decision) -> String {
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
                idempotency_key: "k1".into(),
                draft: french_draft(),
                language: "fr".into(),
            },
        )
        .await
        .unwrap();
    env.api
        .local_backend()
        .unwrap()
        .set_status(&app.id, ApplicationStatus::InReview)
        .unwrap();
    let info = env
        .api
        .call(&SIGN_IN, &[], &sign_in(DEMO_OPERATOR, "demo"))
        .await
        .unwrap();
    env.api.set_csrf(Some(info.csrf_token));
    let d = env.api.call(&DECIDE, &[&app.id], &decision).await.unwrap();
    assert_ne!(d.status, ApplicationStatus::InReview);
    app.id
}

fn changes_on_bank() -> Decision {
    Decision {
        action: Action::RequestChanges,
        version: 1,
        steps: vec![Step::Bank],
        reason: None,
        message: "Le titulaire du compte doit être Contoso SARL.".into(),
    }
}

#[wasm_bindgen_test]
async fn a_request_for_changes_shows_the_steps_the_message_and_change_links() {
    fresh_browser();
    let env = support::default_env();
    let id = decided(&env, changes_on_bank()).await;
    let ui = Ui::mount_with(&format!("/applications/{id}"), true, move || env).await;
    ui.until("What to change").await;
    ui.assert_text("Needs changes");
    // The same words as the email.
    ui.assert_text("We need more information before we can continue the review.");
    ui.assert_text("Bank information");
    ui.assert_text("The reviewer wrote: Le titulaire du compte doit être Contoso SARL.");
    assert!(ui.has_control("Change Bank information"));
    assert!(ui.has_control("Change and resubmit"));
    ui.assert_no_text("Legal business profile");
}

#[wasm_bindgen_test]
async fn a_change_link_opens_the_step_with_the_submitted_answers() {
    fresh_browser();
    let env = support::default_env();
    let id = decided(&env, changes_on_bank()).await;
    let ui = Ui::mount_with(&format!("/applications/{id}"), true, move || env).await;
    ui.until("What to change").await;
    ui.click("Change Bank information").await;
    ui.until("IBAN").await;
    assert_eq!(ui.heading(), "Bank information");
    // As submitted (the backend keeps the IBAN without its spaces).
    let iban = french_draft().bank.iban.replace(' ', "");
    assert_eq!(ui.input("IBAN").value(), iban);
    // Continue leads to Check your answers, which resubmits instead of enrolling.
    ui.press("Continue").await;
    ui.until("Check your answers before resubmitting").await;
    ui.assert_text("You are changing application APP-000001");
    assert!(ui.has_control("Resubmit"));
    assert!(!ui.has_control("Enroll now"));
}

#[wasm_bindgen_test]
async fn resubmit_sends_the_application_back_to_review() {
    fresh_browser();
    let env = support::default_env();
    let id = decided(&env, changes_on_bank()).await;
    let ui = Ui::mount_with(&format!("/applications/{id}"), true, move || env).await;
    ui.until("What to change").await;
    ui.click("Change and resubmit").await;
    ui.until("Check your answers before resubmitting").await;
    ui.press("Resubmit").await;
    ui.until("We are reviewing your application").await;
    assert_eq!(ui.heading(), "Application submitted");
    ui.assert_text("In review");
    ui.assert_text("APP-000001");
    ui.assert_no_text("What to change");
}

#[wasm_bindgen_test]
async fn a_rejection_shows_its_reason_and_message() {
    fresh_browser();
    let env = support::default_env();
    let id = decided(
        &env,
        Decision {
            action: Action::Reject,
            version: 1,
            steps: vec![],
            reason: Some(RejectReason::DomainNotOwned),
            message: "contoso.fr n'appartient pas à Contoso SARL.".into(),
        },
    )
    .await;
    let ui = Ui::mount_with(&format!("/applications/{id}"), true, move || env).await;
    ui.until("Not approved").await;
    ui.assert_text("Your application was not approved.");
    ui.assert_text("Reason: The email address's domain does not belong to the company");
    ui.assert_text("The reviewer wrote: contoso.fr n'appartient pas à Contoso SARL.");
    assert!(!ui.has_control("Change and resubmit"));
}

#[wasm_bindgen_test]
async fn a_refused_resubmit_says_what_the_application_is_now_and_keeps_the_answers() {
    use csp_core::api::Resubmission;
    use csp_core::endpoint::RESUBMIT_APPLICATION;
    fresh_browser();
    let env = support::default_env();
    let id = decided(&env, changes_on_bank()).await;
    let api = env.api.clone();
    let ui = Ui::mount_with(&format!("/applications/{id}"), true, move || env).await;
    ui.until("What to change").await;
    ui.click("Change and resubmit").await;
    ui.until("Check your answers before resubmitting").await;
    // Meanwhile the application is resubmitted from another tab.
    let other = Resubmission {
        idempotency_key: "other-tab".into(),
        version: 2,
        draft: french_draft(),
    };
    api.call(&RESUBMIT_APPLICATION, &[&id], &other)
        .await
        .unwrap();
    ui.press("Resubmit").await;
    ui.until("can no longer be resubmitted").await;
    ui.assert_text("it is now \"In review\"");
    assert_eq!(ui.heading(), "Check your answers before resubmitting");
    ui.assert_text("Contoso");
    assert!(ui.has_control("See your application"));
}

#[wasm_bindgen_test]
async fn stop_changing_discards_the_changes_and_returns_to_the_status_page() {
    fresh_browser();
    let env = support::default_env();
    let id = decided(&env, changes_on_bank()).await;
    let ui = Ui::mount_with(&format!("/applications/{id}"), true, move || env).await;
    ui.until("What to change").await;
    ui.click("Change Bank information").await;
    ui.until("IBAN").await;
    // The way out is on the step itself, which says whose answers these are.
    ui.assert_text("You are changing application APP-000001");
    ui.fill("Name on the account", "Quelqu'un d'autre").await;
    ui.click("Stop changing and discard my changes").await;
    ui.until("What to change").await;
    assert_eq!(ui.heading(), "Application submitted");
    ui.assert_text("Needs changes");
    // Nothing of the change is kept: no journey left in storage, and the next Change link
    // opens the answers as they were sent.
    assert_eq!(ui.stored("csp-portal.draft.v1"), None);
    ui.click("Change Bank information").await;
    ui.until("IBAN").await;
    assert_eq!(
        ui.input("Name on the account").value(),
        french_draft().bank.account_holder
    );
    ui.press("Continue").await;
    ui.until("Check your answers before resubmitting").await;
    // And from Check your answers too.
    ui.click("Stop changing and discard my changes").await;
    ui.until("What to change").await;
    assert_eq!(ui.heading(), "Application submitted");
    assert_eq!(ui.stored("csp-portal.draft.v1"), None);
}
