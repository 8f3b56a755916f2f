//! Component tests in headless Chromium for the partner and customer pages, against the in-browser
//! backend's demo data: the reseller Contoso (Global admin USR-000000) and the indirect
//! provider Fabrikam Distribution (Global admin USR-000001).

mod support;

use csp_core::api::{PartnerKind, User};
use gloo::storage::Storage;
use support::{fresh_browser, settle, Ui};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const CONTOSO: &str = "7c1e9a44-2b3d-4e8f-a6c5-913d0f2e7b15";
const FABRIKAM: &str = "0b8f3c2a-6d1e-4f7a-9c3b-2e5d8a1f4b60";
const ADVENTURE_WORKS: &str = "5d2c8e1f-9b4a-4c3d-a7e6-1f0b3c5d7e92";
const SHANGHAI: &str = "e6a1b3c5-7d9f-4b2e-8c4a-6f8e0d2b4a17";

fn user(provider: bool, agent: Option<&str>, admin: Option<&str>) -> User {
    User {
        id: if provider { "USR-000001" } else { "USR-000000" }.into(),
        name: "Alex Wilber".into(),
        email: "admin@contoso.onmicrosoft.com".into(),
        agent_role: agent.map(Into::into),
        admin_role: admin.map(Into::into),
        partner_id: if provider { FABRIKAM } else { CONTOSO }.into(),
        partner_kind: Some(if provider {
            PartnerKind::IndirectProvider
        } else {
            PartnerKind::IndirectReseller
        }),
    }
}

/// Signs in as `u`'s partner's global admin, gives them `u`'s roles, and opens `path` with
/// that session (as the app finds it after a reload).
async fn as_user(u: &User, path: &str) -> Ui {
    fresh_browser();
    let env = signed_in_env(u).await;
    SIGNED_IN.with(|e| *e.borrow_mut() = Some(env.clone()));
    Ui::mount_with(path, true, move || env).await
}

thread_local! {
    /// The environment (and so the session) of the last `as_user`, for pages opened after it.
    static SIGNED_IN: std::cell::RefCell<Option<csp_portal::Env>> = const { std::cell::RefCell::new(None) };
}

/// Opens `path` again in the session of the last `as_user`, as a reload would.
async fn remount(path: &str) -> Ui {
    let env = SIGNED_IN
        .with(|e| e.borrow().clone())
        .expect("as_user first");
    Ui::mount_with(path, true, move || env).await
}

/// The in-browser backend with a user of `u`'s partner signed in who has `u`'s roles.
async fn signed_in_env(u: &User) -> csp_portal::Env {
    let env = support::default_env();
    let (admin, domain) = if u.partner_id == FABRIKAM {
        ("admin@fabrikam.onmicrosoft.com", "fabrikam.com")
    } else {
        ("admin@contoso.onmicrosoft.com", "contoso.com")
    };
    support::sign_in_with_roles(
        &env,
        admin,
        domain,
        u.agent_role.as_deref(),
        u.admin_role.as_deref(),
    )
    .await;
    env
}

async fn reseller(path: &str) -> Ui {
    as_user(&user(false, None, Some("global-admin")), path).await
}

async fn provider(path: &str) -> Ui {
    as_user(&user(true, None, Some("global-admin")), path).await
}

fn nav_has(ui: &Ui, text: &str) -> bool {
    ui.root
        .query_selector("nav.header-nav")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap()
        .contains(text)
}

#[wasm_bindgen_test]
async fn navigation_follows_roles_and_partner_type() {
    let ui = reseller("/").await;
    assert!(nav_has(&ui, "Customers"));
    assert!(nav_has(&ui, "Indirect providers"));
    assert!(!nav_has(&ui, "Indirect resellers"));
    drop(ui);
    let ui = provider("/").await;
    assert!(nav_has(&ui, "Indirect resellers"));
    assert!(!nav_has(&ui, "Indirect providers"));
    drop(ui);
    // A Helpdesk agent sees customers, not the partner pages; the guard says why.
    let ui = as_user(
        &user(false, Some("helpdesk-agent"), None),
        "/indirect-providers",
    )
    .await;
    assert!(nav_has(&ui, "Customers"));
    assert!(!nav_has(&ui, "Indirect providers"));
    assert_eq!(ui.heading(), "You do not have permission to see this page");
}

