//! Enrollment applications, each with its human reference and the applicant's idempotency key.

use super::{DbResult, Store};
use crate::rows::ApplicationRow;
use sqlx::any::AnyRow;
use sqlx::Row;

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

const APP_COLS: &str = "id, reference, owner, status, partner_type, primary_contact_email, tenant";

impl Store {
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
