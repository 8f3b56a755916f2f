//! The contract's operations, declared once: method, path template and the request and
//! response types. The browser client calls them, every backend routes them, and a test
//! checks the list against `api/openapi.yaml` both ways (leptos' "declare a server function
//! once" idea, without its macros).

use crate::add_customer::{CreatedCustomer, DomainPrefixAvailability, NewCustomer};
use crate::api::*;
use crate::business_profile::{BusinessProfile, Listing};
use crate::country::CountryRules;
use crate::enrollment::{Draft, NewTenant};
use crate::mpn::OrgProfile;
use crate::paging::Page;
use crate::partners::{AuthorizeProvider, PartnerSummary};
use crate::partners::{NewPartnershipRequest, PartnershipRequest};
use crate::relationship::{NewRelationshipRequest, RelationshipRequest};
use crate::review::{Assigned, Assignment, Decision};
use crate::roles::RoleCatalog;
use std::marker::PhantomData;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
    Delete,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Delete => "DELETE",
        }
    }
}

/// One operation: `Q` is the JSON body sent (`()` for none), `R` the JSON answer (`()` for 204).
/// A list answers one [`Page`] and reads `limit` and `cursor` from the query
/// ([`crate::paging::parse_query`]).
pub struct Endpoint<Q, R> {
    pub method: Method,
    /// OpenAPI-style template, also axum's: `/users/{id}/roles`.
    pub path: &'static str,
    /// Called in the applicant's work-account session (enrollment), not a partner user's:
    /// its CSRF token is the applicant session's.
    pub applicant: bool,
    /// The form whose fields the body fills: a problem with the body's `user_name` is reported
    /// on `<fields>.user_name` (`session.user_name`), a field of [`crate::Field`]. Empty for a
    /// body whose keys are fields already.
    pub fields: &'static str,
    types: PhantomData<fn(Q) -> R>,
}

impl<Q, R> Endpoint<Q, R> {
    pub const fn new(method: Method, path: &'static str) -> Self {
        Endpoint {
            method,
            path,
            applicant: false,
            fields: "",
            types: PhantomData,
        }
    }

    /// Names the form the body's fields belong to (see [`Endpoint::fields`]).
    pub const fn fields(mut self, form: &'static str) -> Self {
        self.fields = form;
        self
    }

    /// Marks an operation of the applicant's session.
    pub const fn applicant(mut self) -> Self {
        self.applicant = true;
        self
    }

    /// The path with its `{…}` parameters filled in order, each percent-encoded so an ID can
    /// never add a path segment.
    pub fn url(&self, params: &[&str]) -> String {
        let mut values = params.iter();
        self.path
            .split('/')
            .map(|seg| {
                if seg.starts_with('{') {
                    encode_segment(values.next().copied().unwrap_or_default())
                } else {
                    seg.to_owned()
                }
            })
            .collect::<Vec<_>>()
            .join("/")
    }

    /// The path parameters when `method path` is this operation (exact segments: `/apiusers`
    /// is not `/api/users`, `/users/` is not `/users`).
    pub fn matches<'a>(&self, method: &str, path: &'a str) -> Option<Vec<&'a str>> {
        if method != self.method.as_str() {
            return None;
        }
        let mut got = path.split('/');
        let mut params = vec![];
        for want in self.path.split('/') {
            let seg = got.next()?;
            if want.starts_with('{') {
                if seg.is_empty() {
                    return None;
                }
                params.push(seg);
            } else if want != seg {
                return None;
            }
        }
        got.next().is_none().then_some(params)
    }
}

fn encode_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

use Method::*;

pub const SETTINGS: Endpoint<(), ProgramSettings> = Endpoint::new(Get, "/settings");
pub const COUNTRIES: Endpoint<(), Vec<CountryRules>> = Endpoint::new(Get, "/countries");
pub const ROLES: Endpoint<(), RoleCatalog> = Endpoint::new(Get, "/roles");
pub const WORK_ACCOUNT_SIGN_IN: Endpoint<SignIn, WorkAccountSession> =
    Endpoint::new(Post, "/work-account/sign-in").fields("work_account");
