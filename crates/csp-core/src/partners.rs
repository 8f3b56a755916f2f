//! Indirect providers and indirect resellers (two-tier model): the partner summaries the
//! *Indirect providers* / *Indirect resellers* pages list, and the reseller's authorization
//! of a provider, which only a Global admin may give, only to a provider of the same CSP
//! region, and which changes nothing the second time.

use crate::date::Date;
use crate::field::Field;
use crate::ids::{parse_id, same_id};
use crate::problem::{Code, Problem, Report};
use crate::roles::RoleCatalog;
use crate::roles::AUTHORIZE_INDIRECT_PROVIDER;
use serde::{Deserialize, Serialize};

/// One row of *Indirect providers* or *Indirect resellers*: the other partner of the pair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerSummary {
    /// Opaque GUID-like ID (see [`crate::ids`]).
    pub id: String,
    pub name: String,
    /// ISO 3166-1 alpha-2 of the partner's CSP account.
    pub country: String,
    /// The CSP region (`europe`, `north-america`, …): authorization stays inside one.
    pub region: String,
    /// When the authorization was given; None for a partner not (yet) authorized.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<Date>,
}

/// A row of the reseller's *Indirect providers* page.
pub type Provider = PartnerSummary;
/// A row of the provider's *Indirect resellers* page.
pub type Reseller = PartnerSummary;

/// `POST /indirect-providers`: what the reseller's authorization page submits.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthorizeProvider {
    /// From the invitation link's `partnerId`.
    pub provider_id: String,
    /// The box under the disclosure ("submit orders…, administrator access…").
    pub consent: bool,
}

/// The IDs of the roles that carry `feature`, in catalog order: the "who can" of a refusal.
pub fn roles_with_feature(catalog: &RoleCatalog, feature: &str) -> Vec<String> {
    catalog
        .roles
        .iter()
        .filter(|r| r.features.iter().any(|f| f == feature))
        .map(|r| r.id.clone())
        .collect()
}

/// May a user holding `user_roles` authorize a provider? The refusal names a role that can
/// (`role` argument: a catalog role id, `global-admin` with the built-in catalog).
pub fn check_may_authorize(user_roles: &[&str], catalog: &RoleCatalog) -> Result<(), Problem> {
    let granted = catalog.features(user_roles.iter().copied());
    if granted.iter().any(|f| f == AUTHORIZE_INDIRECT_PROVIDER) {
        return Ok(());
    }
    let who = roles_with_feature(catalog, AUTHORIZE_INDIRECT_PROVIDER);
    Err(Problem::new(Code::AuthorizeGlobalAdminOnly)
        .arg("role", who.first().map_or("global-admin", String::as_str)))
}

/// The provider must be in the reseller's CSP region.
pub fn check_same_region(reseller_region: &str, provider: &PartnerSummary) -> Result<(), Problem> {
    if provider
        .region
        .trim()
        .eq_ignore_ascii_case(reseller_region.trim())
    {
        Ok(())
    } else {
        Err(Problem::new(Code::ProviderRegion)
            .arg("provider", &provider.name)
            .arg("provider_region", &provider.region)
            .arg("reseller_region", reseller_region))
    }
}

/// The whole authorization page: a malformed or unknown provider ID (`provider` is what the
/// backend found for it), who may authorize, the region, and the ticked box. Fields:
/// `authorize.provider_id`, `authorize.user`, `authorize.consent`.
pub fn check_authorization(
    req: &AuthorizeProvider,
    provider: Option<&PartnerSummary>,
    reseller_region: &str,
    user_roles: &[&str],
    catalog: &RoleCatalog,
) -> Report {
    let mut r = Report::default();
    match parse_id(&req.provider_id) {
        Err(p) => r.add(Field::AuthorizeProviderId, p),
        Ok(_) => match provider {
            None => r.add(Field::AuthorizeProviderId, Code::ProviderNotFound),
            Some(p) => r.check(
                Field::AuthorizeProviderId,
                check_same_region(reseller_region, p),
            ),
        },
    }
    r.check(
        Field::AuthorizeUser,
        check_may_authorize(user_roles, catalog),
    );
    if !req.consent {
        r.add(Field::AuthorizeConsent, Code::Required);
    }
    r
}

/// What authorizing did to the reseller's provider list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Authorized {
    pub providers: Vec<PartnerSummary>,
    /// False when the provider was already there: a second authorization changes nothing,
    /// not even the "since" date.
    pub changed: bool,
}

/// Adds `provider` to `current` (dated `today`) unless it is already authorized.
pub fn authorize(current: &[PartnerSummary], provider: &PartnerSummary, today: Date) -> Authorized {
    if current.iter().any(|p| same_id(&p.id, &provider.id)) {
        return Authorized {
            providers: current.to_vec(),
            changed: false,
        };
    }
    let mut providers = current.to_vec();
    providers.push(PartnerSummary {
        id: parse_id(&provider.id).unwrap_or_else(|_| provider.id.clone()),
        since: Some(today),
        ..provider.clone()
    });
    Authorized {
        providers,
        changed: true,
    }
}

