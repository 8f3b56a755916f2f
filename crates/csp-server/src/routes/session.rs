//! A partner user's session: sign-in, the session and its features, sign-out, and changing
//! the password.

use super::{user_out, with_cookie};
use crate::auth::{
    clear_cookie, features_of, session_cookie, start_session, AnyMember, USER_COOKIE,
};
use crate::error::{ApiErr, ApiResult};
use crate::extract::{Client, JsonIn};
use crate::passwords::{hash_password, throttled_verify};
use crate::rows::UserRow;
use crate::state::Shared;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use csp_core::access::identity_key;
use csp_core::api::{PasswordChange, SessionInfo, SignIn};
use csp_core::problem::Code;
use csp_core::Field;

/// `POST/GET /session`: the user, the CSRF token to send as `X-CSRF-Token`, whether the
/// temporary password must be changed before anything else, and what the roles open.
pub(super) fn session_body(state: &Shared, u: &UserRow, csrf: String) -> SessionInfo {
    SessionInfo {
        user: user_out(u),
        csrf_token: csrf,
        must_change_password: u.must_change,
        features: features_of(state, u),
        operator: u.operator,
    }
}

/// The same 401 for an unknown user and a wrong password (and the same time: see `Hasher::verify`).
pub async fn sign_in(
    State(state): State<Shared>,
    Client(client): Client,
    JsonIn(s): JsonIn<SignIn>,
) -> ApiResult<Response> {
    let key = identity_key(&s.user_name);
    let user = state.store.user_by_key(&key).await?;
    let ok = throttled_verify(
        &state,
        "portal",
        &format!("u:{key}"),
        &client,
        s.password,
        user.as_ref().map(|u| u.password_hash.clone()),
    )
    .await?;
    let Some(user) = user.filter(|_| ok) else {
        return Err(ApiErr::sign_in_failed(Field::SessionPassword));
    };
    let (token, session) = start_session(&state, "user", &user.id).await?;
    tracing::info!(user = %user.id, "signed in");
    Ok(with_cookie(
        session_cookie(&state, USER_COOKIE, &token),
        StatusCode::OK,
        session_body(&state, &user, session.csrf_token),
    ))
}

pub async fn session(State(state): State<Shared>, m: AnyMember) -> Json<SessionInfo> {
    Json(session_body(&state, &m.user, m.session.csrf_token))
}

pub async fn sign_out(State(state): State<Shared>, m: AnyMember) -> ApiResult<Response> {
    state.store.delete_session(&m.session.token_hash).await?;
    let mut r = StatusCode::NO_CONTENT.into_response();
    if let Ok(v) = clear_cookie(&state, USER_COOKIE).parse() {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(r)
}

/// Current and new password; the new one follows the password rule (see `secrets`). Ends the
/// user's other sessions.
pub async fn change_password(
    State(state): State<Shared>,
    Client(client): Client,
    m: AnyMember,
    JsonIn(c): JsonIn<PasswordChange>,
) -> ApiResult<StatusCode> {
    let ok = throttled_verify(
        &state,
        "password-change",
        &format!("u:{}", m.user.email_key),
        &client,
        c.current_password.clone(),
        Some(m.user.password_hash.clone()),
    )
    .await?;
    if !ok {
        return Err(ApiErr::field(
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation",
            Field::CurrentPassword,
            Code::PasswordIncorrect,
        ));
    }
    let report = csp_core::users::check_new_password(&m.user.email, &c);
    if report.has_errors() {
        return Err(ApiErr::validation(report.errors().cloned().collect()));
    }
    let hash = hash_password(&state, c.new_password).await?;
    state.store.set_password(&m.user.id, &hash, false).await?;
    state
        .store
        .delete_other_sessions(&m.user.id, &m.session.token_hash)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
