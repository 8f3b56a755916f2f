//! The contract's operations (`csp_core::endpoint`) mapped onto [`Backend`] methods, JSON in
//! and out, so the client cannot tell this backend from an HTTP one.

use crate::backend::Backend;
use csp_core::access::user_features;
use csp_core::api::*;
use csp_core::paging::{page_of, parse_query, Ordered, Page};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// One request as the client sends it; `session` is the token it holds (an HTTP backend's
/// cookie).
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    pub method: &'a str,
    pub path: &'a str,
    pub body: &'a str,
    pub session: Option<&'a str>,
}

/// A JSON answer: status code and body, and what becomes of the client's session: a new
/// token after sign-in, `Some(None)` after sign-out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub status: u16,
    pub body: String,
    pub session: Option<Option<String>>,
    /// With 429: the seconds to wait (an HTTP backend's `Retry-After`).
    pub retry_after: Option<u32>,
}

pub(crate) fn ok<T: Serialize>(status: u16, v: &T) -> Answer {
    Answer {
        status,
        body: serde_json::to_string(v).expect("contract types serialize"),
        session: None,
        retry_after: None,
    }
}

/// 429 with the seconds to wait (at least one).
pub(crate) fn too_many(secs: i64) -> Answer {
    Answer {
        retry_after: Some(u32::try_from(secs.max(1)).unwrap_or(u32::MAX)),
        ..ok(429, &ApiError::new(429, "too-many-requests"))
    }
}

pub(crate) fn no_content() -> Answer {
    Answer {
        status: 204,
        body: String::new(),
        session: None,
        retry_after: None,
    }
}

fn fail(e: ApiError) -> Answer {
    ok(e.status, &e)
}

pub(crate) fn body<T: DeserializeOwned>(raw: &str) -> Result<T, ApiError> {
    serde_json::from_str(raw).map_err(|_| ApiError::new(400, "bad-request"))
}

/// One page of a list, as the query asks (`csp_core::paging`).
pub(crate) fn paged<T: Ordered>(rows: Vec<T>, query: &str) -> Result<Page<T>, ApiError> {
    Ok(page_of(rows, &parse_query(query)?, T::position))
}

/// Who may call a private operation: a session (401 without), whose temporary password is
/// changed (403 until then), whose roles open `feature` (403 naming it) when one is needed.
fn allow(b: &Backend, req: &Request, feature: Option<&str>) -> Result<SessionInfo, ApiError> {
    let s = req
        .session
        .and_then(|t| b.session(t))
        .ok_or_else(|| ApiError::new(401, "unauthorized"))?;
    if s.must_change_password {
        return Err(ApiError::new(403, "password-change-required"));
    }
    if let Some(f) = feature {
        if !user_features(&b.catalog, &s.user).iter().any(|g| g == f) {
            return Err(ApiError::forbidden(f));
        }
    }
    Ok(s)
}

