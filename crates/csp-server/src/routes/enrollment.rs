//! Enrollment: the program's settings, countries and roles (public), and the applications an
//! applicant submits and the vendor reviews.

use super::tenant_of;
use crate::auth::{Applicant, Caller};
use crate::error::{random_failed, ApiErr, ApiResult};
use crate::extract::JsonIn;
use crate::rows::{Answers, ApplicationRow, Applied, NewLink, Resend, Transition, Verification};
use crate::secrets::{new_id, new_token, token_hash};
use crate::state::{now, Shared};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use csp_core::api::{
    Application, ApplicationStatus, AuditEntry, EmailLink, Resubmission, SubmitApplication,
    VerificationSent, VerifiedEmail,
};
use csp_core::enrollment::check_submission;
use csp_core::enrollment::Draft;
use csp_core::mail::Mail;
use csp_core::problem::{Code, Problem};
use csp_core::review::{next_status, Action};
use csp_core::verification::{self, LINK_TTL_SECS};
use csp_core::Field;
use serde::Serialize;

/// The contract's application from its row: the status and partner type are stored as their
/// JSON names; a row that isn't one is a server error, never a made-up status.
pub(super) fn app_out(a: ApplicationRow) -> ApiResult<Application> {
    let name = |s: &str| serde_json::Value::String(s.to_owned());
    Ok(Application {
        id: a.id,
        reference: a.reference,
        status: serde_json::from_value(name(&a.status)).map_err(|_| ApiErr::server())?,
        partner_type: match &a.partner_type {
            Some(t) => Some(serde_json::from_value(name(t)).map_err(|_| ApiErr::server())?),
            None => None,
        },
        primary_contact_email: a.primary_contact_email,
        tenant: a.tenant.and_then(|t| serde_json::from_str(&t).ok()),
        language: a.language,
        email_verified_at: a.email_verified_at,
        verification_sent_at: a.sends.map(|s| s.last_at),
        verification_resend_at: match a.email_verified_at {
            None => a.sends.map(|s| s.resend_at()),
            Some(_) => None,
        },
        version: a.version,
        review: a.review,
    })
}

pub(super) fn json_name<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

// ---- public ----

/// The program's settings and where reseller-relationship links send the customer.
#[derive(serde::Serialize)]
pub struct Settings {
    #[serde(flatten)]
    program: csp_core::api::ProgramSettings,
    #[serde(flatten)]
    links: csp_core::acceptance::CustomerLinks,
}

pub async fn settings(State(s): State<Shared>) -> Json<Settings> {
    Json(Settings {
        program: s.settings.clone(),
        links: s.links.clone(),
    })
}

pub async fn countries(State(s): State<Shared>) -> Json<Vec<csp_core::country::CountryRules>> {
    Json(s.ctx.countries.clone())
}

pub async fn roles(State(s): State<Shared>) -> Json<csp_core::roles::RoleCatalog> {
    Json(s.catalog.clone())
}
/// Applications one applicant may create: bounds what idempotency keys can make the server store.
pub const MAX_APPLICATIONS_PER_APPLICANT: i64 = 20;

pub async fn submit(
    State(state): State<Shared>,
    a: Applicant,
    JsonIn(req): JsonIn<SubmitApplication>,
) -> ApiResult<Response> {
    let key = req.idempotency_key.trim();
    if key.is_empty() {
        return Err(ApiErr::bad_request());
    }
    let owner = a.account.id.clone();
    if let Some(existing) = state.store.application_by_key(&owner, key).await? {
        return Ok((StatusCode::CREATED, Json(app_out(existing)?)).into_response());
    }
    if state.store.applications_of(&owner).await? >= MAX_APPLICATIONS_PER_APPLICANT {
        return Err(ApiErr::too_many(24 * 3600));
    }
    let draft = checked_draft(&state, &a, req.draft).await?;
    let stored = answers(&draft)?;
    let row = ApplicationRow {
        id: new_id("app").map_err(random_failed)?,
        reference: String::new(),
        owner,
        status: json_name(&ApplicationStatus::AwaitingEmailVerification),
        partner_type: draft.partner_type.map(|p| p.id().to_string()),
        primary_contact_email: stored.primary_contact_email.clone(),
        tenant: draft
            .tenant
            .as_ref()
            .and_then(|t| serde_json::to_string(t).ok()),
        language: csp_core::mail::language(&req.language).into(),
        email_verified_at: None,
        sends: None,
        version: 1,
        review: None,
        company: stored.company,
        country: stored.country,
        created_at: 0,
        assignee: None,
    };
    let draft_json = stored.draft;
    let t = now();
    let (token, link) = new_link(t)?;
    let base = state.public_url.clone();
    let saved = state
        .store
        .insert_application(&row, key, &draft_json, t, &link, |a| {
            confirm_mail(&base, &token, a, &link)
        })
        .await?;
    state.mail_queued.notify_one();
    Ok((StatusCode::CREATED, Json(app_out(saved)?)).into_response())
}

