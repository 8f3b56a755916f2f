//! The API client: one request function for every operation of the contract
//! (`csp_core::endpoint`), against the HTTP backend or the in-browser one (which answers
//! through the same routes, in JSON, so the two behave alike), mapping each answer to a value
//! or a typed [`Failure`].

use csp_core::api::ApiError;
use csp_core::endpoint::{Endpoint, Method, WORK_ACCOUNT_SESSION};
use csp_core::paging::{self, Page, MAX_LIMIT};
use csp_demo::backend::{Backend, State, TabSessions};
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
    /// 429: too many attempts; the seconds to wait (`Retry-After`), when given.
    TooMany(Option<u32>),
    /// 401 from an enrollment call: the work-account sign-in has ended.
    WorkAccountSignedOut,
}

impl Failure {
    /// The Fluent id of the message shown for this failure.
    pub fn message_id(&self) -> &'static str {
        match self {
            Failure::Api(e) if e.status == 409 => "api-conflict",
            Failure::Api(e) if e.status == 404 => "api-not-found",
            Failure::Api(e) if e.status == 401 => "api-session-ended",
            Failure::Api(e) if e.error == "password-change-required" => {
                "api-password-change-required"
            }
            Failure::Api(e) if e.status == 403 => "api-forbidden",
            Failure::Api(e) if e.status == 413 => "api-too-large",
            Failure::Api(e) if e.status == 422 => "api-validation",
            Failure::Api(_) => "api-bad-request",
            Failure::TooMany(Some(_)) => "api-too-many-wait",
            Failure::TooMany(None) => "api-too-many",
            Failure::WorkAccountSignedOut => "api-work-account-signed-out",
            Failure::Server(_) => "api-server",
            Failure::Timeout => "api-timeout",
            Failure::Network => "api-network",
            Failure::Malformed => "api-malformed",
        }
    }

    /// A 401 with no field to blame: the session has ended (expired, signed out elsewhere).
    pub fn session_ended(&self) -> bool {
        matches!(self, Failure::Api(e) if e.status == 401 && e.field_errors.is_empty())
    }

    pub fn field_errors(&self) -> &[csp_core::FieldProblem] {
        match self {
            Failure::Api(e) => &e.field_errors,
            _ => &[],
        }
    }
}

/// The demo's data in the browser: its users with their passwords, partners, customers and
/// requests, all in one value, so they are kept and forgotten together. The version changes
/// with the shape of what it holds (v3: the passwords joined the users).
const LOCAL_KEY: &str = "csp-portal.local-backend.v3";
/// Stores of earlier versions: replaced by the seed data as a whole, never read in part.
const OLDER_LOCAL_KEYS: &[&str] = &["csp-portal.local-backend.v1", "csp-portal.local-backend.v2"];
/// This tab's sessions of the demo (`TabSessions`), in the tab's session storage: a reload
/// keeps them, as it keeps an HTTP backend's cookies; sign-out or closing the tab ends them.
const TAB_KEY: &str = "csp-portal.local-backend.tab";
/// Set in the tab when the demo's data was reset: the sign-in page says so.
const RESET_KEY: &str = "csp-portal.local-backend.reset";

/// The in-browser backend: csp-demo's backend with its state in local storage and this tab's
/// sessions in session storage.
pub struct LocalBackend {
    backend: Backend,
    /// The token of this tab's user session, as a cookie would hold it.
    session: Option<String>,
}

impl LocalBackend {
    fn open() -> Self {
        use gloo::storage::{LocalStorage, SessionStorage, Storage};
        let stored = LocalStorage::raw().get_item(LOCAL_KEY).ok().flatten();
        let read = stored
            .as_deref()
            .and_then(|s| serde_json::from_str::<State>(s).ok());
        if stored.is_some() && read.is_none() {
            demo_reset();
        }
        let mut backend = Backend::new(read.unwrap_or_else(State::seeded), random_bytes);
        // The links in the demo's emails open this app, wherever it is served.
        backend.link_base = gloo::utils::window()
            .location()
            .origin()
            .unwrap_or_default();
        let session = SessionStorage::get(TAB_KEY)
            .ok()
            .and_then(|tab| backend.resume(tab));
        LocalBackend { backend, session }
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
        self.backend.now = (js_sys::Date::now() / 1000.0).floor() as i64;
        let req = csp_demo::routes::Request {
            method,
            path,
            body,
            session: self.session.as_deref(),
        };
        let a = csp_demo::routes::handle(&mut self.backend, &req);
        if let Some(s) = &a.session {
            self.session = s.clone();
        }
        if method != "GET" {
            let _ = LocalStorage::set(LOCAL_KEY, &self.backend.state);
            let tab = self.backend.tab_sessions(self.session.as_deref());
            if tab == TabSessions::default() {
                gloo::storage::SessionStorage::delete(TAB_KEY);
            } else {
                let _ = gloo::storage::SessionStorage::set(TAB_KEY, &tab);
            }
        }
        a
    }
}

