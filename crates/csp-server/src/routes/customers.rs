//! Customers: the partner's customer list, adding a customer (its tenant and
//! admin work account, with the admin's one-time temporary password stored as an Argon2id
//! hash), the live domain-prefix check, removing a reseller relationship, and the
//! reseller-relationship requests (GDAP) with their status. The same csp-core rules as the
//! in-browser backend (`csp_demo::customers`).

use super::page_request;
use crate::auth::{permitted, Member};
use crate::error::{check, random_failed, ApiErr, ApiResult};
use crate::extract::{canonical, JsonIn};
use crate::passwords::hash_password;
use crate::rows::{Insert, WorkAccountRow};
use crate::secrets::{self, new_guid, new_id};
use crate::state::{now, today, Shared};
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use csp_core::acceptance::with_relationship;
use csp_core::access::identity_key;
use csp_core::add_customer::{
    check_domain_prefix, check_new_customer, new_customer_record, CreatedCustomer,
    DomainPrefixAvailability, NewCustomer,
};
use csp_core::api::{CustomerList, PartnerKind};
use csp_core::customers::{check_can_remove_relationship, Customer};
use csp_core::field::Field;
use csp_core::ids::same_id;
use csp_core::paging::{check_room, finish, Ordered, Page};
use csp_core::problem::{Code, Problem};
use csp_core::relationship::{
    check_new_request, name_key, new_request, refresh, terminate, NewRelationshipRequest,
    RelationshipRequest, ADMIN_ROLES,
};
use csp_core::roles::{ADD_CUSTOMER, CUSTOMERS, RELATIONSHIP_REQUESTS};

/// The customers of the caller's partner and the partners they are shared with.
pub async fn customers(
    State(state): State<Shared>,
    m: Member,
    RawQuery(query): RawQuery,
) -> ApiResult<Json<CustomerList>> {
    let me = permitted(&state, &m, CUSTOMERS).await?;
    let req = page_request(&query)?;
    let rows = (state.store)
        .customers_page(&me.partner.id, me.kind, &req)
        .await?;
    let today = today();
    let rows = rows
        .into_iter()
        .map(|(c, r)| with_relationship(c, r.as_ref(), today))
        .collect();
    let page = finish(rows, req.limit, Customer::position);
    Ok(Json(CustomerList {
        customers: page.items,
        partners: state.store.linked_partners(&me.partner.id, me.kind).await?,
        next_cursor: page.next_cursor,
    }))
}

async fn prefix_taken(state: &Shared, prefix: &str) -> ApiResult<bool> {
    Ok(csp_core::access::is_reserved_prefix(prefix)
        || state
            .store
            .domain_taken(&format!("{prefix}.onmicrosoft.com"))
            .await?)
}

fn prefix_problem(status: StatusCode, error: &'static str, code: Code, prefix: &str) -> ApiErr {
    let mut problem = Problem::new(code);
    if code == Code::DomainPrefixTaken {
        problem = problem.arg("domain", format!("{prefix}.onmicrosoft.com"));
    }
    ApiErr::field(status, error, Field::CustomerDomainPrefix, problem)
}

/// The live check behind the domain-prefix field.
pub async fn domain_prefix(
    State(state): State<Shared>,
    m: Member,
    Path(raw): Path<String>,
) -> ApiResult<Json<DomainPrefixAvailability>> {
    permitted(&state, &m, ADD_CUSTOMER).await?;
    let prefix = check_domain_prefix(&raw)
        .map_err(|p| prefix_problem(StatusCode::UNPROCESSABLE_ENTITY, "validation", p.code, ""))?;
    Ok(Json(DomainPrefixAvailability {
        available: !prefix_taken(&state, &prefix).await?,
        prefix,
    }))
}

