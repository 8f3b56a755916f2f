//! The users list and the page that changes a user's roles or removes them.

use super::{role_name, use_team, TeamAction};
use crate::components::{set_title, use_i18n, Busy, ErrorSummary, NavButton, RadioOption, Radios};
use crate::routes::Route;
use crate::wizard::{use_attempt, use_env};
use csp_core::api::User;
use csp_core::roles::{Role, RoleCatalog, RoleKind};
use yew::prelude::*;
use yew_router::prelude::*;

/// The users list as fetched: `None` while loading.
pub type UsersState = UseStateHandle<Option<Result<Vec<User>, crate::api::Failure>>>;

/// The partner's users, fetched on mount, and a callback that fetches them again.
#[hook]
pub fn use_users() -> (UsersState, Callback<()>) {
    let env = use_env();
    let users = use_state(|| None);
    let reload = use_state(|| 0u32);
    {
        let (users, api) = (users.clone(), env.api.clone());
        use_effect_with(*reload, move |_| {
            users.set(None);
            wasm_bindgen_futures::spawn_local(async move { users.set(Some(api.users().await)) });
        });
    }
    let again = Callback::from(move |_| reload.set(*reload + 1));
    (users, again)
}

/// Radio options for one kind of role: each role of that kind, then "Not an agent/admin".
pub fn role_options(
    catalog: &RoleCatalog,
    kind: RoleKind,
    i18n: &crate::i18n::I18n,
) -> Vec<RadioOption> {
    let tag = i18n.locale.tag();
    catalog
        .of_kind(kind)
        .map(|r| RadioOption {
            value: r.id.clone(),
            label: Role::localized(&r.name, tag)
                .cloned()
                .unwrap_or_else(|| r.id.clone()),
            hint: Role::localized(&r.can, tag).map(|c| c.join("; ")),
            disabled: false,
        })
        .chain(std::iter::once(RadioOption {
            value: NONE.into(),
            label: role_name(catalog, None, kind, i18n),
            hint: None,
            disabled: false,
        }))
        .collect()
}

/// The radio value of "Not an agent" / "Not an admin".
pub const NONE: &str = "none";

pub fn from_choice(v: &str) -> Option<String> {
    (v != NONE).then(|| v.to_owned())
}

