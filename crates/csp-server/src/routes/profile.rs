//! The business profile, the directory of indirect providers built from it, and the
//! partnership requests a reseller sends from the directory and the provider answers with its
//! invitation. The same csp-core rules as the in-browser backend (`csp_demo::profile`).

use crate::auth::{permitted, Member};
use crate::error::{random_failed, ApiErr, ApiResult};
use crate::extract::JsonIn;
use crate::rows::{Insert, QueuedMail};
use crate::secrets::new_id;
use crate::state::{now, Shared};
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use csp_core::api::{MyPartner, PartnerKind};
use csp_core::business_profile::{
    check_profile, mail_language, normalized, parse_filter, shows, BusinessProfile, Listing,
};
use csp_core::field::Field;
use csp_core::ids::{parse_id, same_id};
use csp_core::invitation::{build_link, Invite};
use csp_core::mail::{language, Mail};
use csp_core::paging::{check_room, page_of, Ordered, Page};
use csp_core::partners::{
    check_partnership_request, may_invite, NewPartnershipRequest, PartnershipRequest,
    PartnershipStatus,
};
use csp_core::roles::{BUSINESS_PROFILE, INDIRECT_PROVIDERS, INDIRECT_RESELLERS};

/// `GET /business-profile`: the partner's profile, empty before it is first published.
pub async fn business_profile(
    State(state): State<Shared>,
    m: Member,
) -> ApiResult<Json<BusinessProfile>> {
    let me = permitted(&state, &m, BUSINESS_PROFILE).await?;
    Ok(Json(
        state
            .store
            .business_profile(&me.partner.id)
            .await?
            .unwrap_or_default(),
    ))
}

/// `PUT /business-profile`: publishes the profile once every field passes (422 otherwise).
pub async fn publish_profile(
    State(state): State<Shared>,
    m: Member,
    JsonIn(p): JsonIn<BusinessProfile>,
) -> ApiResult<Json<BusinessProfile>> {
    let me = permitted(&state, &m, BUSINESS_PROFILE).await?;
    let countries = csp_core::country::default_countries();
    crate::error::check(&check_profile(&p, &countries))?;
    let p = normalized(&p, &countries);
    state
        .store
        .put_business_profile(&me.partner.id, &p, now())
        .await?;
    tracing::info!(partner = %me.partner.id, by = %m.user.id, "business profile published");
    Ok(Json(p))
}

/// Where the caller's partner stands with each provider: authorized, or a request's status.
async fn statuses(state: &Shared, me: &MyPartner) -> ApiResult<Vec<(String, PartnershipStatus)>> {
    let mut out: Vec<(String, PartnershipStatus)> = state
        .store
        .linked_partners(&me.partner.id, PartnerKind::IndirectReseller)
        .await?
        .into_iter()
        .map(|p| (p.id, PartnershipStatus::Authorized))
        .collect();
    for r in state.store.partnership_requests(&me.partner.id).await? {
        if same_id(&r.reseller.id, &me.partner.id) {
            out.push((r.provider.id, r.status));
        }
    }
    Ok(out)
}

fn status_of(all: &[(String, PartnershipStatus)], provider: &str) -> Option<PartnershipStatus> {
    // Authorized (listed first) wins over a request still on record.
    all.iter()
        .find(|(id, _)| same_id(id, provider))
        .map(|x| x.1)
}

/// `GET /provider-directory`: the indirect providers of the reseller's CSP region that
/// publish a profile, filtered (`country`, `q`) and paged by name.
pub async fn directory(
    State(state): State<Shared>,
    m: Member,
    RawQuery(query): RawQuery,
) -> ApiResult<Json<Page<Listing>>> {
    let me = permitted(&state, &m, INDIRECT_PROVIDERS).await?;
    let query = query.unwrap_or_default();
    let filter = parse_filter(&query).map_err(|_| ApiErr::bad_request())?;
    let req = super::page_request(&Some(query))?;
    let known = statuses(&state, &me).await?;
    let rows: Vec<Listing> = state
        .store
        .directory(&me.partner.region)
        .await?
        .into_iter()
        .map(|(provider, profile)| Listing {
            status: status_of(&known, &provider.id),
            provider,
            profile,
        })
        .filter(|l| shows(l, &me.partner.region, &filter))
        .collect();
    Ok(Json(page_of(rows, &req, Listing::position)))
}

/// The caller's partner when it may see partnership requests: a reseller's (sent) through
/// *Indirect providers*, a provider's (received) through *Indirect resellers*.
async fn either_side(state: &Shared, m: &Member) -> ApiResult<MyPartner> {
    match permitted(state, m, INDIRECT_PROVIDERS).await {
        Ok(p) => Ok(p),
        Err(_) => permitted(state, m, INDIRECT_RESELLERS).await,
    }
}

/// `GET /partnership-requests`: the requests the caller's partner sent or received, oldest
/// first.
pub async fn partnership_requests(
    State(state): State<Shared>,
    m: Member,
    RawQuery(query): RawQuery,
) -> ApiResult<Json<Page<PartnershipRequest>>> {
    let me = either_side(&state, &m).await?;
    let req = super::page_request(&query)?;
    let rows = state.store.partnership_requests(&me.partner.id).await?;
    Ok(Json(page_of(rows, &req, PartnershipRequest::position)))
}

