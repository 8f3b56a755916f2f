//! The rows storage reads and writes, as the handlers build and read them, and the outcome of
//! an insert that a unique key may refuse. Plain data: the SQL that maps them is in `storage`.

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserRow {
    pub id: String,
    pub partner_id: String,
    pub name: String,
    pub email: String,
    pub email_key: String,
    pub agent_role: Option<String>,
    pub admin_role: Option<String>,
    pub operator: bool,
    pub password_hash: String,
    pub must_change: bool,
    /// The user's partner's side of the two-tier model, read with the user (never written
    /// through the user: it belongs to the partner).
    pub partner_kind: Option<csp_core::api::PartnerKind>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRow {
    pub token_hash: String,
    /// `user` (a partner user) or `applicant` (a work account during enrollment).
    pub kind: String,
    pub subject: String,
    pub csrf_token: String,
    /// The partner-network account the applicant signed in to (its profiles may be chosen).
    pub pn_account: Option<String>,
    pub created_at: i64,
    pub last_seen: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkAccountRow {
    pub id: String,
    pub user_name: String,
    pub password_hash: String,
    pub tenant_domain: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplicationRow {
    pub id: String,
    pub reference: String,
    pub owner: String,
    pub status: String,
    pub partner_type: Option<String>,
    pub primary_contact_email: String,
    pub tenant: Option<String>,
    /// The language its emails go out in (one of `csp_core::mail::LANGUAGES`).
    pub language: String,
    pub email_verified_at: Option<i64>,
    /// The verification emails so far (`csp_core::verification::Sends`): none before the first.
    pub sends: Option<csp_core::verification::Sends>,
    /// Up by one with every change of status.
    pub version: i64,
    /// The reviewer's last decision, as the applicant reads it.
    pub review: Option<csp_core::api::ReviewNote>,
    /// From the answers, for the review queue: the legal name and the country.
    pub company: String,
    pub country: String,
    pub created_at: i64,
    /// The operator who has taken it to review (their sign-in name).
    pub assignee: Option<String>,
}

/// A change of an application's status, as a handler decided it on the application read
/// under the lock (`Store::transition`): applied together, or not at all.
#[derive(Debug)]
pub struct Transition {
    pub status: String,
    /// The reviewer's note the applicant reads now (None clears it).
    pub review: Option<csp_core::api::ReviewNote>,
    pub event: csp_core::api::AuditEntry,
    /// New answers (a resubmit).
    pub answers: Option<Answers>,
    /// The address changed: it must be verified again, with this new link.
    pub reverify: Option<NewLink>,
    /// The email that tells the primary contact, by its outbox id.
    pub mail: Option<(String, csp_core::mail::Mail)>,
    /// Approval: the partner it makes (with its work-account tenant) and its first global admin.
    pub partner: Option<(csp_core::api::MyPartner, String, UserRow)>,
    /// A resubmit's idempotency key.
    pub resubmit_key: Option<String>,
}

/// An application's answers as stored: the draft (JSON) and what the queue and the emails
/// read from it.
#[derive(Debug, Clone)]
pub struct Answers {
    pub draft: String,
    pub company: String,
    pub country: String,
    pub primary_contact_email: String,
}

/// What [`Transition`] came to.
#[derive(Debug)]
pub enum Applied<E> {
    Done(Box<ApplicationRow>),
    NotFound,
    /// The handler refused, on the application as it was.
    Refused(E),
    /// The enrolling work account is a partner user already: no second account is made.
    AdminTaken,
}

/// A verification link to create: only its token's hash is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewLink {
    pub token_hash: String,
    pub expires_at: i64,
    /// The outbox row's id for the email that carries it.
    pub mail_id: String,
}

/// What following a verification link did.
#[derive(Debug)]
pub enum Verification {
    /// No link has this token.
    Unknown,
    Used,
    Expired,
    /// The address is verified now; the application as it is after.
    Verified(Box<ApplicationRow>),
}

/// What asking for another verification email did.
#[derive(Debug)]
pub enum Resend {
    NotFound,
    AlreadyVerified,
    /// Too soon: seconds to wait.
    Wait(i64),
    /// Queued; the application as it is after.
    Sent(Box<ApplicationRow>),
}

/// An invitation link to create for a user: only its token's hash is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewInvitation {
    pub token_hash: String,
    pub language: String,
    pub expires_at: i64,
    /// The outbox row's id for the email that carries it.
    pub mail_id: String,
}

/// An invitation link as stored, with its user and the user's partner's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvitationRow {
    pub user: UserRow,
    pub partner_name: String,
    pub link: csp_core::user_invitation::StoredInvitation,
}

/// What following an invitation link, or sending one again, came to.
#[derive(Debug)]
pub enum Invited {
    /// No such link (or user) of the partner's.
    NotFound,
    /// Refused by `csp_core::user_invitation`'s rules.
    Refused(csp_core::problem::Code),
    /// Done; the user as they are after.
    Done(Box<UserRow>),
}

/// An email waiting in the outbox, as the worker claims it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxRow {
    pub id: String,
    pub recipient: String,
    pub language: String,
    /// `csp_core::mail::Mail` as JSON.
    pub mail: String,
    /// Including the one this claim starts.
    pub attempts: i64,
}

/// Outcome of an insert that a unique constraint may refuse.
#[derive(Debug)]
pub enum Insert {
    Done,
    Duplicate,
}

/// The queue's filters; a page starts after `after` (created_at, id).
#[derive(Debug, Default, Clone)]
pub struct QueueFilter {
    pub status: Option<String>,
    pub country: Option<String>,
    pub partner_type: Option<String>,
    /// Only those this operator has taken (their sign-in name).
    pub assignee: Option<String>,
    pub after: Option<(i64, String)>,
}

/// An email to queue with the change that causes it (`storage::outbox`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueuedMail {
    pub id: String,
    pub recipient: String,
    pub language: String,
    pub mail: csp_core::mail::Mail,
}

/// The request a customer's answer writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RequestWrite {
    /// A request link's request: written only if it is still as it was read (`before`), so
    /// two answers at once cannot both apply.
    Update {
        partner_id: String,
        before: csp_core::relationship::RelationshipRequest,
        after: csp_core::relationship::RelationshipRequest,
    },
    /// A two-tier link's relationship, new and accepted.
    Insert {
        partner_id: String,
        request: csp_core::relationship::RelationshipRequest,
    },
}

/// What a customer's answer to a reseller-relationship link writes, all or nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerRow {
    pub request: Option<RequestWrite>,
    /// Accepting: the customer as it becomes (`new`: not listed for anyone before), tied to
    /// the accepted request.
    pub customer: Option<(csp_core::customers::Customer, bool, String)>,
    pub mails: Vec<QueuedMail>,
    pub now: i64,
}

/// Whether an answer was written: `Changed` when the request or the customer changed since
/// they were read (another answer came first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answered {
    Done,
    Changed,
}
