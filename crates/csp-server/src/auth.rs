//! Who is calling: session cookies, CSRF tokens and the role catalog's features, and whether
//! the caller's partner may use a feature. Every private route takes one of the extractors
//! below, so authorization is decided here, on the server.

use crate::error::{random_failed, ApiErr, ApiResult};
use crate::rows::{SessionRow, UserRow, WorkAccountRow};
use crate::secrets::{ct_eq, new_token, token_hash};
use crate::state::{now, Shared};
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method, StatusCode};
use csp_core::api::MyPartner;
use csp_core::problem::Code;
use csp_core::Field;

/// The partner user's session cookie.
pub const USER_COOKIE: &str = "csp_session";
/// The applicant's session cookie (work-account sign-in during enrollment).
pub const APPLICANT_COOKIE: &str = "csp_applicant";
pub const CSRF_HEADER: &str = "x-csrf-token";

pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.trim())
}

/// `Set-Cookie` for a new session: opaque token, HttpOnly, SameSite=Strict, scoped to the API.
pub fn session_cookie(state: &Shared, name: &str, token: &str) -> String {
    format!(
        "{name}={token}; Path={}; HttpOnly; SameSite=Strict{}",
        state.cfg.api_prefix,
        if state.cfg.secure_cookies {
            "; Secure"
        } else {
            ""
        }
    )
}

pub fn clear_cookie(state: &Shared, name: &str) -> String {
    format!(
        "{name}=; Path={}; HttpOnly; SameSite=Strict; Max-Age=0{}",
        state.cfg.api_prefix,
        if state.cfg.secure_cookies {
            "; Secure"
        } else {
            ""
        }
    )
}

