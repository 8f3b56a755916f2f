//! Partner, provider and customer IDs are opaque GUID-like strings. A deep link carries one
//! in its query, where anyone can mangle it: its shape is checked here before the backend is
//! asked, so a malformed ID gets its own clear page instead of a "not found".

use crate::problem::{Code, Problem};

/// The canonical form of an ID (`8-4-4-4-12` hex digits, lower case), from what a user or a
/// link gave: surrounding spaces and `{}` braces are dropped, upper case is accepted.
pub fn parse_id(raw: &str) -> Result<String, Problem> {
    let s = raw.trim();
    if s.is_empty() {
        return Err(Code::Required.into());
    }
    let inner = s
        .strip_prefix('{')
        .and_then(|r| r.strip_suffix('}'))
        .unwrap_or(s);
    let shape_ok = inner.len() == 36
        && inner.bytes().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => b == b'-',
            _ => b.is_ascii_hexdigit(),
        });
    if shape_ok {
        Ok(inner.to_ascii_lowercase())
    } else {
        Err(Code::IdFormat.into())
    }
}

/// True when two IDs name the same thing (case and braces ignored).
pub fn same_id(a: &str, b: &str) -> bool {
    match (parse_id(a), parse_id(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a.trim() == b.trim(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "5d027261-d21f-4aa9-b7db-7fa1f56fb163";

    #[test]
    fn accepts_guids_in_any_case_and_braces() {
        assert_eq!(parse_id(ID).unwrap(), ID);
        assert_eq!(
            parse_id(&format!(" {{{}}} ", ID.to_uppercase())).unwrap(),
            ID
        );
        assert!(same_id(ID, &ID.to_uppercase()));
        assert!(!same_id(ID, "00000000-0000-0000-0000-000000000000"));
    }

    #[test]
    fn refuses_other_shapes_latin_cyrillic_chinese() {
        assert_eq!(parse_id("  ").unwrap_err().code, Code::Required);
        for bad in [
            "5d027261d21f4aa9b7db7fa1f56fb163",
            "5d027261-d21f-4aa9-b7db-7fa1f56fb16",
            "5d027261-d21f-4aa9-b7db-7fa1f56fb163x",
            "5d027261-d21f-4aa9-b7db_7fa1f56fb163",
            "gd027261-d21f-4aa9-b7db-7fa1f56fb163",
            "5d027261-d21f-4aa9-b7db-7fa1f56fbсе3", // Cyrillic "се"
            "合作伙伴",
            "{5d027261-d21f-4aa9-b7db-7fa1f56fb163",
            "0",
        ] {
            assert_eq!(parse_id(bad).unwrap_err().code, Code::IdFormat, "{bad}");
        }
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC*") {
            let _ = parse_id(&s);
        }
    }
}
