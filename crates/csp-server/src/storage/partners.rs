//! Partners with their kind, region and domains, and the authorizations between resellers and
//! providers, and the partner agreement's signature. Every read and change names the partner it is for, so one partner never reaches
//! another's rows.

use super::erased::Ser;
use super::{enum_of, DbResult, PageSql, Store, Tx};
use crate::rows::Insert;
use csp_core::api::{MyPartner, PartnerKind, Signature};
use csp_core::date::Date;
use csp_core::paging::PageRequest;
use csp_core::partners::PartnerSummary;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Connection, Row};

fn date(s: &str) -> DbResult<Date> {
    Date::parse_iso(s).ok_or_else(|| sqlx::Error::Decode(format!("not a date: {s}").into()))
}

fn summary(r: &AnyRow) -> DbResult<PartnerSummary> {
    Ok(PartnerSummary {
        id: r.try_get("id")?,
        name: r.try_get("name")?,
        country: r.try_get("country")?,
        region: r.try_get("region")?,
        since: r
            .try_get::<Option<String>, _>("since")?
            .map(|s| date(&s))
            .transpose()?,
    })
}

async fn partner_count(db: &mut AnyConnection) -> DbResult<i64> {
    sqlx::query("SELECT COUNT(*) AS n FROM partners")
        .fetch_one(db)
        .await?
        .try_get("n")
}

async fn insert_partner(
    db: &mut AnyConnection,
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
    .execute(db)
    .await?;
    Ok(())
}

