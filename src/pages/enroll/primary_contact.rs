//! Primary contact: the person the vendor emails to verify the application.

use super::step::{use_step, DraftText, StepPage};
use crate::components::phone_hint;
use crate::env::use_env;
use crate::i18n::use_i18n;
use crate::journey::{use_journey_with, Journey};
use crate::route::Route;
use csp_core::country::{calling_code, find};
use csp_core::enrollment::check_contact;
use csp_core::Field;
use yew::prelude::*;

#[function_component]
pub fn PrimaryContactStep() -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let country = use_journey_with(|j| j.draft.legal.address.country.clone());
    let check = {
        let env = env.clone();
        move |j: &Journey| check_contact(&j.draft.contact, &j.draft.legal.address.country, &env.ctx)
    };
    let (form, live, onsubmit) = use_step(Route::PrimaryContact, check);
    let rules = find(&env.ctx.countries, &country);
    let phone_label = if rules.is_some_and(|r| r.phone_required) {
        i18n.t("phone")
    } else {
        format!("{} {}", i18n.t("phone"), i18n.t("optional"))
    };
    let hint = phone_hint(&i18n, calling_code(&env.ctx.countries, &country));
    html! {
        <StepPage route={Route::PrimaryContact} heading={i18n.t("contact-heading")} live={live.clone()} form={form.clone()} {onsubmit}>
            <p class="inset">{ i18n.t("contact-verification-note") }</p>
            <DraftText field={Field::ContactFirstName} label={i18n.t("first-name")} autocomplete="given-name" />
            <DraftText field={Field::ContactLastName} label={i18n.t("last-name")} autocomplete="family-name" />
            <DraftText field={Field::ContactEmail} label={i18n.t("contact-email")} hint={i18n.t("contact-email-hint")} input_type="email" autocomplete="email" spellcheck_off=true width="input--wide" />
            <DraftText field={Field::ContactPhone} label={phone_label} hint={hint} input_type="tel" autocomplete="tel" />
        </StepPage>
    }
}
