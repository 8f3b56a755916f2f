//! Component tests in headless Chromium for the business profile, the provider directory and
//! partnership requests, against the in-browser backend's demo data: each page's states
//! (loading, errors on their fields, published, empty, found, sent, invited) and the journey
//! from a profile to an authorization without a link leaving the product.

mod support;

use csp_core::api::SignIn;
use csp_core::endpoint::{PUBLISH_PROFILE, REMOVE_RESELLER, SIGN_IN};
use csp_portal::Env;
use support::{fresh_browser, settle, Ui};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const CONTOSO: &str = "7c1e9a44-2b3d-4e8f-a6c5-913d0f2e7b15";
const FABRIKAM_ADMIN: &str = "admin@fabrikam.onmicrosoft.com";
const CONTOSO_ADMIN: &str = "admin@contoso.onmicrosoft.com";

async fn become_(env: &Env, user: &str) {
    let info = env
        .api
        .call(
            &SIGN_IN,
            &[],
            &SignIn {
                user_name: user.into(),
                password: "demo".into(),
            },
        )
        .await
        .unwrap();
    env.api.set_csrf(Some(info.csrf_token));
}

async fn open(env: &Env, path: &str) -> Ui {
    let env = env.clone();
    Ui::mount_with(path, true, move || env).await
}

async fn write(ui: &Ui, label: &str, text: &str) {
    let t: web_sys::HtmlTextAreaElement = ui.control(label).dyn_into().unwrap();
    t.set_value(text);
    let d = web_sys::InputEventInit::new();
    d.set_bubbles(true);
    t.dispatch_event(&web_sys::InputEvent::new_with_event_init_dict("input", &d).unwrap())
        .unwrap();
    settle().await;
}

/// Fabrikam publishes a profile in Chinese and ends its partnership with Contoso, so that
/// Contoso can find it anew; the environment is left signed in as Contoso's admin.
async fn fabrikam_listed() -> Env {
    fresh_browser();
    let env = support::default_env();
    become_(&env, FABRIKAM_ADMIN).await;
    let p = csp_core::business_profile::BusinessProfile {
        description_zh_cn: "面向欧洲经销商的云分销商。".into(),
        industries: vec!["retail".into()],
        services: vec!["licensing".into()],
        countries: vec!["FR".into(), "BE".into()],
        email: "partenaires@fabrikam.example".into(),
        website: "https://fabrikam.example".into(),
        ..Default::default()
    };
    env.api.call(&PUBLISH_PROFILE, &[], &p).await.unwrap();
    env.api
        .call(&REMOVE_RESELLER, &[CONTOSO], &())
        .await
        .unwrap();
    become_(&env, CONTOSO_ADMIN).await;
    env
}

#[wasm_bindgen_test]
async fn the_business_profile_names_each_error_keeps_what_was_typed_and_publishes() {
    fresh_browser();
    let env = support::default_env();
    become_(&env, FABRIKAM_ADMIN).await;
    let ui = open(&env, "/business-profile").await;
    ui.until("Business profile").await;
    ui.assert_text("Business profile");
    assert_eq!(ui.heading(), "Business profile");
    ui.assert_text("You have not published a business profile yet.");
    ui.press("Publish").await;
    let summary = ui.summary().unwrap();
    for e in [
        "Write a description in at least one language",
        "Select at least one industry",
        "Select at least one product or service",
        "Enter at least one country you serve",
        "Enter the email address resellers can contact you at",
    ] {
        assert!(summary.contains(e), "{e}: {summary}");
    }
    write(&ui, "In French", "Distributeur cloud pour l'Europe.").await;
    ui.check("Retail").await;
    ui.check("Licensing").await;
    ui.fill("Locations served", "FR, XX").await;
    ui.fill("Contact email", "partenaires@fabrikam.example")
        .await;
    ui.fill("Website (optional)", "fabrikam example").await;
    ui.press("Publish").await;
    let summary = ui.summary().unwrap();
    assert!(summary.contains("XX is not a country code"), "{summary}");
    assert!(!summary.contains("description"), "{summary}");
    assert_eq!(
        ui.error_for("Website (optional)").as_deref(),
        Some("Error:Enter a website address in the correct format, like www.contoso.com")
    );
    // Nothing typed is lost.
    assert_eq!(
        ui.input("Contact email").value(),
        "partenaires@fabrikam.example"
    );
    ui.fill("Locations served", "fr, be").await;
    ui.fill("Website (optional)", "fabrikam.example").await;
    ui.press("Publish").await;
    settle().await;
    ui.assert_text("Your business profile is published.");
    assert!(ui.summary().is_none());
    // As stored: upper-case, in order.
    assert_eq!(ui.input("Locations served").value(), "BE, FR");
    assert_eq!(
        ui.input("Website (optional)").value(),
        "https://fabrikam.example"
    );
}

