//! MPN ID / PartnerID: the number itself, and which organization profile may carry it.

use crate::problem::{Code, Problem};
use serde::{Deserialize, Serialize};

/// Accepted digit counts. The vendor documents only "numeric"; real IDs have 6–7 digits, so
/// the default range is 6–8 and an operator can change it in config.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MpnLength {
    pub min: usize,
    pub max: usize,
}

impl Default for MpnLength {
    fn default() -> Self {
        MpnLength { min: 6, max: 8 }
    }
}

/// Returns the ID with spaces removed, or why it can't be one.
pub fn parse_mpn_id(raw: &str, len: MpnLength) -> Result<String, Problem> {
    let id: String = raw
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    if id.is_empty() {
        return Err(Problem::new(Code::Required));
    }
    if !id.chars().all(|c| c.is_ascii_digit()) {
        return Err(Problem::new(Code::MpnFormat));
    }
    if !(len.min..=len.max).contains(&id.len()) {
        return Err(Problem::new(Code::MpnLength)
            .arg("min", len.min)
            .arg("max", len.max));
    }
    Ok(id)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ProfileKind {
    Global,
    Location,
}

impl ProfileKind {
    /// The JSON value, also the suffix of its message id (`mpn-kind-location`).
    pub fn id(self) -> &'static str {
        match self {
            ProfileKind::Global => "global",
            ProfileKind::Location => "location",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ProfileStatus {
    Active,
    Inactive,
    Suspended,
}

/// An organization profile found in the partner network, as the backend returns it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgProfile {
    pub mpn_id: String,
    pub name: String,
    pub kind: ProfileKind,
    pub status: ProfileStatus,
    /// ISO 3166-1 alpha-2.
    pub country: String,
}

/// The vendor's rule: an active profile of type *location* in the tenant's country, because
/// incentives are paid per country. The error names both countries.
pub fn check_profile(profile: &OrgProfile, tenant_country: &str) -> Result<(), Problem> {
    if profile.status != ProfileStatus::Active {
        return Err(Problem::new(Code::ProfileInactive).arg("mpn", &profile.mpn_id));
    }
    if profile.kind != ProfileKind::Location {
        return Err(Problem::new(Code::ProfileNotLocation).arg("mpn", &profile.mpn_id));
    }
    if !profile.country.eq_ignore_ascii_case(tenant_country) {
        return Err(Problem::new(Code::ProfileCountry)
            .arg("profile_country", profile.country.to_ascii_uppercase())
            .arg("tenant_country", tenant_country.to_ascii_uppercase()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(kind: ProfileKind, status: ProfileStatus, country: &str) -> OrgProfile {
        OrgProfile {
            mpn_id: "1234567".into(),
            name: "Contoso".into(),
            kind,
            status,
            country: country.into(),
        }
    }

    #[test]
    fn digits_only_after_removing_spaces() {
        let l = MpnLength::default();
        assert_eq!(parse_mpn_id(" 123 4567 ", l), Ok("1234567".into()));
        assert_eq!(parse_mpn_id("123456", l), Ok("123456".into()));
        assert_eq!(
            parse_mpn_id("12345a7", l).unwrap_err().code,
            Code::MpnFormat
        );
        assert_eq!(
            parse_mpn_id("１２３４５６７", l).unwrap_err().code,
            Code::MpnFormat
        );
        assert_eq!(
            parse_mpn_id("ID-１２３", l).unwrap_err().code,
            Code::MpnFormat
        );
        assert_eq!(parse_mpn_id("12345", l).unwrap_err().code, Code::MpnLength);
        assert_eq!(parse_mpn_id("123456789", l).unwrap_err().args["max"], "8");
        assert_eq!(parse_mpn_id("", l).unwrap_err().code, Code::Required);
        assert_eq!(
            parse_mpn_id("12345", MpnLength { min: 5, max: 5 }),
            Ok("12345".into())
        );
    }

    #[test]
    fn profile_must_be_active_location_in_tenant_country() {
        assert_eq!(
            check_profile(
                &profile(ProfileKind::Location, ProfileStatus::Active, "FR"),
                "fr"
            ),
            Ok(())
        );
        assert_eq!(
            check_profile(
                &profile(ProfileKind::Location, ProfileStatus::Inactive, "FR"),
                "FR"
            )
            .unwrap_err()
            .code,
            Code::ProfileInactive
        );
        assert_eq!(
            check_profile(
                &profile(ProfileKind::Global, ProfileStatus::Active, "FR"),
                "FR"
            )
            .unwrap_err()
            .code,
            Code::ProfileNotLocation
        );
        let e = check_profile(
            &profile(ProfileKind::Location, ProfileStatus::Active, "GB"),
            "FR",
        )
        .unwrap_err();
        assert_eq!(e.code, Code::ProfileCountry);
        assert_eq!(
            (
                e.args["profile_country"].as_str(),
                e.args["tenant_country"].as_str()
            ),
            ("GB", "FR")
        );
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC*") { let _ = parse_mpn_id(&s, MpnLength::default()); }
    }
}
