//! Enrollment applications, each with its human reference and the applicant's idempotency key;
//! the links that verify the primary contact's address. Every change that emails someone
//! queues the email in the same transaction (`outbox`).

use super::outbox::enqueue;
use super::review::{event, record_event};
use super::{enum_of, DbResult, Store};
use crate::rows::{ApplicationRow, NewLink, Resend, Verification};
use csp_core::api::ApplicationStatus;
use csp_core::mail::Mail;
use csp_core::verification::{after_confirming, link_state, LinkState, Sends};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

pub(super) fn application(r: &AnyRow) -> DbResult<ApplicationRow> {
    let sent: Option<i64> = r.try_get("verification_sent_at")?;
    let day_start: Option<i64> = r.try_get("verification_day_start")?;
    let in_day: i64 = r.try_get("verification_sends")?;
    let review: Option<String> = r.try_get("review_note")?;
    Ok(ApplicationRow {
        version: r.try_get("version")?,
        review: review
            .as_deref()
            .map(serde_json::from_str)
            .transpose()
            .map_err(|e| sqlx::Error::Decode(Box::new(e)))?,
        company: r.try_get("company")?,
        country: r.try_get("country")?,
        created_at: r.try_get("created_at")?,
        assignee: r.try_get("assignee")?,
        id: r.try_get("id")?,
        reference: r.try_get("reference")?,
        owner: r.try_get("owner")?,
        status: r.try_get("status")?,
        partner_type: r.try_get("partner_type")?,
        primary_contact_email: r.try_get("primary_contact_email")?,
        tenant: r.try_get("tenant")?,
        language: r.try_get("language")?,
        email_verified_at: r.try_get("email_verified_at")?,
        sends: sent.map(|last_at| Sends {
            last_at,
            day_start: day_start.unwrap_or(last_at),
            in_day,
        }),
    })
}

pub(super) const APP_COLS: &str =
    "id, reference, owner, status, partner_type, primary_contact_email, tenant, \
     language, email_verified_at, verification_sent_at, verification_day_start, verification_sends, \
     version, review_note, company, country, created_at, assignee";

pub(super) async fn app_in(
    conn: &mut AnyConnection,
    id: &str,
    lock: &str,
) -> DbResult<Option<ApplicationRow>> {
    sqlx::query(&format!(
        "SELECT {APP_COLS} FROM applications WHERE id = $1{lock}"
    ))
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?
    .map(|r| application(&r))
    .transpose()
}