fn refused(status: u16, p: csp_core::problem::Problem) -> ApiErr {
    let (status, error) = match status {
        404 => (StatusCode::NOT_FOUND, "not-found"),
        409 => (StatusCode::CONFLICT, "conflict"),
        _ => (StatusCode::UNPROCESSABLE_ENTITY, "validation"),
    };
    ApiErr::field(status, error, Field::PartnershipProviderId, p)
}

/// `POST /partnership-requests`: a reseller asks a provider it found in the directory; the
/// provider's profile contact gets the email, queued with the request.
pub async fn request_partnership(
    State(state): State<Shared>,
    m: Member,
    JsonIn(body): JsonIn<NewPartnershipRequest>,
) -> ApiResult<Response> {
    let me = permitted(&state, &m, INDIRECT_PROVIDERS).await?;
    let id = parse_id(&body.provider_id).map_err(|p| {
        ApiErr::field(
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation",
            Field::PartnershipProviderId,
            p,
        )
    })?;
    // Listed: a provider with a published profile.
    let provider = match state.store.partner(&id).await? {
        Some(p) if p.kind == PartnerKind::IndirectProvider => state
            .store
            .business_profile(&p.partner.id)
            .await?
            .map(|profile| (p.partner, profile)),
        _ => None,
    };
    let known = statuses(&state, &me).await?;
    check_partnership_request(
        provider.as_ref().map(|p| &p.0),
        &me.partner.region,
        status_of(&known, &id),
    )
    .map_err(|(s, p)| refused(s, p))?;
    let (provider, profile) = provider.ok_or_else(ApiErr::not_found)?;
    let mine = state.store.partnership_requests(&me.partner.id).await?;
    check_room(mine.len()).map_err(ApiErr::from_core)?;
    let theirs = state.store.partnership_requests(&provider.id).await?;
    check_room(theirs.len()).map_err(ApiErr::from_core)?;
    let t = now();
    let req = PartnershipRequest {
        id: new_id("prq").map_err(random_failed)?,
        reseller: me.partner.clone(),
        provider,
        status: PartnershipStatus::Requested,
        requested_by: m.user.email.clone(),
        requested_at: t,
        invited_at: None,
    };
    let mail = QueuedMail {
        id: new_id("msg").map_err(random_failed)?,
        recipient: profile.email.clone(),
        language: mail_language(&profile).into(),
        mail: Mail::PartnershipRequested {
            reseller: me.partner.name.clone(),
            country: me.partner.country.clone(),
            requested_by: m.user.email.clone(),
            link: format!(
                "{}/indirect-resellers",
                state.public_url.trim_end_matches('/')
            ),
        },
    };
    let lang = language(&body.language);
    match state
        .store
        .insert_partnership_request(&req, lang, &mail)
        .await?
    {
        Insert::Done => {}
        // A concurrent request for the same provider won.
        Insert::Duplicate => {
            return Err(refused(
                409,
                csp_core::problem::Problem::new(csp_core::problem::Code::PartnershipRequested)
                    .arg("provider", &req.provider.name),
            ))
        }
    }
    state.mail_queued.notify_one();
    tracing::info!(reseller = %me.partner.id, provider = %req.provider.id, by = %m.user.id, "partnership requested");
    Ok((StatusCode::CREATED, Json(req)).into_response())
}

/// `POST /partnership-requests/{id}/invitation`: the provider answers with its invitation;
/// the reseller user who asked gets it by email, in the language they asked in, and finds it
/// on their *Indirect providers* page. Sending it again changes nothing.
pub async fn send_invitation(
    State(state): State<Shared>,
    m: Member,
    Path(id): Path<String>,
) -> ApiResult<Json<PartnershipRequest>> {
    let me = permitted(&state, &m, INDIRECT_RESELLERS).await?;
    let (req, lang) = state
        .store
        .partnership_request(&id)
        .await?
        .ok_or_else(ApiErr::not_found)?;
    let fresh = may_invite(&req, &me.partner.id).map_err(|_| ApiErr::not_found())?;
    if fresh {
        let base = format!(
            "{}/indirect-providers/authorize",
            state.public_url.trim_end_matches('/')
        );
        let mail = QueuedMail {
            id: new_id("msg").map_err(random_failed)?,
            recipient: req.requested_by.clone(),
            language: lang,
            mail: Mail::PartnershipInvitation {
                provider: me.partner.name.clone(),
                link: build_link(
                    &base,
                    &Invite::IndirectReseller {
                        provider_id: me.partner.id.clone(),
                    },
                ),
            },
        };
        if state
            .store
            .invite_partnership(&req.id, now(), &mail)
            .await?
        {
            state.mail_queued.notify_one();
            tracing::info!(provider = %me.partner.id, reseller = %req.reseller.id, by = %m.user.id, "partnership invitation sent");
        }
    }
    let (req, _) = state
        .store
        .partnership_request(&id)
        .await?
        .ok_or_else(ApiErr::not_found)?;
    Ok(Json(req))
}
