//! The contract's handlers (`api/openapi.yaml`). Each private route states what it needs in
//! its signature (`Member` + a feature, `Applicant`, an operator), and reads every fact it
//! relies on (tenant, profile, roles) from storage, never from the client.

use crate::app::{now, JsonIn, Shared};
use crate::auth::*;
use crate::error::{ApiErr, ApiResult};
use crate::secrets::{self, identity_key, new_id, new_token, token_hash};
use crate::storage::{ApplicationRow, Insert, SessionRow, UserRow};
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use csp_core::api::{
    ApplicationStatus, CreatedTenant, NewUser, PasswordChange, RoleChange, SignIn, StatusChange,
    SubmitApplication, User, WorkAccountSession,
};
use csp_core::enrollment::{check_new_tenant, check_submission, NewTenant, Tenant};
use csp_core::problem::{Code, FieldProblem, Problem};
use csp_core::roles::RoleKind;
use csp_core::Field;
use serde::Serialize;

/// `POST/GET /session`: the user, the CSRF token to send as `X-CSRF-Token`, and whether the
/// temporary password must be changed before anything else.
#[derive(Serialize)]
pub struct SessionBody {
    pub user: User,
    pub csrf_token: String,
    pub must_change_password: bool,
    /// What this user's roles open, as the server decides it.
    pub features: Vec<String>,
}

#[derive(Serialize)]
pub struct ApplicationOut {
    /// Opaque and unguessable.
    pub id: String,
    /// The human reference (`APP-000001`), for the applicant and support.
    pub reference: String,
    pub status: String,
    pub partner_type: Option<String>,
    pub primary_contact_email: String,
    pub tenant: Option<Tenant>,
}

fn app_out(a: ApplicationRow) -> ApplicationOut {
    ApplicationOut {
        id: a.id,
        reference: a.reference,
        status: a.status,
        partner_type: a.partner_type,
        primary_contact_email: a.primary_contact_email,
        tenant: a.tenant.and_then(|t| serde_json::from_str(&t).ok()),
    }
}

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

pub(crate) fn random_failed(_: secrets::RandomUnavailable) -> ApiErr {
    tracing::error!("the OS random source failed");
    ApiErr::server()
}

fn json_name<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// Argon2 off the async threads, a few at a time.
async fn verify(state: &Shared, password: String, hash: Option<String>) -> bool {
    let _slot = state.hashing.acquire().await;
    let h = state.hasher.clone();
    tokio::task::spawn_blocking(move || h.verify(&password, hash.as_deref()))
        .await
        .unwrap_or(false)
}

pub async fn hash_password(state: &Shared, password: String) -> ApiResult<String> {
    let _slot = state.hashing.acquire().await;
    let h = state.hasher.clone();
    tokio::task::spawn_blocking(move || h.hash(&password))
        .await
        .map_err(|_| ApiErr::server())?
        .map_err(random_failed)
}

/// Checks a password against the throttle first; counts a failure or clears the account.
async fn throttled_verify(
    state: &Shared,
    account: &str,
    client: &str,
    password: String,
    hash: Option<String>,
) -> ApiResult<bool> {
    state
        .throttle
        .check(account, client)
        .map_err(ApiErr::too_many)?;
    let ok = verify(state, password, hash).await;
    if ok {
        state.throttle.success(account);
    } else {
        tracing::info!(account, client, "sign-in failed");
        state.throttle.failure(account, client);
    }
    Ok(ok)
}

async fn start_session(
    state: &Shared,
    kind: &str,
    subject: &str,
) -> ApiResult<(String, SessionRow)> {
    let token = new_token().map_err(random_failed)?;
    let t = now();
    let s = SessionRow {
        token_hash: token_hash(&token),
        kind: kind.into(),
        subject: subject.into(),
        csrf_token: new_token().map_err(random_failed)?,
        pn_account: None,
        created_at: t,
        last_seen: t,
    };
    state.store.insert_session(&s).await?;
    Ok((token, s))
}