pub(super) async fn insert_link(
    conn: &mut AnyConnection,
    a: &ApplicationRow,
    link: &NewLink,
    now: i64,
) -> DbResult<()> {
    sqlx::query(
        "INSERT INTO email_verifications (token_hash, application_id, email, expires_at, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(&link.token_hash)
    .bind(&a.id)
    .bind(&a.primary_contact_email)
    .bind(link.expires_at)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub(super) async fn record_send(conn: &mut AnyConnection, id: &str, s: Sends) -> DbResult<()> {
    sqlx::query(
        "UPDATE applications SET verification_sent_at = $1, verification_day_start = $2, verification_sends = $3 WHERE id = $4",
    )
    .bind(s.last_at)
    .bind(s.day_start)
    .bind(s.in_day)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

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
        let mut conn = self.pool.acquire().await?;
        app_in(&mut conn, id, "").await
    }

    pub async fn applications_of(&self, owner: &str) -> DbResult<i64> {
        sqlx::query("SELECT COUNT(*) AS n FROM applications WHERE owner = $1")
            .bind(owner)
            .fetch_one(&self.pool)
            .await?
            .try_get("n")
    }

    /// Creates the application with its first verification link and the email that carries
    /// it (`mail`, given the application with its reference), all or nothing, unless this owner
    /// already used the key; either way returns the owner's application for the key. The
    /// unique (owner, key) index settles concurrent submits: the one that loses rolls back,
    /// so its reference, link and email never exist.
    pub async fn insert_application(
        &self,
        a: &ApplicationRow,
        key: &str,
        draft_json: &str,
        now: i64,
        link: &NewLink,
        mail: impl FnOnce(&ApplicationRow) -> Mail,
    ) -> DbResult<ApplicationRow> {
        if let Some(existing) = self.application_by_key(&a.owner, key).await? {
            return Ok(existing);
        }
        let mut tx = self.write_tx().await?;
        let n: i64 = sqlx::query(
            "UPDATE counters SET value = value + 1 WHERE name = 'application' RETURNING value",
        )
        .fetch_one(&mut *tx)
        .await?
        .try_get("value")?;
        let sends = Sends::first(now);
        let a = ApplicationRow {
            reference: format!("APP-{n:06}"),
            sends: Some(sends),
            ..a.clone()
        };
        let done = sqlx::query(
            "INSERT INTO applications (id, reference, owner, idempotency_key, status, partner_type, primary_contact_email, tenant, draft, created_at, language, company, country) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (owner, idempotency_key) DO NOTHING",
        )
        .bind(&a.id)
        .bind(&a.reference)
        .bind(&a.owner)
        .bind(key)
        .bind(&a.status)
        .bind(a.partner_type.clone())
        .bind(&a.primary_contact_email)
        .bind(a.tenant.clone())
        .bind(draft_json)
        .bind(now)
        .bind(&a.language)
        .bind(&a.company)
        .bind(&a.country)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if done {
            record_send(&mut tx, &a.id, sends).await?;
            insert_link(&mut tx, &a, link, now).await?;
            record_event(
                &mut tx,
                &a.id,
                &event(now, "applicant", "submitted", None, &a.status)?,
            )
            .await?;
            let m = mail(&a);
            enqueue(
                &mut tx,
                &link.mail_id,
                &a.primary_contact_email,
                &a.language,
                &m,
                now,
            )
            .await?;
            tx.commit().await?;
        } else {
            drop(tx);
        }
        self.application_by_key(&a.owner, key)
            .await?
            .ok_or(sqlx::Error::RowNotFound)
    }

    /// Follows a verification link: decided with `csp_core::verification` on the link and the
    /// application read under the write lock, so two clicks at once verify once.
    pub async fn verify_email(&self, token_hash: &str, now: i64) -> DbResult<Verification> {
        let mut tx = self.write_tx().await?;
        let lock = self.row_lock();
        let Some(row) = sqlx::query(&format!(
            "SELECT application_id, email, expires_at, used_at FROM email_verifications WHERE token_hash = $1{lock}"
        ))
        .bind(token_hash)
        .fetch_optional(&mut *tx)
        .await?
        else {
            return Ok(Verification::Unknown);
        };
        let expires_at: i64 = row.try_get("expires_at")?;
        let used_at: Option<i64> = row.try_get("used_at")?;
        match link_state(expires_at, used_at, now) {
            LinkState::Used => return Ok(Verification::Used),
            LinkState::Expired => return Ok(Verification::Expired),
            LinkState::Valid => {}
        }
        let app_id: String = row.try_get("application_id")?;
        let email: String = row.try_get("email")?;
        let Some(app) = app_in(&mut tx, &app_id, lock).await? else {
            return Ok(Verification::Unknown);
        };
        sqlx::query("UPDATE email_verifications SET used_at = $1 WHERE token_hash = $2")
            .bind(now)
            .bind(token_hash)
            .execute(&mut *tx)
            .await?;
        // A link sent to an address the application no longer has verifies nothing.
        if !email.eq_ignore_ascii_case(&app.primary_contact_email) {
            tx.commit().await?;
            return Ok(Verification::Expired);
        }
        let before = enum_of::<ApplicationStatus>(&app.status)?;
        let status = super::erased::Ser::text(&after_confirming(before));
        sqlx::query(
            "UPDATE applications SET email_verified_at = COALESCE(email_verified_at, $1), status = $2, \
             version = version + CASE WHEN status = $2 THEN 0 ELSE 1 END WHERE id = $3",
        )
        .bind(now)
        .bind(&status)
        .bind(&app.id)
        .execute(&mut *tx)
        .await?;
        record_event(
            &mut tx,
            &app.id,
            &event(
                now,
                "applicant",
                "email-verified",
                Some(&app.status),
                &status,
            )?,
        )
        .await?;
        let app = app_in(&mut tx, &app.id, "")
            .await?
            .ok_or(sqlx::Error::RowNotFound)?;
        tx.commit().await?;
        Ok(Verification::Verified(Box::new(app)))
    }

    /// The application a link (used, expired or not) was sent for.
    pub async fn application_of_link(&self, token_hash: &str) -> DbResult<Option<String>> {
        sqlx::query("SELECT application_id FROM email_verifications WHERE token_hash = $1")
            .bind(token_hash)
            .fetch_optional(&self.pool)
            .await?
            .map(|r| r.try_get("application_id"))
            .transpose()
    }

    /// Queues another verification email with a new link, if `csp_core::verification` allows
    /// one now; decided on the application read under the write lock, so requests at once
    /// count one after the other.
    pub async fn resend_verification(
        &self,
        id: &str,
        now: i64,
        link: &NewLink,
        mail: impl FnOnce(&ApplicationRow) -> Mail,
    ) -> DbResult<Resend> {
        let mut tx = self.write_tx().await?;
        let Some(app) = app_in(&mut tx, id, self.row_lock()).await? else {
            return Ok(Resend::NotFound);
        };
        if app.email_verified_at.is_some() {
            return Ok(Resend::AlreadyVerified);
        }
        let sends = match app.sends {
            Some(s) => match s.next(now) {
                Ok(next) => next,
                Err(wait) => return Ok(Resend::Wait(wait)),
            },
            None => Sends::first(now),
        };
        record_send(&mut tx, &app.id, sends).await?;
        insert_link(&mut tx, &app, link, now).await?;
        enqueue(
            &mut tx,
            &link.mail_id,
            &app.primary_contact_email,
            &app.language,
            &mail(&app),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(Resend::Sent(Box::new(ApplicationRow {
            sends: Some(sends),
            ..app
        })))
    }
}
