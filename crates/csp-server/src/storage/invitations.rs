//! The invitation links of added users: created with the user (and their email, through the
//! outbox) in one transaction, followed once to choose a password, and replaced when a user
//! manager sends the invitation again. Every decision is `csp_core::user_invitation`'s, made
//! on the rows read under the write lock.

use super::outbox::enqueue;
use super::users::insert_user;
use super::{DbResult, Store};
use crate::rows::{Insert, InvitationRow, Invited, NewInvitation, UserRow};
use csp_core::mail::Mail;
use csp_core::user_invitation::{link_state, may_resend, refusal, StoredInvitation};
use sqlx::{AnyConnection, Row};

async fn insert_link(
    conn: &mut AnyConnection,
    user_id: &str,
    link: &NewInvitation,
    now: i64,
) -> DbResult<()> {
    sqlx::query(
        "INSERT INTO user_invitations (token_hash, user_id, language, expires_at, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(&link.token_hash)
    .bind(user_id)
    .bind(&link.language)
    .bind(link.expires_at)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// The link and its user, read in `conn` (under the caller's lock when it holds one).
async fn invitation_in(
    store: &Store,
    conn: &mut AnyConnection,
    token_hash: &str,
) -> DbResult<Option<InvitationRow>> {
    let Some(r) = sqlx::query(
        "SELECT i.user_id, i.expires_at, i.used_at, i.replaced_at, p.name AS partner_name \
         FROM user_invitations i JOIN users u ON u.id = i.user_id \
         LEFT JOIN partners p ON p.id = u.partner_id WHERE i.token_hash = $1",
    )
    .bind(token_hash)
    .fetch_optional(&mut *conn)
    .await?
    else {
        return Ok(None);
    };
    let user_id: String = r.try_get("user_id")?;
    let Some(user) = store.user_in(&mut *conn, &user_id).await? else {
        return Ok(None);
    };
    Ok(Some(InvitationRow {
        user,
        partner_name: r
            .try_get::<Option<String>, _>("partner_name")?
            .unwrap_or_default(),
        link: StoredInvitation {
            expires_at: r.try_get("expires_at")?,
            used_at: r.try_get("used_at")?,
            replaced_at: r.try_get("replaced_at")?,
        },
    }))
}

/// The refusal, if any, of a link in `row` now.
fn refused(row: &InvitationRow, now: i64) -> Option<csp_core::problem::Code> {
    let state = link_state(row.link, !row.user.must_change, now);
    refusal(state).map(|(_, code)| code)
}

impl Store {
    /// Adds `u` with their first invitation link and its email, all or nothing. `Duplicate`
    /// when the email key is taken (nothing written).
    pub async fn insert_invited_user(
        &self,
        u: &UserRow,
        link: &NewInvitation,
        mail: &Mail,
        now: i64,
    ) -> DbResult<Insert> {
        let mut tx = self.write_tx().await?;
        if let Insert::Duplicate = insert_user(&mut tx, u, now).await? {
            return Ok(Insert::Duplicate);
        }
        insert_link(&mut tx, &u.id, link, now).await?;
        enqueue(&mut tx, &link.mail_id, &u.email, &link.language, mail, now).await?;
        tx.commit().await?;
        Ok(Insert::Done)
    }

    /// The link behind `token_hash` with its user, whatever its state.
    pub async fn invitation(&self, token_hash: &str) -> DbResult<Option<InvitationRow>> {
        let mut conn = self.pool.acquire().await?;
        invitation_in(self, &mut conn, token_hash).await
    }

    /// Uses the link up and gives its user the password `hash` (no change asked at sign-in),
    /// if the link is still valid when read under the write lock: of two uses at once, one
    /// wins and the other is told the link is used.
    pub async fn accept_invitation(
        &self,
        token_hash: &str,
        hash: &str,
        now: i64,
    ) -> DbResult<Invited> {
        let mut tx = self.write_tx().await?;
        let lock = self.row_lock();
        // The link's row is locked (PostgreSQL) before its state is read: a second use, or a
        // resend replacing it, waits for this one.
        sqlx::query(&format!(
            "SELECT token_hash FROM user_invitations WHERE token_hash = $1{lock}"
        ))
        .bind(token_hash)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = invitation_in(self, &mut tx, token_hash).await? else {
            return Ok(Invited::NotFound);
        };
        if let Some(code) = refused(&row, now) {
            return Ok(Invited::Refused(code));
        }
        sqlx::query("UPDATE user_invitations SET used_at = $1 WHERE token_hash = $2")
            .bind(now)
            .bind(token_hash)
            .execute(&mut *tx)
            .await?;
        sqlx::query("UPDATE users SET password_hash = $1, must_change = 0 WHERE id = $2")
            .bind(hash)
            .bind(&row.user.id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(Invited::Done(Box::new(UserRow {
            password_hash: hash.into(),
            must_change: false,
            ..row.user
        })))
    }

    /// Sends the partner's user `user_id` a new invitation link, in the language of the last
    /// one, and makes every earlier link of theirs worthless; refused once the user has
    /// chosen their password. `mail` words the email for the user and their language.
    pub async fn resend_invitation(
        &self,
        partner_id: &str,
        user_id: &str,
        link: &NewInvitation,
        now: i64,
        mail: impl FnOnce(&UserRow) -> Mail,
    ) -> DbResult<(Invited, String)> {
        let mut tx = self.write_tx().await?;
        let Some(user) = self
            .user_in(&mut tx, user_id)
            .await?
            .filter(|u| u.partner_id == partner_id)
        else {
            return Ok((Invited::NotFound, String::new()));
        };
        if let Err(code) = may_resend(!user.must_change) {
            return Ok((Invited::Refused(code), String::new()));
        }
        let language: String = sqlx::query(
            "SELECT language FROM user_invitations WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1",
        )
        .bind(user_id)
        .fetch_optional(&mut *tx)
        .await?
        .map(|r| r.try_get("language"))
        .transpose()?
        .unwrap_or_else(|| link.language.clone());
        sqlx::query(
            "UPDATE user_invitations SET replaced_at = $1 WHERE user_id = $2 AND replaced_at IS NULL",
        )
        .bind(now)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
        let link = NewInvitation {
            language: language.clone(),
            ..link.clone()
        };
        insert_link(&mut tx, user_id, &link, now).await?;
        enqueue(
            &mut tx,
            &link.mail_id,
            &user.email,
            &language,
            &mail(&user),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok((Invited::Done(Box::new(user)), language))
    }
}
