//! Bank details: IBAN + BIC, Russia's BIK + settlement account, US ABA routing, or account + SWIFT.

pub use crate::country::BankForm;
use crate::country::CountryRules;
use crate::field::Field;
use crate::problem::{required, Code, Problem, Report};
use iban::{Iban, IbanLike, ParseIbanError};
use serde::{Deserialize, Serialize};

/// The bank step's fields; only those of the country's form are filled and submitted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankDetails {
    pub country: String,
    pub account_holder: String,
    #[serde(default)]
    pub iban: String,
    /// BIC / SWIFT code.
    #[serde(default)]
    pub bic: String,
    /// Russia's BIK (9 digits) or the US ABA routing number (9 digits).
    #[serde(default)]
    pub bank_code: String,
    #[serde(default)]
    pub account_number: String,
}

/// Codes are typed with spaces and in any case; compare without them.
pub fn compact(raw: &str) -> String {
    raw.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect::<String>()
        .to_ascii_uppercase()
}

/// IBAN with check digits and the BBAN format of its country, which must be `country`.
pub fn check_iban(raw: &str, rules: &CountryRules) -> Result<(), Problem> {
    let s = compact(required(raw)?);
    if let Some(len) = rules.iban_length {
        if s.starts_with(&rules.code) && s.len() != len {
            return Err(Problem::new(Code::IbanLength)
                .arg("country", &rules.code)
                .arg("length", len));
        }
    }
    let iban: Iban = s.parse().map_err(|e| match e {
        ParseIbanError::InvalidBaseIban {
            source: iban::ParseBaseIbanError::InvalidChecksum,
        } => Problem::new(Code::IbanChecksum),
        ParseIbanError::InvalidBban(_) => {
            Problem::new(Code::IbanFormat).arg("country", &rules.code)
        }
        _ => Problem::new(Code::IbanFormat).arg("country", &rules.code),
    })?;
    if iban.country_code() != rules.code {
        return Err(Problem::new(Code::IbanCountry)
            .arg("iban_country", iban.country_code())
            .arg("country", &rules.code));
    }
    Ok(())
}

/// BIC/SWIFT: 4 letters (bank), 2 letters (country), 2 letters or digits (location), optional 3 (branch).
pub fn check_bic(raw: &str) -> Result<(), Problem> {
    let s = compact(required(raw)?);
    let b = s.as_bytes();
    let ok = (s.len() == 8 || s.len() == 11)
        && b[..6].iter().all(u8::is_ascii_alphabetic)
        && b[6..].iter().all(u8::is_ascii_alphanumeric);
    if ok {
        Ok(())
    } else {
        Err(Code::BicFormat.into())
    }
}

fn digits(s: &str, n: usize) -> Option<Vec<u32>> {
    let d: Vec<u32> = s.chars().map(|c| c.to_digit(10)).collect::<Option<_>>()?;
    (d.len() == n && s.is_ascii()).then_some(d)
}

/// Russia: the BIK is 9 digits.
pub fn check_bik(raw: &str) -> Result<(), Problem> {
    digits(&compact(required(raw)?), 9)
        .map(|_| ())
        .ok_or_else(|| Code::BikFormat.into())
}

/// Russia: the 20-digit settlement account's control key, computed with the BIK's last three
/// digits and weights 7-1-3 (Bank of Russia rules).
pub fn check_ru_account(raw: &str, bik: &str) -> Result<(), Problem> {
    let acc =
        digits(&compact(required(raw)?), 20).ok_or_else(|| Problem::new(Code::RuAccountFormat))?;
    let Some(bik) = digits(&compact(bik), 9) else {
        return Ok(());
    }; // the BIK's own error is shown
    let sum: u32 = bik[6..]
        .iter()
        .chain(&acc)
        .zip([7, 1, 3].iter().cycle())
        .map(|(d, w)| d * w)
        .sum();
    if sum % 10 == 0 {
        Ok(())
    } else {
        Err(Code::RuAccountChecksum.into())
    }
}

/// US ABA routing number: 9 digits, weights 3-7-1, sum divisible by 10.
pub fn check_aba(raw: &str) -> Result<(), Problem> {
    let d = digits(&compact(required(raw)?), 9).ok_or_else(|| Problem::new(Code::AbaFormat))?;
    let sum: u32 = d
        .iter()
        .zip([3, 7, 1].iter().cycle())
        .map(|(d, w)| d * w)
        .sum();
    if sum % 10 == 0 {
        Ok(())
    } else {
        Err(Code::AbaChecksum.into())
    }
}

/// A domestic account number: 4 to 34 letters or digits.
pub fn check_account_number(raw: &str) -> Result<(), Problem> {
    let s = compact(required(raw)?);
    if (4..=34).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()) {
        Ok(())
    } else {
        Err(Code::AccountNumberFormat.into())
    }
}

