//! Customer support details: what customers see. The only step of "already enrolled".

use super::step::{use_step, StepPage};
use crate::components::{phone_hint, TextField};
use crate::env::use_env;
use crate::i18n::use_i18n;
use crate::journey::{use_journey, use_setters};
use crate::route::Route;
use csp_core::country::calling_code;
use csp_core::enrollment::check_support;
use csp_core::Field;
use yew::prelude::*;

#[function_component]
pub fn SupportStep() -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let j = use_journey();
    let set = use_setters(&j);
    let s = j.draft.support.clone();
    let country = j.draft.legal.address.country.clone();
    let live = {
        let (s, env, country) = (s.clone(), env.clone(), country.clone());
        move || check_support(&s, &country, &env.ctx)
    };
    let (form, report, onsubmit) = use_step(Route::Support, live);
    let hint = phone_hint(&i18n, calling_code(&env.ctx.countries, &country));
    html! {
        <StepPage route={Route::Support} heading={i18n.t("support-heading")} report={report.clone()} form={form.clone()} {onsubmit}>
            <p>{ i18n.t("support-intro") }</p>
            <TextField field={Field::SupportEmail} label={i18n.t("support-email")} value={s.email.clone()} input_type="email" autocomplete="email" spellcheck_off=true width="input--wide"
                oninput={set.of(|d, v| d.support.email = v)} report={report.clone()} />
            <TextField field={Field::SupportPhone} label={i18n.t("support-phone")} hint={hint} value={s.phone.clone()} input_type="tel" autocomplete="tel"
                oninput={set.of(|d, v| d.support.phone = v)} report={report.clone()} />
            <TextField field={Field::SupportWebsite} label={format!("{} {}", i18n.t("support-website"), i18n.t("optional"))} value={s.website.clone()} input_type="url" autocomplete="url" spellcheck_off=true width="input--wide"
                oninput={set.of(|d, v| d.support.website = v)} report={report.clone()} />
        </StepPage>
    }
}