/// Answers one request (path without the API base, e.g. `/users/7f3a…`).
pub fn handle(b: &mut Backend, req: &Request) -> Answer {
    use csp_core::endpoint::*;
    use csp_core::roles::MANAGE_USERS;
    let (method, raw) = (req.method, req.body);
    // Only the lists read a query (`limit`, `cursor`); every route matches the path alone.
    let (path, query) = req.path.split_once('?').unwrap_or((req.path, ""));
    // Partner-scoped operations answer for the user behind the request's session.
    b.caller = req.session.and_then(|t| b.session(t)).map(|s| s.user.id);
    for route in [
        crate::partners::route,
        crate::profile::route,
        crate::customers::route,
        crate::acceptance::route,
        crate::review::route,
        crate::agreement::route,
        crate::verification::route,
    ] {
        match route(b, method, path, query, raw) {
            Ok(Some(a)) => return a,
            Ok(None) => {}
            Err(e) => return fail(e),
        }
    }
    let r: Result<Answer, ApiError> = (|| {
        Ok(if SETTINGS.matches(method, path).is_some() {
            ok(200, &b.settings())
        } else if COUNTRIES.matches(method, path).is_some() {
            ok(200, &b.countries())
        } else if ROLES.matches(method, path).is_some() {
            ok(200, &b.roles())
        } else if WORK_ACCOUNT_SIGN_IN.matches(method, path).is_some() {
            let s: SignIn = body(raw)?;
            let t = b.sign_in_work_account(&s)?;
            b.remember_work_account(&s.user_name, &s.password);
            ok(200, &b.open_applicant(t))
        } else if WORK_ACCOUNT_SESSION.matches(method, path).is_some() {
            ok(
                200,
                &b.applicant()
                    .ok_or_else(|| ApiError::new(401, "unauthorized"))?,
            )
        } else if WORK_ACCOUNT_SIGN_OUT.matches(method, path).is_some() {
            b.close_applicant();
            no_content()
        } else if CREATE_TENANT.matches(method, path).is_some() {
            let t = b.create_tenant(&body(raw)?)?;
            let password = b.temporary_password();
            let session = b.open_applicant(t);
            b.remember_work_account(&format!("admin@{}", session.domain), &password);
            ok(
                201,
                &CreatedTenant {
                    domain: session.domain.clone(),
                    country: session.country.clone(),
                    organization: session.organization.clone(),
                    admin_user_name: format!("admin@{}", session.domain),
                    admin_password: password,
                    csrf_token: session.csrf_token,
                },
            )
        } else if PARTNER_NETWORK_PROFILES.matches(method, path).is_some() {
            ok(200, &b.partner_network_profiles(&body(raw)?)?)
        } else if SUBMIT_APPLICATION.matches(method, path).is_some() {
            let s: SubmitApplication = body(raw)?;
            let app = b.submit(&s)?;
            b.submitted(&s, &app);
            ok(201, &app)
        } else if let Some(p) = APPLICATION.matches(method, path) {
            ok(200, &b.application(p[0])?)
        } else if SIGN_IN.matches(method, path).is_some() {
            let (token, info) = b.sign_in(&body(raw)?)?;
            Answer {
                session: Some(Some(token)),
                ..ok(200, &info)
            }
        } else if SESSION.matches(method, path).is_some() {
            let token = req.session.unwrap_or_default();
            ok(
                200,
                &b.session(token)
                    .ok_or_else(|| ApiError::new(401, "unauthorized"))?,
            )
        } else if SIGN_OUT.matches(method, path).is_some() {
            if let Some(t) = req.session {
                b.sign_out(t);
            }
            Answer {
                session: Some(None),
                ..no_content()
            }
        } else if CHANGE_PASSWORD.matches(method, path).is_some() {
            let s = req
                .session
                .and_then(|t| b.session(t))
                .ok_or_else(|| ApiError::new(401, "unauthorized"))?;
            b.change_password(&s.user, &body(raw)?)?;
            no_content()
        } else if USERS.matches(method, path).is_some() {
            allow(b, req, Some(MANAGE_USERS))?;
            ok(200, &paged(b.users(), query)?)
        } else if ADD_USER.matches(method, path).is_some() {
            allow(b, req, Some(MANAGE_USERS))?;
            ok(201, &b.add_user(&body(raw)?)?)
        } else if let Some(p) = UPDATE_ROLES.matches(method, path) {
            allow(b, req, Some(MANAGE_USERS))?;
            let r: RoleChange = body(raw)?;
            ok(200, &b.update_roles(p[0], r.agent_role, r.admin_role)?)
        } else if let Some(p) = REMOVE_USER.matches(method, path) {
            allow(b, req, Some(MANAGE_USERS))?;
            b.remove_user(p[0])?;
            no_content()
        } else if let Some(p) = RESEND_INVITATION.matches(method, path) {
            allow(b, req, Some(MANAGE_USERS))?;
            ok(202, &b.resend_invitation(p[0])?)
        } else if LOOKUP_INVITATION.matches(method, path).is_some() {
            let l: InvitationLink = body(raw)?;
            ok(200, &b.lookup_invitation(&l.token)?)
        } else if ACCEPT_INVITATION.matches(method, path).is_some() {
            let (token, info) = b.accept_invitation(&body(raw)?)?;
            Answer {
                session: Some(Some(token)),
                ..ok(200, &info)
            }
        } else {
            return Err(ApiError::new(404, "not-found"));
        })
    })();
    r.unwrap_or_else(fail)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::State;
    use csp_core::fixtures::french_draft;
    use csp_demo_data::DEMO_ADMIN;

    fn call(b: &mut Backend, method: &str, path: &str, body: &str, s: Option<&str>) -> Answer {
        let req = Request {
            method,
            path,
            body,
            session: s,
        };
        handle(b, &req)
    }

    fn sign_in(b: &mut Backend, user: &str, password: &str) -> (String, SessionInfo) {
        let body = format!(r#"{{"user_name":"{user}","password":"{password}"}}"#);
        let a = call(b, "POST", "/session", &body, None);
        assert_eq!(a.status, 200, "{}", a.body);
        (
            a.session.flatten().expect("a token"),
            serde_json::from_str(&a.body).unwrap(),
        )
    }

    #[test]
    fn routes_speak_json_and_the_error_shape() {
        let mut b = Backend::new(State::seeded(), crate::not_random());
        assert_eq!(call(&mut b, "GET", "/settings", "", None).status, 200);
        let sub = serde_json::to_string(&SubmitApplication {
            idempotency_key: "k".into(),
            draft: french_draft(),
            language: "fr".into(),
        })
        .unwrap();
        let a = call(&mut b, "POST", "/applications", &sub, None);
        assert_eq!(a.status, 201);
        let app: Application = serde_json::from_str(&a.body).unwrap();
        assert_eq!(app.reference, "APP-000001");
        assert_ne!(app.id, app.reference);
        let path = format!("/applications/{}", app.id);
        assert_eq!(call(&mut b, "GET", &path, "", None).status, 200);
        let e = call(&mut b, "POST", "/applications", "{not json", None);
        assert_eq!(e.status, 400);
        let err: ApiError = serde_json::from_str(&e.body).unwrap();
        assert_eq!(err.error, "bad-request");
        assert_eq!(call(&mut b, "GET", "/nope", "", None).status, 404);
        assert_eq!(call(&mut b, "GET", "/users/", "", None).status, 404);
    }

    /// A partner with as many users as a list may hold adds none (409 `list-full`).
    #[test]
    fn a_full_user_list_takes_no_more() {
        let mut b = Backend::new(State::seeded(), crate::not_random());
        let (admin, info) = sign_in(&mut b, DEMO_ADMIN, "demo");
        let mine = |u: &&User| u.partner_id == info.user.partner_id;
        let had = b.state.users.iter().filter(mine).count();
        for i in had..csp_core::paging::MAX_ROWS_PER_PARTNER {
            b.state.users.push(User {
                id: format!("full-{i}"),
                email: format!("full{i}@contoso.com"),
                ..info.user.clone()
            });
        }
        let u = r#"{"name":"One more","email":"one.more@contoso.com","agent_role":null,"admin_role":null}"#;
        let a = call(&mut b, "POST", "/users", u, Some(&admin));
        assert_eq!(
            (a.status, a.body.contains("list-full")),
            (409, true),
            "{}",
            a.body
        );
    }

    /// Every private operation × anonymous / a role without the feature / the global admin.
    #[test]
    fn private_operations_check_who_is_asking() {
        let mut b = Backend::new(State::seeded(), crate::not_random());
        let (admin, _) = sign_in(&mut b, DEMO_ADMIN, "demo");
        let u = r#"{"name":"Li Wei","email":"li@contoso.cn","agent_role":"helpdesk-agent","admin_role":null}"#;
        assert_eq!(call(&mut b, "POST", "/users", u, None).status, 401);
        let a = call(&mut b, "POST", "/users", u, Some(&admin));
        assert_eq!(a.status, 201, "{}", a.body);
        let created: CreatedUser = serde_json::from_str(&a.body).unwrap();
        assert!(!call(&mut b, "GET", "/users", "", Some(&admin))
            .body
            .contains(&created.temporary_password));

        // The helpdesk agent signs in with the temporary password: changing it comes first.
        let (li, info) = sign_in(&mut b, "li@contoso.cn", &created.temporary_password);
        assert!(info.must_change_password);
        let e = call(&mut b, "GET", "/users", "", Some(&li));
        assert_eq!(
            (e.status, e.body.contains("password-change-required")),
            (403, true)
        );
        let change = format!(
            r#"{{"current_password":"{}","new_password":"Zk8#wq2Lm-x4v"}}"#,
            created.temporary_password
        );
        assert_eq!(
            call(&mut b, "POST", "/session/password", &change, Some(&li)).status,
            204
        );
        let again: SessionInfo =
            serde_json::from_str(&call(&mut b, "GET", "/session", "", Some(&li)).body).unwrap();
        assert!(!again.must_change_password);

        let user_path = format!("/users/{}", created.user.id);
        let roles_path = format!("{user_path}/roles");
        let roles = r#"{"agent_role":"admin-agent","admin_role":"global-admin"}"#;
        for (method, path, body) in [
            ("GET", "/users", ""),
            ("POST", "/users", u),
            ("PUT", roles_path.as_str(), roles),
            ("DELETE", user_path.as_str(), ""),
        ] {
            assert_eq!(
                call(&mut b, method, path, body, None).status,
                401,
                "{method} {path}"
            );
            let e = call(&mut b, method, path, body, Some(&li));
            assert_eq!(e.status, 403, "{method} {path}");
            let e: ApiError = serde_json::from_str(&e.body).unwrap();
            assert_eq!(e.required_feature.as_deref(), Some("users"));
            assert_eq!(call(&mut b, method, path, body, Some("forged")).status, 401);
        }

        // Removing a user ends their sessions; signing out ends the admin's.
        assert_eq!(
            call(&mut b, "DELETE", &user_path, "", Some(&admin)).status,
            204
        );
        assert_eq!(call(&mut b, "GET", "/session", "", Some(&li)).status, 401);
        let out = call(&mut b, "DELETE", "/session", "", Some(&admin));
        assert_eq!((out.status, out.session), (204, Some(None)));
        assert_eq!(call(&mut b, "GET", "/users", "", Some(&admin)).status, 401);
    }
}
