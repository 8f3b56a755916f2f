//! **Add customer**: the partner creates the customer's tenant. Company name, the tenant's
//! domain prefix (its availability is looked up live), the customer's admin email, country,
//! Latin-only address, and a registration ID / phone where the country needs one. The
//! address, registration-ID and phone rules are the enrollment ones, called, not copied.

use crate::address::{check_address, Address};
use crate::api::PartnerKind;
use crate::country::find;
use crate::customers::{Customer, RelationshipKind};
use crate::email::{parse, suggest_domain};
use crate::enrollment::Context;
use crate::field::Field;
use crate::field::CUSTOMER_ADDRESS;
use crate::phone::check_phone;
use crate::problem::{max_chars, required, Code, Problem, Report};
use crate::registration::check_registration_id;
use serde::{Deserialize, Serialize};

/// The vendor's limit for an `onmicrosoft.com` prefix, as in enrollment's "Create a work
/// account" step (the same `domain-prefix-format` message states it).
pub const DOMAIN_PREFIX_MAX: usize = 27;
pub const COMPANY_NAME_MAX: usize = 256;
/// A run of this many identical characters earns a warning.
pub const REPEAT_RUN: usize = 4;
/// The vendor's own domains: a customer's admin can't use them (nor their subdomains).
pub const VENDOR_DOMAINS: &[&str] = &["onmicrosoft.com", "microsoft.com"];
/// Endings that make a company name look like a web address ("Contoso.com").
pub const DOMAIN_ENDINGS: &[&str] = &[
    "com", "net", "org", "info", "biz", "io", "co", "eu", "fr", "de", "uk", "us", "ru", "su", "рф",
    "cn", "中国", "公司", "网络",
];

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewCustomer {
    pub company_name: String,
    /// `<prefix>.onmicrosoft.com`, the customer's initial domain.
    pub domain_prefix: String,
    pub admin_first_name: String,
    pub admin_last_name: String,
    /// Where the customer's admin gets the sign-in details: their own address.
    pub admin_email: String,
    #[serde(default)]
    pub phone: String,
    /// Its `country` is the customer's country or region.
    pub address: Address,
    #[serde(default)]
    pub registration_id: String,
    /// A provider adding a customer on behalf of one of its indirect resellers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reseller_id: Option<String>,
}

/// `GET /domain-prefixes/{prefix}`: the live availability answer, keyed by the prefix it
/// checked so that a stale answer (the user typed on) is dropped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DomainPrefixAvailability {
    pub prefix: String,
    pub available: bool,
}

/// Returned once by `POST /customers`: the temporary password is never served again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatedCustomer {
    pub customer: Customer,
    /// `admin@<prefix>.onmicrosoft.com`.
    pub sign_in_name: String,
    pub temporary_password: String,
}

/// Ok carries the warnings (domain-like ending, repeated characters).
pub fn check_company_name(raw: &str) -> Result<Vec<Problem>, Problem> {
    let v = required(raw)?;
    if v.chars().count() == 1 {
        return Err(Code::CompanyNameTooShort.into());
    }
    if !v.chars().any(char::is_alphanumeric) {
        return Err(Code::CompanyNamePunctuation.into());
    }
    max_chars(v, COMPANY_NAME_MAX)?;
    let mut warnings = vec![];
    if let Some(ending) = domain_ending(v) {
        warnings.push(Problem::new(Code::CompanyNameDomainEnding).arg("ending", ending));
    }
    if let Some(c) = repeated_run(v, REPEAT_RUN) {
        warnings.push(Problem::new(Code::CompanyNameRepeated).arg("char", c));
    }
    Ok(warnings)
}

/// `.com`, `.рф`… when the name ends with a dot and a known ending (full-width dots count).
fn domain_ending(name: &str) -> Option<String> {
    let lower = name.to_lowercase();
    let (head, tail) = lower.rsplit_once(['.', '。', '．'])?;
    (!head.trim().is_empty() && DOMAIN_ENDINGS.contains(&tail.trim()))
        .then(|| format!(".{}", tail.trim()))
}

