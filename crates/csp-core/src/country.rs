//! The per-country rules resource (libaddressinput-style data the backend serves and an
//! operator can change): which address fields, postal-code pattern, calling code, registration
//! ID and bank form a country uses.

use serde::{Deserialize, Serialize};

/// Which bank form a country uses (the checks are `bank`'s).
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

/// The company registration ID a country requires (the checks are `registration`'s).
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

/// The country's calling code, for hints; None when the country is not chosen or unknown.
pub fn calling_code<'a>(rules: &'a [CountryRules], code: &str) -> Option<&'a str> {
    find(rules, code).map(|r| r.calling_code.as_str())
}