#[wasm_bindgen_test]
async fn customers_search_as_you_type_and_removal_blocked_with_reason() {
    let ui = reseller("/customers").await;
    assert_eq!(ui.heading(), "Customers");
    ui.assert_text("4 customers");
    ui.assert_text("Boulangerie Élodie SARL");
    ui.assert_text("北京示例科技有限公司");
    ui.assert_text("Fabrikam Distribution");
    ui.assert_text("You can't remove the reseller relationship with Boulangerie Élodie SARL while it has active subscriptions");
    ui.fill("Search by company name", "РОМАШКА").await;
    ui.assert_text("1 customer");
    ui.assert_no_text("Boulangerie");
    ui.fill("Search by company name", "bjshili").await;
    ui.assert_text("北京示例科技有限公司");
    ui.fill("Search by company name", "nobody").await;
    ui.assert_text("No customer matches \"nobody\".");
    ui.fill("Search by company name", "").await;
    assert!(ui.has_control("Export"));
    ui.press("Export").await;
}

#[wasm_bindgen_test]
async fn provider_filters_by_reseller() {
    let ui = provider("/customers").await;
    ui.assert_text("5 customers");
    ui.select("Reseller", CONTOSO).await;
    ui.assert_text("3 customers");
    ui.assert_text("Contoso");
    ui.assert_no_text("Wingtip Toys");
}

#[wasm_bindgen_test]
async fn remove_a_reseller_relationship() {
    let ui = reseller("/customers").await;
    ui.click("Remove reseller relationship (ООО «Ромашка»)")
        .await;
    assert_eq!(
        ui.heading(),
        "Remove the reseller relationship with ООО «Ромашка»?"
    );
    ui.press("Yes, remove the reseller relationship").await;
    settle().await;
    assert_eq!(ui.heading(), "Customers");
    ui.assert_text("The reseller relationship with ООО «Ромашка» has been removed.");
    ui.assert_text("3 customers");
    ui.assert_no_text("romashka.onmicrosoft.com");
}

#[wasm_bindgen_test]
async fn add_customer_with_errors_check_answers_and_one_time_password() {
    let ui = reseller("/customers/add").await;
    assert_eq!(ui.heading(), "Add customer");
    ui.press("Continue").await;
    assert!(ui.summary().unwrap().contains("Enter the company name"));
    ui.fill("Company name", "Boulangerie.com").await;
    assert!(ui.has_text("Company names don't usually end in .com"));
    ui.fill("Company name", "Boulangerie Durand").await;
    ui.fill("Domain name", "romashka").await;
    gloo::timers::future::TimeoutFuture::new(400).await;
    settle().await;
    assert!(
        ui.error_for("Domain name")
            .unwrap_or_default()
            .contains("romashka.onmicrosoft.com"),
        "taken prefix: {}",
        ui.text()
    );
    ui.fill("Domain name", "boulangeriedurand").await;
    gloo::timers::future::TimeoutFuture::new(400).await;
    settle().await;
    ui.assert_text("boulangeriedurand.onmicrosoft.com is available.");
    ui.fill("First name", "Élodie").await;
    ui.fill("Last name", "Durand").await;
    ui.fill("Email address", "elodie@contoso.com").await;
    assert!(ui
        .error_for("Email address")
        .unwrap_or_default()
        .contains("contoso.com"));
    ui.fill("Email address", "elodie@boulangerie-durand.fr")
        .await;
    ui.select("Country or region", "FR").await;
    ui.fill("Address line 1", "12 rue de l'Église").await;
    ui.fill("Town or city", "Orléans").await;
    ui.fill("Postal code", "45000").await;
    ui.press("Continue").await;
    assert_eq!(ui.heading(), "Check the customer's details before adding");
    ui.assert_text("boulangeriedurand.onmicrosoft.com");
    ui.press("Add customer").await;
    settle().await;
    ui.assert_text("Customer added");
    ui.assert_text("admin@boulangeriedurand.onmicrosoft.com");
    let password = ui
        .root
        .query_selector_all(".summary-value code")
        .unwrap()
        .item(1)
        .unwrap()
        .text_content()
        .unwrap();
    assert!(password.len() >= 16);
    assert!(!ui.all_storage().contains(&password));
}

