//! The enrollment journey: one file per page, this module for the step frame they share and
//! the page each of its routes shows.

mod application;
mod bank;
mod check_answers;
mod legal_profile;
mod mpn_id;
mod partner_type;
mod partner_type_closed;
mod primary_contact;
mod step;
mod support;
mod welcome;
mod work_account;

pub use application::ApplicationPage;
pub use bank::BankStep;
pub use check_answers::CheckAnswers;
pub use legal_profile::LegalProfileStep;
pub use mpn_id::MpnIdStep;
pub use partner_type::PartnerTypeStep;
pub use partner_type_closed::PartnerTypeClosed;
pub use primary_contact::PrimaryContactStep;
pub use support::SupportStep;
pub use welcome::Welcome;
pub use work_account::WorkAccountStep;

use crate::journey::step_route;
use crate::route::{EnrollRoute, Route};
use csp_core::enrollment::{check_step, Context, Draft, PartnerType};
use yew::prelude::*;

/// Where a saved draft resumes: the first page whose answers are incomplete, else "Check your
/// answers" (asked by the start page, through `pages::lazy`: the rules it runs live here).
pub fn resume(draft: &Draft, open: &[PartnerType], ctx: &Context) -> Route {
    draft
        .steps()
        .into_iter()
        .find(|s| check_step(*s, draft, open, ctx).has_errors())
        .map(step_route)
        .unwrap_or(Route::CheckAnswers)
}

/// The enrollment page `route` names.
pub fn page(route: &EnrollRoute, _again: bool) -> Html {
    match route {
        EnrollRoute::Welcome => html! { <Welcome /> },
        EnrollRoute::PartnerType => html! { <PartnerTypeStep /> },
        EnrollRoute::PartnerTypeClosed => html! { <PartnerTypeClosed /> },
        EnrollRoute::WorkAccount => html! { <WorkAccountStep /> },
        EnrollRoute::MpnId => html! { <MpnIdStep /> },
        EnrollRoute::LegalProfile => html! { <LegalProfileStep /> },
        EnrollRoute::PrimaryContact => html! { <PrimaryContactStep /> },
        EnrollRoute::Support => html! { <SupportStep /> },
        EnrollRoute::Bank => html! { <BankStep /> },
        EnrollRoute::CheckAnswers => html! { <CheckAnswers /> },
        EnrollRoute::Application { id } => html! { <ApplicationPage id={id.clone()} /> },
    }
}
