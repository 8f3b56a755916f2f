//! Component tests in headless Chromium for the primary contact's email verification: what the
//! status page says at each step and its "Send the email again" (disabled until the backend
//! would send, a 429's time, a 409 that refreshes), each outcome of the page a link opens, and
//! the in-browser demo's Outbox page with the emails in their own language.

mod support;

use csp_core::api::{Application, ApplicationStatus, SubmitApplication};
use csp_core::fixtures::french_draft;
use csp_core::mail::Mail;
use csp_portal::Env;
use support::{default_env, fresh_browser, settle, Ui};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> i64 {
    (js_sys::Date::now() / 1000.0).floor() as i64
}

/// A clean browser whose in-browser backend holds an application submitted now in `language`,
/// with the applicant's work-account session of this tab open.
fn submitted(language: &str) -> (Env, Application) {
    fresh_browser();
    let env = default_env();
    let app = {
        let mut b = env.api.local_backend().unwrap();
        b.now = now();
        let app = b
            .submit(&SubmitApplication {
                idempotency_key: "k".into(),
                draft: french_draft(),
                language: language.into(),
            })
            .unwrap();
        b.open_applicant(app.tenant.clone().unwrap());
        app
    };
    (env, app)
}

/// The token of the last verification link the backend sent.
fn last_token(env: &Env) -> String {
    let b = env.api.local_backend().unwrap();
    b.state
        .outbox
        .iter()
        .rev()
        .find_map(|m| match &m.mail {
            Mail::ConfirmAddress { link, .. } => link.split_once('#').map(|(_, t)| t.to_owned()),
            _ => None,
        })
        .expect("a link was sent")
}

/// Remembers the application as submitted in this browser (as Enroll now does).
fn remember(app: &Application) {
    let list = serde_json::json!([{ "id": app.id, "reference": app.reference }]);
    gloo::utils::window()
        .local_storage()
        .unwrap()
        .unwrap()
        .set_item("csp-portal.applications.v1", &list.to_string())
        .unwrap();
}

async fn wait_for(ui: &Ui, text: &str) {
    for _ in 0..40 {
        if ui.has_text(text) {
            return;
        }
        settle().await;
    }
    ui.assert_text(text);
}

fn button_disabled(ui: &Ui, text: &str) -> bool {
    ui.button(text).has_attribute("disabled")
}

#[wasm_bindgen_test]
async fn the_status_page_says_whether_the_address_is_verified_and_when_to_ask_again() {
    let (env, app) = submitted("en");
    let path = format!("/applications/{}", app.id);
    let ui = Ui::mount_with(&path, true, move || env.clone()).await;
    wait_for(&ui, "Awaiting email verification").await;
    ui.assert_text(&format!("{}: not verified yet", app.primary_contact_email));
    ui.assert_text("Last email sent");
    // Sent a moment ago: another may be asked for in a minute, and the page says from when.
    assert!(button_disabled(&ui, "Send the email again"));
    ui.assert_text("You can ask for another email from ");
    let hint = ui
        .button("Send the email again")
        .get_attribute("aria-describedby");
    assert_eq!(hint.as_deref(), Some("resend-when"));
}

#[wasm_bindgen_test]
async fn sending_again_says_so_and_a_429_says_until_when() {
    let (env, app) = submitted("en");
    // The last email went long enough ago.
    {
        let mut b = env.api.local_backend().unwrap();
        let sends = &mut b.state.verification_sends[0];
        sends.last_at -= 120;
        sends.day_start -= 120;
        let a = &mut b.state.applications[0].1;
        a.verification_resend_at = Some(now() - 60);
    }
    let path = format!("/applications/{}", app.id);
    let e = env.clone();
    let ui = Ui::mount_with(&path, true, move || e).await;
    wait_for(&ui, "Awaiting email verification").await;
    assert!(!button_disabled(&ui, "Send the email again"));
    ui.press("Send the email again").await;
    wait_for(&ui, "We have sent a new email to").await;
    ui.assert_text(&app.primary_contact_email);
    // The notice has the focus: the button that sent it is disabled now.
    assert!(ui.focused().is_some_and(|f| f.class_name() == "notice"));
    assert!(button_disabled(&ui, "Send the email again"));
    assert_eq!(env.api.local_backend().unwrap().state.outbox.len(), 2);

    // The page thinks another may go, the backend's throttle says not yet.
    {
        let mut b = env.api.local_backend().unwrap();
        b.state.applications[0].1.verification_resend_at = Some(now() - 1);
    }
    ui.press("Check status again").await;
    wait_for(&ui, "Awaiting email verification").await;
    ui.press("Send the email again").await;
    wait_for(
        &ui,
        "You have asked for several emails already. You can ask again from",
    )
    .await;
    assert!(button_disabled(&ui, "Send the email again"));
    assert_eq!(env.api.local_backend().unwrap().state.outbox.len(), 2);
}

