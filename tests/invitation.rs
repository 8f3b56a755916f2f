//! Component tests in headless Chromium for the invitation email of an added user: the
//! language chosen on Add user (the admin's own by default), the page the email's link opens
//! in each of its states (valid: choose a password and be signed in; used; expired or
//! replaced; never sent), and "Send the invitation again" on the user's page.

mod support;

use csp_core::api::{CreatedUser, NewUser};
use csp_core::endpoint::ADD_USER;
use csp_core::mail::Mail;
use csp_portal::Env;
use support::{default_env, fresh_browser, settle, sign_in_with_roles, Ui};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> i64 {
    (js_sys::Date::now() / 1000.0).floor() as i64
}

/// A clean browser, Contoso's global admin signed in to the in-browser backend (its clock
/// the browser's).
async fn as_admin() -> Env {
    fresh_browser();
    let env = default_env();
    env.api.local_backend().unwrap().now = now();
    sign_in_with_roles(
        &env,
        "admin@contoso.onmicrosoft.com",
        "contoso.com",
        None,
        Some("global-admin"),
    )
    .await;
    env
}

/// The admin adds `email` (a sales agent) with this invitation language.
async fn added(env: &Env, email: &str, language: &str) -> CreatedUser {
    let u = NewUser {
        name: "Anna Petrova".into(),
        email: email.into(),
        agent_role: Some("sales-agent".into()),
        admin_role: None,
        language: Some(language.into()),
    };
    env.api.call(&ADD_USER, &[], &u).await.unwrap()
}