/// The first character (not a space) repeated `n` or more times in a row, ignoring case.
fn repeated_run(name: &str, n: usize) -> Option<char> {
    let mut prev: Option<char> = None;
    let mut run = 0;
    for c in name.chars() {
        let low = c.to_lowercase().next().unwrap_or(c);
        if Some(low) == prev {
            run += 1;
        } else {
            prev = Some(low);
            run = 1;
        }
        if run >= n && !c.is_whitespace() {
            return Some(c);
        }
    }
    None
}

/// `[a-zA-Z0-9]+`, at most 27: returns the prefix lower-cased (domains ignore case).
pub fn check_domain_prefix(raw: &str) -> Result<String, Problem> {
    let v = required(raw)?;
    if v.len() > DOMAIN_PREFIX_MAX || !v.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(Code::DomainPrefixFormat.into());
    }
    Ok(v.to_ascii_lowercase())
}

/// What the live check says about the prefix now in the field: None while there is no
/// answer for this very value (not asked yet, or the answer is for an older value).
pub fn domain_prefix_availability(
    current: &str,
    answer: Option<&DomainPrefixAvailability>,
) -> Option<Result<(), Problem>> {
    let prefix = check_domain_prefix(current).ok()?;
    let a = answer.filter(|a| a.prefix.eq_ignore_ascii_case(&prefix))?;
    Some(if a.available {
        Ok(())
    } else {
        Err(Problem::new(Code::DomainPrefixTaken)
            .arg("domain", format!("{prefix}.onmicrosoft.com")))
    })
}

fn in_domain(domain: &str, parent: &str) -> bool {
    let parent = parent.trim().trim_start_matches(['@', '.']).to_lowercase();
    !parent.is_empty()
        && (domain == parent
            || (domain.len() > parent.len()
                && domain.ends_with(parent.as_str())
                && domain.as_bytes()[domain.len() - parent.len() - 1] == b'.'))
}

/// The customer's admin email: the email module's syntax and "did you mean" check, and
/// neither the partner's own domains (`partner_domains`) nor the vendor's. Consumer and
/// government domains are allowed here: a customer may be a small shop on webmail or a
/// public body. Ok carries warnings.
pub fn check_admin_email(raw: &str, partner_domains: &[&str]) -> Result<Vec<Problem>, Problem> {
    let email = parse(raw)?;
    let d = email.domain.as_str();
    if let Some(v) = VENDOR_DOMAINS.iter().find(|v| in_domain(d, v)) {
        return Err(Problem::new(Code::CustomerEmailVendorDomain).arg("domain", v));
    }
    if let Some(p) = partner_domains.iter().find(|p| in_domain(d, p)) {
        return Err(
            Problem::new(Code::CustomerEmailPartnerDomain).arg("domain", p.trim().to_lowercase())
        );
    }
    Ok(suggest_domain(d)
        .map(|s| {
            Problem::new(Code::EmailDidYouMean).arg("suggestion", format!("{}@{s}", email.local))
        })
        .into_iter()
        .collect())
}

/// The whole form. Fields: `customer.company_name`, `.domain_prefix`, `.admin_first_name`,
/// `.admin_last_name`, `.admin_email`, `.phone`, `.address.*`, `.registration_id`.
pub fn check_new_customer(c: &NewCustomer, partner_domains: &[&str], ctx: &Context) -> Report {
    let mut r = Report::default();
    match check_company_name(&c.company_name) {
        Ok(w) => w
            .into_iter()
            .for_each(|w| r.add(Field::CustomerCompanyName, w)),
        Err(e) => r.add(Field::CustomerCompanyName, e),
    }
    r.check(
        Field::CustomerDomainPrefix,
        check_domain_prefix(&c.domain_prefix).map(|_| ()),
    );
    r.check(
        Field::CustomerAdminFirstName,
        required(&c.admin_first_name).and_then(|v| max_chars(v, 100)),
    );
    r.check(
        Field::CustomerAdminLastName,
        required(&c.admin_last_name).and_then(|v| max_chars(v, 100)),
    );
    match check_admin_email(&c.admin_email, partner_domains) {
        Ok(w) => w
            .into_iter()
            .for_each(|w| r.add(Field::CustomerAdminEmail, w)),
        Err(e) => r.add(Field::CustomerAdminEmail, e),
    }
    let rules = find(&ctx.countries, &c.address.country);
    if !c.phone.trim().is_empty() || rules.is_some_and(|x| x.phone_required) {
        r.check(
            Field::CustomerPhone,
            check_phone(&c.phone, rules, &ctx.countries).map(|_| ()),
        );
    }
    check_address(&c.address, &ctx.countries, &CUSTOMER_ADDRESS, &mut r);
    if let Some(rules) = rules {
        r.check(
            Field::CustomerRegistrationId,
            check_registration_id(&c.registration_id, rules),
        );
    }
    r
}

