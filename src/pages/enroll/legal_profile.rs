//! Legal business profile: name, the country-driven address form and the registration ID.

use super::step::{use_step, DraftText, StepPage};
use crate::components::{AddressEdit, AddressForm, RegistrationField};
use crate::env::use_env;
use crate::i18n::use_i18n;
use crate::journey::{edit, use_draft_setter, use_journey_store, use_journey_with, Journey};
use crate::route::Route;
use crate::store::use_store;
use csp_core::enrollment::check_legal;
use csp_core::field::LEGAL_ADDRESS;
use csp_core::Field;
use yew::prelude::*;

#[function_component]
pub fn LegalProfileStep() -> Html {
    let i18n = use_i18n();
    let env = use_env();
    // The address form and the registration ID follow the address and the ID.
    let read = use_journey_with(|j| {
        (
            j.draft.legal.address.clone(),
            j.draft.legal.registration_id.clone(),
        )
    });
    let (address, registration_id) = &*read;
    let check = {
        let env = env.clone();
        move |j: &Journey| check_legal(&j.draft.legal, &env.ctx)
    };
    let (form, live, onsubmit) = use_step(Route::LegalProfile, check);
    // The same callback at every render: typing elsewhere leaves the address form as it is.
    let onedit = {
        let store = use_journey_store();
        use_callback((), move |(f, v): AddressEdit, _| {
            store.dispatch(edit(move |draft| f(&mut draft.legal.address, v)))
        })
    };
    let on_registration_id = use_draft_setter(Field::LegalRegistrationId);
    // The fields that are not the draft's text inputs take the whole report.
    let report = use_store(&live);
    html! {
        <StepPage route={Route::LegalProfile} heading={i18n.t("legal-heading")} live={live.clone()} form={form.clone()} {onsubmit}>
            <p class="hint">{ i18n.t("legal-latin-note") }</p>
            <DraftText field={Field::LegalName} label={i18n.t("legal-name")} hint={i18n.t("legal-name-hint")} autocomplete="organization" width="input--wide" />
            <AddressForm fields={&LEGAL_ADDRESS} address={address.clone()} {onedit} report={(*report).clone()} autofill=true />
            <RegistrationField field={Field::LegalRegistrationId} country={address.country.clone()} value={registration_id.clone()}
                oninput={on_registration_id} report={(*report).clone()} />
        </StepPage>
    }
}
