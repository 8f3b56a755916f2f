//! The business profile a partner publishes, and the directory of indirect providers that
//! shows it to indirect resellers: what a profile holds and how it is checked, which
//! description a reader sees, and which providers a reseller's search finds.
//!
//! A provider's listing *is* its business profile: a provider that has not published one is
//! not listed (a reseller could do nothing with a name it cannot contact).

use crate::country::CountryRules;
use crate::field::Field;
use crate::paging::{Ordered, Position};
use crate::partners::{PartnerSummary, PartnershipStatus};
use crate::problem::{max_chars, Code, Problem, Report};
use serde::{Deserialize, Serialize};

/// Industries a partner may say it serves; each has a message `profile-industry-<id>`.
pub const INDUSTRIES: &[&str] = &[
    "education",
    "financial-services",
    "government",
    "healthcare",
    "manufacturing",
    "media",
    "nonprofit",
    "professional-services",
    "retail",
    "transportation",
];

/// Products and services a partner may offer; each has a message `profile-service-<id>`.
pub const SERVICES: &[&str] = &[
    "productivity",
    "cloud-infrastructure",
    "business-applications",
    "security",
    "licensing",
    "migration",
    "managed-services",
    "training",
    "support",
];

/// The longest description, per language.
pub const MAX_DESCRIPTION: usize = 2000;

/// `GET`/`PUT /business-profile`: what the partner publishes. One description per language
/// of [`LANGUAGES`], empty where the partner does not publish in it; website and phone may be
/// empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BusinessProfile {
    #[serde(default)]
    pub description_en: String,
    #[serde(default)]
    pub description_ru: String,
    #[serde(default)]
    pub description_zh_cn: String,
    #[serde(default)]
    pub description_fr: String,
    #[serde(default)]
    pub industries: Vec<String>,
    #[serde(default)]
    pub services: Vec<String>,
    /// ISO 3166-1 alpha-2 codes of the countries the partner serves.
    #[serde(default)]
    pub countries: Vec<String>,
    #[serde(default)]
    pub website: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone: String,
}

impl BusinessProfile {
    /// Each language's description (as typed), in [`LANGUAGES`] order, with its field.
    pub fn descriptions(&self) -> [(&'static str, Field, &str); 4] {
        [
            ("en", Field::ProfileDescriptionEn, &self.description_en),
            ("ru", Field::ProfileDescriptionRu, &self.description_ru),
            (
                "zh-CN",
                Field::ProfileDescriptionZhCn,
                &self.description_zh_cn,
            ),
            ("fr", Field::ProfileDescriptionFr, &self.description_fr),
        ]
    }

    /// The description in `language`, when the partner publishes in it.
    pub fn description(&self, language: &str) -> Option<&str> {
        self.descriptions()
            .into_iter()
            .find(|(l, _, t)| *l == language && !t.trim().is_empty())
            .map(|(_, _, t)| t)
    }

    /// The languages the partner publishes in, in [`LANGUAGES`] order.
    pub fn languages(&self) -> Vec<&'static str> {
        self.descriptions()
            .into_iter()
            .filter(|(_, _, t)| !t.trim().is_empty())
            .map(|(l, _, _)| l)
            .collect()
    }
}

/// The field of one language's description.
pub fn description_field(language: &str) -> Option<Field> {
    BusinessProfile::default()
        .descriptions()
        .into_iter()
        .find(|(l, _, _)| *l == language)
        .map(|(_, f, _)| f)
}

fn check_choices(r: &mut Report, field: Field, chosen: &[String], allowed: &[&str]) {
    if chosen.is_empty() {
        r.add(field, Code::ChooseAtLeastOne);
    } else if let Some(bad) = chosen.iter().find(|c| !allowed.contains(&c.as_str())) {
        r.add(field, Problem::new(Code::ChooseOne).arg("value", bad));
    }
}

