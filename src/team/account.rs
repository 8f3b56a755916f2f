//! The signed-in user's account: their roles, what those let them do, and the enrolling
//! admin's step 9: "am I in the admin agent group?" with the one action that adds them.

use super::{features, role_name, use_team, TeamAction};
use crate::components::{set_title, use_i18n, Busy, ErrorSummary};
use crate::wizard::{use_attempt, use_env};
use csp_core::roles::{Role, RoleKind};
use yew::prelude::*;

const ADMIN_AGENT: &str = "admin-agent";

#[function_component]
pub fn Account() -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let team = use_team();
    let attempt = use_attempt();
    let Some(user) = team.user.clone() else {
        return html! {};
    };
    let heading = i18n.t("account-heading");
    set_title(&i18n, &heading, attempt.failure.is_some());
    let tag = i18n.locale.tag();
    let roles: Vec<&Role> = user
        .agent_role
        .iter()
        .chain(user.admin_role.iter())
        .filter_map(|id| env.catalog.get(id))
        .collect();
    let can: Vec<String> = roles
        .iter()
        .flat_map(|r| Role::localized(&r.can, tag).cloned().unwrap_or_default())
        .collect();
    let opens = features(Some(&user), &env.catalog);
    let join = {
        let (team, attempt, api, user) =
            (team.clone(), attempt.clone(), env.api.clone(), user.clone());
        Callback::from(move |_| {
            let (team, attempt, api, user) =
                (team.clone(), attempt.clone(), api.clone(), user.clone());
            attempt.busy.set(true);
            attempt.failure.set(None);
            wasm_bindgen_futures::spawn_local(async move {
                let r = api
                    .update_roles(&user.id, Some(ADMIN_AGENT.into()), user.admin_role.clone())
                    .await;
                attempt.busy.set(false);
                match r {
                    Ok(u) => team.dispatch(TeamAction::SignedIn(u)),
                    Err(f) => attempt.fail(&f),
                }
            });
        })
    };
    html! {
        <div class="step">
            <h1 class="heading">{ heading }</h1>
            <ErrorSummary report={csp_core::Report::default()} attempt={*attempt.count} general={(*attempt.failure).as_ref().map(|id| AttrValue::from(i18n.t(id)))} />
            <dl class="summary-list">
                <div class="summary-row"><dt class="summary-key">{ i18n.t("user-name") }</dt><dd class="summary-value">{ &user.name }</dd></div>
                <div class="summary-row"><dt class="summary-key">{ i18n.t("user-email") }</dt><dd class="summary-value">{ &user.email }</dd></div>
                <div class="summary-row"><dt class="summary-key">{ i18n.t("user-agent-role") }</dt><dd class="summary-value">{ role_name(&env.catalog, user.agent_role.as_deref(), RoleKind::Agent, &i18n) }</dd></div>
                <div class="summary-row"><dt class="summary-key">{ i18n.t("user-admin-role") }</dt><dd class="summary-value">{ role_name(&env.catalog, user.admin_role.as_deref(), RoleKind::Admin, &i18n) }</dd></div>
            </dl>
            <h2 class="subheading">{ i18n.t("account-admin-agent-heading") }</h2>
            if user.agent_role.as_deref() == Some(ADMIN_AGENT) {
                <p class="inset" role="status">{ i18n.t("account-admin-agent-yes") }</p>
            } else {
                <p>{ i18n.t("account-admin-agent-no") }</p>
                if *attempt.busy { <Busy label={i18n.t("busy")} /> }
                <button type="button" class="button" onclick={join} disabled={*attempt.busy}>{ i18n.t("account-admin-agent-action") }</button>
            }
            <h2 class="subheading">{ i18n.t("account-can-heading") }</h2>
            if can.is_empty() { <p>{ i18n.t("account-can-nothing") }</p> }
            <ul class="list">{ for can.iter().map(|c| html! { <li>{ c }</li> }) }</ul>
            <h2 class="subheading">{ i18n.t("account-features-heading") }</h2>
            <ul class="list" aria-label={i18n.t("account-features-heading")}>
                { for opens.iter().map(|f| {
                    let id = format!("feature-{f}");
                    html! { <li>{ if i18n.has(&id) { i18n.t(&id) } else { f.clone() } }</li> }
                }) }
            </ul>
        </div>
    }
}
