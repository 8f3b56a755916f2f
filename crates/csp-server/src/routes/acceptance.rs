//! A customer's answer to a reseller-relationship link: what the link offers and its state
//! (public: the link is what the customer holds), and the answer of a Global admin signed in
//! with the customer's work account (the applicant session). The rules are
//! `csp_core::acceptance`'s, as in the in-browser backend (`csp_demo::customers`).

use super::tenant_of;
use crate::auth::Applicant;
use crate::error::{random_failed, ApiErr, ApiResult};
use crate::extract::JsonIn;
use crate::rows::{AnswerRow, Answered, QueuedMail, RequestWrite};
use crate::secrets::{new_guid, new_id};
use crate::state::{now, today, Shared};
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::Json;
use csp_core::acceptance::{
    accepted_customer, check_may_answer, parties, two_tier_request, Answerer, CustomerInvitation,
    FoundLink, InvitationAnswer, InvitationLink, LinkState,
};
use csp_core::api::PartnerKind;
use csp_core::field::Field;
use csp_core::ids::{parse_id, same_id};
use csp_core::mail::Mail;
use csp_core::problem::{Code, Problem};
use csp_core::relationship::{accept, decline, RelationshipRequest};

async fn find(state: &Shared, link: &InvitationLink) -> ApiResult<FoundLink> {
    let id = |raw: &str| parse_id(raw).map_err(|_| ApiErr::not_found());
    let sender = state
        .store
        .partner(&id(&link.partner_id)?)
        .await?
        .ok_or_else(ApiErr::not_found)?;
    match (&link.request_id, &link.provider_id) {
        // A partner's request: one of that partner's.
        (Some(request), None) => {
            let r = state
                .store
                .request_of(&sender.partner.id, request.trim())
                .await?
                .ok_or_else(ApiErr::not_found)?;
            Ok(FoundLink {
                sender,
                provider: None,
                request: Some(r),
            })
        }
        // A two-tier invitation: a reseller and a provider it authorized.
        (None, Some(provider)) if sender.kind == PartnerKind::IndirectReseller => {
            let provider = id(provider)?;
            let authorized = state
                .store
                .linked_partners(&sender.partner.id, sender.kind)
                .await?
                .iter()
                .any(|p| same_id(&p.id, &provider));
            let p = state
                .store
                .partner(&provider)
                .await?
                .filter(|p| authorized && p.kind == PartnerKind::IndirectProvider)
                .ok_or_else(ApiErr::not_found)?;
            Ok(FoundLink {
                sender,
                provider: Some(p),
                request: None,
            })
        }
        _ => Err(ApiErr::not_found()),
    }
}

/// What the link offers and whether it can still be answered; 404 for a forged link.
pub async fn invitation(
    State(state): State<Shared>,
    RawQuery(query): RawQuery,
) -> ApiResult<Json<CustomerInvitation>> {
    let found = find(
        &state,
        &InvitationLink::from_query(query.as_deref().unwrap_or_default()),
    )
    .await?;
    let st = found.state(None, today());
    Ok(Json(found.view(st)))
}

fn answer_refused(status: StatusCode, error: &'static str, p: Problem) -> ApiErr {
    ApiErr::field(status, error, Field::InvitationAnswer, p)
}

fn closed(state: LinkState) -> ApiErr {
    answer_refused(
        StatusCode::CONFLICT,
        "conflict",
        Problem::new(Code::InvitationClosed).arg("state", state.id()),
    )
}

/// The partner's global admins, who get the answer by email.
async fn global_admins(state: &Shared, partner: &str) -> ApiResult<Vec<String>> {
    Ok(state
        .store
        .users_of(partner)
        .await?
        .into_iter()
        .filter(|u| u.admin_role.as_deref() == Some("global-admin"))
        .map(|u| u.email)
        .collect())
}

