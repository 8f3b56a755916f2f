//! Business profiles (stored as the JSON csp-core checked), the directory of indirect
//! providers that publish one, and the partnership requests between resellers and providers,
//! each written with the email it causes in one transaction.

use super::erased::Ser;
use super::{enum_of, inserted, outbox, DbResult, Store};
use crate::rows::{Insert, QueuedMail};
use csp_core::api::PartnerKind;
use csp_core::business_profile::BusinessProfile;
use csp_core::partners::{PartnerSummary, PartnershipRequest, PartnershipStatus};
use sqlx::any::AnyRow;
use sqlx::Row;

fn decode<T: serde::de::DeserializeOwned>(json: &str) -> DbResult<T> {
    serde_json::from_str(json).map_err(|e| sqlx::Error::Decode(Box::new(e)))
}

fn summary(r: &AnyRow, prefix: &str) -> DbResult<PartnerSummary> {
    Ok(PartnerSummary {
        id: r.try_get(format!("{prefix}id").as_str())?,
        name: r.try_get(format!("{prefix}name").as_str())?,
        country: r.try_get(format!("{prefix}country").as_str())?,
        region: r.try_get(format!("{prefix}region").as_str())?,
        since: None,
    })
}

const REQUEST_SQL: &str =
    "SELECT q.id, q.status, q.requested_by, q.requested_at, q.invited_at, q.language, \
     r.id AS r_id, r.name AS r_name, r.country AS r_country, r.region AS r_region, \
     p.id AS p_id, p.name AS p_name, p.country AS p_country, p.region AS p_region \
     FROM partnership_requests q JOIN partners r ON r.id = q.reseller_id \
     JOIN partners p ON p.id = q.provider_id";

fn request(r: &AnyRow) -> DbResult<PartnershipRequest> {
    Ok(PartnershipRequest {
        id: r.try_get("id")?,
        reseller: summary(r, "r_")?,
        provider: summary(r, "p_")?,
        status: enum_of(&r.try_get::<String, _>("status")?)?,
        requested_by: r.try_get("requested_by")?,
        requested_at: r.try_get("requested_at")?,
        invited_at: r.try_get("invited_at")?,
    })
}

impl Store {
    /// The partner's published profile; None before its first publication.
    pub async fn business_profile(&self, partner: &str) -> DbResult<Option<BusinessProfile>> {
        sqlx::query("SELECT profile FROM business_profiles WHERE partner_id = $1")
            .bind(partner)
            .fetch_optional(&self.pool)
            .await?
            .map(|r| decode(&r.try_get::<String, _>("profile")?))
            .transpose()
    }

    /// Publishes (or replaces) the partner's profile.
    pub async fn put_business_profile(
        &self,
        partner: &str,
        profile: &BusinessProfile,
        now: i64,
    ) -> DbResult<()> {
        let json = serde_json::to_string(profile).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
        sqlx::query(
            "INSERT INTO business_profiles (partner_id, profile, updated_at) VALUES ($1, $2, $3) \
             ON CONFLICT (partner_id) DO UPDATE SET profile = excluded.profile, updated_at = excluded.updated_at",
        )
        .bind(partner)
        .bind(json)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Every indirect provider of `region` with a published profile, by name: the directory
    /// before csp-core's filter (a region's providers are few enough to filter in memory).
    pub async fn directory(
        &self,
        region: &str,
    ) -> DbResult<Vec<(PartnerSummary, BusinessProfile)>> {
        sqlx::query(
            "SELECT p.id, p.name, p.country, p.region, b.profile FROM partners p \
             JOIN business_profiles b ON b.partner_id = p.id WHERE p.kind = $1 AND p.region = $2 \
             ORDER BY p.name, p.id",
        )
        .bind(PartnerKind::IndirectProvider.text())
        .bind(region)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| {
            Ok((
                summary(r, "")?,
                decode(&r.try_get::<String, _>("profile")?)?,
            ))
        })
        .collect()
    }

    /// The partnership requests `partner` sent (a reseller) or received (a provider).
    pub async fn partnership_requests(&self, partner: &str) -> DbResult<Vec<PartnershipRequest>> {
        sqlx::query(&format!(
            "{REQUEST_SQL} WHERE q.reseller_id = $1 OR q.provider_id = $1 ORDER BY q.requested_at, q.id"
        ))
        .bind(partner)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(request)
        .collect()
    }

    /// One request and the language its reseller user asked in.
    pub async fn partnership_request(
        &self,
        id: &str,
    ) -> DbResult<Option<(PartnershipRequest, String)>> {
        sqlx::query(&format!("{REQUEST_SQL} WHERE q.id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .map(|r| Ok((request(&r)?, r.try_get("language")?)))
            .transpose()
    }

    /// Records the request and queues the provider's email with it; `Duplicate` when the pair
    /// has one already (nothing is written then).
    pub async fn insert_partnership_request(
        &self,
        req: &PartnershipRequest,
        language: &str,
        mail: &QueuedMail,
    ) -> DbResult<Insert> {
        let mut tx = self.write_tx().await?;
        let done = inserted(
            sqlx::query(
                "INSERT INTO partnership_requests (id, reseller_id, provider_id, status, requested_by, language, requested_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(&req.id)
            .bind(&req.reseller.id)
            .bind(&req.provider.id)
            .bind(req.status.text())
            .bind(&req.requested_by)
            .bind(language)
            .bind(req.requested_at)
            .execute(&mut *tx)
            .await,
        )?;
        if matches!(done, Insert::Done) {
            outbox::enqueue(
                &mut tx,
                &mail.id,
                &mail.recipient,
                &mail.language,
                &mail.mail,
                req.requested_at,
            )
            .await?;
            tx.commit().await?;
        }
        Ok(done)
    }

    /// The provider's invitation: the request becomes `invited` and the reseller's email is
    /// queued, once; false when it was no longer `requested` (nothing is written then).
    pub async fn invite_partnership(
        &self,
        id: &str,
        now: i64,
        mail: &QueuedMail,
    ) -> DbResult<bool> {
        let mut tx = self.write_tx().await?;
        let changed = sqlx::query(
            "UPDATE partnership_requests SET status = $1, invited_at = $2 WHERE id = $3 AND status = $4",
        )
        .bind(PartnershipStatus::Invited.text())
        .bind(now)
        .bind(id)
        .bind(PartnershipStatus::Requested.text())
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if changed {
            outbox::enqueue(
                &mut tx,
                &mail.id,
                &mail.recipient,
                &mail.language,
                &mail.mail,
                now,
            )
            .await?;
            tx.commit().await?;
        }
        Ok(changed)
    }

    /// Once the reseller has authorized the provider, their request has been answered.
    pub async fn delete_partnership_request(&self, reseller: &str, provider: &str) -> DbResult<()> {
        sqlx::query("DELETE FROM partnership_requests WHERE reseller_id = $1 AND provider_id = $2")
            .bind(reseller)
            .bind(provider)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
