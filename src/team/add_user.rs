//! Add user: name, unique work email, agent role (or not an agent) and admin role (default:
//! not an admin); confirm on the next page; the sign-in details are shown once.

use super::users::{from_choice, role_options, use_users, NONE};
use super::{role_name, use_team, TeamAction};
use crate::components::{set_title, use_i18n, Busy, ErrorSummary, Radios, TextField};
use crate::routes::Route;
use crate::wizard::{use_attempt, use_env};
use csp_core::api::NewUser;
use csp_core::roles::RoleKind;
use csp_core::users::check_new_user;
use csp_core::{Code, Report};
use yew::prelude::*;
use yew_router::prelude::*;

#[function_component]
pub fn AddUser() -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let team = use_team();
    let nav = use_navigator().expect("router");
    let attempt = use_attempt();
    let (users, _) = use_users();
    let pending = team.pending.clone();
    let name = use_state(|| pending.as_ref().map(|p| p.name.clone()).unwrap_or_default());
    let email = use_state(|| {
        pending
            .as_ref()
            .map(|p| p.email.clone())
            .unwrap_or_default()
    });
    // No agent answer until the user picks one: "Not an agent" is a choice, not a default.
    let agent = use_state(|| {
        pending
            .as_ref()
            .map(|p| p.agent_role.clone().unwrap_or_else(|| NONE.into()))
    });
    let admin = use_state(|| {
        pending
            .as_ref()
            .and_then(|p| p.admin_role.clone())
            .unwrap_or_else(|| NONE.into())
    });
    let existing: Vec<String> = match &*users {
        Some(Ok(list)) => list.iter().map(|u| u.email.clone()).collect(),
        _ => vec![],
    };
    let new_user = NewUser {
        name: (*name).clone(),
        email: (*email).clone(),
        agent_role: agent.as_deref().and_then(from_choice),
        admin_role: from_choice(&admin),
    };
    let live = {
        let (u, env, agent) = (new_user.clone(), env.clone(), agent.is_some());
        move || {
            let ex: Vec<&str> = existing.iter().map(String::as_str).collect();
            let mut r = check_new_user(&u, &ex, &env.catalog, &env.ctx);
            if !agent {
                r.add("user.agent_role", Code::ChooseOne);
            }
            r
        }
    };
    let mut report = attempt.shown(live.clone());
    // What the backend refused on the confirm page, until the user presses Add again.
    if *attempt.count == 0 {
        report.extend(team.rejected.clone());
    }
    let heading = i18n.t("add-user-heading");
    set_title(&i18n, &heading, report.has_errors());
    let onsubmit = {
        let (team, nav, attempt) = (team.clone(), nav.clone(), attempt.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if attempt.press(&live()) {
                team.dispatch(TeamAction::Pending(Some(new_user.clone())));
                nav.push(&Route::ConfirmUser);
            }
        })
    };
    html! {
        <div class="step">
            <Link<Route> to={Route::Users} classes="back-link">{ i18n.t("back") }</Link<Route>>
            <ErrorSummary report={report.clone()} attempt={*attempt.count + team.rejected.0.len() as u32} />
            <h1 class="heading">{ heading }</h1>
            <form novalidate=true {onsubmit}>
                <TextField field="user.name" label={i18n.t("user-full-name")} value={(*name).clone()} autocomplete="off" width="input--wide"
                    oninput={{ let s = name.clone(); Callback::from(move |v: String| s.set(v)) }} report={report.clone()} />
                <TextField field="user.email" label={i18n.t("user-email")} hint={i18n.t("user-email-hint")} value={(*email).clone()} input_type="email" autocomplete="off" spellcheck_off=true width="input--wide"
                    oninput={{ let s = email.clone(); Callback::from(move |v: String| s.set(v)) }} report={report.clone()} />
                <Radios field="user.agent_role" legend={i18n.t("user-agent-role")} hint={i18n.t("user-agent-role-hint")} value={(*agent).clone()}
                    options={role_options(&env.catalog, RoleKind::Agent, &i18n)} onchange={{ let s = agent.clone(); Callback::from(move |v: String| s.set(Some(v))) }} report={report.clone()} />
                <Radios field="user.admin_role" legend={i18n.t("user-admin-role")} hint={i18n.t("user-admin-role-hint")} value={Some((*admin).clone())}
                    options={role_options(&env.catalog, RoleKind::Admin, &i18n)} onchange={{ let s = admin.clone(); Callback::from(move |v: String| s.set(v)) }} report={report.clone()} />
                <button type="submit" class="button">{ i18n.t("add-user-add") }</button>
            </form>
        </div>
    }
}

