//! MPN ID: sign in to the partner network, then choose the organization profile whose ID
//! carries the incentives. Only an active location profile in the tenant's country can be
//! chosen; every other profile is listed with the reason.

use super::{go_next, use_attempt, use_env, use_journey, StepPage};
use crate::components::{use_i18n, RadioOption, Radios, TextField};
use crate::countries;
use crate::routes::Route;
use crate::store::edit;
use csp_core::api::SignIn;
use csp_core::enrollment::check_mpn;
use csp_core::mpn::{check_profile, OrgProfile};
use csp_core::problem::required;
use csp_core::Report;
use yew::prelude::*;
use yew_router::prelude::*;

#[function_component]
pub fn MpnStep() -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let j = use_journey();
    let nav = use_navigator().expect("router");
    let attempt = use_attempt();
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
                r.add("tenant", csp_core::Code::Required);
                r
            } else if signing_in {
                let mut r = Report::default();
                r.check("pmc.user_name", required(&user).map(|_| ()));
                r.check("pmc.password", required(&password).map(|_| ()));
                r
            } else {
                check_mpn(&draft, &env.ctx)
            }
        }
    };
    let report = attempt.shown(live.clone());

    let onsubmit = {
        let (j, nav, attempt, env, user, password, profiles) = (
            j.clone(),
            nav.clone(),
            attempt.clone(),
            env.clone(),
            user.clone(),
            password.clone(),
            profiles.clone(),
        );
        Callback::from(move |_| {
            if !attempt.press(&live()) {
                return;
            }
            if !signing_in {
                go_next(&nav, &j, &Route::Mpn);
                return;
            }
            let (attempt, api, profiles, password) = (
                attempt.clone(),
                env.api.clone(),
                profiles.clone(),
                password.clone(),
            );
            let req = SignIn {
                user_name: user.trim().into(),
                password: (*password).clone(),
            };
            attempt.busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let r = api.partner_network_profiles(&req).await;
                attempt.busy.set(false);
                match r {
                    Ok(list) => {
                        password.set(String::new());
                        attempt.count.set(0);
                        profiles.set(Some(list));
                    }
                    Err(f) => attempt.fail(&f),
                }
            });
        })
    };

    let not_listed = {
        let (j, profiles, attempt) = (j.clone(), profiles.clone(), attempt.clone());
        Callback::from(move |_| {
            j.dispatch(edit(|d| d.profile = None));
            profiles.set(None);
            attempt.count.set(0);
        })
    };

    let body = if j.draft.tenant.is_none() {
        // Profiles are checked against the work account's country: that step comes first.
        html! {
            <div class="inset" role="status">
                <p>{ i18n.t("mpn-needs-work-account") }</p>
                <Link<Route> to={Route::WorkAccount}>{ i18n.t("work-account-heading") }</Link<Route>>
            </div>
        }
    } else if signing_in {
        html! {
            <>
            <p>{ i18n.t("mpn-sign-in-intro") }</p>
            <TextField field="pmc.user_name" label={i18n.t("mpn-pmc-user-name")} value={(*user).clone()} autocomplete="username" spellcheck_off=true width="input--wide"
                oninput={{ let u = user.clone(); Callback::from(move |v: String| u.set(v)) }} report={report.clone()} />
            <TextField field="pmc.password" label={i18n.t("password")} value={(*password).clone()} input_type="password" autocomplete="current-password"
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
                    .map(|e| i18n.problem("profile", &e));
                let kind = i18n.t(&format!(
                    "mpn-kind-{}",
                    serde_json::to_value(p.kind)
                        .ok()
                        .and_then(|v| v.as_str().map(String::from))
                        .unwrap_or_default()
                ));
                let label = i18n.ta(
                    "mpn-profile-label",
                    &[
                        ("name", &p.name),
                        ("mpn", &p.mpn_id),
                        ("country", &countries::name(&p.country, i18n.locale)),
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
            <Radios field="profile" legend={i18n.t("mpn-choose-legend")}
                hint={i18n.ta("mpn-choose-hint", &[("country", &countries::name(&tenant_country, i18n.locale))])}
                value={j.draft.profile.as_ref().map(|p| p.mpn_id.clone())} {options} {onchange} report={report.clone()} />
            <p><button type="button" class="link-button" onclick={not_listed}>{ i18n.t("mpn-not-listed") }</button></p>
            </>
        }
    };
    html! {
        <StepPage route={Route::Mpn} heading={i18n.t("mpn-heading")} report={report.clone()} attempt={attempt.clone()} {onsubmit}>
            { body }
        </StepPage>
    }
}
