//! The JSON contract's bodies (`api/openapi.yaml`) as Rust types, shared by the client and
//! every backend; `endpoint` says which operation carries which.

use crate::customers::Customer;
use crate::enrollment::{Draft, PartnerType, Tenant};
use crate::field::Field;
use crate::partners::PartnerSummary;
use crate::problem::{FieldProblem, Problem};
use serde::{Deserialize, Serialize};

/// Which partner types accept applications now (the operator switches them on and off).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgramSettings {
    pub open_partner_types: Vec<PartnerType>,
}

impl Default for ProgramSettings {
    fn default() -> Self {
        ProgramSettings {
            open_partner_types: vec![PartnerType::IndirectReseller, PartnerType::IndirectProvider],
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignIn {
    pub user_name: String,
    pub password: String,
}

/// `PUT /users/{id}/roles`: the user's new agent and admin settings (`None` = not one).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleChange {
    pub agent_role: Option<String>,
    pub admin_role: Option<String>,
}

/// `POST /applications`: the idempotency key makes a retried or double-pressed submit create one application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmitApplication {
    pub idempotency_key: String,
    pub draft: Draft,
    /// The language the applicant used (`fr`): every email about the application is in it.
    /// Anything but one of [`crate::mail::LANGUAGES`] means English.
    #[serde(default)]
    pub language: String,
}

/// The token of a link from an email (`POST /email-verifications`, and `…/resend` to get a
/// new link for the same address when it has expired).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmailLink {
    pub token: String,
}

/// A followed verification link: the address it confirmed and where the application is now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerifiedEmail {
    pub reference: String,
    pub email: String,
    pub status: ApplicationStatus,
}

/// A verification email queued: to whom, and when another may be asked for (Unix seconds).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerificationSent {
    pub email: String,
    pub sent_at: i64,
    pub resend_at: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ApplicationStatus {
    AwaitingEmailVerification,
    InReview,
    Approved,
    NeedsChanges,
    Rejected,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Application {
    /// Opaque and unguessable: the status link.
    pub id: String,
    /// What people quote (`APP-000012`).
    #[serde(default)]
    pub reference: String,
    pub status: ApplicationStatus,
    pub partner_type: Option<PartnerType>,
    pub primary_contact_email: String,
    pub tenant: Option<Tenant>,
    /// The language its emails are in.
    #[serde(default)]
    pub language: String,
    /// When the primary contact followed the verification link (Unix seconds); None until then.
    #[serde(default)]
    pub email_verified_at: Option<i64>,
    /// When the last verification email was queued.
    #[serde(default)]
    pub verification_sent_at: Option<i64>,
    /// The earliest another verification email may be asked for.
    #[serde(default)]
    pub verification_resend_at: Option<i64>,
    /// Goes up by one with every change of status: a decision names the version it was made on.
    #[serde(default)]
    pub version: i64,
    /// The reviewer's last decision as the applicant reads it (what to change, or why not).
    #[serde(default)]
    pub review: Option<ReviewNote>,
}

/// An operator's decision, as the applicant and the audit trail read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewNote {
    pub action: crate::review::Action,
    #[serde(default)]
    pub steps: Vec<crate::enrollment::Step>,
    #[serde(default)]
    pub reason: Option<crate::review::RejectReason>,
    #[serde(default)]
    pub message: String,
    /// Unix seconds.
    pub at: i64,
}

/// One line of an application's audit trail: append-only, never edited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// Unix seconds.
    pub at: i64,
    /// The operator's sign-in name, or `applicant`.
    pub actor: String,
    /// `submitted`, `email-verified`, or a review action (`approve`, `request-changes`, …).
    pub event: String,
    pub from: Option<ApplicationStatus>,
    pub to: ApplicationStatus,
    #[serde(default)]
    pub steps: Vec<crate::enrollment::Step>,
    #[serde(default)]
    pub reason: Option<crate::review::RejectReason>,
    #[serde(default)]
    pub message: String,
}

/// A row of the operator's review queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewItem {
    pub id: String,
    pub reference: String,
    pub company: String,
    pub country: String,
    pub partner_type: Option<PartnerType>,
    pub status: ApplicationStatus,
    /// Unix seconds.
    pub submitted_at: i64,
    /// Business days since it was submitted.
    pub age_business_days: i64,
}

