//! The partner's users: the list, adding a user (with a one-time temporary password and an
//! invitation email), sending the invitation again, changing roles and removing a user, so that nobody hands out more than they have and the partner
//! always keeps someone who can manage users.

use super::{page_request, user_out};
use crate::auth::{forbidden, Member};
use crate::error::{check, random_failed, ApiErr, ApiResult};
use crate::extract::JsonIn;
use crate::passwords::hash_password;
use crate::rows::{Insert, Invited, NewInvitation, UserRow};
use crate::secrets::{self, new_id, new_token, token_hash};
use crate::state::{now, Shared};
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use csp_core::access::identity_key;
use csp_core::api::{InvitationSent, NewUser, RoleChange, User};
use csp_core::mail::Mail;
use csp_core::paging::{check_room, finish, Ordered, Page};
use csp_core::problem::{Code, FieldProblem};
use csp_core::user_invitation;
use csp_core::Field;

pub async fn users(
    State(state): State<Shared>,
    m: Member,
    RawQuery(query): RawQuery,
) -> ApiResult<Json<Page<User>>> {
    m.need(&state, csp_core::roles::MANAGE_USERS)?;
    let req = page_request(&query)?;
    let rows = state.store.users_page(&m.user.partner_id, &req).await?;
    Ok(Json(finish(
        rows.iter().map(user_out).collect(),
        req.limit,
        User::position,
    )))
}

/// 403 naming the first feature the roles open that the caller lacks
/// (`csp_core::access::may_grant`): nobody raises anyone's permissions above their own.
fn may_grant(
    state: &Shared,
    m: &Member,
    agent_role: Option<&str>,
    admin_role: Option<&str>,
) -> ApiResult<()> {
    csp_core::access::may_grant(
        &state.catalog,
        &m.features,
        agent_role,
        admin_role,
        m.user.partner_kind,
    )
    .map_err(|f| forbidden(state, &f))
}

pub async fn add_user(
    State(state): State<Shared>,
    m: Member,
    JsonIn(u): JsonIn<NewUser>,
) -> ApiResult<Response> {
    m.need(&state, csp_core::roles::MANAGE_USERS)?;
    let existing = state.store.users_of(&m.user.partner_id).await?;
    let emails: Vec<&str> = existing.iter().map(|x| x.email.as_str()).collect();
    let partner = state
        .store
        .partner(&m.user.partner_id)
        .await?
        .ok_or_else(ApiErr::not_found)?;
    check(&csp_core::access::check_added_user(
        &u,
        &emails,
        &partner.domains,
        &state.catalog,
        &state.ctx,
    ))?;
    may_grant(&state, &m, u.agent_role.as_deref(), u.admin_role.as_deref())?;
    check_room(existing.len()).map_err(ApiErr::from_core)?;
    let taken = || {
        ApiErr::field(
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation",
            Field::UserEmail,
            Code::EmailTaken,
        )
    };
    let key = identity_key(&u.email);
    if existing.iter().any(|x| x.email_key == key) {
        return Err(taken());
    }
    let email = csp_core::email::normalize(&u.email);
    let password = secrets::temporary_password().map_err(random_failed)?;
    let row = UserRow {
        id: new_id("usr").map_err(random_failed)?,
        partner_id: m.user.partner_id.clone(),
        name: u.name.trim().into(),
        email: email.clone(),
        email_key: key,
        agent_role: u.agent_role.clone(),
        admin_role: u.admin_role.clone(),
        operator: false,
        password_hash: hash_password(&state, password.clone()).await?,
        must_change: true,
        partner_kind: m.user.partner_kind,
    };
    let t = now();
    let language = csp_core::mail::language(u.language.as_deref().unwrap_or("en"));
    let (token, link) = new_invitation(language, t)?;
    let mail = invitation_mail(&state, &partner.partner.name, &row, &token, &link);
    if let Insert::Duplicate = state
        .store
        .insert_invited_user(&row, &link, &mail, t)
        .await?
    {
        return Err(taken());
    }
    state.mail_queued.notify_one();
    tracing::info!(user = %row.id, by = %m.user.id, "user added, invitation queued");
    Ok((
        StatusCode::CREATED,
        Json(csp_core::api::CreatedUser {
            user: user_out(&row),
            sign_in_name: email,
            temporary_password: password,
        }),
    )
        .into_response())
}

/// A new invitation link's token (for the email) and what is stored of it.
fn new_invitation(language: &str, now: i64) -> ApiResult<(String, NewInvitation)> {
    let token = new_token().map_err(random_failed)?;
    let link = NewInvitation {
        token_hash: token_hash(&token),
        language: language.into(),
        expires_at: now + user_invitation::LINK_TTL_SECS,
        mail_id: new_id("msg").map_err(random_failed)?,
    };
    Ok((token, link))
}

