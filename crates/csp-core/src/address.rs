//! Postal addresses: the country decides which fields are required and the postal-code
//! pattern; the vendor accepts Latin characters only.

use crate::country::{find, CountryRules};
use crate::field::AddressFields;
use crate::problem::{Code, Problem, Report};
use serde::{Deserialize, Serialize};
use validator::Validate;

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

/// Checks a whole address; each problem lands on its field of `fields`.
pub fn check_address(
    a: &Address,
    countries: &[CountryRules],
    fields: &AddressFields,
    report: &mut Report,
) {
    // Without a country the other parts are still checked, as the form labels them (city and
    // postal code required), so one Continue shows every problem at once.
    let rules = find(countries, &a.country);
    if rules.is_none() {
        report.add(
            fields.country,
            if a.country.trim().is_empty() {
                Code::Required
            } else {
                Code::CountryUnknown
            },
        );
    }
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
    let mut text = |field, name: &str, value: &str, needed: bool| {
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
        report.check(field, r);
    };
    text(fields.line1, "line1", &a.line1, true);
    text(fields.line2, "line2", &a.line2, false);
    text(
        fields.city,
        "city",
        &a.city,
        rules.is_none_or(|r| r.city_required),
    );
    text(
        fields.state,
        "state",
        &a.state,
        rules.is_some_and(|r| r.state_required),
    );
    match rules {
        Some(rules) => report.check(fields.postal_code, check_postal_code(&a.postal_code, rules)),
        None => text(fields.postal_code, "postal_code", &a.postal_code, true),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::country::default_countries;
    use crate::field::{Field, LEGAL_ADDRESS};

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

    fn problems(a: &Address) -> Vec<(Field, Code)> {
        let mut r = Report::default();
        check_address(a, &default_countries(), &LEGAL_ADDRESS, &mut r);
        r.0.into_iter().map(|p| (p.field, p.problem.code)).collect()
    }

    #[test]
    fn an_empty_address_shows_every_missing_part_at_once() {
        assert_eq!(
            problems(&addr("", "", "", "", "")),
            vec![
                (Field::LegalCountry, Code::Required),
                (Field::LegalLine1, Code::Required),
                (Field::LegalCity, Code::Required),
                (Field::LegalPostalCode, Code::Required),
            ]
        );
        // Without a country, what is typed is still held to Latin characters.
        assert!(problems(&addr("", "ул. Ленина", "Paris", "", "75001"))
            .contains(&(Field::LegalLine1, Code::LatinOnly)));
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
            vec![(Field::LegalState, Code::Required)]
        );
        assert_eq!(
            problems(&addr("US", "1 Microsoft Way", "Redmond", "", "98052")),
            vec![(Field::LegalState, Code::Required)]
        );
        assert_eq!(
            problems(&addr("", "x", "y", "", "1")),
            vec![(Field::LegalCountry, Code::Required)]
        );
        assert_eq!(
            problems(&addr("XX", "x", "y", "", "1")),
            vec![(Field::LegalCountry, Code::CountryUnknown)]
        );
    }

    #[test]
    fn address_text_must_be_latin() {
        let p = problems(&addr("RU", "ул. Тверская, 7", "Москва", "Moskva", "125009"));
        assert_eq!(
            p,
            vec![
                (Field::LegalLine1, Code::LatinOnly),
                (Field::LegalCity, Code::LatinOnly)
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
        assert_eq!(p, vec![(Field::LegalLine1, Code::TooLong)]);
        let mut r = Report::default();
        check_address(
            &addr("FR", &long, "Paris", "", "75001"),
            &default_countries(),
            &LEGAL_ADDRESS,
            &mut r,
        );
        assert_eq!(r.0[0].problem.args["max"], "200");
        // Limits count characters, not bytes: 200 Cyrillic letters fit.
        let cyr = "ж".repeat(200);
        assert!(addr("FR", &cyr, "Paris", "", "75001").validate().is_ok());
        assert!(addr("FR", &long, "Paris", "", "75001").validate().is_err());
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC*", c in "[A-Z]{2}") {
            let mut r = Report::default();
            check_address(&addr(&c, &s, &s, &s, &s), &default_countries(), &LEGAL_ADDRESS, &mut r);
        }
    }
}