/// The answers as the server takes them: the tenant and the partner-network profile as the
/// directory records them (never as the client sent them), the chosen branch only, and every
/// rule checked (422 otherwise).
async fn checked_draft(state: &Shared, a: &Applicant, draft: Draft) -> ApiResult<Draft> {
    let mut draft = draft;
    if !draft.already_enrolled {
        // Facts from the directory: the signed-in account's tenant, the profile as recorded.
        let tenant = tenant_of(state, &a.account.tenant_domain).await?;
        if draft
            .tenant
            .as_ref()
            .is_some_and(|t| !t.domain.trim().eq_ignore_ascii_case(&tenant.domain))
        {
            return Err(ApiErr::field(
                StatusCode::UNPROCESSABLE_ENTITY,
                "validation",
                Field::Tenant,
                Problem::new(Code::TenantNotSignedIn).arg("domain", tenant.domain),
            ));
        }
        draft.tenant = Some(tenant);
        if let Some(p) = &draft.profile {
            let mpn = p.mpn_id.trim().to_string();
            match state.store.profile(&mpn).await? {
                Some((account, profile))
                    if a.session.pn_account.as_deref() == Some(account.as_str()) =>
                {
                    draft.profile = Some(profile)
                }
                _ => {
                    return Err(ApiErr::field(
                        StatusCode::UNPROCESSABLE_ENTITY,
                        "validation",
                        Field::Profile,
                        Problem::new(Code::MpnNotFound).arg("mpn", mpn),
                    ));
                }
            }
        }
    }
    let draft = draft.for_submit(&state.ctx);
    let r = check_submission(&draft, &state.settings.open_partner_types, &state.ctx);
    if r.has_errors() {
        return Err(ApiErr::validation(r.errors().cloned().collect()));
    }
    Ok(draft)
}

/// The primary contact's address: the support address for an already enrolled partner.
fn primary_contact(draft: &Draft) -> String {
    if draft.already_enrolled {
        draft.support.email.trim().into()
    } else {
        draft.contact.email.trim().into()
    }
}

/// The answers as stored, with what the queue and the emails read from them.
fn answers(draft: &Draft) -> ApiResult<Answers> {
    Ok(Answers {
        draft: serde_json::to_string(draft).map_err(|_| ApiErr::server())?,
        company: draft.legal.legal_name.trim().into(),
        country: draft
            .tenant
            .as_ref()
            .map(|t| t.country.clone())
            .unwrap_or_else(|| draft.legal.address.country.clone()),
        primary_contact_email: primary_contact(draft),
    })
}

/// The applicant who made it, or an operator. Anyone else gets 404 (existence is not told).
pub async fn application(
    State(state): State<Shared>,
    c: Caller,
    Path(id): Path<String>,
) -> ApiResult<Json<Application>> {
    let a = state
        .store
        .application(&id)
        .await?
        .ok_or_else(ApiErr::not_found)?;
    let operator = c.member.as_ref().is_some_and(|m| m.user.operator);
    let owner = c
        .applicant
        .as_ref()
        .is_some_and(|x| x.account.id == a.owner);
    if operator || owner {
        Ok(Json(app_out(a)?))
    } else {
        Err(ApiErr::not_found())
    }
}

