//! The applications submitted in this browser, remembered: a verification link names the
//! application only by its reference (`VerifiedEmail`), and the page it opens links to the
//! application's status page from here when the same browser applied.

use crate::route::Route;
use crate::router::Link;
use gloo::storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};
use yew::prelude::*;

const KEY: &str = "csp-portal.applications.v1";
/// An applicant submits once or twice; a shared computer may hold a few.
const KEPT: usize = 10;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Submitted {
    pub id: String,
    pub reference: String,
}

/// The applications submitted here, the latest first.
pub fn remembered() -> Vec<Submitted> {
    LocalStorage::get(KEY).unwrap_or_default()
}

pub fn remember(id: &str, reference: &str) {
    let mut all = remembered();
    all.retain(|s| s.id != id);
    all.insert(
        0,
        Submitted {
            id: id.into(),
            reference: reference.into(),
        },
    );
    all.truncate(KEPT);
    let _ = LocalStorage::set(KEY, &all);
}

/// The rule a verification call was refused by (`verification-link-used`, …): both backends
/// put it on the token (or the email's address) as a field problem.
pub fn link_refusal(f: &crate::api::Failure) -> Option<csp_core::problem::Code> {
    f.field_errors().first().map(|p| p.problem.code)
}

/// Now, in Unix seconds (the backends' times are).
pub fn now_secs() -> i64 {
    (js_sys::Date::now() / 1000.0).floor() as i64
}

#[derive(Properties, PartialEq)]
pub struct StatusLinksProps {
    /// Only this application's, when known; all remembered otherwise.
    #[prop_or_default]
    pub reference: Option<AttrValue>,
    pub label: &'static str,
}

/// Links to the status pages of the applications submitted in this browser (`label` with the
/// reference), or nothing when there is none.
#[function_component]
pub fn StatusLinks(p: &StatusLinksProps) -> Html {
    let i18n = crate::i18n::use_i18n();
    let apps: Vec<Submitted> = remembered()
        .into_iter()
        .filter(|s| p.reference.as_deref().is_none_or(|r| r == s.reference))
        .collect();
    html! {
        { for apps.into_iter().map(|s| html! {
            <p><Link to={Route::Application { id: s.id.clone() }}>{ i18n.ta(p.label, &[("reference", &s.reference)]) }</Link></p>
        }) }
    }
}