/// Creates the customer's tenant and its admin work account; the admin's temporary password
/// is in this answer only.
pub async fn add_customer(
    State(state): State<Shared>,
    m: Member,
    JsonIn(c): JsonIn<NewCustomer>,
) -> ApiResult<Response> {
    let me = permitted(&state, &m, ADD_CUSTOMER).await?;
    let domains: Vec<&str> = me.domains.iter().map(String::as_str).collect();
    check(&check_new_customer(&c, &domains, &state.ctx))?;
    let prefix = check_domain_prefix(&c.domain_prefix).unwrap_or_default();
    let taken = || {
        prefix_problem(
            StatusCode::CONFLICT,
            "conflict",
            Code::DomainPrefixTaken,
            &prefix,
        )
    };
    if prefix_taken(&state, &prefix).await? {
        return Err(taken());
    }
    // On behalf of one of the provider's indirect resellers: it must be one of them.
    let for_reseller = match (me.kind, &c.reseller_id) {
        (PartnerKind::IndirectProvider, Some(r)) => Some(
            state
                .store
                .linked_partners(&me.partner.id, me.kind)
                .await?
                .into_iter()
                .find(|x| same_id(&x.id, r))
                .ok_or_else(|| {
                    ApiErr::field(
                        StatusCode::UNPROCESSABLE_ENTITY,
                        "validation",
                        Field::CustomerResellerId,
                        Code::ChooseOne,
                    )
                })?
                .id,
        ),
        _ => None,
    };
    let id = new_guid().map_err(random_failed)?;
    let (customer, sign_in_name) =
        new_customer_record(id, &c, &prefix, me.kind, &me.partner.id, for_reseller);
    // Each partner the customer is listed for has room for it.
    for (id, kind) in [
        (&customer.reseller_id, PartnerKind::IndirectReseller),
        (&customer.provider_id, PartnerKind::IndirectProvider),
    ] {
        if let Some(id) = id {
            let listed = state.store.customer_count(id, kind).await?;
            check_room(listed).map_err(ApiErr::from_core)?;
        }
    }
    let password = secrets::temporary_password().map_err(random_failed)?;
    let admin = WorkAccountRow {
        id: new_id("wac").map_err(random_failed)?,
        user_name: sign_in_name.clone(),
        password_hash: hash_password(&state, password.clone()).await?,
        tenant_domain: customer.primary_domain.clone(),
    };
    let country = c.address.country.trim().to_ascii_uppercase();
    if let Insert::Duplicate = state
        .store
        .insert_customer_tenant(
            &customer,
            &country,
            &admin,
            &identity_key(&sign_in_name),
            now(),
        )
        .await?
    {
        return Err(taken());
    }
    tracing::info!(customer = %customer.id, partner = %me.partner.id, by = %m.user.id, "customer added");
    Ok((
        StatusCode::CREATED,
        Json(CreatedCustomer {
            customer,
            sign_in_name,
            temporary_password: password,
        }),
    )
        .into_response())
}

/// Unavailable (409) while the customer has active subscriptions.
pub async fn remove_relationship(
    State(state): State<Shared>,
    m: Member,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    let me = permitted(&state, &m, RELATIONSHIP_REQUESTS).await?;
    let id = canonical(&id);
    let c = state
        .store
        .customer_of(&me.partner.id, me.kind, &id)
        .await?
        .ok_or_else(ApiErr::not_found)?;
    check_can_remove_relationship(&c).map_err(|_| ApiErr::new(StatusCode::CONFLICT, "conflict"))?;
    if !state
        .store
        .delete_customer(&me.partner.id, me.kind, &id)
        .await?
    {
        return Err(ApiErr::not_found());
    }
    tracing::info!(customer = %id, partner = %me.partner.id, by = %m.user.id, "reseller relationship removed");
    Ok(StatusCode::NO_CONTENT)
}

/// The partner's requests, their status as of today.
pub async fn relationship_requests(
    State(state): State<Shared>,
    m: Member,
    RawQuery(query): RawQuery,
) -> ApiResult<Json<Page<RelationshipRequest>>> {
    let me = permitted(&state, &m, RELATIONSHIP_REQUESTS).await?;
    let req = page_request(&query)?;
    let today = today();
    let rows = state.store.requests_page(&me.partner.id, &req).await?;
    Ok(Json(finish(
        rows.iter().map(|r| refresh(r, today)).collect(),
        req.limit,
        RelationshipRequest::position,
    )))
}

pub async fn request_relationship(
    State(state): State<Shared>,
    m: Member,
    JsonIn(req): JsonIn<NewRelationshipRequest>,
) -> ApiResult<Response> {
    let me = permitted(&state, &m, RELATIONSHIP_REQUESTS).await?;
    let existing = state.store.requests_of(&me.partner.id).await?;
    let names: Vec<&str> = existing
        .iter()
        .filter(|r| r.admin_access)
        .map(|r| r.name.as_str())
        .collect();
    check(&check_new_request(&req, &names, ADMIN_ROLES))?;
    check_room(existing.len()).map_err(ApiErr::from_core)?;
    let r = new_request(&new_guid().map_err(random_failed)?, &req, today());
    // The unique key settles two concurrent requests of one name.
    let key = r.admin_access.then(|| name_key(&r.name));
    if let Insert::Duplicate = state
        .store
        .insert_request(&me.partner.id, key, &r, now())
        .await?
    {
        return Err(ApiErr::field(
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation",
            Field::RelationshipName,
            Problem::new(Code::RelationshipNameTaken).arg("name", &r.name),
        ));
    }
    Ok((StatusCode::CREATED, Json(r)).into_response())
}

/// Ends an active relationship (409 in any other status).
pub async fn terminate_relationship(
    State(state): State<Shared>,
    m: Member,
    Path(id): Path<String>,
) -> ApiResult<Json<RelationshipRequest>> {
    let me = permitted(&state, &m, RELATIONSHIP_REQUESTS).await?;
    let r = state
        .store
        .requests_of(&me.partner.id)
        .await?
        .into_iter()
        .find(|r| same_id(&r.id, &id))
        .ok_or_else(ApiErr::not_found)?;
    let ended =
        terminate(&r, today()).map_err(|_| ApiErr::new(StatusCode::CONFLICT, "conflict"))?;
    if !state.store.update_request(&me.partner.id, &ended).await? {
        return Err(ApiErr::not_found());
    }
    tracing::info!(request = %ended.id, partner = %me.partner.id, by = %m.user.id, "relationship terminated");
    Ok(Json(ended))
}
