//! The partner's users: name, email, agent and admin role, with a link to change each.

use super::common::{role_name, use_users};
use crate::components::{Busy, NavButton};
use crate::env::use_env;
use crate::form::FetchFailed;
use crate::i18n::{use_i18n, use_title};
use crate::route::Route;
use csp_core::roles::RoleKind;
use yew::prelude::*;
use yew_router::prelude::*;

#[function_component]
pub fn Users() -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let (users, again) = use_users();
    let heading = i18n.t("users-heading");
    use_title(&heading, matches!(*users, Some(Err(_))));
    let body = match &*users {
        None => html! { <Busy label={i18n.t("busy")} /> },
        Some(Err(f)) => html! { <FetchFailed failure={f.clone()} retry={again.clone()} /> },
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
