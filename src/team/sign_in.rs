//! Partner-user sign-in.

use super::{use_team, TeamAction};
use crate::components::{set_title, use_i18n, ErrorSummary, TextField};
use crate::routes::Route;
use crate::wizard::{use_attempt, use_env};
use csp_core::api::SignIn;
use csp_core::problem::required;
use csp_core::Report;
use yew::prelude::*;
use yew_router::prelude::*;

#[function_component]
pub fn SignInPage() -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let team = use_team();
    let nav = use_navigator().expect("router");
    let attempt = use_attempt();
    let user = use_state(String::new);
    let password = use_state(String::new);
    let live = {
        let (u, p) = ((*user).clone(), (*password).clone());
        move || {
            let mut r = Report::default();
            r.check("session.user_name", required(&u).map(|_| ()));
            r.check("session.password", required(&p).map(|_| ()));
            r
        }
    };
    let report = attempt.shown(live.clone());
    let heading = i18n.t("sign-in-heading");
    set_title(
        &i18n,
        &heading,
        report.has_errors() || attempt.failure.is_some(),
    );
    let onsubmit = {
        let (team, nav, attempt, api, user, password) = (
            team.clone(),
            nav.clone(),
            attempt.clone(),
            env.api.clone(),
            user.clone(),
            password.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *attempt.busy || !attempt.press(&live()) {
                return;
            }
            let req = SignIn {
                user_name: user.trim().into(),
                password: (*password).clone(),
            };
            let (team, nav, attempt, api, password) = (
                team.clone(),
                nav.clone(),
                attempt.clone(),
                api.clone(),
                password.clone(),
            );
            attempt.busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let r = api.sign_in(&req).await;
                attempt.busy.set(false);
                password.set(String::new());
                match r {
                    Ok(u) => {
                        team.dispatch(TeamAction::SignedIn(u));
                        nav.push(&Route::Account);
                    }
                    Err(f) => attempt.fail(&f),
                }
            });
        })
    };
    html! {
        <div class="step">
            <ErrorSummary report={report.clone()} attempt={*attempt.count} general={(*attempt.failure).as_ref().map(|id| AttrValue::from(i18n.t(id)))} />
            <h1 class="heading">{ heading }</h1>
            if !env.config.uses_http_backend() { <p class="inset">{ i18n.t("sign-in-demo") }</p> }
            <form novalidate=true {onsubmit}>
                <TextField field="session.user_name" label={i18n.t("sign-in-user-name")} value={(*user).clone()} input_type="email" autocomplete="username" spellcheck_off=true width="input--wide"
                    oninput={{ let u = user.clone(); Callback::from(move |v: String| u.set(v)) }} report={report.clone()} />
                <TextField field="session.password" label={i18n.t("password")} value={(*password).clone()} input_type="password" autocomplete="current-password"
                    oninput={{ let p = password.clone(); Callback::from(move |v: String| p.set(v)) }} report={report.clone()} />
                <button type="submit" class="button" disabled={*attempt.busy}>{ i18n.t("sign-in") }</button>
            </form>
        </div>
    }
}