/// Where a reseller stands with a provider of the directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PartnershipStatus {
    /// The reseller asked; the provider has not answered yet.
    Requested,
    /// The provider sent its invitation back: the reseller may authorize it.
    Invited,
    /// The reseller authorized the provider.
    Authorized,
}

/// `POST /partnership-requests`: a reseller asks a provider of the directory to work with it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewPartnershipRequest {
    pub provider_id: String,
    /// The requesting user's language: the provider's invitation reaches them in it.
    #[serde(default)]
    pub language: String,
}

/// A reseller's request to a provider, as both of them see it (their *Indirect resellers* /
/// *Indirect providers* pages), until the reseller authorizes the provider.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnershipRequest {
    pub id: String,
    pub reseller: PartnerSummary,
    pub provider: PartnerSummary,
    /// `requested` or `invited`.
    pub status: PartnershipStatus,
    /// Who at the reseller asked (their work email): the invitation goes to them.
    pub requested_by: String,
    pub requested_at: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invited_at: Option<i64>,
}

impl crate::paging::Ordered for PartnershipRequest {
    /// Oldest first (zero-padded, so text order is time order).
    fn position(&self) -> crate::paging::Position {
        crate::paging::Position::new(&format!("{:020}", self.requested_at.max(0)), &self.id)
    }
}

/// May this reseller ask this provider? `provider` is the provider as the directory lists it
/// (None: unknown, or not listed because it has published no business profile); `current`,
/// where the pair stands already. Refusals are on `partnership.provider_id`: 404 unknown,
/// 422 another region, 409 already asked / invited / authorized.
pub fn check_partnership_request(
    provider: Option<&PartnerSummary>,
    reseller_region: &str,
    current: Option<PartnershipStatus>,
) -> Result<(), (u16, Problem)> {
    let Some(p) = provider else {
        return Err((404, Code::ProviderNotFound.into()));
    };
    check_same_region(reseller_region, p).map_err(|e| (422, e))?;
    match current {
        None => Ok(()),
        Some(PartnershipStatus::Authorized) => Err((
            409,
            Problem::new(Code::ProviderAlreadyAuthorized).arg("provider", &p.name),
        )),
        Some(_) => Err((
            409,
            Problem::new(Code::PartnershipRequested).arg("provider", &p.name),
        )),
    }
}

