//! The contract's paths mapped onto [`Backend`] methods, JSON in and out. The browser's
//! in-memory backend and the native server both answer through this one function, so the
//! client cannot tell them apart.

use crate::api::*;
use crate::backend::Backend;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// A JSON answer: status code and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub status: u16,
    pub body: String,
}

fn ok<T: Serialize>(status: u16, v: &T) -> Answer {
    Answer {
        status,
        body: serde_json::to_string(v).expect("contract types serialize"),
    }
}

fn fail(e: ApiError) -> Answer {
    ok(e.status, &e)
}

fn body<T: DeserializeOwned>(raw: &str) -> Result<T, ApiError> {
    serde_json::from_str(raw).map_err(|_| ApiError::new(400, "bad-request"))
}

#[derive(serde::Deserialize)]
struct Roles {
    agent_role: Option<String>,
    admin_role: Option<String>,
}

#[derive(serde::Deserialize)]
struct StatusChange {
    status: ApplicationStatus,
}

/// Answers `method path` (path without the API base, e.g. `/users/USR-000001`). `password`
/// is the temporary password to hand out if the call creates a user.
pub fn handle(
    b: &mut Backend,
    method: &str,
    path: &str,
    raw: &str,
    password: impl FnOnce() -> String,
) -> Answer {
    let segs: Vec<&str> = path.trim_matches('/').split('/').collect();
    let r: Result<Answer, ApiError> = (|| {
        Ok(match (method, segs.as_slice()) {
            ("GET", ["settings"]) => ok(200, &b.settings()),
            ("GET", ["countries"]) => ok(200, &b.countries()),
            ("GET", ["roles"]) => ok(200, &b.roles()),
            ("POST", ["work-account", "sign-in"]) => ok(200, &b.sign_in_work_account(&body(raw)?)?),
            ("POST", ["work-account", "tenants"]) => ok(201, &b.create_tenant(&body(raw)?)?),
            ("POST", ["partner-network", "profiles"]) => {
                ok(200, &b.partner_network_profiles(&body(raw)?)?)
            }
            ("POST", ["applications"]) => ok(201, &b.submit(&body(raw)?)?),
            ("GET", ["applications", id]) => ok(200, &b.application(id)?),
            ("PUT", ["applications", id, "status"]) => {
                let s: StatusChange = body(raw)?;
                ok(200, &b.set_status(id, s.status)?)
            }
            ("POST", ["session"]) => ok(200, &b.sign_in(&body(raw)?)?),
            ("GET", ["users"]) => ok(200, &b.users()),
            ("POST", ["users"]) => ok(201, &b.add_user(&body(raw)?, password())?),
            ("PUT", ["users", id, "roles"]) => {
                let r: Roles = body(raw)?;
                ok(200, &b.update_roles(id, r.agent_role, r.admin_role)?)
            }
            ("DELETE", ["users", id]) => {
                b.remove_user(id)?;
                Answer {
                    status: 204,
                    body: String::new(),
                }
            }
            _ => return Err(ApiError::new(404, "not-found")),
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
    use crate::fixtures::french_draft;

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