// ---- verifying the primary contact's address ----

/// A new link's token (for the email) and what is stored of it.
fn new_link(now: i64) -> ApiResult<(String, NewLink)> {
    let token = new_token().map_err(random_failed)?;
    let link = NewLink {
        token_hash: token_hash(&token),
        expires_at: now + LINK_TTL_SECS,
        mail_id: new_id("msg").map_err(random_failed)?,
    };
    Ok((token, link))
}

fn confirm_mail(base: &str, token: &str, a: &ApplicationRow, link: &NewLink) -> Mail {
    Mail::ConfirmAddress {
        reference: a.reference.clone(),
        link: verification::link(base, token),
        expires_at: link.expires_at,
    }
}

fn link_problem(status: StatusCode, code: Code) -> ApiErr {
    let error = match status {
        StatusCode::NOT_FOUND => "not-found",
        StatusCode::GONE => "gone",
        _ => "conflict",
    };
    ApiErr::field(status, error, Field::VerificationToken, code)
}

/// `POST /email-verifications`: the token is the proof (whoever reads the mailbox has it), so
/// no session is needed.
pub async fn verify_email(
    State(state): State<Shared>,
    JsonIn(req): JsonIn<EmailLink>,
) -> ApiResult<Json<VerifiedEmail>> {
    let hash = token_hash(req.token.trim());
    match state.store.verify_email(&hash, now()).await? {
        Verification::Unknown => Err(link_problem(
            StatusCode::NOT_FOUND,
            Code::VerificationLinkUnknown,
        )),
        Verification::Used => Err(link_problem(
            StatusCode::CONFLICT,
            Code::VerificationLinkUsed,
        )),
        Verification::Expired => Err(link_problem(
            StatusCode::GONE,
            Code::VerificationLinkExpired,
        )),
        Verification::Verified(a) => {
            tracing::info!(application = %a.id, "primary contact email verified");
            let out = app_out(*a)?;
            Ok(Json(VerifiedEmail {
                reference: out.reference,
                email: out.primary_contact_email,
                status: out.status,
            }))
        }
    }
}

async fn resend(state: &Shared, id: &str) -> ApiResult<Response> {
    let t = now();
    let (token, link) = new_link(t)?;
    let base = state.public_url.clone();
    let outcome = state
        .store
        .resend_verification(id, t, &link, |a| confirm_mail(&base, &token, a, &link))
        .await?;
    match outcome {
        Resend::NotFound => Err(ApiErr::not_found()),
        Resend::AlreadyVerified => Err(link_problem(
            StatusCode::CONFLICT,
            Code::EmailAlreadyVerified,
        )),
        Resend::Wait(secs) => Err(ApiErr::too_many(secs.max(1) as u64)),
        Resend::Sent(a) => {
            state.mail_queued.notify_one();
            let sends = a.sends.ok_or_else(ApiErr::server)?;
            let sent = VerificationSent {
                email: a.primary_contact_email,
                sent_at: sends.last_at,
                resend_at: sends.resend_at(),
            };
            Ok((StatusCode::ACCEPTED, Json(sent)).into_response())
        }
    }
}

/// `POST /email-verifications/resend`: a new link to the address an earlier one went to, never
/// to another, so a link cannot be used to send mail anywhere.
pub async fn resend_verification_by_link(
    State(state): State<Shared>,
    JsonIn(req): JsonIn<EmailLink>,
) -> ApiResult<Response> {
    let hash = token_hash(req.token.trim());
    let id = state
        .store
        .application_of_link(&hash)
        .await?
        .ok_or_else(|| link_problem(StatusCode::NOT_FOUND, Code::VerificationLinkUnknown))?;
    resend(&state, &id).await
}

/// `POST /applications/{id}/verification-email`: the applicant who submitted it.
pub async fn resend_verification(
    State(state): State<Shared>,
    a: Applicant,
    Path(id): Path<String>,
) -> ApiResult<Response> {
    let app = state
        .store
        .application(&id)
        .await?
        .ok_or_else(ApiErr::not_found)?;
    if app.owner != a.account.id {
        return Err(ApiErr::not_found());
    }
    resend(&state, &id).await
}

