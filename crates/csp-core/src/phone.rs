//! A light E.164 check. Full numbering-plan validation (the `phonenumber` crate) costs ~0.5 MB
//! of wasm gzip, so it belongs to the backend; here: a `+`, a known calling code, 8–15 digits.

use crate::country::CountryRules;
use crate::problem::{Code, Problem};

/// Returns the number as `+<digits>`, or why it isn't one. `country` gives the example code.
pub fn check_phone(
    raw: &str,
    country: Option<&CountryRules>,
    known: &[CountryRules],
) -> Result<String, Problem> {
    let s = raw.trim();
    if s.is_empty() {
        return Err(Code::Required.into());
    }
    let calling = country
        .map(|c| c.calling_code.clone())
        .unwrap_or_else(|| "33".into());
    let plus = s.starts_with('+') || s.starts_with('＋') || s.starts_with("00");
    let body = s.trim_start_matches(['+', '＋']);
    let body = if s.starts_with("00") {
        &body[2..]
    } else {
        body
    };
    if body
        .chars()
        .any(|c| !(c.is_ascii_digit() || " -.()".contains(c)))
    {
        return Err(Problem::new(Code::PhoneFormat).arg("calling_code", &calling));
    }
    let digits: String = body.chars().filter(char::is_ascii_digit).collect();
    if !plus {
        return Err(Problem::new(Code::PhoneCallingCode).arg("calling_code", &calling));
    }
    if !(8..=15).contains(&digits.len())
        || !known.iter().any(|c| digits.starts_with(&c.calling_code))
    {
        return Err(Problem::new(Code::PhoneFormat).arg("calling_code", &calling));
    }
    Ok(format!("+{digits}"))
}

/// A website: optional scheme, then a domain with a dot; `https://` is added when missing.
pub fn check_website(raw: &str) -> Result<String, Problem> {
    let s = raw.trim();
    if s.is_empty() {
        return Err(Code::Required.into());
    }
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
        .unwrap_or(s);
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let labels: Vec<&str> = host.split('.').collect();
    let ok = labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'))
        && !rest.contains(char::is_whitespace);
    if !ok {
        return Err(Code::WebsiteFormat.into());
    }
    Ok(if rest.len() == s.len() {
        format!("https://{s}")
    } else {
        s.to_owned()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::country::{default_countries, find};

    #[test]
    fn e164_with_calling_code() {
        let all = default_countries();
        let fr = find(&all, "FR");
        assert_eq!(
            check_phone("+33 1 23 45 67 89", fr, &all),
            Ok("+33123456789".into())
        );
        assert_eq!(
            check_phone("0033 (1) 23-45-67-89", fr, &all),
            Ok("+33123456789".into())
        );
        assert_eq!(
            check_phone("+7 495 123-45-67", find(&all, "RU"), &all),
            Ok("+74951234567".into())
        );
        assert_eq!(
            check_phone("＋86 10 1234 5678", find(&all, "CN"), &all),
            Ok("+861012345678".into())
        );
        let e = check_phone("01 23 45 67 89", fr, &all).unwrap_err();
        assert_eq!(
            (e.code, e.args["calling_code"].as_str()),
            (Code::PhoneCallingCode, "33")
        );
        assert_eq!(
            check_phone("+33 12", fr, &all).unwrap_err().code,
            Code::PhoneFormat
        );
        assert_eq!(
            check_phone("+33 1 23 ab 67 89", fr, &all).unwrap_err().code,
            Code::PhoneFormat
        );
        assert_eq!(
            check_phone("+999 1234 5678", fr, &all).unwrap_err().code,
            Code::PhoneFormat
        );
        assert_eq!(check_phone(" ", fr, &all).unwrap_err().code, Code::Required);
    }

    #[test]
    fn websites() {
        assert_eq!(check_website("contoso.fr"), Ok("https://contoso.fr".into()));
        assert_eq!(
            check_website("http://contoso.fr/support"),
            Ok("http://contoso.fr/support".into())
        );
        assert_eq!(
            check_website("https://поддержка.рф"),
            Ok("https://поддержка.рф".into())
        );
        assert!(check_website("contoso").is_err());
        assert!(check_website("https://con toso.fr").is_err());
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC*") {
            let all = default_countries();
            let _ = check_phone(&s, None, &all);
            let _ = check_website(&s);
        }
    }
}