/// The provider answers a request with its invitation: only a request to it, still
/// `requested`. Sending it again changes nothing (false), so the reseller gets one email.
pub fn may_invite(req: &PartnershipRequest, provider_id: &str) -> Result<bool, u16> {
    if !same_id(&req.provider.id, provider_id) {
        return Err(404);
    }
    Ok(req.status == PartnershipStatus::Requested)
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn partner(id: &str, name: &str, region: &str) -> PartnerSummary {
        PartnerSummary {
            id: id.into(),
            name: name.into(),
            country: "FR".into(),
            region: region.into(),
            since: None,
        }
    }

    const P1: &str = "11111111-2222-4333-8444-555555555555";

    fn req(consent: bool) -> AuthorizeProvider {
        AuthorizeProvider {
            provider_id: P1.into(),
            consent,
        }
    }

    fn codes(r: &Report) -> Vec<(Field, Code)> {
        r.0.iter().map(|p| (p.field, p.problem.code)).collect()
    }

    #[test]
    fn a_global_admin_authorizes_a_provider_of_the_same_region() {
        let c = RoleCatalog::builtin();
        for name in [
            "Contoso Distribution",
            "ООО «Дистрибуция»",
            "北京分销有限公司",
        ] {
            let p = partner(P1, name, "europe");
            let r = check_authorization(&req(true), Some(&p), "europe", &["global-admin"], &c);
            assert_eq!(r.0, vec![], "{name}");
        }
    }

    #[test]
    fn others_are_told_who_can() {
        let c = RoleCatalog::builtin();
        let p = partner(P1, "Fabrikam", "europe");
        for roles in [&["admin-agent"][..], &["sales-agent", "billing-admin"], &[]] {
            let r = check_authorization(&req(true), Some(&p), "europe", roles, &c);
            let f = r.for_field(Field::AuthorizeUser).unwrap();
            assert_eq!(f.code, Code::AuthorizeGlobalAdminOnly);
            assert_eq!(f.args["role"], "global-admin");
        }
        assert_eq!(
            roles_with_feature(&c, AUTHORIZE_INDIRECT_PROVIDER),
            vec!["global-admin"]
        );
    }

    #[test]
    fn other_region_unknown_malformed_and_unticked() {
        let c = RoleCatalog::builtin();
        let p = partner(P1, "Дистрибьютор Восток", "asia-pacific");
        let r = check_authorization(&req(false), Some(&p), "europe", &["global-admin"], &c);
        assert_eq!(
            codes(&r),
            vec![
                (Field::AuthorizeProviderId, Code::ProviderRegion),
                (Field::AuthorizeConsent, Code::Required),
            ]
        );
        let region = r.for_field(Field::AuthorizeProviderId).unwrap();
        assert_eq!(region.args["provider"], "Дистрибьютор Восток");
        assert_eq!(region.args["reseller_region"], "europe");
        let r = check_authorization(&req(true), None, "europe", &["global-admin"], &c);
        assert_eq!(
            codes(&r),
            vec![(Field::AuthorizeProviderId, Code::ProviderNotFound)]
        );
        let bad = AuthorizeProvider {
            provider_id: "供应商".into(),
            consent: true,
        };
        let r = check_authorization(&bad, Some(&p), "europe", &["global-admin"], &c);
        assert_eq!(
            codes(&r),
            vec![(Field::AuthorizeProviderId, Code::IdFormat)]
        );
        assert!(check_same_region(" Europe ", &partner(P1, "x", "europe")).is_ok());
    }

    #[test]
    fn a_reseller_asks_a_listed_provider_of_its_region_once() {
        let p = partner(P1, "Contoso Distribution", "europe");
        assert!(check_partnership_request(Some(&p), "europe", None).is_ok());
        let (s, e) = check_partnership_request(None, "europe", None).unwrap_err();
        assert_eq!((s, e.code), (404, Code::ProviderNotFound));
        let (s, e) = check_partnership_request(Some(&p), "asia-pacific", None).unwrap_err();
        assert_eq!((s, e.code), (422, Code::ProviderRegion));
        for (now, code) in [
            (PartnershipStatus::Requested, Code::PartnershipRequested),
            (PartnershipStatus::Invited, Code::PartnershipRequested),
            (
                PartnershipStatus::Authorized,
                Code::ProviderAlreadyAuthorized,
            ),
        ] {
            let (s, e) = check_partnership_request(Some(&p), "europe", Some(now)).unwrap_err();
            assert_eq!((s, e.code), (409, code));
            assert_eq!(e.args["provider"], "Contoso Distribution");
        }
    }

    #[test]
    fn only_the_provider_asked_invites_and_only_once() {
        let mut r = PartnershipRequest {
            id: "prq_1".into(),
            reseller: partner("22222222-2222-4333-8444-555555555555", "Fabrikam", "europe"),
            provider: partner(P1, "Contoso Distribution", "europe"),
            status: PartnershipStatus::Requested,
            requested_by: "anne@fabrikam.fr".into(),
            requested_at: 1,
            invited_at: None,
        };
        assert_eq!(may_invite(&r, &P1.to_uppercase()), Ok(true));
        assert_eq!(
            may_invite(&r, "22222222-2222-4333-8444-555555555555"),
            Err(404)
        );
        r.status = PartnershipStatus::Invited;
        assert_eq!(may_invite(&r, P1), Ok(false));
    }

    #[test]
    fn authorizing_twice_changes_nothing() {
        let d1 = Date::from_ymd(2026, 1, 5).unwrap();
        let d2 = Date::from_ymd(2026, 3, 1).unwrap();
        let p = partner(&P1.to_uppercase(), "Contoso Distribution", "europe");
        let once = authorize(&[], &p, d1);
        assert!(once.changed);
        assert_eq!(once.providers.len(), 1);
        assert_eq!(once.providers[0].id, P1);
        assert_eq!(once.providers[0].since, Some(d1));
        let twice = authorize(&once.providers, &p, d2);
        assert!(!twice.changed);
        assert_eq!(twice.providers, once.providers);
    }
    /// Who may do what (DOMAIN.md): Admin agent and Global admin manage partners and
    /// customers; Sales agent requests relationships and adds customers; Helpdesk agent
    /// views customers; only Global admin authorizes a provider.
    #[test]
    fn role_catalog_grants_the_issue_11_features() {
        use crate::roles::*;
        let c = RoleCatalog::builtin();
        let has = |role: &str, f: &str| c.features([role]).iter().any(|g| g == f);
        for role in ["admin-agent", "global-admin"] {
            for f in [
                INDIRECT_PROVIDERS,
                INDIRECT_RESELLERS,
                CUSTOMERS,
                RELATIONSHIP_REQUESTS,
                ADD_CUSTOMER,
            ] {
                assert!(has(role, f), "{role} {f}");
            }
        }
        for f in [CUSTOMERS, RELATIONSHIP_REQUESTS, ADD_CUSTOMER] {
            assert!(has("sales-agent", f), "sales-agent {f}");
        }
        assert!(has("helpdesk-agent", CUSTOMERS));
        for f in [RELATIONSHIP_REQUESTS, ADD_CUSTOMER, INDIRECT_RESELLERS] {
            assert!(!has("helpdesk-agent", f), "helpdesk-agent {f}");
        }
        assert_eq!(
            roles_with_feature(&c, AUTHORIZE_INDIRECT_PROVIDER),
            vec!["global-admin"]
        );
        assert!(check_may_authorize(&["global-admin"], &c).is_ok());
        assert!(check_may_authorize(&["user-management-admin", "admin-agent"], &c).is_err());
    }
}
