//! What the team pages share: role names and choices in the user's language, and the
//! partner's users list.

use crate::components::RadioOption;
use crate::env::use_env;
use crate::form::{use_fetch, use_paged, Fetched, More};
use crate::i18n::I18n;
use csp_core::api::User;
use csp_core::endpoint::USERS;
use csp_core::roles::{Role, RoleCatalog, RoleKind};
use yew::prelude::*;

/// All the partner's users (every page), fetched on mount, and a callback that fetches them
/// again: for the pages that find one user or check an address against them all.
#[hook]
pub(super) fn use_users() -> (UseStateHandle<Fetched<Vec<User>>>, Callback<()>) {
    let api = use_env().api;
    use_fetch((), move |_| {
        let api = api.clone();
        async move { api.all(&USERS).await }
    })
}

/// The partner's users a page at a time, for the list.
#[hook]
pub(super) fn use_users_paged() -> (UseStateHandle<Fetched<Vec<User>>>, Callback<()>, More) {
    let api = use_env().api;
    use_paged(move |cursor| {
        let api = api.clone();
        async move { api.page(&USERS, None, cursor.as_deref()).await }
    })
}

/// A role's name in the user's language; the "not an agent / not an admin" text for none.
pub(super) fn role_name(
    catalog: &RoleCatalog,
    id: Option<&str>,
    kind: RoleKind,
    i18n: &I18n,
) -> String {
    match id.and_then(|id| catalog.get(id)) {
        Some(r) => Role::localized(&r.name, i18n.locale.tag())
            .cloned()
            .unwrap_or_else(|| r.id.clone()),
        None if kind == RoleKind::Agent => i18n.t("role-not-agent"),
        None => i18n.t("role-not-admin"),
    }
}

/// The radio value of "Not an agent" / "Not an admin".
pub(super) const NONE: &str = "none";

/// A radio value as a role setting: "none" is no role.
pub(super) fn from_choice(v: &str) -> Option<String> {
    (v != NONE).then(|| v.to_owned())
}

/// Radio options for one kind of role: each role of that kind, then "Not an agent/admin".
pub(super) fn role_options(catalog: &RoleCatalog, kind: RoleKind, i18n: &I18n) -> Vec<RadioOption> {
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

/// The invitation email's languages as radio options, each named in its own language (as the
/// language picker names them), so the admin finds the user's whatever the page's language.
pub(super) fn language_options() -> Vec<RadioOption> {
    crate::i18n::Locale::ALL
        .iter()
        .map(|l| RadioOption {
            value: l.tag().to_owned(),
            label: l.native_name().to_owned(),
            hint: None,
            disabled: false,
        })
        .collect()
}

/// A language tag's name in that language (the tag itself for one the app does not have).
pub(super) fn language_name(tag: &str) -> String {
    crate::i18n::Locale::from_tag(tag)
        .map_or_else(|| tag.to_owned(), |l| l.native_name().to_owned())
}
