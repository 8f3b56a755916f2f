//! What an operator and a load balancer see of the running server: liveness and readiness,
//! Prometheus metrics (requests by route, method and status, with latency histograms; sign-ins
//! by outcome), and a request id on every response and log line.

use crate::state::Shared;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use std::sync::atomic::Ordering;
use std::sync::OnceLock;
use std::time::Instant;
use tower_http::request_id::{MakeRequestId, RequestId};

/// `GET /livez`: the process answers.
pub async fn livez() -> &'static str {
    "ok"
}

/// `GET /readyz`: 200 while the database answers and the server is not shutting down; 503
/// otherwise, so a load balancer sends requests elsewhere.
pub async fn readyz(State(state): State<Shared>) -> Response {
    if state.draining.load(Ordering::Relaxed) {
        (StatusCode::SERVICE_UNAVAILABLE, "draining").into_response()
    } else if state.store.ping().await {
        "ok".into_response()
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
    }
}

/// The process's Prometheus recorder, installed the first time metrics are asked for (a
/// recorder is global to the process).
pub fn recorder() -> &'static PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE.get_or_init(|| {
        let recorder = PrometheusBuilder::new()
            .set_buckets(&[
                0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
            ])
            .expect("static buckets")
            .build_recorder();
        let handle = recorder.handle();
        // Another recorder already installed (an embedding program's) keeps counting; this
        // handle then renders what it was given.
        let _ = metrics::set_global_recorder(recorder);
        handle
    })
}

/// Counts and times every request by its route pattern (never the raw path: IDs would make
/// a series each), method and status.
pub async fn track(req: Request, next: Next) -> Response {
    let start = Instant::now();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "other".to_owned(), |p| p.as_str().to_owned());
    let method = req.method().to_string();
    let res = next.run(req).await;
    let status = res.status().as_u16().to_string();
    let labels = [("route", route), ("method", method), ("status", status)];
    metrics::counter!("http_requests_total", &labels).increment(1);
    metrics::histogram!("http_request_duration_seconds", &labels[..2])
        .record(start.elapsed().as_secs_f64());
    res
}

/// A sign-in's outcome, counted per kind of sign-in (`portal`, `work-account`,
/// `partner-network`, `password-change`).
pub fn sign_in(kind: &'static str, outcome: &'static str) {
    metrics::counter!("csp_sign_ins_total", "kind" => kind, "outcome" => outcome).increment(1);
}

/// `GET /metrics` on the metrics address.
pub async fn render() -> String {
    recorder().render()
}

/// Request ids: 16 random bytes in hex. A request that arrives with an `x-request-id` (set by
/// the load balancer in front) keeps it, so one id follows it through both logs.
#[derive(Clone, Default)]
pub struct MakeId;

impl MakeRequestId for MakeId {
    fn make_request_id<B>(&mut self, _: &axum::http::Request<B>) -> Option<RequestId> {
        let id = crate::secrets::random_bytes::<16>().ok()?;
        HeaderValue::from_str(&crate::secrets::hex(&id))
            .ok()
            .map(RequestId::new)
    }
}
