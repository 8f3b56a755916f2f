//! The signed-in user's account: their roles, what those let them do, and the enrolling
//! admin's step 9: "am I in the admin agent group?" with the one action that adds them.

use super::common::role_name;
use crate::components::{Busy, ErrorSummary};
use crate::env::use_env;
use crate::form::use_form;
use crate::i18n::{use_i18n, use_title};
use crate::partner::{use_my_partner, AgreementNotice};
use crate::route::Route;
use crate::router::Link;
use crate::session::{features, use_session, SessionAction};
use csp_core::api::RoleChange;
use csp_core::endpoint::UPDATE_ROLES;
use csp_core::roles::{Role, RoleKind, BUSINESS_PROFILE};
use yew::prelude::*;

const ADMIN_AGENT: &str = "admin-agent";

#[function_component]
pub fn Account() -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let session = use_session();
    let form = use_form();
    let partner = use_my_partner();
    let heading = i18n.t("account-heading");
    use_title(&heading, form.failure.is_some());
    let Some(user) = session.user.clone() else {
        return html! {};
    };
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
        let (session, form, api, user) =
            (session.clone(), form.clone(), env.api.clone(), user.clone());
        Callback::from(move |_| {
            let (api, user) = (api.clone(), user.clone());
            let change = RoleChange {
                agent_role: Some(ADMIN_AGENT.into()),
                admin_role: user.admin_role.clone(),
            };
            let call = async move { api.call(&UPDATE_ROLES, &[&user.id], &change).await };
            let session = session.clone();
            form.run(call, move |u| session.dispatch(SessionAction::Updated(u)));
        })
    };
    html! {
        <div class="step">
            <h1 class="heading">{ heading }</h1>
            <ErrorSummary report={csp_core::Report::default()} attempt={*form.count} general={form.general(&i18n, &env.catalog)} />
            <dl class="summary-list">
                <div class="summary-row"><dt class="summary-key">{ i18n.t("user-name") }</dt><dd class="summary-value">{ &user.name }</dd></div>
                <div class="summary-row"><dt class="summary-key">{ i18n.t("user-email") }</dt><dd class="summary-value">{ &user.email }</dd></div>
                <div class="summary-row"><dt class="summary-key">{ i18n.t("user-agent-role") }</dt><dd class="summary-value">{ role_name(&env.catalog, user.agent_role.as_deref(), RoleKind::Agent, &i18n) }</dd></div>
                <div class="summary-row"><dt class="summary-key">{ i18n.t("user-admin-role") }</dt><dd class="summary-value">{ role_name(&env.catalog, user.admin_role.as_deref(), RoleKind::Admin, &i18n) }</dd></div>
            </dl>
            <p><Link to={Route::ChangePassword}>{ i18n.t("password-change-heading") }</Link></p>
            if let Some(Ok(p)) = &*partner {
                <h2 class="subheading">{ i18n.t("agreement-heading") }</h2>
                if p.agreement_signed {
                    <p><Link to={Route::Agreement}>{ i18n.t("agreement-signed-link") }</Link></p>
                } else {
                    <AgreementNotice />
                }
            }
            <h2 class="subheading">{ i18n.t("account-admin-agent-heading") }</h2>
            if user.agent_role.as_deref() == Some(ADMIN_AGENT) {
                <p class="inset" role="status">{ i18n.t("account-admin-agent-yes") }</p>
            } else {
                <p>{ i18n.t("account-admin-agent-no") }</p>
                if *form.busy { <Busy label={i18n.t("busy")} /> }
                <button type="button" class="button" onclick={join} disabled={*form.busy}>{ i18n.t("account-admin-agent-action") }</button>
            }
            <h2 class="subheading">{ i18n.t("account-can-heading") }</h2>
            if can.is_empty() { <p>{ i18n.t("account-can-nothing") }</p> }
            <ul class="list">{ for can.iter().map(|c| html! { <li>{ c }</li> }) }</ul>
            <h2 class="subheading">{ i18n.t("account-features-heading") }</h2>
            <ul class="list" aria-label={i18n.t("account-features-heading")}>
                { for opens.iter().map(|f| {
                    let id = format!("feature-{f}");
                    let name = if i18n.has(&id) { i18n.t(&id) } else { f.clone() };
                    // The business profile has no place in the navigation (the first load's
                    // budget): its page opens from here.
                    if f == BUSINESS_PROFILE {
                        html! { <li><Link to={Route::BusinessProfile}>{ name }</Link></li> }
                    } else {
                        html! { <li>{ name }</li> }
                    }
                }) }
            </ul>
        </div>
    }
}
