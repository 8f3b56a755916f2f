//! The enrollment journey: one file per page, this module for the step frame they share and
//! the page each of its routes shows. The application's emails are here too: the page their
//! verification link opens, and the in-browser demo's Outbox page that shows them (in this
//! folder's chunk, not one of its own: another split point would cost the first load).

mod application;
mod bank;
mod check_answers;
mod legal_profile;
mod mpn_id;
mod outbox;
mod partner_type;
mod partner_type_closed;
mod primary_contact;
mod step;
mod submitted;
mod support;
mod verify_email;
mod welcome;
mod work_account;

pub use application::ApplicationPage;
pub use bank::BankStep;
pub use check_answers::CheckAnswers;
pub use legal_profile::LegalProfileStep;
pub use mpn_id::MpnIdStep;
pub use outbox::OutboxPage;
pub use partner_type::PartnerTypeStep;
pub use partner_type_closed::PartnerTypeClosed;
pub use primary_contact::PrimaryContactStep;
pub use support::SupportStep;
pub use verify_email::VerifyEmailPage;
pub use welcome::Welcome;
pub use work_account::WorkAccountStep;

use crate::api::Failure;
use crate::form::OnFailure;
use crate::journey::{edit, step_route, use_journey_store};
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
    let page = match route {
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
        EnrollRoute::VerifyEmail => html! { <VerifyEmailPage /> },
        EnrollRoute::Outbox => html! { <OutboxPage /> },
    };
    html! { <Applicant>{ page }</Applicant> }
}

/// The enrollment's pages, whose calls are the applicant's: one refused because the
/// work-account sign-in has ended forgets the tenant and the profile that sign-in found, so
/// the journey asks for it again.
#[function_component]
fn Applicant(p: &yew::html::ChildrenProps) -> Html {
    let store = use_journey_store();
    let on_failure = use_memo((), move |_| {
        OnFailure(Callback::from(move |f: Failure| {
            if f == Failure::WorkAccountSignedOut {
                store.dispatch(edit(|d| {
                    d.tenant = None;
                    d.profile = None;
                }));
            }
        }))
    });
    html! {
        <ContextProvider<OnFailure> context={(*on_failure).clone()}>
            { p.children.clone() }
        </ContextProvider<OnFailure>>
    }
}
