//! Primary contact: the person the vendor emails to verify the application.

use super::{go_next, setter, use_attempt, use_env, use_journey, StepPage};
use crate::components::{use_i18n, TextField};
use crate::routes::Route;
use csp_core::address::find;
use csp_core::enrollment::check_contact;
use yew::prelude::*;
use yew_router::prelude::*;

#[function_component]
pub fn ContactStep() -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let j = use_journey();
    let nav = use_navigator().expect("router");
    let attempt = use_attempt();
    let c = j.draft.contact.clone();
    let country = j.draft.legal.address.country.clone();
    let live = {
        let (c, env, country) = (c.clone(), env.clone(), country.clone());
        move || check_contact(&c, &country, &env.ctx)
    };
    let report = attempt.shown(live.clone());
    let onsubmit = {
        let (j, nav, attempt) = (j.clone(), nav.clone(), attempt.clone());
        Callback::from(move |_| {
            if attempt.press(&live()) {
                go_next(&nav, &j, &Route::Contact);
            }
        })
    };
    let rules = find(&env.ctx.countries, &country);
    let phone_label = if rules.is_some_and(|r| r.phone_required) {
        i18n.t("phone")
    } else {
        format!("{} {}", i18n.t("phone"), i18n.t("optional"))
    };
    let calling = rules
        .map(|r| r.calling_code.clone())
        .unwrap_or_else(|| "33".into());
    html! {
        <StepPage route={Route::Contact} heading={i18n.t("contact-heading")} report={report.clone()} attempt={attempt.clone()} {onsubmit}>
            <p class="inset">{ i18n.t("contact-verification-note") }</p>
            <TextField field="contact.first_name" label={i18n.t("first-name")} value={c.first_name.clone()} autocomplete="given-name" oninput={setter(&j, |d, v| d.contact.first_name = v)} report={report.clone()} />
            <TextField field="contact.last_name" label={i18n.t("last-name")} value={c.last_name.clone()} autocomplete="family-name" oninput={setter(&j, |d, v| d.contact.last_name = v)} report={report.clone()} />
            <TextField field="contact.email" label={i18n.t("contact-email")} hint={i18n.t("contact-email-hint")} value={c.email.clone()} input_type="email" autocomplete="email" spellcheck_off=true width="input--wide"
                oninput={setter(&j, |d, v| d.contact.email = v)} report={report.clone()} />
            <TextField field="contact.phone" label={phone_label} hint={i18n.ta("phone-hint", &[("calling_code", &calling)])} value={c.phone.clone()} input_type="tel" autocomplete="tel"
                oninput={setter(&j, |d, v| d.contact.phone = v)} report={report.clone()} />
        </StepPage>
    }
}
