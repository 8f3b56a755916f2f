//! The vendor's review, for operator accounts only: the queue, an application with its
//! answers, checks and audit trail, and the decisions (`csp_core::review` decides what each
//! may do). Approval makes the partner and its first global admin, in the same transaction.

use super::enrollment::{app_out, json_name, refused};
use super::page_request;
use crate::auth::Member;
use crate::error::{random_failed, ApiErr, ApiResult};
use crate::extract::JsonIn;
use crate::rows::{ApplicationRow, Applied, QueueFilter, Transition, UserRow};
use crate::secrets::{new_guid, new_id};
use crate::state::{now, Shared};
use crate::web::percent_decode;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::Json;
use csp_core::access::identity_key;
use csp_core::api::{
    Application, ApplicationStatus, AuditEntry, MyPartner, ReviewApplication, ReviewItem,
    ReviewNote,
};
use csp_core::enrollment::{Draft, PartnerType};
use csp_core::mail::Mail;
use csp_core::paging::{finish, Ordered, Page};
use csp_core::problem::{Code, Problem};
use csp_core::review::{
    business_days, check_decision, checks, may_approve, next_status, partner_from, reassign,
    Assigned, Assignment, Decision,
};
use csp_core::verification;
use csp_core::Field;

fn operator(m: &Member) -> ApiResult<()> {
    if m.user.operator {
        Ok(())
    } else {
        Err(ApiErr::forbidden(
            "application-review",
            vec!["operator".into()],
        ))
    }
}

fn status_of(a: &ApplicationRow) -> ApiResult<ApplicationStatus> {
    serde_json::from_value(serde_json::Value::String(a.status.clone()))
        .map_err(|_| ApiErr::server())
}

/// The application and its answers as submitted; 404 for none.
async fn with_answers(state: &Shared, id: &str) -> ApiResult<(ApplicationRow, Draft)> {
    let app = state
        .store
        .application(id)
        .await?
        .ok_or_else(ApiErr::not_found)?;
    let json = state
        .store
        .answers(id)
        .await?
        .ok_or_else(ApiErr::not_found)?;
    let draft = serde_json::from_str(&json).map_err(|_| ApiErr::server())?;
    Ok((app, draft))
}

/// `GET /review/applications?status=&country=&partner_type=&limit=&cursor=`: oldest first.
pub async fn queue(
    State(state): State<Shared>,
    m: Member,
    RawQuery(q): RawQuery,
) -> ApiResult<Json<Page<ReviewItem>>> {
    operator(&m)?;
    let req = page_request(&q)?;
    let mut f = QueueFilter {
        after: req
            .after
            .as_ref()
            .map(|p| (submitted_bound(&p.key), p.id.clone())),
        ..QueueFilter::default()
    };
    for pair in q
        .as_deref()
        .unwrap_or("")
        .split('&')
        .filter(|p| !p.is_empty())
    {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let v = percent_decode(&v.replace('+', " ")).ok_or_else(ApiErr::bad_request)?;
        let named = |v: &str| serde_json::Value::String(v.to_string());
        match k {
            "status" => {
                let s: ApplicationStatus =
                    serde_json::from_value(named(&v)).map_err(|_| ApiErr::bad_request())?;
                f.status = Some(json_name(&s));
            }
            // ISO 3166-1 alpha-2; without the parameter, every country.
            "country" => {
                if !(v.len() == 2 && v.bytes().all(|b| b.is_ascii_alphabetic())) {
                    return Err(ApiErr::bad_request());
                }
                f.country = Some(v.to_ascii_uppercase());
            }
            "partner_type" => {
                let t: PartnerType =
                    serde_json::from_value(named(&v)).map_err(|_| ApiErr::bad_request())?;
                f.partner_type = Some(t.id().to_string());
            }
            "assigned_to_me" => match v.as_str() {
                "true" => f.assignee = Some(m.user.email.clone()),
                "false" => {}
                _ => return Err(ApiErr::bad_request()),
            },
            _ => {}
        }
    }
    let rows = state.store.review_queue(&f, req.limit as i64 + 1).await?;
    let today = now() / 86_400;
    let items =
        rows.into_iter()
            .map(|r| {
                Ok(ReviewItem {
                    status: status_of(&r)?,
                    partner_type: r.partner_type.as_deref().and_then(|t| {
                        serde_json::from_value(serde_json::Value::String(t.into())).ok()
                    }),
                    age_business_days: business_days(r.created_at / 86_400, today),
                    submitted_at: r.created_at,
                    id: r.id,
                    reference: r.reference,
                    company: r.company,
                    country: r.country,
                    assignee: r.assignee,
                })
            })
            .collect::<ApiResult<Vec<_>>>()?;
    Ok(Json(finish(items, req.limit, ReviewItem::position)))
}

/// The submission time a cursor's key stands for. A key the queue handed out is the time,
/// zero-padded; any other is placed where its text sorts among those (before them all, or
/// after), as `csp_core::paging` treats every cursor as a position.
fn submitted_bound(key: &str) -> i64 {
    if !key.is_empty() && key.bytes().all(|b| b.is_ascii_digit()) {
        key.parse().unwrap_or(i64::MAX)
    } else if key < "0" {
        i64::MIN
    } else {
        i64::MAX
    }
}

/// `GET /review/applications/{id}`.
pub async fn application(
    State(state): State<Shared>,
    m: Member,
    Path(id): Path<String>,
) -> ApiResult<Json<ReviewApplication>> {
    operator(&m)?;
    let (app, draft) = with_answers(&state, &id).await?;
    let history = state.store.audit_trail(&id).await?;
    let submitted_at = app.created_at;
    let assignee = app.assignee.clone();
    let checks = checks(
        &draft,
        &app.primary_contact_email,
        app.email_verified_at.is_some(),
    );
    Ok(Json(ReviewApplication {
        application: app_out(app)?,
        draft,
        submitted_at,
        checks,
        history,
        assignee,
    }))
}