// ---- the applicant's answer to a request for changes ----

/// The application when the caller is the applicant who submitted it; 404 otherwise.
async fn own_application(state: &Shared, a: &Applicant, id: &str) -> ApiResult<ApplicationRow> {
    match state.store.application(id).await? {
        Some(app) if app.owner == a.account.id => Ok(app),
        _ => Err(ApiErr::not_found()),
    }
}

/// `GET /applications/{id}/answers`: to change what the reviewer asked for.
pub async fn answers_of(
    State(state): State<Shared>,
    a: Applicant,
    Path(id): Path<String>,
) -> ApiResult<Json<Draft>> {
    own_application(&state, &a, &id).await?;
    let draft = state
        .store
        .answers(&id)
        .await?
        .ok_or_else(ApiErr::not_found)?;
    Ok(Json(
        serde_json::from_str(&draft).map_err(|_| ApiErr::server())?,
    ))
}

/// A decision or resubmit that the table or the version refuses: 409 with the current status.
pub(super) fn refused(code: Code, status: &str) -> ApiErr {
    ApiErr::field(
        StatusCode::CONFLICT,
        "conflict",
        Field::DecisionAction,
        Problem::new(code).arg("status", status),
    )
}

/// `PUT /applications/{id}`: back to review with the changed answers. A new primary contact
/// address is verified again first.
pub async fn resubmit(
    State(state): State<Shared>,
    a: Applicant,
    Path(id): Path<String>,
    JsonIn(req): JsonIn<Resubmission>,
) -> ApiResult<Json<Application>> {
    let key = req.idempotency_key.trim().to_string();
    if key.is_empty() {
        return Err(ApiErr::bad_request());
    }
    let current = own_application(&state, &a, &id).await?;
    if state.store.resubmit_key(&id).await?.as_deref() == Some(key.as_str()) {
        return Ok(Json(app_out(current)?));
    }
    let draft = checked_draft(&state, &a, req.draft).await?;
    let stored = answers(&draft)?;
    let t = now();
    let (token, link) = new_link(t)?;
    let base = state.public_url.clone();
    let outcome = state
        .store
        .transition(&id, t, |app, _| {
            let status: ApplicationStatus =
                serde_json::from_value(serde_json::Value::String(app.status.clone()))
                    .map_err(|_| ApiErr::server())?;
            if app.version != req.version {
                return Err(refused(Code::ReviewStale, &app.status));
            }
            let Some(to) = next_status(status, Action::Resubmit) else {
                return Err(refused(Code::ReviewTransition, &app.status));
            };
            let changed = !stored
                .primary_contact_email
                .eq_ignore_ascii_case(&app.primary_contact_email);
            let to = if changed {
                ApplicationStatus::AwaitingEmailVerification
            } else {
                to
            };
            let mail = changed.then(|| {
                let a = ApplicationRow {
                    primary_contact_email: stored.primary_contact_email.clone(),
                    ..app.clone()
                };
                (link.mail_id.clone(), confirm_mail(&base, &token, &a, &link))
            });
            Ok(Transition {
                status: json_name(&to),
                review: None,
                event: AuditEntry {
                    at: t,
                    actor: "applicant".into(),
                    event: "resubmit".into(),
                    from: Some(status),
                    to,
                    steps: vec![],
                    reason: None,
                    message: String::new(),
                    taken_from: None,
                },
                answers: Some(stored.clone()),
                reverify: changed.then(|| link.clone()),
                mail,
                partner: None,
                resubmit_key: Some(key.clone()),
            })
        })
        .await?;
    match outcome {
        Applied::Done(app) => {
            state.mail_queued.notify_one();
            tracing::info!(application = %id, "application resubmitted");
            Ok(Json(app_out(*app)?))
        }
        Applied::NotFound => Err(ApiErr::not_found()),
        Applied::Refused(e) => Err(e),
        Applied::AdminTaken => Err(ApiErr::server()),
    }
}
