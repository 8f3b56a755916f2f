//! Demo data for an empty database: the demo partners of the in-browser backend (read from
//! the same file, `crates/csp-demo-data/data/demo-partners.json`, with the same users), an
//! operator who reviews applications, and a demo directory (work accounts, partner-network
//! account and its organization profiles). An operator replaces the directory with the real
//! one.

use crate::rows::UserRow;
use crate::secrets::new_id;
use crate::state::{now, Shared};
use csp_core::access::identity_key;
use csp_demo_data::{demo_partners, demo_users};
pub use csp_demo_data::{demo_profiles, DEMO_ADMIN, DEMO_PROVIDER_ADMIN};

/// The demo partners' users' password (not forced to change).
pub const DEMO_PASSWORD: &str = "demo";
/// Reviews applications (`PUT /applications/{id}/status`); same demo password.
pub const DEMO_OPERATOR: &str = "reviewer@csp-operations.example";
/// The password of every demo directory account (work accounts and partner network).
pub const DIRECTORY_PASSWORD: &str = "motdepasse";
/// The demo partner-network account that holds the profiles of [`demo_profiles`].
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

/// What start-up does about data: with `demo_data`, seeds an empty database; without it, an
/// empty database is left empty and the log says how to make the first accounts.
pub async fn on_start(state: &Shared, demo_data: bool) -> Result<(), Box<dyn std::error::Error>> {
    if demo_data {
        if seed_if_empty(state).await? {
            tracing::info!("seeded the demo partner and directory");
        }
    } else if state.store.partner_count().await? == 0 {
        tracing::info!(
            "the database has no accounts yet: create the first with `csp-server create-operator EMAIL` \
             and `csp-server create-partner --kind indirect-reseller|indirect-provider --name NAME \
             --country CC --region REGION --admin EMAIL` (each prints a one-time password), \
             or start with --demo-data for the demo partners and directory"
        );
    }
    Ok(())
}

/// Seeds once: only when no partner exists yet. One transaction under the set-up lock
/// (`Store::begin_setup`), so instances starting together on one database seed it once (the
/// others wait, then find partners), and a failure part-way leaves it empty, to be seeded by
/// the next start.
pub async fn seed_if_empty(state: &Shared) -> Result<bool, Box<dyn std::error::Error>> {
    if state.store.partner_count().await? > 0 {
        return Ok(false);
    }
    // Hashed before taking the lock: Argon2 is the slow part, the inserts are not.
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

    let mut store = state.store.begin_setup().await?;
    // Decided again under the lock: another instance may have seeded meanwhile.
    if store.partner_count().await? > 0 {
        return Ok(false);
    }
    let d = demo_partners();
    for p in &d.partners {
        // The partner's own work-account tenant: its `onmicrosoft.com` domain, if it has one.
        let own = p.domains.iter().find(|x| x.ends_with(".onmicrosoft.com"));
        if let Some(domain) = own {
            store
                .insert_tenant(domain, &p.partner.country, &p.partner.name, t)
                .await?;
        }
        let tenant = own.or(p.domains.first()).cloned().unwrap_or_default();
        store.insert_partner_of(p, &tenant, t).await?;
        store
            .sign_agreement(
                &p.partner.id,
                &csp_demo_data::demo_signature(&p.partner.id, t),
            )
            .await?;
    }
    for a in &d.authorizations {
        store
            .insert_authorization(&a.reseller_id, &a.provider_id, a.since)
            .await?;
    }
    // One second apart: the lists keep the file's order.
    for (i, c) in d.customers.iter().enumerate() {
        store.insert_customer(c, t + i as i64).await?;
    }
    for (i, r) in d.relationship_requests.iter().enumerate() {
        let key = r
            .request
            .admin_access
            .then(|| csp_core::relationship::name_key(&r.request.name));
        store
            .insert_request(&r.partner_id, key, &r.request, t + i as i64)
            .await?;
    }
    for u in demo_users() {
        let row = UserRow {
            id: id("usr")?,
            partner_id: u.partner_id,
            name: u.name,
            email_key: identity_key(&u.email),
            email: u.email,
            agent_role: u.agent_role,
            admin_role: u.admin_role,
            operator: false,
            password_hash: demo_hash.clone(),
            must_change: false,
            partner_kind: None,
        };
        store.insert_user(&row, t).await?;
    }

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
                partner_kind: None,
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
    for c in csp_demo_data::DEMO_CUSTOMER_TENANTS {
        store
            .insert_tenant(c.domain, c.country, c.organization, t)
            .await?;
        for (user, global_admin) in c.accounts {
            let wac = id("wac")?;
            store
                .insert_work_account(&wac, &identity_key(user), user, &dir_hash, c.domain)
                .await?;
            if !global_admin {
                store.set_not_global_admin(&wac).await?;
            }
        }
    }
    let pn = identity_key(DEMO_PN_ACCOUNT);
    store.insert_pn_account(&pn, &dir_hash).await?;
    for p in demo_profiles() {
        store.insert_profile(&pn, &p).await?;
    }
    store.commit().await?;
    Ok(true)
}
