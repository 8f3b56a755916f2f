//! What a rule reports: a message code and its arguments, never English text.
//! The UI looks the code up in its locale files; a server returns it in a 422 body.

use crate::field::Field;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

macro_rules! codes {
    ($($variant:ident = $id:literal $(warn $w:tt)?),* $(,)?) => {
        /// Every message code a rule or the backend can report.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code {
            $($variant),*
        }
        impl Code {
            /// All codes: the locale test checks that each has a message in every language.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];
            /// The stable identifier used in JSON and as the Fluent message id (`err-<id>`).
            pub fn id(self) -> &'static str {
                match self { $(Code::$variant => $id),* }
            }
            /// Warnings let the user continue; errors block.
            pub fn is_warning(self) -> bool {
                match self { $(Code::$variant => codes!(@w $($w)?)),* }
            }
        }
    };
    (@w) => { false };
    (@w $w:tt) => { true };
}

codes! {
    Required = "required",
    ChooseOne = "choose-one",
    TooLong = "too-long",
    EmailFormat = "email-format",
    EmailConsumer = "email-consumer",
    EmailRoleMailbox = "email-role-mailbox",
    EmailGovernment = "email-government",
    EmailOnMicrosoft = "email-onmicrosoft" warn !,
    EmailDidYouMean = "email-did-you-mean" warn !,
    EmailTaken = "email-taken",
    EmailNotPartnerDomain = "email-not-partner-domain",
    MpnFormat = "mpn-format",
    MpnLength = "mpn-length",
    MpnNotFound = "mpn-not-found",
    ProfileInactive = "profile-inactive",
    ProfileNotLocation = "profile-not-location",
    ProfileCountry = "profile-country",
    CountryUnknown = "country-unknown",
    LatinOnly = "latin-only",
    PostalCodeFormat = "postal-code-format",
    InnFormat = "inn-format",
    InnChecksum = "inn-checksum",
    UsccFormat = "uscc-format",
    UsccChecksum = "uscc-checksum",
    IbanFormat = "iban-format",
    IbanChecksum = "iban-checksum",
    IbanLength = "iban-length",
    IbanCountry = "iban-country",
    BicFormat = "bic-format",
    BikFormat = "bik-format",
    RuAccountFormat = "ru-account-format",
    RuAccountChecksum = "ru-account-checksum",
    AbaFormat = "aba-format",
    AbaChecksum = "aba-checksum",
    AccountNumberFormat = "account-number-format",
    PhoneFormat = "phone-format",
    PhoneCallingCode = "phone-calling-code",
    WebsiteFormat = "website-format",
    DomainPrefixFormat = "domain-prefix-format",
    DomainPrefixTaken = "domain-prefix-taken",
    PartnerTypeClosed = "partner-type-closed",
    SignInFailed = "sign-in-failed",
    PasswordTooShort = "password-too-short",
    PasswordSame = "password-same",
    PasswordContainsUserName = "password-contains-user-name",
    PasswordCommon = "password-common",
    PasswordIncorrect = "password-incorrect",
    TenantNotSignedIn = "tenant-not-signed-in",
    LastUserAdmin = "last-user-admin",
    RemoveSelf = "remove-self",
    IdFormat = "id-format",
    ProviderNotFound = "provider-not-found",
    AuthorizeGlobalAdminOnly = "authorize-global-admin-only",
    ProviderRegion = "provider-region",
    InvitationUnknown = "invitation-unknown",
    InvitationLinkMissing = "invitation-link-missing",
    RelationshipNameTaken = "relationship-name-taken",
    RelationshipDuration = "relationship-duration",
    RelationshipRoleUnknown = "relationship-role-unknown",
    RelationshipAutoExtendGlobalAdmin = "relationship-auto-extend-global-admin",
    RelationshipTransition = "relationship-transition",
    RelationshipActiveSubscriptions = "relationship-active-subscriptions",
    CompanyNameTooShort = "company-name-too-short",
    CompanyNamePunctuation = "company-name-punctuation",
    CompanyNameDomainEnding = "company-name-domain-ending" warn !,
    CompanyNameRepeated = "company-name-repeated" warn !,
    CustomerEmailPartnerDomain = "customer-email-partner-domain",
    CustomerEmailVendorDomain = "customer-email-vendor-domain",
    VerificationLinkUnknown = "verification-link-unknown",
    VerificationLinkExpired = "verification-link-expired",
    VerificationLinkUsed = "verification-link-used",
    EmailAlreadyVerified = "email-already-verified",
    InvitationLinkUnknown = "invitation-link-unknown",
    InvitationLinkExpired = "invitation-link-expired",
    InvitationLinkUsed = "invitation-link-used",
    InvitationAccepted = "invitation-accepted",
    ReviewOwnCompany = "review-own-company",
    ReviewTransition = "review-transition",
    ReviewStale = "review-stale",
    AssignmentStale = "assignment-stale",
    AssignmentNotYours = "assignment-not-yours",
    AgreementVersion = "agreement-version",
    AgreementNotSigned = "agreement-not-signed",
    ChooseAtLeastOne = "choose-at-least-one",
    ProfileNoLanguage = "profile-no-language",
    PartnershipRequested = "partnership-requested",
    ProviderAlreadyAuthorized = "provider-already-authorized",
    AcceptGlobalAdminOnly = "accept-global-admin-only",
    AcceptPartnerTenant = "accept-partner-tenant",
    AcceptOtherPartner = "accept-other-partner",
    InvitationClosed = "invitation-closed",
}

