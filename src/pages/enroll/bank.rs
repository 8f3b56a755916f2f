//! Bank information: only the fields of the chosen country's form. Account numbers and IBANs
//! are kept in memory, never in browser storage.

use super::step::{use_step, StepPage};
use crate::components::{use_country_options, SelectField, TextField};
use crate::env::use_env;
use crate::i18n::use_i18n;
use crate::journey::{use_journey, use_setters};
use crate::route::Route;
use csp_core::bank::BankForm;
use csp_core::country::find;
use csp_core::enrollment::check_bank_step;
use csp_core::Field;
use yew::prelude::*;

#[function_component]
pub fn BankStep() -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let j = use_journey();
    let set = use_setters(&j);
    {
        // The bank country starts as the legal address's country.
        let j = j.clone();
        use_effect_with((), move |_| {
            if j.draft.bank.country.is_empty() && !j.draft.legal.address.country.is_empty() {
                let c = j.draft.legal.address.country.clone();
                j.dispatch(crate::journey::edit(move |d| d.bank.country = c));
            }
        });
    }
    let b = j.draft.bank.clone();
    let live = {
        let (b, env) = (b.clone(), env.clone());
        move || check_bank_step(&b, &env.ctx)
    };
    let (form, report, onsubmit) = use_step(Route::Bank, live);
    let country_options = use_country_options();
    let bank_form = find(&env.ctx.countries, &b.country).map(|r| r.bank_form);
    let iban = html! {
        <TextField field={Field::BankIban} label={i18n.t("bank-iban")} hint={i18n.t("bank-iban-hint")} value={b.iban.clone()} spellcheck_off=true width="input--wide" autocomplete="off"
            oninput={set.of(|d, v| d.bank.iban = v)} report={report.clone()} />
    };
    let bic = html! {
        <TextField field={Field::BankBic} label={i18n.t("bank-bic")} hint={i18n.t("bank-bic-hint")} value={b.bic.clone()} spellcheck_off=true width="input--short"
            oninput={set.of(|d, v| d.bank.bic = v)} report={report.clone()} />
    };
    let account = |label: &str| {
        html! {
            <TextField field={Field::BankAccountNumber} label={i18n.t(label)} value={b.account_number.clone()} spellcheck_off=true inputmode="numeric" autocomplete="off"
                oninput={set.of(|d, v| d.bank.account_number = v)} report={report.clone()} />
        }
    };
    let code = |label: &str| {
        html! {
            <TextField field={Field::BankCode} label={i18n.t(label)} hint={i18n.t(&format!("{label}-hint"))} value={b.bank_code.clone()} spellcheck_off=true inputmode="numeric" width="input--short"
                oninput={set.of(|d, v| d.bank.bank_code = v)} report={report.clone()} />
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
        <StepPage route={Route::Bank} heading={i18n.t("bank-heading")} report={report.clone()} form={form.clone()} {onsubmit}>
            <p>{ i18n.t("bank-intro") }</p>
            <SelectField field={Field::BankCountry} label={i18n.t("bank-country")} value={b.country.clone()} options={country_options} placeholder={i18n.t("choose-country")}
                onchange={set.of(|d, v| d.bank.country = v)} report={report.clone()} />
            <TextField field={Field::BankAccountHolder} label={i18n.t("bank-account-holder")} value={b.account_holder.clone()} width="input--wide"
                oninput={set.of(|d, v| d.bank.account_holder = v)} report={report.clone()} />
            { fields }
            <p class="hint">{ i18n.t("bank-not-stored") }</p>
        </StepPage>
    }
}
