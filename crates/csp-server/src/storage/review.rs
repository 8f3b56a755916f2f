//! The review: the queue, an application's answers and audit trail, and a change of status
//! applied with everything it causes (the note, the event, the email, the partner an approval
//! makes) in one transaction, decided by the caller on the application read under the lock.

use super::applications::{app_in, application, insert_link, record_send, APP_COLS};
use super::outbox::enqueue;
use super::{enum_of, DbResult, Store};
use crate::rows::{ApplicationRow, Applied, Insert, QueueFilter, Transition};
use csp_core::api::AuditEntry;
use csp_core::review::Reassign;
use csp_core::verification::Sends;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

/// An audit line for a change from `from` to `to` (statuses by their JSON names).
pub(super) fn event(
    at: i64,
    actor: &str,
    event: &str,
    from: Option<&str>,
    to: &str,
) -> DbResult<AuditEntry> {
    Ok(AuditEntry {
        at,
        actor: actor.into(),
        event: event.into(),
        from: from.map(enum_of).transpose()?,
        to: enum_of(to)?,
        steps: vec![],
        reason: None,
        message: String::new(),
        taken_from: None,
    })
}

fn json<T: serde::Serialize>(v: &T) -> DbResult<String> {
    serde_json::to_string(v).map_err(|e| sqlx::Error::Encode(Box::new(e)))
}

