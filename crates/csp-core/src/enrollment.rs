//! The enrollment draft: one model for the whole journey, and the checks of each step.
//! The browser runs them on Continue; a server runs `check_submission` on the same data.

/// Sample drafts for tests and benchmarks (feature `fixtures`), never in a release build.
#[cfg(any(test, feature = "fixtures"))]
pub mod fixtures;

use crate::address::{check_address, latin_only, Address};
use crate::bank::{check_bank, BankDetails};
use crate::country::{find, CountryRules};
use crate::email::{check_work_email, DomainPolicy, Purpose};
use crate::field::{Field, LEGAL_ADDRESS};
use crate::mpn::{check_profile, parse_mpn_id, MpnLength, OrgProfile};
use crate::phone::{check_phone, check_website};
use crate::problem::{max_chars, required, Code, Problem, Report};
use crate::registration::check_registration_id;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PartnerType {
    IndirectReseller,
    DirectPartner,
    IndirectProvider,
}

impl PartnerType {
    pub const ALL: [PartnerType; 3] = [
        PartnerType::IndirectReseller,
        PartnerType::DirectPartner,
        PartnerType::IndirectProvider,
    ];

    pub fn id(self) -> &'static str {
        match self {
            PartnerType::IndirectReseller => "indirect-reseller",
            PartnerType::DirectPartner => "direct-partner",
            PartnerType::IndirectProvider => "indirect-provider",
        }
    }
}

/// The work-account tenant the applicant signed in to or created.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tenant {
    pub domain: String,
    /// ISO 3166-1 alpha-2: what the MPN profile is checked against.
    pub country: String,
    pub organization: String,
}

/// New work account fields (the "Create" branch of the work-account step).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewTenant {
    pub organization: String,
    pub domain_prefix: String,
    pub country: String,
    pub admin_first_name: String,
    pub admin_last_name: String,
    pub admin_email: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegalProfile {
    pub legal_name: String,
    pub address: Address,
    #[serde(default)]
    pub registration_id: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Support {
    pub email: String,
    pub phone: String,
    pub website: String,
}

/// How the applicant gets a work account: sign in to an existing one, or create one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WorkAccountMode {
    SignIn,
    Create,
}

/// The work-account step's answers (never the password).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkAccountForm {
    pub mode: Option<WorkAccountMode>,
    pub user_name: String,
    pub new_tenant: NewTenant,
}

/// Everything the applicant has answered. Passwords are never part of it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub partner_type: Option<PartnerType>,
    /// "Already enrolled in CSP": only customer support information is asked.
    #[serde(default)]
    pub already_enrolled: bool,
    #[serde(default)]
    pub work_account: WorkAccountForm,
    pub tenant: Option<Tenant>,
    pub profile: Option<OrgProfile>,
    pub legal: LegalProfile,
    pub contact: Contact,
    pub support: Support,
    pub bank: BankDetails,
}

/// What the checks need besides the draft: data that comes from config and the backend.
#[derive(Debug, Clone)]
pub struct Context {
    pub countries: Vec<CountryRules>,
    pub domains: DomainPolicy,
    pub mpn_length: MpnLength,
}

impl Default for Context {
    fn default() -> Self {
        Context {
            countries: crate::country::default_countries(),
            domains: DomainPolicy::builtin(),
            mpn_length: MpnLength::default(),
        }
    }
}

/// The journey's steps, in order; which ones a draft visits depends on its answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Step {
    PartnerType,
    WorkAccount,
    Mpn,
    Legal,
    Contact,
    Support,
    Bank,
}

/// The draft's text answers by their field, written once for both ways: a page's input reads
/// and writes its answer by the field it shows (so each input follows its own answer, not the
/// whole draft).
macro_rules! draft_texts {
    ($($field:ident => $($path:ident).+),* $(,)?) => {
        impl Draft {
            /// The text answer of `field`; `None` for a field that is not one.
            pub fn text(&self, field: Field) -> Option<&str> {
                match field {
                    $(Field::$field => Some(&self.$($path).+),)*
                    _ => None,
                }
            }

            /// The text answer of `field`, to write; `None` for a field that is not one.
            pub fn text_mut(&mut self, field: Field) -> Option<&mut String> {
                match field {
                    $(Field::$field => Some(&mut self.$($path).+),)*
                    _ => None,
                }
            }
        }
    };
}

