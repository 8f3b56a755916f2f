//! The directory: tenants, their work accounts, and the partner network's accounts with
//! their organization profiles.

use super::erased;
use super::{enum_of, inserted, DbResult, Store, Tx};
use crate::rows::{Insert, WorkAccountRow};
use sqlx::{AnyConnection, Row};

async fn insert_tenant(
    db: &mut AnyConnection,
    domain: &str,
    country: &str,
    organization: &str,
    now: i64,
) -> DbResult<Insert> {
    let r = sqlx::query(
        "INSERT INTO tenants (domain, country, organization, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(domain)
    .bind(country)
    .bind(organization)
    .bind(now)
    .execute(db)
    .await;
    inserted(r)
}

async fn insert_work_account(
    db: &mut AnyConnection,
    id: &str,
    key: &str,
    user_name: &str,
    hash: &str,
    domain: &str,
) -> DbResult<Insert> {
    let r = sqlx::query(
        "INSERT INTO work_accounts (id, user_name_key, user_name, password_hash, tenant_domain) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(id)
    .bind(key)
    .bind(user_name)
    .bind(hash)
    .bind(domain)
    .execute(db)
    .await;
    inserted(r)
}

async fn insert_pn_account(db: &mut AnyConnection, key: &str, hash: &str) -> DbResult<()> {
    sqlx::query("INSERT INTO pn_accounts (user_name_key, password_hash) VALUES ($1, $2)")
        .bind(key)
        .bind(hash)
        .execute(db)
        .await?;
    Ok(())
}

async fn insert_profile(
    db: &mut AnyConnection,
    account: &str,
    p: &csp_core::mpn::OrgProfile,
) -> DbResult<()> {
    let s = |v: &dyn erased::Ser| v.text();
    sqlx::query("INSERT INTO pn_profiles (mpn_id, account_key, name, kind, status, country) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(&p.mpn_id)
        .bind(account)
        .bind(&p.name)
        .bind(s(&p.kind))
        .bind(s(&p.status))
        .bind(&p.country)
        .execute(db)
        .await?;
    Ok(())
}

impl Tx {
    pub async fn insert_tenant(
        &mut self,
        domain: &str,
        country: &str,
        organization: &str,
        now: i64,
    ) -> DbResult<Insert> {
        insert_tenant(self.conn(), domain, country, organization, now).await
    }

    /// Whether the directory has a tenant of this domain (checked before inserting, as a
    /// refused insert ends the transaction on PostgreSQL).
    pub async fn tenant_exists(&mut self, domain: &str) -> DbResult<bool> {
        let n: i64 = sqlx::query("SELECT COUNT(*) AS n FROM tenants WHERE domain = $1")
            .bind(domain)
            .fetch_one(self.conn())
            .await?
            .try_get("n")?;
        Ok(n > 0)
    }

    pub async fn insert_work_account(
        &mut self,
        id: &str,
        key: &str,
        user_name: &str,
        hash: &str,
        domain: &str,
    ) -> DbResult<Insert> {
        insert_work_account(self.conn(), id, key, user_name, hash, domain).await
    }

    pub async fn insert_pn_account(&mut self, key: &str, hash: &str) -> DbResult<()> {
        insert_pn_account(self.conn(), key, hash).await
    }

    /// Marks a work account as not its tenant's Global admin (a tenant's other users).
    pub async fn set_not_global_admin(&mut self, id: &str) -> DbResult<()> {
        sqlx::query("UPDATE work_accounts SET global_admin = 0 WHERE id = $1")
            .bind(id)
            .execute(self.conn())
            .await?;
        Ok(())
    }

    pub async fn insert_profile(
        &mut self,
        account: &str,
        p: &csp_core::mpn::OrgProfile,
    ) -> DbResult<()> {
        insert_profile(self.conn(), account, p).await
    }
}

impl Store {
    pub async fn insert_tenant(
        &self,
        domain: &str,
        country: &str,
        organization: &str,
        now: i64,
    ) -> DbResult<Insert> {
        insert_tenant(
            &mut *self.pool.acquire().await?,
            domain,
            country,
            organization,
            now,
        )
        .await
    }

    /// (country, organization)
    pub async fn tenant(&self, domain: &str) -> DbResult<Option<(String, String)>> {
        let r = sqlx::query("SELECT country, organization FROM tenants WHERE domain = $1")
            .bind(domain)
            .fetch_optional(&self.pool)
            .await?;
        r.map(|r| Ok((r.try_get("country")?, r.try_get("organization")?)))
            .transpose()
    }

    pub async fn insert_work_account(
        &self,
        id: &str,
        key: &str,
        user_name: &str,
        hash: &str,
        domain: &str,
    ) -> DbResult<Insert> {
        insert_work_account(
            &mut *self.pool.acquire().await?,
            id,
            key,
            user_name,
            hash,
            domain,
        )
        .await
    }

    async fn work_account_where(&self, col: &str, v: &str) -> DbResult<Option<WorkAccountRow>> {
        let r = sqlx::query(&format!(
            "SELECT id, user_name, password_hash, tenant_domain FROM work_accounts WHERE {col} = $1"
        ))
        .bind(v)
        .fetch_optional(&self.pool)
        .await?;
        r.map(|r| {
            Ok(WorkAccountRow {
                id: r.try_get("id")?,
                user_name: r.try_get("user_name")?,
                password_hash: r.try_get("password_hash")?,
                tenant_domain: r.try_get("tenant_domain")?,
            })
        })
        .transpose()
    }

    pub async fn work_account(&self, key: &str) -> DbResult<Option<WorkAccountRow>> {
        self.work_account_where("user_name_key", key).await
    }

    pub async fn work_account_by_id(&self, id: &str) -> DbResult<Option<WorkAccountRow>> {
        self.work_account_where("id", id).await
    }

    pub async fn insert_pn_account(&self, key: &str, hash: &str) -> DbResult<()> {
        insert_pn_account(&mut *self.pool.acquire().await?, key, hash).await
    }

    pub async fn pn_account_hash(&self, key: &str) -> DbResult<Option<String>> {
        let r = sqlx::query("SELECT password_hash FROM pn_accounts WHERE user_name_key = $1")
            .bind(key)
            .fetch_optional(&self.pool)
            .await?;
        r.map(|r| r.try_get("password_hash")).transpose()
    }

    pub async fn insert_profile(
        &self,
        account: &str,
        p: &csp_core::mpn::OrgProfile,
    ) -> DbResult<()> {
        insert_profile(&mut *self.pool.acquire().await?, account, p).await
    }

    async fn profiles_where(
        &self,
        col: &str,
        v: &str,
    ) -> DbResult<Vec<(String, csp_core::mpn::OrgProfile)>> {
        let rows = sqlx::query(&format!(
            "SELECT mpn_id, account_key, name, kind, status, country FROM pn_profiles WHERE {col} = $1 ORDER BY mpn_id"
        ))
        .bind(v)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let kind: String = r.try_get("kind")?;
                let status: String = r.try_get("status")?;
                Ok((
                    r.try_get("account_key")?,
                    csp_core::mpn::OrgProfile {
                        mpn_id: r.try_get("mpn_id")?,
                        name: r.try_get("name")?,
                        kind: enum_of(&kind)?,
                        status: enum_of(&status)?,
                        country: r.try_get("country")?,
                    },
                ))
            })
            .collect()
    }

    pub async fn profiles_of(&self, account: &str) -> DbResult<Vec<csp_core::mpn::OrgProfile>> {
        Ok(self
            .profiles_where("account_key", account)
            .await?
            .into_iter()
            .map(|(_, p)| p)
            .collect())
    }

    /// The profile and the partner-network account it belongs to.
    pub async fn profile(
        &self,
        mpn_id: &str,
    ) -> DbResult<Option<(String, csp_core::mpn::OrgProfile)>> {
        Ok(self
            .profiles_where("mpn_id", mpn_id)
            .await?
            .into_iter()
            .next())
    }

    /// Whether a work account is its tenant's Global admin.
    pub async fn is_global_admin(&self, account_id: &str) -> DbResult<bool> {
        let r = sqlx::query("SELECT global_admin FROM work_accounts WHERE id = $1")
            .bind(account_id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(match r {
            Some(r) => r.try_get::<i64, _>("global_admin")? != 0,
            None => false,
        })
    }

    /// Whether a tenant is a partner's own (its tenant or one of its domains).
    pub async fn is_partner_tenant(&self, domain: &str) -> DbResult<bool> {
        let n: i64 = sqlx::query(
            "SELECT (SELECT COUNT(*) FROM partners WHERE tenant_domain = $1) + \
             (SELECT COUNT(*) FROM partner_domains WHERE domain = $1) AS n",
        )
        .bind(domain)
        .fetch_one(&self.pool)
        .await?
        .try_get("n")?;
        Ok(n > 0)
    }
}