#[wasm_bindgen_test]
async fn a_reseller_finds_filters_and_asks_a_provider() {
    let env = fabrikam_listed().await;
    let ui = open(&env, "/indirect-providers/find").await;
    ui.until("Fabrikam Distribution").await;
    ui.assert_text("Fabrikam Distribution");
    assert_eq!(ui.heading(), "Find an indirect provider");
    // Published in Chinese only: shown in Chinese to an English reader.
    ui.assert_text("面向欧洲经销商的云分销商。");
    ui.assert_text("partenaires@fabrikam.example");
    ui.select("Country served", "DE").await;
    ui.press("Search").await;
    ui.until("No indirect provider of your region matches this search.")
        .await;
    ui.assert_text("No indirect provider of your region matches this search.");
    ui.select("Country served", "BE").await;
    ui.fill("Provider name", "fabri").await;
    ui.press("Search").await;
    ui.until("Fabrikam Distribution").await;
    ui.assert_text("Fabrikam Distribution");
    ui.press("Send a partnership request (Fabrikam Distribution)")
        .await;
    settle().await;
    ui.assert_text("Your partnership request has been sent to Fabrikam Distribution.");
    ui.assert_text("Partnership request sent: Fabrikam Distribution will send you its invitation.");
    assert!(!ui.has_control("Send a partnership request (Fabrikam Distribution)"));
}

#[wasm_bindgen_test]
async fn the_provider_answers_and_the_reseller_authorizes_in_the_product() {
    let env = fabrikam_listed().await;
    let ui = open(&env, "/indirect-providers/find").await;
    ui.until("Fabrikam Distribution").await;
    ui.assert_text("Fabrikam Distribution");
    ui.press("Send a partnership request (Fabrikam Distribution)")
        .await;
    settle().await;
    drop(ui);
    let ui = open(&env, "/indirect-providers").await;
    ui.until("Your partnership requests").await;
    ui.assert_text("Your partnership requests");
    ui.assert_text("Waiting for the invitation");

    become_(&env, FABRIKAM_ADMIN).await;
    let ui = open(&env, "/indirect-resellers").await;
    ui.until("Requests from resellers").await;
    ui.assert_text("Requests from resellers");
    ui.assert_text(CONTOSO_ADMIN);
    ui.press("Send invitation (Contoso)").await;
    settle().await;
    ui.assert_text("Your invitation has been sent to Contoso.");
    ui.assert_text("Invitation sent");
    assert!(!ui.has_control("Send invitation (Contoso)"));
    drop(ui);

    become_(&env, CONTOSO_ADMIN).await;
    let ui = open(&env, "/indirect-providers").await;
    ui.until("Invitations from indirect providers").await;
    ui.assert_text("Invitations from indirect providers");
    ui.click("Authorize (Fabrikam Distribution)").await;
    ui.until("Authorize Fabrikam Distribution as your indirect provider")
        .await;
    ui.assert_text("Authorize Fabrikam Distribution as your indirect provider");
}

#[wasm_bindgen_test]
async fn a_reseller_without_the_feature_cannot_open_the_directory_or_the_profile() {
    fresh_browser();
    let env = support::default_env();
    support::sign_in_with_roles(
        &env,
        CONTOSO_ADMIN,
        "contoso.com",
        Some("helpdesk-agent"),
        None,
    )
    .await;
    for path in ["/indirect-providers/find", "/business-profile"] {
        let ui = open(&env, path).await;
        ui.until("You do not have permission to see this page")
            .await;
        ui.assert_text("You do not have permission to see this page");
    }
}
