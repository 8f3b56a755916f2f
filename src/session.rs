//! Who is signed in, and the team flow's memory: the user being added and the one-time
//! sign-in details of the last user added. All of it in memory only: the session itself is
//! the backend's (an `HttpOnly` cookie), found again after a reload with `GET /session`.
//! What a user may open follows the role catalog's features, never code per role.

use crate::api::Api;
use crate::components::{Busy, NavButton};
use crate::env::use_env;
use crate::i18n::{use_i18n, use_title};
use crate::route::Route;
use crate::router::Link;
use crate::shared::part;
use csp_core::add_customer::CreatedCustomer;
use csp_core::api::{CreatedUser, NewUser, SessionInfo, User};
use csp_core::endpoint::{SESSION, SIGN_OUT};
use csp_core::roles::RoleCatalog;
use std::rc::Rc;
use yew::prelude::*;

/// Where to go back after signing in (a deep link, such as a provider's invitation): a path,
/// kept for this tab only, as is (no JSON library in the first load).
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
    let _ = SessionStorage::raw().set_item(RETURN_KEY, &path);
}

/// The page remembered by [`remember_return`], forgotten once read: its route, and its query
/// as the address bar had it (without the `?`).
pub fn take_return() -> Option<(Route, String)> {
    use gloo::storage::{SessionStorage, Storage};
    let path = SessionStorage::raw().get_item(RETURN_KEY).ok()??;
    SessionStorage::delete(RETURN_KEY);
    let (path, query) = path.split_once('?').unwrap_or((path.as_str(), ""));
    let route = Some(Route::of_path(path)).filter(|r| *r != Route::NotFound)?;
    Some((route, query.to_owned()))
}

#[derive(Clone, PartialEq, Default)]
pub struct Session {
    /// False until the backend has said whether a session exists.
    pub checked: bool,
    pub user: Option<User>,
    /// A program operator: the review's pages open, the partner pages have nothing for them.
    pub operator: bool,
    /// The user signed in with a temporary password: changing it comes first.
    pub must_change_password: bool,
    /// The backend answered 401 while a user was signed in: the shell asks them to sign in
    /// again over the page, so nothing typed is lost.
    pub expired: bool,
    pub pending: Option<NewUser>,
    /// Field errors the backend returned for `pending` (a 409 on a taken email).
    pub rejected: csp_core::Report,
    pub created: Option<CreatedUser>,
    /// The one-time sign-in details of the customer just added (memory only).
    pub created_customer: Option<CreatedCustomer>,
}

pub enum SessionAction {
    /// What `GET /session` found at start-up.
    Checked(Option<SessionInfo>),
    SignedIn(SessionInfo),
    /// The signed-in user's record changed (their roles).
    Updated(User),
    Expired,
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
            SessionAction::Checked(info) => {
                t.checked = true;
                t.must_change_password = info.as_ref().is_some_and(|i| i.must_change_password);
                t.operator = info.as_ref().is_some_and(|i| i.operator);
                t.user = info.map(|i| i.user);
            }
            SessionAction::SignedIn(info) => {
                t.checked = true;
                t.expired = false;
                t.must_change_password = info.must_change_password;
                t.operator = info.operator;
                t.user = Some(info.user);
            }
            SessionAction::Updated(u) => t.user = Some(u),
            SessionAction::Expired => t.expired = t.user.is_some(),
            SessionAction::SignOut => {
                t = Session {
                    checked: true,
                    ..Session::default()
                }
            }
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
    part(use_context())
}

/// The session the backend still has for this browser (its cookie), if any; its CSRF token
/// is kept by the client. Asked once at start-up.
pub async fn check(api: Api) -> Option<SessionInfo> {
    if api.is_unopened_local() {
        return None;
    }
    let found = api.call(&SESSION, &[], &()).await.ok();
    api.set_csrf(found.as_ref().map(|i| i.csrf_token.clone()));
    found
}

/// Records a session just opened: the CSRF token for the client, the user for the pages.
pub fn signed_in(api: &Api, s: &UseReducerHandle<Session>, info: SessionInfo) {
    api.set_csrf(Some(info.csrf_token.clone()));
    s.dispatch(SessionAction::SignedIn(info));
}

/// Ends the session on the backend, and forgets its CSRF token (even if the backend can't be
/// reached).
pub async fn end(api: Api) {
    let _ = api.call(&SIGN_OUT, &[], &()).await;
    api.set_csrf(None);
}

/// The features the signed-in user's roles open, among those their partner's type has (a
/// reseller has no indirect resellers, a provider no indirect providers).
pub fn features(user: Option<&User>, catalog: &RoleCatalog) -> Vec<String> {
    user.map(|u| csp_core::access::user_features(catalog, u))
        .unwrap_or_default()
}

#[derive(Properties, PartialEq)]
pub struct GuardProps {
    /// The feature the page needs (`users`); empty: any signed-in user.
    pub feature: AttrValue,
    /// The page a user with a temporary password may still open (changing it).
    #[prop_or_default]
    pub temporary_ok: bool,
    /// The page is a program operator's (the review): `feature` is not asked for then.
    #[prop_or_default]
    pub operator: bool,
    pub children: Children,
}

/// The page behind the guard: shown to a signed-in user whose roles open `feature`.
pub fn guarded(feature: &'static str, page: Html) -> Html {
    html! { <Guard {feature}>{ page }</Guard> }
}

/// Shows the page only to a signed-in user whose roles open `feature`. The backend still decides.
#[function_component]
pub fn Guard(p: &GuardProps) -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let session = use_session();
    let allowed = if p.operator {
        session.operator
    } else {
        p.feature.is_empty()
            || features(session.user.as_ref(), &env.catalog)
                .iter()
                .any(|f| *f == *p.feature)
    };
    let blocked = |heading: &str, body: &str, action: Html| {
        (
            i18n.t(heading),
            html! { <><p>{ i18n.t(body) }</p>{ action }</> },
        )
    };
    let shown = match &session.user {
        _ if !session.checked => None,
        None => Some(blocked(
            "sign-in-needed-heading",
            "sign-in-needed-body",
            html! { <NavButton to={Route::SignIn} label={i18n.t("sign-in")} onclick={Callback::from(|_| remember_return())} /> },
        )),
        Some(_) if session.must_change_password && !p.temporary_ok => Some(blocked(
            "password-change-first-heading",
            "password-change-first-body",
            html! { <NavButton to={Route::ChangePassword} label={i18n.t("password-change-heading")} /> },
        )),
        Some(_) if !allowed => Some(blocked(
            "no-permission-heading",
            "no-permission-body",
            html! { <Link to={Route::Account}>{ i18n.t("nav-account") }</Link> },
        )),
        Some(_) => None,
    };
    use_title(
        shown.as_ref().map(|(h, _)| h.as_str()).unwrap_or_default(),
        false,
    );
    if !session.checked {
        return html! { <Busy label={i18n.t("busy")} /> };
    }
    match shown {
        Some((heading, body)) => html! {
            <div class="step">
                <h1 class="heading">{ heading }</h1>
                { body }
            </div>
        },
        None => html! { <>{ for p.children.iter() }</> },
    }
}