/// The partner an approved application makes, and its first global admin: the work account
/// that enrolled, signing in with that account's own password. None for a partner enrolled in
/// CSP already.
async fn new_partner(
    state: &Shared,
    app: &ApplicationRow,
    draft: &Draft,
) -> ApiResult<Option<(MyPartner, String, UserRow)>> {
    let id = new_guid().map_err(random_failed)?;
    let Some((partner, tenant)) = partner_from(draft, &app.primary_contact_email, &id)
        .map_err(|p| ApiErr::validation(vec![p]))?
    else {
        return Ok(None);
    };
    let account = state
        .store
        .work_account_by_id(&app.owner)
        .await?
        .ok_or_else(ApiErr::server)?;
    let admin = UserRow {
        id: new_id("usr").map_err(random_failed)?,
        partner_id: id,
        name: account.user_name.clone(),
        email: account.user_name.clone(),
        email_key: identity_key(&account.user_name),
        agent_role: None,
        admin_role: Some("global-admin".into()),
        operator: false,
        password_hash: account.password_hash,
        must_change: false,
        partner_kind: Some(partner.kind),
    };
    Ok(Some((partner, tenant, admin)))
}

fn invalid(field: Field, p: impl Into<Problem>) -> ApiErr {
    ApiErr::field(StatusCode::UNPROCESSABLE_ENTITY, "validation", field, p)
}

/// `POST /review/applications/{id}/decisions`.
pub async fn decide(
    State(state): State<Shared>,
    m: Member,
    Path(id): Path<String>,
    JsonIn(d): JsonIn<Decision>,
) -> ApiResult<Json<Application>> {
    operator(&m)?;
    if !d.action.by_operator() {
        return Err(invalid(Field::DecisionAction, Code::ChooseOne));
    }
    let problems = check_decision(&d);
    if !problems.is_empty() {
        return Err(ApiErr::validation(problems));
    }
    let (app, draft) = with_answers(&state, &id).await?;
    let partner = match d.action {
        csp_core::review::Action::Approve => {
            let tenant = draft
                .tenant
                .as_ref()
                .map(|t| t.domain.as_str())
                .unwrap_or("");
            may_approve(&m.user.email, tenant, &app.primary_contact_email)
                .map_err(|p| invalid(Field::DecisionAction, p))?;
            new_partner(&state, &app, &draft).await?
        }
        _ => None,
    };
    let t = now();
    let mail_id = new_id("msg").map_err(random_failed)?;
    let base = state.public_url.clone();
    let note = ReviewNote {
        action: d.action,
        steps: d.steps.clone(),
        reason: d.reason,
        message: d.message.trim().to_string(),
        at: t,
    };
    let actor = m.user.email.clone();
    let outcome = state
        .store
        .transition(&id, t, |a, _| {
            let from = status_of(a)?;
            if a.version != d.version {
                return Err(refused(Code::ReviewStale, &a.status));
            }
            let Some(to) = next_status(from, d.action) else {
                return Err(refused(Code::ReviewTransition, &a.status));
            };
            Ok(Transition {
                status: json_name(&to),
                review: Some(note.clone()),
                event: AuditEntry {
                    at: t,
                    actor,
                    event: json_name(&d.action),
                    from: Some(from),
                    to,
                    steps: note.steps.clone(),
                    reason: note.reason,
                    message: note.message.clone(),
                    taken_from: None,
                },
                answers: None,
                reverify: None,
                mail: Some((
                    mail_id,
                    Mail::StatusChanged {
                        reference: a.reference.clone(),
                        status: to,
                        link: verification::status_page(&base, &a.id),
                        note: Some(note.clone()),
                    },
                )),
                partner,
                resubmit_key: None,
            })
        })
        .await?;
    match outcome {
        Applied::Done(a) => {
            state.mail_queued.notify_one();
            tracing::info!(application = %id, action = %json_name(&d.action), operator = %m.user.id, "application decided");
            Ok(Json(app_out(*a)?))
        }
        Applied::NotFound => Err(ApiErr::not_found()),
        Applied::Refused(e) => Err(e),
        Applied::AdminTaken => Err(ApiErr::field(
            StatusCode::CONFLICT,
            "conflict",
            Field::DecisionAction,
            Code::EmailTaken,
        )),
    }
}

/// `POST /review/applications/{id}/assignment`: the operator takes the application or gives
/// it back (`csp_core::review::reassign` decides, on who has it under the lock); a refusal is
/// 409 on `assignment.action`.
pub async fn assign(
    State(state): State<Shared>,
    m: Member,
    Path(id): Path<String>,
    JsonIn(a): JsonIn<Assignment>,
) -> ApiResult<Json<Assigned>> {
    operator(&m)?;
    let me = m.user.email.clone();
    let t = now();
    let outcome = state
        .store
        .reassign(&id, |app| {
            reassign(&me, t, status_of(app)?, app.assignee.as_deref(), &a).map_err(|p| {
                ApiErr::field(StatusCode::CONFLICT, "conflict", Field::AssignmentAction, p)
            })
        })
        .await?;
    match outcome {
        None => Err(ApiErr::not_found()),
        Some(Ok(assignee)) => {
            tracing::info!(application = %id, operator = %m.user.id, taken = assignee.is_some(), "application assignment");
            Ok(Json(Assigned { assignee }))
        }
        Some(Err(e)) => Err(e),
    }
}