pub const WORK_ACCOUNT_SESSION: Endpoint<(), WorkAccountSession> =
    Endpoint::new(Get, "/work-account/session").applicant();
pub const WORK_ACCOUNT_SIGN_OUT: Endpoint<(), ()> =
    Endpoint::new(Delete, "/work-account/session").applicant();
pub const CREATE_TENANT: Endpoint<NewTenant, CreatedTenant> =
    Endpoint::new(Post, "/work-account/tenants").fields("tenant");
pub const PARTNER_NETWORK_PROFILES: Endpoint<SignIn, Vec<OrgProfile>> =
    Endpoint::new(Post, "/partner-network/profiles")
        .applicant()
        .fields("pmc");
pub const SUBMIT_APPLICATION: Endpoint<SubmitApplication, Application> =
    Endpoint::new(Post, "/applications").applicant();
pub const APPLICATION: Endpoint<(), Application> =
    Endpoint::new(Get, "/applications/{id}").applicant();
pub const VERIFY_EMAIL: Endpoint<EmailLink, VerifiedEmail> =
    Endpoint::new(Post, "/email-verifications").fields("verification");
pub const RESEND_VERIFICATION_BY_LINK: Endpoint<EmailLink, VerificationSent> =
    Endpoint::new(Post, "/email-verifications/resend").fields("verification");
pub const RESEND_VERIFICATION: Endpoint<(), VerificationSent> =
    Endpoint::new(Post, "/applications/{id}/verification-email").applicant();
pub const APPLICATION_ANSWERS: Endpoint<(), Draft> =
    Endpoint::new(Get, "/applications/{id}/answers").applicant();
pub const RESUBMIT_APPLICATION: Endpoint<Resubmission, Application> =
    Endpoint::new(Put, "/applications/{id}").applicant();
pub const REVIEW_QUEUE: Endpoint<(), Page<ReviewItem>> = Endpoint::new(Get, "/review/applications");
pub const REVIEW_APPLICATION: Endpoint<(), ReviewApplication> =
    Endpoint::new(Get, "/review/applications/{id}");
pub const DECIDE: Endpoint<Decision, Application> =
    Endpoint::new(Post, "/review/applications/{id}/decisions").fields("decision");
pub const ASSIGN: Endpoint<Assignment, Assigned> =
    Endpoint::new(Post, "/review/applications/{id}/assignment").fields("assignment");
pub const AGREEMENT: Endpoint<(), Agreement> = Endpoint::new(Get, "/partner/agreement");
pub const SIGN_AGREEMENT: Endpoint<AgreementAcceptance, Agreement> =
    Endpoint::new(Post, "/partner/agreement").fields("agreement");
pub const SIGN_IN: Endpoint<SignIn, SessionInfo> =
    Endpoint::new(Post, "/session").fields("session");
pub const SESSION: Endpoint<(), SessionInfo> = Endpoint::new(Get, "/session");
pub const SIGN_OUT: Endpoint<(), ()> = Endpoint::new(Delete, "/session");
pub const CHANGE_PASSWORD: Endpoint<PasswordChange, ()> =
    Endpoint::new(Post, "/session/password").fields("password");
pub const USERS: Endpoint<(), Page<User>> = Endpoint::new(Get, "/users");
pub const ADD_USER: Endpoint<NewUser, CreatedUser> = Endpoint::new(Post, "/users").fields("user");
pub const UPDATE_ROLES: Endpoint<RoleChange, User> =
    Endpoint::new(Put, "/users/{id}/roles").fields("user");
pub const REMOVE_USER: Endpoint<(), ()> = Endpoint::new(Delete, "/users/{id}");
pub const RESEND_INVITATION: Endpoint<(), InvitationSent> =
    Endpoint::new(Post, "/users/{id}/invitation");
