//! Work email addresses: syntax, consumer webmail, role mailboxes, government domains.
//!
//! The syntax check is hand-written on purpose: `validator`'s email check pulls `regex` and
//! `idna` and adds ~145 KB gzip to the wasm (measured), for a check that the backend repeats
//! anyway. This one follows the WHATWG "valid e-mail address" grammar (what `type=email`
//! accepts), widened to Unicode domain labels so IDN domains (`почта.рф`, `例子.中国`) pass.

use crate::problem::{Code, Problem};
use std::collections::HashSet;

/// Consumer-webmail and government rules, as data: built-in defaults plus what an operator
/// configures at run time (`static/config.json`) and the full list fetched from `static/`.
#[derive(Debug, Clone, Default)]
pub struct DomainPolicy {
    consumer: HashSet<String>,
    allowed: HashSet<String>,
    government_suffixes: Vec<String>,
}

/// Providers that must be refused even before the full list has loaded.
pub const CORE_CONSUMER_DOMAINS: &[&str] = &[
    "gmail.com",
    "googlemail.com",
    "yahoo.com",
    "yahoo.fr",
    "yahoo.co.uk",
    "ymail.com",
    "icloud.com",
    "me.com",
    "mac.com",
    "aol.com",
    "aol.fr",
    "outlook.com",
    "outlook.fr",
    "hotmail.com",
    "hotmail.fr",
    "hotmail.co.uk",
    "live.com",
    "live.fr",
    "msn.com",
    "mail.ru",
    "inbox.ru",
    "list.ru",
    "bk.ru",
    "yandex.ru",
    "yandex.com",
    "ya.ru",
    "rambler.ru",
    "qq.com",
    "163.com",
    "126.com",
    "yeah.net",
    "sina.com",
    "sina.cn",
    "sohu.com",
    "foxmail.com",
    "aliyun.com",
    "orange.fr",
    "wanadoo.fr",
    "free.fr",
    "laposte.net",
    "sfr.fr",
    "neuf.fr",
    "gmx.com",
    "gmx.de",
    "gmx.fr",
    "gmx.net",
    "web.de",
    "proton.me",
    "protonmail.com",
    "zoho.com",
];

/// Providers the issue names: the full list must refuse every one (checked by the tests).
pub const REQUIRED_CONSUMER_DOMAINS: &[&str] = &[
    "gmail.com",
    "yahoo.com",
    "icloud.com",
    "me.com",
    "aol.com",
    "outlook.com",
    "hotmail.com",
    "live.com",
    "mail.ru",
    "yandex.ru",
    "rambler.ru",
    "qq.com",
    "163.com",
    "126.com",
    "sina.com",
    "sohu.com",
    "foxmail.com",
    "orange.fr",
    "free.fr",
    "laposte.net",
    "sfr.fr",
    "wanadoo.fr",
    "gmx.de",
    "gmx.com",
];

/// Built-in government suffixes; an operator can add more.
pub const GOVERNMENT_SUFFIXES: &[&str] = &[
    "gov",
    "mil",
    "gouv.fr",
    "gov.ru",
    "gov.cn",
    "gov.uk",
    "gc.ca",
    "gv.at",
    "admin.ch",
    "europa.eu",
    "bund.de",
    "gob.es",
    "gob.mx",
    "gov.br",
    "go.jp",
    "gov.in",
    "gov.au",
];

/// Local parts that name a function, not a person: refused for the primary contact.
pub const ROLE_MAILBOXES: &[&str] = &[
    "info",
    "admin",
    "administrator",
    "email",
    "mail",
    "marketing",
    "sales",
    "contact",
    "office",
    "hello",
    "webmaster",
    "postmaster",
    "hostmaster",
    "noreply",
    "no-reply",
    "root",
    "abuse",
];

/// Big providers whose misspellings get a "did you mean" warning.
const POPULAR: &[&str] = &[
    "gmail.com",
    "yahoo.com",
    "hotmail.com",
    "outlook.com",
    "icloud.com",
    "aol.com",
    "live.com",
    "mail.ru",
    "yandex.ru",
    "rambler.ru",
    "qq.com",
    "163.com",
    "126.com",
    "orange.fr",
    "wanadoo.fr",
    "laposte.net",
    "free.fr",
    "gmx.com",
];

