//! Start-up, the top layer: the router built from `csp_core::endpoint`'s declarations and the
//! route handlers, its layers (host check, security headers, CSRF origin check, body limit,
//! timeout, panics, compression, tracing), and the server's run: storage, seeding, the
//! sweeper (ended sessions and throttle windows), the mail worker and the accept loop. Nothing else in the
//! crate imports it.

use crate::config::Config;
use crate::error::ApiErr;
use crate::extract::BodyFields;
use crate::routes::{
    acceptance, customers, enrollment, files, invitations, partners, profile, review, session,
    users, work_account,
};
use crate::state::{now, AppState, Shared};
use crate::storage::Store;
use crate::{faults, mail, observe, seed, server};
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post, put};
use axum::{Extension, Router};
use csp_core::endpoint::{Endpoint, Method as Op};
use std::net::SocketAddr;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{PropagateRequestIdLayer, RequestId, SetRequestIdLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

/// Opens storage (migrating it), seeds demo data into an empty database if asked, binds, and
/// serves until `shutdown`. Prints the address line the scripts wait for.
pub async fn run(
    cfg: Config,
    shutdown: impl std::future::Future<Output = ()>,
) -> Result<(), Box<dyn std::error::Error>> {
    let listener = tokio::net::TcpListener::bind(SocketAddr::new(cfg.bind, cfg.port)).await?;
    run_on(listener, cfg, shutdown).await
}

/// [`run`] on a listener the caller bound (tests bind port 0).
pub async fn run_on(
    listener: tokio::net::TcpListener,
    cfg: Config,
    shutdown: impl std::future::Future<Output = ()>,
) -> Result<(), Box<dyn std::error::Error>> {
    let store = Store::open(&cfg.database_url).await?;
    let port = listener.local_addr()?.port();
    let limits = server::Limits {
        header_read_timeout: cfg.header_read_timeout,
        max_connections: cfg.max_connections,
        drain: std::time::Duration::from_secs(10),
    };
    let demo_data = cfg.demo_data;
    let metrics = match cfg.metrics_addr {
        Some(addr) => Some(tokio::net::TcpListener::bind(addr).await?),
        None => None,
    };
    let mailer = mail::Mailer::new(&cfg.mail)?;
    let state = AppState::new(store.clone(), cfg, port);
    seed::on_start(&state, demo_data).await?;
    let mail_worker = match mailer {
        Some(m) => Some(tokio::spawn(mail::worker(state.clone(), m))),
        None => {
            tracing::warn!(
                "no --smtp-url or --mail-dir: emails wait in the outbox until one is set"
            );
            None
        }
    };
    let sweeper = {
        let state = state.clone();
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(std::time::Duration::from_secs(300)).await;
                let t = now();
                let idle = t - state.cfg.session_idle.as_secs() as i64;
                let abs = t - state.cfg.session_absolute.as_secs() as i64;
                if let Err(e) = state.store.delete_expired_sessions(idle, abs).await {
                    tracing::warn!(error = %e, "session sweep failed");
                }
                // Throttle windows that have ended, by the longest window: a current one is
                // never deleted, so no lock is lifted early.
                let longest = state.throttle.window().max(state.creations.window());
                let ended = t - longest.as_secs() as i64;
                if let Err(e) = state.store.delete_old_attempts(ended).await {
                    tracing::warn!(error = %e, "throttle sweep failed");
                }
            }
        })
    };
    let exporter = metrics.map(|listener| {
        observe::recorder();
        let app = Router::new().route("/metrics", get(observe::render));
        tokio::spawn(async move { axum::serve(listener, app).await })
    });
    println!(
        "csp-server: http://{}:{port}/ (API under {}, files from {})",
        state.cfg.bind,
        state.cfg.api_prefix,
        state.cfg.dist.display()
    );
    // Shutdown begins with readiness failing, then serves on for the grace time so a load
    // balancer moves away before connections close.
    let drain = {
        let state = state.clone();
        async move {
            shutdown.await;
            state
                .draining
                .store(true, std::sync::atomic::Ordering::Relaxed);
            tracing::info!(grace = ?state.cfg.drain_grace, "shutting down: /readyz now answers 503");
            tokio::time::sleep(state.cfg.drain_grace).await;
        }
    };
    server::serve(listener, router(state), limits, drain).await;
    sweeper.abort();
    // A send cut off here is claimed again when its lease ends, by this instance's next
    // start or by another one.
    if let Some(w) = mail_worker {
        w.abort();
    }
    if let Some(e) = exporter {
        e.abort();
    }
    store.close().await;
    Ok(())
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
    let r = at(r, &SETTINGS, enrollment::settings);
    let r = at(r, &COUNTRIES, enrollment::countries);
    let r = at(r, &ROLES, enrollment::roles);
    let r = at(r, &WORK_ACCOUNT_SIGN_IN, work_account::work_account_sign_in);
    let r = at(r, &WORK_ACCOUNT_SESSION, work_account::work_account_session);
    let r = at(
        r,
        &WORK_ACCOUNT_SIGN_OUT,
        work_account::work_account_sign_out,
    );
    let r = at(r, &CREATE_TENANT, work_account::create_tenant);
    let r = at(
        r,
        &PARTNER_NETWORK_PROFILES,
        work_account::partner_network_profiles,
    );
    let r = at(r, &SUBMIT_APPLICATION, enrollment::submit);
    let r = at(r, &APPLICATION, enrollment::application);
    let r = at(r, &VERIFY_EMAIL, enrollment::verify_email);
    let r = at(
        r,
        &RESEND_VERIFICATION_BY_LINK,
        enrollment::resend_verification_by_link,
    );
    let r = at(r, &RESEND_VERIFICATION, enrollment::resend_verification);
    let r = at(r, &APPLICATION_ANSWERS, enrollment::answers_of);
    let r = at(r, &RESUBMIT_APPLICATION, enrollment::resubmit);
    let r = at(r, &REVIEW_QUEUE, review::queue);
    let r = at(r, &REVIEW_APPLICATION, review::application);
    let r = at(r, &DECIDE, review::decide);
    let r = at(r, &ASSIGN, review::assign);
    let r = at(r, &AGREEMENT, partners::agreement);
    let r = at(r, &SIGN_AGREEMENT, partners::sign_agreement);
    let r = at(r, &SIGN_IN, session::sign_in);
    let r = at(r, &SESSION, session::session);
    let r = at(r, &SIGN_OUT, session::sign_out);
    let r = at(r, &CHANGE_PASSWORD, session::change_password);
    let r = at(r, &USERS, users::users);
    let r = at(r, &ADD_USER, users::add_user);
    let r = at(r, &UPDATE_ROLES, users::update_roles);
    let r = at(r, &REMOVE_USER, users::remove_user);
    let r = at(r, &RESEND_INVITATION, users::resend_invitation);
    let r = at(r, &LOOKUP_INVITATION, invitations::lookup);
    let r = at(r, &ACCEPT_INVITATION, invitations::accept);
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
    let r = at(r, &BUSINESS_PROFILE, profile::business_profile);
    let r = at(r, &PUBLISH_PROFILE, profile::publish_profile);
    let r = at(r, &PROVIDER_DIRECTORY, profile::directory);
    let r = at(r, &PARTNERSHIP_REQUESTS, profile::partnership_requests);
    let r = at(r, &REQUEST_PARTNERSHIP, profile::request_partnership);
    let r = at(r, &SEND_INVITATION, profile::send_invitation);
    let r = at(r, &CUSTOMER_INVITATION, acceptance::invitation);
    let r = at(r, &ANSWER_INVITATION, acceptance::answer);
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
        .fallback(files::static_file);
    let site = if state.cfg.test_faults {
        faults::install(site)
    } else {
        site
    };
    let site = site
        .layer(CatchPanicLayer::custom(|_| {
            ApiErr::server().into_response()
        }))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            state.cfg.request_timeout,
        ))
        .layer(middleware::from_fn(observe::track))
        .layer(middleware::from_fn_with_state(state.clone(), site_guard))
        .layer(CompressionLayer::new().br(true).gzip(true))
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(
            // The access log: one line a request at info, with its id, method, path and
            // status (refusals included), never a header or body.
            TraceLayer::new_for_http()
                .make_span_with(|req: &Request| {
                    let id = req
                        .extensions()
                        .get::<RequestId>()
                        .and_then(|id| id.header_value().to_str().ok())
                        .unwrap_or_default()
                        .to_owned();
                    tracing::info_span!("request", id, method = %req.method(), path = %req.uri().path())
                })
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
        .layer(SetRequestIdLayer::x_request_id(observe::MakeId))
        .with_state(state.clone());
    // Health checks come from the load balancer, whatever Host it sends, and are neither
    // logged nor counted.
    Router::new()
        .route("/livez", get(observe::livez))
        .route("/readyz", get(observe::readyz))
        .with_state(state)
        .merge(site)
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
