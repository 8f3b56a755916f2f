//! Every form field a rule or a backend can report on, spelled once. The id (`contact.email`)
//! travels in JSON; the browser derives the control's DOM id (`contact-email`) and the
//! field-specific message id (`err-required--contact-email`) from it, so a backend cannot name
//! a field that no form shows.

macro_rules! fields {
    ($($variant:ident = $id:literal),* $(,)?) => {
        /// A form field, by its stable name.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Field {
            $($variant),*
        }
        impl Field {
            pub const ALL: &'static [Field] = &[$(Field::$variant),*];
            /// The stable name used in JSON (`contact.email`).
            pub fn id(self) -> &'static str {
                match self { $(Field::$variant => $id),* }
            }
        }
    };
}

fields! {
    PartnerType = "partner_type",
    WorkAccountMode = "work_account.mode",
    WorkAccountUserName = "work_account.user_name",
    WorkAccountPassword = "work_account.password",
    Tenant = "tenant",
    TenantOrganization = "tenant.organization",
    TenantDomainPrefix = "tenant.domain_prefix",
    TenantCountry = "tenant.country",
    TenantAdminFirstName = "tenant.admin_first_name",
    TenantAdminLastName = "tenant.admin_last_name",
    TenantAdminEmail = "tenant.admin_email",
    PmcUserName = "pmc.user_name",
    PmcPassword = "pmc.password",
    Profile = "profile",
    LegalName = "legal.legal_name",
    LegalCountry = "legal.address.country",
    LegalLine1 = "legal.address.line1",
    LegalLine2 = "legal.address.line2",
    LegalCity = "legal.address.city",
    LegalState = "legal.address.state",
    LegalPostalCode = "legal.address.postal_code",
    LegalRegistrationId = "legal.registration_id",
    ContactFirstName = "contact.first_name",
    ContactLastName = "contact.last_name",
    ContactEmail = "contact.email",
    ContactPhone = "contact.phone",
    SupportEmail = "support.email",
    SupportPhone = "support.phone",
    SupportWebsite = "support.website",
    BankCountry = "bank.country",
    BankAccountHolder = "bank.account_holder",
    BankIban = "bank.iban",
    BankBic = "bank.bic",
    BankCode = "bank.bank_code",
    BankAccountNumber = "bank.account_number",
    UserName = "user.name",
    UserEmail = "user.email",
    UserAgentRole = "user.agent_role",
    UserAdminRole = "user.admin_role",
    UserLanguage = "user.language",
    SessionUserName = "session.user_name",
    SessionPassword = "session.password",
    CurrentPassword = "password.current_password",
    NewPassword = "password.new_password",
    AuthorizeProviderId = "authorize.provider_id",
    AuthorizeUser = "authorize.user",
    AuthorizeConsent = "authorize.consent",
    InviteProviderId = "invite.provider_id",
    InvitePartnerId = "invite.partner_id",
    InviteType = "invite.type",
    InvitationSubject = "invitation.subject",
    InvitationBody = "invitation.body",
    RelationshipAdminAccess = "relationship.admin_access",
    RelationshipName = "relationship.name",
    RelationshipDurationDays = "relationship.duration_days",
    RelationshipRoles = "relationship.roles",
    RelationshipAutoExtend = "relationship.auto_extend",
    CustomerCompanyName = "customer.company_name",
    CustomerDomainPrefix = "customer.domain_prefix",
    CustomerAdminFirstName = "customer.admin_first_name",
    CustomerAdminLastName = "customer.admin_last_name",
    CustomerAdminEmail = "customer.admin_email",
    CustomerPhone = "customer.phone",
    CustomerCountry = "customer.address.country",
    CustomerLine1 = "customer.address.line1",
    CustomerLine2 = "customer.address.line2",
    CustomerCity = "customer.address.city",
    CustomerState = "customer.address.state",
    CustomerPostalCode = "customer.address.postal_code",
    CustomerRegistrationId = "customer.registration_id",
    CustomerResellerId = "customer.reseller_id",
    VerificationToken = "verification.token",
    UserInvitationToken = "user_invitation.token",
    DecisionAction = "decision.action",
    DecisionSteps = "decision.steps",
    DecisionReason = "decision.reason",
    DecisionMessage = "decision.message",
    AssignmentAction = "assignment.action",
    AgreementName = "agreement.name",
    AgreementJobTitle = "agreement.job_title",
    AgreementAccept = "agreement.accept",
    ProfileDescriptions = "profile.descriptions",
    ProfileDescriptionEn = "profile.description_en",
    ProfileDescriptionRu = "profile.description_ru",
    ProfileDescriptionZhCn = "profile.description_zh_cn",
    ProfileDescriptionFr = "profile.description_fr",
    ProfileIndustries = "profile.industries",
    ProfileServices = "profile.services",
    ProfileCountries = "profile.countries",
    ProfileWebsite = "profile.website",
    ProfileEmail = "profile.email",
    ProfilePhone = "profile.phone",
    PartnershipProviderId = "partnership.provider_id",
    InvitationAnswer = "invitation.answer",
}

impl Field {
    /// The control's DOM id and the suffix of its field-specific messages: `contact-email`.
    pub fn dom_id(self) -> String {
        self.id().replace(['.', '_'], "-")
    }

    pub fn from_id(id: &str) -> Option<Field> {
        Field::ALL.iter().copied().find(|f| f.id() == id)
    }
}

/// Where an address form's fields land: the same check serves every address form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AddressFields {
    pub country: Field,
    pub line1: Field,
    pub line2: Field,
    pub city: Field,
    pub state: Field,
    pub postal_code: Field,
}

/// The legal business profile's address.
pub const LEGAL_ADDRESS: AddressFields = AddressFields {
    country: Field::LegalCountry,
    line1: Field::LegalLine1,
    line2: Field::LegalLine2,
    city: Field::LegalCity,
    state: Field::LegalState,
    postal_code: Field::LegalPostalCode,
};

/// The customer's address on "Add customer".
pub const CUSTOMER_ADDRESS: AddressFields = AddressFields {
    country: Field::CustomerCountry,
    line1: Field::CustomerLine1,
    line2: Field::CustomerLine2,
    city: Field::CustomerCity,
    state: Field::CustomerState,
    postal_code: Field::CustomerPostalCode,
};

// An id no form has is refused, not shown as a dead link.
json_as_id!(Field, "unknown field");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_travel_as_their_ids_and_have_distinct_dom_ids() {
        let mut dom: Vec<String> = Field::ALL.iter().map(|f| f.dom_id()).collect();
        dom.sort();
        dom.dedup();
        assert_eq!(dom.len(), Field::ALL.len());
        for &f in Field::ALL {
            let json = serde_json::to_string(&f).unwrap();
            assert_eq!(serde_json::from_str::<Field>(&json).unwrap(), f);
        }
        assert!(serde_json::from_str::<Field>("\"user_name\"").is_err());
        assert_eq!(Field::ContactEmail.dom_id(), "contact-email");
    }
}