fn with_cookie(cookie: String, status: StatusCode, body: impl Serialize) -> Response {
    let mut r = (status, Json(body)).into_response();
    if let Ok(v) = cookie.parse() {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
    r
}

// ---- public ----

pub async fn settings(State(s): State<Shared>) -> Json<csp_core::api::ProgramSettings> {
    Json(s.settings.clone())
}

pub async fn countries(State(s): State<Shared>) -> Json<Vec<csp_core::country::CountryRules>> {
    Json(s.ctx.countries.clone())
}

pub async fn roles(State(s): State<Shared>) -> Json<csp_core::roles::RoleCatalog> {
    Json(s.catalog.clone())
}

// ---- enrollment ----

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
    ext: axum::http::Extensions,
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
        &format!("wa:{key}"),
        &client_of(&ext),
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

/// Prefixes nobody may take: the vendor's own names.
pub(crate) const RESERVED_PREFIXES: &[&str] = &[
    "microsoft",
    "azure",
    "office",
    "office365",
    "windows",
    "outlook",
    "admin",
    "www",
    "support",
];

/// Creates a tenant and its global admin work account (password returned once), and signs
/// the applicant in to it.
pub async fn create_tenant(
    State(state): State<Shared>,
    ext: axum::http::Extensions,
    JsonIn(t): JsonIn<NewTenant>,
) -> ApiResult<Response> {
    let client = client_of(&ext);
    state
        .creations
        .check(&client, &client)
        .map_err(ApiErr::too_many)?;
    let r = check_new_tenant(&t, &state.ctx);
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
    if RESERVED_PREFIXES.contains(&prefix.as_str()) {
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
    state.creations.failure(&client, &client);
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

/// Partner-network sign-in: that account's profiles; the session remembers the account, so
/// only its profiles can be submitted.
pub async fn partner_network_profiles(
    State(state): State<Shared>,
    ext: axum::http::Extensions,
    a: Applicant,
    JsonIn(s): JsonIn<SignIn>,
) -> ApiResult<Json<Vec<csp_core::mpn::OrgProfile>>> {
    let key = identity_key(&s.user_name);
    let hash = state.store.pn_account_hash(&key).await?;
    let found = hash.is_some();
    let ok = throttled_verify(
        &state,
        &format!("pn:{key}"),
        &client_of(&ext),
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
        return Ok((StatusCode::CREATED, Json(app_out(existing))).into_response());
    }
    if state.store.applications_of(&owner).await? >= MAX_APPLICATIONS_PER_APPLICANT {
        return Err(ApiErr::too_many(24 * 3600));
    }
    let mut draft = req.draft;
    if !draft.already_enrolled {
        // Facts from the directory: the signed-in account's tenant, the profile as recorded.
        let tenant = tenant_of(&state, &a.account.tenant_domain).await?;
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
    let row = ApplicationRow {
        id: new_id("app").map_err(random_failed)?,
        reference: String::new(),
        owner,
        status: json_name(&ApplicationStatus::AwaitingEmailVerification),
        partner_type: draft.partner_type.map(|p| p.id().to_string()),
        primary_contact_email: if draft.already_enrolled {
            draft.support.email.trim().into()
        } else {
            draft.contact.email.trim().into()
        },
        tenant: draft
            .tenant
            .as_ref()
            .and_then(|t| serde_json::to_string(t).ok()),
    };
    let draft_json = serde_json::to_string(&draft).map_err(|_| ApiErr::server())?;
    let saved = state
        .store
        .insert_application(&row, key, &draft_json, now())
        .await?;
    Ok((StatusCode::CREATED, Json(app_out(saved))).into_response())
}

/// The applicant who made it, or an operator. Anyone else gets 404 (existence is not told).
pub async fn application(
    State(state): State<Shared>,
    c: Caller,
    Path(id): Path<String>,
) -> ApiResult<Json<ApplicationOut>> {
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
        Ok(Json(app_out(a)))
    } else {
        Err(ApiErr::not_found())
    }
}

/// The vendor's review: operators only.
pub async fn set_status(
    State(state): State<Shared>,
    m: Member,
    Path(id): Path<String>,
    JsonIn(s): JsonIn<StatusChange>,
) -> ApiResult<Json<ApplicationOut>> {
    if !m.user.operator {
        return Err(ApiErr::forbidden(
            "application-review",
            vec!["operator".into()],
        ));
    }
    if !state
        .store
        .set_application_status(&id, &json_name(&s.status))
        .await?
    {
        return Err(ApiErr::not_found());
    }
    tracing::info!(application = %id, status = %json_name(&s.status), operator = %m.user.id, "application status changed");
    Ok(Json(app_out(
        state
            .store
            .application(&id)
            .await?
            .ok_or_else(ApiErr::not_found)?,
    )))
}

// ---- session ----

fn session_body(state: &Shared, u: &UserRow, csrf: String) -> SessionBody {
    SessionBody {
        user: user_out(u),
        csrf_token: csrf,
        must_change_password: u.must_change,
        features: features_of(state, u),
    }
}

/// The same 401 for an unknown user and a wrong password (and the same time: see `Hasher::verify`).
pub async fn sign_in(
    State(state): State<Shared>,
    ext: axum::http::Extensions,
    JsonIn(s): JsonIn<SignIn>,
) -> ApiResult<Response> {
    let key = identity_key(&s.user_name);
    let user = state.store.user_by_key(&key).await?;
    let ok = throttled_verify(
        &state,
        &format!("u:{key}"),
        &client_of(&ext),
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

pub async fn session(State(state): State<Shared>, m: AnyMember) -> Json<SessionBody> {
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
    ext: axum::http::Extensions,
    m: AnyMember,
    JsonIn(c): JsonIn<PasswordChange>,
) -> ApiResult<StatusCode> {
    let ok = throttled_verify(
        &state,
        &format!("u:{}", m.user.email_key),
        &client_of(&ext),
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

// ---- users ----

pub async fn users(State(state): State<Shared>, m: Member) -> ApiResult<Json<Vec<User>>> {
    m.need(&state, csp_core::roles::MANAGE_USERS)?;
    Ok(Json(
        state
            .store
            .users_of(&m.user.partner_id)
            .await?
            .iter()
            .map(user_out)
            .collect(),
    ))
}

/// A user may hand out (or take away) an admin role only if it opens nothing they lack, so a
/// user management admin cannot make a global admin.
fn may_grant(state: &Shared, m: &Member, admin_role: Option<&str>) -> ApiResult<()> {
    for f in state.catalog.features(admin_role) {
        if !m.features.contains(&f) {
            return Err(forbidden(state, &f));
        }
    }
    Ok(())
}

fn check_role_kinds(
    state: &Shared,
    agent: &Option<String>,
    admin: &Option<String>,
) -> ApiResult<()> {
    let mut problems = vec![];
    for (v, kind, field) in [
        (agent, RoleKind::Agent, Field::UserAgentRole),
        (admin, RoleKind::Admin, Field::UserAdminRole),
    ] {
        if v.as_ref()
            .is_some_and(|id| state.catalog.get(id).is_none_or(|r| r.kind != kind))
        {
            problems.push(FieldProblem {
                field,
                problem: Code::ChooseOne.into(),
            });
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(ApiErr::validation(problems))
    }
}

pub async fn add_user(
    State(state): State<Shared>,
    m: Member,
    JsonIn(u): JsonIn<NewUser>,
) -> ApiResult<Response> {
    m.need(&state, csp_core::roles::MANAGE_USERS)?;
    let existing = state.store.users_of(&m.user.partner_id).await?;
    let emails: Vec<&str> = existing.iter().map(|x| x.email.as_str()).collect();
    let r = csp_core::users::check_new_user(&u, true, &emails, &state.catalog, &state.ctx);
    if r.has_errors() {
        return Err(ApiErr::validation(r.errors().cloned().collect()));
    }
    may_grant(&state, &m, u.admin_role.as_deref())?;
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
    if let Insert::Duplicate = state.store.insert_user(&row, now()).await? {
        return Err(taken());
    }
    tracing::info!(user = %row.id, by = %m.user.id, "user added");
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

/// The target user, in the caller's partner only (404 otherwise), whom the caller may manage.
async fn managed_user(state: &Shared, m: &Member, id: &str) -> ApiResult<UserRow> {
    m.need(state, csp_core::roles::MANAGE_USERS)?;
    let target = state
        .store
        .user_by_id(id)
        .await?
        .filter(|u| u.partner_id == m.user.partner_id)
        .ok_or_else(ApiErr::not_found)?;
    may_grant(state, m, target.admin_role.as_deref())?;
    Ok(target)
}

/// 409 when the change would leave the partner with nobody who can manage users.
async fn keep_a_user_manager(
    state: &Shared,
    partner: &str,
    changed: &str,
    new_admin: Option<&str>,
    new_agent: Option<&str>,
) -> ApiResult<()> {
    let users = state.store.users_of(partner).await?;
    let manages = |agent: Option<&str>, admin: Option<&str>| {
        state
            .catalog
            .features(agent.into_iter().chain(admin))
            .iter()
            .any(|f| f == csp_core::roles::MANAGE_USERS)
    };
    let left = users.iter().any(|u| {
        if u.id == changed {
            manages(new_agent, new_admin)
        } else {
            manages(u.agent_role.as_deref(), u.admin_role.as_deref())
        }
    });
    if left {
        Ok(())
    } else {
        Err(ApiErr::field(
            StatusCode::CONFLICT,
            "conflict",
            Field::UserAdminRole,
            Code::LastUserAdmin,
        ))
    }
}

pub async fn update_roles(
    State(state): State<Shared>,
    m: Member,
    Path(id): Path<String>,
    JsonIn(r): JsonIn<RoleChange>,
) -> ApiResult<Json<User>> {
    let target = managed_user(&state, &m, &id).await?;
    check_role_kinds(&state, &r.agent_role, &r.admin_role)?;
    may_grant(&state, &m, r.admin_role.as_deref())?;
    keep_a_user_manager(
        &state,
        &m.user.partner_id,
        &target.id,
        r.admin_role.as_deref(),
        r.agent_role.as_deref(),
    )
    .await?;
    if !state
        .store
        .update_roles(
            &m.user.partner_id,
            &id,
            r.agent_role.clone(),
            r.admin_role.clone(),
        )
        .await?
    {
        return Err(ApiErr::not_found());
    }
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
    keep_a_user_manager(&state, &m.user.partner_id, &target.id, None, None).await?;
    if !state.store.delete_user(&m.user.partner_id, &id).await? {
        return Err(ApiErr::not_found());
    }
    tracing::info!(user = %id, by = %m.user.id, "user removed");
    Ok(StatusCode::NO_CONTENT)
}
