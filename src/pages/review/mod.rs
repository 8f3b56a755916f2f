//! The program operator's review: the queue of applications and one application with its
//! answers, checks, audit trail and the decision. Operator accounts only; the backend decides
//! again (`csp_core::review`).

mod application;
mod queue;

pub use application::ReviewApplicationPage;
pub use queue::ReviewQueue;

use crate::i18n::I18n;
use crate::route::ReviewRoute;
use crate::session::Guard;
use csp_core::api::ApplicationStatus;
use yew::prelude::*;

/// The review page `route` names, each for operators only.
pub fn page(route: &ReviewRoute, _again: bool) -> Html {
    let page = match route {
        ReviewRoute::ReviewQueue => html! { <ReviewQueue /> },
        ReviewRoute::ReviewApplication { id } => {
            html! { <ReviewApplicationPage id={id.clone()} /> }
        }
    };
    html! { <Guard feature="" operator=true>{ page }</Guard> }
}

/// A status's JSON name (`in-review`), which its message ids carry.
fn status_id(s: ApplicationStatus) -> &'static str {
    use ApplicationStatus::*;
    match s {
        AwaitingEmailVerification => "awaiting-email-verification",
        InReview => "in-review",
        Approved => "approved",
        NeedsChanges => "needs-changes",
        Rejected => "rejected",
    }
}

/// A status as the applicant's status page names it.
fn status_name(i18n: &I18n, s: ApplicationStatus) -> String {
    i18n.t(&format!("status-{}", status_id(s)))
}

/// A moment (Unix seconds) as this language writes a date and time.
fn when(i18n: &I18n, secs: i64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(secs as f64 * 1000.0));
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"dateStyle".into(), &"medium".into());
    let _ = js_sys::Reflect::set(&opts, &"timeStyle".into(), &"short".into());
    String::from(d.to_locale_string(i18n.locale.tag(), &opts))
}