pub const LOOKUP_INVITATION: Endpoint<InvitationLink, InvitationDetails> =
    Endpoint::new(Post, "/user-invitations/lookup");
pub const ACCEPT_INVITATION: Endpoint<AcceptInvitation, SessionInfo> =
    Endpoint::new(Post, "/user-invitations/accept").fields("password");
pub const MY_PARTNER: Endpoint<(), MyPartner> = Endpoint::new(Get, "/partner");
pub const INDIRECT_PROVIDERS: Endpoint<(), Page<PartnerSummary>> =
    Endpoint::new(Get, "/indirect-providers");
pub const INDIRECT_PROVIDER: Endpoint<(), PartnerSummary> =
    Endpoint::new(Get, "/indirect-providers/{id}");
pub const AUTHORIZE_PROVIDER: Endpoint<AuthorizeProvider, AuthorizeResult> =
    Endpoint::new(Post, "/indirect-providers").fields("authorize");
pub const INDIRECT_RESELLERS: Endpoint<(), Page<PartnerSummary>> =
    Endpoint::new(Get, "/indirect-resellers");
pub const REMOVE_RESELLER: Endpoint<(), ()> = Endpoint::new(Delete, "/indirect-resellers/{id}");
pub const CUSTOMERS: Endpoint<(), CustomerList> = Endpoint::new(Get, "/customers");
pub const ADD_CUSTOMER: Endpoint<NewCustomer, CreatedCustomer> =
    Endpoint::new(Post, "/customers").fields("customer");
pub const DOMAIN_PREFIX: Endpoint<(), DomainPrefixAvailability> =
    Endpoint::new(Get, "/domain-prefixes/{prefix}");
pub const REMOVE_RELATIONSHIP: Endpoint<(), ()> =
    Endpoint::new(Delete, "/customers/{id}/relationship");
pub const RELATIONSHIP_REQUESTS: Endpoint<(), Page<RelationshipRequest>> =
    Endpoint::new(Get, "/relationship-requests");
pub const REQUEST_RELATIONSHIP: Endpoint<NewRelationshipRequest, RelationshipRequest> =
    Endpoint::new(Post, "/relationship-requests").fields("relationship");
pub const TERMINATE_RELATIONSHIP: Endpoint<(), RelationshipRequest> =
    Endpoint::new(Post, "/relationship-requests/{id}/termination");
pub const BUSINESS_PROFILE: Endpoint<(), BusinessProfile> = Endpoint::new(Get, "/business-profile");
pub const PUBLISH_PROFILE: Endpoint<BusinessProfile, BusinessProfile> =
    Endpoint::new(Put, "/business-profile").fields("profile");
/// The directory of indirect providers: also `country` and `q` in the query
/// (`csp_core::business_profile::parse_filter`).
pub const PROVIDER_DIRECTORY: Endpoint<(), Page<Listing>> =
    Endpoint::new(Get, "/provider-directory");
pub const PARTNERSHIP_REQUESTS: Endpoint<(), Page<PartnershipRequest>> =
    Endpoint::new(Get, "/partnership-requests");
pub const REQUEST_PARTNERSHIP: Endpoint<NewPartnershipRequest, PartnershipRequest> =
    Endpoint::new(Post, "/partnership-requests").fields("partnership");
pub const SEND_INVITATION: Endpoint<(), PartnershipRequest> =
    Endpoint::new(Post, "/partnership-requests/{id}/invitation");

/// `GET /settings` read for [`crate::acceptance::CustomerLinks`] alone (the same operation as
/// [`SETTINGS`], so not listed again in [`ALL`]).
pub const CUSTOMER_LINKS: Endpoint<(), crate::acceptance::CustomerLinks> =
    Endpoint::new(Get, "/settings");