/// Every rule of the profile's form, each problem on its field: at least one language's
/// description (each at most [`MAX_DESCRIPTION`] characters), at least one industry, service
/// and country served (each known), a contact email, and a website and phone when given.
pub fn check_profile(p: &BusinessProfile, countries: &[CountryRules]) -> Report {
    let mut r = Report::default();
    if p.languages().is_empty() {
        r.add(Field::ProfileDescriptions, Code::ProfileNoLanguage);
    }
    for (_, field, text) in p.descriptions() {
        r.check(field, max_chars(text, MAX_DESCRIPTION));
    }
    check_choices(&mut r, Field::ProfileIndustries, &p.industries, INDUSTRIES);
    check_choices(&mut r, Field::ProfileServices, &p.services, SERVICES);
    if p.countries.is_empty() {
        r.add(Field::ProfileCountries, Code::ChooseAtLeastOne);
    } else if let Some(bad) = p
        .countries
        .iter()
        .find(|c| crate::country::find(countries, c).is_none())
    {
        r.add(
            Field::ProfileCountries,
            Problem::new(Code::CountryUnknown).arg("country", bad),
        );
    }
    if !p.website.trim().is_empty() {
        r.check(
            Field::ProfileWebsite,
            crate::phone::check_website(&p.website).map(|_| ()),
        );
    }
    r.check(
        Field::ProfileEmail,
        crate::email::parse(&p.email).map(|_| ()),
    );
    if !p.phone.trim().is_empty() {
        r.check(
            Field::ProfilePhone,
            crate::phone::check_phone(&p.phone, None, countries).map(|_| ()),
        );
    }
    r
}

/// The profile as it is stored once its checks pass: descriptions trimmed (empty ones
/// dropped), choices each once in the lists' order, countries upper-case and each once,
/// the website with its scheme, the email normalized, the phone as `+<digits>`.
pub fn normalized(p: &BusinessProfile, countries: &[CountryRules]) -> BusinessProfile {
    let keep = |chosen: &[String], allowed: &[&str]| {
        allowed
            .iter()
            .filter(|a| chosen.iter().any(|c| c == *a))
            .map(|a| a.to_string())
            .collect::<Vec<_>>()
    };
    let mut served: Vec<String> = p
        .countries
        .iter()
        .map(|c| c.trim().to_ascii_uppercase())
        .collect();
    served.sort();
    served.dedup();
    BusinessProfile {
        description_en: p.description_en.trim().to_string(),
        description_ru: p.description_ru.trim().to_string(),
        description_zh_cn: p.description_zh_cn.trim().to_string(),
        description_fr: p.description_fr.trim().to_string(),
        industries: keep(&p.industries, INDUSTRIES),
        services: keep(&p.services, SERVICES),
        countries: served,
        website: crate::phone::check_website(&p.website).unwrap_or_default(),
        email: crate::email::normalize(&p.email),
        phone: crate::phone::check_phone(&p.phone, None, countries).unwrap_or_default(),
    }
}

/// The language to show a description in: the reader's when published, else English, else
/// the first published one. None for a profile without a description.
pub fn shown_language(p: &BusinessProfile, reader: &str) -> Option<&'static str> {
    let published = p.languages();
    [reader, "en"]
        .iter()
        .find_map(|l| published.iter().find(|x| **x == *l))
        .or_else(|| published.first())
        .copied()
}

/// The language email to the partner goes out in: its profile's first published language in
/// [`LANGUAGES`] order, English without one.
pub fn mail_language(p: &BusinessProfile) -> &'static str {
    p.languages().first().copied().unwrap_or("en")
}

/// One provider in the directory: who it is and what it publishes, and where the reader's
/// partner stands with it (requested, invited, authorized; none yet).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Listing {
    pub provider: PartnerSummary,
    pub profile: BusinessProfile,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<PartnershipStatus>,
}

impl Ordered for Listing {
    fn position(&self) -> Position {
        Position::new(&self.provider.name, &self.provider.id)
    }
}

/// What the directory's query asks besides the page: a country served and words of the name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DirectoryFilter {
    pub country: Option<String>,
    pub search: String,
}

