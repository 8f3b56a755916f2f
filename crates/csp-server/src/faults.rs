//! Test-only fault injection, so the end-to-end journeys can check what the app does when the
//! server fails (`scripts/e2e.sh`). Off unless the server is started with `--test-faults`
//! (there is no environment variable for it, so no deployment turns it on by accident); when
//! off, none of this is routed or layered.
//!
//! When on, a test arms faults from loopback with `POST /__test__/faults`
//! `{"method": "POST", "path": "/api/users", "fault": "validation", "times": 1,
//! "field_errors": [{"field": "user.email", "code": "email-taken"}]}` and clears them all with
//! `DELETE /__test__/faults`. The next `times` requests with exactly that method and path get
//! the fault instead of being handled (nothing is stored or changed):
//! - `server-error`: 500 in the contract's `ApiError` shape;
//! - `timeout`: no answer at all; the server's own request timeout ends it, long after the app
//!   has given up;
//! - `malformed-json`: 200 `application/json` with a truncated body;
//! - `conflict`: 409, `validation`: 422, each an `ApiError` with the armed `field_errors`;
//! - `drop-connection`: the connection is closed without a byte of response.

use crate::error::ApiErr;
use crate::extract::ClientAddr;
use axum::extract::{FromRequest, Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use csp_core::problem::FieldProblem;
use serde::Deserialize;
use std::sync::{Arc, Mutex};

/// Where tests arm and clear faults (outside the API prefix, so never part of the contract).
pub const CONTROL_PATH: &str = "/__test__/faults";

/// At most this many armed faults at once, each at most this many times: a test switch, but
/// still no unbounded memory.
const MAX_ARMED: usize = 64;
const MAX_TIMES: u32 = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Fault {
    ServerError,
    Timeout,
    MalformedJson,
    Conflict,
    Validation,
    DropConnection,
}

/// One armed fault, as a test posts it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Arm {
    pub method: String,
    pub path: String,
    pub fault: Fault,
    #[serde(default = "once")]
    pub times: u32,
    /// For `conflict` and `validation`: the problems to put on the app's fields.
    #[serde(default)]
    pub field_errors: Vec<FieldProblem>,
}

fn once() -> u32 {
    1
}

#[derive(Clone, Default)]
struct Armed(Arc<Mutex<Vec<Arm>>>);

impl Armed {
    /// The first fault armed for this request, counting it used.
    fn take(&self, method: &str, path: &str) -> Option<Arm> {
        let mut list = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let i = list
            .iter()
            .position(|a| a.method.eq_ignore_ascii_case(method) && a.path == path)?;
        list[i].times -= 1;
        Some(if list[i].times == 0 {
            list.remove(i)
        } else {
            list[i].clone()
        })
    }
}

/// Put on a response by [`inject`]: the accept loop ([`deliver`]) closes the connection
/// instead of writing it.
#[derive(Debug, Clone, Copy)]
pub struct DropConnection;

/// The error the accept loop gives hyper for a [`DropConnection`] response; on a service error
/// hyper closes the connection without writing a response.
#[derive(Debug)]
pub struct ConnectionDropped;

impl std::fmt::Display for ConnectionDropped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection dropped by an injected test fault")
    }
}

impl std::error::Error for ConnectionDropped {}

/// The response to write, or the dropped connection a test asked for.
pub fn deliver(res: Response) -> Result<Response, ConnectionDropped> {
    match res.extensions().get::<DropConnection>() {
        Some(_) => Err(ConnectionDropped),
        None => Ok(res),
    }
}

/// Adds the control route and the layer that injects armed faults to the whole site.
pub fn install<S: Clone + Send + Sync + 'static>(site: Router<S>) -> Router<S> {
    tracing::warn!("test faults are ON (--test-faults): never run a deployment like this");
    let armed = Armed::default();
    site.route(
        CONTROL_PATH,
        post(arm).delete(clear).with_state(armed.clone()),
    )
    .layer(middleware::from_fn_with_state(armed, inject))
}

/// Only a client on this machine may arm faults (the e2e script's browser and test runner).
fn local(req: &Request) -> bool {
    req.extensions()
        .get::<ClientAddr>()
        .is_some_and(|c| c.0.is_loopback())
}

/// JSON only, so a page on another site cannot arm a fault with a plain form post.
async fn arm(State(armed): State<Armed>, req: Request) -> Response {
    if !local(&req) {
        return ApiErr::not_found().into_response();
    }
    let Ok(Json(a)) = Json::<Arm>::from_request(req, &()).await else {
        return ApiErr::bad_request().into_response();
    };
    let mut list = armed.0.lock().unwrap_or_else(|e| e.into_inner());
    if a.times == 0 || a.times > MAX_TIMES || list.len() >= MAX_ARMED {
        return ApiErr::bad_request().into_response();
    }
    list.push(a);
    StatusCode::NO_CONTENT.into_response()
}

async fn clear(State(armed): State<Armed>, req: Request) -> Response {
    if !local(&req) {
        return ApiErr::not_found().into_response();
    }
    armed.0.lock().unwrap_or_else(|e| e.into_inner()).clear();
    StatusCode::NO_CONTENT.into_response()
}

async fn inject(State(armed): State<Armed>, req: Request, next: Next) -> Response {
    let Some(a) = armed.take(req.method().as_str(), req.uri().path()) else {
        return next.run(req).await;
    };
    tracing::warn!(method = %a.method, path = %a.path, fault = ?a.fault, "injecting a test fault");
    let problems = || a.field_errors.clone();
    match a.fault {
        Fault::ServerError => ApiErr::server().into_response(),
        Fault::Timeout => std::future::pending().await,
        Fault::MalformedJson => (
            [(header::CONTENT_TYPE, "application/json")],
            r#"{"id": "usr_"#,
        )
            .into_response(),
        Fault::Conflict => ApiErr {
            field_errors: problems(),
            ..ApiErr::new(StatusCode::CONFLICT, "conflict")
        }
        .into_response(),
        Fault::Validation => ApiErr::validation(problems()).into_response(),
        Fault::DropConnection => {
            let mut r = StatusCode::INTERNAL_SERVER_ERROR.into_response();
            r.extensions_mut().insert(DropConnection);
            r
        }
    }
}
