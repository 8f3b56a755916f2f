//! Throttling that holds: attempts are reserved in the database before the password hash, so
//! concurrent guesses get exactly the limit's worth of checks, on one instance or two sharing
//! the database; a lock holds even for the right password until its window ends; the client is
//! the TCP peer unless that is a trusted proxy, and IPv6 clients count by /64.

mod common;
use axum::body::Body;
use axum::http::Request;
use axum::Router;
use common::*;
use csp_server::extract::ClientAddr;
use csp_server::state::AppState;
use csp_server::storage::Store;
use serde_json::{json, Value};
use std::net::IpAddr;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tower::ServiceExt;

const ADMIN: &str = "admin@contoso.onmicrosoft.com";
const DAY: Duration = Duration::from_secs(24 * 3600);

/// The windows are fixed (aligned to the epoch): when the current one ends within `margin`,
/// waits for the next, so that a test's attempts all fall in one window.
async fn in_one_window(window: Duration, margin: Duration) {
    let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap();
    let w = window.as_millis();
    let left = Duration::from_millis((w - now.as_millis() % w) as u64);
    if left < margin {
        tokio::time::sleep(left + Duration::from_millis(50)).await;
    }
}

/// A request as the accept loop hands it on: from `peer` (none: an in-process caller), with
/// `X-Forwarded-For` when given.
fn post(path: &str, body: Value, peer: Option<&str>, forwarded: Option<&str>) -> Request<Body> {
    let mut b = Request::builder()
        .method("POST")
        .uri(format!("/api{path}"))
        .header("host", HOST)
        .header("content-type", "application/json");
    if let Some(f) = forwarded {
        b = b.header("x-forwarded-for", f);
    }
    if let Some(p) = peer {
        b = b.extension(ClientAddr(p.parse::<IpAddr>().unwrap()));
    }
    b.body(Body::from(body.to_string())).unwrap()
}

/// Status and `Retry-After`.
async fn send(app: &Router, req: Request<Body>) -> (u16, Option<u64>) {
    let r = app.clone().oneshot(req).await.unwrap();
    let retry = r
        .headers()
        .get("retry-after")
        .map(|v| v.to_str().unwrap().parse().unwrap());
    (r.status().as_u16(), retry)
}

fn sign_in(user: &str, password: &str) -> Value {
    json!({"user_name": user, "password": password})
}