/// Forgets the demo's stores of earlier versions (see [`OLDER_LOCAL_KEYS`]).
fn forget_older_demo_data() {
    use gloo::storage::{LocalStorage, Storage};
    for key in OLDER_LOCAL_KEYS {
        if LocalStorage::raw().get_item(key).ok().flatten().is_some() {
            LocalStorage::delete(key);
            demo_reset();
        }
    }
}

/// Records that the demo's data was replaced by the seed data, for the sign-in page to say.
fn demo_reset() {
    use gloo::storage::{SessionStorage, Storage};
    let _ = SessionStorage::set(RESET_KEY, true);
}

/// 16 bytes from the browser's CSPRNG (temporary passwords, idempotency keys).
pub fn random_bytes() -> [u8; 16] {
    let mut b = [0u8; 16];
    if let Ok(c) = gloo::utils::window().crypto() {
        let _ = c.get_random_values_with_u8_array(&mut b);
    }
    b
}

/// The in-browser backend answers one request. In a release build it is a chunk of its own
/// (see `pages::lazy`), fetched with the first request, so a user of a real backend never loads it;
/// None when that chunk can't be fetched.
#[cfg(split_build)]
async fn answer_locally(
    b: &LocalCell,
    method: &str,
    path: &str,
    body: &str,
) -> Option<LocalAnswer> {
    #[wasm_split_helpers::wasm_split(backend, fallible)]
    fn answer(
        b: &LocalCell,
        method: &str,
        path: &str,
        body: &str,
    ) -> Result<LocalAnswer, wasm_split_helpers::SplitLoaderError> {
        Ok(answer_now(b, method, path, body))
    }
    answer(b, method, path, body).await.ok()
}

#[cfg(not(split_build))]
async fn answer_locally(
    b: &LocalCell,
    method: &str,
    path: &str,
    body: &str,
) -> Option<LocalAnswer> {
    Some(answer_now(b, method, path, body))
}

/// The in-browser backend, opened by its first request. Held as `dyn Any`, so that dropping it
/// is a call through its vtable, made where it is opened: the demo state's drop code then
/// stays in the backend's chunk instead of the first-load module, which drops an `Api`.
type LocalCell = RefCell<Option<Box<dyn std::any::Any>>>;

/// The in-browser backend of `cell`, opened if it isn't yet.
fn opened(cell: &mut Option<Box<dyn std::any::Any>>) -> &mut LocalBackend {
    cell.get_or_insert_with(|| Box::new(LocalBackend::open()))
        .downcast_mut()
        .expect("the cell holds a LocalBackend")
}

/// The in-browser backend's answer: status, body, and with 429 the seconds to wait.
type LocalAnswer = (u16, String, Option<u32>);

fn answer_now(b: &LocalCell, method: &str, path: &str, body: &str) -> LocalAnswer {
    let a = opened(&mut b.borrow_mut()).answer(method, path, body);
    (a.status, a.body, a.retry_after)
}

#[derive(Clone)]
enum Transport {
    Http { base: String, timeout_ms: u32 },
    Local(Rc<LocalCell>),
}

/// The client. The sessions' CSRF tokens (a partner user's, an applicant's) are held here, in
/// memory only, and sent with every state-changing request of their session.
#[derive(Clone)]
pub struct Api {
    transport: Transport,
    csrf: Rc<RefCell<Option<String>>>,
    applicant_csrf: Rc<RefCell<Option<String>>>,
}

impl PartialEq for Api {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.csrf, &other.csrf)
    }
}