pub(super) async fn insert_partner_of(
    db: &mut AnyConnection,
    p: &MyPartner,
    tenant_domain: &str,
    now: i64,
) -> DbResult<()> {
    // A savepoint when `db` is already in a transaction ([`Tx`]).
    let mut tx = db.begin().await?;
    sqlx::query(
        "INSERT INTO partners (id, name, tenant_domain, created_at, kind, country, region) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&p.partner.id)
    .bind(&p.partner.name)
    .bind(tenant_domain)
    .bind(now)
    .bind(p.kind.text())
    .bind(&p.partner.country)
    .bind(&p.partner.region)
    .execute(&mut *tx)
    .await?;
    for (i, d) in p.domains.iter().enumerate() {
        sqlx::query(
            "INSERT INTO partner_domains (partner_id, domain, position) VALUES ($1, $2, $3)",
        )
        .bind(&p.partner.id)
        .bind(d)
        .bind(i as i64)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await
}

async fn insert_authorization(
    db: &mut AnyConnection,
    reseller: &str,
    provider: &str,
    since: Date,
) -> DbResult<Insert> {
    let r = sqlx::query(
        "INSERT INTO authorizations (reseller_id, provider_id, since) VALUES ($1, $2, $3) \
         ON CONFLICT (reseller_id, provider_id) DO NOTHING",
    )
    .bind(reseller)
    .bind(provider)
    .bind(since.to_string())
    .execute(db)
    .await?;
    Ok(if r.rows_affected() == 1 {
        Insert::Done
    } else {
        Insert::Duplicate
    })
}

impl Tx {
    pub async fn partner_count(&mut self) -> DbResult<i64> {
        partner_count(self.conn()).await
    }

    /// The program operator's own organization (a partner of no kind), the oldest if several.
    pub async fn operations_partner(&mut self) -> DbResult<Option<String>> {
        sqlx::query("SELECT id FROM partners WHERE kind IS NULL ORDER BY created_at, id LIMIT 1")
            .fetch_optional(self.conn())
            .await?
            .map(|r| r.try_get("id"))
            .transpose()
    }

    pub async fn insert_partner(
        &mut self,
        id: &str,
        name: &str,
        domain: &str,
        now: i64,
    ) -> DbResult<()> {
        insert_partner(self.conn(), id, name, domain, now).await
    }

    pub async fn insert_partner_of(
        &mut self,
        p: &MyPartner,
        tenant_domain: &str,
        now: i64,
    ) -> DbResult<()> {
        insert_partner_of(self.conn(), p, tenant_domain, now).await
    }

    pub async fn insert_authorization(
        &mut self,
        reseller: &str,
        provider: &str,
        since: Date,
    ) -> DbResult<Insert> {
        insert_authorization(self.conn(), reseller, provider, since).await
    }
}

impl Store {
    pub async fn partner_count(&self) -> DbResult<i64> {
        partner_count(&mut *self.pool.acquire().await?).await
    }

    pub async fn insert_partner(
        &self,
        id: &str,
        name: &str,
        domain: &str,
        now: i64,
    ) -> DbResult<()> {
        insert_partner(&mut *self.pool.acquire().await?, id, name, domain, now).await
    }

    /// A reseller or provider with its kind, region and domains (`tenant_domain` is its own
    /// work-account tenant).
    pub async fn insert_partner_of(
        &self,
        p: &MyPartner,
        tenant_domain: &str,
        now: i64,
    ) -> DbResult<()> {
        insert_partner_of(&mut *self.pool.acquire().await?, p, tenant_domain, now).await
    }

    /// The partner as `GET /partner` shows it; None for an unknown partner or one that is
    /// neither a reseller nor a provider (the program operator's own organization).
    pub async fn partner(&self, id: &str) -> DbResult<Option<MyPartner>> {
        let Some(r) = sqlx::query(
            "SELECT id, name, country, region, NULL AS since, kind, agreement_at FROM partners WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?
        else {
            return Ok(None);
        };
        let Some(kind) = r.try_get::<Option<String>, _>("kind")? else {
            return Ok(None);
        };
        let domains = sqlx::query(
            "SELECT domain FROM partner_domains WHERE partner_id = $1 ORDER BY position",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| r.try_get("domain"))
        .collect::<DbResult<_>>()?;
        let signed: Option<i64> = r.try_get("agreement_at")?;
        Ok(Some(MyPartner {
            partner: summary(&r)?,
            kind: enum_of(&kind)?,
            domains,
            agreement_signed: signed.is_some(),
        }))
    }

    /// The other side of `partner`'s authorizations (a reseller's providers, a provider's
    /// resellers), each with its "since" date, oldest first.
    pub async fn linked_partners(
        &self,
        partner: &str,
        kind: PartnerKind,
    ) -> DbResult<Vec<PartnerSummary>> {
        let (mine, other) = match kind {
            PartnerKind::IndirectReseller => ("reseller_id", "provider_id"),
            PartnerKind::IndirectProvider => ("provider_id", "reseller_id"),
        };
        sqlx::query(&format!(
            "SELECT p.id, p.name, p.country, p.region, a.since FROM authorizations a \
             JOIN partners p ON p.id = a.{other} WHERE a.{mine} = $1 ORDER BY a.since, p.name"
        ))
        .bind(partner)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(summary)
        .collect()
    }

    /// One page of [`Store::linked_partners`] by name (`csp_core::paging`), with one row
    /// more than the limit when there is a next page.
    pub async fn linked_partners_page(
        &self,
        partner: &str,
        kind: PartnerKind,
        req: &PageRequest,
    ) -> DbResult<Vec<PartnerSummary>> {
        let (mine, other) = match kind {
            PartnerKind::IndirectReseller => ("reseller_id", "provider_id"),
            PartnerKind::IndirectProvider => ("provider_id", "reseller_id"),
        };
        let page = PageSql {
            key: Some("p.name"),
            id: "p.id",
            first: 2,
        };
        let (after, order) = page.sql(self, req);
        let sql = format!(
            "SELECT p.id, p.name, p.country, p.region, a.since FROM authorizations a \
             JOIN partners p ON p.id = a.{other} WHERE a.{mine} = $1{after}{order}"
        );
        page.bind(sqlx::query(&sql).bind(partner), req)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(summary)
            .collect()
    }

    /// `Duplicate` when the reseller had already authorized the provider (nothing changes).
    pub async fn insert_authorization(
        &self,
        reseller: &str,
        provider: &str,
        since: Date,
    ) -> DbResult<Insert> {
        insert_authorization(&mut *self.pool.acquire().await?, reseller, provider, since).await
    }

    /// The provider ends its partnership with a reseller; false when there was none.
    pub async fn delete_authorization(&self, provider: &str, reseller: &str) -> DbResult<bool> {
        Ok(
            sqlx::query("DELETE FROM authorizations WHERE provider_id = $1 AND reseller_id = $2")
                .bind(provider)
                .bind(reseller)
                .execute(&self.pool)
                .await?
                .rows_affected()
                == 1,
        )
    }
}

fn signature(r: &AnyRow) -> DbResult<Option<Signature>> {
    let at: Option<i64> = r.try_get("agreement_at")?;
    let Some(at) = at else { return Ok(None) };
    Ok(Some(Signature {
        version: r
            .try_get::<Option<String>, _>("agreement_version")?
            .unwrap_or_default(),
        name: r
            .try_get::<Option<String>, _>("agreement_name")?
            .unwrap_or_default(),
        job_title: r
            .try_get::<Option<String>, _>("agreement_title")?
            .unwrap_or_default(),
        user: r
            .try_get::<Option<String>, _>("agreement_user")?
            .unwrap_or_default(),
        at,
    }))
}

const SIGNATURE_COLS: &str =
    "agreement_version, agreement_name, agreement_title, agreement_user, agreement_at";

async fn sign(db: &mut AnyConnection, partner_id: &str, s: &Signature) -> DbResult<()> {
    sqlx::query(
        "UPDATE partners SET agreement_version = $1, agreement_name = $2, agreement_title = $3, agreement_user = $4, agreement_at = $5 \
         WHERE id = $6 AND agreement_at IS NULL",
    )
    .bind(&s.version)
    .bind(&s.name)
    .bind(&s.job_title)
    .bind(&s.user)
    .bind(s.at)
    .bind(partner_id)
    .execute(db)
    .await?;
    Ok(())
}

impl Tx {
    /// Records the partner agreement as signed (seeding: the demo partners have signed).
    pub async fn sign_agreement(&mut self, partner_id: &str, s: &Signature) -> DbResult<()> {
        sign(self.conn(), partner_id, s).await
    }
}

impl Store {
    /// Who signed the partner's agreement, which version, when; None until someone has.
    pub async fn agreement(&self, partner_id: &str) -> DbResult<Option<Signature>> {
        match sqlx::query(&format!(
            "SELECT {SIGNATURE_COLS} FROM partners WHERE id = $1"
        ))
        .bind(partner_id)
        .fetch_optional(&self.pool)
        .await?
        {
            Some(r) => signature(&r),
            None => Ok(None),
        }
    }

    /// Signs the partner agreement unless it is signed already (the first signature stays);
    /// the signature on record after.
    pub async fn sign_agreement(
        &self,
        partner_id: &str,
        s: &Signature,
    ) -> DbResult<Option<Signature>> {
        let mut conn = self.pool.acquire().await?;
        sign(&mut conn, partner_id, s).await?;
        drop(conn);
        self.agreement(partner_id).await
    }
}
