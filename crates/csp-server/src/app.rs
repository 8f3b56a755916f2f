//! The application: shared state, the JSON body extractor, the router and its layers.

use crate::config::Config;
use crate::error::{ApiErr, ApiResult};
use crate::secrets::Hasher;
use crate::storage::Store;
use crate::throttle::Throttle;
use crate::{api, customers, partners, web};
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, FromRequest, Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post, put};
use axum::{Extension, Router};
use csp_core::api::ProgramSettings;
use csp_core::endpoint::{Endpoint, Method as Op};
use csp_core::enrollment::Context;
use csp_core::roles::RoleCatalog;
use serde::de::DeserializeOwned;
use std::sync::Arc;
use std::time::Duration;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

pub struct AppState {
    pub store: Store,
    pub cfg: Config,
    pub hasher: Hasher,
    /// Failed sign-ins (per account, per client address).
    pub throttle: Throttle,
    /// Work-account creation per client address (it is public).
    pub creations: Throttle,
    pub catalog: RoleCatalog,
    pub ctx: Context,
    pub settings: ProgramSettings,
    pub hosts: Vec<String>,
    pub origins: Vec<String>,
    /// The Content-Security-Policy, with the hashes of the build's inline scripts and styles.
    pub csp: HeaderValue,
    /// Argon2 runs at most this many at once: each takes `argon2_memory_kib` and a core.
    pub hashing: tokio::sync::Semaphore,
}

pub type Shared = Arc<AppState>;

pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

impl AppState {
    /// `port` is the bound port (the default allowed hosts and origins depend on it).
    pub fn new(store: Store, cfg: Config, port: u16) -> Shared {
        let hosts = cfg.hosts(port);
        let origins = cfg.origins(port);
        let csp = web::content_security_policy(&cfg.dist);
        Arc::new(AppState {
            store,
            hasher: Hasher::new(cfg.argon2_memory_kib, cfg.argon2_iterations),
            throttle: Throttle::new(
                cfg.failures_per_account,
                cfg.failures_per_client,
                cfg.throttle_window,
            ),
            creations: Throttle::new(20, 20, Duration::from_secs(3600)),
            catalog: RoleCatalog::builtin(),
            ctx: Context::default(),
            settings: ProgramSettings::default(),
            hosts,
            origins,
            csp,
            hashing: tokio::sync::Semaphore::new(4),
            cfg,
        })
    }
}

/// A request body the contract describes: JSON only (415 otherwise, which also stops
/// cross-origin form posts), at most `max_body_bytes` (413), syntax and shape checked (400),
/// every string within its `maxLength` (422 `too-long`).
pub struct JsonIn<T>(pub T);

/// The form an operation's body fills (`Endpoint::fields`), put on its route by [`at`]: what
/// a problem with the body names its fields after.
#[derive(Clone, Copy)]
struct BodyFields(&'static str);

impl<T: DeserializeOwned> FromRequest<Shared> for JsonIn<T> {
    type Rejection = ApiErr;
    async fn from_request(req: Request, state: &Shared) -> ApiResult<Self> {
        let form = req.extensions().get::<BodyFields>().map_or("", |f| f.0);
        let json = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .is_some_and(|m| m.trim().eq_ignore_ascii_case("application/json"));
        if !json {
            return Err(ApiErr::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media-type",
            ));
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|r| {
            if r.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiErr::new(StatusCode::PAYLOAD_TOO_LARGE, "payload-too-large")
            } else {
                ApiErr::bad_request()
            }
        })?;
        let v: serde_json::Value =
            serde_json::from_slice(&bytes).map_err(|_| ApiErr::bad_request())?;
        crate::limits::check(&v, form)?;
        serde_json::from_value(v)
            .map(JsonIn)
            .map_err(|_| ApiErr::bad_request())
    }
}

/// Routes one operation at the method and path `csp_core::endpoint` declares for it, so the
/// server, the client and the OpenAPI test share one declaration.
fn at<Q, R, H, T>(router: Router<Shared>, op: &Endpoint<Q, R>, handler: H) -> Router<Shared>
where
    H: axum::handler::Handler<T, Shared>,
    T: 'static,
{
    let route = match op.method {
        Op::Get => get(handler),
        Op::Post => post(handler),
        Op::Put => put(handler),
        Op::Delete => delete(handler),
    };
    router.route(op.path, route.layer(Extension(BodyFields(op.fields))))
}

