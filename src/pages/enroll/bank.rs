//! Bank information: only the fields of the chosen country's form. Account numbers and IBANs
//! are kept in memory, never in browser storage.

use super::step::{use_step, DraftText, StepPage};
use crate::components::{use_country_options, SelectField};
use crate::env::use_env;
use crate::i18n::use_i18n;
use crate::journey::{edit, use_draft_setter, use_journey_store, use_journey_with, Journey};
use crate::route::Route;
use crate::store::use_store;
use csp_core::bank::BankForm;
use csp_core::country::find;
use csp_core::enrollment::check_bank_step;
use csp_core::Field;
use yew::prelude::*;

#[function_component]
pub fn BankStep() -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let store = use_journey_store();
    // The bank country starts as the legal address's country.
    use_effect_with((), move |_| {
        let j = store.get();
        if j.draft.bank.country.is_empty() && !j.draft.legal.address.country.is_empty() {
            let c = j.draft.legal.address.country.clone();
            store.dispatch(edit(move |d| d.bank.country = c));
        }
    });
    // Which fields the page shows follows the country.
    let country = use_journey_with(|j| j.draft.bank.country.clone());
    let check = {
        let env = env.clone();
        move |j: &Journey| check_bank_step(&j.draft.bank, &env.ctx)
    };
    let (form, live, onsubmit) = use_step(Route::Bank, check);
    let country_options = use_country_options();
    // The fields that are not the draft's text inputs take the whole report.
    let report = use_store(&live);
    let bank_form = find(&env.ctx.countries, &country).map(|r| r.bank_form);
    let on_country = use_draft_setter(Field::BankCountry);
    let iban = html! {
        <DraftText field={Field::BankIban} label={i18n.t("bank-iban")} hint={i18n.t("bank-iban-hint")} spellcheck_off=true width="input--wide" autocomplete="off" />
    };
    let bic = html! {
        <DraftText field={Field::BankBic} label={i18n.t("bank-bic")} hint={i18n.t("bank-bic-hint")} spellcheck_off=true width="input--short" />
    };
    let account = |label: &str| {
        html! {
            <DraftText field={Field::BankAccountNumber} label={i18n.t(label)} spellcheck_off=true inputmode="numeric" autocomplete="off" />
        }
    };
    let code = |label: &str| {
        html! {
            <DraftText field={Field::BankCode} label={i18n.t(label)} hint={i18n.t(&format!("{label}-hint"))} spellcheck_off=true inputmode="numeric" width="input--short" />
        }
    };
    let fields = match bank_form {
        Some(BankForm::Iban) => html! { <>{ iban }{ bic }</> },
        Some(BankForm::Ru) => html! { <>{ code("bank-bik") }{ account("bank-ru-account") }</> },
        Some(BankForm::Us) => html! { <>{ code("bank-aba") }{ account("bank-account-number") }</> },
        Some(BankForm::Swift) => html! { <>{ account("bank-account-number") }{ bic }</> },
        None => html! {},
    };
    html! {
        <StepPage route={Route::Bank} heading={i18n.t("bank-heading")} live={live.clone()} form={form.clone()} {onsubmit}>
            <p>{ i18n.t("bank-intro") }</p>
            <SelectField field={Field::BankCountry} label={i18n.t("bank-country")} value={(*country).clone()} options={country_options} placeholder={i18n.t("choose-country")}
                onchange={on_country} report={(*report).clone()} />
            <DraftText field={Field::BankAccountHolder} label={i18n.t("bank-account-holder")} width="input--wide" />
            { fields }
            <p class="hint">{ i18n.t("bank-not-stored") }</p>
        </StepPage>
    }
}
