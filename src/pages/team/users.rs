//! The partner's users: name, email, agent and admin role, with a link to change each.

use super::common::{role_name, use_users_paged};
use crate::components::{DataTable, NavButton, RowLink};
use crate::env::use_env;
use crate::form::{listing, ShowMore};
use crate::i18n::{use_i18n, use_title};
use crate::route::Route;
use csp_core::roles::RoleKind;
use yew::prelude::*;

#[function_component]
pub fn Users() -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let (users, again, more) = use_users_paged();
    let heading = i18n.t("users-heading");
    use_title(&heading, matches!(*users, Some(Err(_))));
    let columns = [
        "user-name",
        "user-email",
        "user-agent-role",
        "user-admin-role",
    ]
    .map(|c| i18n.t(c))
    .to_vec();
    let body = listing(&users, &again, i18n.t("busy"), None, |list| {
        html! {
            <DataTable caption={heading.clone()} {columns} actions={i18n.t("users-actions")} class="users-table">
            { for list.iter().map(|u| html! {
                <tr>
                    <th scope="row" data-label={i18n.t("user-name")}>{ &u.name }</th>
                    <td data-label={i18n.t("user-email")}>{ &u.email }</td>
                    <td data-label={i18n.t("user-agent-role")}>{ role_name(&env.catalog, u.agent_role.as_deref(), RoleKind::Agent, &i18n) }</td>
                    <td data-label={i18n.t("user-admin-role")}>{ role_name(&env.catalog, u.admin_role.as_deref(), RoleKind::Admin, &i18n) }</td>
                    <td><RowLink to={Route::EditUser { id: u.id.clone() }} label={i18n.t("users-edit")} subject={u.name.clone()} /></td>
                </tr>
            }) }
            </DataTable>
        }
    });
    html! {
        <div>
            <h1 class="heading">{ heading }</h1>
            <NavButton to={Route::AddUser} label={i18n.t("users-add")} />
            { body }
            <ShowMore {more} />
        </div>
    }
}
