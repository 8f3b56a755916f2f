//! The API client: one request function for every operation of the contract
//! (`csp_core::endpoint`), against the HTTP backend or the in-browser one (which answers
//! through the same routes, in JSON, so the two behave alike), mapping each answer to a value
//! or a typed [`Failure`].

use csp_core::api::ApiError;
use csp_core::endpoint::Endpoint;
use csp_demo::backend::{Backend, State};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::cell::RefCell;
use std::rc::Rc;

/// Why a call failed, each with its own message and a retry in the UI.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// The backend answered with the contract's error shape (422 field errors, 409, 404 ...).
    Api(ApiError),
    /// 5xx.
    Server(u16),
    /// No answer in time.
    Timeout,
    /// No connection.
    Network,
    /// An answer that isn't the contract's JSON.
    Malformed,
}

impl Failure {
    /// The Fluent id of the message shown for this failure.
    pub fn message_id(&self) -> &'static str {
        match self {
            Failure::Api(e) if e.status == 409 => "api-conflict",
            Failure::Api(e) if e.status == 404 => "api-not-found",
            Failure::Api(e) if e.status == 401 => "api-unauthorized",
            Failure::Api(e) if e.status == 403 => "api-forbidden",
            Failure::Api(e) if e.status == 422 => "api-validation",
            Failure::Api(_) => "api-bad-request",
            Failure::Server(_) => "api-server",
            Failure::Timeout => "api-timeout",
            Failure::Network => "api-network",
            Failure::Malformed => "api-malformed",
        }
    }

    pub fn field_errors(&self) -> &[csp_core::FieldProblem] {
        match self {
            Failure::Api(e) => &e.field_errors,
            _ => &[],
        }
    }
}

// v2: users belong to partners; the issue #11 partners, customers and requests.
const LOCAL_KEY: &str = "csp-portal.local-backend.v2";

/// The in-browser backend: csp-core's backend with its state in browser storage.
pub struct LocalBackend {
    backend: Backend,
}

impl LocalBackend {
    fn open() -> Self {
        use gloo::storage::{LocalStorage, Storage};
        let state: State = LocalStorage::get(LOCAL_KEY).unwrap_or_else(|_| State::seeded());
        LocalBackend {
            backend: Backend::new(state),
        }
    }

    fn answer(&mut self, method: &str, path: &str, body: &str) -> csp_demo::routes::Answer {
        use gloo::storage::{LocalStorage, Storage};
        let now = js_sys::Date::new_0();
        if let Some(d) = csp_core::date::Date::from_ymd(
            now.get_full_year() as i32,
            now.get_month() + 1,
            now.get_date(),
        ) {
            self.backend.today = d;
        }
        let a = csp_demo::routes::handle(&mut self.backend, method, path, body, || {
            csp_demo::routes::temporary_password(random_bytes())
        });
        if method != "GET" {
            let _ = LocalStorage::set(LOCAL_KEY, &self.backend.state);
        }
        a
    }
}

/// 16 bytes from the browser's CSPRNG (temporary passwords, idempotency keys).
pub fn random_bytes() -> [u8; 16] {
    let mut b = [0u8; 16];
    if let Ok(c) = gloo::utils::window().crypto() {
        let _ = c.get_random_values_with_u8_array(&mut b);
    }
    b
}

#[derive(Clone)]
pub enum Api {
    Http { base: String, timeout_ms: u32 },
    Local(Rc<RefCell<LocalBackend>>),
}

impl PartialEq for Api {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Api::Http { base: a, .. }, Api::Http { base: b, .. }) => a == b,
            (Api::Local(a), Api::Local(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl Api {
    pub fn http(base: &str, timeout_ms: u32) -> Api {
        Api::Http {
            base: base.trim_end_matches('/').to_owned(),
            timeout_ms,
        }
    }

    pub fn local() -> Api {
        Api::Local(Rc::new(RefCell::new(LocalBackend::open())))
    }

    /// Who the in-browser backend answers for: the app's signed-in user (restored from
    /// storage after a reload, cleared on sign-out), the demo's stand-in for the session
    /// cookie an HTTP backend keeps. `POST /session` sets it as well. No-op over HTTP.
    pub fn act_as(&self, user_id: Option<&str>) {
        if let Api::Local(b) = self {
            if let Ok(mut b) = b.try_borrow_mut() {
                if b.backend.caller.as_deref() != user_id {
                    b.backend.caller = user_id.map(str::to_owned);
                }
            }
        }
    }

    /// Calls one operation: `params` fill the path's `{…}` in order; `()` sends no body.
    pub async fn call<Q: Serialize, R: DeserializeOwned>(
        &self,
        op: &Endpoint<Q, R>,
        params: &[&str],
        req: &Q,
    ) -> Result<R, Failure> {
        let mut body = serde_json::to_string(req).expect("contract types serialize");
        if body == "null" {
            body.clear();
        }
        let (method, path) = (op.method.as_str(), op.url(params));
        let (status, text) = match self {
            Api::Local(b) => {
                // Yield once so the UI shows its busy state, as with a real request.
                gloo::timers::future::TimeoutFuture::new(0).await;
                let a = b.borrow_mut().answer(method, &path, &body);
                (a.status, a.body)
            }
            Api::Http { base, timeout_ms } => {
                http_call(base, *timeout_ms, method, &path, &body).await?
            }
        };
        decode(status, &text)
    }
}

fn decode<R: DeserializeOwned>(status: u16, text: &str) -> Result<R, Failure> {
    match status {
        200..=299 => serde_json::from_str(if text.is_empty() { "null" } else { text })
            .map_err(|_| Failure::Malformed),
        500..=599 => Err(Failure::Server(status)),
        _ => match serde_json::from_str::<ApiError>(text) {
            Ok(e) => Err(Failure::Api(e)),
            Err(_) => Err(Failure::Api(ApiError::new(status, "unknown"))),
        },
    }
}

async fn http_call(
    base: &str,
    timeout_ms: u32,
    method: &str,
    path: &str,
    body: &str,
) -> Result<(u16, String), Failure> {
    use gloo::net::http::{Method, RequestBuilder};
    let controller = web_sys::AbortController::new().map_err(|_| Failure::Network)?;
    let signal = controller.signal();
    let timed_out = Rc::new(std::cell::Cell::new(false));
    let flag = timed_out.clone();
    let timer = gloo::timers::callback::Timeout::new(timeout_ms, move || {
        flag.set(true);
        controller.abort();
    });
    let m = match method {
        "POST" => Method::POST,
        "PUT" => Method::PUT,
        "DELETE" => Method::DELETE,
        _ => Method::GET,
    };
    let rb = RequestBuilder::new(&format!("{base}{path}"))
        .method(m)
        .abort_signal(Some(&signal))
        .header("Accept", "application/json");
    let req = if body.is_empty() {
        rb.build()
    } else {
        rb.header("Content-Type", "application/json")
            .body(body.to_owned())
    };
    let req = req.map_err(|_| Failure::Network)?;
    let result = match req.send().await {
        Ok(resp) => {
            let status = resp.status();
            match resp.text().await {
                Ok(t) => Ok((status, t)),
                Err(_) if timed_out.get() => Err(Failure::Timeout),
                Err(_) => Err(Failure::Malformed),
            }
        }
        Err(_) if timed_out.get() => Err(Failure::Timeout),
        Err(_) => Err(Failure::Network),
    };
    drop(timer);
    result
}