draft_texts! {
    LegalName => legal.legal_name,
    LegalRegistrationId => legal.registration_id,
    ContactFirstName => contact.first_name,
    ContactLastName => contact.last_name,
    ContactEmail => contact.email,
    ContactPhone => contact.phone,
    SupportEmail => support.email,
    SupportPhone => support.phone,
    SupportWebsite => support.website,
    BankCountry => bank.country,
    BankAccountHolder => bank.account_holder,
    BankIban => bank.iban,
    BankBic => bank.bic,
    BankCode => bank.bank_code,
    BankAccountNumber => bank.account_number,
}

impl Draft {
    /// The steps this draft goes through, so that only the chosen branch is asked and submitted.
    pub fn steps(&self) -> Vec<Step> {
        if self.already_enrolled {
            vec![Step::PartnerType, Step::Support]
        } else {
            vec![
                Step::PartnerType,
                Step::WorkAccount,
                Step::Mpn,
                Step::Legal,
                Step::Contact,
                Step::Support,
                Step::Bank,
            ]
        }
    }

    /// The draft as it is submitted: fields of other branches removed, codes compacted.
    pub fn for_submit(&self, ctx: &Context) -> Draft {
        if self.already_enrolled {
            return Draft {
                partner_type: self.partner_type,
                already_enrolled: true,
                support: self.support.clone(),
                ..Default::default()
            };
        }
        let mut d = self.clone();
        d.work_account = WorkAccountForm::default();
        if let Some(rules) = find(&ctx.countries, &d.bank.country) {
            d.bank = crate::bank::for_submit(&d.bank, rules);
        }
        if find(&ctx.countries, &d.legal.address.country)
            .and_then(|r| r.registration_id)
            .is_none()
        {
            d.legal.registration_id.clear();
        }
        d
    }

    /// True when nothing has been answered yet: such a draft is never saved.
    pub fn is_pristine(&self) -> bool {
        *self == Draft::default()
    }
}

pub fn check_partner_type(d: &Draft, open: &[PartnerType]) -> Report {
    let mut r = Report::default();
    match d.partner_type {
        None => r.add(Field::PartnerType, Code::ChooseOne),
        Some(t) if !d.already_enrolled && !open.contains(&t) => r.add(
            Field::PartnerType,
            Problem::new(Code::PartnerTypeClosed).arg("type", t.id()),
        ),
        _ => {}
    }
    r
}

/// The work-account step: choose sign-in or create, then that branch's fields. The password
/// is the page's own (never in the draft).
pub fn check_work_account(form: &WorkAccountForm, password: &str, ctx: &Context) -> Report {
    match form.mode {
        None => {
            let mut r = Report::default();
            r.add(Field::WorkAccountMode, Code::ChooseOne);
            r
        }
        Some(WorkAccountMode::SignIn) => check_work_account_sign_in(&form.user_name, password),
        Some(WorkAccountMode::Create) => check_new_tenant(&form.new_tenant, ctx),
    }
}

/// Signing in to an existing work account: an email-shaped user name and a password.
pub fn check_work_account_sign_in(user_name: &str, password: &str) -> Report {
    let mut r = Report::default();
    r.check(
        Field::WorkAccountUserName,
        crate::email::parse(user_name).map(|_| ()),
    );
    r.check(Field::WorkAccountPassword, required(password).map(|_| ()));
    r
}

/// Signing in to the partner network to list the organization profiles.
pub fn check_pmc_sign_in(user_name: &str, password: &str) -> Report {
    let mut r = Report::default();
    r.check(Field::PmcUserName, required(user_name).map(|_| ()));
    r.check(Field::PmcPassword, required(password).map(|_| ()));
    r
}

/// The "Create a work account" form.
pub fn check_new_tenant(t: &NewTenant, ctx: &Context) -> Report {
    let mut r = Report::default();
    r.check(
        Field::TenantOrganization,
        required(&t.organization).and_then(|v| max_chars(v, 256)),
    );
    let prefix = t.domain_prefix.trim().to_ascii_lowercase();
    r.check(
        Field::TenantDomainPrefix,
        if prefix.is_empty() {
            Err(Code::Required.into())
        } else if prefix.len() > 27
            || !prefix
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        {
            Err(Code::DomainPrefixFormat.into())
        } else {
            Ok(())
        },
    );
    r.check(Field::TenantCountry, country(&t.country, ctx));
    r.check(
        Field::TenantAdminFirstName,
        required(&t.admin_first_name).map(|_| ()),
    );
    r.check(
        Field::TenantAdminLastName,
        required(&t.admin_last_name).map(|_| ()),
    );
    email(
        &mut r,
        Field::TenantAdminEmail,
        &t.admin_email,
        Purpose::User,
        ctx,
    );
    r
}

