//! The demo partner and directory the in-browser backend starts with. Demo data only: an
//! operator's backend has its own directory and users.

use crate::backend::State;
use csp_core::api::User;
use csp_core::email::identity_key;
use csp_core::mpn::{OrgProfile, ProfileKind, ProfileStatus};

/// The demo partner's first user: the global admin who enrolled (password `demo`).
pub const DEMO_ADMIN: &str = "admin@contoso.onmicrosoft.com";

impl State {
    /// A partner with its enrolling global admin, not yet in the admin agent group.
    pub fn seeded() -> State {
        let admin = User {
            id: DEMO_ADMIN_ID.into(),
            name: "Alex Wilber".into(),
            email: DEMO_ADMIN.into(),
            agent_role: None,
            admin_role: Some("global-admin".into()),
        };
        State {
            users: vec![admin],
            ..State::default()
        }
    }
}

/// The seeded users' passwords (hashed): the only credentials that outlive a reload, since
/// nothing secret is stored in the browser.
pub fn credentials() -> Vec<(String, u64)> {
    vec![(DEMO_ADMIN_ID.into(), password_hash(DEMO_ADMIN, "demo"))]
}

const DEMO_ADMIN_ID: &str = "USR-000000";

/// A salted hash for the demo backends (std's SipHash: not for production secrets; a real
/// server uses its identity provider).
pub fn password_hash(user: &str, password: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    ("csp-portal", identity_key(user), password).hash(&mut h);
    h.finish()
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
