//! The partner's team: sign-in, the role table, user management and the signed-in user's
//! account; this module for what its pages share (role names and choices, the users list).

mod account;
mod add_user;
mod confirm_user;
mod edit_user;
mod roles;
mod sign_in;
mod user_added;
mod users;

pub use account::Account;
pub use add_user::AddUser;
pub use confirm_user::ConfirmUser;
pub use edit_user::EditUser;
pub use roles::RoleTable;
pub use sign_in::SignInPage;
pub use user_added::UserAdded;
pub use users::Users;

use crate::components::RadioOption;
use crate::env::use_env;
use crate::form::{use_fetch, Fetched};
use crate::i18n::I18n;
use csp_core::api::User;
use csp_core::endpoint::USERS;
use csp_core::roles::{Role, RoleCatalog, RoleKind};
use yew::prelude::*;

/// The partner's users, fetched on mount, and a callback that fetches them again.
#[hook]
fn use_users() -> (UseStateHandle<Fetched<Vec<User>>>, Callback<()>) {
    let api = use_env().api;
    use_fetch((), move |_| {
        let api = api.clone();
        async move { api.call(&USERS, &[], &()).await }
    })
}

/// A role's name in the user's language; the "not an agent / not an admin" text for none.
fn role_name(catalog: &RoleCatalog, id: Option<&str>, kind: RoleKind, i18n: &I18n) -> String {
    match id.and_then(|id| catalog.get(id)) {
        Some(r) => Role::localized(&r.name, i18n.locale.tag())
            .cloned()
            .unwrap_or_else(|| r.id.clone()),
        None if kind == RoleKind::Agent => i18n.t("role-not-agent"),
        None => i18n.t("role-not-admin"),
    }
}

/// The radio value of "Not an agent" / "Not an admin".
const NONE: &str = "none";

/// A radio value as a role setting: "none" is no role.
fn from_choice(v: &str) -> Option<String> {
    (v != NONE).then(|| v.to_owned())
}

/// Radio options for one kind of role: each role of that kind, then "Not an agent/admin".
fn role_options(catalog: &RoleCatalog, kind: RoleKind, i18n: &I18n) -> Vec<RadioOption> {
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
