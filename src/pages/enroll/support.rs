//! Customer support details: what customers see. The only step of "already enrolled".

use super::step::{use_step, DraftText, StepPage};
use crate::components::phone_hint;
use crate::env::use_env;
use crate::i18n::use_i18n;
use crate::journey::{use_journey_with, Journey};
use crate::route::Route;
use csp_core::country::calling_code;
use csp_core::enrollment::check_support;
use csp_core::Field;
use yew::prelude::*;

#[function_component]
pub fn SupportStep() -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let country = use_journey_with(|j| j.draft.legal.address.country.clone());
    let check = {
        let env = env.clone();
        move |j: &Journey| check_support(&j.draft.support, &j.draft.legal.address.country, &env.ctx)
    };
    let (form, live, onsubmit) = use_step(Route::Support, check);
    let hint = phone_hint(&i18n, calling_code(&env.ctx.countries, &country));
    html! {
        <StepPage route={Route::Support} heading={i18n.t("support-heading")} live={live.clone()} form={form.clone()} {onsubmit}>
            <p>{ i18n.t("support-intro") }</p>
            <DraftText field={Field::SupportEmail} label={i18n.t("support-email")} input_type="email" autocomplete="email" spellcheck_off=true width="input--wide" />
            <DraftText field={Field::SupportPhone} label={i18n.t("support-phone")} hint={hint} input_type="tel" autocomplete="tel" />
            <DraftText field={Field::SupportWebsite} label={format!("{} {}", i18n.t("support-website"), i18n.t("optional"))} input_type="url" autocomplete="url" spellcheck_off=true width="input--wide" />
        </StepPage>
    }
}