impl DomainPolicy {
    /// The built-in rules: the core consumer providers and government suffixes.
    pub fn builtin() -> Self {
        let mut p = DomainPolicy::default();
        p.add_consumer(CORE_CONSUMER_DOMAINS.iter().copied());
        p.government_suffixes = GOVERNMENT_SUFFIXES.iter().map(|s| s.to_string()).collect();
        p
    }

    /// Adds consumer domains (one per item; blank lines and `#` comments are skipped, so a
    /// fetched list file can be passed line by line).
    pub fn add_consumer<'a>(&mut self, domains: impl IntoIterator<Item = &'a str>) {
        for d in domains {
            let d = d.trim();
            if !d.is_empty() && !d.starts_with('#') {
                self.consumer.insert(d.to_lowercase());
            }
        }
    }

    /// Domains the operator accepts although a list names them (a company on a listed domain).
    pub fn allow<'a>(&mut self, domains: impl IntoIterator<Item = &'a str>) {
        self.allowed
            .extend(domains.into_iter().map(|d| d.trim().to_lowercase()));
    }

    pub fn add_government<'a>(&mut self, suffixes: impl IntoIterator<Item = &'a str>) {
        self.government_suffixes.extend(
            suffixes
                .into_iter()
                .map(|d| d.trim().trim_start_matches('.').to_lowercase()),
        );
    }

    pub fn consumer_count(&self) -> usize {
        self.consumer.len()
    }

    pub fn is_consumer(&self, domain: &str) -> bool {
        !self.allowed.contains(domain) && self.consumer.contains(domain)
    }

    pub fn is_government(&self, domain: &str) -> bool {
        !self.allowed.contains(domain)
            && self.government_suffixes.iter().any(|s| {
                domain == s
                    || (domain.len() > s.len()
                        && domain.ends_with(s.as_str())
                        && domain.as_bytes()[domain.len() - s.len() - 1] == b'.')
            })
    }
}

/// What the address is for: the primary contact may not be a role mailbox, support may.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    PrimaryContact,
    Support,
    User,
}

/// A syntactically valid address, trimmed, with its domain lower-cased.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email {
    pub local: String,
    pub domain: String,
}

impl std::fmt::Display for Email {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}@{}", self.local, self.domain)
    }
}

/// Trims, maps full-width `＠` and ideographic full stops (typed by Chinese IMEs) to ASCII,
/// and lower-cases the domain; the local part keeps its case, as RFC 5321 allows.
pub fn normalize(raw: &str) -> String {
    let s: String = raw
        .trim()
        .chars()
        .map(|c| match c {
            '＠' => '@',
            '。' | '．' | '｡' => '.',
            c => c,
        })
        .collect();
    match s.rsplit_once('@') {
        Some((l, d)) => format!("{l}@{}", d.to_lowercase()),
        None => s,
    }
}

/// Syntax only.
pub fn parse(raw: &str) -> Result<Email, Problem> {
    let s = normalize(raw);
    if s.is_empty() {
        return Err(Problem::new(Code::Required));
    }
    let bad = || Problem::new(Code::EmailFormat);
    let (local, domain) = s.rsplit_once('@').ok_or_else(bad)?;
    if s.chars().count() > 254 || local.is_empty() || local.len() > 64 {
        return Err(bad());
    }
    let local_ok = local
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || ".!#$%&'*+/=?^_`{|}~-".contains(c))
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..");
    if !local_ok || !domain_ok(domain) {
        return Err(bad());
    }
    Ok(Email {
        local: local.to_owned(),
        domain: domain.to_owned(),
    })
}

fn domain_ok(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| {
            let n = l.chars().count();
            (1..=63).contains(&n)
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
                && !l.starts_with('-')
                && !l.ends_with('-')
        })
        && !labels
            .last()
            .is_some_and(|t| t.chars().all(|c| c.is_ascii_digit()) || t.chars().count() < 2)
}

