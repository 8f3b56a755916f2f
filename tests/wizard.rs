//! Component tests in headless Chromium: each enrollment page refuses bad input with the
//! summary and inline messages, keeps what was typed, and moves on when the input is valid.

mod support;

use csp_portal::pages::enroll::PrimaryContactStep;
use support::{settle, Ui};
use wasm_bindgen_test::*;
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

const DRAFT_KEY: &str = "csp-portal.draft.v1";

#[wasm_bindgen_test]
async fn shell_switches_language_and_remembers_it() {
    let ui = Ui::at("/").await;
    ui.select("Language", "en").await;
    ui.assert_text("CSP Partner Portal");
    ui.select("Language", "ru").await;
    ui.assert_text("Портал партнеров CSP");
    ui.assert_text("Регистрация в программе поставщиков облачных решений");
    let html = gloo::utils::document().document_element().unwrap();
    assert_eq!(html.get_attribute("lang").as_deref(), Some("ru"));
    assert_eq!(ui.stored("csp-portal.locale").as_deref(), Some("\"ru\""));
    ui.select("Язык", "zh-CN").await;
    ui.assert_text("CSP 合作伙伴门户");
    ui.select("语言", "fr").await;
    ui.assert_text("Portail partenaires CSP");
    ui.select("Langue", "en").await;
}

/// A page that opens takes the focus to its heading, which a screen reader then announces, and
/// the keyboard starts from; the title names it. The app's first page leaves the focus where
/// the browser puts it.
#[wasm_bindgen_test]
async fn an_opened_page_s_heading_takes_the_focus_but_not_the_first_page_s() {
    let ui = Ui::at("/").await;
    assert_eq!(ui.focused(), None, "the first page leaves the focus alone");
    ui.click("Start now").await;
    let heading = ui.focused().expect("the focus on the page");
    assert_eq!(heading.tag_name(), "H1");
    assert_eq!(heading.text_content().as_deref(), Some("Before you start"));
    assert_eq!(heading.get_attribute("tabindex").as_deref(), Some("-1"));
    assert!(gloo::utils::document()
        .title()
        .starts_with("Before you start"));
    // Back, as the browser's button goes.
    gloo::utils::window().history().unwrap().back().unwrap();
    gloo::timers::future::TimeoutFuture::new(50).await;
    settle().await;
    let heading = ui.focused().expect("the focus on the page gone back to");
    assert_eq!(heading.tag_name(), "H1");
    assert_eq!(ui.heading(), heading.text_content().unwrap_or_default());
    assert_ne!(ui.heading(), "Before you start");
}

/// The locale files' plural variants are chosen by the browser's CLDR rules (Russian's
/// one / few / many), through the app's own message reader.
#[wasm_bindgen_test]
async fn russian_plurals_follow_the_browser_rules() {
    use csp_portal::i18n::{preload, I18n, Locale};
    preload(Locale::Ru, include_str!("../static/locales/ru.ftl"));
    let ru = I18n::new(Locale::Ru);
    let too_long = |n: &str| ru.ta("err-too-long", &[("max", n)]);
    assert_eq!(too_long("21"), "Введите не более 21 символа");
    assert_eq!(too_long("5"), "Введите не более 5 символов");
    assert_eq!(too_long("12"), "Введите не более 12 символов");
    let iban = |n: &str| ru.ta("err-iban-length", &[("country", "Франция"), ("length", n)]);
    assert!(iban("27").ends_with("27 символов"), "{}", iban("27"));
    assert!(iban("22").ends_with("22 символа"), "{}", iban("22"));
    assert!(iban("21").ends_with("21 символ"), "{}", iban("21"));
}

#[wasm_bindgen_test]
async fn partner_type_needs_a_choice_and_closed_types_explain_themselves() {
    let ui = Ui::at("/enroll/partner-type").await;
    ui.select("Language", "en").await;
    ui.assert_text("Step 1 of 8");
    ui.click("Continue").await;
    let summary = ui.summary().expect("error summary");
    assert!(
        summary.contains("There is a problem")
            && summary.contains("Select how you will sell cloud services"),
        "{summary}"
    );
    assert!(gloo::utils::document().title().starts_with("Error:"));
    assert_eq!(ui.heading(), "How will you sell cloud services?");
    // Direct partner is closed in the default settings: an explanation page, not an error.
    ui.check("Direct partner").await;
    ui.click("Continue").await;
    assert_eq!(
        ui.heading(),
        "This partner type is not accepting applications"
    );
    ui.assert_text("Applications for Direct partner are closed");
    ui.click("Enroll as an indirect reseller").await;
    assert_eq!(ui.heading(), "Your work account");
}