/// The longest search accepted (a provider's name is at most this long too).
pub const MAX_SEARCH: usize = 200;

/// Reads `country` (two letters) and `q` from a URL query; a malformed one is refused (400).
pub fn parse_filter(query: &str) -> Result<DirectoryFilter, Problem> {
    let mut f = DirectoryFilter::default();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = crate::invitation::percent_decode(&value.replace('+', " "));
        match name {
            "country" if value.is_empty() => {}
            "country" => {
                if value.len() != 2 || !value.bytes().all(|b| b.is_ascii_alphabetic()) {
                    return Err(Problem::new(Code::CountryUnknown).arg("country", value));
                }
                f.country = Some(value.to_ascii_uppercase());
            }
            "q" => {
                max_chars(&value, MAX_SEARCH)?;
                f.search = value.trim().to_string();
            }
            _ => {}
        }
    }
    Ok(f)
}

/// The query of a filter (without paging), as [`parse_filter`] reads it.
pub fn filter_query(f: &DirectoryFilter) -> String {
    let mut parts = vec![];
    if let Some(c) = &f.country {
        parts.push(format!("country={c}"));
    }
    if !f.search.trim().is_empty() {
        parts.push(format!(
            "q={}",
            crate::invitation::percent_encode(f.search.trim())
        ));
    }
    parts.join("&")
}

