//! Durable storage behind one type. Why `sqlx::Any` rather than a trait with two impls: the
//! schema and every query are written once in the SQL both engines share (TEXT, BIGINT, `$n`
//! parameters, `ON CONFLICT`, `RETURNING`), so one migration set and one test suite cover
//! SQLite (the default: a file created and migrated on start) and PostgreSQL (when
//! `DATABASE_URL` names one). The price is Any's small type set, which this schema fits.

use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::migrate::{Migration, MigrationType, Migrator};
use sqlx::{AnyPool, Executor, Row};
use std::borrow::Cow;

pub type DbResult<T> = Result<T, sqlx::Error>;

#[derive(Clone)]
pub struct Store {
    pub(crate) pool: AnyPool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserRow {
    pub id: String,
    pub partner_id: String,
    pub name: String,
    pub email: String,
    pub email_key: String,
    pub agent_role: Option<String>,
    pub admin_role: Option<String>,
    pub operator: bool,
    pub password_hash: String,
    pub must_change: bool,
    /// The user's partner's side of the two-tier model, read with the user (never written
    /// through the user: it belongs to the partner).
    pub partner_kind: Option<csp_core::api::PartnerKind>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRow {
    pub token_hash: String,
    /// `user` (a partner user) or `applicant` (a work account during enrollment).
    pub kind: String,
    pub subject: String,
    pub csrf_token: String,
    /// The partner-network account the applicant signed in to (its profiles may be chosen).
    pub pn_account: Option<String>,
    pub created_at: i64,
    pub last_seen: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkAccountRow {
    pub id: String,
    pub user_name: String,
    pub password_hash: String,
    pub tenant_domain: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplicationRow {
    pub id: String,
    pub reference: String,
    pub owner: String,
    pub status: String,
    pub partner_type: Option<String>,
    pub primary_contact_email: String,
    pub tenant: Option<String>,
}

/// Outcome of an insert that a unique constraint may refuse.
#[derive(Debug)]
pub enum Insert {
    Done,
    Duplicate,
}

fn migrator() -> Migrator {
    Migrator {
        migrations: Cow::Owned(vec![
            Migration::new(
                1,
                Cow::Borrowed("initial"),
                MigrationType::Simple,
                Cow::Borrowed(include_str!("../migrations/0001_initial.sql")),
                false,
            ),
            Migration::new(
                2,
                Cow::Borrowed("partners"),
                MigrationType::Simple,
                Cow::Borrowed(include_str!("../migrations/0002_partners.sql")),
                false,
            ),
        ]),
        ..Migrator::DEFAULT
    }
}

pub(crate) fn is_unique_violation(e: &sqlx::Error) -> bool {
    e.as_database_error()
        .is_some_and(|d| d.is_unique_violation())
}

fn user(r: &AnyRow) -> DbResult<UserRow> {
    Ok(UserRow {
        id: r.try_get("id")?,
        partner_id: r.try_get("partner_id")?,
        name: r.try_get("name")?,
        email: r.try_get("email")?,
        email_key: r.try_get("email_key")?,
        agent_role: r.try_get("agent_role")?,
        admin_role: r.try_get("admin_role")?,
        operator: r.try_get::<i64, _>("operator")? != 0,
        password_hash: r.try_get("password_hash")?,
        must_change: r.try_get::<i64, _>("must_change")? != 0,
        partner_kind: r
            .try_get::<Option<String>, _>("partner_kind")?
            .map(|k| enum_of(&k))
            .transpose()?,
    })
}

fn application(r: &AnyRow) -> DbResult<ApplicationRow> {
    Ok(ApplicationRow {
        id: r.try_get("id")?,
        reference: r.try_get("reference")?,
        owner: r.try_get("owner")?,
        status: r.try_get("status")?,
        partner_type: r.try_get("partner_type")?,
        primary_contact_email: r.try_get("primary_contact_email")?,
        tenant: r.try_get("tenant")?,
    })
}

/// A user with their partner's kind; `WHERE`/`ORDER BY` name the user's columns as `u.…`.
const USER_SELECT: &str = "SELECT u.id, u.partner_id, u.name, u.email, u.email_key, u.agent_role, u.admin_role, u.operator, u.password_hash, u.must_change, p.kind AS partner_kind \
     FROM users u LEFT JOIN partners p ON p.id = u.partner_id";
const APP_COLS: &str = "id, reference, owner, status, partner_type, primary_contact_email, tenant";

impl Store {
    /// Connects (creating a SQLite file if needed) and applies pending migrations.
    pub async fn open(url: &str) -> DbResult<Store> {
        sqlx::any::install_default_drivers();
        let sqlite = url.starts_with("sqlite:");
        let url = if sqlite && !url.contains("mode=") && !url.contains(":memory:") {
            format!("{url}{}mode=rwc", if url.contains('?') { '&' } else { '?' })
        } else {
            url.to_string()
        };
        let pool = AnyPoolOptions::new()
            .max_connections(if sqlite { 4 } else { 10 })
            .acquire_timeout(std::time::Duration::from_secs(10))
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    if sqlite {
                        // WAL lets readers run beside the writer; the busy timeout queues writers.
                        conn.execute("PRAGMA journal_mode = WAL").await?;
                        conn.execute("PRAGMA busy_timeout = 5000").await?;
                        conn.execute("PRAGMA foreign_keys = ON").await?;
                    }
                    Ok(())
                })
            })
            .connect(&url)
            .await?;
        migrator().run(&pool).await?;
        Ok(Store { pool })
    }

