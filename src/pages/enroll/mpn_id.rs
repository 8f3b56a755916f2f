//! MPN ID: sign in to the partner network, then choose the organization profile whose ID
//! carries the incentives. Only an active location profile in the tenant's country can be
//! chosen; every other profile is listed with the reason.

use super::step::{use_report, StepPage};
use crate::components::{RadioOption, Radios, TextField};
use crate::env::use_env;
use crate::form::use_form;
use crate::i18n::use_i18n;
use crate::journey::{edit, go_next, use_journey};
use crate::route::Route;
use crate::router::{use_navigator, Link};
use csp_core::api::SignIn;
use csp_core::endpoint::PARTNER_NETWORK_PROFILES;
use csp_core::enrollment::{check_mpn, check_pmc_sign_in};
use csp_core::mpn::{check_profile, OrgProfile};
use csp_core::{Code, Field, Report};
use yew::prelude::*;

#[function_component]
pub fn MpnIdStep() -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let j = use_journey();
    let nav = use_navigator();
    let form = use_form();
    let user = use_state(String::new);
    let password = use_state(String::new);
    let profiles = use_state(|| None::<Vec<OrgProfile>>);
    let tenant_country = j
        .draft
        .tenant
        .as_ref()
        .map(|t| t.country.clone())
        .unwrap_or_default();
    let signing_in = profiles.is_none() && j.draft.profile.is_none();

    let live = {
        let (env, draft, user, password) = (
            env.clone(),
            j.draft.clone(),
            (*user).clone(),
            (*password).clone(),
        );
        move || {
            if draft.tenant.is_none() {
                let mut r = Report::default();
                r.add(Field::Tenant, Code::Required);
                r
            } else if signing_in {
                check_pmc_sign_in(&user, &password)
            } else {
                check_mpn(&draft, &env.ctx)
            }
        }
    };
    let report = form.shown(live.clone());

    let onsubmit = {
        let (j, nav, form, env, user, password, profiles) = (
            j.clone(),
            nav.clone(),
            form.clone(),
            env.clone(),
            user.clone(),
            password.clone(),
            profiles.clone(),
        );
        Callback::from(move |_| {
            if !form.press(&live()) {
                return;
            }
            if !signing_in {
                go_next(&nav, j.store(), &Route::MpnId);
                return;
            }
            let api = env.api.clone();
            let req = SignIn {
                user_name: user.trim().into(),
                password: (*password).clone(),
            };
            let call = async move { api.call(&PARTNER_NETWORK_PROFILES, &[], &req).await };
            let (f, profiles, password) = (form.clone(), profiles.clone(), password.clone());
            form.run(call, move |list| {
                password.set(String::new());
                f.reset();
                profiles.set(Some(list));
            });
        })
    };

    let not_listed = {
        let (j, profiles, form) = (j.clone(), profiles.clone(), form.clone());
        Callback::from(move |_| {
            j.dispatch(edit(|d| d.profile = None));
            profiles.set(None);
            form.reset();
        })
    };

    let body = if j.draft.tenant.is_none() {
        // Profiles are checked against the work account's country: that step comes first.
        html! {
            <div class="inset" role="status">
                <p>{ i18n.t("mpn-needs-work-account") }</p>
                <Link to={Route::WorkAccount}>{ i18n.t("work-account-heading") }</Link>
            </div>
        }
    } else if signing_in {
        html! {
            <>
            <p>{ i18n.t("mpn-sign-in-intro") }</p>
            <TextField field={Field::PmcUserName} label={i18n.t("mpn-pmc-user-name")} value={(*user).clone()} autocomplete="username" spellcheck_off=true width="input--wide"
                oninput={{ let u = user.clone(); Callback::from(move |v: String| u.set(v)) }} report={report.clone()} />
            <TextField field={Field::PmcPassword} label={i18n.t("password")} value={(*password).clone()} input_type="password" autocomplete="current-password"
                oninput={{ let p = password.clone(); Callback::from(move |v: String| p.set(v)) }} report={report.clone()} />
            </>
        }
    } else {
        let list = (*profiles)
            .clone()
            .unwrap_or_else(|| j.draft.profile.iter().cloned().collect());
        let options = list
            .iter()
            .map(|p| {
                let why = check_profile(p, &tenant_country)
                    .err()
                    .map(|e| i18n.problem(Field::Profile, &e));
                let kind = i18n.t(&format!("mpn-kind-{}", p.kind.id()));
                let label = i18n.ta(
                    "mpn-profile-label",
                    &[
                        ("name", &p.name),
                        ("mpn", &p.mpn_id),
                        ("country", &i18n.country(&p.country)),
                        ("kind", &kind),
                    ],
                );
                RadioOption {
                    value: p.mpn_id.clone(),
                    label,
                    disabled: why.is_some(),
                    hint: why,
                }
            })
            .collect::<Vec<_>>();
        let onchange = {
            let (j, list) = (j.clone(), list.clone());
            Callback::from(move |id: String| {
                let chosen = list.iter().find(|p| p.mpn_id == id).cloned();
                j.dispatch(edit(move |d| d.profile = chosen));
            })
        };
        html! {
            <>
            <Radios field={Field::Profile} legend={i18n.t("mpn-choose-legend")}
                hint={i18n.ta("mpn-choose-hint", &[("country", &i18n.country(&tenant_country))])}
                value={j.draft.profile.as_ref().map(|p| p.mpn_id.clone())} {options} {onchange} report={report.clone()} />
            <p><button type="button" class="link-button" onclick={not_listed}>{ i18n.t("mpn-not-listed") }</button></p>
            </>
        }
    };
    let shown = use_report(report.clone());
    html! {
        <StepPage route={Route::MpnId} heading={i18n.t("mpn-heading")} live={shown} form={form.clone()} {onsubmit}>
            { body }
        </StepPage>
    }
}
