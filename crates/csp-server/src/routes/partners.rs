//! Partners: the caller's partner, a reseller's indirect providers and their authorization
//! from an invitation link, a provider's indirect resellers and the removal of a partnership.
//! The same csp-core rules as the in-browser backend (`csp_demo::partners`); a feature the
//! caller's roles or partner type don't open is a 403.

use super::page_request;
use crate::auth::{forbidden, permitted, Member};
use crate::error::{check, ApiErr, ApiResult};
use crate::extract::{canonical, JsonIn};
use crate::rows::Insert;
use crate::state::{now, today, Shared};
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use csp_core::api::{
    Agreement, AgreementAcceptance, AuthorizeResult, MyPartner, PartnerKind, Signature,
};
use csp_core::field::Field;
use csp_core::ids::{parse_id, same_id};
use csp_core::paging::{check_room, finish, Ordered, Page};
use csp_core::partners::{authorize, check_authorization, AuthorizeProvider, PartnerSummary};
use csp_core::problem::Code;
use csp_core::review::check_acceptance;
use csp_core::roles::{AUTHORIZE_INDIRECT_PROVIDER, INDIRECT_PROVIDERS, INDIRECT_RESELLERS};

/// The caller's partner; 404 for a user who belongs to no reseller or provider (the program
/// operator).
pub async fn my(state: &Shared, m: &Member) -> ApiResult<MyPartner> {
    state
        .store
        .partner(&m.user.partner_id)
        .await?
        .ok_or_else(ApiErr::not_found)
}

pub async fn my_partner(State(state): State<Shared>, m: Member) -> ApiResult<Json<MyPartner>> {
    Ok(Json(my(&state, &m).await?))
}

/// `GET /partner/agreement`: the current agreement and, once signed, its signature.
pub async fn agreement(State(state): State<Shared>, m: Member) -> ApiResult<Json<Agreement>> {
    let me = my(&state, &m).await?;
    Ok(Json(Agreement {
        version: state.cfg.agreement_version.clone(),
        url: state.cfg.agreement_url.clone(),
        signed: state.store.agreement(&me.partner.id).await?,
    }))
}

/// `POST /partner/agreement`: the global admin signs the version they read; the first
/// signature stays.
pub async fn sign_agreement(
    State(state): State<Shared>,
    m: Member,
    JsonIn(req): JsonIn<AgreementAcceptance>,
) -> ApiResult<Json<Agreement>> {
    let me = my(&state, &m).await?;
    if m.user.admin_role.as_deref() != Some("global-admin") {
        return Err(ApiErr::forbidden(
            "partner-agreement",
            vec!["global-admin".into()],
        ));
    }
    let problems = check_acceptance(&req, &state.cfg.agreement_version);
    if !problems.is_empty() {
        return Err(ApiErr::validation(problems));
    }
    let signature = Signature {
        version: req.version,
        name: req.name.trim().into(),
        job_title: req.job_title.trim().into(),
        user: m.user.email.clone(),
        at: now(),
    };
    let signed = state
        .store
        .sign_agreement(&me.partner.id, &signature)
        .await?;
    tracing::info!(partner = %me.partner.id, user = %m.user.id, "partner agreement signed");
    Ok(Json(Agreement {
        version: state.cfg.agreement_version.clone(),
        url: state.cfg.agreement_url.clone(),
        signed,
    }))
}

pub async fn indirect_providers(
    State(state): State<Shared>,
    m: Member,
    RawQuery(query): RawQuery,
) -> ApiResult<Json<Page<PartnerSummary>>> {
    let me = permitted(&state, &m, INDIRECT_PROVIDERS).await?;
    let req = page_request(&query)?;
    let rows = (state.store)
        .linked_partners_page(&me.partner.id, me.kind, &req)
        .await?;
    Ok(Json(finish(rows, req.limit, PartnerSummary::position)))
}

fn provider_not_found() -> ApiErr {
    ApiErr::field(
        StatusCode::NOT_FOUND,
        "not-found",
        Field::AuthorizeProviderId,
        Code::ProviderNotFound,
    )
}

/// The provider with this ID, if it is one.
async fn provider(state: &Shared, id: &str) -> ApiResult<Option<PartnerSummary>> {
    Ok(state
        .store
        .partner(id)
        .await?
        .filter(|p| p.kind == PartnerKind::IndirectProvider)
        .map(|p| p.partner))
}

