//! An application's answers as "Check your answers" shows them, section by section: for the
//! applicant (each row with a Change link to the step that holds it) and for the reviewer
//! (read-only). One rendering, so both read the same words in the same order.

use crate::i18n::I18n;
use crate::journey::step_route;
use csp_core::enrollment::{Draft, Step};
use csp_core::Field;
use yew::prelude::*;

/// What a row's Change link does for `step`; none: the answers are read-only.
pub type Change<'a> = Option<&'a dyn Fn(Step) -> Callback<MouseEvent>>;

/// The answer row that shows a field: errors on Check your answers point at the row, whose
/// Change link leads to the page that holds the answer.
pub fn answer_row(field: Field) -> String {
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

/// Every answer of `d`, by section, each section a heading of `level` (`h2`, or `h3` under a
/// page's own section).
pub fn answer_sections(i18n: &I18n, d: &Draft, change: Change, level: &'static str) -> Html {
    let row = |label: String, value: String, step: Step, field: Field| {
        let action = change.map(|change| {
            let href = step_route(step).to_path();
            html! {
                <dd class="summary-actions">
                    <a href={href} onclick={change(step)}>{ i18n.t("change") }<span class="visually-hidden">{ format!(" {label}") }</span></a>
                </dd>
            }
        });
        html! {
            <div class="summary-row" id={answer_row(field)} tabindex="-1">
                <dt class="summary-key">{ label.clone() }</dt>
                <dd class="summary-value">{ if value.trim().is_empty() { "—".to_string() } else { value } }</dd>
                { action.unwrap_or_default() }
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
                <@{level} class="subheading">{ i18n.t(title) }</@>
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
    html! {
        <>
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
        </>
    }
}
