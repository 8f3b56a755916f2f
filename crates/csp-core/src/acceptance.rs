//! **A customer answers a reseller-relationship link**: what the link's page shows (its
//! state: open, used, expired, declined, or not a link the portal sent), who may answer (a
//! Global admin of the customer's own work-account tenant, not a partner's tenant), and what
//! accepting produces (the customer on the partner's list — and the provider's, for a
//! two-tier link — with the relationship active from that day).
//!
//! Two kinds of link: a partner's relationship request names the request (`gdapId`), whose
//! status decides the link's; a reseller's two-tier invitation names the reseller and its
//! indirect provider only, is open to any customer, and is "used" for a customer already
//! listed with both.

use crate::api::{MyPartner, PartnerKind};
use crate::customers::{AcceptedRelationship, Customer, RelationshipKind};
use crate::date::Date;
use crate::ids::same_id;
use crate::problem::{Code, Problem};
use crate::relationship::{
    refresh, status_on, RelationshipRequest, RelationshipStatus, DEFAULT_DURATION_DAYS,
};
use serde::{Deserialize, Serialize};

/// What the link's page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LinkState {
    /// Waiting for the customer's answer.
    Open,
    /// Accepted already (the relationship may since have ended).
    Used,
    /// A request left unanswered for 90 days.
    Expired,
    Declined,
}

impl LinkState {
    pub const ALL: [LinkState; 4] = [
        LinkState::Open,
        LinkState::Used,
        LinkState::Expired,
        LinkState::Declined,
    ];

    /// The id used in JSON and in message ids (`accept-<id>-heading`).
    pub fn id(self) -> &'static str {
        match self {
            LinkState::Open => "open",
            LinkState::Used => "used",
            LinkState::Expired => "expired",
            LinkState::Declined => "declined",
        }
    }
}

/// A request link's state on `today`.
pub fn request_state(req: &RelationshipRequest, today: Date) -> LinkState {
    match status_on(req, today) {
        RelationshipStatus::Pending => LinkState::Open,
        RelationshipStatus::Declined => LinkState::Declined,
        RelationshipStatus::Expired if req.accepted_on.is_none() => LinkState::Expired,
        _ => LinkState::Used,
    }
}

/// A two-tier link's state for the customer answering it (None: not a customer yet).
pub fn two_tier_state(existing: Option<&Customer>, reseller: &str, provider: &str) -> LinkState {
    let listed = existing.is_some_and(|c| {
        c.reseller_id
            .as_deref()
            .is_some_and(|r| same_id(r, reseller))
            && c.provider_id
                .as_deref()
                .is_some_and(|p| same_id(p, provider))
    });
    if listed {
        LinkState::Used
    } else {
        LinkState::Open
    }
}

/// Who answers, as the work-account directory knows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answerer {
    /// Whether the account is a Global admin of its tenant.
    pub global_admin: bool,
    /// Whether the account's tenant is a partner's own (a partner is not its own customer).
    pub partner_tenant: bool,
}

/// Only a Global admin of the customer's tenant may accept or decline.
pub fn check_may_answer(a: &Answerer) -> Result<(), Problem> {
    if a.partner_tenant {
        Err(Problem::new(Code::AcceptPartnerTenant))
    } else if !a.global_admin {
        Err(Problem::new(Code::AcceptGlobalAdminOnly))
    } else {
        Ok(())
    }
}

/// The partners a customer is listed for once it accepts: a request's sender in its own
/// column (reseller or provider), or both partners of a two-tier link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parties {
    pub reseller_id: Option<String>,
    pub provider_id: Option<String>,
}

/// `sender` sent the link; `provider` is a two-tier link's indirect provider.
pub fn parties(sender: &str, kind: PartnerKind, provider: Option<&str>) -> Parties {
    match (kind, provider) {
        (PartnerKind::IndirectProvider, _) => Parties {
            reseller_id: None,
            provider_id: Some(sender.into()),
        },
        (PartnerKind::IndirectReseller, p) => Parties {
            reseller_id: Some(sender.into()),
            provider_id: p.map(Into::into),
        },
    }
}

