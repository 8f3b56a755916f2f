//! Customers (each with its tenant and admin work account) and reseller-relationship
//! requests. Every read and change names the partner it is for, so one partner never reaches
//! another's rows.

use super::{enum_of, inserted, is_unique_violation, DbResult, PageSql, Store, Tx};
use crate::rows::{AnswerRow, Answered, Insert, RequestWrite, WorkAccountRow};
use csp_core::api::PartnerKind;
use csp_core::customers::Customer;
use csp_core::paging::PageRequest;
use csp_core::relationship::RelationshipRequest;
use sqlx::any::{AnyArguments, AnyRow};
use sqlx::{Any, AnyConnection, Row};

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
        accepted: None,
    })
}

const CUSTOMER_COLS: &str = "id, company_name, primary_domain, relationship, provider_id, reseller_id, has_active_subscriptions, tags";
/// The customer's accepted request (JSON) beside its columns, for its status and dates.
const WITH_REQUEST: &str =
    "(SELECT r.request FROM relationship_requests r WHERE r.id = customers.request_id) AS request";

fn request_of(r: &AnyRow) -> DbResult<Option<RelationshipRequest>> {
    let json: Option<String> = r.try_get("request")?;
    json.map(|j| serde_json::from_str(&j).map_err(|e| sqlx::Error::Decode(Box::new(e))))
        .transpose()
}

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

async fn insert_customer(db: &mut AnyConnection, c: &Customer, now: i64) -> DbResult<Insert> {
    inserted(customer_insert(c, now).execute(db).await)
}

async fn insert_request(
    db: &mut AnyConnection,
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
    .execute(db)
    .await;
    inserted(res)
}

impl Tx {
    pub async fn insert_customer(&mut self, c: &Customer, now: i64) -> DbResult<Insert> {
        insert_customer(self.conn(), c, now).await
    }

    pub async fn insert_request(
        &mut self,
        partner: &str,
        name_key: Option<String>,
        r: &RelationshipRequest,
        now: i64,
    ) -> DbResult<Insert> {
        insert_request(self.conn(), partner, name_key, r, now).await
    }
}

impl Store {
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

    /// One page of the customers of a partner of `kind` by company name
    /// (`csp_core::paging`), with one row more than the limit when there is a next page; each
    /// with the relationship its Global admin accepted here, if any.
    pub async fn customers_page(
        &self,
        partner: &str,
        kind: PartnerKind,
        req: &PageRequest,
    ) -> DbResult<Vec<(Customer, Option<RelationshipRequest>)>> {
        let page = PageSql {
            key: Some("company_name"),
            id: "id",
            first: 2,
        };
        let (after, order) = page.sql(self, req);
        let sql = format!(
            "SELECT {CUSTOMER_COLS}, {WITH_REQUEST} FROM customers WHERE {} = $1{after}{order}",
            customer_column(kind)
        );
        page.bind(sqlx::query(&sql).bind(partner), req)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(|r| Ok((customer(r)?, request_of(r)?)))
            .collect()
    }

    /// One page of the partner's relationship requests as stored, by ID
    /// (`csp_core::paging`), with one row more than the limit when there is a next page.
    pub async fn requests_page(
        &self,
        partner: &str,
        req: &PageRequest,
    ) -> DbResult<Vec<RelationshipRequest>> {
        let page = PageSql {
            key: None,
            id: "id",
            first: 2,
        };
        let (after, order) = page.sql(self, req);
        let sql = format!(
            "SELECT request FROM relationship_requests WHERE partner_id = $1{after}{order}"
        );
        page.bind(sqlx::query(&sql).bind(partner), req)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(|r| {
                let json: String = r.try_get("request")?;
                serde_json::from_str(&json).map_err(|e| sqlx::Error::Decode(Box::new(e)))
            })
            .collect()
    }

    /// How many customers a partner of `kind` has.
    pub async fn customer_count(&self, partner: &str, kind: PartnerKind) -> DbResult<usize> {
        let n: i64 = sqlx::query(&format!(
            "SELECT COUNT(*) AS n FROM customers WHERE {} = $1",
            customer_column(kind)
        ))
        .bind(partner)
        .fetch_one(&self.pool)
        .await?
        .try_get("n")?;
        Ok(n as usize)
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
        insert_customer(&mut *self.pool.acquire().await?, c, now).await
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
        insert_request(&mut *self.pool.acquire().await?, partner, name_key, r, now).await
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

    /// The customer whose primary domain this is (a work-account tenant's), if listed.
    pub async fn customer_by_domain(&self, domain: &str) -> DbResult<Option<Customer>> {
        sqlx::query(&format!(
            "SELECT {CUSTOMER_COLS} FROM customers WHERE primary_domain = $1"
        ))
        .bind(domain.to_ascii_lowercase())
        .fetch_optional(&self.pool)
        .await?
        .map(|r| customer(&r))
        .transpose()
    }

    /// One of the partner's requests as stored.
    pub async fn request_of(
        &self,
        partner: &str,
        id: &str,
    ) -> DbResult<Option<RelationshipRequest>> {
        sqlx::query("SELECT request FROM relationship_requests WHERE id = $1 AND partner_id = $2")
            .bind(id)
            .bind(partner)
            .fetch_optional(&self.pool)
            .await?
            .map(|r| {
                let json: String = r.try_get("request")?;
                serde_json::from_str(&json).map_err(|e| sqlx::Error::Decode(Box::new(e)))
            })
            .transpose()
    }

    /// Writes a customer's answer: the request, the customer, and the partners' emails in one
    /// transaction. `Changed` (nothing written) when another answer came first.
    pub async fn answer_invitation(&self, a: &AnswerRow) -> DbResult<Answered> {
        let mut tx = self.pool.begin().await?;
        match &a.request {
            Some(RequestWrite::Update {
                partner_id,
                before,
                after,
            }) => {
                let n = sqlx::query(
                    "UPDATE relationship_requests SET request = $1 WHERE id = $2 AND partner_id = $3 AND request = $4",
                )
                .bind(serde_json::to_string(after).unwrap_or_default())
                .bind(&after.id)
                .bind(partner_id)
                .bind(serde_json::to_string(before).unwrap_or_default())
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if n != 1 {
                    return Ok(Answered::Changed);
                }
            }
            Some(RequestWrite::Insert {
                partner_id,
                request,
            }) => {
                insert_request(&mut tx, partner_id, None, request, a.now).await?;
            }
            None => {}
        }
        if let Some((c, new, request_id)) = &a.customer {
            if *new {
                if let Insert::Duplicate = insert_customer(&mut tx, c, a.now).await? {
                    return Ok(Answered::Changed);
                }
                sqlx::query("UPDATE customers SET request_id = $1 WHERE id = $2")
                    .bind(request_id)
                    .bind(&c.id)
                    .execute(&mut *tx)
                    .await?;
            } else {
                let n = sqlx::query(
                    "UPDATE customers SET reseller_id = $1, provider_id = $2, relationship = $3, request_id = $4 \
                     WHERE id = $5 AND (reseller_id IS NULL OR reseller_id = $1) AND (provider_id IS NULL OR provider_id = $2)",
                )
                .bind(c.reseller_id.clone())
                .bind(c.provider_id.clone())
                .bind(c.relationship.id())
                .bind(request_id)
                .bind(&c.id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if n != 1 {
                    return Ok(Answered::Changed);
                }
            }
        }
        for m in &a.mails {
            super::outbox::enqueue(&mut tx, &m.id, &m.recipient, &m.language, &m.mail, a.now)
                .await?;
        }
        tx.commit().await?;
        Ok(Answered::Done)
    }
}
