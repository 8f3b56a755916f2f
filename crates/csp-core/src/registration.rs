//! Company registration IDs some countries require: Russia's INN, China's unified social
//! credit code. Each checked by its published checksum.

use crate::country::CountryRules;
pub use crate::country::RegistrationId;
use crate::problem::{required, Code, Problem};

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
        fn never_panics(s in "\\PC*") {
            let _ = check_inn(&s);
            let _ = check_uscc(&s);
        }
    }
}
