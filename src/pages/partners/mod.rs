//! Indirect providers and indirect resellers. Reseller side: authorizing a
//! provider from its invitation link, the *Indirect providers* page and the two-tier
//! invitation of new customers, finding a provider in the directory. Provider side: the *Indirect resellers* page, **Request a
//! partnership** (the drafted email), **Remove partnership** and answering resellers'
//! partnership requests. Both: the *Business profile*.

mod authorize;
mod common;
mod find_provider;
mod indirect_providers;
mod indirect_resellers;
mod invite;
mod profile;
mod remove;
mod request_partnership;

pub use authorize::AuthorizeProvider;
pub use find_provider::FindProvider;
pub use indirect_providers::IndirectProviders;
pub use indirect_resellers::IndirectResellers;
pub use invite::InviteCustomers;
pub use profile::BusinessProfilePage;
pub use remove::RemovePartnership;
pub use request_partnership::RequestPartnership;

use crate::partner::signed;
use crate::route::PartnersRoute;
use crate::session::guarded;
use csp_core::roles::{BUSINESS_PROFILE, INDIRECT_PROVIDERS, INDIRECT_RESELLERS};
use yew::prelude::*;

/// The partners page `route` names, each behind the feature it needs.
pub fn page(route: &PartnersRoute, _again: bool) -> Html {
    match route {
        // Any signed-in user may open an invitation: the page says who can authorize it.
        PartnersRoute::AuthorizeProvider => guarded("", html! { <AuthorizeProvider /> }),
        PartnersRoute::IndirectProviders => {
            signed(INDIRECT_PROVIDERS, html! { <IndirectProviders /> })
        }
        PartnersRoute::FindProvider => signed(INDIRECT_PROVIDERS, html! { <FindProvider /> }),
        PartnersRoute::BusinessProfile => {
            signed(BUSINESS_PROFILE, html! { <BusinessProfilePage /> })
        }
        PartnersRoute::InviteCustomers { id } => signed(
            INDIRECT_PROVIDERS,
            html! { <InviteCustomers id={id.clone()} /> },
        ),
        PartnersRoute::IndirectResellers => {
            signed(INDIRECT_RESELLERS, html! { <IndirectResellers /> })
        }
        PartnersRoute::RequestPartnership => {
            signed(INDIRECT_RESELLERS, html! { <RequestPartnership /> })
        }
        PartnersRoute::RemovePartnership { id } => signed(
            INDIRECT_RESELLERS,
            html! { <RemovePartnership id={id.clone()} /> },
        ),
    }
}
