//! The contract's operations (`csp_core::endpoint`) mapped onto [`Backend`] methods, JSON in
//! and out, so the client cannot tell this backend from an HTTP one.

use crate::backend::Backend;
use csp_core::api::*;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// A JSON answer: status code and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub status: u16,
    pub body: String,
}

pub(crate) fn ok<T: Serialize>(status: u16, v: &T) -> Answer {
    Answer {
        status,
        body: serde_json::to_string(v).expect("contract types serialize"),
    }
}

pub(crate) fn no_content() -> Answer {
    Answer {
        status: 204,
        body: String::new(),
    }
}

fn fail(e: ApiError) -> Answer {
    ok(e.status, &e)
}

pub(crate) fn body<T: DeserializeOwned>(raw: &str) -> Result<T, ApiError> {
    serde_json::from_str(raw).map_err(|_| ApiError::new(400, "bad-request"))
}

/// Answers `method path` (path without the API base, e.g. `/users/7f3a…`). `password` is the
/// temporary password to hand out if the call creates a user.
pub fn handle(
    b: &mut Backend,
    method: &str,
    path: &str,
    raw: &str,
    password: impl FnOnce() -> String,
) -> Answer {
    use csp_core::endpoint::*;
    let mut password = Some(password);
    let mut password = move || password.take().map(|f| f()).unwrap_or_default();
    if let Some(a) = crate::partners::route(b, method, path, raw) {
        return a.unwrap_or_else(fail);
    }
    if let Some(a) = crate::customers::route(b, method, path, raw, &mut password) {
        return a.unwrap_or_else(fail);
    }
    let r: Result<Answer, ApiError> = (|| {
        Ok(if SETTINGS.matches(method, path).is_some() {
            ok(200, &b.settings())
        } else if COUNTRIES.matches(method, path).is_some() {
            ok(200, &b.countries())
        } else if ROLES.matches(method, path).is_some() {
            ok(200, &b.roles())
        } else if WORK_ACCOUNT_SIGN_IN.matches(method, path).is_some() {
            ok(200, &b.sign_in_work_account(&body(raw)?)?)
        } else if CREATE_TENANT.matches(method, path).is_some() {
            ok(201, &b.create_tenant(&body(raw)?)?)
        } else if PARTNER_NETWORK_PROFILES.matches(method, path).is_some() {
            ok(200, &b.partner_network_profiles(&body(raw)?)?)
        } else if SUBMIT_APPLICATION.matches(method, path).is_some() {
            ok(201, &b.submit(&body(raw)?)?)
        } else if let Some(p) = APPLICATION.matches(method, path) {
            ok(200, &b.application(p[0])?)
        } else if let Some(p) = SET_APPLICATION_STATUS.matches(method, path) {
            let s: StatusChange = body(raw)?;
            ok(200, &b.set_status(p[0], s.status)?)
        } else if SIGN_IN.matches(method, path).is_some() {
            // Like a session cookie: later calls answer for this user.
            let u = b.sign_in(&body(raw)?)?;
            b.caller = Some(u.id.clone());
            ok(200, &u)
        } else if USERS.matches(method, path).is_some() {
            ok(200, &b.users())
        } else if ADD_USER.matches(method, path).is_some() {
            ok(201, &b.add_user(&body(raw)?, password())?)
        } else if let Some(p) = UPDATE_ROLES.matches(method, path) {
            let r: RoleChange = body(raw)?;
            ok(200, &b.update_roles(p[0], r.agent_role, r.admin_role)?)
        } else if let Some(p) = REMOVE_USER.matches(method, path) {
            b.remove_user(p[0])?;
            no_content()
        } else {
            return Err(ApiError::new(404, "not-found"));
        })
    })();
    r.unwrap_or_else(fail)
}

/// A temporary password from 16 random bytes: 4 groups of letters and digits, no look-alikes.
pub fn temporary_password(random: [u8; 16]) -> String {
    const A: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    let chars: Vec<char> = random
        .iter()
        .map(|b| A[*b as usize % A.len()] as char)
        .collect();
    chars
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::State;
    use csp_core::fixtures::french_draft;

    #[test]
    fn routes_speak_json_and_the_error_shape() {
        let mut b = Backend::new(State::default());
        let a = handle(&mut b, "GET", "/settings", "", String::new);
        assert_eq!(a.status, 200);
        let sub = serde_json::to_string(&SubmitApplication {
            idempotency_key: "k".into(),
            draft: french_draft(),
        })
        .unwrap();
        let a = handle(&mut b, "POST", "/applications", &sub, String::new);
        assert_eq!(a.status, 201);
        let app: Application = serde_json::from_str(&a.body).unwrap();
        assert_eq!(
            handle(
                &mut b,
                "GET",
                &format!("/applications/{}", app.id),
                "",
                String::new
            )
            .status,
            200
        );
        let e = handle(&mut b, "POST", "/applications", "{not json", String::new);
        assert_eq!(e.status, 400);
        let err: ApiError = serde_json::from_str(&e.body).unwrap();
        assert_eq!(err.error, "bad-request");
        assert_eq!(handle(&mut b, "GET", "/nope", "", String::new).status, 404);
        let u = r#"{"name":"Li Wei","email":"li@contoso.cn","agent_role":"helpdesk-agent","admin_role":null}"#;
        let a = handle(&mut b, "POST", "/users", u, || "Abcd-Efgh".into());
        assert_eq!(a.status, 201, "{}", a.body);
        assert!(a.body.contains("Abcd-Efgh"));
        assert!(!handle(&mut b, "GET", "/users", "", String::new)
            .body
            .contains("Abcd-Efgh"));
    }

    #[test]
    fn temporary_passwords_are_grouped() {
        let p = temporary_password([7; 16]);
        assert_eq!(p.len(), 19);
        assert_eq!(p.matches('-').count(), 3);
    }
}