#[wasm_bindgen_test]
async fn work_account_sign_in_checks_the_user_name_and_finds_the_country() {
    let ui = Ui::at("/enroll/work-account").await;
    ui.select("Language", "en").await;
    ui.click("Continue").await;
    ui.assert_text("Select whether you have a work account");
    ui.check("Yes, sign in as global admin").await;
    ui.fill("Global admin user name", "admin@").await;
    ui.click("Continue").await;
    assert_eq!(
        ui.error_for("Global admin user name").unwrap(),
        "Error:Enter the user name in the correct format, like admin@contoso.onmicrosoft.com"
    );
    assert!(ui.invalid("Global admin user name"));
    ui.assert_text("Enter the password");
    ui.fill("Global admin user name", "admin@contoso.fr").await;
    ui.fill("Password", "secret").await;
    ui.click("Continue").await;
    assert_eq!(ui.heading(), "Link your MPN ID");
    let saved = ui.stored(DRAFT_KEY).unwrap();
    assert!(
        saved.contains("\"country\":\"FR\"") && !saved.contains("secret"),
        "{saved}"
    );
}

#[wasm_bindgen_test]
async fn new_work_account_needs_every_field() {
    let ui = Ui::at("/enroll/work-account").await;
    ui.select("Language", "en").await;
    ui.check("No, create a work account").await;
    ui.click("Continue").await;
    for m in [
        "Enter the organization name",
        "Enter a domain name",
        "Choose the country or region of the account",
        "Enter the admin's work email address",
    ] {
        ui.assert_text(m);
    }
    ui.fill("Organization name", "Contoso").await;
    ui.fill("Domain name", "contoso.fr").await;
    ui.assert_text("Enter a domain name of up to 27 letters (a–z) and numbers");
    ui.fill("Domain name", "contosofr").await;
    ui.select("Country or region of the account", "FR").await;
    ui.fill("First name", "Élodie").await;
    ui.fill("Last name", "Martin").await;
    ui.fill("Admin's work email address", "elodie@gmail.com")
        .await;
    ui.assert_text("personal addresses at gmail.com are not accepted");
    ui.fill("Admin's work email address", "elodie@contoso.fr")
        .await;
    ui.click("Continue").await;
    // The new account's global admin sign-in is shown once, then the journey goes on.
    ui.assert_text("Your work account is ready");
    ui.assert_text("admin@contosofr.onmicrosoft.com");
    ui.assert_text("the password will not be shown again");
    ui.click("Continue").await;
    assert_eq!(ui.heading(), "Link your MPN ID");
    ui.assert_no_text("the password will not be shown again");
}

async fn signed_in(country_tld: &str) -> Ui {
    let ui = Ui::at("/enroll/work-account").await;
    ui.select("Language", "en").await;
    ui.check("Yes, sign in as global admin").await;
    ui.fill(
        "Global admin user name",
        &format!("admin@contoso.{country_tld}"),
    )
    .await;
    ui.fill("Password", "pw").await;
    ui.click("Continue").await;
    ui
}

#[wasm_bindgen_test]
async fn mpn_profiles_from_another_country_cannot_be_chosen() {
    let ui = signed_in("fr").await;
    ui.click("Continue").await;
    ui.assert_text("Enter your partner network user name");
    ui.fill("Partner network user name", "pmc@contoso.fr").await;
    ui.fill("Password", "pw").await;
    ui.click("Continue").await;
    ui.assert_text("Which profile carries your incentives");
    let uk = ui.input("Contoso UK");
    assert!(uk.disabled());
    ui.assert_text("This profile is in United Kingdom, but your work account is in France");
    assert!(ui.input("Contoso Group (headquarters)").disabled());
    assert!(ui.input("Contoso Lyon (closed)").disabled());
    ui.click("Continue").await;
    ui.assert_text("Select the profile that carries your incentives");
    ui.check("Contoso France").await;
    ui.click("Continue").await;
    assert_eq!(ui.heading(), "Legal business profile");
}