#[wasm_bindgen_test]
async fn authorize_a_provider_from_its_link_once() {
    let link = format!(
        "/indirect-providers/authorize?invType=IndirectReseller&partnerId={ADVENTURE_WORKS}"
    );
    let ui = reseller(&link).await;
    assert_eq!(
        ui.heading(),
        "Authorize Adventure Works Distribution as your indirect provider"
    );
    ui.assert_text("submit orders and add subscriptions on behalf of your customers");
    ui.assert_text("administrator access to your company's work account");
    let button = ui
        .root
        .query_selector("main button[type=submit]")
        .unwrap()
        .unwrap()
        .dyn_into::<web_sys::HtmlButtonElement>()
        .unwrap();
    assert!(button.disabled(), "disabled until the box is ticked");
    ui.check("I understand").await;
    assert!(!button.disabled());
    ui.press("Authorize indirect provider").await;
    settle().await;
    ui.assert_text("Adventure Works Distribution is now your indirect provider");
    let done = ui.focused().expect("the focus on the confirmation");
    assert_eq!(
        done.text_content().as_deref(),
        Some("Adventure Works Distribution is now your indirect provider"),
        "the confirmation's heading takes the focus"
    );
    drop(ui);
    let ui = remount(&link).await;
    ui.assert_text("Adventure Works Distribution is already your indirect provider");
    drop(ui);
    let ui = remount("/indirect-providers").await;
    ui.assert_text("Adventure Works Distribution");
    ui.assert_text("Fabrikam Distribution");
    ui.assert_text("contact support");
}

#[wasm_bindgen_test]
async fn invalid_unknown_other_region_and_not_permitted() {
    let ui =
        reseller("/indirect-providers/authorize?invType=IndirectReseller&partnerId=合作伙伴").await;
    assert_eq!(ui.heading(), "This invitation link is not valid");
    drop(ui);
    let ui = remount(
        "/indirect-providers/authorize?invType=IndirectReseller&partnerId=11111111-2222-4333-8444-555555555555",
    )
    .await;
    assert_eq!(ui.heading(), "There is no indirect provider with this ID");
    drop(ui);
    let ui = remount(&format!(
        "/indirect-providers/authorize?invType=IndirectReseller&partnerId={SHANGHAI}"
    ))
    .await;
    assert_eq!(
        ui.heading(),
        "This indirect provider is not in your CSP region"
    );
    ui.assert_text("Asia Pacific");
    drop(ui);
    let ui = as_user(
        &user(false, Some("admin-agent"), None),
        &format!(
            "/indirect-providers/authorize?invType=IndirectReseller&partnerId={ADVENTURE_WORKS}"
        ),
    )
    .await;
    assert_eq!(
        ui.heading(),
        "Only a Global admin can authorize an indirect provider"
    );
    ui.assert_text("Adventure Works Distribution has invited your organization");
    let link = ui.input("Personalized link").value();
    assert!(
        link.contains(&format!("partnerId={ADVENTURE_WORKS}")),
        "{link}"
    );
}

#[wasm_bindgen_test]
async fn two_tier_invitation_keeps_its_link() {
    let ui = reseller("/indirect-providers").await;
    ui.click("Invite new customers (Fabrikam Distribution)")
        .await;
    settle().await;
    assert_eq!(ui.heading(), "Invitation email");
    let link = ui
        .root
        .query_selector(".invitation-link")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(link.contains(&format!("partnerId={CONTOSO}")), "{link}");
    assert!(link.contains(&format!("msppId={FABRIKAM}")), "{link}");
    let body = ui
        .control("Message")
        .dyn_into::<web_sys::HtmlTextAreaElement>()
        .unwrap();
    assert!(body.value().contains(&link));
    body.set_value("Hello, see you soon.");
    let ev = web_sys::InputEvent::new_with_event_init_dict("input", &{
        let d = web_sys::InputEventInit::new();
        d.set_bubbles(true);
        d
    })
    .unwrap();
    body.dispatch_event(&ev).unwrap();
    settle().await;
    ui.press("Done").await;
    assert!(ui
        .summary()
        .unwrap()
        .contains("Put the invitation link back in the message"));
    assert_eq!(ui.heading(), "Invitation email");
    // Without its link the draft can't leave the page: no mailto to middle-click or copy, and
    // both actions say why.
    let open = ui.button("Open in email");
    assert_eq!(open.get_attribute("href"), None);
    assert_eq!(open.get_attribute("aria-disabled").as_deref(), Some("true"));
    let copy = ui.button("Copy to clipboard");
    assert_eq!(copy.get_attribute("aria-disabled").as_deref(), Some("true"));
    ui.assert_text("Open in email and Copy to clipboard are off until the message has the personalized link again.");
    body.set_value(&format!("Hello, please accept: {link}"));
    body.dispatch_event(&ev).unwrap();
    settle().await;
    let href = ui
        .root
        .query_selector("a[href^='mailto:']")
        .unwrap()
        .unwrap()
        .get_attribute("href")
        .unwrap();
    assert!(href.starts_with("mailto:?subject="), "{href}");
    assert_eq!(
        ui.button("Copy to clipboard")
            .get_attribute("aria-disabled"),
        None
    );
    ui.assert_no_text("are off until");
}