/// A provider as its invitation link names it: any signed-in partner user may see who
/// invites them; `since` is set when their partner already authorized it.
pub async fn indirect_provider(
    State(state): State<Shared>,
    m: Member,
    Path(id): Path<String>,
) -> ApiResult<Json<PartnerSummary>> {
    let me = my(&state, &m).await?;
    let id = parse_id(&id).map_err(|p| {
        ApiErr::field(
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation",
            Field::AuthorizeProviderId,
            p,
        )
    })?;
    let p = provider(&state, &id)
        .await?
        .ok_or_else(provider_not_found)?;
    let mine = state
        .store
        .linked_partners(&me.partner.id, PartnerKind::IndirectReseller)
        .await?;
    Ok(Json(
        mine.into_iter().find(|x| same_id(&x.id, &id)).unwrap_or(p),
    ))
}

/// The reseller's Global admin authorizes a provider of its CSP region; the second time
/// nothing changes (200 instead of 201). Who may: 403 with `authorize.user`; the rest: 422.
pub async fn authorize_provider(
    State(state): State<Shared>,
    m: Member,
    JsonIn(req): JsonIn<AuthorizeProvider>,
) -> ApiResult<Response> {
    let me = match state.store.partner(&m.user.partner_id).await? {
        Some(p) if p.kind == PartnerKind::IndirectReseller => p,
        _ => return Err(forbidden(&state, AUTHORIZE_INDIRECT_PROVIDER)),
    };
    let found = match parse_id(&req.provider_id) {
        Ok(id) => provider(&state, &id).await?,
        Err(_) => None,
    };
    let roles: Vec<&str> = m
        .user
        .agent_role
        .iter()
        .chain(m.user.admin_role.iter())
        .map(String::as_str)
        .collect();
    let report = check_authorization(
        &req,
        found.as_ref(),
        &me.partner.region,
        &roles,
        &state.catalog,
    );
    if let Some(who) = report.errors().find(|e| e.field == Field::AuthorizeUser) {
        return Err(ApiErr {
            field_errors: vec![who.clone()],
            ..forbidden(&state, AUTHORIZE_INDIRECT_PROVIDER)
        });
    }
    check(&report)?;
    let provider = found.ok_or_else(provider_not_found)?;
    let current = state.store.linked_partners(&me.partner.id, me.kind).await?;
    let done = authorize(&current, &provider, today());
    if done.changed {
        // Both partners' lists have room for the other.
        check_room(current.len()).map_err(ApiErr::from_core)?;
        let theirs = (state.store)
            .linked_partners(&provider.id, PartnerKind::IndirectProvider)
            .await?;
        check_room(theirs.len()).map_err(ApiErr::from_core)?;
    }
    // The key settles a concurrent second authorization: it changes nothing either.
    let changed = done.changed
        && matches!(
            state
                .store
                .insert_authorization(&me.partner.id, &provider.id, today())
                .await?,
            Insert::Done
        );
    if changed {
        // The reseller's request to this provider, if any, is answered.
        (state.store)
            .delete_partnership_request(&me.partner.id, &provider.id)
            .await?;
        tracing::info!(reseller = %me.partner.id, provider = %provider.id, by = %m.user.id, "indirect provider authorized");
    }
    let shown = done
        .providers
        .into_iter()
        .find(|p| same_id(&p.id, &provider.id))
        .unwrap_or(provider);
    let status = if changed {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((
        status,
        Json(AuthorizeResult {
            provider: shown,
            changed,
        }),
    )
        .into_response())
}

pub async fn indirect_resellers(
    State(state): State<Shared>,
    m: Member,
    RawQuery(query): RawQuery,
) -> ApiResult<Json<Page<PartnerSummary>>> {
    let me = permitted(&state, &m, INDIRECT_RESELLERS).await?;
    let req = page_request(&query)?;
    let rows = (state.store)
        .linked_partners_page(&me.partner.id, me.kind, &req)
        .await?;
    Ok(Json(finish(rows, req.limit, PartnerSummary::position)))
}

/// The provider ends a partnership: the reseller leaves its list (and it the reseller's).
pub async fn remove_reseller(
    State(state): State<Shared>,
    m: Member,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    let me = permitted(&state, &m, INDIRECT_RESELLERS).await?;
    if !state
        .store
        .delete_authorization(&me.partner.id, &canonical(&id))
        .await?
    {
        return Err(ApiErr::not_found());
    }
    tracing::info!(provider = %me.partner.id, reseller = %id, by = %m.user.id, "partnership removed");
    Ok(StatusCode::NO_CONTENT)
}
