//! Throttle counters (`throttle.rs` decides keys, windows and limits): attempts reserved per
//! key and window with one atomic upsert, so concurrent requests on any instance each get
//! their own count back.

use super::{DbResult, Store};
use sqlx::Row;

/// `$first, $first+1, …` for `n` values.
fn params(first: usize, n: usize) -> String {
    (first..first + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn key_counts(rows: Vec<sqlx::any::AnyRow>) -> DbResult<Vec<(String, i64)>> {
    rows.iter()
        .map(|r| Ok((r.try_get("throttle_key")?, r.try_get("hits")?)))
        .collect()
}

impl Store {
    /// Adds one attempt to each key's count in the window and returns the counts after it.
    /// One statement: an increment cannot be lost or seen twice between instances. The keys
    /// are locked in the order given, so callers that always list them in the same order (the
    /// account before the client) cannot deadlock each other on PostgreSQL.
    pub async fn reserve_attempts(
        &self,
        keys: &[String],
        window_start: i64,
    ) -> DbResult<Vec<(String, i64)>> {
        let values = (0..keys.len())
            .map(|i| format!("(${}, $1, 1)", i + 2))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "INSERT INTO throttle (throttle_key, window_start, hits) VALUES {values} \
             ON CONFLICT (throttle_key, window_start) DO UPDATE SET hits = throttle.hits + 1 \
             RETURNING throttle_key, hits"
        );
        let mut q = sqlx::query(&sql).bind(window_start);
        for k in keys {
            q = q.bind(k);
        }
        key_counts(q.fetch_all(&self.pool).await?)
    }

    /// The counts in the window, without changing them (keys without a row are left out).
    pub async fn attempts(
        &self,
        keys: &[String],
        window_start: i64,
    ) -> DbResult<Vec<(String, i64)>> {
        let sql = format!(
            "SELECT throttle_key, hits FROM throttle WHERE window_start = $1 AND throttle_key IN ({})",
            params(2, keys.len())
        );
        let mut q = sqlx::query(&sql).bind(window_start);
        for k in keys {
            q = q.bind(k);
        }
        key_counts(q.fetch_all(&self.pool).await?)
    }

    /// Takes one attempt back from each key's count in the window it was reserved in.
    pub async fn give_back_attempts(&self, keys: &[String], window_start: i64) -> DbResult<()> {
        let sql = format!(
            "UPDATE throttle SET hits = hits - 1 WHERE window_start = $1 AND hits > 0 AND throttle_key IN ({})",
            params(2, keys.len())
        );
        let mut q = sqlx::query(&sql).bind(window_start);
        for k in keys {
            q = q.bind(k);
        }
        q.execute(&self.pool).await?;
        Ok(())
    }

    /// Forgets a key's attempts in every window.
    pub async fn clear_attempts(&self, key: &str) -> DbResult<()> {
        sqlx::query("DELETE FROM throttle WHERE throttle_key = $1")
            .bind(key)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Deletes the windows that started before `before` (ended ones: the caller knows how long
    /// its windows are); the current ones are kept, so no lock is lifted early.
    pub async fn delete_old_attempts(&self, before: i64) -> DbResult<u64> {
        Ok(sqlx::query("DELETE FROM throttle WHERE window_start < $1")
            .bind(before)
            .execute(&self.pool)
            .await?
            .rows_affected())
    }
}