#[wasm_bindgen_test]
async fn provider_requests_and_removes_a_partnership() {
    let ui = provider("/indirect-resellers").await;
    ui.assert_text("3 indirect resellers");
    ui.assert_text("ООО «Альфа Софт»");
    ui.assert_text(&format!("partnerId={FABRIKAM}"));
    ui.click("Request a partnership").await;
    assert_eq!(ui.heading(), "Invitation email");
    let body = ui
        .control("Message")
        .dyn_into::<web_sys::HtmlTextAreaElement>()
        .unwrap();
    assert!(body
        .value()
        .contains("Fabrikam Distribution would like to become your indirect provider"));
    assert!(body
        .value()
        .contains("/indirect-providers/authorize?invType=IndirectReseller&partnerId="));
    ui.press("Done").await;
    assert_eq!(ui.heading(), "Indirect resellers");
    ui.click("Remove partnership (Müller IT-Service GmbH)")
        .await;
    assert_eq!(
        ui.heading(),
        "Remove the partnership with Müller IT-Service GmbH?"
    );
    ui.assert_text("you remain responsible for their billing");
    ui.press("Yes, remove the partnership").await;
    settle().await;
    assert_eq!(ui.heading(), "Indirect resellers");
    ui.assert_text("The partnership with Müller IT-Service GmbH has been removed.");
    ui.assert_text("2 indirect resellers");
    ui.assert_no_text("Remove partnership (Müller");
}

#[wasm_bindgen_test]
async fn relationship_request_with_gdap_then_the_draft() {
    let ui = reseller("/customers/request-relationship").await;
    assert_eq!(ui.heading(), "Request a reseller relationship");
    ui.press("Continue").await;
    assert!(ui
        .summary()
        .unwrap()
        .contains("Choose whether you need admin access"));
    ui.check("Yes, with granular").await;
    assert_eq!(ui.input("Duration in days").value(), "730");
    ui.fill("Relationship name", "поддержка ромашки").await;
    ui.press("Continue").await;
    let s = ui.summary().unwrap();
    assert!(s.contains("You already have a relationship named"), "{s}");
    assert!(s.contains("Choose at least one admin role"), "{s}");
    ui.fill("Relationship name", "Crème & Café — support").await;
    ui.check("Directory Readers").await;
    ui.fill("Duration in days", "900").await;
    ui.press("Continue").await;
    assert!(ui
        .summary()
        .unwrap()
        .contains("Enter a duration from 1 to 730 days"));
    ui.fill("Duration in days", "180").await;
    ui.press("Continue").await;
    settle().await;
    assert_eq!(ui.heading(), "Invitation email");
    let body = ui
        .control("Message")
        .dyn_into::<web_sys::HtmlTextAreaElement>()
        .unwrap();
    assert!(body.value().contains("gdapId="), "{}", body.value());
    assert!(body.value().contains("180 days"));
    let link = ui
        .root
        .query_selector(".invitation-link")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    ui.press("Done").await;
    assert_eq!(ui.heading(), "Relationship requests");
    ui.assert_text("Crème & Café — support");
    ui.assert_text("Pending");
    ui.assert_text("Active");
    // The pending request's link can be had again after the draft is gone.
    ui.assert_text(&link);
    assert!(ui.has_control("Copy link (Crème & Café — support)"));
}

#[wasm_bindgen_test]
async fn an_invitation_link_opened_signed_out_comes_back_after_sign_in() {
    fresh_browser();
    let link = format!(
        "/indirect-providers/authorize?invType=IndirectReseller&partnerId={ADVENTURE_WORKS}"
    );
    let ui = Ui::mount(&link, true).await;
    assert_eq!(ui.heading(), "Sign in to see this page");
    ui.press("Sign in").await;
    ui.fill("User name", "admin@contoso.onmicrosoft.com").await;
    ui.fill("Password", "demo").await;
    ui.press("Sign in").await;
    settle().await;
    assert_eq!(
        ui.heading(),
        "Authorize Adventure Works Distribution as your indirect provider"
    );
}

