//! The contract's handlers (`api/openapi.yaml`), one file per resource. Each private route
//! states what it needs in its signature (`Member` + a feature, `Applicant`, an operator), and
//! reads every fact it relies on (tenant, profile, roles) from storage, never from the client.
//!
//! `enrollment` (program settings, countries, roles, applications), `work_account` (the
//! applicant's work-account sign-in, tenants, partner network), `session` (a partner user's
//! sign-in and password), `users`, `invitations` (an added user's invitation link),
//! `partners`, `profile` (the business profile, the provider directory, partnership requests),
//! `customers` (customers, domain prefixes, relationship requests), `acceptance` (a customer's
//! answer to a reseller-relationship link), and `files` (the release build beside the API).
//! What several of them answer with is below.

pub mod acceptance;
pub mod customers;
pub mod enrollment;
pub mod files;
pub mod invitations;
pub mod partners;
pub mod profile;
pub mod review;
pub mod session;
pub mod users;
pub mod work_account;

use crate::error::{ApiErr, ApiResult};
use crate::rows::UserRow;
use crate::state::Shared;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use csp_core::api::User;
use csp_core::enrollment::Tenant;
use csp_core::paging::PageRequest;
use serde::Serialize;

fn user_out(u: &UserRow) -> User {
    User {
        id: u.id.clone(),
        name: u.name.clone(),
        email: u.email.clone(),
        agent_role: u.agent_role.clone(),
        admin_role: u.admin_role.clone(),
        partner_id: u.partner_id.clone(),
        partner_kind: u.partner_kind,
    }
}

/// The page a list's query asks for (`limit`, `cursor`); 400 `bad-limit` / `bad-cursor`.
fn page_request(query: &Option<String>) -> ApiResult<PageRequest> {
    csp_core::paging::parse_query(query.as_deref().unwrap_or_default())
        .map_err(|e| ApiErr::from_core(e.into()))
}

fn with_cookie(cookie: String, status: StatusCode, body: impl Serialize) -> Response {
    let mut r = (status, Json(body)).into_response();
    if let Ok(v) = cookie.parse() {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
    r
}

async fn tenant_of(state: &Shared, domain: &str) -> ApiResult<Tenant> {
    let (country, organization) = state
        .store
        .tenant(domain)
        .await?
        .ok_or_else(ApiErr::server)?;
    Ok(Tenant {
        domain: domain.into(),
        country,
        organization,
    })
}