/// Checks the fields of the country's bank form only; problems land on `bank.<field>`.
pub fn check_bank(b: &BankDetails, rules: &CountryRules, report: &mut Report) {
    report.check(
        Field::BankAccountHolder,
        required(&b.account_holder).and_then(crate::address::latin_only),
    );
    match rules.bank_form {
        BankForm::Iban => {
            report.check(Field::BankIban, check_iban(&b.iban, rules));
            report.check(Field::BankBic, check_bic(&b.bic));
        }
        BankForm::Ru => {
            report.check(Field::BankCode, check_bik(&b.bank_code));
            report.check(
                Field::BankAccountNumber,
                check_ru_account(&b.account_number, &b.bank_code),
            );
        }
        BankForm::Us => {
            report.check(Field::BankCode, check_aba(&b.bank_code));
            report.check(
                Field::BankAccountNumber,
                check_account_number(&b.account_number),
            );
        }
        BankForm::Swift => {
            report.check(
                Field::BankAccountNumber,
                check_account_number(&b.account_number),
            );
            report.check(Field::BankBic, check_bic(&b.bic));
        }
    }
}

/// Keeps only the fields of the country's form, so a switched country submits nothing stale.
pub fn for_submit(b: &BankDetails, rules: &CountryRules) -> BankDetails {
    let mut out = BankDetails {
        country: b.country.clone(),
        account_holder: b.account_holder.trim().to_owned(),
        ..Default::default()
    };
    match rules.bank_form {
        BankForm::Iban => (out.iban, out.bic) = (compact(&b.iban), compact(&b.bic)),
        BankForm::Ru | BankForm::Us => {
            (out.bank_code, out.account_number) =
                (compact(&b.bank_code), compact(&b.account_number))
        }
        BankForm::Swift => {
            (out.account_number, out.bic) = (compact(&b.account_number), compact(&b.bic))
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::country::{default_countries, find};

    fn rules(c: &str) -> CountryRules {
        find(&default_countries(), c).unwrap().clone()
    }

    #[test]
    fn iban_checks() {
        assert!(check_iban("FR76 3000 6000 0112 3456 7890 189", &rules("FR")).is_ok());
        assert!(check_iban("fr7630006000011234567890189", &rules("FR")).is_ok());
        assert!(check_iban("DE89 3704 0044 0532 0130 00", &rules("DE")).is_ok());
        assert_eq!(
            check_iban("FR76 3000 6000 0112 3456 7890 188", &rules("FR"))
                .unwrap_err()
                .code,
            Code::IbanChecksum
        );
        let e = check_iban("FR76 3000 6000 0112 3456 7890", &rules("FR")).unwrap_err();
        assert_eq!(
            (e.code, e.args["length"].as_str()),
            (Code::IbanLength, "27")
        );
        let e = check_iban("DE89 3704 0044 0532 0130 00", &rules("FR")).unwrap_err();
        assert_eq!(
            (e.code, e.args["iban_country"].as_str()),
            (Code::IbanCountry, "DE")
        );
        assert_eq!(
            check_iban("", &rules("FR")).unwrap_err().code,
            Code::Required
        );
        assert!(check_iban("ЖЖ76", &rules("FR")).is_err());
    }

    #[test]
    fn bic_format() {
        assert!(check_bic("BNPAFRPP").is_ok());
        assert!(check_bic("bnpa fr pp xxx").is_ok());
        assert_eq!(check_bic("BNPAFRP").unwrap_err().code, Code::BicFormat);
        assert_eq!(check_bic("1NPAFRPP").unwrap_err().code, Code::BicFormat);
    }

    #[test]
    fn russian_bik_and_account() {
        assert!(check_bik("044525225").is_ok());
        assert_eq!(check_bik("04452522").unwrap_err().code, Code::BikFormat);
        assert!(check_ru_account("40702810938000000001", "044525225").is_ok());
        assert_eq!(
            check_ru_account("40702810938000000000", "044525225")
                .unwrap_err()
                .code,
            Code::RuAccountChecksum
        );
        assert_eq!(
            check_ru_account("4070281093800000000", "044525225")
                .unwrap_err()
                .code,
            Code::RuAccountFormat
        );
    }

    #[test]
    fn aba_routing() {
        assert!(check_aba("021000021").is_ok());
        assert!(check_aba("011000015").is_ok());
        assert_eq!(check_aba("021000022").unwrap_err().code, Code::AbaChecksum);
        assert_eq!(check_aba("02100002").unwrap_err().code, Code::AbaFormat);
    }

    #[test]
    fn only_the_countrys_fields_are_checked_and_submitted() {
        let b = BankDetails {
            country: "FR".into(),
            account_holder: "Contoso SARL".into(),
            iban: "FR76 3000 6000 0112 3456 7890 189".into(),
            bic: "BNPAFRPP".into(),
            bank_code: "junk".into(),
            account_number: "junk".into(),
        };
        let mut r = Report::default();
        check_bank(&b, &rules("FR"), &mut r);
        assert_eq!(r.0, vec![]);
        let s = for_submit(&b, &rules("FR"));
        assert_eq!(
            (
                s.bank_code.as_str(),
                s.account_number.as_str(),
                s.iban.as_str()
            ),
            ("", "", "FR7630006000011234567890189")
        );
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC*", t in "\\PC*") {
            let _ = check_iban(&s, &rules("FR"));
            let _ = check_bic(&s);
            let _ = check_ru_account(&s, &t);
            let _ = check_aba(&s);
            let _ = check_account_number(&s);
        }
    }
}
