//! Legal address and registration IDs, driven by per-country rules (libaddressinput-style data
//! that the backend can serve and an operator can change).

use crate::problem::{required, Code, Problem, Report};
use serde::{Deserialize, Serialize};
use validator::Validate;

/// Which bank form a country uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BankForm {
    /// IBAN + BIC.
    Iban,
    /// Russia: BIK + settlement account.
    Ru,
    /// United States: ABA routing number + account number.
    Us,
    /// Account number + SWIFT code.
    Swift,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RegistrationId {
    /// Russia: taxpayer number, 10 digits (companies) or 12 (sole traders), with checksums.
    Inn,
    /// China: unified social credit code, 18 characters with a check character.
    Uscc,
}

/// The per-country rules resource of the API contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountryRules {
    /// ISO 3166-1 alpha-2.
    pub code: String,
    /// E.164 country calling code, digits only.
    pub calling_code: String,
    #[serde(default)]
    pub postal_code_pattern: Option<String>,
    #[serde(default)]
    pub postal_code_example: Option<String>,
    pub postal_code_required: bool,
    pub state_required: bool,
    pub city_required: bool,
    pub phone_required: bool,
    #[serde(default)]
    pub registration_id: Option<RegistrationId>,
    #[serde(default)]
    pub iban_length: Option<usize>,
    pub bank_form: BankForm,
}

/// The built-in table (48 markets), also what the in-browser backend serves.
pub fn default_countries() -> Vec<CountryRules> {
    serde_json::from_str(include_str!("../data/countries.json"))
        .expect("built-in countries.json is valid")
}

pub fn find<'a>(rules: &'a [CountryRules], code: &str) -> Option<&'a CountryRules> {
    rules
        .iter()
        .find(|c| c.code.eq_ignore_ascii_case(code.trim()))
}

/// A postal address, with the vendor API's limits.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct Address {
    #[validate(length(max = 200))]
    pub line1: String,
    #[validate(length(max = 200))]
    pub line2: String,
    #[validate(length(max = 100))]
    pub city: String,
    #[validate(length(max = 100))]
    pub state: String,
    #[validate(length(max = 20))]
    pub postal_code: String,
    pub country: String,
}

/// The vendor accepts Western European (Latin) characters only: basic Latin, Latin-1 and the
/// Latin extensions (so "Łódź" and "Ærøskøbing" pass, "Москва" and "北京" don't).
pub fn latin_only(value: &str) -> Result<(), Problem> {
    match value.chars().find(|c| !is_latin(*c)) {
        Some(c) => Err(Problem::new(Code::LatinOnly).arg("char", c)),
        None => Ok(()),
    }
}

fn is_latin(c: char) -> bool {
    matches!(c as u32, 0x20..=0x7E | 0xA0..=0x24F | 0x1E00..=0x1EFF | 0x2018..=0x201E | 0x2013 | 0x2014)
}

/// Normalizes a postal code (trim, upper case, single spaces) before the pattern check.
pub fn normalize_postal_code(raw: &str) -> String {
    raw.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_uppercase()
}

pub fn check_postal_code(raw: &str, rules: &CountryRules) -> Result<(), Problem> {
    let code = normalize_postal_code(raw);
    if code.is_empty() {
        return if rules.postal_code_required {
            Err(Code::Required.into())
        } else {
            Ok(())
        };
    }
    let Some(pattern) = &rules.postal_code_pattern else {
        return Ok(());
    };
    if matches_whole(pattern, &code).ok_or_else(|| Problem::new(Code::PostalCodeFormat))? {
        Ok(())
    } else {
        Err(Problem::new(Code::PostalCodeFormat).arg(
            "example",
            rules.postal_code_example.clone().unwrap_or_default(),
        ))
    }
}

/// Matches a whole postal code against a pattern; None when the pattern is not a valid regex.
pub type PatternMatcher = fn(pattern: &str, text: &str) -> Option<bool>;

static MATCHER: std::sync::OnceLock<PatternMatcher> = std::sync::OnceLock::new();

/// Installs the regex engine for postal-code patterns. Native builds have regex-lite (feature
/// `regex`, on by default); the browser app installs the platform's RegExp, which runs the same
/// libaddressinput patterns and keeps regex-lite's ~12 KB gzip out of its first load. The first
/// call wins.
pub fn set_pattern_matcher(m: PatternMatcher) {
    let _ = MATCHER.set(m);
}

fn matches_whole(pattern: &str, text: &str) -> Option<bool> {
    match MATCHER.get() {
        Some(m) => m(pattern, text),
        None => builtin_matcher(pattern, text),
    }
}