#[function_component]
pub fn Users() -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let (users, again) = use_users();
    let heading = i18n.t("users-heading");
    set_title(&i18n, &heading, matches!(*users, Some(Err(_))));
    let body = match &*users {
        None => html! { <Busy label={i18n.t("busy")} /> },
        Some(Err(f)) => html! {
            <>
                <ErrorSummary report={csp_core::Report::default()} attempt={0} general={AttrValue::from(i18n.t(f.message_id()))} />
                <button type="button" class="button button--secondary" onclick={again.reform(|_| ())}>{ i18n.t("retry") }</button>
            </>
        },
        Some(Ok(list)) => html! {
            <table class="role-table users-table">
                <caption class="visually-hidden">{ i18n.t("users-heading") }</caption>
                <thead><tr>
                    <th scope="col">{ i18n.t("user-name") }</th>
                    <th scope="col">{ i18n.t("user-email") }</th>
                    <th scope="col">{ i18n.t("user-agent-role") }</th>
                    <th scope="col">{ i18n.t("user-admin-role") }</th>
                    <th scope="col"><span class="visually-hidden">{ i18n.t("users-actions") }</span></th>
                </tr></thead>
                <tbody>
                { for list.iter().map(|u| html! {
                    <tr>
                        <th scope="row" data-label={i18n.t("user-name")}>{ &u.name }</th>
                        <td data-label={i18n.t("user-email")}>{ &u.email }</td>
                        <td data-label={i18n.t("user-agent-role")}>{ role_name(&env.catalog, u.agent_role.as_deref(), RoleKind::Agent, &i18n) }</td>
                        <td data-label={i18n.t("user-admin-role")}>{ role_name(&env.catalog, u.admin_role.as_deref(), RoleKind::Admin, &i18n) }</td>
                        <td><Link<Route> to={Route::EditUser { id: u.id.clone() }}>{ i18n.t("users-edit") }<span class="visually-hidden">{ format!(" {}", u.name) }</span></Link<Route>></td>
                    </tr>
                }) }
                </tbody>
            </table>
        },
    };
    html! {
        <div>
            <h1 class="heading">{ heading }</h1>
            <NavButton to={Route::AddUser} label={i18n.t("users-add")} />
            { body }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct EditUserProps {
    pub id: AttrValue,
}

#[function_component]
pub fn EditUser(p: &EditUserProps) -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let team = use_team();
    let nav = use_navigator().expect("router");
    let (users, _) = use_users();
    let attempt = use_attempt();
    let choice = use_state(|| None::<(String, String)>);
    let confirming = use_state(|| false);
    let user = match &*users {
        Some(Ok(list)) => list.iter().find(|u| *u.id == *p.id).cloned(),
        _ => None,
    };
    let heading = user
        .as_ref()
        .map(|u| i18n.ta("edit-user-heading", &[("name", &u.name)]))
        .unwrap_or_else(|| i18n.t("users-heading"));
    set_title(&i18n, &heading, attempt.failure.is_some());
    let Some(user) = user else {
        return match &*users {
            None => html! { <Busy label={i18n.t("busy")} /> },
            _ => {
                html! { <div class="step"><h1 class="heading">{ i18n.t("api-not-found") }</h1><Link<Route> to={Route::Users}>{ i18n.t("users-heading") }</Link<Route>></div> }
            }
        };
    };
    let (agent, admin) = (*choice).clone().unwrap_or_else(|| {
        (
            user.agent_role.clone().unwrap_or_else(|| NONE.into()),
            user.admin_role.clone().unwrap_or_else(|| NONE.into()),
        )
    });
    let set_agent = {
        let (choice, admin) = (choice.clone(), admin.clone());
        Callback::from(move |v: String| choice.set(Some((v, admin.clone()))))
    };
    let set_admin = {
        let (choice, agent) = (choice.clone(), agent.clone());
        Callback::from(move |v: String| choice.set(Some((agent.clone(), v))))
    };
    let run = |remove: bool| {
        let (attempt, api, nav, team, id, agent, admin) = (
            attempt.clone(),
            env.api.clone(),
            nav.clone(),
            team.clone(),
            user.id.clone(),
            agent.clone(),
            admin.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (attempt, api, nav, team, id, agent, admin) = (
                attempt.clone(),
                api.clone(),
                nav.clone(),
                team.clone(),
                id.clone(),
                agent.clone(),
                admin.clone(),
            );
            attempt.busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let r = if remove {
                    api.remove_user(&id).await.map(|_| None)
                } else {
                    api.update_roles(&id, from_choice(&agent), from_choice(&admin))
                        .await
                        .map(Some)
                };
                attempt.busy.set(false);
                match r {
                    Ok(updated) => {
                        if let Some(u) =
                            updated.filter(|u| team.user.as_ref().is_some_and(|me| me.id == u.id))
                        {
                            team.dispatch(TeamAction::SignedIn(u));
                        }
                        nav.push(&Route::Users);
                    }
                    Err(f) => attempt.fail(&f),
                }
            });
        })
    };
    let is_me = team.user.as_ref().is_some_and(|me| me.id == user.id);
    html! {
        <div class="step">
            <Link<Route> to={Route::Users} classes="back-link">{ i18n.t("back") }</Link<Route>>
            <ErrorSummary report={csp_core::Report::default()} attempt={*attempt.count} general={(*attempt.failure).as_ref().map(|id| AttrValue::from(i18n.t(id)))} />
            <h1 class="heading">{ heading }</h1>
            <p>{ &user.email }</p>
            <form novalidate=true onsubmit={run(false)}>
                <Radios field="user.agent_role" legend={i18n.t("user-agent-role")} value={Some(agent.clone())} options={role_options(&env.catalog, RoleKind::Agent, &i18n)} onchange={set_agent} />
                <Radios field="user.admin_role" legend={i18n.t("user-admin-role")} value={Some(admin.clone())} options={role_options(&env.catalog, RoleKind::Admin, &i18n)} onchange={set_admin} />
                if *attempt.busy { <Busy label={i18n.t("busy")} /> }
                <button type="submit" class="button" disabled={*attempt.busy}>{ i18n.t("edit-user-save") }</button>
            </form>
            if !is_me {
                <h2 class="subheading">{ i18n.t("remove-user-heading") }</h2>
                if *confirming {
                    <form novalidate=true onsubmit={run(true)}>
                        <p class="inset" role="status">{ i18n.ta("remove-user-confirm", &[("name", &user.name)]) }</p>
                        <button type="submit" class="button button--warning" disabled={*attempt.busy}>{ i18n.ta("remove-user-yes", &[("name", &user.name)]) }</button>
                    </form>
                } else {
                    <button type="button" class="button button--secondary" onclick={{ let c = confirming.clone(); Callback::from(move |_| c.set(true)) }}>{ i18n.t("remove-user") }</button>
                }
            }
        </div>
    }
}
