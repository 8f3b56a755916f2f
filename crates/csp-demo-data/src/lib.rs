//! The demo data both backends seed from: the in-browser backend (`csp-demo`) and the
//! reference API server (`csp-server`, into an empty database). The demo partners with their
//! authorizations, customers and relationship requests (`data/demo-partners.json`), the two
//! partners' global admins, the partner-network profiles, the IDs and sign-in names tests
//! name, and the date the data was written for. Data only: each backend keeps its own
//! passwords and sessions.

use csp_core::api::{MyPartner, PartnerKind, Signature, User};
use csp_core::customers::Customer;
use csp_core::date::Date;
use csp_core::mpn::{OrgProfile, ProfileKind, ProfileStatus};
use csp_core::relationship::RelationshipRequest;
use serde::{Deserialize, Serialize};

/// A reseller's authorization of a provider.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Authorization {
    pub reseller_id: String,
    pub provider_id: String,
    pub since: Date,
}

/// A relationship request and the partner that sent it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnedRequest {
    pub partner_id: String,
    #[serde(flatten)]
    pub request: RelationshipRequest,
}

/// The demo partner's first user: the global admin who enrolled (password `demo`).
pub const DEMO_ADMIN: &str = "admin@contoso.onmicrosoft.com";
/// The demo indirect provider's global admin (password `demo`).
pub const DEMO_PROVIDER_ADMIN: &str = "admin@fabrikam.onmicrosoft.com";
/// The demo reseller (Contoso) and indirect provider (Fabrikam Distribution).
pub const DEMO_RESELLER_ID: &str = "7c1e9a44-2b3d-4e8f-a6c5-913d0f2e7b15";
pub const DEMO_PROVIDER_ID: &str = "0b8f3c2a-6d1e-4f7a-9c3b-2e5d8a1f4b60";

/// A customer organization of the work-account directory, not yet anyone's customer: its
/// Global admin accepts reseller relationships (password: each backend's directory password).
pub struct CustomerTenant {
    pub domain: &'static str,
    pub country: &'static str,
    pub organization: &'static str,
    /// (user name, whether the account is the tenant's Global admin)
    pub accounts: &'static [(&'static str, bool)],
}

/// Northwind Traders (a Global admin and a user who is not) and Tailspin Toys.
pub const DEMO_CUSTOMER_TENANTS: &[CustomerTenant] = &[
    CustomerTenant {
        domain: "northwindtraders.onmicrosoft.com",
        country: "FR",
        organization: "Northwind Traders",
        accounts: &[
            ("admin@northwindtraders.onmicrosoft.com", true),
            ("lea.martin@northwindtraders.onmicrosoft.com", false),
        ],
    },
    CustomerTenant {
        domain: "tailspintoys.onmicrosoft.com",
        country: "FR",
        organization: "Tailspin Toys",
        accounts: &[("admin@tailspintoys.onmicrosoft.com", true)],
    },
];

/// The partners, authorizations, customers and requests the demo starts with.
#[derive(Deserialize)]
pub struct DemoPartners {
    pub today: Date,
    pub partners: Vec<MyPartner>,
    pub authorizations: Vec<Authorization>,
    pub customers: Vec<Customer>,
    pub relationship_requests: Vec<OwnedRequest>,
}

pub fn demo_partners() -> DemoPartners {
    serde_json::from_str(include_str!("../data/demo-partners.json")).expect("demo data")
}

/// The date the demo data was written for (native tests use it as "today").
pub fn demo_today() -> Date {
    Date::from_ymd(2026, 11, 28).expect("a date")
}

/// The two partners' global admins (password `demo`): Contoso's, who enrolled (not yet in
/// the admin agent group), and Fabrikam Distribution's. Both backends seed them.
pub fn demo_users() -> Vec<User> {
    let admin = |id: &str, name: &str, email: &str, partner: &str, kind| User {
        id: id.into(),
        name: name.into(),
        email: email.into(),
        agent_role: None,
        admin_role: Some("global-admin".into()),
        partner_id: partner.into(),
        partner_kind: Some(kind),
    };
    vec![
        admin(
            "USR-000000",
            "Alex Wilber",
            DEMO_ADMIN,
            DEMO_RESELLER_ID,
            PartnerKind::IndirectReseller,
        ),
        admin(
            "USR-000001",
            "Megan Bowen",
            DEMO_PROVIDER_ADMIN,
            DEMO_PROVIDER_ID,
            PartnerKind::IndirectProvider,
        ),
    ]
}

/// The partner agreement as every demo partner signed it: the version, and for each partner
/// (by its global admin, at `at`) the signature. Partners outside `demo_users` sign too, by a
/// named signatory of theirs, so that every demo partner's pages are open.
pub const DEMO_AGREEMENT_VERSION: &str = "2026-10";

pub fn demo_signature(partner_id: &str, at: i64) -> Signature {
    let user = demo_users()
        .into_iter()
        .find(|u| u.partner_id == partner_id);
    Signature {
        version: DEMO_AGREEMENT_VERSION.into(),
        name: user
            .as_ref()
            .map_or("Demo signatory".into(), |u| u.name.clone()),
        job_title: "Managing Director".into(),
        user: user.map_or(String::new(), |u| u.email),
        at,
    }
}

/// The demo partner-network directory: a multinational with one location per market, a
/// global (headquarters) profile and an inactive one, so every rule can be seen.
pub fn demo_profiles() -> Vec<OrgProfile> {
    let loc = |id: &str, name: &str, c: &str| OrgProfile {
        mpn_id: id.into(),
        name: name.into(),
        kind: ProfileKind::Location,
        status: ProfileStatus::Active,
        country: c.into(),
    };
    let mut v = vec![
        OrgProfile {
            mpn_id: "4410000".into(),
            name: "Contoso Group (headquarters)".into(),
            kind: ProfileKind::Global,
            status: ProfileStatus::Active,
            country: "US".into(),
        },
        loc("4410001", "Contoso France", "FR"),
        loc("4410002", "Contoso UK", "GB"),
        loc("4410003", "Contoso Deutschland", "DE"),
        loc("4410004", "Contoso Rus", "RU"),
        loc("4410005", "Contoso China", "CN"),
        loc("4410006", "Contoso USA", "US"),
    ];
    v.push(OrgProfile {
        status: ProfileStatus::Inactive,
        ..loc("4410009", "Contoso Lyon (closed)", "FR")
    });
    v
}