/// The full work-email rule. `Ok` carries the warnings (onmicrosoft, a likely typo).
pub fn check_work_email(
    raw: &str,
    purpose: Purpose,
    policy: &DomainPolicy,
) -> Result<Vec<Problem>, Problem> {
    let email = parse(raw)?;
    let domain = email.domain.as_str();
    if policy.is_consumer(domain) {
        return Err(Problem::new(Code::EmailConsumer).arg("domain", domain));
    }
    if policy.is_government(domain) {
        return Err(Problem::new(Code::EmailGovernment).arg("domain", domain));
    }
    if purpose == Purpose::PrimaryContact
        && ROLE_MAILBOXES.contains(&email.local.to_lowercase().as_str())
    {
        return Err(Problem::new(Code::EmailRoleMailbox).arg("mailbox", &email.local));
    }
    let mut warnings = Vec::new();
    if domain.ends_with(".onmicrosoft.com") {
        warnings.push(Problem::new(Code::EmailOnMicrosoft).arg("domain", domain));
    }
    if let Some(s) = suggest_domain(domain) {
        warnings.push(
            Problem::new(Code::EmailDidYouMean).arg("suggestion", format!("{}@{s}", email.local)),
        );
    }
    Ok(warnings)
}

/// A popular provider one edit away (insert, delete, substitute or swap), if `domain` isn't one.
pub fn suggest_domain(domain: &str) -> Option<&'static str> {
    if POPULAR.contains(&domain) {
        return None;
    }
    POPULAR
        .iter()
        .copied()
        .find(|p| osa_distance(domain, p) == 1)
}