fn country(code: &str, ctx: &Context) -> Result<(), Problem> {
    let c = required(code)?;
    find(&ctx.countries, c)
        .map(|_| ())
        .ok_or_else(|| Code::CountryUnknown.into())
}

fn email(r: &mut Report, field: Field, value: &str, purpose: Purpose, ctx: &Context) {
    match check_work_email(value, purpose, &ctx.domains) {
        Ok(warnings) => warnings.into_iter().for_each(|w| r.add(field, w)),
        Err(e) => r.add(field, e),
    }
}

fn phone(r: &mut Report, field: Field, value: &str, country: &str, ctx: &Context) {
    let rules = find(&ctx.countries, country);
    if value.trim().is_empty() && !rules.is_some_and(|c| c.phone_required) {
        return;
    }
    r.check(field, check_phone(value, rules, &ctx.countries).map(|_| ()));
}

/// The chosen organization profile against the tenant's country.
pub fn check_mpn(d: &Draft, ctx: &Context) -> Report {
    let mut r = Report::default();
    match (&d.profile, &d.tenant) {
        (None, _) => r.add(Field::Profile, Code::ChooseOne),
        (Some(p), tenant) => {
            r.check(
                Field::Profile,
                parse_mpn_id(&p.mpn_id, ctx.mpn_length).map(|_| ()),
            );
            if let Some(t) = tenant {
                r.check(Field::Profile, check_profile(p, &t.country));
            }
        }
    }
    r
}

pub fn check_legal(l: &LegalProfile, ctx: &Context) -> Report {
    let mut r = Report::default();
    r.check(
        Field::LegalName,
        required(&l.legal_name)
            .and_then(|v| max_chars(v, 200))
            .and_then(|_| latin_only(&l.legal_name)),
    );
    check_address(&l.address, &ctx.countries, &LEGAL_ADDRESS, &mut r);
    if let Some(rules) = find(&ctx.countries, &l.address.country) {
        r.check(
            Field::LegalRegistrationId,
            check_registration_id(&l.registration_id, rules),
        );
    }
    r
}

pub fn check_contact(c: &Contact, country_code: &str, ctx: &Context) -> Report {
    let mut r = Report::default();
    r.check(
        Field::ContactFirstName,
        required(&c.first_name).and_then(|v| max_chars(v, 100)),
    );
    r.check(
        Field::ContactLastName,
        required(&c.last_name).and_then(|v| max_chars(v, 100)),
    );
    email(
        &mut r,
        Field::ContactEmail,
        &c.email,
        Purpose::PrimaryContact,
        ctx,
    );
    phone(&mut r, Field::ContactPhone, &c.phone, country_code, ctx);
    r
}

pub fn check_support(s: &Support, country_code: &str, ctx: &Context) -> Report {
    let mut r = Report::default();
    email(&mut r, Field::SupportEmail, &s.email, Purpose::Support, ctx);
    r.check(
        Field::SupportPhone,
        required(&s.phone).and_then(|p| {
            check_phone(p, find(&ctx.countries, country_code), &ctx.countries).map(|_| ())
        }),
    );
    if !s.website.trim().is_empty() {
        r.check(Field::SupportWebsite, check_website(&s.website).map(|_| ()));
    }
    r
}

pub fn check_bank_step(b: &BankDetails, ctx: &Context) -> Report {
    let mut r = Report::default();
    match find(&ctx.countries, &b.country) {
        Some(rules) => check_bank(b, rules, &mut r),
        None => r.add(
            Field::BankCountry,
            if b.country.trim().is_empty() {
                Code::Required
            } else {
                Code::CountryUnknown
            },
        ),
    }
    r
}

/// One step's checks.
pub fn check_step(step: Step, d: &Draft, open: &[PartnerType], ctx: &Context) -> Report {
    let country = d.legal.address.country.as_str();
    match step {
        Step::PartnerType => check_partner_type(d, open),
        Step::WorkAccount => {
            let mut r = Report::default();
            if d.tenant.is_none() {
                r.add(Field::Tenant, Code::Required);
            }
            r
        }
        Step::Mpn => check_mpn(d, ctx),
        Step::Legal => check_legal(&d.legal, ctx),
        Step::Contact => check_contact(&d.contact, country, ctx),
        Step::Support => check_support(&d.support, country, ctx),
        Step::Bank => check_bank_step(&d.bank, ctx),
    }
}