#[cfg(feature = "regex")]
fn builtin_matcher(pattern: &str, text: &str) -> Option<bool> {
    thread_local! {
        /// Compiled patterns: validation runs on every keystroke after a failed Continue.
        static PATTERNS: std::cell::RefCell<std::collections::HashMap<String, regex_lite::Regex>> = Default::default();
    }
    PATTERNS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if !cache.contains_key(pattern) {
            let re = regex_lite::Regex::new(&format!("^(?:{pattern})$")).ok()?;
            cache.insert(pattern.to_owned(), re);
        }
        Some(cache[pattern].is_match(text))
    })
}

/// Without an engine the pattern is not checked here: the backend checks it on submit.
#[cfg(not(feature = "regex"))]
fn builtin_matcher(_pattern: &str, _text: &str) -> Option<bool> {
    Some(true)
}

/// Checks a whole address; problems are placed on `{prefix}.line1`, `{prefix}.city` and so on.
pub fn check_address(a: &Address, countries: &[CountryRules], prefix: &str, report: &mut Report) {
    let f = |name: &str| format!("{prefix}.{name}");
    let Some(rules) = find(countries, &a.country) else {
        report.add(
            &f("country"),
            if a.country.trim().is_empty() {
                Code::Required
            } else {
                Code::CountryUnknown
            },
        );
        return;
    };
    // The vendor API's length limits, declared on `Address` and checked by validator's derive.
    let limits = a.validate().err();
    let too_long = |name: &str| -> Option<Problem> {
        let errs = limits.as_ref()?.field_errors();
        let max = errs
            .get(name)?
            .iter()
            .find(|e| e.code == "length")?
            .params
            .get("max")?
            .as_u64()?;
        Some(Problem::new(Code::TooLong).arg("max", max))
    };
    let mut text = |name: &str, value: &str, needed: bool| {
        let r = if value.trim().is_empty() {
            if needed {
                Err(Code::Required.into())
            } else {
                Ok(())
            }
        } else if let Some(p) = too_long(name) {
            Err(p)
        } else {
            latin_only(value)
        };
        report.check(&f(name), r);
    };
    text("line1", &a.line1, true);
    text("line2", &a.line2, false);
    text("city", &a.city, rules.city_required);
    text("state", &a.state, rules.state_required);
    report.check(&f("postal_code"), check_postal_code(&a.postal_code, rules));
}