#[wasm_bindgen_test]
async fn legal_profile_follows_the_country_and_wants_latin_text() {
    let ui = Ui::at("/enroll/legal-profile").await;
    ui.select("Language", "en").await;
    ui.click("Continue").await;
    ui.assert_text("Enter the legal business name");
    ui.assert_text("Choose the country or region");
    ui.select("Country or region", "RU").await;
    ui.fill("Legal business name", "ООО Контосо").await;
    ui.fill("Address line 1", "ул. Тверская, 7").await;
    ui.fill("Town or city", "Moskva").await;
    ui.fill("Postal code", "1250").await;
    assert!(ui
        .error_for("Legal business name")
        .unwrap()
        .contains("Latin"));
    assert!(ui
        .error_for("Address line 1")
        .unwrap()
        .contains("\"у\" is not accepted"));
    assert_eq!(
        ui.error_for("Postal code").unwrap(),
        "Error:Enter a real postal code, like 125075"
    );
    ui.assert_text("Enter the state, province or region");
    ui.assert_text("INN (taxpayer number)");
    ui.fill("INN (taxpayer number)", "7707083894").await;
    ui.assert_text("Enter a real INN");
    // What was typed is still there.
    assert_eq!(ui.input("Address line 1").value(), "ул. Тверская, 7");
    ui.fill("Legal business name", "OOO Contoso").await;
    ui.fill("Address line 1", "ul. Tverskaya, 7").await;
    ui.fill("State, province or region", "Moskva").await;
    ui.fill("Postal code", "125009").await;
    ui.fill("INN (taxpayer number)", "7707083893").await;
    assert!(ui.summary().is_none(), "{:?}", ui.summary());
    ui.click("Continue").await;
    assert_eq!(ui.heading(), "Primary contact");
}

#[wasm_bindgen_test]
async fn primary_contact_refuses_webmail_and_role_mailboxes() {
    let ui = Ui::page("/enroll/primary-contact", html! { <PrimaryContactStep /> }).await;
    ui.fill("First name", "Anna").await;
    ui.fill("Last name", "Petrova").await;
    ui.fill("Work email address", "anna@gmail.com").await;
    ui.click("Continue").await;
    assert_eq!(
        ui.error_for("Work email address").unwrap(),
        "Error:Enter a work email address: personal addresses at gmail.com are not accepted"
    );
    ui.fill("Work email address", "info@contoso.com").await;
    ui.assert_text("not a shared mailbox like info@");
    ui.fill("Work email address", "anna@gmial.com").await;
    ui.assert_text("Did you mean anna@gmail.com?");
    ui.fill("Work email address", "anna@contoso.onmicrosoft.com")
        .await;
    ui.assert_text("an address on your company's own domain is better");
    ui.fill("Work email address", "anna.petrova@contoso.com")
        .await;
    ui.fill("Phone number", "01 23 45 67 89").await;
    ui.assert_text("Enter the phone number with its country code");
    ui.fill("Phone number", "+33 1 23 45 67 89").await;
    ui.click("Continue").await;
    let at = gloo::utils::window().location().pathname().unwrap();
    assert_eq!(at, "/enroll/support", "Continue moves on to the next page");
}

/// After a Continue, each field's message and the summary follow typing: the field corrected
/// loses both, the others keep theirs, and the title says "Error:" until none is left.
#[wasm_bindgen_test]
async fn messages_follow_typing_after_continue() {
    let ui = Ui::at("/enroll/primary-contact").await;
    ui.select("Language", "en").await;
    ui.click("Continue").await;
    let summary = ui.summary().expect("a summary");
    assert!(summary.contains("Enter the first name"), "{summary}");
    assert!(ui.error_for("Last name").is_some());
    ui.fill("First name", "Anna").await;
    assert_eq!(ui.error_for("First name"), None);
    let summary = ui.summary().expect("a summary");
    assert!(!summary.contains("Enter the first name"), "{summary}");
    assert!(
        ui.error_for("Last name").is_some(),
        "another field keeps its message"
    );
    ui.fill("Work email address", "anna").await;
    let format = ui.error_for("Work email address").unwrap();
    assert!(format.contains("correct format"), "{format}");
    ui.fill("Last name", "Petrova").await;
    ui.fill("Work email address", "anna.petrova@contoso.com")
        .await;
    ui.fill("Phone number", "+33 1 23 45 67 89").await;
    assert!(ui.summary().is_none(), "{:?}", ui.summary());
    assert!(!gloo::utils::document().title().starts_with("Error:"));
    ui.fill("First name", "").await;
    assert!(ui.error_for("First name").is_some());
    assert!(gloo::utils::document().title().starts_with("Error:"));
}

