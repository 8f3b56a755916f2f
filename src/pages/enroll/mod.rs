//! The enrollment journey: one file per page, this module for the step frame they share.

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
