//! Demo data for an empty database: the demo partner with its global admin, an operator who
//! reviews applications, and a demo directory (work accounts, partner-network account and its
//! organization profiles). An operator replaces the directory with the real one.

use crate::app::{now, Shared};
use crate::secrets::{identity_key, new_id};
use crate::storage::UserRow;
use csp_core::mpn::{OrgProfile, ProfileKind, ProfileStatus};

/// The demo partner's global admin (password [`DEMO_PASSWORD`], not forced to change).
pub const DEMO_ADMIN: &str = "admin@contoso.onmicrosoft.com";
pub const DEMO_PASSWORD: &str = "demo";
/// Reviews applications (`PUT /applications/{id}/status`); same demo password.
pub const DEMO_OPERATOR: &str = "reviewer@csp-operations.example";
/// The password of every demo directory account (work accounts and partner network).
pub const DIRECTORY_PASSWORD: &str = "motdepasse";
/// The demo partner-network account that holds the profiles below.
pub const DEMO_PN_ACCOUNT: &str = "pmc@contoso.fr";

/// Work-account tenants of the demo directory: (domain, country, organization).
pub const DEMO_TENANTS: &[(&str, &str, &str)] = &[
    ("contoso.fr", "FR", "Contoso France"),
    ("contoso.co.uk", "GB", "Contoso UK"),
    ("contoso.de", "DE", "Contoso Deutschland"),
    ("contoso.ru", "RU", "Contoso Rus"),
    ("contoso.cn", "CN", "Contoso China"),
    ("contoso.com", "US", "Contoso USA"),
];

/// A multinational with one location per market, a headquarters profile and a closed one, so
/// every profile rule can be seen (the list of the in-browser demo backend).
pub fn demo_profiles() -> Vec<OrgProfile> {
    let loc = |id: &str, name: &str, c: &str| OrgProfile {
        mpn_id: id.into(),
        name: name.into(),
        kind: ProfileKind::Location,
        status: ProfileStatus::Active,
        country: c.into(),
    };
    vec![
        OrgProfile {
            kind: ProfileKind::Global,
            ..loc("4410000", "Contoso Group (headquarters)", "US")
        },
        loc("4410001", "Contoso France", "FR"),
        loc("4410002", "Contoso UK", "GB"),
        loc("4410003", "Contoso Deutschland", "DE"),
        loc("4410004", "Contoso Rus", "RU"),
        loc("4410005", "Contoso China", "CN"),
        loc("4410006", "Contoso USA", "US"),
        OrgProfile {
            status: ProfileStatus::Inactive,
            ..loc("4410009", "Contoso Lyon (closed)", "FR")
        },
    ]
}

/// Seeds once: only when no partner exists yet.
pub async fn seed_if_empty(state: &Shared) -> Result<bool, Box<dyn std::error::Error>> {
    let store = &state.store;
    if store.partner_count().await? > 0 {
        return Ok(false);
    }
    let t = now();
    let demo_hash = state
        .hasher
        .hash(DEMO_PASSWORD)
        .map_err(|_| "no OS randomness")?;
    let dir_hash = state
        .hasher
        .hash(DIRECTORY_PASSWORD)
        .map_err(|_| "no OS randomness")?;
    let id = |p: &str| new_id(p).map_err(|_| "no OS randomness");

    store
        .insert_tenant("contoso.onmicrosoft.com", "FR", "Contoso", t)
        .await?;
    let partner = id("ptn")?;
    store
        .insert_partner(&partner, "Contoso", "contoso.onmicrosoft.com", t)
        .await?;
    let admin = UserRow {
        id: id("usr")?,
        partner_id: partner,
        name: "Alex Wilber".into(),
        email: DEMO_ADMIN.into(),
        email_key: identity_key(DEMO_ADMIN),
        agent_role: None,
        admin_role: Some("global-admin".into()),
        operator: false,
        password_hash: demo_hash.clone(),
        must_change: false,
    };
    store.insert_user(&admin, t).await?;

    let ops = id("ptn")?;
    store
        .insert_partner(&ops, "CSP program operations", "csp-operations.example", t)
        .await?;
    store
        .insert_user(
            &UserRow {
                id: id("usr")?,
                partner_id: ops,
                name: "Program reviewer".into(),
                email: DEMO_OPERATOR.into(),
                email_key: identity_key(DEMO_OPERATOR),
                agent_role: None,
                admin_role: None,
                operator: true,
                password_hash: demo_hash,
                must_change: false,
            },
            t,
        )
        .await?;

    for (domain, country, org) in DEMO_TENANTS {
        store.insert_tenant(domain, country, org, t).await?;
        let user = format!("admin@{domain}");
        store
            .insert_work_account(&id("wac")?, &identity_key(&user), &user, &dir_hash, domain)
            .await?;
    }
    let pn = identity_key(DEMO_PN_ACCOUNT);
    store.insert_pn_account(&pn, &dir_hash).await?;
    for p in demo_profiles() {
        store.insert_profile(&pn, &p).await?;
    }
    Ok(true)
}