#[wasm_bindgen_test]
async fn a_409_already_verified_shows_the_address_verified() {
    let (env, app) = submitted("en");
    {
        let mut b = env.api.local_backend().unwrap();
        b.state.verification_sends.clear();
        b.state.applications[0].1.verification_resend_at = Some(now() - 1);
    }
    let path = format!("/applications/{}", app.id);
    let e = env.clone();
    let ui = Ui::mount_with(&path, true, move || e).await;
    wait_for(&ui, "Awaiting email verification").await;
    // The link is followed in another tab meanwhile.
    let token = last_token(&env);
    env.api
        .local_backend()
        .unwrap()
        .verify_email(&token)
        .unwrap();
    ui.press("Send the email again").await;
    wait_for(&ui, "verified on").await;
    ui.assert_text("In review");
    ui.assert_no_text("Send the email again");
    ui.assert_no_text("Last email sent");
}

#[wasm_bindgen_test]
async fn a_link_verifies_once_and_the_page_says_what_to_do_next() {
    let (env, app) = submitted("en");
    remember(&app);
    let token = last_token(&env);
    let path = format!("/verify-email#{token}");
    let e = env.clone();
    let ui = Ui::mount_with(&path, true, move || e).await;
    wait_for(&ui, "Email address verified").await;
    ui.assert_text(&format!("Application {} is now in review.", app.reference));
    ui.assert_text(&app.primary_contact_email);
    // The outcome's heading took the focus from the page's first one.
    let focused = ui.focused().expect("the focus is in the page");
    assert_eq!(focused.tag_name(), "H1");
    assert_eq!(focused.text_content().unwrap(), "Email address verified");
    let status = format!("See the status of application {}", app.reference);
    assert_eq!(
        ui.button(&status).get_attribute("href"),
        Some(format!("/applications/{}", app.id))
    );
    assert_eq!(
        env.api
            .local_backend()
            .unwrap()
            .application(&app.id)
            .unwrap()
            .status,
        ApplicationStatus::InReview
    );
    drop(ui);

    let e = env.clone();
    let ui = Ui::mount_with(&path, true, move || e).await;
    wait_for(&ui, "This link has already been used").await;
    ui.assert_text("Your email address is verified");
    assert!(ui.has_control(&status));
}

#[wasm_bindgen_test]
async fn an_expired_link_offers_a_new_one_to_the_same_address() {
    let (env, app) = submitted("en");
    let token = last_token(&env);
    {
        let mut b = env.api.local_backend().unwrap();
        b.state.verification_links[0].expires_at = now() - 1;
        // The first email went long enough ago for another.
        b.state.verification_sends[0].last_at -= 120;
    }
    let path = format!("/verify-email#{token}");
    let e = env.clone();
    let ui = Ui::mount_with(&path, true, move || e).await;
    wait_for(&ui, "This link has expired").await;
    ui.assert_text("Verification links work for 3 days.");
    ui.press("Send a new link").await;
    wait_for(&ui, "We have sent a new link to").await;
    ui.assert_text(&format!(
        "We have sent a new link to {}. It works for 3 days.",
        app.primary_contact_email
    ));
    ui.assert_no_text("Send a new link");
    let new = last_token(&env);
    assert_ne!(new, token);
    assert_eq!(env.api.local_backend().unwrap().state.outbox.len(), 2);
}