/// Sends every request at once, each on its own task, and counts the answers by status.
async fn at_once(reqs: Vec<(Router, Request<Body>)>) -> std::collections::BTreeMap<u16, usize> {
    let tasks: Vec<_> = reqs
        .into_iter()
        .map(|(app, req)| tokio::spawn(async move { send(&app, req).await }))
        .collect();
    let mut counts = std::collections::BTreeMap::new();
    for t in tasks {
        let (status, retry) = t.await.unwrap();
        if status == 429 {
            assert!(retry.is_some_and(|s| s > 0), "429 says how long to wait");
        }
        *counts.entry(status).or_insert(0) += 1;
    }
    counts
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn forty_wrong_passwords_at_once_get_five_checks() {
    let t = with_config(|c| c.throttle_window = DAY).await;
    in_one_window(DAY, Duration::from_secs(30)).await;
    let reqs = (0..40)
        .map(|i| {
            let body = sign_in(ADMIN, &format!("guess-{i}"));
            (t.app.clone(), post("/session", body, None, None))
        })
        .collect();
    let counts = at_once(reqs).await;
    assert_eq!(counts.get(&401), Some(&5), "{counts:?}");
    assert_eq!(counts.get(&429), Some(&35), "{counts:?}");
    assert_eq!(counts.len(), 2, "{counts:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_instances_on_one_database_share_the_limit() {
    let t = with_config(|c| c.throttle_window = DAY).await;
    let mut cfg = test_config(&t.url);
    cfg.throttle_window = DAY;
    let other = AppState::new(Store::open(&t.url).await.unwrap(), cfg, 8090);
    let other = csp_server::startup::router(other);
    in_one_window(DAY, Duration::from_secs(30)).await;
    let reqs = (0..40)
        .map(|i| {
            let app = if i % 2 == 0 { &t.app } else { &other };
            let body = sign_in(ADMIN, &format!("guess-{i}"));
            (app.clone(), post("/session", body, None, None))
        })
        .collect();
    let counts = at_once(reqs).await;
    assert_eq!(counts.get(&401), Some(&5), "{counts:?}");
    assert_eq!(counts.get(&429), Some(&35), "{counts:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_password_check_holds_under_concurrency() {
    let t = with_config(|c| c.throttle_window = DAY).await;
    in_one_window(DAY, Duration::from_secs(30)).await;
    // The work-account and partner-network sign-ins, and the password change.
    let wa = (0..20)
        .map(|i| {
            let body = sign_in("admin@contoso.fr", &format!("guess-{i}"));
            let req = post("/work-account/sign-in", body, None, None);
            (t.app.clone(), req)
        })
        .collect();
    let counts = at_once(wa).await;
    assert_eq!((counts.get(&401), counts.get(&429)), (Some(&5), Some(&15)));
    let applicant = t.applicant("admin@contoso.com").await;
    let pn = (0..20)
        .map(|i| {
            let body = sign_in("pmc@contoso.fr", &format!("guess-{i}"));
            let req = with_who(
                post("/partner-network/profiles", body, None, None),
                &applicant,
            );
            (t.app.clone(), req)
        })
        .collect();
    let counts = at_once(pn).await;
    assert_eq!((counts.get(&401), counts.get(&429)), (Some(&5), Some(&15)));
    let who = t.sign_in(ADMIN, "demo").await;
    let change = (0..20)
        .map(|i| {
            let body = json!({"current_password": format!("guess-{i}"), "new_password": "Another-pass-42"});
            let req = with_who(post("/session/password", body, None, None), &who);
            (t.app.clone(), req)
        })
        .collect();
    let counts = at_once(change).await;
    assert_eq!((counts.get(&422), counts.get(&429)), (Some(&5), Some(&15)));
}

fn with_who(mut req: Request<Body>, who: &Who) -> Request<Body> {
    let h = req.headers_mut();
    h.insert("cookie", who.cookie.as_deref().unwrap().parse().unwrap());
    h.insert(
        "x-csrf-token",
        who.csrf.as_deref().unwrap().parse().unwrap(),
    );
    req
}

#[tokio::test]
async fn the_right_password_waits_until_the_window_ends() {
    let window = Duration::from_secs(3);
    let t = with_config(|c| c.throttle_window = window).await;
    // All five failures in one window: start right after a window begins.
    in_one_window(window, window).await;
    for i in 0..5 {
        let req = post(
            "/session",
            sign_in(ADMIN, &format!("guess-{i}")),
            None,
            None,
        );
        assert_eq!(send(&t.app, req).await.0, 401);
    }
    let (status, retry) = send(&t.app, post("/session", sign_in(ADMIN, "demo"), None, None)).await;
    assert_eq!(status, 429, "even the right password waits");
    let retry = retry.unwrap();
    assert!((1..=3).contains(&retry), "{retry}");
    // Still locked on a second try within the window.
    let (status, _) = send(&t.app, post("/session", sign_in(ADMIN, "demo"), None, None)).await;
    assert_eq!(status, 429);
    tokio::time::sleep(Duration::from_secs(retry) + Duration::from_millis(100)).await;
    let (status, _) = send(&t.app, post("/session", sign_in(ADMIN, "demo"), None, None)).await;
    assert_eq!(status, 200, "the window has ended");
    // A success clears the account's failures.
    let (status, _) = send(&t.app, post("/session", sign_in(ADMIN, "x"), None, None)).await;
    assert_eq!(status, 401);
}

/// `failures_per_client` = 3 (accounts unlimited): sends a wrong password for a new account
/// from `peer` (with `forwarded`) and returns the status.
async fn failure_from(t: &T, n: &mut u32, peer: &str, forwarded: Option<&str>) -> u16 {
    *n += 1;
    let body = sign_in(&format!("user{n}@contoso.cn"), "wrong");
    send(&t.app, post("/session", body, Some(peer), forwarded))
        .await
        .0
}

#[tokio::test]
async fn forwarded_for_counts_only_behind_a_trusted_proxy() {
    let t = with_config(|c| {
        c.throttle_window = DAY;
        c.failures_per_client = 3;
        c.trusted_proxies = vec!["10.0.0.0/8".parse().unwrap()];
    })
    .await;
    in_one_window(DAY, Duration::from_secs(30)).await;
    let n = &mut 0;
    // An untrusted peer's X-Forwarded-For is ignored: a new address in it each time does not
    // make a new client.
    for i in 0..3 {
        let xff = format!("198.51.100.{i}");
        assert_eq!(failure_from(&t, n, "203.0.113.5", Some(&xff)).await, 401);
    }
    assert_eq!(
        failure_from(&t, n, "203.0.113.5", Some("198.51.100.9")).await,
        429
    );
    // Behind the trusted proxy, each forwarded client has its own count (not the proxy's).
    for _ in 0..3 {
        assert_eq!(
            failure_from(&t, n, "10.0.0.1", Some("198.51.100.1")).await,
            401
        );
    }
    assert_eq!(
        failure_from(&t, n, "10.0.0.1", Some("198.51.100.1")).await,
        429
    );
    assert_eq!(
        failure_from(&t, n, "10.0.0.2", Some("198.51.100.1")).await,
        429,
        "the same client through another proxy"
    );
    assert_eq!(
        failure_from(&t, n, "10.0.0.1", Some("198.51.100.2")).await,
        401,
        "another client through the same proxy"
    );
    // What the client wrote itself (left of the right-most untrusted address) is not believed.
    assert_eq!(
        failure_from(&t, n, "10.0.0.1", Some("192.0.2.77, 198.51.100.1")).await,
        429
    );
    assert_eq!(
        failure_from(
            &t,
            n,
            "10.0.0.1",
            Some("192.0.2.77, 198.51.100.1, 10.0.0.3")
        )
        .await,
        429,
        "a chain of trusted proxies"
    );

    // Without trusted proxies, the proxy is the client.
    let plain = with_config(|c| {
        c.throttle_window = DAY;
        c.failures_per_client = 3;
    })
    .await;
    let n = &mut 0;
    for i in 0..3 {
        let xff = format!("198.51.100.{i}");
        assert_eq!(failure_from(&plain, n, "10.0.0.1", Some(&xff)).await, 401);
    }
    assert_eq!(
        failure_from(&plain, n, "10.0.0.1", Some("198.51.100.7")).await,
        429
    );
}

#[tokio::test]
async fn ipv6_clients_in_one_64_share_a_count() {
    let t = with_config(|c| {
        c.throttle_window = DAY;
        c.failures_per_client = 3;
    })
    .await;
    in_one_window(DAY, Duration::from_secs(30)).await;
    let n = &mut 0;
    for peer in ["2001:db8:1:2::1", "2001:db8:1:2::2", "2001:db8:1:2:ffff::3"] {
        assert_eq!(failure_from(&t, n, peer, None).await, 401);
    }
    assert_eq!(
        failure_from(&t, n, "2001:db8:1:2:aaaa:bbbb:cccc:dddd", None).await,
        429
    );
    assert_eq!(
        failure_from(&t, n, "2001:db8:1:3::1", None).await,
        401,
        "the next /64"
    );
    // An IPv4 client reported by a dual-stack socket is that IPv4 address.
    for _ in 0..3 {
        assert_eq!(failure_from(&t, n, "192.0.2.1", None).await, 401);
    }
    assert_eq!(failure_from(&t, n, "::ffff:192.0.2.1", None).await, 429);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn tenant_creation_is_limited_per_client_at_once_too() {
    let t = new().await;
    in_one_window(Duration::from_secs(3600), Duration::from_secs(30)).await;
    let tenant = |prefix: String| json!({"organization": "Org", "domain_prefix": prefix, "country": "FR", "admin_first_name": "A", "admin_last_name": "B", "admin_email": "a@contoso.fr"});
    // A refused form does not count: the limit is on tenants made.
    for _ in 0..5 {
        let req = post(
            "/work-account/tenants",
            tenant("bad prefix".into()),
            None,
            None,
        );
        assert_eq!(send(&t.app, req).await.0, 422);
    }
    let reqs = (0..24)
        .map(|i| {
            let req = post(
                "/work-account/tenants",
                tenant(format!("tenant{i}")),
                None,
                None,
            );
            (t.app.clone(), req)
        })
        .collect();
    let counts = at_once(reqs).await;
    assert_eq!(
        (counts.get(&201), counts.get(&429)),
        (Some(&20), Some(&4)),
        "{counts:?}"
    );
}

#[tokio::test]
async fn the_sweep_keeps_current_windows() {
    let t = new().await;
    let store = &t.state.store;
    let keys = vec!["test/a/x".to_string()];
    store.reserve_attempts(&keys, 1_000).await.unwrap();
    store.reserve_attempts(&keys, 2_000).await.unwrap();
    assert_eq!(store.delete_old_attempts(2_000).await.unwrap(), 1);
    assert_eq!(
        store.attempts(&keys, 2_000).await.unwrap(),
        vec![("test/a/x".to_string(), 1)]
    );
}