/// Whether a provider of the directory shows for a reseller of `region` with this filter: same
/// CSP region, serving the country (when one is asked), every word of the search in its name
/// (width and case folded, so `ｃontoso` finds Contoso and `дистрибуция` «Дистрибуция»).
pub fn shows(l: &Listing, region: &str, f: &DirectoryFilter) -> bool {
    let fold = crate::access::identity_key;
    let name = fold(&l.provider.name);
    l.provider.region.trim().eq_ignore_ascii_case(region.trim())
        && f.country.as_ref().is_none_or(|c| {
            l.profile
                .countries
                .iter()
                .any(|x| x.eq_ignore_ascii_case(c))
        })
        && f.search.split_whitespace().all(|w| name.contains(&fold(w)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::country::default_countries;

    pub(crate) fn profile() -> BusinessProfile {
        BusinessProfile {
            description_fr: " Distributeur cloud. ".into(),
            industries: vec!["retail".into(), "education".into()],
            services: vec!["licensing".into()],
            countries: vec!["fr".into(), "BE".into(), "FR".into()],
            website: "contoso-distribution.fr".into(),
            email: "partenaires@contoso-distribution.fr".into(),
            phone: "+33 1 23 45 67 89".into(),
            ..Default::default()
        }
    }

    fn fields(r: &Report) -> Vec<(Field, Code)> {
        r.0.iter().map(|p| (p.field, p.problem.code)).collect()
    }

    #[test]
    fn a_complete_profile_passes_and_is_normalized() {
        let c = default_countries();
        let p = profile();
        assert_eq!(fields(&check_profile(&p, &c)), vec![]);
        let n = normalized(&p, &c);
        assert_eq!(n.description_fr, "Distributeur cloud.");
        assert_eq!(n.industries, vec!["education", "retail"]);
        assert_eq!(n.countries, vec!["BE", "FR"]);
        assert_eq!(n.website, "https://contoso-distribution.fr");
        assert_eq!(n.phone, "+33123456789");
        // Website and phone may be left out.
        let bare = BusinessProfile {
            website: " ".into(),
            phone: String::new(),
            ..p
        };
        assert_eq!(fields(&check_profile(&bare, &c)), vec![]);
        assert_eq!(normalized(&bare, &c).website, "");
    }

    #[test]
    fn each_bad_field_is_named() {
        let c = default_countries();
        let empty = BusinessProfile {
            description_ru: "  ".into(),
            ..Default::default()
        };
        assert_eq!(
            fields(&check_profile(&empty, &c)),
            vec![
                (Field::ProfileDescriptions, Code::ProfileNoLanguage),
                (Field::ProfileIndustries, Code::ChooseAtLeastOne),
                (Field::ProfileServices, Code::ChooseAtLeastOne),
                (Field::ProfileCountries, Code::ChooseAtLeastOne),
                (Field::ProfileEmail, Code::Required),
            ]
        );
        let bad = BusinessProfile {
            description_zh_cn: "云".repeat(MAX_DESCRIPTION + 1),
            description_en: "ok".into(),
            description_ru: String::new(),
            description_fr: String::new(),
            industries: vec!["mining".into()],
            services: vec!["licensing".into()],
            countries: vec!["XX".into()],
            website: "not a site".into(),
            email: "nobody".into(),
            phone: "12345".into(),
        };
        assert_eq!(
            fields(&check_profile(&bad, &c)),
            vec![
                (Field::ProfileDescriptionZhCn, Code::TooLong),
                (Field::ProfileIndustries, Code::ChooseOne),
                (Field::ProfileCountries, Code::CountryUnknown),
                (Field::ProfileWebsite, Code::WebsiteFormat),
                (Field::ProfileEmail, Code::EmailFormat),
                (Field::ProfilePhone, Code::PhoneCallingCode),
            ]
        );
    }

    #[test]
    fn the_reader_sees_their_language_or_another_published_one() {
        let mut p = profile();
        assert_eq!(shown_language(&p, "zh-CN"), Some("fr"));
        p.description_en = "Cloud distributor".into();
        assert_eq!(shown_language(&p, "zh-CN"), Some("en"));
        assert_eq!(shown_language(&p, "fr"), Some("fr"));
        assert_eq!(mail_language(&p), "en");
        p.description_en.clear();
        assert_eq!(mail_language(&p), "fr");
        assert_eq!(shown_language(&BusinessProfile::default(), "fr"), None);
    }

    fn listing(name: &str, region: &str, countries: &[&str]) -> Listing {
        Listing {
            provider: PartnerSummary {
                id: "11111111-2222-4333-8444-555555555555".into(),
                name: name.into(),
                country: "FR".into(),
                region: region.into(),
                since: None,
            },
            profile: BusinessProfile {
                countries: countries.iter().map(|c| c.to_string()).collect(),
                ..profile()
            },
            status: None,
        }
    }

    #[test]
    fn the_directory_filters_by_region_country_and_name() {
        let all = parse_filter("").unwrap();
        let contoso = listing("Contoso Distribution", "europe", &["FR", "BE"]);
        assert!(shows(&contoso, "europe", &all));
        assert!(!shows(&contoso, "asia-pacific", &all));
        let f = parse_filter("country=be&q=%EF%BD%83ontoso+distri").unwrap();
        assert_eq!(f.country.as_deref(), Some("BE"));
        assert_eq!(f.search, "ｃontoso distri");
        assert!(shows(&contoso, "europe", &f));
        assert!(!shows(
            &contoso,
            "europe",
            &parse_filter("country=DE").unwrap()
        ));
        assert!(!shows(
            &contoso,
            "europe",
            &parse_filter("q=fabrikam").unwrap()
        ));
        let ru = listing("ООО «Дистрибуция»", "europe", &["RU"]);
        assert!(shows(
            &ru,
            "europe",
            &parse_filter("q=%D0%B4%D0%B8%D1%81%D1%82%D1%80%D0%B8%D0%B1%D1%83%D1%86%D0%B8%D1%8F")
                .unwrap()
        ));
        assert_eq!(
            parse_filter("country=FRA").unwrap_err().code,
            Code::CountryUnknown
        );
        assert_eq!(
            parse_filter(&format!("q={}", "a".repeat(MAX_SEARCH + 1)))
                .unwrap_err()
                .code,
            Code::TooLong
        );
        let f = DirectoryFilter {
            country: Some("FR".into()),
            search: "北京 分销".into(),
        };
        assert_eq!(parse_filter(&filter_query(&f)).unwrap(), f);
    }
}