impl Api {
    pub fn http(base: &str, timeout_ms: u32) -> Api {
        Api::with(Transport::Http {
            base: base.trim_end_matches('/').to_owned(),
            timeout_ms,
        })
    }

    pub fn local() -> Api {
        forget_older_demo_data();
        Api::with(Transport::Local(Rc::default()))
    }

    fn with(transport: Transport) -> Api {
        Api {
            transport,
            csrf: Rc::default(),
            applicant_csrf: Rc::default(),
        }
    }

    /// The in-browser backend itself, when that is the transport (tests seed it).
    pub fn local_backend(&self) -> Option<std::cell::RefMut<'_, Backend>> {
        match &self.transport {
            Transport::Local(b) => Some(std::cell::RefMut::map(b.borrow_mut(), |l| {
                &mut opened(l).backend
            })),
            Transport::Http { .. } => None,
        }
    }

    /// The in-browser backend before its first request, with no session of this tab to take
    /// back: there is nothing to ask it (nor need its chunk be fetched to say so).
    pub fn is_unopened_local(&self) -> bool {
        use gloo::storage::{SessionStorage, Storage};
        matches!(&self.transport, Transport::Local(b) if b.borrow().is_none())
            && SessionStorage::raw()
                .get_item(TAB_KEY)
                .ok()
                .flatten()
                .is_none()
    }

    /// The in-browser backend's data was replaced by the seed data in this tab (an older or
    /// unreadable store): users added before are gone.
    pub fn demo_was_reset(&self) -> bool {
        use gloo::storage::{SessionStorage, Storage};
        matches!(self.transport, Transport::Local(_))
            && SessionStorage::raw()
                .get_item(RESET_KEY)
                .ok()
                .flatten()
                .is_some()
    }

    /// The CSRF token of the session just opened or found, or none after sign-out.
    pub fn set_csrf(&self, token: Option<String>) {
        *self.csrf.borrow_mut() = token;
    }

    /// The CSRF token of the applicant's work-account session just opened.
    pub fn set_applicant_csrf(&self, token: &str) {
        *self.applicant_csrf.borrow_mut() = (!token.is_empty()).then(|| token.to_owned());
    }

    /// Calls one operation: `params` fill the path's `{…}` in order; `()` sends no body.
    pub async fn call<Q: Serialize, R: DeserializeOwned>(
        &self,
        op: &Endpoint<Q, R>,
        params: &[&str],
        req: &Q,
    ) -> Result<R, Failure> {
        if op.applicant && op.method != Method::Get && self.applicant_csrf.borrow().is_none() {
            // After a reload the applicant session's cookie is still there, its token is not.
            if let Ok(s) = Box::pin(self.call(&WORK_ACCOUNT_SESSION, &[], &())).await {
                self.set_applicant_csrf(&s.csrf_token);
            }
        }
        let r = self.send(op, params, "", req).await;
        match r {
            Err(f) if op.applicant && f.session_ended() => Err(Failure::WorkAccountSignedOut),
            r => r,
        }
    }

    /// One page of a list: the rows after `cursor` (from the start without one), as many as
    /// `limit` asks (the backend's default without one).
    pub async fn page<T: DeserializeOwned>(
        &self,
        op: &Endpoint<(), Page<T>>,
        limit: Option<usize>,
        cursor: Option<&str>,
    ) -> Result<Page<T>, Failure> {
        self.list(op, limit, cursor).await
    }

    /// A read narrowed by `query` (`name=value` pairs joined by `&`, already encoded).
    pub async fn get_where<R: DeserializeOwned>(
        &self,
        op: &Endpoint<(), R>,
        query: &str,
    ) -> Result<R, Failure> {
        self.send(op, &[], query, &()).await
    }

    /// One page of a list narrowed by `filter` (`name=value` pairs joined by `&`, already
    /// encoded): the rows after `cursor`, as many as the backend gives by default.
    pub async fn page_where<T: DeserializeOwned>(
        &self,
        op: &Endpoint<(), Page<T>>,
        filter: &str,
        cursor: Option<&str>,
    ) -> Result<Page<T>, Failure> {
        let query = [
            Some(filter.to_owned()),
            cursor.map(|c| format!("cursor={c}")),
        ]
        .into_iter()
        .flatten()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("&");
        self.send(op, &[], &query, &()).await
    }

    /// Every row of a list, its pages fetched one after the other: for a page that finds one
    /// row in it (the contract reads none by ID) or checks something against all of them.
    pub async fn all<T: DeserializeOwned>(
        &self,
        op: &Endpoint<(), Page<T>>,
    ) -> Result<Vec<T>, Failure> {
        let mut page = self.page(op, Some(MAX_LIMIT), None).await?;
        let mut rows = std::mem::take(&mut page.items);
        while let Some(c) = page.next_cursor.take() {
            page = self.page(op, Some(MAX_LIMIT), Some(&c)).await?;
            rows.append(&mut page.items);
        }
        Ok(rows)
    }

    /// A list's page (`csp_core::paging`), whatever shape its answer has.
    pub async fn list<R: DeserializeOwned>(
        &self,
        op: &Endpoint<(), R>,
        limit: Option<usize>,
        cursor: Option<&str>,
    ) -> Result<R, Failure> {
        let query = match (limit, cursor) {
            (Some(l), c) => paging::query(l, c),
            (None, Some(c)) => format!("cursor={c}"),
            (None, None) => String::new(),
        };
        self.send(op, &[], &query, &()).await
    }

    async fn send<Q: Serialize, R: DeserializeOwned>(
        &self,
        op: &Endpoint<Q, R>,
        params: &[&str],
        query: &str,
        req: &Q,
    ) -> Result<R, Failure> {
        let mut body = serde_json::to_string(req).expect("contract types serialize");
        if body == "null" {
            body.clear();
        }
        let mut path = op.url(params);
        if !query.is_empty() {
            path = format!("{path}?{query}");
        }
        let method = op.method.as_str();
        let (status, text) = match &self.transport {
            Transport::Local(b) => {
                // Yield once so the UI shows its busy state, as with a real request.
                gloo::timers::future::TimeoutFuture::new(0).await;
                match answer_locally(b, method, &path, &body).await {
                    Some((429, _, wait)) => return Err(Failure::TooMany(wait)),
                    Some((status, text, _)) => (status, text),
                    None => return Err(Failure::Network),
                }
            }
            Transport::Http { base, timeout_ms } => {
                let csrf = if op.applicant {
                    self.applicant_csrf.borrow().clone()
                } else {
                    self.csrf.borrow().clone()
                };
                http_call(base, *timeout_ms, method, &path, &body, csrf.as_deref()).await?
            }
        };
        decode(status, &text)
    }
}