/// The customer's Global admin accepts or declines; the partner (and a two-tier link's
/// provider) get an email in the same transaction.
pub async fn answer(
    State(state): State<Shared>,
    a: Applicant,
    JsonIn(ans): JsonIn<InvitationAnswer>,
) -> ApiResult<Json<CustomerInvitation>> {
    let found = find(&state, &ans.link).await?;
    check_may_answer(&Answerer {
        global_admin: state.store.is_global_admin(&a.account.id).await?,
        partner_tenant: state
            .store
            .is_partner_tenant(&a.account.tenant_domain)
            .await?,
    })
    .map_err(|p| answer_refused(StatusCode::UNPROCESSABLE_ENTITY, "validation", p))?;
    let tenant = tenant_of(&state, &a.account.tenant_domain).await?;
    let existing = state.store.customer_by_domain(&tenant.domain).await?;
    let today = today();
    let st = found.state(existing.as_ref(), today);
    if st != LinkState::Open {
        return Err(closed(st));
    }
    let sender = &found.sender.partner;
    let transition = |r: Result<RelationshipRequest, Problem>| r.map_err(|_| closed(st));
    let (request, customer) = if ans.accept {
        let who = parties(
            &sender.id,
            found.sender.kind,
            found.provider.as_ref().map(|p| p.partner.id.as_str()),
        );
        let new_id = new_guid().map_err(random_failed)?;
        let c = accepted_customer(
            existing.as_ref(),
            &new_id,
            &tenant.organization,
            &tenant.domain,
            &who,
        )
        .map_err(|p| answer_refused(StatusCode::CONFLICT, "conflict", p))?;
        let write = match &found.request {
            Some(r) => RequestWrite::Update {
                partner_id: sender.id.clone(),
                before: r.clone(),
                after: transition(accept(r, &c.id, today))?,
            },
            None => RequestWrite::Insert {
                partner_id: sender.id.clone(),
                request: two_tier_request(&new_guid().map_err(random_failed)?, &c.id, today),
            },
        };
        let request_id = match &write {
            RequestWrite::Update { after, .. } => after.id.clone(),
            RequestWrite::Insert { request, .. } => request.id.clone(),
        };
        (Some(write), Some((c, existing.is_none(), request_id)))
    } else {
        let write = match &found.request {
            Some(r) => Some(RequestWrite::Update {
                partner_id: sender.id.clone(),
                before: r.clone(),
                after: transition(decline(r, today))?,
            }),
            None => None,
        };
        (write, None)
    };
    let language = csp_core::mail::language(&ans.language);
    let request_name = found
        .request
        .as_ref()
        .filter(|r| r.admin_access)
        .map(|r| r.name.clone());
    let page = if ans.accept {
        "/customers"
    } else {
        "/customers/relationship-requests"
    };
    let mut to = vec![(
        sender.id.clone(),
        found.provider.as_ref().map(|p| p.partner.name.clone()),
    )];
    if let Some(p) = &found.provider {
        to.push((p.partner.id.clone(), Some(sender.name.clone())));
    }
    let mut mails = vec![];
    for (partner, with_partner) in to {
        for recipient in global_admins(&state, &partner).await? {
            mails.push(QueuedMail {
                id: new_id("msg").map_err(random_failed)?,
                recipient,
                language: language.into(),
                mail: Mail::RelationshipAnswered {
                    customer: tenant.organization.clone(),
                    accepted: ans.accept,
                    request: request_name.clone(),
                    with_partner: with_partner.clone(),
                    link: format!("{}{page}", state.public_url.trim_end_matches('/')),
                },
            });
        }
    }
    let written = state
        .store
        .answer_invitation(&AnswerRow {
            request,
            customer,
            mails,
            now: now(),
        })
        .await?;
    if written == Answered::Changed {
        return Err(closed(LinkState::Used));
    }
    state.mail_queued.notify_one();
    tracing::info!(partner = %sender.id, tenant = %tenant.domain, accepted = ans.accept, "customer answered a relationship link");
    let after = if ans.accept {
        LinkState::Used
    } else {
        LinkState::Declined
    };
    Ok(Json(found.view(after)))
}