pub const CUSTOMER_INVITATION: Endpoint<(), crate::acceptance::CustomerInvitation> =
    Endpoint::new(Get, "/customer-invitation");
pub const ANSWER_INVITATION: Endpoint<
    crate::acceptance::InvitationAnswer,
    crate::acceptance::CustomerInvitation,
> = Endpoint::new(Post, "/customer-invitation/answer").applicant();

/// Every operation of the contract: what the OpenAPI test compares with `api/openapi.yaml`.
pub const ALL: &[(Method, &str)] = &[
    (SETTINGS.method, SETTINGS.path),
    (COUNTRIES.method, COUNTRIES.path),
    (ROLES.method, ROLES.path),
    (WORK_ACCOUNT_SIGN_IN.method, WORK_ACCOUNT_SIGN_IN.path),
    (WORK_ACCOUNT_SESSION.method, WORK_ACCOUNT_SESSION.path),
    (WORK_ACCOUNT_SIGN_OUT.method, WORK_ACCOUNT_SIGN_OUT.path),
    (CREATE_TENANT.method, CREATE_TENANT.path),
    (
        PARTNER_NETWORK_PROFILES.method,
        PARTNER_NETWORK_PROFILES.path,
    ),
    (SUBMIT_APPLICATION.method, SUBMIT_APPLICATION.path),
    (APPLICATION.method, APPLICATION.path),
    (VERIFY_EMAIL.method, VERIFY_EMAIL.path),
    (
        RESEND_VERIFICATION_BY_LINK.method,
        RESEND_VERIFICATION_BY_LINK.path,
    ),
    (RESEND_VERIFICATION.method, RESEND_VERIFICATION.path),
    (APPLICATION_ANSWERS.method, APPLICATION_ANSWERS.path),
    (RESUBMIT_APPLICATION.method, RESUBMIT_APPLICATION.path),
    (REVIEW_QUEUE.method, REVIEW_QUEUE.path),
    (REVIEW_APPLICATION.method, REVIEW_APPLICATION.path),
    (DECIDE.method, DECIDE.path),
    (ASSIGN.method, ASSIGN.path),
    (AGREEMENT.method, AGREEMENT.path),
    (SIGN_AGREEMENT.method, SIGN_AGREEMENT.path),
    (SIGN_IN.method, SIGN_IN.path),
    (SESSION.method, SESSION.path),
    (SIGN_OUT.method, SIGN_OUT.path),
    (CHANGE_PASSWORD.method, CHANGE_PASSWORD.path),
    (USERS.method, USERS.path),
    (ADD_USER.method, ADD_USER.path),
    (UPDATE_ROLES.method, UPDATE_ROLES.path),
    (REMOVE_USER.method, REMOVE_USER.path),
    (RESEND_INVITATION.method, RESEND_INVITATION.path),
    (LOOKUP_INVITATION.method, LOOKUP_INVITATION.path),
    (ACCEPT_INVITATION.method, ACCEPT_INVITATION.path),
    (MY_PARTNER.method, MY_PARTNER.path),
    (INDIRECT_PROVIDERS.method, INDIRECT_PROVIDERS.path),
    (INDIRECT_PROVIDER.method, INDIRECT_PROVIDER.path),
    (AUTHORIZE_PROVIDER.method, AUTHORIZE_PROVIDER.path),
    (INDIRECT_RESELLERS.method, INDIRECT_RESELLERS.path),
    (REMOVE_RESELLER.method, REMOVE_RESELLER.path),
    (CUSTOMERS.method, CUSTOMERS.path),
    (ADD_CUSTOMER.method, ADD_CUSTOMER.path),
    (DOMAIN_PREFIX.method, DOMAIN_PREFIX.path),
    (REMOVE_RELATIONSHIP.method, REMOVE_RELATIONSHIP.path),
    (RELATIONSHIP_REQUESTS.method, RELATIONSHIP_REQUESTS.path),
    (REQUEST_RELATIONSHIP.method, REQUEST_RELATIONSHIP.path),
    (TERMINATE_RELATIONSHIP.method, TERMINATE_RELATIONSHIP.path),
    (BUSINESS_PROFILE.method, BUSINESS_PROFILE.path),
    (PUBLISH_PROFILE.method, PUBLISH_PROFILE.path),
    (PROVIDER_DIRECTORY.method, PROVIDER_DIRECTORY.path),
    (PARTNERSHIP_REQUESTS.method, PARTNERSHIP_REQUESTS.path),
    (REQUEST_PARTNERSHIP.method, REQUEST_PARTNERSHIP.path),
    (SEND_INVITATION.method, SEND_INVITATION.path),
    (CUSTOMER_INVITATION.method, CUSTOMER_INVITATION.path),
    (ANSWER_INVITATION.method, ANSWER_INVITATION.path),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_fill_and_match_exactly() {
        assert_eq!(UPDATE_ROLES.url(&["USR 1/.."]), "/users/USR%201%2F../roles");
        assert_eq!(
            UPDATE_ROLES.matches("PUT", "/users/u1/roles"),
            Some(vec!["u1"])
        );
        assert_eq!(UPDATE_ROLES.matches("GET", "/users/u1/roles"), None);
        assert_eq!(USERS.matches("GET", "/users/"), None);
        assert_eq!(USERS.matches("GET", "/users"), Some(vec![]));
        assert_eq!(REMOVE_USER.matches("DELETE", "/users/"), None);
        assert_eq!(REMOVE_USER.matches("DELETE", "/users/a/b"), None);
    }

    /// The OpenAPI file's operations, read from its `paths:` block (two-space path keys,
    /// four-space method keys), against [`ALL`], both ways.
    #[test]
    fn every_operation_is_in_the_openapi_file_and_back() {
        let yaml = include_str!("../../../api/openapi.yaml");
        let mut documented = vec![];
        let mut path = None;
        for line in yaml.lines() {
            if line.starts_with("components:") {
                break;
            }
            if let Some(p) = line.strip_prefix("  /") {
                path = Some(format!("/{}", p.trim_end_matches(':')));
            } else if let (Some(p), Some(m)) = (&path, line.strip_prefix("    ")) {
                let m = m.split(':').next().unwrap_or_default();
                if ["get", "post", "put", "delete", "patch"].contains(&m) {
                    documented.push((m.to_ascii_uppercase(), p.clone()));
                }
            }
        }
        let mut declared: Vec<(String, String)> = ALL
            .iter()
            .map(|(m, p)| (m.as_str().to_owned(), p.to_string()))
            .collect();
        documented.sort();
        declared.sort();
        assert_eq!(documented, declared);
    }

    /// The `Code` and `Field` enums of the OpenAPI file list exactly the Rust ones.
    #[test]
    fn codes_and_fields_are_the_openapi_enums() {
        let yaml = include_str!("../../../api/openapi.yaml");
        let list = |schema: &str| -> Vec<String> {
            let at = yaml
                .find(&format!("\n    {schema}:\n"))
                .unwrap_or_else(|| panic!("no {schema} schema"));
            let rest = &yaml[at..];
            let open = rest.find("enum: [").expect("an enum") + "enum: [".len();
            let close = open + rest[open..].find(']').expect("a closed enum");
            let mut v: Vec<String> = rest[open..close]
                .split(',')
                .map(|x| x.trim().to_owned())
                .collect();
            v.sort();
            v
        };
        let mut codes: Vec<String> = crate::Code::ALL.iter().map(|c| c.id().into()).collect();
        codes.sort();
        assert_eq!(list("Code"), codes);
        let mut fields: Vec<String> = crate::Field::ALL.iter().map(|f| f.id().into()).collect();
        fields.sort();
        assert_eq!(list("Field"), fields);
    }
}
