//! Check your answers: every answer by section with a Change link; "Enroll now" submits once
//! per idempotency key, so a double press or a retry creates one application.

use crate::components::SummaryLink;
use crate::env::use_env;
use crate::form::{use_form, FormPage};
use crate::i18n::use_i18n;
use crate::journey::{pages, step_route, use_journey, Action};
use crate::route::Route;
use crate::router::use_navigator;
use csp_core::api::SubmitApplication;
use csp_core::endpoint::SUBMIT_APPLICATION;
use csp_core::enrollment::{check_submission, Step};
use csp_core::Field;
use yew::prelude::*;

fn new_key() -> String {
    crate::api::random_bytes()
        .iter()
        .map(|x| format!("{x:02x}"))
        .collect()
}

#[function_component]
pub fn CheckAnswers() -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let j = use_journey();
    let nav = use_navigator();
    let form = use_form();
    let d = j.draft.clone();
    let live = {
        let (d, env) = (d.clone(), env.clone());
        move || check_submission(&d, &env.settings.open_partner_types, &env.ctx)
    };
    let report = form.shown(live.clone());

    let onsubmit = {
        let (j, nav, form, env) = (j.clone(), nav.clone(), form.clone(), env.clone());
        let locale = i18n.locale;
        Callback::from(move |_| {
            if !form.press(&live()) {
                return;
            }
            let key = j.idempotency_key.clone().unwrap_or_else(new_key);
            j.dispatch(Action::SetIdempotencyKey(key.clone()));
            let req = SubmitApplication {
                idempotency_key: key,
                draft: j.draft.for_submit(&env.ctx),
                language: locale.tag().into(),
            };
            let api = env.api.clone();
            let call = async move { api.call(&SUBMIT_APPLICATION, &[], &req).await };
            let (j, nav) = (j.clone(), nav.clone());
            form.run(call, move |app| {
                super::submitted::remember(&app.id, &app.reference);
                j.dispatch(Action::Clear);
                nav.push(&Route::Application { id: app.id });
            });
        })
    };

    let change = |step: Step| {
        let (j, nav) = (j.clone(), nav.clone());
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            j.dispatch(Action::SetReturning(true));
            nav.push(&step_route(step));
        })
    };
    let row = |label: String, value: String, step: Step, field: Field| {
        let href = step_route(step).to_path();
        html! {
            <div class="summary-row" id={answer_row(field)} tabindex="-1">
                <dt class="summary-key">{ label.clone() }</dt>
                <dd class="summary-value">{ if value.trim().is_empty() { "—".to_string() } else { value } }</dd>
                <dd class="summary-actions">
                    <a href={href} onclick={change(step)}>{ i18n.t("change") }<span class="visually-hidden">{ format!(" {label}") }</span></a>
                </dd>
            </div>
        }
    };
    let country = |c: &str| {
        if c.is_empty() {
            String::new()
        } else {
            i18n.country(c)
        }
    };
    let a = &d.legal.address;
    let address = [
        a.line1.clone(),
        a.line2.clone(),
        a.city.clone(),
        a.state.clone(),
        a.postal_code.clone(),
        country(&a.country),
    ]
    .iter()
    .map(|s| s.trim().to_string())
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(", ");
    let steps = d.steps();
    let has = |s: Step| steps.contains(&s);
    let section = |title: &str, rows: Html| {
        html! {
            <>
                <h2 class="subheading">{ i18n.t(title) }</h2>
                <dl class="summary-list">{ rows }</dl>
            </>
        }
    };
    let pt = d
        .partner_type
        .map(|t| i18n.t(&format!("partner-type-{}", t.id())))
        .unwrap_or_default();
    let pt = if d.already_enrolled {
        format!("{pt} ({})", i18n.t("already-enrolled"))
    } else {
        pt
    };
    // Errors on this page point to the page that holds the answer.
    let back = pages(&d)
        .iter()
        .rev()
        .nth(1)
        .cloned()
        .unwrap_or(Route::Welcome);
    html! {
        <FormPage heading={i18n.t("check-heading")} form={form.clone()} report={report.clone()} {onsubmit} {back}
            summary_link={SummaryLink(answer_row)} submit_label={i18n.t("enroll-now")} busy_label={i18n.t("busy-submitting")}>
            { section("check-section-type", row(i18n.t("partner-type-legend"), pt, Step::PartnerType, Field::PartnerType)) }
            if has(Step::WorkAccount) {
                { section("check-section-account", html! { <>
                    { row(i18n.t("check-tenant"), d.tenant.as_ref().map(|t| format!("{} ({})", t.domain, country(&t.country))).unwrap_or_default(), Step::WorkAccount, Field::Tenant) }
                    { row(i18n.t("check-mpn"), d.profile.as_ref().map(|p| format!("{} – {} ({})", p.mpn_id, p.name, country(&p.country))).unwrap_or_default(), Step::Mpn, Field::Profile) }
                </> }) }
            }
            if has(Step::Legal) {
                { section("check-section-legal", html! { <>
                    { row(i18n.t("legal-name"), d.legal.legal_name.clone(), Step::Legal, Field::LegalName) }
                    { row(i18n.t("check-address"), address.clone(), Step::Legal, Field::LegalLine1) }
                    if !d.legal.registration_id.is_empty() { { row(i18n.t("check-registration-id"), d.legal.registration_id.clone(), Step::Legal, Field::LegalRegistrationId) } }
                </> }) }
            }
            if has(Step::Contact) {
                { section("check-section-contact", html! { <>
                    { row(i18n.t("check-name"), format!("{} {}", d.contact.first_name.trim(), d.contact.last_name.trim()), Step::Contact, Field::ContactFirstName) }
                    { row(i18n.t("contact-email"), d.contact.email.trim().to_string(), Step::Contact, Field::ContactEmail) }
                    { row(i18n.t("phone"), d.contact.phone.clone(), Step::Contact, Field::ContactPhone) }
                </> }) }
            }
            { section("check-section-support", html! { <>
                { row(i18n.t("support-email"), d.support.email.trim().to_string(), Step::Support, Field::SupportEmail) }
                { row(i18n.t("support-phone"), d.support.phone.clone(), Step::Support, Field::SupportPhone) }
                { row(i18n.t("support-website"), d.support.website.clone(), Step::Support, Field::SupportWebsite) }
            </> }) }
            if has(Step::Bank) {
                { section("check-section-bank", html! { <>
                    { row(i18n.t("bank-country"), country(&d.bank.country), Step::Bank, Field::BankCountry) }
                    { row(i18n.t("bank-account-holder"), d.bank.account_holder.clone(), Step::Bank, Field::BankAccountHolder) }
                    { row(i18n.t("check-bank-account"), [d.bank.iban.as_str(), d.bank.bank_code.as_str(), d.bank.account_number.as_str(), d.bank.bic.as_str()].iter().filter(|s| !s.is_empty()).cloned().collect::<Vec<_>>().join(" · "), Step::Bank, Field::BankIban) }
                </> }) }
            }
            <h2 class="subheading">{ i18n.t("check-declaration-heading") }</h2>
            <p>{ i18n.t("check-declaration") }</p>
        </FormPage>
    }
}

/// The answer row that shows a field: errors on this page point at the row, whose Change
/// link leads to the page that holds the answer.
fn answer_row(field: Field) -> String {
    use Field::*;
    let row = match field {
        LegalCountry | LegalLine1 | LegalLine2 | LegalCity | LegalState | LegalPostalCode => {
            LegalLine1
        }
        ContactFirstName | ContactLastName => ContactFirstName,
        BankIban | BankBic | BankCode | BankAccountNumber => BankIban,
        WorkAccountMode => Tenant,
        f => f,
    };
    format!("answer-{}", row.dom_id())
}