/// What the product could check, for the operator (a warning never blocks).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewCheck {
    /// `email-verified`, `email-domain` (the contact's domain against the website and the
    /// tenant), `profile` (the partner-network profile's kind, status and country).
    pub check: String,
    /// `ok`, `warning` or `failed`.
    pub outcome: String,
    #[serde(default)]
    pub args: std::collections::BTreeMap<String, String>,
}

/// `GET /review/applications/{id}`: everything the operator decides on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewApplication {
    pub application: Application,
    pub draft: Draft,
    pub submitted_at: i64,
    pub checks: Vec<ReviewCheck>,
    pub history: Vec<AuditEntry>,
}

/// `PUT /applications/{id}`: the applicant sends the application back with the changes asked
/// for, on the version they saw; the key makes a retried resubmit count once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resubmission {
    pub idempotency_key: String,
    pub version: i64,
    pub draft: Draft,
}

/// A partner user: one agent setting and one admin setting (`None` = not an agent / not an admin).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    pub id: String,
    pub name: String,
    pub email: String,
    pub agent_role: Option<String>,
    pub admin_role: Option<String>,
    /// The partner (company) the user belongs to: every partner-scoped call answers for it.
    #[serde(default)]
    pub partner_id: String,
    /// Which side of the two-tier model that partner is on (None: not known, e.g. enrolling).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner_kind: Option<PartnerKind>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewUser {
    pub name: String,
    pub email: String,
    pub agent_role: Option<String>,
    pub admin_role: Option<String>,
}

/// A signed-in session as `POST /session` and `GET /session` return it. The session itself is
/// an `HttpOnly` cookie the app never sees; the CSRF token goes back in the `X-CSRF-Token`
/// header of every state-changing request and lives in memory only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionInfo {
    pub user: User,
    pub csrf_token: String,
    /// A temporary password must be changed before anything else.
    #[serde(default)]
    pub must_change_password: bool,
    /// What the user's roles open in their partner, as `access::user_features` decides it.
    #[serde(default)]
    pub features: Vec<String>,
    /// A program operator's account: it reviews applications and has no partner pages.
    #[serde(default)]
    pub operator: bool,
}

/// The applicant's work-account session (`POST /work-account/sign-in`, `GET
/// /work-account/session`): the tenant, and the CSRF token of the applicant session that the
/// later enrollment calls need (an empty token from a backend without applicant sessions).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkAccountSession {
    pub domain: String,
    pub country: String,
    pub organization: String,
    #[serde(default)]
    pub csrf_token: String,
}

impl WorkAccountSession {
    pub fn tenant(&self) -> Tenant {
        Tenant {
            domain: self.domain.clone(),
            country: self.country.clone(),
            organization: self.organization.clone(),
        }
    }
}

/// `POST /work-account/tenants`: the new tenant, its global admin's sign-in name and
/// password (shown once, never served again) and the applicant session it opens.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatedTenant {
    pub domain: String,
    pub country: String,
    pub organization: String,
    pub admin_user_name: String,
    pub admin_password: String,
    #[serde(default)]
    pub csrf_token: String,
}

impl CreatedTenant {
    /// The session this creation opened, as a sign-in would have.
    pub fn session(&self) -> WorkAccountSession {
        WorkAccountSession {
            domain: self.domain.clone(),
            country: self.country.clone(),
            organization: self.organization.clone(),
            csrf_token: self.csrf_token.clone(),
        }
    }
}

/// `POST /session/password`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasswordChange {
    pub current_password: String,
    pub new_password: String,
}

/// Returned once by `POST /users`: the temporary password is never served again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatedUser {
    pub user: User,
    pub sign_in_name: String,
    pub temporary_password: String,
}

/// Which side of the two-tier model a partner is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PartnerKind {
    IndirectReseller,
    IndirectProvider,
}