fn invitation_mail(
    state: &Shared,
    partner: &str,
    u: &UserRow,
    token: &str,
    link: &NewInvitation,
) -> Mail {
    Mail::Invitation {
        partner: partner.into(),
        name: u.name.clone(),
        sign_in_name: u.email.clone(),
        link: user_invitation::link(&state.public_url, token),
        expires_at: link.expires_at,
    }
}

/// `POST /users/{id}/invitation`: a user manager who may manage the user sends the invitation
/// again; the earlier links stop working.
pub async fn resend_invitation(
    State(state): State<Shared>,
    m: Member,
    Path(id): Path<String>,
) -> ApiResult<Response> {
    let target = managed_user(&state, &m, &id).await?;
    let partner = state
        .store
        .partner(&m.user.partner_id)
        .await?
        .ok_or_else(ApiErr::not_found)?;
    let t = now();
    // The language is the last invitation's: the store keeps it with the link.
    let (token, link) = new_invitation("en", t)?;
    let (outcome, _) = state
        .store
        .resend_invitation(&m.user.partner_id, &target.id, &link, t, |u| {
            invitation_mail(&state, &partner.partner.name, u, &token, &link)
        })
        .await?;
    match outcome {
        Invited::NotFound => Err(ApiErr::not_found()),
        Invited::Refused(code) => Err(ApiErr::field(
            StatusCode::CONFLICT,
            "conflict",
            Field::UserInvitationToken,
            code,
        )),
        Invited::Done(u) => {
            state.mail_queued.notify_one();
            tracing::info!(user = %u.id, by = %m.user.id, "invitation sent again");
            let sent = InvitationSent {
                email: u.email,
                expires_at: link.expires_at,
            };
            Ok((StatusCode::ACCEPTED, Json(sent)).into_response())
        }
    }
}

/// The target user, in the caller's partner only (404 otherwise), whom the caller may manage.
async fn managed_user(state: &Shared, m: &Member, id: &str) -> ApiResult<UserRow> {
    m.need(state, csp_core::roles::MANAGE_USERS)?;
    let target = state
        .store
        .user_by_id(id)
        .await?
        .filter(|u| u.partner_id == m.user.partner_id)
        .ok_or_else(ApiErr::not_found)?;
    may_grant(
        state,
        m,
        target.agent_role.as_deref(),
        target.admin_role.as_deref(),
    )?;
    Ok(target)
}

/// Gives the partner's user `id` the roles `now`, or removes them (None), unless that would
/// leave the partner with nobody who can manage users (409,
/// `csp_core::access::keeps_a_user_manager`): decided on the partner's users as they are in
/// the same transaction, so two such changes at once cannot both pass.
async fn change_user(
    state: &Shared,
    partner: &str,
    id: &str,
    now: Option<(Option<String>, Option<String>)>,
) -> ApiResult<()> {
    let roles = now.clone();
    let changed = state
        .store
        .change_user(partner, id, now, |users| {
            let members = users.iter().map(|u| {
                (
                    u.id.as_str(),
                    u.agent_role.as_deref(),
                    u.admin_role.as_deref(),
                )
            });
            let roles = roles.as_ref().map(|(a, d)| (a.as_deref(), d.as_deref()));
            csp_core::access::keeps_a_user_manager(&state.catalog, members, id, roles)
        })
        .await?;
    match changed {
        Ok(true) => Ok(()),
        Ok(false) => Err(ApiErr::not_found()),
        Err(p) => Err(conflict(p)),
    }
}

fn conflict(p: FieldProblem) -> ApiErr {
    ApiErr::field(StatusCode::CONFLICT, "conflict", p.field, p.problem)
}

pub async fn update_roles(
    State(state): State<Shared>,
    m: Member,
    Path(id): Path<String>,
    JsonIn(r): JsonIn<RoleChange>,
) -> ApiResult<Json<User>> {
    let target = managed_user(&state, &m, &id).await?;
    let (agent, admin) = (r.agent_role.as_deref(), r.admin_role.as_deref());
    check(&csp_core::access::check_role_kinds(
        &state.catalog,
        agent,
        admin,
    ))?;
    may_grant(&state, &m, agent, admin)?;
    let now = Some((r.agent_role.clone(), r.admin_role.clone()));
    change_user(&state, &m.user.partner_id, &target.id, now).await?;
    tracing::info!(user = %id, by = %m.user.id, "roles changed");
    Ok(Json(User {
        agent_role: r.agent_role,
        admin_role: r.admin_role,
        ..user_out(&target)
    }))
}

pub async fn remove_user(
    State(state): State<Shared>,
    m: Member,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    let target = managed_user(&state, &m, &id).await?;
    csp_core::access::may_remove(&m.user.id, &target.id).map_err(conflict)?;
    change_user(&state, &m.user.partner_id, &target.id, None).await?;
    tracing::info!(user = %id, by = %m.user.id, "user removed");
    Ok(StatusCode::NO_CONTENT)
}
