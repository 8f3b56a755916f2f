//! The outbox: emails written in the transaction that causes them, and claimed, sent and
//! marked by the mail worker. A claim is a lease (`claimed_until`): a worker that dies
//! mid-send leaves the row to be claimed again when the lease ends, and two workers never hold
//! one row at once (PostgreSQL skips rows another claim has locked; SQLite runs one write at a
//! time).

use super::{DbResult, Store};
use crate::rows::OutboxRow;
use csp_core::mail::Mail;
use sqlx::{AnyConnection, Row};

/// Queues `mail` to `recipient` inside the caller's transaction.
pub(crate) async fn enqueue(
    conn: &mut AnyConnection,
    id: &str,
    recipient: &str,
    language: &str,
    mail: &Mail,
    now: i64,
) -> DbResult<()> {
    let json = serde_json::to_string(mail).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    sqlx::query(
        "INSERT INTO outbox (id, recipient, language, mail, created_at, next_attempt_at) VALUES ($1, $2, $3, $4, $5, $5)",
    )
    .bind(id)
    .bind(recipient)
    .bind(language)
    .bind(json)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

impl Store {
    /// Claims up to `limit` emails that are due, oldest first, until `lease_until`; each
    /// claim counts as an attempt.
    pub async fn claim_mail(
        &self,
        now: i64,
        lease_until: i64,
        limit: i64,
    ) -> DbResult<Vec<OutboxRow>> {
        let skip = if self.sqlite {
            ""
        } else {
            " FOR UPDATE SKIP LOCKED"
        };
        sqlx::query(&format!(
            "UPDATE outbox SET claimed_until = $1, attempts = attempts + 1 WHERE id IN (\
               SELECT id FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL \
               AND next_attempt_at <= $2 AND claimed_until <= $2 \
               ORDER BY created_at, id LIMIT $3{skip}) \
             RETURNING id, recipient, language, mail, attempts"
        ))
        .bind(lease_until)
        .bind(now)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| {
            Ok(OutboxRow {
                id: r.try_get("id")?,
                recipient: r.try_get("recipient")?,
                language: r.try_get("language")?,
                mail: r.try_get("mail")?,
                attempts: r.try_get("attempts")?,
            })
        })
        .collect()
    }

    /// Sent: the message's content (its links) is dropped.
    pub async fn mail_sent(&self, id: &str, now: i64) -> DbResult<()> {
        sqlx::query("UPDATE outbox SET sent_at = $1, mail = '', last_error = NULL WHERE id = $2")
            .bind(now)
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Not sent: tried again at `retry_at`, or given up on (None) and kept for an operator.
    pub async fn mail_failed(
        &self,
        id: &str,
        error: &str,
        retry_at: Option<i64>,
        now: i64,
    ) -> DbResult<()> {
        let error: String = error.chars().take(500).collect();
        match retry_at {
            Some(at) => sqlx::query(
                "UPDATE outbox SET next_attempt_at = $1, claimed_until = 0, last_error = $2 WHERE id = $3",
            )
            .bind(at),
            None => sqlx::query(
                "UPDATE outbox SET failed_at = $1, claimed_until = 0, last_error = $2 WHERE id = $3",
            )
            .bind(now),
        }
        .bind(error)
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Emails waiting to be sent, and those given up on.
    pub async fn outbox_depth(&self) -> DbResult<(i64, i64)> {
        let r = sqlx::query(
            "SELECT COALESCE(SUM(CASE WHEN failed_at IS NULL THEN 1 ELSE 0 END), 0) AS pending, \
                    COALESCE(SUM(CASE WHEN failed_at IS NULL THEN 0 ELSE 1 END), 0) AS failed \
             FROM outbox WHERE sent_at IS NULL",
        )
        .fetch_one(&self.pool)
        .await?;
        Ok((r.try_get("pending")?, r.try_get("failed")?))
    }
}
