//! Primary contact: the person the vendor emails to verify the application.

use super::step::{use_step, StepPage};
use crate::components::{phone_hint, TextField};
use crate::env::use_env;
use crate::i18n::use_i18n;
use crate::journey::{use_journey, use_setters};
use crate::route::Route;
use csp_core::country::{calling_code, find};
use csp_core::enrollment::check_contact;
use csp_core::Field;
use yew::prelude::*;

#[function_component]
pub fn PrimaryContactStep() -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let j = use_journey();
    let set = use_setters(&j);
    let c = j.draft.contact.clone();
    let country = j.draft.legal.address.country.clone();
    let live = {
        let (c, env, country) = (c.clone(), env.clone(), country.clone());
        move || check_contact(&c, &country, &env.ctx)
    };
    let (form, report, onsubmit) = use_step(Route::PrimaryContact, live);
    let rules = find(&env.ctx.countries, &country);
    let phone_label = if rules.is_some_and(|r| r.phone_required) {
        i18n.t("phone")
    } else {
        format!("{} {}", i18n.t("phone"), i18n.t("optional"))
    };
    let hint = phone_hint(&i18n, calling_code(&env.ctx.countries, &country));
    html! {
        <StepPage route={Route::PrimaryContact} heading={i18n.t("contact-heading")} report={report.clone()} form={form.clone()} {onsubmit}>
            <p class="inset">{ i18n.t("contact-verification-note") }</p>
            <TextField field={Field::ContactFirstName} label={i18n.t("first-name")} value={c.first_name.clone()} autocomplete="given-name" oninput={set.of(|d, v| d.contact.first_name = v)} report={report.clone()} />
            <TextField field={Field::ContactLastName} label={i18n.t("last-name")} value={c.last_name.clone()} autocomplete="family-name" oninput={set.of(|d, v| d.contact.last_name = v)} report={report.clone()} />
            <TextField field={Field::ContactEmail} label={i18n.t("contact-email")} hint={i18n.t("contact-email-hint")} value={c.email.clone()} input_type="email" autocomplete="email" spellcheck_off=true width="input--wide"
                oninput={set.of(|d, v| d.contact.email = v)} report={report.clone()} />
            <TextField field={Field::ContactPhone} label={phone_label} hint={hint} value={c.phone.clone()} input_type="tel" autocomplete="tel"
                oninput={set.of(|d, v| d.contact.phone = v)} report={report.clone()} />
        </StepPage>
    }
}