    pub async fn close(&self) {
        self.pool.close().await
    }

    pub async fn partner_count(&self) -> DbResult<i64> {
        sqlx::query("SELECT COUNT(*) AS n FROM partners")
            .fetch_one(&self.pool)
            .await?
            .try_get("n")
    }

    pub async fn insert_partner(
        &self,
        id: &str,
        name: &str,
        domain: &str,
        now: i64,
    ) -> DbResult<()> {
        sqlx::query(
            "INSERT INTO partners (id, name, tenant_domain, created_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(name)
        .bind(domain)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Refused with `Duplicate` when the email key is taken: the unique index decides, so two
    /// concurrent adds of one address make one user.
    pub async fn insert_user(&self, u: &UserRow, now: i64) -> DbResult<Insert> {
        let r = sqlx::query(
            "INSERT INTO users (id, partner_id, name, email, email_key, agent_role, admin_role, operator, password_hash, must_change, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(&u.id)
        .bind(&u.partner_id)
        .bind(&u.name)
        .bind(&u.email)
        .bind(&u.email_key)
        .bind(u.agent_role.clone())
        .bind(u.admin_role.clone())
        .bind(u.operator as i64)
        .bind(&u.password_hash)
        .bind(u.must_change as i64)
        .bind(now)
        .execute(&self.pool)
        .await;
        match r {
            Ok(_) => Ok(Insert::Done),
            Err(e) if is_unique_violation(&e) => Ok(Insert::Duplicate),
            Err(e) => Err(e),
        }
    }

    pub async fn user_by_key(&self, key: &str) -> DbResult<Option<UserRow>> {
        sqlx::query(&format!("{USER_SELECT} WHERE u.email_key = $1"))
            .bind(key)
            .fetch_optional(&self.pool)
            .await?
            .map(|r| user(&r))
            .transpose()
    }

    pub async fn user_by_id(&self, id: &str) -> DbResult<Option<UserRow>> {
        sqlx::query(&format!("{USER_SELECT} WHERE u.id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .map(|r| user(&r))
            .transpose()
    }

    /// Only ever one partner's users: every query on users is scoped by `partner_id`.
    pub async fn users_of(&self, partner_id: &str) -> DbResult<Vec<UserRow>> {
        sqlx::query(&format!(
            "{USER_SELECT} WHERE u.partner_id = $1 ORDER BY u.created_at, u.id"
        ))
        .bind(partner_id)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(user)
        .collect()
    }

    pub async fn update_roles(
        &self,
        partner_id: &str,
        id: &str,
        agent: Option<String>,
        admin: Option<String>,
    ) -> DbResult<bool> {
        let r = sqlx::query(
            "UPDATE users SET agent_role = $1, admin_role = $2 WHERE id = $3 AND partner_id = $4",
        )
        .bind(agent)
        .bind(admin)
        .bind(id)
        .bind(partner_id)
        .execute(&self.pool)
        .await?;
        Ok(r.rows_affected() == 1)
    }

    /// Removes the user and ends their sessions.
    pub async fn delete_user(&self, partner_id: &str, id: &str) -> DbResult<bool> {
        let mut tx = self.pool.begin().await?;
        let r = sqlx::query("DELETE FROM users WHERE id = $1 AND partner_id = $2")
            .bind(id)
            .bind(partner_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM sessions WHERE kind = 'user' AND subject = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(r.rows_affected() == 1)
    }

    pub async fn set_password(&self, id: &str, hash: &str, must_change: bool) -> DbResult<()> {
        sqlx::query("UPDATE users SET password_hash = $1, must_change = $2 WHERE id = $3")
            .bind(hash)
            .bind(must_change as i64)
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn insert_session(&self, s: &SessionRow) -> DbResult<()> {
        sqlx::query(
            "INSERT INTO sessions (token_hash, kind, subject, csrf_token, pn_account, created_at, last_seen) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(&s.token_hash)
        .bind(&s.kind)
        .bind(&s.subject)
        .bind(&s.csrf_token)
        .bind(s.pn_account.clone())
        .bind(s.created_at)
        .bind(s.last_seen)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn session(&self, token_hash: &str) -> DbResult<Option<SessionRow>> {
        let r = sqlx::query(
            "SELECT token_hash, kind, subject, csrf_token, pn_account, created_at, last_seen FROM sessions WHERE token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await?;
        r.map(|r| {
            Ok(SessionRow {
                token_hash: r.try_get("token_hash")?,
                kind: r.try_get("kind")?,
                subject: r.try_get("subject")?,
                csrf_token: r.try_get("csrf_token")?,
                pn_account: r.try_get("pn_account")?,
                created_at: r.try_get("created_at")?,
                last_seen: r.try_get("last_seen")?,
            })
        })
        .transpose()
    }

    pub async fn touch_session(&self, token_hash: &str, now: i64) -> DbResult<()> {
        sqlx::query("UPDATE sessions SET last_seen = $1 WHERE token_hash = $2")
            .bind(now)
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn set_session_pn_account(&self, token_hash: &str, account: &str) -> DbResult<()> {
        sqlx::query("UPDATE sessions SET pn_account = $1 WHERE token_hash = $2")
            .bind(account)
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn delete_session(&self, token_hash: &str) -> DbResult<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Ends a user's other sessions (after a password change).
    pub async fn delete_other_sessions(&self, subject: &str, keep: &str) -> DbResult<()> {
        sqlx::query("DELETE FROM sessions WHERE subject = $1 AND token_hash <> $2")
            .bind(subject)
            .bind(keep)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn delete_expired_sessions(
        &self,
        idle_before: i64,
        created_before: i64,
    ) -> DbResult<u64> {
        Ok(
            sqlx::query("DELETE FROM sessions WHERE last_seen < $1 OR created_at < $2")
                .bind(idle_before)
                .bind(created_before)
                .execute(&self.pool)
                .await?
                .rows_affected(),
        )
    }

    pub async fn insert_tenant(
        &self,
        domain: &str,
        country: &str,
        organization: &str,
        now: i64,
    ) -> DbResult<Insert> {
        let r = sqlx::query("INSERT INTO tenants (domain, country, organization, created_at) VALUES ($1, $2, $3, $4)")
            .bind(domain)
            .bind(country)
            .bind(organization)
            .bind(now)
            .execute(&self.pool)
            .await;
        match r {
            Ok(_) => Ok(Insert::Done),
            Err(e) if is_unique_violation(&e) => Ok(Insert::Duplicate),
            Err(e) => Err(e),
        }
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
        let r = sqlx::query(
            "INSERT INTO work_accounts (id, user_name_key, user_name, password_hash, tenant_domain) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(id)
        .bind(key)
        .bind(user_name)
        .bind(hash)
        .bind(domain)
        .execute(&self.pool)
        .await;
        match r {
            Ok(_) => Ok(Insert::Done),
            Err(e) if is_unique_violation(&e) => Ok(Insert::Duplicate),
            Err(e) => Err(e),
        }
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
        sqlx::query("INSERT INTO pn_accounts (user_name_key, password_hash) VALUES ($1, $2)")
            .bind(key)
            .bind(hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn pn_account_hash(&self, key: &str) -> DbResult<Option<String>> {
        let r = sqlx::query("SELECT password_hash FROM pn_accounts WHERE user_name_key = $1")
            .bind(key)
            .fetch_optional(&self.pool)
            .await?;
        r.map(|r| r.try_get("password_hash")).transpose()
    }

    /// (mpn_id, name, kind, status, country, account)
    pub async fn insert_profile(
        &self,
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
            .execute(&self.pool)
            .await?;
        Ok(())
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

    pub async fn application_by_key(
        &self,
        owner: &str,
        key: &str,
    ) -> DbResult<Option<ApplicationRow>> {
        sqlx::query(&format!(
            "SELECT {APP_COLS} FROM applications WHERE owner = $1 AND idempotency_key = $2"
        ))
        .bind(owner)
        .bind(key)
        .fetch_optional(&self.pool)
        .await?
        .map(|r| application(&r))
        .transpose()
    }

    pub async fn application(&self, id: &str) -> DbResult<Option<ApplicationRow>> {
        sqlx::query(&format!(
            "SELECT {APP_COLS} FROM applications WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?
        .map(|r| application(&r))
        .transpose()
    }

    pub async fn applications_of(&self, owner: &str) -> DbResult<i64> {
        sqlx::query("SELECT COUNT(*) AS n FROM applications WHERE owner = $1")
            .bind(owner)
            .fetch_one(&self.pool)
            .await?
            .try_get("n")
    }

    /// Creates the application unless this owner already used the key; either way returns the
    /// owner's application for the key. The unique (owner, key) index settles concurrent submits.
    pub async fn insert_application(
        &self,
        a: &ApplicationRow,
        key: &str,
        draft_json: &str,
        now: i64,
    ) -> DbResult<ApplicationRow> {
        if let Some(existing) = self.application_by_key(&a.owner, key).await? {
            return Ok(existing);
        }
        let n: i64 = sqlx::query(
            "UPDATE counters SET value = value + 1 WHERE name = 'application' RETURNING value",
        )
        .fetch_one(&self.pool)
        .await?
        .try_get("value")?;
        let reference = format!("APP-{n:06}");
        sqlx::query(
            "INSERT INTO applications (id, reference, owner, idempotency_key, status, partner_type, primary_contact_email, tenant, draft, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (owner, idempotency_key) DO NOTHING",
        )
        .bind(&a.id)
        .bind(&reference)
        .bind(&a.owner)
        .bind(key)
        .bind(&a.status)
        .bind(a.partner_type.clone())
        .bind(&a.primary_contact_email)
        .bind(a.tenant.clone())
        .bind(draft_json)
        .bind(now)
        .execute(&self.pool)
        .await?;
        self.application_by_key(&a.owner, key)
            .await?
            .ok_or(sqlx::Error::RowNotFound)
    }

    pub async fn set_application_status(&self, id: &str, status: &str) -> DbResult<bool> {
        Ok(
            sqlx::query("UPDATE applications SET status = $1 WHERE id = $2")
                .bind(status)
                .bind(id)
                .execute(&self.pool)
                .await?
                .rows_affected()
                == 1,
        )
    }
}

pub(crate) fn enum_of<T: serde::de::DeserializeOwned>(s: &str) -> DbResult<T> {
    serde_json::from_value(serde_json::Value::String(s.into()))
        .map_err(|e| sqlx::Error::Decode(Box::new(e)))
}

/// Enum values are stored as their JSON names (`location`, `active`).
pub(crate) mod erased {
    pub trait Ser {
        fn text(&self) -> String;
    }
    impl<T: serde::Serialize> Ser for T {
        fn text(&self) -> String {
            match serde_json::to_value(self) {
                Ok(serde_json::Value::String(s)) => s,
                _ => String::new(),
            }
        }
    }
}
