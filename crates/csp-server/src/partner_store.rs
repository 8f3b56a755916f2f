//! Storage of issue #11's records on the same [`Store`]: partners with their kind, region and
//! domains, authorizations, customers (each with its tenant and admin work account) and
//! reseller-relationship requests. Every read and change names the partner it is for, so one
//! partner never reaches another's rows.

use crate::storage::erased::Ser;
use crate::storage::{enum_of, is_unique_violation, DbResult, Insert, Store, WorkAccountRow};
use csp_core::api::{MyPartner, PartnerKind};
use csp_core::customers::Customer;
use csp_core::date::Date;
use csp_core::partners::PartnerSummary;
use csp_core::relationship::RelationshipRequest;
use sqlx::any::{AnyArguments, AnyRow};
use sqlx::Any;
use sqlx::Row;

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

fn customer(r: &AnyRow) -> DbResult<Customer> {
    let relationship: String = r.try_get("relationship")?;
    let tags: String = r.try_get("tags")?;
    Ok(Customer {
        id: r.try_get("id")?,
        company_name: r.try_get("company_name")?,
        primary_domain: r.try_get("primary_domain")?,
        relationship: enum_of(&relationship)?,
        provider_id: r.try_get("provider_id")?,
        reseller_id: r.try_get("reseller_id")?,
        has_active_subscriptions: r.try_get::<i64, _>("has_active_subscriptions")? != 0,
        tags: serde_json::from_str(&tags).map_err(|e| sqlx::Error::Decode(Box::new(e)))?,
    })
}

const CUSTOMER_COLS: &str = "id, company_name, primary_domain, relationship, provider_id, reseller_id, has_active_subscriptions, tags";
const CUSTOMER_INSERT: &str = "INSERT INTO customers (id, company_name, primary_domain, relationship, provider_id, reseller_id, has_active_subscriptions, tags, created_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";

fn customer_insert(c: &Customer, now: i64) -> sqlx::query::Query<'_, Any, AnyArguments<'_>> {
    sqlx::query(CUSTOMER_INSERT)
        .bind(&c.id)
        .bind(&c.company_name)
        .bind(c.primary_domain.to_ascii_lowercase())
        .bind(c.relationship.id())
        .bind(c.provider_id.clone())
        .bind(c.reseller_id.clone())
        .bind(c.has_active_subscriptions as i64)
        .bind(serde_json::to_string(&c.tags).unwrap_or_else(|_| "[]".into()))
        .bind(now)
}

/// The column that ties a customer to a partner of `kind`.
fn customer_column(kind: PartnerKind) -> &'static str {
    match kind {
        PartnerKind::IndirectReseller => "reseller_id",
        PartnerKind::IndirectProvider => "provider_id",
    }
}

