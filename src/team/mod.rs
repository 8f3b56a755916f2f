//! The partner's team: sign-in, the role table, user management and the signed-in user's
//! account. What a user sees follows the role catalog's features, never code per role.

mod account;
mod add_user;
mod roles;
mod sign_in;
mod users;

pub use account::Account;
pub use add_user::{AddUser, ConfirmUser, UserAdded};
pub use roles::RoleTable;
pub use sign_in::SignInPage;
pub use users::{EditUser, Users};

use crate::components::{set_title, use_i18n};
use crate::routes::Route;
use crate::wizard::use_env;
use csp_core::api::{CreatedUser, NewUser, User};
use csp_core::roles::{Role, RoleCatalog, RoleKind};
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::*;

const SESSION_KEY: &str = "csp-portal.session.v1";

/// Who is signed in, the user being added, and the one-time sign-in details of the last
/// user added (memory only: gone on leaving that page or reloading).
#[derive(Clone, PartialEq, Default)]
pub struct Team {
    pub user: Option<User>,
    pub pending: Option<NewUser>,
    /// Field errors the backend returned for `pending` (a 409 on a taken email).
    pub rejected: csp_core::Report,
    pub created: Option<CreatedUser>,
}

pub enum TeamAction {
    SignedIn(User),
    SignOut,
    Pending(Option<NewUser>),
    Rejected(csp_core::Report),
    Created(Option<CreatedUser>),
}

impl Reducible for Team {
    type Action = TeamAction;
    fn reduce(self: Rc<Self>, a: TeamAction) -> Rc<Self> {
        use gloo::storage::{LocalStorage, Storage};
        let mut t = (*self).clone();
        match a {
            TeamAction::SignedIn(u) => {
                let _ = LocalStorage::set(SESSION_KEY, &u);
                t.user = Some(u);
            }
            TeamAction::SignOut => {
                LocalStorage::delete(SESSION_KEY);
                t = Team::default();
            }
            TeamAction::Pending(p) => {
                t.pending = p;
                t.rejected = csp_core::Report::default();
            }
            TeamAction::Rejected(r) => t.rejected = r,
            TeamAction::Created(c) => t.created = c,
        }
        Rc::new(t)
    }
}

/// The session remembered from an earlier visit.
pub fn load() -> Team {
    use gloo::storage::{LocalStorage, Storage};
    Team {
        user: LocalStorage::get(SESSION_KEY).ok(),
        ..Team::default()
    }
}

#[hook]
pub fn use_team() -> UseReducerHandle<Team> {
    use_context::<UseReducerHandle<Team>>().expect("team context")
}

/// The features the signed-in user's roles open.
pub fn features(user: Option<&User>, catalog: &RoleCatalog) -> Vec<String> {
    user.map(|u| {
        catalog.features(
            u.agent_role
                .iter()
                .chain(u.admin_role.iter())
                .map(String::as_str),
        )
    })
    .unwrap_or_default()
}

/// A role's name in the user's language; the "not an agent / not an admin" text for none.
pub fn role_name(
    catalog: &RoleCatalog,
    id: Option<&str>,
    kind: RoleKind,
    i18n: &crate::i18n::I18n,
) -> String {
    match id.and_then(|id| catalog.get(id)) {
        Some(r) => Role::localized(&r.name, i18n.locale.tag())
            .cloned()
            .unwrap_or_else(|| r.id.clone()),
        None if kind == RoleKind::Agent => i18n.t("role-not-agent"),
        None => i18n.t("role-not-admin"),
    }
}

#[derive(Properties, PartialEq)]
pub struct GuardProps {
    /// The feature the page needs (`users`); empty: any signed-in user.
    pub feature: AttrValue,
    pub children: Children,
}

/// Shows the page only to a signed-in user whose roles open `feature`. The backend still decides.
#[function_component]
pub fn Guard(p: &GuardProps) -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let team = use_team();
    if team.user.is_none() {
        let heading = i18n.t("sign-in-needed-heading");
        set_title(&i18n, &heading, false);
        return html! {
            <div class="step">
                <h1 class="heading">{ heading }</h1>
                <p>{ i18n.t("sign-in-needed-body") }</p>
                <crate::components::NavButton to={Route::SignIn} label={i18n.t("sign-in")} />
            </div>
        };
    }
    if !p.feature.is_empty()
        && !features(team.user.as_ref(), &env.catalog)
            .iter()
            .any(|f| *f == *p.feature)
    {
        let heading = i18n.t("no-permission-heading");
        set_title(&i18n, &heading, false);
        return html! {
            <div class="step">
                <h1 class="heading">{ heading }</h1>
                <p>{ i18n.t("no-permission-body") }</p>
                <Link<Route> to={Route::Account}>{ i18n.t("nav-account") }</Link<Route>>
            </div>
        };
    }
    html! { <>{ for p.children.iter() }</> }
}
