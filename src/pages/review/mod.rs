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

/// A status's JSON name (`in-review`): its message id without the `status-` prefix.
fn status_id(s: ApplicationStatus) -> &'static str {
    let id = csp_core::mail::status_message(s);
    id.strip_prefix("status-").unwrap_or(id)
}

/// A status as the applicant's status page names it.
fn status_name(i18n: &I18n, s: ApplicationStatus) -> String {
    i18n.t(csp_core::mail::status_message(s))
}