fn decode<R: DeserializeOwned>(status: u16, text: &str) -> Result<R, Failure> {
    match status {
        200..=299 => serde_json::from_str(if text.is_empty() { "null" } else { text })
            .map_err(|_| Failure::Malformed),
        // The server's own request timeout, or a gateway's: the same as ours running out.
        408 | 504 => Err(Failure::Timeout),
        500..=599 => Err(Failure::Server(status)),
        429 => Err(Failure::TooMany(None)),
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
    csrf: Option<&str>,
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
    let mut rb = RequestBuilder::new(&format!("{base}{path}"))
        .method(m)
        .abort_signal(Some(&signal))
        .header("Accept", "application/json");
    if let (Some(token), false) = (csrf, method == "GET") {
        rb = rb.header("X-CSRF-Token", token);
    }
    let req = if body.is_empty() {
        rb.build()
    } else {
        rb.header("Content-Type", "application/json")
            .body(body.to_owned())
    };
    let req = req.map_err(|_| Failure::Network)?;
    let result = match req.send().await {
        Ok(resp) if resp.status() == 429 => Err(Failure::TooMany(
            resp.headers()
                .get("Retry-After")
                .and_then(|s| s.trim().parse().ok()),
        )),
        Ok(resp) => {
            let status = resp.status();
            match resp.text().await {
                Ok(t) => Ok((status, t)),
                Err(_) if timed_out.get() => Err(Failure::Timeout),
                // The connection broke before the whole answer arrived.
                Err(_) => Err(Failure::Network),
            }
        }
        Err(_) if timed_out.get() => Err(Failure::Timeout),
        Err(_) => Err(Failure::Network),
    };
    drop(timer);
    result
}