#[function_component]
pub fn ConfirmUser() -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let team = use_team();
    let nav = use_navigator().expect("router");
    let attempt = use_attempt();
    let heading = i18n.t("confirm-user-heading");
    let Some(u) = team.pending.clone() else {
        set_title(&i18n, &heading, false);
        return html! { <div class="step"><h1 class="heading">{ heading }</h1><Link<Route> to={Route::AddUser}>{ i18n.t("users-add") }</Link<Route>></div> };
    };
    let server = (*attempt.server).clone();
    set_title(
        &i18n,
        &heading,
        server.has_errors() || attempt.failure.is_some(),
    );
    let onsubmit = {
        let (team, nav, attempt, api, u) = (
            team.clone(),
            nav.clone(),
            attempt.clone(),
            env.api.clone(),
            u.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *attempt.busy {
                return;
            }
            let (team, nav, attempt, api, u) = (
                team.clone(),
                nav.clone(),
                attempt.clone(),
                api.clone(),
                u.clone(),
            );
            attempt.press(&Report::default());
            attempt.busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let r = api.add_user(&u).await;
                attempt.busy.set(false);
                match r {
                    Ok(created) => {
                        team.dispatch(TeamAction::Pending(None));
                        team.dispatch(TeamAction::Created(Some(created)));
                        nav.push(&Route::UserAdded);
                    }
                    Err(f) if !f.field_errors().is_empty() => {
                        team.dispatch(TeamAction::Rejected(csp_core::Report(
                            f.field_errors().to_vec(),
                        )));
                        nav.push(&Route::AddUser);
                    }
                    Err(f) => attempt.fail(&f),
                }
            });
        })
    };
    let row = |k: String, v: String| {
        html! {
            <div class="summary-row">
                <dt class="summary-key">{ k }</dt><dd class="summary-value">{ v }</dd>
                <dd class="summary-actions"><Link<Route> to={Route::AddUser}>{ i18n.t("change") }</Link<Route>></dd>
            </div>
        }
    };
    html! {
        <div class="step">
            <Link<Route> to={Route::AddUser} classes="back-link">{ i18n.t("back") }</Link<Route>>
            <ErrorSummary report={server} attempt={*attempt.count} general={(*attempt.failure).as_ref().map(|id| AttrValue::from(i18n.t(id)))} />
            <h1 class="heading">{ heading }</h1>
            <dl class="summary-list">
                { row(i18n.t("user-full-name"), u.name.trim().to_string()) }
                { row(i18n.t("user-email"), u.email.trim().to_string()) }
                { row(i18n.t("user-agent-role"), role_name(&env.catalog, u.agent_role.as_deref(), RoleKind::Agent, &i18n)) }
                { row(i18n.t("user-admin-role"), role_name(&env.catalog, u.admin_role.as_deref(), RoleKind::Admin, &i18n)) }
            </dl>
            <form novalidate=true {onsubmit}>
                if *attempt.busy { <Busy label={i18n.t("busy")} /> }
                <button type="submit" class="button" disabled={*attempt.busy}>{ i18n.t("confirm-user-add") }</button>
            </form>
        </div>
    }
}

/// The one-time view of the new user's sign-in details: never stored, forgotten on leaving.
#[function_component]
pub fn UserAdded() -> Html {
    let i18n = use_i18n();
    let team = use_team();
    let copied = use_state(|| false);
    // Shown once: the details leave memory as soon as this page does.
    let created = use_state(|| team.created.clone());
    {
        let team = team.clone();
        use_effect_with((), move |_| {
            team.dispatch(TeamAction::Created(None));
        });
    }
    let heading = i18n.t("user-added-heading");
    set_title(&i18n, &heading, false);
    let Some(c) = (*created).clone() else {
        return html! {
            <div class="step">
                <h1 class="heading">{ i18n.t("user-added-gone-heading") }</h1>
                <p>{ i18n.t("user-added-gone-body") }</p>
                <Link<Route> to={Route::Users}>{ i18n.t("users-heading") }</Link<Route>>
            </div>
        };
    };
    let copy = {
        let (copied, text) = (
            copied.clone(),
            format!("{}\n{}", c.sign_in_name, c.temporary_password),
        );
        Callback::from(move |_| {
            let promise = gloo::utils::window()
                .navigator()
                .clipboard()
                .write_text(&text);
            let copied = copied.clone();
            wasm_bindgen_futures::spawn_local(async move {
                copied.set(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
            });
        })
    };
    html! {
        <div class="step">
            <div class="panel panel--confirmation"><h1 class="panel-title">{ heading }</h1><p class="panel-body">{ &c.user.name }</p></div>
            <p class="inset warning" role="alert"><strong>{ i18n.t("user-added-once") }</strong></p>
            <dl class="summary-list">
                <div class="summary-row"><dt class="summary-key">{ i18n.t("user-added-sign-in-name") }</dt><dd class="summary-value"><code>{ &c.sign_in_name }</code></dd></div>
                <div class="summary-row"><dt class="summary-key">{ i18n.t("user-added-password") }</dt><dd class="summary-value"><code>{ &c.temporary_password }</code></dd></div>
            </dl>
            <button type="button" class="button button--secondary" onclick={copy}>{ i18n.t("user-added-copy") }</button>
            if *copied { <p role="status">{ i18n.t("user-added-copied") }</p> }
            <p>{ i18n.t("user-added-change-password") }</p>
            <crate::components::NavButton to={Route::Users} label={i18n.t("user-added-done")} />
        </div>
    }
}