/// The contract's routes, relative to the API prefix.
pub fn api_routes() -> Router<Shared> {
    use csp_core::endpoint::*;
    let r = Router::new();
    let r = at(r, &SETTINGS, api::settings);
    let r = at(r, &COUNTRIES, api::countries);
    let r = at(r, &ROLES, api::roles);
    let r = at(r, &WORK_ACCOUNT_SIGN_IN, api::work_account_sign_in);
    let r = at(r, &WORK_ACCOUNT_SESSION, api::work_account_session);
    let r = at(r, &WORK_ACCOUNT_SIGN_OUT, api::work_account_sign_out);
    let r = at(r, &CREATE_TENANT, api::create_tenant);
    let r = at(r, &PARTNER_NETWORK_PROFILES, api::partner_network_profiles);
    let r = at(r, &SUBMIT_APPLICATION, api::submit);
    let r = at(r, &APPLICATION, api::application);
    let r = at(r, &SET_APPLICATION_STATUS, api::set_status);
    let r = at(r, &SIGN_IN, api::sign_in);
    let r = at(r, &SESSION, api::session);
    let r = at(r, &SIGN_OUT, api::sign_out);
    let r = at(r, &CHANGE_PASSWORD, api::change_password);
    let r = at(r, &USERS, api::users);
    let r = at(r, &ADD_USER, api::add_user);
    let r = at(r, &UPDATE_ROLES, api::update_roles);
    let r = at(r, &REMOVE_USER, api::remove_user);
    let r = at(r, &MY_PARTNER, partners::my_partner);
    let r = at(r, &INDIRECT_PROVIDERS, partners::indirect_providers);
    let r = at(r, &INDIRECT_PROVIDER, partners::indirect_provider);
    let r = at(r, &AUTHORIZE_PROVIDER, partners::authorize_provider);
    let r = at(r, &INDIRECT_RESELLERS, partners::indirect_resellers);
    let r = at(r, &REMOVE_RESELLER, partners::remove_reseller);
    let r = at(r, &CUSTOMERS, customers::customers);
    let r = at(r, &ADD_CUSTOMER, customers::add_customer);
    let r = at(r, &DOMAIN_PREFIX, customers::domain_prefix);
    let r = at(r, &REMOVE_RELATIONSHIP, customers::remove_relationship);
    let r = at(r, &RELATIONSHIP_REQUESTS, customers::relationship_requests);
    let r = at(r, &REQUEST_RELATIONSHIP, customers::request_relationship);
    let r = at(
        r,
        &TERMINATE_RELATIONSHIP,
        customers::terminate_relationship,
    );
    r.fallback(|| async { ApiErr::not_found() })
        .method_not_allowed_fallback(|| async {
            ApiErr::new(StatusCode::METHOD_NOT_ALLOWED, "method-not-allowed")
        })
}

/// The whole site: the API under its prefix, the release build everywhere else.
pub fn router(state: Shared) -> Router {
    let api = api_routes()
        .layer(DefaultBodyLimit::max(state.cfg.max_body_bytes))
        .layer(middleware::from_fn_with_state(state.clone(), api_guard));
    // Innermost first: a panic or a timeout is answered in the error shape, and then gets the
    // security headers like every other response.
    let site = Router::new()
        .nest(&state.cfg.api_prefix.clone(), api)
        .fallback(web::static_file);
    let site = if state.cfg.test_faults {
        crate::faults::install(site)
    } else {
        site
    };
    site.layer(CatchPanicLayer::custom(|_| {
        ApiErr::server().into_response()
    }))
    .layer(TimeoutLayer::with_status_code(
        StatusCode::REQUEST_TIMEOUT,
        state.cfg.request_timeout,
    ))
    .layer(middleware::from_fn_with_state(state.clone(), site_guard))
    .layer(CompressionLayer::new().br(true).gzip(true))
    .layer(TraceLayer::new_for_http())
    .with_state(state)
}

/// Every response: the host is one we serve (no DNS-rebinding or host-header games), and the
/// security headers are set.
async fn site_guard(State(state): State<Shared>, req: Request, next: Next) -> Response {
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(str::to_owned)
        .or_else(|| req.uri().authority().map(|a| a.to_string()));
    let allowed = state.hosts.iter().any(|h| h == "*")
        || host
            .as_deref()
            .is_some_and(|h| state.hosts.iter().any(|a| a.eq_ignore_ascii_case(h)));
    let mut res = if allowed {
        let r = next.run(req).await;
        if r.status() == StatusCode::REQUEST_TIMEOUT {
            ApiErr::new(StatusCode::REQUEST_TIMEOUT, "request-timeout").into_response()
        } else {
            r
        }
    } else {
        ApiErr::new(StatusCode::BAD_REQUEST, "bad-host").into_response()
    };
    let h = res.headers_mut();
    h.insert(header::CONTENT_SECURITY_POLICY, state.csp.clone());
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        "cross-origin-resource-policy",
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=()"),
    );
    if state.cfg.secure_cookies {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        );
    }
    res
}

/// API requests: a state-changing request from another site is refused before anything runs
/// (Origin / Sec-Fetch-Site), an announced body over the limit is refused before it is read,
/// and no API answer is cached.
async fn api_guard(State(state): State<Shared>, req: Request, next: Next) -> Response {
    let unsafe_method = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let h = req.headers();
    let origin = h.get(header::ORIGIN).and_then(|v| v.to_str().ok());
    let fetch_site = h.get("sec-fetch-site").and_then(|v| v.to_str().ok());
    // The Origin decides when it is sent (an allowed origin may be another subdomain);
    // without one, a browser's Sec-Fetch-Site does.
    let cross = match origin {
        Some(o) => !state.origins.iter().any(|a| a.eq_ignore_ascii_case(o)),
        None => fetch_site.is_some_and(|s| s == "cross-site" || s == "same-site"),
    };
    let too_big = h
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok())
        .is_some_and(|n| n > state.cfg.max_body_bytes as u64);
    let mut res = if unsafe_method && cross {
        ApiErr::csrf().into_response()
    } else if too_big {
        ApiErr::new(StatusCode::PAYLOAD_TOO_LARGE, "payload-too-large").into_response()
    } else {
        next.run(req).await
    };
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}