/// The last invitation email to `to`: its language and its link's token.
fn invitation_to(env: &Env, to: &str) -> (String, String) {
    let b = env.api.local_backend().unwrap();
    b.state
        .outbox
        .iter()
        .rev()
        .filter(|m| m.to == to)
        .find_map(|m| match &m.mail {
            Mail::Invitation { link, .. } => link
                .split_once('#')
                .map(|(_, t)| (m.language.clone(), t.to_owned())),
            _ => None,
        })
        .expect("an invitation was sent")
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

#[wasm_bindgen_test]
async fn add_user_asks_the_invitation_language_the_admins_own_by_default() {
    let env = as_admin().await;
    let e = env.clone();
    let ui = Ui::mount_with("/users/add", true, move || e).await;
    wait_for(&ui, "Language of the invitation email").await;
    // Each language named in its own; the admin's (English here) chosen until they choose.
    assert!(ui.input("English").checked(), "the admin's language");
    for other in ["Русский", "简体中文", "Français"] {
        assert!(!ui.input(other).checked(), "{other}");
    }
    ui.fill("Full name", "Anna Petrova").await;
    ui.fill("Email address", "anna.petrova@contoso.com").await;
    ui.check("Sales agent").await;
    ui.check("Русский").await;
    ui.click("Add").await;
    assert_eq!(ui.heading(), "Check the new user's details");
    ui.assert_text("Language of the invitation email");
    ui.assert_text("Русский");
    ui.click("Add user").await;
    wait_for(&ui, "User added").await;
    ui.assert_text("We are sending anna.petrova@contoso.com an invitation email");
    // The admin still sees the sign-in details once.
    ui.assert_text("Temporary password");
    let (language, _) = invitation_to(&env, "anna.petrova@contoso.com");
    assert_eq!(language, "ru");
}

#[wasm_bindgen_test]
async fn a_valid_link_chooses_the_password_signs_in_and_then_reads_as_used() {
    let env = as_admin().await;
    added(&env, "anna.petrova@contoso.com", "en").await;
    let (_, token) = invitation_to(&env, "anna.petrova@contoso.com");
    let path = format!("/invitation#{token}");
    let e = env.clone();
    let ui = Ui::mount_with(&path, true, move || e).await;
    wait_for(&ui, "Choose your password").await;
    ui.assert_text("Anna Petrova, you have been added to Contoso");
    ui.assert_text("Your sign-in name is anna.petrova@contoso.com.");
    // The password rule, as the user types, on the field; nothing is sent.
    ui.fill("New password", "anna.petrova-77").await;
    ui.press("Set my password and sign in").await;
    ui.assert_text("Choose a password that does not contain your user name");
    ui.fill("New password", "violet tundra lantern 42").await;
    ui.press("Set my password and sign in").await;
    wait_for(&ui, "My account").await;
    assert_eq!(ui.heading(), "My account");
    drop(ui);

    let e = env.clone();
    let ui = Ui::mount_with(&path, true, move || e).await;
    wait_for(&ui, "This invitation has already been used").await;
    ui.assert_text("Your password is set.");
    assert!(ui.has_control("Sign in"));
    ui.assert_no_text("invitation-link");
}

#[wasm_bindgen_test]
async fn an_expired_or_replaced_link_says_to_ask_the_admin() {
    let env = as_admin().await;
    added(&env, "anna.petrova@contoso.com", "en").await;
    let (_, token) = invitation_to(&env, "anna.petrova@contoso.com");
    env.api.local_backend().unwrap().state.user_invitations[0].expires_at = now() - 1;
    let e = env.clone();
    let ui = Ui::mount_with(&format!("/invitation#{token}"), true, move || e).await;
    wait_for(&ui, "This invitation link has expired").await;
    ui.assert_text("Ask your administrator to send the invitation again");
    let focused = ui.focused().expect("the focus is in the page");
    assert_eq!(focused.tag_name(), "H1");
    assert!(!ui.has_control("Set my password and sign in"));
}

#[wasm_bindgen_test]
async fn a_link_never_sent_says_what_to_check() {
    for path in ["/invitation#0123456789abcdef", "/invitation"] {
        let env = as_admin().await;
        let ui = Ui::mount_with(path, true, move || env.clone()).await;
        wait_for(&ui, "We don't recognize this invitation link").await;
        ui.assert_text("Check that you opened the whole link from the email");
        ui.assert_no_text("invitation-link");
    }
}

#[wasm_bindgen_test]
async fn the_admin_sends_the_invitation_again_and_the_earlier_link_stops_working() {
    let env = as_admin().await;
    let created = added(&env, "anna.petrova@contoso.com", "fr").await;
    let (_, first) = invitation_to(&env, "anna.petrova@contoso.com");
    let path = format!("/users/{}", created.user.id);
    let e = env.clone();
    let ui = Ui::mount_with(&path, true, move || e).await;
    wait_for(&ui, "Send the invitation again").await;
    ui.assert_text("The link in any earlier invitation email stops working.");
    ui.press("Send the invitation again").await;
    wait_for(
        &ui,
        "We have sent the invitation again to anna.petrova@contoso.com",
    )
    .await;
    let (language, second) = invitation_to(&env, "anna.petrova@contoso.com");
    assert_eq!(language, "fr", "in the language the user was added with");
    assert_ne!(first, second);
    assert!(env
        .api
        .local_backend()
        .unwrap()
        .lookup_invitation(&first)
        .is_err());

    // Once the user has chosen their password, the backend refuses, and the page says why.
    env.api
        .local_backend()
        .unwrap()
        .accept_invitation(&csp_core::api::AcceptInvitation {
            token: second,
            new_password: "violet tundra lantern 42".into(),
        })
        .unwrap();
    ui.press("Send the invitation again").await;
    wait_for(&ui, "This user has already chosen their password").await;
}

#[wasm_bindgen_test]
async fn the_demo_outbox_shows_the_invitation_in_its_language_with_its_link() {
    let env = as_admin().await;
    added(&env, "anna.petrova@contoso.com", "ru").await;
    let (_, token) = invitation_to(&env, "anna.petrova@contoso.com");
    let e = env.clone();
    let ui = Ui::mount_with("/demo/outbox", true, move || e).await;
    wait_for(&ui, "вас добавили в организацию").await;
    ui.assert_text("Ваше имя для входа: anna.petrova@contoso.com");
    ui.assert_text(&format!("/invitation#{token}"));
}