/// The record a partner's new customer becomes, and its admin's sign-in name. Whose
/// customer it is follows the partner's type: a reseller's own; a provider's direct one; or,
/// when a provider adds it for `for_reseller` (already found among its resellers), the
/// two-tier pair's.
pub fn new_customer_record(
    id: String,
    c: &NewCustomer,
    prefix: &str,
    kind: PartnerKind,
    partner_id: &str,
    for_reseller: Option<String>,
) -> (Customer, String) {
    let me = Some(partner_id.to_owned());
    let (relationship, reseller_id, provider_id) = match (kind, for_reseller) {
        (PartnerKind::IndirectReseller, _) => (RelationshipKind::IndirectReseller, me, None),
        (PartnerKind::IndirectProvider, None) => (RelationshipKind::Reseller, None, me),
        (PartnerKind::IndirectProvider, Some(r)) => {
            (RelationshipKind::IndirectReseller, Some(r), me)
        }
    };
    let domain = format!("{prefix}.onmicrosoft.com");
    let customer = Customer {
        id,
        company_name: c.company_name.trim().into(),
        primary_domain: domain.clone(),
        relationship,
        provider_id,
        reseller_id,
        has_active_subscriptions: false,
        tags: vec![],
        accepted: None,
    };
    (customer, format!("admin@{domain}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn warn_codes(name: &str) -> Vec<Code> {
        check_company_name(name)
            .unwrap()
            .into_iter()
            .map(|p| p.code)
            .collect()
    }

    fn err(name: &str) -> Option<Code> {
        check_company_name(name).err().map(|p| p.code)
    }

    #[test]
    fn company_names_in_any_script() {
        for ok in [
            "Contoso Ltd",
            "ООО «Ромашка»",
            "北京示例有限公司",
            "Société Générale d'Études",
            "3M",
            "Ёж и Ко",
        ] {
            assert_eq!(check_company_name(ok), Ok(vec![]), "{ok}");
        }
        assert_eq!(err(""), Some(Code::Required));
        assert_eq!(err("    "), Some(Code::Required));
        assert_eq!(err("\u{3000}\u{3000}"), Some(Code::Required)); // ideographic spaces
        for one in ["A", "Я", "华", " x "] {
            assert_eq!(err(one), Some(Code::CompanyNameTooShort), "{one}");
        }
        for punct in ["!!", "...", "«»", "——", "！？", "@#$%", "- -"] {
            assert_eq!(err(punct), Some(Code::CompanyNamePunctuation), "{punct}");
        }
        assert_eq!(err(&"Ж".repeat(257)), Some(Code::TooLong));
    }

    #[test]
    fn warnings_for_domain_endings_and_repeats() {
        assert_eq!(
            warn_codes("Contoso.com"),
            vec![Code::CompanyNameDomainEnding]
        );
        assert_eq!(
            warn_codes("Contoso.COM "),
            vec![Code::CompanyNameDomainEnding]
        );
        assert_eq!(
            warn_codes("Ромашка.рф"),
            vec![Code::CompanyNameDomainEnding]
        );
        assert_eq!(
            warn_codes("示例。中国"),
            vec![Code::CompanyNameDomainEnding]
        );
        assert_eq!(
            check_company_name("Fabrikam.net").unwrap()[0].args["ending"],
            ".net"
        );
        assert_eq!(warn_codes("Contoso Ltd."), vec![]);
        assert_eq!(warn_codes("Comcast"), vec![]);
        assert_eq!(warn_codes("AAAA Corp"), vec![Code::CompanyNameRepeated]);
        assert_eq!(warn_codes("Ооооо"), vec![Code::CompanyNameRepeated]);
        assert_eq!(warn_codes("好好好好公司"), vec![Code::CompanyNameRepeated]);
        assert_eq!(warn_codes("Mississippi Steel"), vec![]);
        assert_eq!(warn_codes("Abc    Def"), vec![]);
        assert_eq!(check_company_name("Zzzz.com").unwrap().len(), 2);
        assert!(check_company_name("Zzzz.com")
            .unwrap()
            .iter()
            .all(Problem::is_warning));
    }

    #[test]
    fn domain_prefix() {
        assert_eq!(check_domain_prefix(" Contoso2026 ").unwrap(), "contoso2026");
        assert_eq!(check_domain_prefix(&"a".repeat(27)).unwrap().len(), 27);
        for bad in [
            &"a".repeat(28),
            "contoso-ltd",
            "contoso.com",
            "ромашка",
            "示例",
            "a b",
            "ｃｏｎｔｏｓｏ",
        ] {
            assert_eq!(
                check_domain_prefix(bad).unwrap_err().code,
                Code::DomainPrefixFormat,
                "{bad}"
            );
        }
        assert_eq!(check_domain_prefix("").unwrap_err().code, Code::Required);
    }

    #[test]
    fn live_availability_ignores_stale_answers() {
        let taken = DomainPrefixAvailability {
            prefix: "contoso".into(),
            available: false,
        };
        let free = DomainPrefixAvailability {
            prefix: "contoso2".into(),
            available: true,
        };
        assert_eq!(domain_prefix_availability("Contoso", None), None);
        let p = domain_prefix_availability("Contoso", Some(&taken))
            .unwrap()
            .unwrap_err();
        assert_eq!(
            (p.code, p.args["domain"].as_str()),
            (Code::DomainPrefixTaken, "contoso.onmicrosoft.com")
        );
        assert_eq!(domain_prefix_availability("contoso2", Some(&taken)), None);
        assert_eq!(
            domain_prefix_availability("contoso2", Some(&free)),
            Some(Ok(()))
        );
        assert_eq!(domain_prefix_availability("con-toso", Some(&taken)), None);
    }

    #[test]
    fn admin_email_not_partner_nor_vendor() {
        let partner = ["fabrikam.com", "fabrikam.onmicrosoft.com"];
        assert_eq!(check_admin_email("ivan@romashka.ru", &partner), Ok(vec![]));
        assert_eq!(check_admin_email("wang@例子.中国", &partner), Ok(vec![]));
        assert_eq!(check_admin_email("marie@gmail.com", &partner), Ok(vec![]));
        let code = |e: &str| check_admin_email(e, &partner).unwrap_err().code;
        assert_eq!(code("anna@fabrikam.com"), Code::CustomerEmailPartnerDomain);
        assert_eq!(
            code("Anna@EU.Fabrikam.COM"),
            Code::CustomerEmailPartnerDomain
        );
        assert_eq!(
            code("a@contoso.onmicrosoft.com"),
            Code::CustomerEmailVendorDomain
        );
        assert_eq!(code("a@microsoft.com"), Code::CustomerEmailVendorDomain);
        assert_eq!(code("a@contoso"), Code::EmailFormat);
        assert_eq!(check_admin_email("a@notfabrikam.com", &partner), Ok(vec![]));
        assert_eq!(
            check_admin_email("a@gmial.com", &partner).unwrap()[0].code,
            Code::EmailDidYouMean
        );
    }

    fn french() -> NewCustomer {
        NewCustomer {
            company_name: "Boulangerie Élodie".into(),
            domain_prefix: "boulangerieelodie".into(),
            admin_first_name: "Élodie".into(),
            admin_last_name: "Durand".into(),
            admin_email: "elodie@boulangerie-elodie.fr".into(),
            phone: String::new(),
            address: Address {
                line1: "12 rue de l'Église".into(),
                city: "Orléans".into(),
                postal_code: "45000".into(),
                country: "FR".into(),
                ..Default::default()
            },
            registration_id: String::new(),
            reseller_id: None,
        }
    }

    #[test]
    fn whole_form_french_russian_chinese() {
        let ctx = Context::default();
        assert_eq!(
            check_new_customer(&french(), &["fabrikam.com"], &ctx).0,
            vec![]
        );
        let mut ru = french();
        ru.company_name = "ООО «Ромашка»".into();
        ru.admin_first_name = "Иван".into();
        ru.admin_last_name = "Петров".into();
        ru.admin_email = "ivan@romashka.ru".into();
        ru.address = Address {
            line1: "ул. Тверская, 7".into(),
            city: "Moskva".into(),
            state: "Moskva".into(),
            postal_code: "125009".into(),
            country: "RU".into(),
            ..Default::default()
        };
        let r = check_new_customer(&ru, &[], &ctx);
        assert_eq!(
            r.for_field(Field::CustomerLine1).unwrap().code,
            Code::LatinOnly
        );
        assert_eq!(
            r.for_field(Field::CustomerPhone).unwrap().code,
            Code::Required
        );
        assert_eq!(
            r.for_field(Field::CustomerRegistrationId).unwrap().code,
            Code::Required
        );
        ru.address.line1 = "ul. Tverskaya, 7".into();
        ru.phone = "+7 495 123-45-67".into();
        ru.registration_id = "7707083893".into();
        assert_eq!(check_new_customer(&ru, &[], &ctx).0, vec![]);
        let mut cn = french();
        cn.company_name = "北京示例有限公司".into();
        cn.admin_email = "wang@shili.cn".into();
        cn.address = Address {
            line1: "Chaoyang District, 1 Jianguomenwai Dajie".into(),
            city: "Beijing".into(),
            state: "Beijing".into(),
            postal_code: "100020".into(),
            country: "CN".into(),
            ..Default::default()
        };
        cn.registration_id = "91350100M000100Y4".into();
        let r = check_new_customer(&cn, &[], &ctx);
        assert_eq!(
            r.for_field(Field::CustomerRegistrationId).unwrap().code,
            Code::UsccFormat
        );
        cn.address.city = "北京".into();
        assert_eq!(
            check_new_customer(&cn, &[], &ctx)
                .for_field(Field::CustomerCity)
                .unwrap()
                .code,
            Code::LatinOnly
        );
        let mut none = NewCustomer::default();
        none.address.country = "ZZ".into();
        let r = check_new_customer(&none, &[], &ctx);
        assert_eq!(
            r.for_field(Field::CustomerCountry).unwrap().code,
            Code::CountryUnknown
        );
        assert_eq!(
            r.for_field(Field::CustomerCompanyName).unwrap().code,
            Code::Required
        );
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC*") {
            let _ = check_company_name(&s);
            let _ = check_domain_prefix(&s);
            let _ = check_admin_email(&s, &[s.as_str()]);
            let c = NewCustomer { company_name: s.clone(), domain_prefix: s.clone(), admin_email: s.clone(), ..Default::default() };
            let _ = check_new_customer(&c, &["fabrikam.com"], &Context::default());
        }
    }

    #[test]
    fn a_new_customer_belongs_where_the_partner_type_says() {
        let c = NewCustomer {
            company_name: " Durand SARL ".into(),
            ..NewCustomer::default()
        };
        let record = |kind, r: Option<&str>| {
            let (c, admin) =
                new_customer_record("c1".into(), &c, "durand", kind, "me", r.map(Into::into));
            assert_eq!(
                (c.company_name.as_str(), admin.as_str()),
                ("Durand SARL", "admin@durand.onmicrosoft.com")
            );
            assert_eq!(c.primary_domain, "durand.onmicrosoft.com");
            (c.relationship, c.reseller_id, c.provider_id)
        };
        let me = Some("me".to_string());
        assert_eq!(
            record(PartnerKind::IndirectReseller, Some("r1")),
            (RelationshipKind::IndirectReseller, me.clone(), None)
        );
        assert_eq!(
            record(PartnerKind::IndirectProvider, None),
            (RelationshipKind::Reseller, None, me.clone())
        );
        assert_eq!(
            record(PartnerKind::IndirectProvider, Some("r1")),
            (RelationshipKind::IndirectReseller, Some("r1".into()), me)
        );
    }
}
