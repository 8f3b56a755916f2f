//! Legal business profile: name, the country-driven address form and the registration ID.

use super::step::{use_step, StepPage};
use crate::components::{AddressEdit, AddressForm, RegistrationField, TextField};
use crate::env::use_env;
use crate::i18n::use_i18n;
use crate::journey::{edit, use_journey, use_setters};
use crate::route::Route;
use csp_core::enrollment::check_legal;
use csp_core::field::LEGAL_ADDRESS;
use csp_core::Field;
use yew::prelude::*;

#[function_component]
pub fn LegalProfileStep() -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let j = use_journey();
    let set = use_setters(&j);
    let l = j.draft.legal.clone();
    let live = {
        let (l, env) = (l.clone(), env.clone());
        move || check_legal(&l, &env.ctx)
    };
    let (form, report, onsubmit) = use_step(Route::LegalProfile, live);
    // The same callback at every render: typing elsewhere leaves the address form as it is.
    let onedit = {
        let d = j.dispatcher();
        use_callback((), move |(f, v): AddressEdit, _| {
            d.dispatch(edit(move |draft| f(&mut draft.legal.address, v)))
        })
    };
    html! {
        <StepPage route={Route::LegalProfile} heading={i18n.t("legal-heading")} report={report.clone()} form={form.clone()} {onsubmit}>
            <p class="hint">{ i18n.t("legal-latin-note") }</p>
            <TextField field={Field::LegalName} label={i18n.t("legal-name")} hint={i18n.t("legal-name-hint")} value={l.legal_name.clone()} autocomplete="organization" width="input--wide"
                oninput={set.of(|d, v| d.legal.legal_name = v)} report={report.clone()} />
            <AddressForm fields={&LEGAL_ADDRESS} address={l.address.clone()} {onedit} report={report.clone()} autofill=true />
            <RegistrationField field={Field::LegalRegistrationId} country={l.address.country.clone()} value={l.registration_id.clone()}
                oninput={set.of(|d, v| d.legal.registration_id = v)} report={report.clone()} />
        </StepPage>
    }
}