/// Every step the draft visits: what "Enroll now" and the server check.
pub fn check_submission(d: &Draft, open: &[PartnerType], ctx: &Context) -> Report {
    let mut r = Report::default();
    for s in d.steps() {
        r.extend(check_step(s, d, open, ctx));
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::french_draft;

    /// Each text answer is where its field's JSON name says, and only there.
    #[test]
    fn text_answers_are_at_their_field_names() {
        for &f in Field::ALL {
            let mut d = Draft::default();
            let Some(t) = d.text_mut(f) else {
                assert_eq!(Draft::default().text(f), None, "{f:?}");
                continue;
            };
            *t = "typed".into();
            assert_eq!(d.text(f), Some("typed"), "{f:?}");
            let json = serde_json::to_value(&d).unwrap();
            let pointer = format!("/{}", f.id().replace('.', "/"));
            assert_eq!(json.pointer(&pointer), Some(&"typed".into()), "{f:?}");
            let strings = json.to_string().matches("\"typed\"").count();
            assert_eq!(strings, 1, "{f:?} wrote more than its own answer");
        }
        assert!(Draft::default().text_mut(Field::ContactEmail).is_some());
        assert!(Draft::default().text_mut(Field::PartnerType).is_none());
    }

    #[test]
    fn a_complete_french_draft_passes() {
        let r = check_submission(&french_draft(), &PartnerType::ALL, &Context::default());
        assert_eq!(r.0, vec![]);
    }

    #[test]
    fn closed_partner_type_is_refused() {
        let r = check_partner_type(&french_draft(), &[PartnerType::IndirectReseller]);
        assert!(!r.has_errors());
        let mut d = french_draft();
        d.partner_type = Some(PartnerType::DirectPartner);
        assert_eq!(
            check_partner_type(&d, &[PartnerType::IndirectReseller]).0[0]
                .problem
                .code,
            Code::PartnerTypeClosed
        );
    }

    #[test]
    fn consumer_contact_and_foreign_profile_are_refused() {
        let mut d = french_draft();
        d.contact.email = "elodie@gmail.com".into();
        d.tenant.as_mut().unwrap().country = "GB".into();
        let r = check_submission(&d, &PartnerType::ALL, &Context::default());
        assert_eq!(
            r.for_field(Field::ContactEmail).unwrap().code,
            Code::EmailConsumer
        );
        assert_eq!(
            r.for_field(Field::Profile).unwrap().code,
            Code::ProfileCountry
        );
    }

    #[test]
    fn already_enrolled_submits_support_only() {
        let mut d = french_draft();
        d.already_enrolled = true;
        assert_eq!(d.steps(), vec![Step::PartnerType, Step::Support]);
        let s = d.for_submit(&Context::default());
        assert_eq!(s.contact, Contact::default());
        assert_eq!(s.bank, BankDetails::default());
        assert_eq!(s.support, d.support);
    }

    #[test]
    fn russian_company_needs_inn_and_phone() {
        let ctx = Context::default();
        let mut l = french_draft().legal;
        l.address = Address {
            line1: "ul. Tverskaya, 7".into(),
            city: "Moskva".into(),
            state: "Moskva".into(),
            postal_code: "125009".into(),
            country: "RU".into(),
            ..Default::default()
        };
        assert_eq!(
            check_legal(&l, &ctx)
                .for_field(Field::LegalRegistrationId)
                .unwrap()
                .code,
            Code::Required
        );
        l.registration_id = "7707083893".into();
        assert!(!check_legal(&l, &ctx).has_errors());
        let c = Contact {
            phone: String::new(),
            ..french_draft().contact
        };
        assert_eq!(
            check_contact(&c, "RU", &ctx)
                .for_field(Field::ContactPhone)
                .unwrap()
                .code,
            Code::Required
        );
        assert!(check_contact(&c, "FR", &ctx)
            .for_field(Field::ContactPhone)
            .is_none());
    }

    #[test]
    fn pristine_drafts_are_recognised() {
        assert!(Draft::default().is_pristine());
        assert!(!french_draft().is_pristine());
    }
}
