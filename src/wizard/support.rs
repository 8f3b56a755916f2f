//! Customer support details: what customers see. The only step of "already enrolled".

use super::{go_next, setter, use_attempt, use_env, use_journey, StepPage};
use crate::components::{use_i18n, TextField};
use crate::routes::Route;
use csp_core::address::find;
use csp_core::enrollment::check_support;
use yew::prelude::*;
use yew_router::prelude::*;

#[function_component]
pub fn SupportStep() -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let j = use_journey();
    let nav = use_navigator().expect("router");
    let attempt = use_attempt();
    let s = j.draft.support.clone();
    let country = j.draft.legal.address.country.clone();
    let live = {
        let (s, env, country) = (s.clone(), env.clone(), country.clone());
        move || check_support(&s, &country, &env.ctx)
    };
    let report = attempt.shown(live.clone());
    let onsubmit = {
        let (j, nav, attempt) = (j.clone(), nav.clone(), attempt.clone());
        Callback::from(move |_| {
            if attempt.press(&live()) {
                go_next(&nav, &j, &Route::Support);
            }
        })
    };
    let calling = find(&env.ctx.countries, &country)
        .map(|r| r.calling_code.clone())
        .unwrap_or_else(|| "33".into());
    html! {
        <StepPage route={Route::Support} heading={i18n.t("support-heading")} report={report.clone()} attempt={attempt.clone()} {onsubmit}>
            <p>{ i18n.t("support-intro") }</p>
            <TextField field="support.email" label={i18n.t("support-email")} value={s.email.clone()} input_type="email" autocomplete="email" spellcheck_off=true width="input--wide"
                oninput={setter(&j, |d, v| d.support.email = v)} report={report.clone()} />
            <TextField field="support.phone" label={i18n.t("support-phone")} hint={i18n.ta("phone-hint", &[("calling_code", &calling)])} value={s.phone.clone()} input_type="tel" autocomplete="tel"
                oninput={setter(&j, |d, v| d.support.phone = v)} report={report.clone()} />
            <TextField field="support.website" label={format!("{} {}", i18n.t("support-website"), i18n.t("optional"))} value={s.website.clone()} input_type="url" autocomplete="url" spellcheck_off=true width="input--wide"
                oninput={setter(&j, |d, v| d.support.website = v)} report={report.clone()} />
        </StepPage>
    }
}
