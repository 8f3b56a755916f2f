//! Server-side sessions (partner users and applicants), found by the hash of their token.

use super::{DbResult, Store};
use crate::rows::SessionRow;
use sqlx::Row;

impl Store {
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
}