#[wasm_bindgen_test]
async fn bank_shows_only_the_countrys_fields() {
    let ui = Ui::at("/enroll/bank").await;
    ui.select("Language", "en").await;
    ui.select("Country or region of the bank", "FR").await;
    ui.assert_text("IBAN");
    ui.assert_no_text("ABA routing number");
    ui.fill("Name on the account", "Contoso SARL").await;
    ui.fill("IBAN", "FR76 3000 6000 0112 3456 7890 188").await;
    ui.fill("BIC (SWIFT code)", "BNPAFRPP").await;
    ui.click("Continue").await;
    ui.assert_text("Enter a real IBAN: the check digits do not match");
    ui.select("Country or region of the bank", "US").await;
    ui.assert_text("ABA routing number");
    ui.assert_no_text("IBAN");
    ui.select("Country or region of the bank", "RU").await;
    ui.fill("BIK", "044525225").await;
    ui.fill("Settlement account number", "40702810938000000000")
        .await;
    ui.assert_text("This account number does not match the BIK");
    ui.select("Country or region of the bank", "FR").await;
    ui.fill("IBAN", "FR76 3000 6000 0112 3456 7890 189").await;
    // The draft is saved once typing pauses.
    gloo::timers::future::TimeoutFuture::new(600).await;
    let saved = ui.stored(DRAFT_KEY).unwrap();
    assert!(
        !saved.contains("FR76") && !saved.contains("4070281"),
        "bank numbers must not be stored: {saved}"
    );
    ui.click("Continue").await;
    assert_eq!(ui.heading(), "Check your answers before enrolling");
}

#[wasm_bindgen_test]
async fn the_draft_survives_a_reload_and_a_pristine_draft_is_not_saved() {
    let ui = Ui::at("/enroll/primary-contact").await;
    assert!(ui.stored(DRAFT_KEY).is_none());
    ui.fill("First name", "Li").await;
    drop(ui);
    let ui = Ui::mount("/enroll/primary-contact", true).await;
    assert_eq!(ui.input("First name").value(), "Li");
    settle().await;
}

#[wasm_bindgen_test]
async fn a_backend_that_cannot_be_reached_gets_a_message_and_keeps_the_answers() {
    let ui = support::Ui::mount_with("/enroll/work-account", false, || {
        csp_portal::Env::with_api(
            csp_portal::api::Api::http("http://127.0.0.1:9/api", 3000),
            csp_portal::config::Config::default(),
        )
    })
    .await;
    ui.select("Language", "en").await;
    ui.check("Yes, sign in as global admin").await;
    ui.fill("Global admin user name", "admin@contoso.fr").await;
    ui.fill("Password", "pw").await;
    ui.click("Continue").await;
    for _ in 0..50 {
        if ui.summary().is_some() {
            break;
        }
        gloo::timers::future::TimeoutFuture::new(20).await;
        settle().await;
    }
    let summary = ui.summary().expect("a failure message");
    assert!(
        summary.contains("There is no connection to the service"),
        "{summary}"
    );
    assert_eq!(ui.heading(), "Your work account");
    assert_eq!(
        ui.input("Global admin user name").value(),
        "admin@contoso.fr"
    );
    assert!(gloo::utils::document().title().starts_with("Error:"));
}

#[wasm_bindgen_test]
async fn the_mpn_page_asks_for_the_work_account_first() {
    let ui = Ui::at("/enroll/mpn-id").await;
    ui.select("Language", "en").await;
    ui.assert_text("Sign in to your work account first");
    ui.click("Continue").await;
    ui.assert_text("Sign in to a work account or create one");
    ui.click("Your work account").await;
    assert_eq!(ui.heading(), "Your work account");
}