/// Appends a line to the application's audit trail (the database refuses any other change).
/// Called in a transaction that holds the application's row, so lines are numbered in turn.
pub(super) async fn record_event(
    conn: &mut AnyConnection,
    application_id: &str,
    e: &AuditEntry,
) -> DbResult<()> {
    let seq: i64 = sqlx::query(
        "SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM application_events WHERE application_id = $1",
    )
    .bind(application_id)
    .fetch_one(&mut *conn)
    .await?
    .try_get("seq")?;
    sqlx::query(
        "INSERT INTO application_events (id, application_id, seq, at, actor, event, from_status, to_status, steps, reason, message, taken_from) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(format!("{application_id}:{seq}"))
    .bind(application_id)
    .bind(seq)
    .bind(e.at)
    .bind(&e.actor)
    .bind(&e.event)
    .bind(e.from.as_ref().map(super::erased::Ser::text))
    .bind(super::erased::Ser::text(&e.to))
    .bind(json(&e.steps)?)
    .bind(e.reason.as_ref().map(super::erased::Ser::text))
    .bind(&e.message)
    .bind(&e.taken_from)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

fn audit(r: &AnyRow) -> DbResult<AuditEntry> {
    let from: Option<String> = r.try_get("from_status")?;
    let to: String = r.try_get("to_status")?;
    let steps: String = r.try_get("steps")?;
    let reason: Option<String> = r.try_get("reason")?;
    Ok(AuditEntry {
        at: r.try_get("at")?,
        actor: r.try_get("actor")?,
        event: r.try_get("event")?,
        from: from.as_deref().map(enum_of).transpose()?,
        to: enum_of(&to)?,
        steps: serde_json::from_str(&steps).map_err(|e| sqlx::Error::Decode(Box::new(e)))?,
        reason: reason.as_deref().map(enum_of).transpose()?,
        message: r.try_get("message")?,
        taken_from: r.try_get("taken_from")?,
    })
}

impl Store {
    /// Applications oldest first, filtered, `limit` of them after the cursor.
    pub async fn review_queue(&self, f: &QueueFilter, limit: i64) -> DbResult<Vec<ApplicationRow>> {
        let (after_at, after_id) = f.after.clone().unwrap_or((i64::MIN, String::new()));
        sqlx::query(&format!(
            "SELECT {APP_COLS} FROM applications \
             WHERE ($1 = '' OR status = $1) AND ($2 = '' OR country = $2) AND ($3 = '' OR partner_type = $3) \
             AND ($7 = '' OR assignee = $7) \
             AND (created_at > $4 OR (created_at = $4 AND id > $5)) \
             ORDER BY created_at, id LIMIT $6"
        ))
        .bind(f.status.clone().unwrap_or_default())
        .bind(f.country.clone().unwrap_or_default())
        .bind(f.partner_type.clone().unwrap_or_default())
        .bind(after_at)
        .bind(after_id)
        .bind(limit)
        .bind(f.assignee.clone().unwrap_or_default())
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(application)
        .collect()
    }

    /// The application's answers as submitted (JSON).
    pub async fn answers(&self, id: &str) -> DbResult<Option<String>> {
        sqlx::query("SELECT draft FROM applications WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .map(|r| r.try_get("draft"))
            .transpose()
    }

    /// The application's audit trail, oldest first.
    pub async fn audit_trail(&self, id: &str) -> DbResult<Vec<AuditEntry>> {
        sqlx::query(
            "SELECT at, actor, event, from_status, to_status, steps, reason, message, taken_from \
             FROM application_events WHERE application_id = $1 ORDER BY seq",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(audit)
        .collect()
    }

    /// Reads the application and its answers under the write lock, lets `decide` say what
    /// changes, and applies it all in the same transaction: two decisions at once are decided
    /// one after the other, the second on what the first left.
    pub async fn transition<E>(
        &self,
        id: &str,
        now: i64,
        decide: impl FnOnce(&ApplicationRow, &str) -> Result<Transition, E>,
    ) -> DbResult<Applied<E>> {
        let mut tx = self.write_tx().await?;
        let Some(app) = app_in(&mut tx, id, self.row_lock()).await? else {
            return Ok(Applied::NotFound);
        };
        let draft: String = sqlx::query("SELECT draft FROM applications WHERE id = $1")
            .bind(id)
            .fetch_one(&mut *tx)
            .await?
            .try_get("draft")?;
        let t = match decide(&app, &draft) {
            Ok(t) => t,
            Err(e) => return Ok(Applied::Refused(e)),
        };
        if let Some((partner, tenant, admin)) = &t.partner {
            // Checked before inserting: a refused insert ends the transaction on PostgreSQL.
            let taken: i64 = sqlx::query("SELECT COUNT(*) AS n FROM users WHERE email_key = $1")
                .bind(&admin.email_key)
                .fetch_one(&mut *tx)
                .await?
                .try_get("n")?;
            if taken > 0 {
                return Ok(Applied::AdminTaken);
            }
            super::partners::insert_partner_of(&mut tx, partner, tenant, now).await?;
            if let Insert::Duplicate = super::users::insert_user(&mut tx, admin, now).await? {
                return Ok(Applied::AdminTaken);
            }
            sqlx::query("UPDATE applications SET partner_id = $1 WHERE id = $2")
                .bind(&partner.partner.id)
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        let review = t.review.as_ref().map(json).transpose()?;
        sqlx::query(
            "UPDATE applications SET status = $1, version = version + 1, review_note = $2, \
             resubmit_key = COALESCE($3, resubmit_key) WHERE id = $4",
        )
        .bind(&t.status)
        .bind(review)
        .bind(t.resubmit_key.clone())
        .bind(id)
        .execute(&mut *tx)
        .await?;
        if let Some(a) = &t.answers {
            sqlx::query(
                "UPDATE applications SET draft = $1, company = $2, country = $3, primary_contact_email = $4 WHERE id = $5",
            )
            .bind(&a.draft)
            .bind(&a.company)
            .bind(&a.country)
            .bind(&a.primary_contact_email)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        }
        if let Some(link) = &t.reverify {
            sqlx::query("UPDATE applications SET email_verified_at = NULL WHERE id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            let after = app_in(&mut tx, id, "")
                .await?
                .ok_or(sqlx::Error::RowNotFound)?;
            let sends = match after.sends {
                Some(s) => s.next(now).unwrap_or(s),
                None => Sends::first(now),
            };
            record_send(&mut tx, id, sends).await?;
            insert_link(&mut tx, &after, link, now).await?;
        }
        record_event(&mut tx, id, &t.event).await?;
        let after = app_in(&mut tx, id, "")
            .await?
            .ok_or(sqlx::Error::RowNotFound)?;
        if let Some((mail_id, mail)) = &t.mail {
            enqueue(
                &mut tx,
                mail_id,
                &after.primary_contact_email,
                &after.language,
                mail,
                now,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(Applied::Done(Box::new(after)))
    }

    /// Reads who has the application under the write lock, lets `decide` say who has it
    /// now (and the audit trail's line), and applies it in the same transaction: two
    /// operators taking it at once are decided one after the other. `Ok(None)`: no such
    /// application; `Ok(Some(Err))`: refused, on the application as it was.
    pub async fn reassign<E>(
        &self,
        id: &str,
        decide: impl FnOnce(&ApplicationRow) -> Result<Reassign, E>,
    ) -> DbResult<Option<Result<Option<String>, E>>> {
        let mut tx = self.write_tx().await?;
        let Some(app) = app_in(&mut tx, id, self.row_lock()).await? else {
            return Ok(None);
        };
        let (assignee, line) = match decide(&app) {
            Ok(Reassign::Unchanged) => return Ok(Some(Ok(app.assignee))),
            Ok(Reassign::To(assignee, line)) => (assignee, line),
            Err(e) => return Ok(Some(Err(e))),
        };
        sqlx::query("UPDATE applications SET assignee = $1 WHERE id = $2")
            .bind(&assignee)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        record_event(&mut tx, id, &line).await?;
        tx.commit().await?;
        Ok(Some(Ok(assignee)))
    }

    /// The key of the application's last resubmit, to answer a retried one the same.
    pub async fn resubmit_key(&self, id: &str) -> DbResult<Option<String>> {
        Ok(
            sqlx::query("SELECT resubmit_key FROM applications WHERE id = $1")
                .bind(id)
                .fetch_optional(&self.pool)
                .await?
                .map(|r| r.try_get::<Option<String>, _>("resubmit_key"))
                .transpose()?
                .flatten(),
        )
    }
}