impl Store {
    /// A reseller or provider with its kind, region and domains (`tenant_domain` is its own
    /// work-account tenant).
    pub async fn insert_partner_of(
        &self,
        p: &MyPartner,
        tenant_domain: &str,
        now: i64,
    ) -> DbResult<()> {
        let mut tx = self.pool.begin().await?;
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

    /// The partner as `GET /partner` shows it; None for an unknown partner or one that is
    /// neither a reseller nor a provider (the program operator's own organization).
    pub async fn partner(&self, id: &str) -> DbResult<Option<MyPartner>> {
        let Some(r) = sqlx::query(
            "SELECT id, name, country, region, NULL AS since, kind FROM partners WHERE id = $1",
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
        Ok(Some(MyPartner {
            partner: summary(&r)?,
            kind: enum_of(&kind)?,
            domains,
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

    /// `Duplicate` when the reseller had already authorized the provider (nothing changes).
    pub async fn insert_authorization(
        &self,
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
        .execute(&self.pool)
        .await?;
        Ok(if r.rows_affected() == 1 {
            Insert::Done
        } else {
            Insert::Duplicate
        })
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

    /// The customers of a partner of `kind`, in the order they were added.
    pub async fn customers_of(&self, partner: &str, kind: PartnerKind) -> DbResult<Vec<Customer>> {
        sqlx::query(&format!(
            "SELECT {CUSTOMER_COLS} FROM customers WHERE {} = $1 ORDER BY created_at, id",
            customer_column(kind)
        ))
        .bind(partner)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(customer)
        .collect()
    }

    /// One of the partner's customers (None for anyone else's).
    pub async fn customer_of(
        &self,
        partner: &str,
        kind: PartnerKind,
        id: &str,
    ) -> DbResult<Option<Customer>> {
        sqlx::query(&format!(
            "SELECT {CUSTOMER_COLS} FROM customers WHERE id = $1 AND {} = $2",
            customer_column(kind)
        ))
        .bind(id)
        .bind(partner)
        .fetch_optional(&self.pool)
        .await?
        .map(|r| customer(&r))
        .transpose()
    }

    /// A customer record alone (seeding, existing customers from other portals).
    pub async fn insert_customer(&self, c: &Customer, now: i64) -> DbResult<Insert> {
        let r = customer_insert(c, now).execute(&self.pool).await;
        match r {
            Ok(_) => Ok(Insert::Done),
            Err(e) if is_unique_violation(&e) => Ok(Insert::Duplicate),
            Err(e) => Err(e),
        }
    }

    /// Whether a domain is anyone's already: a tenant of the directory or a customer's.
    pub async fn domain_taken(&self, domain: &str) -> DbResult<bool> {
        let n: i64 = sqlx::query(
            "SELECT (SELECT COUNT(*) FROM tenants WHERE domain = $1) + \
             (SELECT COUNT(*) FROM customers WHERE primary_domain = $1) AS n",
        )
        .bind(domain)
        .fetch_one(&self.pool)
        .await?
        .try_get("n")?;
        Ok(n > 0)
    }

    /// Adds a customer with its new tenant and the tenant's admin work account, all or
    /// nothing: `Duplicate` when the domain was taken meanwhile (the keys decide).
    pub async fn insert_customer_tenant(
        &self,
        c: &Customer,
        country: &str,
        admin: &WorkAccountRow,
        admin_key: &str,
        now: i64,
    ) -> DbResult<Insert> {
        let mut tx = self.pool.begin().await?;
        let steps = async {
            sqlx::query(
                "INSERT INTO tenants (domain, country, organization, created_at) VALUES ($1, $2, $3, $4)",
            )
            .bind(&c.primary_domain)
            .bind(country)
            .bind(&c.company_name)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            customer_insert(c, now).execute(&mut *tx).await?;
            sqlx::query(
                "INSERT INTO work_accounts (id, user_name_key, user_name, password_hash, tenant_domain) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(&admin.id)
            .bind(admin_key)
            .bind(&admin.user_name)
            .bind(&admin.password_hash)
            .bind(&admin.tenant_domain)
            .execute(&mut *tx)
            .await?;
            Ok::<_, sqlx::Error>(())
        }
        .await;
        match steps {
            Ok(()) => {
                tx.commit().await?;
                Ok(Insert::Done)
            }
            Err(e) if is_unique_violation(&e) => Ok(Insert::Duplicate),
            Err(e) => Err(e),
        }
    }

    /// Removes the reseller relationship: the customer leaves the partner's list.
    pub async fn delete_customer(
        &self,
        partner: &str,
        kind: PartnerKind,
        id: &str,
    ) -> DbResult<bool> {
        Ok(sqlx::query(&format!(
            "DELETE FROM customers WHERE id = $1 AND {} = $2",
            customer_column(kind)
        ))
        .bind(id)
        .bind(partner)
        .execute(&self.pool)
        .await?
        .rows_affected()
            == 1)
    }

    /// The partner's relationship requests as stored (refresh their status before showing).
    pub async fn requests_of(&self, partner: &str) -> DbResult<Vec<RelationshipRequest>> {
        sqlx::query(
            "SELECT request FROM relationship_requests WHERE partner_id = $1 ORDER BY created_at, id",
        )
        .bind(partner)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| {
            let json: String = r.try_get("request")?;
            serde_json::from_str(&json).map_err(|e| sqlx::Error::Decode(Box::new(e)))
        })
        .collect()
    }

    /// `Duplicate` when the partner already has a request of that name (`name_key`; None
    /// for a request without admin access, which has no name to keep unique).
    pub async fn insert_request(
        &self,
        partner: &str,
        name_key: Option<String>,
        r: &RelationshipRequest,
        now: i64,
    ) -> DbResult<Insert> {
        let res = sqlx::query(
            "INSERT INTO relationship_requests (id, partner_id, name_key, request, created_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(&r.id)
        .bind(partner)
        .bind(name_key)
        .bind(serde_json::to_string(r).unwrap_or_default())
        .bind(now)
        .execute(&self.pool)
        .await;
        match res {
            Ok(_) => Ok(Insert::Done),
            Err(e) if is_unique_violation(&e) => Ok(Insert::Duplicate),
            Err(e) => Err(e),
        }
    }

    /// Saves a request's new state (termination); false when it is not the partner's.
    pub async fn update_request(&self, partner: &str, r: &RelationshipRequest) -> DbResult<bool> {
        Ok(sqlx::query(
            "UPDATE relationship_requests SET request = $1 WHERE id = $2 AND partner_id = $3",
        )
        .bind(serde_json::to_string(r).unwrap_or_default())
        .bind(&r.id)
        .bind(partner)
        .execute(&self.pool)
        .await?
        .rows_affected()
            == 1)
    }
}
