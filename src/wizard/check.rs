//! Check your answers: every answer by section with a Change link; "Enroll now" submits once
//! per idempotency key, so a double press or a retry creates one application.

use super::{step_route, use_attempt, use_env, use_journey};
use crate::components::{dom_id, set_title, use_i18n, Busy, ErrorSummary};
use crate::countries;
use crate::routes::Route;
use crate::store::Action;
use csp_core::api::SubmitApplication;
use csp_core::enrollment::{check_submission, Step};
use yew::prelude::*;
use yew_router::prelude::*;

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
    let nav = use_navigator().expect("router");
    let attempt = use_attempt();
    let d = j.draft.clone();
    let live = {
        let (d, env) = (d.clone(), env.clone());
        move || check_submission(&d, &env.settings.open_partner_types, &env.ctx)
    };
    let report = attempt.shown(live.clone());
    let heading = i18n.t("check-heading");
    set_title(
        &i18n,
        &heading,
        report.has_errors() || attempt.failure.is_some(),
    );

    let onsubmit = {
        let (j, nav, attempt, env) = (j.clone(), nav.clone(), attempt.clone(), env.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *attempt.busy || !attempt.press(&live()) {
                return;
            }
            let key = j.idempotency_key.clone().unwrap_or_else(new_key);
            j.dispatch(Action::SetIdempotencyKey(key.clone()));
            let req = SubmitApplication {
                idempotency_key: key,
                draft: j.draft.for_submit(&env.ctx),
            };
            let (j, nav, attempt, api) = (j.clone(), nav.clone(), attempt.clone(), env.api.clone());
            attempt.busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let r = api.submit(&req).await;
                attempt.busy.set(false);
                match r {
                    Ok(app) => {
                        j.dispatch(Action::Clear);
                        nav.push(&Route::Status { id: app.id });
                    }
                    Err(f) => attempt.fail(&f),
                }
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
    let row = |label: String, value: String, step: Step, field: &str| {
        let href = step_route(step).to_path();
        html! {
            <div class="summary-row" id={format!("answer-{}", dom_id(field))} tabindex="-1">
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
            countries::name(c, i18n.locale)
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
    html! {
        <div class="step">
            <Link<Route> to={super::journey(&d).iter().rev().nth(1).cloned().unwrap_or(Route::Welcome)} classes="back-link">{ i18n.t("back") }</Link<Route>>
            <ErrorSummary report={report.clone()} link={answer_row as fn(&str) -> String} attempt={*attempt.count} general={(*attempt.failure).as_ref().map(|id| AttrValue::from(i18n.t(id)))} />
            <h1 class="heading">{ heading }</h1>
            { section("check-section-type", row(i18n.t("partner-type-legend"), pt, Step::PartnerType, "partner_type")) }
            if has(Step::WorkAccount) {
                { section("check-section-account", html! { <>
                    { row(i18n.t("check-tenant"), d.tenant.as_ref().map(|t| format!("{} ({})", t.domain, country(&t.country))).unwrap_or_default(), Step::WorkAccount, "tenant") }
                    { row(i18n.t("check-mpn"), d.profile.as_ref().map(|p| format!("{} – {} ({})", p.mpn_id, p.name, country(&p.country))).unwrap_or_default(), Step::Mpn, "profile") }
                </> }) }
            }
            if has(Step::Legal) {
                { section("check-section-legal", html! { <>
                    { row(i18n.t("legal-name"), d.legal.legal_name.clone(), Step::Legal, "legal.legal_name") }
                    { row(i18n.t("check-address"), address.clone(), Step::Legal, "legal.address") }
                    if !d.legal.registration_id.is_empty() { { row(i18n.t("check-registration-id"), d.legal.registration_id.clone(), Step::Legal, "legal.registration_id") } }
                </> }) }
            }
            if has(Step::Contact) {
                { section("check-section-contact", html! { <>
                    { row(i18n.t("check-name"), format!("{} {}", d.contact.first_name.trim(), d.contact.last_name.trim()), Step::Contact, "contact.name") }
                    { row(i18n.t("contact-email"), d.contact.email.trim().to_string(), Step::Contact, "contact.email") }
                    { row(i18n.t("phone"), d.contact.phone.clone(), Step::Contact, "contact.phone") }
                </> }) }
            }
            { section("check-section-support", html! { <>
                { row(i18n.t("support-email"), d.support.email.trim().to_string(), Step::Support, "support.email") }
                { row(i18n.t("support-phone"), d.support.phone.clone(), Step::Support, "support.phone") }
                { row(i18n.t("support-website"), d.support.website.clone(), Step::Support, "support.website") }
            </> }) }
            if has(Step::Bank) {
                { section("check-section-bank", html! { <>
                    { row(i18n.t("bank-country"), country(&d.bank.country), Step::Bank, "bank.country") }
                    { row(i18n.t("bank-account-holder"), d.bank.account_holder.clone(), Step::Bank, "bank.account_holder") }
                    { row(i18n.t("check-bank-account"), [d.bank.iban.as_str(), d.bank.bank_code.as_str(), d.bank.account_number.as_str(), d.bank.bic.as_str()].iter().filter(|s| !s.is_empty()).cloned().collect::<Vec<_>>().join(" · "), Step::Bank, "bank.iban") }
                </> }) }
            }
            <h2 class="subheading">{ i18n.t("check-declaration-heading") }</h2>
            <p>{ i18n.t("check-declaration") }</p>
            <form novalidate=true {onsubmit}>
                if *attempt.busy { <Busy label={i18n.t("busy-submitting")} /> }
                <button type="submit" class="button" disabled={*attempt.busy}>{ i18n.t("enroll-now") }</button>
            </form>
        </div>
    }
}

/// The answer row that shows a field (an address line shows in the address row).
fn answer_row(field: &str) -> String {
    let row = match field {
        f if f.starts_with("legal.address") => "legal.address",
        "contact.first_name" | "contact.last_name" => "contact.name",
        "bank.iban" | "bank.bic" | "bank.bank_code" | "bank.account_number" => "bank.iban",
        "work_account.mode" => "tenant",
        f => f,
    };
    format!("answer-{}", dom_id(row))
}