/// 10,000 customers: the list shows one page, and a search as you type answers quickly.
#[wasm_bindgen_test]
async fn ten_thousand_customers_stay_responsive() {
    use csp_demo::backend::State;
    let mut state = State::seeded();
    let names = ["Contoso", "Ромашка", "北京示例", "Société", "Fabrikam"];
    for i in 0..10_000 {
        state.customers.push(csp_core::customers::Customer {
            id: format!("{i:08x}-0000-4000-8000-000000000000"),
            company_name: format!("{} {i}", names[i % 5]),
            primary_domain: format!("t{i}.onmicrosoft.com"),
            relationship: csp_core::customers::RelationshipKind::IndirectReseller,
            provider_id: None,
            reseller_id: Some(CONTOSO.into()),
            has_active_subscriptions: false,
            tags: vec![],
            accepted: None,
        });
    }
    let u = user(false, None, Some("global-admin"));
    let s = fresh_browser();
    s.set_item(
        "csp-portal.local-backend.v3",
        &serde_json::to_string(&state).unwrap(),
    )
    .unwrap();
    let env = signed_in_env(&u).await;
    let ui = Ui::mount_with("/customers", true, move || env).await;
    // Fetched page after page (`csp_core::paging`), searched over them all.
    ui.until("10004 customers").await;
    ui.assert_text("10004 customers");
    ui.assert_text("Page 1 of 401");
    let rows = ui.root.query_selector_all("tbody tr").unwrap().length();
    assert_eq!(rows, 25);
    let start = js_sys::Date::now();
    ui.fill("Search by company name", "ромашка 99").await;
    let took = js_sys::Date::now() - start;
    ui.assert_text("22 customers");
    assert!(took < 1_000.0, "search took {took} ms");
}

#[wasm_bindgen_test]
async fn a_provider_adds_a_customer_for_a_reseller() {
    let ui = provider("/indirect-resellers").await;
    ui.click("Add new customer (Contoso)").await;
    settle().await;
    assert_eq!(ui.heading(), "Add customer");
    ui.assert_text("For the reseller Contoso");
    ui.fill("Company name", "Crème Brûlée SAS").await;
    ui.fill("Domain name", "cremebrulee").await;
    ui.fill("First name", "Anne").await;
    ui.fill("Last name", "Roy").await;
    ui.fill("Email address", "anne@cremebrulee.fr").await;
    ui.select("Country or region", "FR").await;
    ui.fill("Address line 1", "1 rue Haute").await;
    ui.fill("Town or city", "Lyon").await;
    ui.fill("Postal code", "69001").await;
    ui.press("Continue").await;
    assert_eq!(ui.heading(), "Check the customer's details before adding");
    ui.press("Add customer").await;
    settle().await;
    ui.assert_text("Customer added");
    ui.press("Done").await;
    settle().await;
    ui.select("Reseller", CONTOSO).await;
    ui.assert_text("Crème Brûlée SAS");
}

#[wasm_bindgen_test]
async fn add_customer_keeps_what_was_typed_over_a_reload_and_forgets_it_on_leaving() {
    let store = gloo::utils::window().session_storage().unwrap().unwrap();
    fresh_browser();
    let env = signed_in_env(&user(false, None, Some("global-admin"))).await;
    // What a reload finds: the values typed before it.
    let typed = csp_core::add_customer::NewCustomer {
        company_name: "Durand SARL".into(),
        domain_prefix: "durandsarl".into(),
        ..Default::default()
    };
    gloo::storage::SessionStorage::set("add-customer:", typed).unwrap();
    let ui = Ui::mount_with("/customers/add", true, move || env).await;
    assert_eq!(ui.input("Company name").value(), "Durand SARL");
    // Typing is kept as it happens.
    ui.fill("Company name", "Durand et Fils SARL").await;
    let kept = store.get_item("add-customer:").unwrap().unwrap_or_default();
    assert!(kept.contains("Durand et Fils SARL"), "{kept}");
    // Leaving the page in the app forgets it: the next visit starts clean.
    drop(ui);
    settle().await;
    assert_eq!(store.get_item("add-customer:").unwrap(), None);
}
