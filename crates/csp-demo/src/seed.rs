//! The in-browser backend's own start: its state seeded from the demo data (`csp-demo-data`)
//! and the demo users' passwords, hashed its way. Demo data only: an operator's backend has
//! its own directory and users.

use crate::backend::State;
use csp_core::access::identity_key;
use csp_demo_data::{demo_partners, demo_users, DEMO_ADMIN, DEMO_PROVIDER_ADMIN};

impl State {
    /// The reseller Contoso and the indirect provider Fabrikam Distribution with their
    /// [`demo_users`], and the partners, customers and requests of `csp-demo-data`'s
    /// `data/demo-partners.json`.
    pub fn seeded() -> State {
        let d = demo_partners();
        let (operator, operator_hash) = crate::review::demo_operator();
        let mut users = demo_users();
        let mut credentials = credentials();
        credentials.push((operator.id.clone(), operator_hash));
        let review = crate::review::ReviewState {
            operators: vec![operator.id.clone()],
            ..Default::default()
        };
        users.push(operator);
        State {
            users,
            review,
            partners: d.partners,
            authorizations: d.authorizations,
            customers: d.customers,
            relationship_requests: d.relationship_requests,
            // The directory's customer organizations, whose Global admins accept relationships.
            tenants: csp_demo_data::DEMO_CUSTOMER_TENANTS
                .iter()
                .map(|c| csp_core::enrollment::Tenant {
                    domain: c.domain.into(),
                    country: c.country.into(),
                    organization: c.organization.into(),
                })
                .collect(),
            credentials,
            ..State::default()
        }
    }
}

/// The seeded users' passwords (`demo`), hashed.
pub fn credentials() -> Vec<(String, u64)> {
    [
        ("USR-000000", DEMO_ADMIN),
        ("USR-000001", DEMO_PROVIDER_ADMIN),
    ]
    .iter()
    .map(|(id, email)| (id.to_string(), password_hash(email, "demo")))
    .collect()
}

/// The demo's password hash: FNV-1a over the product, the user's identity and the password.
/// It is kept in the browser with the rest of the demo's data, so it must be the same in every
/// build; it only keeps the typed password out of plain sight. The demo's passwords are demo
/// passwords, never secrets: a real backend hashes with Argon2id (see csp-server).
pub fn password_hash(user: &str, password: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = fnv::FnvHasher::default();
    for part in ["csp-portal", &identity_key(user), password] {
        h.write(part.as_bytes());
        h.write_u8(0);
    }
    h.finish()
}