/// A new session of `kind` (`user` or `applicant`) for `subject`: its token (for the cookie,
/// stored only as a hash) and its row.
pub async fn start_session(
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

fn unsafe_method(m: &Method) -> bool {
    !matches!(*m, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// The live session named by `cookie_name`, if any: expired ones (idle or absolute) are
/// deleted and count as none; `last_seen` moves at most once a minute to spare the database.
pub async fn live_session(
    state: &Shared,
    headers: &HeaderMap,
    cookie_name: &str,
    kind: &str,
) -> ApiResult<Option<SessionRow>> {
    let Some(token) = cookie(headers, cookie_name) else {
        return Ok(None);
    };
    if token.len() != 64 {
        return Ok(None);
    }
    let hash = token_hash(token);
    let Some(s) = state.store.session(&hash).await? else {
        return Ok(None);
    };
    let t = now();
    let idle = state.cfg.session_idle.as_secs() as i64;
    let absolute = state.cfg.session_absolute.as_secs() as i64;
    if s.kind != kind || t - s.last_seen > idle || t - s.created_at > absolute {
        if s.kind == kind {
            state.store.delete_session(&hash).await?;
        }
        return Ok(None);
    }
    if t - s.last_seen >= 60 {
        state.store.touch_session(&hash, t).await?;
    }
    Ok(Some(s))
}

fn check_csrf(parts: &Parts, s: &SessionRow) -> ApiResult<()> {
    if unsafe_method(&parts.method) {
        let sent = parts
            .headers
            .get(CSRF_HEADER)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        if !ct_eq(sent, &s.csrf_token) {
            return Err(ApiErr::csrf());
        }
    }
    Ok(())
}

/// A signed-in partner user, CSRF checked, whatever the password state (`GET/DELETE /session`,
/// `POST /session/password`).
pub struct AnyMember {
    pub user: UserRow,
    pub session: SessionRow,
}

impl FromRequestParts<Shared> for AnyMember {
    type Rejection = ApiErr;
    async fn from_request_parts(parts: &mut Parts, state: &Shared) -> ApiResult<Self> {
        let s = live_session(state, &parts.headers, USER_COOKIE, "user")
            .await?
            .ok_or_else(ApiErr::unauthorized)?;
        let user = state
            .store
            .user_by_id(&s.subject)
            .await?
            .ok_or_else(ApiErr::unauthorized)?;
        check_csrf(parts, &s)?;
        Ok(AnyMember { user, session: s })
    }
}

/// A signed-in partner user who has set their own password: what every other private route needs.
pub struct Member {
    pub user: UserRow,
    pub session: SessionRow,
    pub features: Vec<String>,
}

impl FromRequestParts<Shared> for Member {
    type Rejection = ApiErr;
    async fn from_request_parts(parts: &mut Parts, state: &Shared) -> ApiResult<Self> {
        let AnyMember { user, session } = AnyMember::from_request_parts(parts, state).await?;
        if user.must_change {
            return Err(ApiErr::new(
                StatusCode::FORBIDDEN,
                "password-change-required",
            ));
        }
        let features = features_of(state, &user);
        Ok(Member {
            user,
            session,
            features,
        })
    }
}

/// What the user's roles open in their partner (`csp_core::access::features_of`).
pub fn features_of(state: &Shared, u: &UserRow) -> Vec<String> {
    csp_core::access::features_of(
        &state.catalog,
        u.agent_role.as_deref(),
        u.admin_role.as_deref(),
        u.partner_kind,
    )
}

impl Member {
    /// 403 naming the feature and the catalog's roles that open it.
    pub fn need(&self, state: &Shared, feature: &str) -> ApiResult<()> {
        if self.features.iter().any(|f| f == feature) {
            Ok(())
        } else {
            Err(forbidden(state, feature))
        }
    }
}

pub fn forbidden(state: &Shared, feature: &str) -> ApiErr {
    let roles = state
        .catalog
        .roles
        .iter()
        .filter(|r| r.features.iter().any(|f| f == feature))
        .map(|r| r.id.clone())
        .collect();
    ApiErr::forbidden(feature, roles)
}

/// The caller's partner when their roles and its type both open `feature` (403 naming it), and
/// its agreement is signed (403 `agreement-not-signed` until then).
pub async fn permitted(state: &Shared, m: &Member, feature: &str) -> ApiResult<MyPartner> {
    let p = state.store.partner(&m.user.partner_id).await?;
    match p {
        Some(p) if p.kind.offers(feature) => {
            m.need(state, feature)?;
            if !p.agreement_signed {
                return Err(ApiErr::field(
                    StatusCode::FORBIDDEN,
                    "agreement-not-signed",
                    Field::AgreementAccept,
                    Code::AgreementNotSigned,
                ));
            }
            Ok(p)
        }
        _ => Err(forbidden(state, feature)),
    }
}

/// An applicant signed in to a work account (enrollment), CSRF checked.
pub struct Applicant {
    pub account: WorkAccountRow,
    pub session: SessionRow,
}

impl FromRequestParts<Shared> for Applicant {
    type Rejection = ApiErr;
    async fn from_request_parts(parts: &mut Parts, state: &Shared) -> ApiResult<Self> {
        let s = live_session(state, &parts.headers, APPLICANT_COOKIE, "applicant")
            .await?
            .ok_or_else(ApiErr::unauthorized)?;
        let account = state
            .store
            .work_account_by_id(&s.subject)
            .await?
            .ok_or_else(ApiErr::unauthorized)?;
        check_csrf(parts, &s)?;
        Ok(Applicant {
            account,
            session: s,
        })
    }
}

/// Either kind of caller, or none (routes that both an applicant and an operator read).
pub struct Caller {
    pub member: Option<Member>,
    pub applicant: Option<Applicant>,
}

impl FromRequestParts<Shared> for Caller {
    type Rejection = ApiErr;
    async fn from_request_parts(parts: &mut Parts, state: &Shared) -> ApiResult<Self> {
        let member = match Member::from_request_parts(parts, state).await {
            Ok(m) => Some(m),
            Err(e) if e.status == StatusCode::UNAUTHORIZED => None,
            Err(e) => return Err(e),
        };
        let applicant = match Applicant::from_request_parts(parts, state).await {
            Ok(a) => Some(a),
            Err(e) if e.status == StatusCode::UNAUTHORIZED => None,
            Err(e) => return Err(e),
        };
        if member.is_none() && applicant.is_none() {
            return Err(ApiErr::unauthorized());
        }
        Ok(Caller { member, applicant })
    }
}
