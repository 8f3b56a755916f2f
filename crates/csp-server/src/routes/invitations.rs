//! The other end of an added user's invitation email: what the link is for, and choosing the
//! password with it, which signs the user in. The token is the proof (whoever reads the
//! mailbox has it), so no session is needed; its state is `csp_core::user_invitation`'s.

use super::session::session_body;
use super::with_cookie;
use crate::auth::{session_cookie, start_session, USER_COOKIE};
use crate::error::{ApiErr, ApiResult};
use crate::extract::JsonIn;
use crate::passwords::hash_password;
use crate::rows::{InvitationRow, Invited};
use crate::secrets::token_hash;
use crate::state::{now, Shared};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;
use csp_core::api::{AcceptInvitation, InvitationDetails, InvitationLink};
use csp_core::problem::Code;
use csp_core::user_invitation::{link_state, refusal};
use csp_core::Field;

/// A link's refusal as the contract words it: the rule's code on the token.
pub(super) fn link_problem(code: Code) -> ApiErr {
    let (status, error) = match code {
        Code::InvitationLinkUnknown => (StatusCode::NOT_FOUND, "not-found"),
        Code::InvitationLinkExpired => (StatusCode::GONE, "gone"),
        _ => (StatusCode::CONFLICT, "conflict"),
    };
    ApiErr::field(status, error, Field::UserInvitationToken, code)
}

/// The link behind `token` while it is valid; its refusal otherwise.
async fn valid_link(state: &Shared, token: &str) -> ApiResult<InvitationRow> {
    let row = state
        .store
        .invitation(&token_hash(token.trim()))
        .await?
        .ok_or_else(|| link_problem(Code::InvitationLinkUnknown))?;
    match refusal(link_state(row.link, !row.user.must_change, now())) {
        Some((_, code)) => Err(link_problem(code)),
        None => Ok(row),
    }
}

/// `POST /user-invitations/lookup`: who is invited, to which partner, until when.
pub async fn lookup(
    State(state): State<Shared>,
    JsonIn(req): JsonIn<InvitationLink>,
) -> ApiResult<Json<InvitationDetails>> {
    let row = valid_link(&state, &req.token).await?;
    Ok(Json(InvitationDetails {
        name: row.user.name,
        sign_in_name: row.user.email,
        partner_name: row.partner_name,
        expires_at: row.link.expires_at,
    }))
}

/// `POST /user-invitations/accept`: the user's own password, then a session. The link is
/// checked again under the write lock, so of two uses at once one wins.
pub async fn accept(
    State(state): State<Shared>,
    JsonIn(req): JsonIn<AcceptInvitation>,
) -> ApiResult<Response> {
    let row = valid_link(&state, &req.token).await?;
    let report = csp_core::users::check_invited_password(&row.user.email, &req.new_password);
    if report.has_errors() {
        return Err(ApiErr::validation(report.errors().cloned().collect()));
    }
    let hash = hash_password(&state, req.new_password).await?;
    let user = match state
        .store
        .accept_invitation(&token_hash(req.token.trim()), &hash, now())
        .await?
    {
        Invited::NotFound => return Err(link_problem(Code::InvitationLinkUnknown)),
        Invited::Refused(code) => return Err(link_problem(code)),
        Invited::Done(user) => user,
    };
    let (token, session) = start_session(&state, "user", &user.id).await?;
    tracing::info!(user = %user.id, "invitation accepted, signed in");
    Ok(with_cookie(
        session_cookie(&state, USER_COOKIE, &token),
        StatusCode::OK,
        session_body(&state, &user, session.csrf_token),
    ))
}
