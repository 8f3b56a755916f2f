//! The first accounts of a deployment, which starts with an empty database: a program
//! operator (`csp-server create-operator`) and a partner with its global admin
//! (`csp-server create-partner`). Each account gets a one-time temporary password, hashed like
//! every password, that must be changed at first sign-in. The rows are those the demo seed
//! makes (`seed.rs`), written in one transaction under the set-up lock.

use crate::rows::{Insert, UserRow};
use crate::secrets::{new_guid, new_id, temporary_password, Hasher};
use crate::state::now;
use crate::storage::Store;
use csp_core::access::identity_key;
use csp_core::api::{MyPartner, PartnerKind};
use csp_core::partners::PartnerSummary;

/// What the command prints: the account's sign-in name and its one-time password.
#[derive(Debug, Clone)]
pub struct Created {
    pub partner_id: String,
    pub sign_in_name: String,
    pub temporary_password: String,
}

/// `create-partner`'s arguments.
#[derive(Debug, Clone)]
pub struct NewPartner {
    pub kind: PartnerKind,
    pub name: String,
    /// ISO 3166-1 alpha-2, one of the program's markets.
    pub country: String,
    pub region: String,
    /// The global admin's email, their sign-in name.
    pub admin: String,
    /// The admin's display name (default: the email's local part).
    pub admin_name: Option<String>,
    /// The partner's domains (default: the admin's email domain); an `onmicrosoft.com` one
    /// becomes its work-account tenant.
    pub domains: Vec<String>,
}

/// The name used for the operators' own organization (a partner of no kind).
pub const OPERATIONS_NAME: &str = "CSP program operations";

fn db(e: sqlx::Error) -> String {
    format!("database: {e}")
}

fn no_random<T>(_: T) -> String {
    "no OS randomness".into()
}

/// The address as the server stores it, or why it is not one.
fn email(raw: &str) -> Result<csp_core::email::Email, String> {
    csp_core::email::parse(raw).map_err(|_| format!("not an email address: {raw}"))
}

fn display_name(given: Option<&str>, email: &csp_core::email::Email) -> Result<String, String> {
    let name = given.map(str::trim).unwrap_or(&email.local).to_string();
    if name.is_empty() || name.chars().count() > csp_core::limits::DEFAULT_MAX {
        return Err(format!("not a usable name: {name:?}"));
    }
    Ok(name)
}

/// A user with a fresh temporary password that must be changed at first sign-in.
fn new_user(
    hasher: &Hasher,
    partner_id: &str,
    name: String,
    email: &csp_core::email::Email,
    operator: bool,
) -> Result<(UserRow, String), String> {
    let password = temporary_password().map_err(no_random)?;
    let email = email.to_string();
    let row = UserRow {
        id: new_id("usr").map_err(no_random)?,
        partner_id: partner_id.into(),
        name,
        email_key: identity_key(&email),
        email,
        agent_role: None,
        admin_role: (!operator).then(|| "global-admin".to_string()),
        operator,
        password_hash: hasher.hash(&password).map_err(no_random)?,
        must_change: true,
        partner_kind: None,
    };
    Ok((row, password))
}

/// An operator (reviews applications), in the operators' organization, made with the first
/// operator.
pub async fn create_operator(
    store: &Store,
    hasher: &Hasher,
    raw_email: &str,
    name: Option<&str>,
) -> Result<Created, String> {
    let email = email(raw_email)?;
    let name = display_name(name, &email)?;
    let t = now();
    let mut tx = store.begin_setup().await.map_err(db)?;
    if tx
        .user_exists(&identity_key(&email.to_string()))
        .await
        .map_err(db)?
    {
        return Err(format!("a user {email} exists already"));
    }
    let partner = match tx.operations_partner().await.map_err(db)? {
        Some(id) => id,
        None => {
            let id = new_id("ptn").map_err(no_random)?;
            tx.insert_partner(&id, OPERATIONS_NAME, &email.domain, t)
                .await
                .map_err(db)?;
            id
        }
    };
    let (row, password) = new_user(hasher, &partner, name, &email, true)?;
    if let Insert::Duplicate = tx.insert_user(&row, t).await.map_err(db)? {
        return Err(format!("a user {email} exists already"));
    }
    tx.commit().await.map_err(db)?;
    Ok(Created {
        partner_id: partner,
        sign_in_name: row.email,
        temporary_password: password,
    })
}

/// An indirect reseller or provider (a random GUID, as every partner ID) and its global
/// admin, all or nothing.
pub async fn create_partner(
    store: &Store,
    hasher: &Hasher,
    p: &NewPartner,
) -> Result<Created, String> {
    let admin = email(&p.admin)?;
    let admin_name = display_name(p.admin_name.as_deref(), &admin)?;
    let name = p.name.trim().to_string();
    if name.is_empty() || name.chars().count() > csp_core::limits::DEFAULT_MAX {
        return Err(format!("not a usable partner name: {:?}", p.name));
    }
    let countries = csp_core::country::default_countries();
    let country = csp_core::country::find(&countries, &p.country)
        .ok_or_else(|| format!("not a country of the program: {}", p.country))?
        .code
        .clone();
    let region = p.region.trim().to_lowercase();
    if region.is_empty() {
        return Err("the region must not be empty".into());
    }
    let mut domains = Vec::new();
    for d in &p.domains {
        let d = email(&format!("admin@{}", d.trim()))
            .map_err(|_| format!("not a domain name: {d}"))?
            .domain;
        if !domains.contains(&d) {
            domains.push(d);
        }
    }
    if domains.is_empty() {
        domains.push(admin.domain.clone());
    }
    let own = domains
        .iter()
        .find(|d| d.ends_with(".onmicrosoft.com"))
        .cloned();
    let tenant = own.clone().unwrap_or_else(|| domains[0].clone());
    let partner = MyPartner {
        partner: PartnerSummary {
            id: new_guid().map_err(no_random)?,
            name,
            country,
            region,
            since: None,
        },
        kind: p.kind,
        domains,
        // Its global admin signs the agreement at first sign-in.
        agreement_signed: false,
    };
    let (row, password) = new_user(hasher, &partner.partner.id, admin_name, &admin, false)?;

    let t = now();
    let mut tx = store.begin_setup().await.map_err(db)?;
    // Checked first: a refused insert would end the transaction on PostgreSQL.
    if tx.user_exists(&row.email_key).await.map_err(db)? {
        return Err(format!("a user {admin} exists already"));
    }
    if let Some(domain) = &own {
        if tx.tenant_exists(domain).await.map_err(db)? {
            return Err(format!("the tenant {domain} exists already"));
        }
        tx.insert_tenant(domain, &partner.partner.country, &partner.partner.name, t)
            .await
            .map_err(db)?;
    }
    tx.insert_partner_of(&partner, &tenant, t)
        .await
        .map_err(db)?;
    if let Insert::Duplicate = tx.insert_user(&row, t).await.map_err(db)? {
        return Err(format!("a user {admin} exists already"));
    }
    tx.commit().await.map_err(db)?;
    Ok(Created {
        partner_id: partner.partner.id,
        sign_in_name: row.email,
        temporary_password: password,
    })
}