/// Optimal string alignment distance (Damerau–Levenshtein without repeated edits), on three
/// rolling rows: it runs on every check, so it must not allocate a table.
fn osa_distance(a: &str, b: &str) -> usize {
    if a.len().abs_diff(b.len()) > 4 {
        return 2; // byte lengths this far apart are more than one edit apart
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > 1 {
        return 2;
    }
    let n = b.len() + 1;
    let (mut prev2, mut prev, mut cur) =
        (vec![0usize; n], (0..n).collect::<Vec<_>>(), vec![0usize; n]);
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..n {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cur[j] = cur[j].min(prev2[j - 2] + 1);
            }
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[n - 1]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy() -> DomainPolicy {
        DomainPolicy::builtin()
    }

    fn code(raw: &str, purpose: Purpose) -> Option<Code> {
        check_work_email(raw, purpose, &policy())
            .err()
            .map(|p| p.code)
    }

    #[test]
    fn accepts_company_addresses_trimmed_and_case_insensitive() {
        assert_eq!(
            check_work_email(
                "  Anna.Petrova@Contoso.COM ",
                Purpose::PrimaryContact,
                &policy()
            ),
            Ok(vec![])
        );
        assert_eq!(parse("Anna@Contoso.COM").unwrap().domain, "contoso.com");
        assert_eq!(parse("Anna@Contoso.COM").unwrap().local, "Anna");
    }

    #[test]
    fn accepts_idn_domains_in_cyrillic_and_chinese() {
        assert!(parse("ivan@почта.рф").is_ok());
        assert!(parse("wang@例子.中国").is_ok());
        assert_eq!(parse("Ivan@ПОЧТА.РФ").unwrap().domain, "почта.рф");
    }

    #[test]
    fn maps_full_width_at_and_ideographic_stop() {
        assert_eq!(
            parse("li＠contoso。cn").unwrap().to_string(),
            "li@contoso.cn"
        );
    }

    #[test]
    fn rejects_bad_syntax() {
        for bad in [
            "",
            "anna",
            "anna@",
            "@contoso.com",
            "anna@contoso",
            "an na@contoso.com",
            "anna..b@contoso.com",
            ".anna@contoso.com",
            "anna@-contoso.com",
            "anna@contoso.c",
            "anna@contoso.123",
            "анна@контора.рф",
            "anna@contoso..com",
            "a@b@contoso.com",
        ] {
            assert!(parse(bad).is_err(), "{bad} should be refused");
        }
        assert_eq!(parse("   ").unwrap_err().code, Code::Required);
    }

    #[test]
    fn refuses_consumer_webmail_case_insensitively() {
        let shouted = REQUIRED_CONSUMER_DOMAINS.iter().map(|d| d.to_uppercase());
        for d in REQUIRED_CONSUMER_DOMAINS
            .iter()
            .map(|d| d.to_string())
            .chain(shouted)
        {
            let e =
                check_work_email(&format!("someone@{d}"), Purpose::User, &policy()).unwrap_err();
            assert_eq!(e.code, Code::EmailConsumer, "{d}");
            assert_eq!(e.args["domain"], d.to_lowercase());
        }
    }

    #[test]
    fn operator_can_add_and_allow_domains() {
        let mut p = policy();
        p.add_consumer("# comment\nexample-mail.ru\n\n".lines());
        assert_eq!(
            check_work_email("a@example-mail.ru", Purpose::User, &p)
                .unwrap_err()
                .code,
            Code::EmailConsumer
        );
        p.allow(["gmail.com"]);
        assert!(check_work_email("a@gmail.com", Purpose::User, &p).is_ok());
    }

    #[test]
    fn role_mailboxes_refused_only_for_primary_contact() {
        for address in [
            "info@contoso.com",
            "Marketing@contoso.com",
            "email@contoso.fr",
            "admin@contoso.cn",
        ] {
            let found = code(address, Purpose::PrimaryContact);
            assert_eq!(found, Some(Code::EmailRoleMailbox), "{address}");
        }
        assert_eq!(code("info@contoso.com", Purpose::Support), None);
    }

    #[test]
    fn government_domains_refused() {
        for address in [
            "jean@interieur.gouv.fr",
            "ivan@minfin.gov.ru",
            "li@beijing.gov.cn",
            "joe@nasa.gov",
            "joe@navy.mil",
        ] {
            let found = code(address, Purpose::User);
            assert_eq!(found, Some(Code::EmailGovernment), "{address}");
        }
        assert_eq!(code("joe@legov.com", Purpose::User), None);
    }

    #[test]
    fn onmicrosoft_is_a_warning() {
        let w = check_work_email(
            "anna@contoso.onmicrosoft.com",
            Purpose::PrimaryContact,
            &policy(),
        )
        .unwrap();
        assert_eq!(w[0].code, Code::EmailOnMicrosoft);
        assert!(w[0].is_warning());
    }

    #[test]
    fn misspelled_providers_get_did_you_mean() {
        for (typo, fix) in [
            ("gmial.com", "gmail.com"),
            ("hotmial.com", "hotmail.com"),
            ("yahooo.com", "yahoo.com"),
            ("mail.rru", "mail.ru"),
        ] {
            let w = check_work_email(&format!("a@{typo}"), Purpose::User, &policy()).unwrap();
            assert_eq!(w[0].code, Code::EmailDidYouMean, "{typo}");
            assert_eq!(w[0].args["suggestion"], format!("a@{fix}"));
        }
        assert_eq!(suggest_domain("contoso.com"), None);
        assert_eq!(osa_distance("ab", "ba"), 1);
        assert_eq!(osa_distance("", "a"), 1);
        assert_eq!(osa_distance("abc", "abc"), 0);
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC*") {
            let _ = check_work_email(&s, Purpose::PrimaryContact, &policy());
        }

        #[test]
        fn generated_company_addresses_pass(local in "[a-z][a-z0-9.]{0,20}[a-z0-9]", dom in "[a-z][a-z0-9-]{0,20}[a-z0-9]") {
            proptest::prop_assume!(!local.contains("..") && !ROLE_MAILBOXES.contains(&local.as_str()));
            let addr = format!("{local}@{dom}-corp.com");
            proptest::prop_assert!(check_work_email(&addr, Purpose::PrimaryContact, &policy()).is_ok(), "{}", addr);
        }
    }
}