impl PartnerKind {
    /// Whether this kind of partner has `feature` at all: a reseller has no indirect
    /// resellers, a provider no indirect providers to authorize. Roles grant the rest.
    pub fn offers(self, feature: &str) -> bool {
        use crate::roles::{AUTHORIZE_INDIRECT_PROVIDER, INDIRECT_PROVIDERS, INDIRECT_RESELLERS};
        match self {
            PartnerKind::IndirectReseller => feature != INDIRECT_RESELLERS,
            PartnerKind::IndirectProvider => {
                feature != INDIRECT_PROVIDERS && feature != AUTHORIZE_INDIRECT_PROVIDER
            }
        }
    }
}

/// `GET /partner`: the signed-in user's partner (its ID goes into invitation links, its
/// domains are refused as a customer admin's email).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyPartner {
    pub partner: PartnerSummary,
    pub kind: PartnerKind,
    #[serde(default)]
    pub domains: Vec<String>,
    /// Whether the partner agreement is signed: until it is, the partner pages (indirect
    /// providers and resellers, customers, relationship requests) are closed.
    #[serde(default)]
    pub agreement_signed: bool,
}

/// `GET /partner/agreement`: the agreement to sign (from configuration) and, once signed, who
/// signed which version when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agreement {
    pub version: String,
    /// The full text.
    pub url: String,
    pub signed: Option<Signature>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signature {
    pub version: String,
    pub name: String,
    pub job_title: String,
    /// The signing user's sign-in name.
    pub user: String,
    /// Unix seconds.
    pub at: i64,
}

/// `POST /partner/agreement`: the global admin signs the version they read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgreementAcceptance {
    pub version: String,
    pub name: String,
    pub job_title: String,
    pub accept: bool,
}

/// `POST /indirect-providers`: the provider as authorized, and whether anything changed
/// (false the second time: authorizing is idempotent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthorizeResult {
    pub provider: PartnerSummary,
    pub changed: bool,
}

/// `GET /customers`: the partner's customers and the partners they are shared with (the
/// providers of a reseller, the resellers of a provider), which name the "provider or
/// reseller" column and the reseller filter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerList {
    pub customers: Vec<Customer>,
    #[serde(default)]
    pub partners: Vec<PartnerSummary>,
    /// Asks for the customers after these (`cursor`); none on the last page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

/// The one error shape of the API. `field_errors` (with 422) carry rule codes the UI places on fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiError {
    pub status: u16,
    /// `validation`, `conflict`, `not-found`, `unauthorized`, `server`.
    pub error: String,
    /// Problems on fields the app shows; any other (a field or code this version doesn't
    /// know) is dropped when read, and the error then shows as a general message.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "known_problems"
    )]
    pub field_errors: Vec<FieldProblem>,
    /// With 403: the role feature the operation needs (the app names the roles that have it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required_feature: Option<String>,
}

fn known_problems<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<FieldProblem>, D::Error> {
    #[derive(Deserialize)]
    struct Raw {
        field: String,
        code: String,
        #[serde(default)]
        args: std::collections::BTreeMap<String, String>,
    }
    let raw = Vec::<Raw>::deserialize(d)?;
    Ok(raw
        .into_iter()
        .filter_map(|r| {
            let field = Field::from_id(&r.field)?;
            let code = crate::Code::ALL
                .iter()
                .copied()
                .find(|c| c.id() == r.code)?;
            Some(FieldProblem {
                field,
                problem: Problem { code, args: r.args },
            })
        })
        .collect())
}

impl ApiError {
    pub fn new(status: u16, error: &str) -> Self {
        ApiError {
            status,
            error: error.into(),
            field_errors: vec![],
            required_feature: None,
        }
    }

    /// 403: signed in, but no role of the user's opens `feature`.
    pub fn forbidden(feature: &str) -> Self {
        ApiError {
            required_feature: Some(feature.into()),
            ..ApiError::new(403, "forbidden")
        }
    }

    pub fn validation(field_errors: Vec<FieldProblem>) -> Self {
        ApiError {
            field_errors,
            ..ApiError::new(422, "validation")
        }
    }

    pub fn field(status: u16, error: &str, field: Field, problem: Problem) -> Self {
        ApiError {
            field_errors: vec![FieldProblem { field, problem }],
            ..ApiError::new(status, error)
        }
    }
}