#[wasm_bindgen_test]
async fn a_link_never_sent_says_what_to_check() {
    for path in ["/verify-email#0123456789abcdef", "/verify-email"] {
        let (env, _) = submitted("en");
        let ui = Ui::mount_with(path, true, move || env.clone()).await;
        wait_for(&ui, "We don't recognize this link").await;
        ui.assert_text("Check that you opened the whole link from the email");
        ui.assert_text("its address was shown after Enroll now");
        ui.assert_no_text("verification-link");
    }
}

#[wasm_bindgen_test]
async fn the_outbox_shows_each_email_in_its_own_language_with_its_link() {
    let (env, app) = submitted("fr");
    env.api
        .local_backend()
        .unwrap()
        .set_status(&app.id, ApplicationStatus::Approved)
        .unwrap();
    let e = env.clone();
    let ui = Ui::mount_with("/enroll", true, move || e).await;
    // The shell links to it, since the in-browser backend answers (not from the start page,
    // which is prerendered for every deployment).
    wait_for(&ui, "Demo outbox").await;
    ui.click("Demo outbox").await;
    wait_for(&ui, "confirmez votre adresse e-mail").await;
    assert_eq!(ui.heading(), "Demo outbox");
    ui.assert_text("2 emails.");
    ui.assert_text(&format!(
        "CSP Partner Portal : confirmez votre adresse e-mail ({})",
        app.reference
    ));
    ui.assert_text(&format!(
        "CSP Partner Portal : votre demande {} est maintenant « Approuvée »",
        app.reference
    ));
    ui.assert_text("Confirmer mon adresse e-mail");
    ui.assert_text(&app.primary_contact_email);
    let token = last_token(&env);
    let origin = gloo::utils::window().location().origin().unwrap();
    let link = format!("{origin}/verify-email#{token}");
    let a = ui.button(&link);
    assert_eq!(a.get_attribute("href"), Some(link));
    // The newest first: the status change, then the confirmation.
    let subjects: Vec<String> = {
        let l = ui.root.query_selector_all(".mail h2").unwrap();
        (0..l.length())
            .map(|i| l.item(i).unwrap().text_content().unwrap())
            .collect()
    };
    assert_eq!(subjects.len(), 2);
    assert!(subjects[0].contains("Approuvée"), "{subjects:?}");
    // The page's own words stay in the chosen language.
    ui.assert_text("The in-browser demo has no mail server");
}

#[wasm_bindgen_test]
async fn a_portal_with_a_real_backend_has_no_outbox() {
    fresh_browser();
    let config = csp_portal::config::Config {
        api_base_url: Some("http://127.0.0.1:9/api".into()),
        ..Default::default()
    };
    let env = Env::with_api(csp_portal::api::Api::local(), config);
    let ui = Ui::mount_with("/demo/outbox", true, move || env).await;
    wait_for(&ui, "only the in-browser demo has an outbox").await;
    let nav = ui.root.query_selector("nav").unwrap().unwrap();
    assert!(!nav.text_content().unwrap().contains("Demo outbox"));
}

#[wasm_bindgen_test]
async fn an_expired_link_of_an_address_verified_meanwhile_says_there_is_nothing_to_do() {
    let (env, _) = submitted("en");
    let old = last_token(&env);
    {
        let mut b = env.api.local_backend().unwrap();
        b.state.verification_links[0].expires_at = now() - 1;
    }
    let path = format!("/verify-email#{old}");
    let e = env.clone();
    let ui = Ui::mount_with(&path, true, move || e).await;
    wait_for(&ui, "This link has expired").await;
    // A newer link is followed in another tab.
    {
        let mut b = env.api.local_backend().unwrap();
        b.state.verification_sends.clear();
        let id = b.state.applications[0].1.id.clone();
        b.resend_verification(&id).unwrap();
    }
    let newer = last_token(&env);
    env.api
        .local_backend()
        .unwrap()
        .verify_email(&newer)
        .unwrap();
    ui.press("Send a new link").await;
    wait_for(&ui, "Your email address is already verified").await;
    ui.assert_no_text("Send a new link");
    ui.assert_no_text("conflict");
}
