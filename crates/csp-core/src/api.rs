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

/// `PUT /applications/{id}/status`: a reviewer moves an application along.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    pub status: ApplicationStatus,
}

/// `POST /applications`: the idempotency key makes a retried or double-pressed submit create one application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmitApplication {
    pub idempotency_key: String,
    pub draft: Draft,
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
    pub id: String,
    pub status: ApplicationStatus,
    pub partner_type: Option<PartnerType>,
    pub primary_contact_email: String,
    pub tenant: Option<Tenant>,
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
}

/// The one error shape of the API. `field_errors` (with 422) carry rule codes the UI places on fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiError {
    pub status: u16,
    /// `validation`, `conflict`, `not-found`, `unauthorized`, `server`.
    pub error: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub field_errors: Vec<FieldProblem>,
}

impl ApiError {
    pub fn new(status: u16, error: &str) -> Self {
        ApiError {
            status,
            error: error.into(),
            field_errors: vec![],
        }
    }

    pub fn validation(field_errors: Vec<FieldProblem>) -> Self {
        ApiError {
            status: 422,
            error: "validation".into(),
            field_errors,
        }
    }

    pub fn field(status: u16, error: &str, field: Field, problem: Problem) -> Self {
        ApiError {
            status,
            error: error.into(),
            field_errors: vec![FieldProblem { field, problem }],
        }
    }
}
