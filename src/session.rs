//! Who is signed in, and the team flow's memory: the user being added and the one-time
//! sign-in details of the last user added (memory only: gone on leaving that page or
//! reloading). What a user may open follows the role catalog's features, never code per role.

use crate::components::NavButton;
use crate::env::use_env;
use crate::i18n::{use_i18n, use_title};
use crate::route::Route;
use csp_core::add_customer::CreatedCustomer;
use csp_core::api::{CreatedUser, NewUser, User};
use csp_core::roles::RoleCatalog;
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::*;

const SESSION_KEY: &str = "csp-portal.session.v1";
/// Where to go back after signing in (a deep link, such as a provider's invitation).
const RETURN_KEY: &str = "csp-portal.return-to";

/// Remembers the page shown now (path and query), to come back to after signing in.
pub fn remember_return() {
    use gloo::storage::{SessionStorage, Storage};
    let l = gloo::utils::window().location();
    let path = format!(
        "{}{}",
        l.pathname().unwrap_or_default(),
        l.search().unwrap_or_default()
    );
    let _ = SessionStorage::set(RETURN_KEY, path);
}

/// The page remembered by [`remember_return`], forgotten once read: its route and query.
pub fn take_return() -> Option<(Route, Vec<(String, String)>)> {
    use gloo::storage::{SessionStorage, Storage};
    let path: String = SessionStorage::get(RETURN_KEY).ok()?;
    SessionStorage::delete(RETURN_KEY);
    let (path, query) = path.split_once('?').unwrap_or((path.as_str(), ""));
    let route = Route::recognize(path).filter(|r| *r != Route::NotFound)?;
    let query = query
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| {
            (
                csp_core::invitation::percent_decode(k),
                csp_core::invitation::percent_decode(v),
            )
        })
        .collect();
    Some((route, query))
}

#[derive(Clone, PartialEq, Default)]
pub struct Session {
    pub user: Option<User>,
    pub pending: Option<NewUser>,
    /// Field errors the backend returned for `pending` (a 409 on a taken email).
    pub rejected: csp_core::Report,
    pub created: Option<CreatedUser>,
    /// The one-time sign-in details of the customer just added (memory only, like `created`).
    pub created_customer: Option<CreatedCustomer>,
}

pub enum SessionAction {
    SignedIn(User),
    SignOut,
    Pending(Option<NewUser>),
    Rejected(csp_core::Report),
    Created(Option<CreatedUser>),
    CreatedCustomer(Option<CreatedCustomer>),
}

impl Reducible for Session {
    type Action = SessionAction;
    fn reduce(self: Rc<Self>, a: SessionAction) -> Rc<Self> {
        let mut t = (*self).clone();
        match a {
            SessionAction::SignedIn(u) => t.user = Some(u),
            SessionAction::SignOut => t = Session::default(),
            SessionAction::Pending(p) => {
                t.pending = p;
                t.rejected = csp_core::Report::default();
            }
            SessionAction::Rejected(r) => t.rejected = r,
            SessionAction::Created(c) => t.created = c,
            SessionAction::CreatedCustomer(c) => t.created_customer = c,
        }
        Rc::new(t)
    }
}

#[hook]
pub fn use_session() -> UseReducerHandle<Session> {
    use_context::<UseReducerHandle<Session>>().expect("Session context")
}

/// The session restored from storage, saved again whenever the signed-in user changes.
#[hook]
pub fn use_saved_session() -> UseReducerHandle<Session> {
    let s = use_reducer(restore);
    use_effect_with(s.user.clone(), |user| {
        use gloo::storage::{LocalStorage, Storage};
        match user {
            Some(u) => {
                let _ = LocalStorage::set(SESSION_KEY, u);
            }
            None => LocalStorage::delete(SESSION_KEY),
        }
    });
    s
}

fn restore() -> Session {
    use gloo::storage::{LocalStorage, Storage};
    Session {
        user: LocalStorage::get(SESSION_KEY).ok(),
        ..Session::default()
    }
}

/// The features the signed-in user's roles open, among those their partner's type has (a
/// reseller has no indirect resellers, a provider no indirect providers).
pub fn features(user: Option<&User>, catalog: &RoleCatalog) -> Vec<String> {
    user.map(|u| {
        let mut f = catalog.features(
            u.agent_role
                .iter()
                .chain(u.admin_role.iter())
                .map(String::as_str),
        );
        if let Some(kind) = u.partner_kind {
            f.retain(|x| kind.offers(x));
        }
        f
    })
    .unwrap_or_default()
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
    let session = use_session();
    let allowed = p.feature.is_empty()
        || features(session.user.as_ref(), &env.catalog)
            .iter()
            .any(|f| *f == *p.feature);
    let heading = match (&session.user, allowed) {
        (None, _) => Some(i18n.t("sign-in-needed-heading")),
        (Some(_), false) => Some(i18n.t("no-permission-heading")),
        _ => None,
    };
    use_title(heading.as_deref().unwrap_or_default(), false);
    match (&session.user, heading) {
        (None, Some(h)) => html! {
            <div class="step">
                <h1 class="heading">{ h }</h1>
                <p>{ i18n.t("sign-in-needed-body") }</p>
                <NavButton to={Route::SignIn} label={i18n.t("sign-in")} onclick={Callback::from(|_| remember_return())} />
            </div>
        },
        (Some(_), Some(h)) => html! {
            <div class="step">
                <h1 class="heading">{ h }</h1>
                <p>{ i18n.t("no-permission-body") }</p>
                <Link<Route> to={Route::Account}>{ i18n.t("nav-account") }</Link<Route>>
            </div>
        },
        _ => html! { <>{ for p.children.iter() }</> },
    }
}

/// The signed-in user's partner (`GET /partner`): its ID personalizes invitation links, its
/// name signs them, its domains are refused as a customer admin's email.
#[hook]
pub fn use_my_partner() -> UseStateHandle<crate::form::Fetched<csp_core::api::MyPartner>> {
    let api = use_env().api;
    crate::form::use_fetch((), move |_| {
        let api = api.clone();
        async move { api.call(&csp_core::endpoint::MY_PARTNER, &[], &()).await }
    })
    .0
}
