//! Partner users, each with their partner's kind. Only ever one partner's users: every query
//! on users that lists or changes them is scoped by `partner_id`.

use super::{enum_of, inserted, DbResult, PageSql, Store, Tx};
use crate::rows::{Insert, UserRow};
use csp_core::paging::PageRequest;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

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

/// A user with their partner's kind; `WHERE`/`ORDER BY` name the user's columns as `u.…`.
const USER_SELECT: &str = "SELECT u.id, u.partner_id, u.name, u.email, u.email_key, u.agent_role, u.admin_role, u.operator, u.password_hash, u.must_change, p.kind AS partner_kind \
     FROM users u LEFT JOIN partners p ON p.id = u.partner_id";

pub(super) async fn insert_user(db: &mut AnyConnection, u: &UserRow, now: i64) -> DbResult<Insert> {
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
    .execute(db)
    .await;
    inserted(r)
}

impl Tx {
    pub async fn insert_user(&mut self, u: &UserRow, now: i64) -> DbResult<Insert> {
        insert_user(self.conn(), u, now).await
    }

    /// Whether a user has this email key (checked before inserting, as a refused insert
    /// ends the transaction on PostgreSQL).
    pub async fn user_exists(&mut self, key: &str) -> DbResult<bool> {
        let n: i64 = sqlx::query("SELECT COUNT(*) AS n FROM users WHERE email_key = $1")
            .bind(key)
            .fetch_one(self.conn())
            .await?
            .try_get("n")?;
        Ok(n > 0)
    }
}

impl Store {
    /// The user `id`, read in `conn` (a transaction's, under its lock).
    pub(super) async fn user_in(
        &self,
        conn: &mut AnyConnection,
        id: &str,
    ) -> DbResult<Option<UserRow>> {
        sqlx::query(&format!("{USER_SELECT} WHERE u.id = $1"))
            .bind(id)
            .fetch_optional(conn)
            .await?
            .map(|r| user(&r))
            .transpose()
    }

    /// Refused with `Duplicate` when the email key is taken: the unique index decides, so two
    /// concurrent adds of one address make one user.
    pub async fn insert_user(&self, u: &UserRow, now: i64) -> DbResult<Insert> {
        insert_user(&mut *self.pool.acquire().await?, u, now).await
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

    /// One page of the partner's users by name (`csp_core::paging`), with one row more than
    /// the limit when there is a next page.
    pub async fn users_page(&self, partner_id: &str, req: &PageRequest) -> DbResult<Vec<UserRow>> {
        let page = PageSql {
            key: Some("u.name"),
            id: "u.id",
            first: 2,
        };
        let (after, order) = page.sql(self, req);
        let sql = format!("{USER_SELECT} WHERE u.partner_id = $1{after}{order}");
        page.bind(sqlx::query(&sql).bind(partner_id), req)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(user)
            .collect()
    }

    /// Gives the partner's user `id` the roles `now`, or removes them (None, their sessions
    /// too), if `allowed` agrees given the partner's users as they are at that moment: the
    /// partner's user rows are locked first (PostgreSQL `FOR UPDATE`; SQLite's write lock), so
    /// concurrent changes to one partner's users are decided one after the other, never both
    /// on the same old list (two admins removing each other at once leave one). `Ok(false)`:
    /// no such user of the partner.
    pub async fn change_user<E>(
        &self,
        partner_id: &str,
        id: &str,
        now: Option<(Option<String>, Option<String>)>,
        allowed: impl FnOnce(&[UserRow]) -> Result<(), E>,
    ) -> DbResult<Result<bool, E>> {
        let mut tx = self.write_tx().await?;
        let lock = if self.sqlite { "" } else { " FOR UPDATE OF u" };
        let users = sqlx::query(&format!(
            "{USER_SELECT} WHERE u.partner_id = $1 ORDER BY u.created_at, u.id{lock}"
        ))
        .bind(partner_id)
        .fetch_all(&mut *tx)
        .await?
        .iter()
        .map(user)
        .collect::<DbResult<Vec<_>>>()?;
        if !users.iter().any(|u| u.id == id) {
            return Ok(Ok(false));
        }
        if let Err(e) = allowed(&users) {
            return Ok(Err(e));
        }
        match now {
            Some((agent, admin)) => {
                sqlx::query(
                    "UPDATE users SET agent_role = $1, admin_role = $2 WHERE id = $3 AND partner_id = $4",
                )
                .bind(agent)
                .bind(admin)
                .bind(id)
                .bind(partner_id)
                .execute(&mut *tx)
                .await?;
            }
            None => {
                sqlx::query("DELETE FROM users WHERE id = $1 AND partner_id = $2")
                    .bind(id)
                    .bind(partner_id)
                    .execute(&mut *tx)
                    .await?;
                sqlx::query("DELETE FROM sessions WHERE kind = 'user' AND subject = $1")
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
            }
        }
        tx.commit().await?;
        Ok(Ok(true))
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
}