json_as_id!(Code, "unknown message code");

/// One finding of a rule: the code and its named arguments (country codes, lengths, examples).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    pub code: Code,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub args: BTreeMap<String, String>,
}

impl Problem {
    pub fn new(code: Code) -> Self {
        Problem {
            code,
            args: BTreeMap::new(),
        }
    }

    /// Adds a named argument for the message (`{ $country }` in Fluent).
    pub fn arg(mut self, name: &str, value: impl ToString) -> Self {
        self.args.insert(name.to_owned(), value.to_string());
        self
    }

    pub fn is_warning(&self) -> bool {
        self.code.is_warning()
    }
}

impl From<Code> for Problem {
    fn from(code: Code) -> Self {
        Problem::new(code)
    }
}

/// A problem placed on a form field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldProblem {
    pub field: Field,
    #[serde(flatten)]
    pub problem: Problem,
}

/// Collects the problems of one form in field order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report(pub Vec<FieldProblem>);

impl Report {
    pub fn add(&mut self, field: Field, problem: impl Into<Problem>) {
        self.0.push(FieldProblem {
            field,
            problem: problem.into(),
        });
    }

    /// Runs a check and records its problem, if any, on `field`.
    pub fn check(&mut self, field: Field, result: Result<(), Problem>) {
        if let Err(p) = result {
            self.add(field, p);
        }
    }

    /// Blocking problems only: warnings never stop Continue.
    pub fn errors(&self) -> impl Iterator<Item = &FieldProblem> {
        self.0.iter().filter(|p| !p.problem.is_warning())
    }

    pub fn has_errors(&self) -> bool {
        self.errors().next().is_some()
    }

    pub fn for_field(&self, field: Field) -> Option<&Problem> {
        self.0.iter().find(|p| p.field == field).map(|p| &p.problem)
    }

    pub fn extend(&mut self, other: Report) {
        self.0.extend(other.0);
    }
}

/// Field text is trimmed before any rule sees it; an empty value is `Required`.
pub fn required(value: &str) -> Result<&str, Problem> {
    let v = value.trim();
    if v.is_empty() {
        Err(Problem::new(Code::Required))
    } else {
        Ok(v)
    }
}

/// Length in characters, not bytes: 200 Cyrillic letters are 200, as the vendor counts.
pub fn max_chars(value: &str, max: usize) -> Result<(), Problem> {
    if value.trim().chars().count() > max {
        Err(Problem::new(Code::TooLong).arg("max", max))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_travel_as_their_ids() {
        for &c in Code::ALL {
            let json = serde_json::to_string(&c).unwrap();
            assert_eq!(json, format!("\"{}\"", c.id()));
            assert_eq!(serde_json::from_str::<Code>(&json).unwrap(), c);
        }
        assert!(serde_json::from_str::<Code>("\"no-such-code\"").is_err());
        assert!(serde_json::from_str::<Code>("3").is_err());
    }
}