/// Russian INN: 10 digits (one check digit) or 12 digits (two).
pub fn check_inn(raw: &str) -> Result<(), Problem> {
    let s = required(raw)?;
    let d: Vec<u32> = s.chars().filter_map(|c| c.to_digit(10)).collect();
    if d.len() != s.chars().count() || !(d.len() == 10 || d.len() == 12) {
        return Err(Code::InnFormat.into());
    }
    let check = |weights: &[u32]| weights.iter().zip(&d).map(|(w, x)| w * x).sum::<u32>() % 11 % 10;
    let ok = if d.len() == 10 {
        check(&[2, 4, 10, 3, 5, 9, 4, 6, 8]) == d[9]
    } else {
        check(&[7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) == d[10]
            && check(&[3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) == d[11]
    };
    if ok {
        Ok(())
    } else {
        Err(Code::InnChecksum.into())
    }
}

const USCC_CHARS: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/// Chinese unified social credit code (GB 32100-2015): 18 characters, the last a mod-31 check.
pub fn check_uscc(raw: &str) -> Result<(), Problem> {
    let s = required(raw)?.to_ascii_uppercase();
    let vals: Vec<usize> = s.chars().filter_map(|c| USCC_CHARS.find(c)).collect();
    if s.chars().count() != 18 || vals.len() != 18 {
        return Err(Code::UsccFormat.into());
    }
    const W: [usize; 17] = [
        1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
    ];
    let sum: usize = W.iter().zip(&vals).map(|(w, v)| w * v).sum();
    if (31 - sum % 31) % 31 == vals[17] {
        Ok(())
    } else {
        Err(Code::UsccChecksum.into())
    }
}

/// The registration ID a country requires, if any.
pub fn check_registration_id(raw: &str, rules: &CountryRules) -> Result<(), Problem> {
    match rules.registration_id {
        Some(RegistrationId::Inn) => check_inn(raw),
        Some(RegistrationId::Uscc) => check_uscc(raw),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(c: &str) -> CountryRules {
        find(&default_countries(), c).unwrap().clone()
    }

    fn addr(country: &str, line1: &str, city: &str, state: &str, pc: &str) -> Address {
        Address {
            line1: line1.into(),
            city: city.into(),
            state: state.into(),
            postal_code: pc.into(),
            country: country.into(),
            ..Default::default()
        }
    }

    fn problems(a: &Address) -> Vec<(String, Code)> {
        let mut r = Report::default();
        check_address(a, &default_countries(), "legal.address", &mut r);
        r.0.into_iter().map(|p| (p.field, p.problem.code)).collect()
    }

    #[test]
    fn postal_codes_per_country() {
        assert!(check_postal_code("75008", &rules("FR")).is_ok());
        assert!(check_postal_code("75 008", &rules("FR")).is_ok());
        assert_eq!(
            check_postal_code("7500", &rules("FR")).unwrap_err().args["example"],
            "75008"
        );
        assert!(check_postal_code("125075", &rules("RU")).is_ok());
        assert!(check_postal_code("12507", &rules("RU")).is_err());
        assert!(check_postal_code("266033", &rules("CN")).is_ok());
        assert!(check_postal_code("95014-1234", &rules("US")).is_ok());
        assert!(check_postal_code("sw1a 1aa", &rules("GB")).is_ok());
        assert!(check_postal_code("", &rules("HK")).is_ok());
        assert_eq!(
            check_postal_code(" ", &rules("DE")).unwrap_err().code,
            Code::Required
        );
    }

    #[test]
    fn country_decides_required_fields() {
        assert_eq!(
            problems(&addr("FR", "1 rue de Rivoli", "Paris", "", "75001")),
            vec![]
        );
        assert_eq!(
            problems(&addr(
                "CN",
                "No. 1 Zhongguancun St",
                "Beijing",
                "",
                "100080"
            )),
            vec![("legal.address.state".into(), Code::Required)]
        );
        assert_eq!(
            problems(&addr("US", "1 Microsoft Way", "Redmond", "", "98052")),
            vec![("legal.address.state".into(), Code::Required)]
        );
        assert_eq!(
            problems(&addr("", "x", "y", "", "1")),
            vec![("legal.address.country".into(), Code::Required)]
        );
        assert_eq!(
            problems(&addr("XX", "x", "y", "", "1")),
            vec![("legal.address.country".into(), Code::CountryUnknown)]
        );
    }

    #[test]
    fn address_text_must_be_latin() {
        let p = problems(&addr("RU", "ул. Тверская, 7", "Москва", "Moskva", "125009"));
        assert_eq!(
            p,
            vec![
                ("legal.address.line1".into(), Code::LatinOnly),
                ("legal.address.city".into(), Code::LatinOnly)
            ]
        );
        assert_eq!(
            problems(&addr(
                "RU",
                "ul. Tverskaya, 7",
                "Moskva",
                "Moskva",
                "125009"
            )),
            vec![]
        );
        assert_eq!(latin_only("北京").unwrap_err().args["char"], "北");
        assert!(latin_only("Łódź, Ærøskøbing, Zürich – “Rue”").is_ok());
        assert!(latin_only("Ἀθηνᾶ").is_err());
    }

    #[test]
    fn address_lines_have_the_vendor_limits() {
        let long = "a".repeat(201);
        let p = problems(&addr("FR", &long, "Paris", "", "75001"));
        assert_eq!(p, vec![("legal.address.line1".into(), Code::TooLong)]);
        let mut r = Report::default();
        check_address(
            &addr("FR", &long, "Paris", "", "75001"),
            &default_countries(),
            "a",
            &mut r,
        );
        assert_eq!(r.0[0].problem.args["max"], "200");
        // Limits count characters, not bytes: 200 Cyrillic letters fit.
        let cyr = "ж".repeat(200);
        assert!(addr("FR", &cyr, "Paris", "", "75001").validate().is_ok());
        assert!(addr("FR", &long, "Paris", "", "75001").validate().is_err());
    }

    #[test]
    fn inn_checksums() {
        assert!(check_inn("7707083893").is_ok()); // Sberbank
        assert!(check_inn("500100732259").is_ok()); // a 12-digit INN
        assert_eq!(check_inn("7707083894").unwrap_err().code, Code::InnChecksum);
        assert_eq!(check_inn("770708389").unwrap_err().code, Code::InnFormat);
        assert_eq!(check_inn("77070838９3").unwrap_err().code, Code::InnFormat);
    }

    #[test]
    fn uscc_checksum() {
        assert!(check_uscc("91350100M000100Y43").is_ok());
        assert!(check_uscc("91350100m000100y43").is_ok());
        assert_eq!(
            check_uscc("91350100M000100Y44").unwrap_err().code,
            Code::UsccChecksum
        );
        assert_eq!(
            check_uscc("91350100M000100Y4").unwrap_err().code,
            Code::UsccFormat
        );
        assert_eq!(
            check_uscc("91350100I000100Y43").unwrap_err().code,
            Code::UsccFormat
        );
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC*", c in "[A-Z]{2}") {
            let _ = check_inn(&s);
            let _ = check_uscc(&s);
            let mut r = Report::default();
            check_address(&addr(&c, &s, &s, &s, &s), &default_countries(), "a", &mut r);
        }
    }
}
