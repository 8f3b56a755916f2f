//! The API's one error shape (`ApiError` in the contract), with the server's additions:
//! 403 names the feature and the roles that have it, 429 carries `Retry-After`.

use crate::secrets::RandomUnavailable;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use csp_core::problem::{Code, FieldProblem, Problem};
use csp_core::Field;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct ApiErr {
    #[serde(skip)]
    pub status: StatusCode,
    #[serde(rename = "status")]
    pub code: u16,
    pub error: &'static str,
    /// Only the contract's fields: the app places each problem on its control.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub field_errors: Vec<FieldProblem>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required_feature: Option<String>,
    /// Roles that have `required_feature` (403), so the UI can say who can do it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub roles: Option<Vec<String>>,
    #[serde(skip)]
    pub retry_after: Option<u64>,
}

impl ApiErr {
    pub fn new(status: StatusCode, error: &'static str) -> Self {
        ApiErr {
            status,
            code: status.as_u16(),
            error,
            field_errors: vec![],
            required_feature: None,
            roles: None,
            retry_after: None,
        }
    }

    /// A problem on one field, with a rule code (core's or the server's own, e.g. `password-too-short`).
    pub fn field(
        status: StatusCode,
        error: &'static str,
        field: Field,
        problem: impl Into<Problem>,
    ) -> Self {
        ApiErr {
            field_errors: vec![FieldProblem {
                field,
                problem: problem.into(),
            }],
            ..ApiErr::new(status, error)
        }
    }

    pub fn validation(problems: Vec<FieldProblem>) -> Self {
        ApiErr {
            field_errors: problems,
            ..ApiErr::new(StatusCode::UNPROCESSABLE_ENTITY, "validation")
        }
    }

    pub fn bad_request() -> Self {
        ApiErr::new(StatusCode::BAD_REQUEST, "bad-request")
    }
    pub fn not_found() -> Self {
        ApiErr::new(StatusCode::NOT_FOUND, "not-found")
    }
    pub fn unauthorized() -> Self {
        ApiErr::new(StatusCode::UNAUTHORIZED, "unauthorized")
    }
    /// A refused sign-in, on the password field of its form: the same answer for an unknown
    /// user name and a wrong password.
    pub fn sign_in_failed(password: Field) -> Self {
        ApiErr::field(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            password,
            Code::SignInFailed,
        )
    }
    pub fn csrf() -> Self {
        ApiErr::new(StatusCode::FORBIDDEN, "csrf")
    }
    pub fn forbidden(feature: &str, roles: Vec<String>) -> Self {
        ApiErr {
            required_feature: Some(feature.into()),
            roles: Some(roles),
            ..ApiErr::new(StatusCode::FORBIDDEN, "forbidden")
        }
    }
    pub fn too_many(retry_after_secs: u64) -> Self {
        ApiErr {
            retry_after: Some(retry_after_secs.max(1)),
            ..ApiErr::new(StatusCode::TOO_MANY_REQUESTS, "too-many-requests")
        }
    }
    pub fn server() -> Self {
        ApiErr::new(StatusCode::INTERNAL_SERVER_ERROR, "server")
    }

    /// Core's errors keep their status, kind and field codes.
    pub fn from_core(e: csp_core::api::ApiError) -> Self {
        let status = StatusCode::from_u16(e.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let error = match e.error.as_str() {
            "validation" => "validation",
            "conflict" => "conflict",
            "not-found" => "not-found",
            "unauthorized" => "unauthorized",
            "bad-request" => "bad-request",
            "bad-limit" => "bad-limit",
            "bad-cursor" => "bad-cursor",
            "list-full" => "list-full",
            _ => "server",
        };
        ApiErr {
            field_errors: e.field_errors,
            ..ApiErr::new(status, error)
        }
    }
}

/// A rules report as a 422 when it holds errors (warnings pass).
pub fn check(r: &csp_core::problem::Report) -> ApiResult<()> {
    if r.has_errors() {
        Err(ApiErr::validation(r.errors().cloned().collect()))
    } else {
        Ok(())
    }
}

/// The OS random source failed (IDs, tokens, temporary passwords): logged, answered 500.
pub(crate) fn random_failed(_: RandomUnavailable) -> ApiErr {
    tracing::error!("the OS random source failed");
    ApiErr::server()
}

impl IntoResponse for ApiErr {
    fn into_response(self) -> Response {
        let mut r = (self.status, axum::Json(&self)).into_response();
        if let Some(s) = self.retry_after {
            r.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(s));
        }
        r
    }
}

impl From<sqlx::Error> for ApiErr {
    fn from(e: sqlx::Error) -> Self {
        tracing::error!(error = %e, "storage error");
        ApiErr::server()
    }
}

pub type ApiResult<T> = Result<T, ApiErr>;
