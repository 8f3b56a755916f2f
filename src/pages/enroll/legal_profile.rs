//! Legal business profile: name, the country-driven address form and the registration ID.

use super::step::{use_step, StepPage};
use crate::components::{SelectField, TextField};
use crate::env::use_env;
use crate::i18n::use_i18n;
use crate::journey::{setter, use_journey};
use crate::route::Route;
use csp_core::country::find;
use csp_core::enrollment::check_legal;
use csp_core::registration::RegistrationId;
use csp_core::Field;
use yew::prelude::*;

#[function_component]
pub fn LegalProfileStep() -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let j = use_journey();
    let l = j.draft.legal.clone();
    let live = {
        let (l, env) = (l.clone(), env.clone());
        move || check_legal(&l, &env.ctx)
    };
    let (form, report, onsubmit) = use_step(Route::LegalProfile, live);
    let rules = find(&env.ctx.countries, &l.address.country).cloned();
    let optional = |id: &str, required: bool| {
        if required {
            i18n.t(id)
        } else {
            format!("{} {}", i18n.t(id), i18n.t("optional"))
        }
    };
    let country_options = i18n.countries(env.ctx.countries.iter().map(|c| c.code.clone()));
    let postal_hint = rules
        .as_ref()
        .and_then(|r| r.postal_code_example.clone())
        .map(|ex| i18n.ta("postal-code-hint", &[("example", &ex)]));
    let registration = rules.as_ref().and_then(|r| r.registration_id).map(|kind| {
        let id = match kind {
            RegistrationId::Inn => "registration-inn",
            RegistrationId::Uscc => "registration-uscc",
        };
        html! {
            <TextField field={Field::LegalRegistrationId} label={i18n.t(id)} hint={i18n.t(&format!("{id}-hint"))} value={l.registration_id.clone()}
                spellcheck_off=true oninput={setter(&j, |d, v| d.legal.registration_id = v)} report={report.clone()} />
        }
    });
    html! {
        <StepPage route={Route::LegalProfile} heading={i18n.t("legal-heading")} report={report.clone()} form={form.clone()} {onsubmit}>
            <p class="hint">{ i18n.t("legal-latin-note") }</p>
            <TextField field={Field::LegalName} label={i18n.t("legal-name")} hint={i18n.t("legal-name-hint")} value={l.legal_name.clone()} autocomplete="organization" width="input--wide"
                oninput={setter(&j, |d, v| d.legal.legal_name = v)} report={report.clone()} />
            <SelectField field={Field::LegalCountry} label={i18n.t("country")} value={l.address.country.clone()} options={country_options} placeholder={i18n.t("choose-country")}
                autocomplete="country" onchange={setter(&j, |d, v| d.legal.address.country = v)} report={report.clone()} />
            <TextField field={Field::LegalLine1} label={i18n.t("address-line1")} value={l.address.line1.clone()} autocomplete="address-line1" width="input--wide"
                oninput={setter(&j, |d, v| d.legal.address.line1 = v)} report={report.clone()} />
            <TextField field={Field::LegalLine2} label={optional("address-line2", false)} value={l.address.line2.clone()} autocomplete="address-line2" width="input--wide"
                oninput={setter(&j, |d, v| d.legal.address.line2 = v)} report={report.clone()} />
            <TextField field={Field::LegalCity} label={optional("address-city", rules.as_ref().is_none_or(|r| r.city_required))} value={l.address.city.clone()} autocomplete="address-level2"
                oninput={setter(&j, |d, v| d.legal.address.city = v)} report={report.clone()} />
            <TextField field={Field::LegalState} label={optional("address-state", rules.as_ref().is_some_and(|r| r.state_required))} value={l.address.state.clone()} autocomplete="address-level1"
                oninput={setter(&j, |d, v| d.legal.address.state = v)} report={report.clone()} />
            <TextField field={Field::LegalPostalCode} label={optional("address-postal-code", rules.as_ref().is_none_or(|r| r.postal_code_required))} hint={postal_hint}
                value={l.address.postal_code.clone()} autocomplete="postal-code" spellcheck_off=true width="input--short"
                oninput={setter(&j, |d, v| d.legal.address.postal_code = v)} report={report.clone()} />
            { for registration }
        </StepPage>
    }
}