/// The customer record accepting makes: a new customer (`new_id`, the tenant's organization
/// and domain) or the existing one with the partners added. A customer listed for another
/// reseller (or provider) already cannot take a second one here.
pub fn accepted_customer(
    existing: Option<&Customer>,
    new_id: &str,
    organization: &str,
    domain: &str,
    parties: &Parties,
) -> Result<Customer, Problem> {
    let mut c = existing.cloned().unwrap_or_else(|| Customer {
        id: new_id.into(),
        company_name: organization.trim().into(),
        primary_domain: domain.trim().to_ascii_lowercase(),
        relationship: RelationshipKind::Reseller,
        provider_id: None,
        reseller_id: None,
        has_active_subscriptions: false,
        tags: vec![],
        accepted: None,
    });
    for (slot, new) in [
        (&mut c.reseller_id, &parties.reseller_id),
        (&mut c.provider_id, &parties.provider_id),
    ] {
        match (slot.as_deref(), new) {
            (Some(old), Some(new)) if !same_id(old, new) => {
                return Err(Problem::new(Code::AcceptOtherPartner))
            }
            (None, Some(new)) => *slot = Some(new.clone()),
            _ => {}
        }
    }
    c.relationship = if c.reseller_id.is_some() && c.provider_id.is_some() {
        RelationshipKind::IndirectReseller
    } else {
        RelationshipKind::Reseller
    };
    c.accepted = None;
    Ok(c)
}

/// The reseller relationship a two-tier link makes when accepted: a request of the reseller's
/// without admin access, accepted on `today` (so the relationship has its dates and status
/// like any other).
pub fn two_tier_request(id: &str, customer_id: &str, today: Date) -> RelationshipRequest {
    let r = crate::relationship::new_request(
        id,
        &crate::relationship::NewRelationshipRequest {
            admin_access: Some(false),
            duration_days: DEFAULT_DURATION_DAYS,
            ..Default::default()
        },
        today,
    );
    let accepted = RelationshipRequest {
        customer_id: Some(customer_id.into()),
        accepted_on: Some(today),
        ..r
    };
    refresh(&accepted, today)
}

/// The customer as the list shows it on `today`: with the accepted relationship's status and
/// dates when there is one.
pub fn with_relationship(
    mut c: Customer,
    req: Option<&RelationshipRequest>,
    today: Date,
) -> Customer {
    c.accepted = req.and_then(|r| {
        let r = refresh(r, today);
        Some(AcceptedRelationship {
            request_id: r.id,
            status: r.status,
            accepted_on: r.accepted_on?,
            expires_on: r.expires_on,
        })
    });
    c
}

/// Where reseller-relationship links send the customer's Global admin: a field of
/// `GET /settings` beside [`crate::api::ProgramSettings`], read only by the pages that build
/// such links (the first load does not carry it).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerLinks {
    /// A deployment's own admin center; None = this portal's acceptance page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_acceptance_url: Option<String>,
}

/// `GET /customer-invitation`: what the link's page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerInvitation {
    pub state: LinkState,
    /// The partner that sent the link.
    pub partner_name: String,
    /// A two-tier link's indirect provider.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider_name: Option<String>,
    /// A request link's request: the admin roles and duration it asks for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request: Option<RelationshipRequest>,
}

/// The link's parties and request, as `parse_invite` read them from its query: the query of
/// `GET /customer-invitation` and the body of its answer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationLink {
    pub partner_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

impl InvitationLink {
    /// The link from `GET /customer-invitation`'s query (`partner_id`, `provider_id`,
    /// `request_id`, percent-encoded); unknown keys and blank values are ignored.
    pub fn from_query(query: &str) -> Self {
        let mut l = InvitationLink::default();
        for pair in query.split('&') {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let v = crate::invitation::percent_decode(v);
            let v = (!v.trim().is_empty()).then_some(v);
            match k {
                "partner_id" => l.partner_id = v.unwrap_or_default(),
                "provider_id" => l.provider_id = v,
                "request_id" => l.request_id = v,
                _ => {}
            }
        }
        l
    }
}

/// What a link names, once a backend has found it: anything not found is a link this portal
/// did not send.
#[derive(Debug, Clone)]
pub struct FoundLink {
    pub sender: MyPartner,
    pub provider: Option<MyPartner>,
    pub request: Option<RelationshipRequest>,
}

impl FoundLink {
    /// The link's state on `today`, for the answering customer's record if it is listed.
    pub fn state(&self, customer: Option<&Customer>, today: Date) -> LinkState {
        match (&self.request, &self.provider) {
            (Some(r), _) => request_state(r, today),
            (None, Some(p)) => two_tier_state(customer, &self.sender.partner.id, &p.partner.id),
            (None, None) => LinkState::Open,
        }
    }

