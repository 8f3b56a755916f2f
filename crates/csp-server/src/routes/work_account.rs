//! The applicant's side of enrollment: signing in to a work account of the directory (or
//! creating a tenant and its admin account), the applicant session, and the partner-network
//! sign-in that lists the profiles the applicant may choose.

use super::{tenant_of, with_cookie};
use crate::auth::{clear_cookie, session_cookie, start_session, Applicant, APPLICANT_COOKIE};
use crate::error::{random_failed, ApiErr, ApiResult};
use crate::extract::{Client, JsonIn};
use crate::passwords::{hash_password, throttled_verify};
use crate::rows::Insert;
use crate::secrets::{self, new_id};
use crate::state::{now, Shared};
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use csp_core::access::identity_key;
use csp_core::api::{CreatedTenant, SignIn, WorkAccountSession};
use csp_core::enrollment::{check_new_tenant, NewTenant, Tenant};
use csp_core::problem::{Code, Problem};
use csp_core::Field;

fn applicant_session(t: Tenant, csrf_token: String) -> WorkAccountSession {
    WorkAccountSession {
        domain: t.domain,
        country: t.country,
        organization: t.organization,
        csrf_token,
    }
}

/// Signs in to a work account of the directory; starts the applicant session.
pub async fn work_account_sign_in(
    State(state): State<Shared>,
    Client(client): Client,
    JsonIn(s): JsonIn<SignIn>,
) -> ApiResult<Response> {
    csp_core::email::parse(&s.user_name).map_err(|p| {
        ApiErr::field(
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation",
            Field::WorkAccountUserName,
            p,
        )
    })?;
    if s.password.is_empty() {
        return Err(ApiErr::field(
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation",
            Field::WorkAccountPassword,
            Code::Required,
        ));
    }
    let key = identity_key(&s.user_name);
    let account = state.store.work_account(&key).await?;
    let ok = throttled_verify(
        &state,
        "work-account",
        &format!("wa:{key}"),
        &client,
        s.password,
        account.as_ref().map(|a| a.password_hash.clone()),
    )
    .await?;
    let Some(account) = account.filter(|_| ok) else {
        return Err(ApiErr::sign_in_failed(Field::WorkAccountPassword));
    };
    let tenant = tenant_of(&state, &account.tenant_domain).await?;
    let (token, session) = start_session(&state, "applicant", &account.id).await?;
    Ok(with_cookie(
        session_cookie(&state, APPLICANT_COOKIE, &token),
        StatusCode::OK,
        applicant_session(tenant, session.csrf_token),
    ))
}

pub async fn work_account_session(
    State(state): State<Shared>,
    a: Applicant,
) -> ApiResult<Json<WorkAccountSession>> {
    let tenant = tenant_of(&state, &a.account.tenant_domain).await?;
    Ok(Json(applicant_session(tenant, a.session.csrf_token)))
}

/// Ends the applicant session (also ended by expiry).
pub async fn work_account_sign_out(
    State(state): State<Shared>,
    a: Applicant,
) -> ApiResult<Response> {
    state.store.delete_session(&a.session.token_hash).await?;
    let mut r = StatusCode::NO_CONTENT.into_response();
    if let Ok(v) = clear_cookie(&state, APPLICANT_COOKIE).parse() {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(r)
}
/// Creates a tenant and its global admin work account (password returned once), and signs
/// the applicant in to it.
pub async fn create_tenant(
    State(state): State<Shared>,
    Client(client): Client,
    JsonIn(t): JsonIn<NewTenant>,
) -> ApiResult<Response> {
    // Reserved before anything is written, so concurrent requests cannot pass the limit
    // together; given back when no tenant is made (a refused form, a taken name), since the
    // limit is on tenants created.
    let attempt = state
        .creations
        .reserve(&state.store, None, &client, now())
        .await?;
    let (domain, country, organization) = match insert_tenant(&state, &t).await {
        Ok(created) => created,
        Err(e) => {
            state.creations.give_back(&state.store, attempt).await?;
            return Err(e);
        }
    };
    let user_name = format!("admin@{domain}");
    let password = secrets::temporary_password().map_err(random_failed)?;
    let hash = hash_password(&state, password.clone()).await?;
    let id = new_id("wac").map_err(random_failed)?;
    state
        .store
        .insert_work_account(&id, &identity_key(&user_name), &user_name, &hash, &domain)
        .await?;
    let (token, session) = start_session(&state, "applicant", &id).await?;
    Ok(with_cookie(
        session_cookie(&state, APPLICANT_COOKIE, &token),
        StatusCode::CREATED,
        CreatedTenant {
            domain,
            country,
            organization,
            admin_user_name: user_name,
            admin_password: password,
            csrf_token: session.csrf_token,
        },
    ))
}

/// Checks the form and inserts the tenant: its domain, country and organization.
async fn insert_tenant(state: &Shared, t: &NewTenant) -> ApiResult<(String, String, String)> {
    let r = check_new_tenant(t, &state.ctx);
    if r.has_errors() {
        return Err(ApiErr::validation(r.errors().cloned().collect()));
    }
    let prefix = t.domain_prefix.trim().to_ascii_lowercase();
    let domain = format!("{prefix}.onmicrosoft.com");
    let taken = || {
        ApiErr::field(
            StatusCode::CONFLICT,
            "conflict",
            Field::TenantDomainPrefix,
            Problem::new(Code::DomainPrefixTaken).arg("domain", &domain),
        )
    };
    if csp_core::access::is_reserved_prefix(&prefix) {
        return Err(taken());
    }
    let country = t.country.trim().to_ascii_uppercase();
    let organization = t.organization.trim().to_string();
    if let Insert::Duplicate = state
        .store
        .insert_tenant(&domain, &country, &organization, now())
        .await?
    {
        return Err(taken());
    }
    Ok((domain, country, organization))
}

/// Partner-network sign-in: that account's profiles; the session remembers the account, so
/// only its profiles can be submitted.
pub async fn partner_network_profiles(
    State(state): State<Shared>,
    Client(client): Client,
    a: Applicant,
    JsonIn(s): JsonIn<SignIn>,
) -> ApiResult<Json<Vec<csp_core::mpn::OrgProfile>>> {
    let key = identity_key(&s.user_name);
    let hash = state.store.pn_account_hash(&key).await?;
    let found = hash.is_some();
    let ok = throttled_verify(
        &state,
        "partner-network",
        &format!("pn:{key}"),
        &client,
        s.password,
        hash,
    )
    .await?;
    if !(ok && found) {
        return Err(ApiErr::sign_in_failed(Field::PmcPassword));
    }
    state
        .store
        .set_session_pn_account(&a.session.token_hash, &key)
        .await?;
    Ok(Json(state.store.profiles_of(&key).await?))
}
