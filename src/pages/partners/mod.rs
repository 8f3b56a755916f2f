//! Indirect providers and indirect resellers (issue #11). Reseller side: authorizing a
//! provider from its invitation link, the *Indirect providers* page and the two-tier
//! invitation of new customers. Provider side: the *Indirect resellers* page, **Request a
//! partnership** (the drafted email) and **Remove partnership**.

mod authorize;
mod common;
mod indirect_providers;
mod indirect_resellers;
mod invite;
mod remove;
mod request_partnership;

pub use authorize::AuthorizeProvider;
pub use indirect_providers::IndirectProviders;
pub use indirect_resellers::IndirectResellers;
pub use invite::InviteCustomers;
pub use remove::RemovePartnership;
pub use request_partnership::RequestPartnership;