#[wasm_bindgen_test]
async fn a_saved_draft_expires_after_30_days_and_can_be_discarded() {
    let s = gloo::utils::window().local_storage().unwrap().unwrap();
    let saved = |days_ago: f64| {
        let at = js_sys::Date::now() - days_ago * 86_400_000.0;
        serde_json::json!({ "draft": csp_core::fixtures::french_draft(), "idempotency_key": null, "saved_at": at })
            .to_string()
    };
    s.clear().unwrap();
    s.set_item(DRAFT_KEY, &saved(31.0)).unwrap();
    let ui = Ui::mount("/", true).await;
    ui.select("Language", "en").await;
    ui.assert_no_text("You have an application in progress.");
    assert!(
        ui.stored(DRAFT_KEY).is_none(),
        "an expired draft is deleted"
    );
    drop(ui);
    s.set_item(DRAFT_KEY, &saved(29.0)).unwrap();
    let ui = Ui::mount("/", true).await;
    ui.assert_text("You have an application in progress.");
    ui.assert_text("kept in this browser for 30 days");
    ui.click("Discard this application").await;
    ui.assert_text("This cannot be undone.");
    ui.click("Yes, discard it").await;
    ui.assert_text("Your answers have been deleted from this browser.");
    ui.assert_no_text("You have an application in progress.");
    assert!(ui.stored(DRAFT_KEY).is_none());
}

#[wasm_bindgen_test]
async fn change_links_return_to_check_answers_and_enroll_now_submits_once() {
    let saved =
        serde_json::json!({ "draft": csp_core::fixtures::french_draft(), "idempotency_key": null });
    let s = gloo::utils::window().local_storage().unwrap().unwrap();
    s.clear().unwrap();
    s.set_item(DRAFT_KEY, &saved.to_string()).unwrap();
    let ui = Ui::mount("/enroll/check-answers", true).await;
    ui.select("Language", "en").await;
    assert_eq!(ui.heading(), "Check your answers before enrolling");
    ui.assert_text("12 rue de la Paix, Paris, 75002, France");
    ui.click("Change Work email address").await;
    assert_eq!(ui.heading(), "Primary contact");
    ui.fill("Work email address", "e.martin@contoso.fr").await;
    ui.click("Continue").await;
    assert_eq!(ui.heading(), "Check your answers before enrolling");
    ui.assert_text("e.martin@contoso.fr");
    ui.press("Enroll now").await;
    for _ in 0..20 {
        if ui.heading() == "Application submitted" {
            break;
        }
        settle().await;
    }
    assert_eq!(ui.heading(), "Application submitted");
    ui.assert_text("Awaiting email verification");
    ui.assert_text("We email e.martin@contoso.fr");
    assert!(
        ui.stored(DRAFT_KEY).is_none(),
        "the draft is cleared after submitting"
    );
}

/// The first groups of a locale file: all a split release build has before its first render
/// (see `scripts/split-wasm.py`).
fn first_page_part(src: &str) -> String {
    src.split("\n## ").take(3).collect::<Vec<_>>().join("\n## ")
}

/// The start page and the header, signed out, need no message beyond the first page's: with
/// only those, no message id shows in any language (a missing message shows as its id).
#[wasm_bindgen_test]
async fn the_first_page_shows_with_only_its_own_messages() {
    let all_ids: Vec<String> = include_str!("../static/locales/en.ftl")
        .lines()
        .filter_map(|x| x.split_once(" =").map(|(id, _)| id.to_owned()))
        .filter(|id| !id.is_empty() && !id.starts_with(['#', ' ']))
        .collect();
    let ui = Ui::mount_with_texts("/", false, support::default_env, first_page_part).await;
    let switches = [
        ("Language", "en"),
        ("Language", "ru"),
        ("Язык", "zh-CN"),
        ("语言", "fr"),
    ];
    for (label, lang) in switches {
        ui.select(label, lang).await;
        let mut shown = vec![ui.text(), gloo::utils::document().title()];
        let labelled = ui.root.query_selector_all("[aria-label]").unwrap();
        for i in 0..labelled.length() {
            let e: web_sys::Element =
                wasm_bindgen::JsCast::unchecked_into(labelled.item(i).unwrap());
            shown.push(e.get_attribute("aria-label").unwrap_or_default());
        }
        let shown = shown.join(" ");
        for id in &all_ids {
            let word = shown
                .split(|c: char| !(c.is_alphanumeric() || c == '-'))
                .any(|w| w == id);
            assert!(!word, "{lang}: the first page shows the id {id}: {shown}");
        }
    }
    ui.assert_text("Commencer");
    ui.select("Langue", "en").await;
    drop(ui);
    // The whole files again for the tests after this one.
    let ui = Ui::at("/").await;
    ui.assert_text("Start now");
}