    /// What the link's page shows in `state`.
    pub fn view(&self, state: LinkState) -> CustomerInvitation {
        CustomerInvitation {
            state,
            partner_name: self.sender.partner.name.clone(),
            provider_name: self.provider.as_ref().map(|p| p.partner.name.clone()),
            request: self.request.clone(),
        }
    }
}

/// `POST /customer-invitation/answer`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationAnswer {
    #[serde(flatten)]
    pub link: InvitationLink,
    pub accept: bool,
    /// The language of the page answered in; the partner's email goes out in it.
    #[serde(default)]
    pub language: String,
}

/// The link an invite names, or None for an invite that is not a customer's.
pub fn invitation_link(invite: &crate::invitation::Invite) -> Option<InvitationLink> {
    match invite {
        crate::invitation::Invite::ResellerRelationship {
            partner_id,
            provider_id,
            request_id,
            ..
        } => Some(InvitationLink {
            partner_id: partner_id.clone(),
            provider_id: provider_id.clone(),
            request_id: request_id.clone(),
        }),
        crate::invitation::Invite::IndirectReseller { .. } => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::relationship::{accept, decline, new_request, terminate, NewRelationshipRequest};

    const R: &str = "7c1e9a44-2b3d-4e8f-a6c5-913d0f2e7b15";
    const P: &str = "0b8f3c2a-6d1e-4f7a-9c3b-2e5d8a1f4b60";
    const OTHER: &str = "11111111-2222-4333-8444-555555555555";

    fn day(n: u32) -> Date {
        Date::from_ymd(2026, 1, 1).unwrap().add_days(n)
    }

    #[test]
    fn a_link_is_read_from_its_query() {
        let l = InvitationLink::from_query(&format!(
            "partner_id={R}&provider_id=%20&request_id=a%2Db&utm=x&flag"
        ));
        assert_eq!(l.partner_id, R);
        assert_eq!(l.provider_id, None, "a blank value is no value");
        assert_eq!(l.request_id.as_deref(), Some("a-b"), "percent-decoded");
        assert_eq!(InvitationLink::from_query(""), InvitationLink::default());
    }

    fn request() -> RelationshipRequest {
        new_request(
            "req-1",
            &NewRelationshipRequest {
                admin_access: Some(true),
                name: "Support".into(),
                duration_days: 100,
                roles: vec!["helpdesk-administrator".into()],
                auto_extend: false,
            },
            day(0),
        )
    }

    #[test]
    fn a_request_link_follows_its_request() {
        let r = request();
        assert_eq!(request_state(&r, day(89)), LinkState::Open);
        assert_eq!(request_state(&r, day(90)), LinkState::Expired);
        let a = accept(&r, "c1", day(5)).unwrap();
        assert_eq!(request_state(&a, day(5)), LinkState::Used);
        // Still used once the accepted relationship ended or was terminated.
        assert_eq!(request_state(&a, day(200)), LinkState::Used);
        let t = terminate(&a, day(6)).unwrap();
        assert_eq!(request_state(&t, day(7)), LinkState::Used);
        let d = decline(&r, day(5)).unwrap();
        assert_eq!(request_state(&d, day(6)), LinkState::Declined);
        assert_eq!(request_state(&d, day(300)), LinkState::Declined);
    }

    #[test]
    fn only_a_global_admin_of_a_customer_tenant_answers() {
        let who = |global_admin, partner_tenant| {
            check_may_answer(&Answerer {
                global_admin,
                partner_tenant,
            })
            .err()
            .map(|p| p.code)
        };
        assert_eq!(who(true, false), None);
        assert_eq!(who(false, false), Some(Code::AcceptGlobalAdminOnly));
        assert_eq!(who(true, true), Some(Code::AcceptPartnerTenant));
        assert_eq!(who(false, true), Some(Code::AcceptPartnerTenant));
    }

    #[test]
    fn accepting_lists_the_customer_for_the_sender_and_the_provider() {
        let reseller = parties(R, PartnerKind::IndirectReseller, None);
        let c = accepted_customer(
            None,
            "cust-1",
            " Société Générale d'Études ",
            "SGE.onmicrosoft.com",
            &reseller,
        )
        .unwrap();
        assert_eq!(c.company_name, "Société Générale d'Études");
        assert_eq!(c.primary_domain, "sge.onmicrosoft.com");
        assert_eq!(
            (c.reseller_id.as_deref(), c.provider_id.as_deref()),
            (Some(R), None)
        );
        assert_eq!(c.relationship, RelationshipKind::Reseller);
        // A provider's request: the provider's column.
        let by_provider = parties(P, PartnerKind::IndirectProvider, None);
        let c = accepted_customer(None, "cust-2", "Ромашка", "r.example", &by_provider).unwrap();
        assert_eq!(
            (c.reseller_id.as_deref(), c.provider_id.as_deref()),
            (None, Some(P))
        );
        // Two-tier: both, an indirect reseller's customer.
        let both = parties(R, PartnerKind::IndirectReseller, Some(P));
        let c = accepted_customer(None, "cust-3", "北京示例", "bj.example", &both).unwrap();
        assert_eq!(c.relationship, RelationshipKind::IndirectReseller);
        assert_eq!(two_tier_state(Some(&c), R, P), LinkState::Used);
        assert_eq!(two_tier_state(None, R, P), LinkState::Open);
        // An existing customer of the reseller gains the provider; its ID and name stay.
        let mine = accepted_customer(None, "cust-4", "Contoso", "c.example", &reseller).unwrap();
        assert_eq!(two_tier_state(Some(&mine), R, P), LinkState::Open);
        let grown = accepted_customer(Some(&mine), "ignored", "x", "y", &both).unwrap();
        assert_eq!(grown.id, "cust-4");
        assert_eq!(grown.provider_id.as_deref(), Some(P));
        assert_eq!(grown.relationship, RelationshipKind::IndirectReseller);
        // Another reseller's customer cannot take this one too.
        let other = parties(OTHER, PartnerKind::IndirectReseller, None);
        assert_eq!(
            accepted_customer(Some(&mine), "x", "x", "y", &other)
                .unwrap_err()
                .code,
            Code::AcceptOtherPartner
        );
    }

    #[test]
    fn the_list_shows_the_relationship_status_and_dates() {
        let a = accept(&request(), "c1", day(10)).unwrap();
        let c = accepted_customer(
            None,
            "c1",
            "Contoso",
            "c.example",
            &parties(R, PartnerKind::IndirectReseller, None),
        )
        .unwrap();
        let shown = with_relationship(c.clone(), Some(&a), day(20))
            .accepted
            .unwrap();
        assert_eq!(shown.status, RelationshipStatus::Active);
        assert_eq!((shown.accepted_on, shown.expires_on), (day(10), day(110)));
        assert_eq!(
            with_relationship(c.clone(), Some(&a), day(85))
                .accepted
                .unwrap()
                .status,
            RelationshipStatus::Expiring
        );
        // A request never accepted gives no dates.
        assert_eq!(
            with_relationship(c, Some(&request()), day(20)).accepted,
            None
        );
        let t = two_tier_request("req-2", "c1", day(3));
        assert_eq!(t.status, RelationshipStatus::Active);
        assert!(!t.admin_access && t.roles.is_empty());
        assert_eq!(t.expires_on, day(3 + DEFAULT_DURATION_DAYS));
    }

    #[test]
    fn links_read_back_into_their_parties() {
        use crate::invitation::{build_link, parse_invite, Invite};
        let inv = Invite::ResellerRelationship {
            partner_id: R.into(),
            provider_id: Some(P.into()),
            admin: false,
            request_id: None,
        };
        let link = build_link("https://portal.example/customers", &inv);
        let parsed = parse_invite(link.split_once('?').unwrap().1).unwrap();
        assert_eq!(
            invitation_link(&parsed),
            Some(InvitationLink {
                partner_id: R.into(),
                provider_id: Some(P.into()),
                request_id: None,
            })
        );
        assert_eq!(
            invitation_link(&Invite::IndirectReseller {
                provider_id: P.into()
            }),
            None
        );
        let answer: InvitationAnswer = serde_json::from_str(&format!(
            r#"{{"partner_id":"{R}","request_id":"req-1","accept":true,"language":"fr"}}"#
        ))
        .unwrap();
        assert_eq!(answer.link.request_id.as_deref(), Some("req-1"));
        assert!(answer.accept);
    }
}
