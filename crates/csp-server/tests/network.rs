//! The server over real loopback sockets: a stalled client does not delay others, the
//! connection cap holds, an announced 1 GiB body is refused unread, data survives a restart,
//! and the e2e tests' fault switch (`--test-faults`) does what it says and nothing without it.

mod common;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

struct Running {
    port: u16,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<()>,
}

async fn start(url: &str, f: impl FnOnce(&mut csp_server::config::Config)) -> Running {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let mut cfg = common::test_config(url);
    cfg.port = port;
    f(&mut cfg);
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        csp_server::run_on(listener, cfg, async {
            let _ = rx.await;
        })
        .await
        .unwrap();
    });
    // Ready when /api/settings answers.
    for _ in 0..100 {
        if let Ok((200, _)) = request(port, "GET", "/api/settings", None, &[]).await {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Running {
        port,
        stop: Some(tx),
        task,
    }
}

impl Running {
    async fn stop(mut self) {
        let _ = self.stop.take().unwrap().send(());
        tokio::time::timeout(Duration::from_secs(15), self.task)
            .await
            .unwrap()
            .unwrap();
    }
}

/// One HTTP/1.1 request with `Connection: close`: (status, body).
async fn request(
    port: u16,
    method: &str,
    path: &str,
    body: Option<&str>,
    headers: &[(&str, &str)],
) -> std::io::Result<(u16, String)> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).await?;
    let mut req =
        format!("{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n");
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    if let Some(b) = body {
        req.push_str(&format!(
            "Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{b}",
            b.len()
        ));
    } else {
        req.push_str("\r\n");
    }
    s.write_all(req.as_bytes()).await?;
    let mut out = Vec::new();
    s.read_to_end(&mut out).await?;
    let text = String::from_utf8_lossy(&out).to_string();
    let status = text.get(9..12).and_then(|c| c.parse().ok()).unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    Ok((status, body))
}

fn header_of(raw: &str, name: &str) -> Option<String> {
    raw.lines().find_map(|l| {
        l.split_once(':')
            .filter(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.trim().to_string())
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stalled_client_does_not_delay_others() {
    let dir = tempfile::tempdir().unwrap();
    let url = common::test_db_url(&dir).await;
    let srv = start(&url, |c| {
        c.header_read_timeout = Duration::from_secs(1);
        c.request_timeout = Duration::from_secs(2);
    })
    .await;
    let port = srv.port;
    // One client sends half its headers, another announces a body and sends one byte.
    let mut half_headers = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
    half_headers
        .write_all(b"GET /api/settings HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        .await
        .unwrap();
    let mut half_body = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
    let head = format!("POST /api/session HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{{");
    half_body.write_all(head.as_bytes()).await.unwrap();
    let t0 = Instant::now();
    for _ in 0..20 {
        let t = Instant::now();
        let (s, _) = request(port, "GET", "/api/settings", None, &[])
            .await
            .unwrap();
        assert_eq!(s, 200);
        assert!(
            t.elapsed() < Duration::from_millis(500),
            "{:?}",
            t.elapsed()
        );
    }
    assert!(t0.elapsed() < Duration::from_secs(2));
    // Both stalled clients are cut off by the timeouts.
    let mut buf = Vec::new();
    let r = tokio::time::timeout(Duration::from_secs(5), half_headers.read_to_end(&mut buf)).await;
    assert!(
        r.is_ok(),
        "the header read timeout closes the half-open connection"
    );
    let mut buf = Vec::new();
    let r = tokio::time::timeout(Duration::from_secs(5), half_body.read_to_end(&mut buf)).await;
    assert!(r.is_ok(), "the request timeout ends the stalled body");
    assert!(
        String::from_utf8_lossy(&buf).starts_with("HTTP/1.1 408")
            && String::from_utf8_lossy(&buf).contains("request-timeout"),
        "{}",
        String::from_utf8_lossy(&buf)
    );
    srv.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connections_beyond_the_cap_are_closed_not_queued() {
    let dir = tempfile::tempdir().unwrap();
    let url = common::test_db_url(&dir).await;
    let srv = start(&url, |c| c.max_connections = 4).await;
    // Let the readiness probe's connection close and give its slot back first.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let mut idle = vec![];
    for _ in 0..4 {
        idle.push(TcpStream::connect(("127.0.0.1", srv.port)).await.unwrap());
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    let mut extra = TcpStream::connect(("127.0.0.1", srv.port)).await.unwrap();
    let _ = extra
        .write_all(b"GET /api/settings HTTP/1.1\r\nHost: x\r\n\r\n")
        .await;
    let mut buf = Vec::new();
    let n = tokio::time::timeout(Duration::from_secs(5), extra.read_to_end(&mut buf)).await;
    assert!(
        matches!(n, Ok(Ok(0)) | Ok(Err(_))),
        "closed without an answer: {n:?} {buf:?}"
    );
    idle.clear();
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(
        request(srv.port, "GET", "/api/settings", None, &[])
            .await
            .unwrap()
            .0,
        200
    );
    srv.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_announced_gigabyte_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let srv = start(&common::test_db_url(&dir).await, |_| {}).await;
    let mut s = TcpStream::connect(("127.0.0.1", srv.port)).await.unwrap();
    let head = format!(
        "POST /api/session HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Type: application/json\r\nContent-Length: 1073741824\r\n\r\n",
        srv.port
    );
    s.write_all(head.as_bytes()).await.unwrap();
    let mut buf = vec![0u8; 4096];
    let n = tokio::time::timeout(Duration::from_secs(3), s.read(&mut buf))
        .await
        .unwrap()
        .unwrap();
    let text = String::from_utf8_lossy(&buf[..n]);
    assert!(text.starts_with("HTTP/1.1 413"), "{text}");
    assert!(header_of(&text, "content-type")
        .unwrap()
        .starts_with("application/json"));
    srv.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn data_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let url = common::test_db_url(&dir).await;
    let srv = start(&url, |_| {}).await;
    let port = srv.port;
    let raw = {
        let mut s = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        let body = r#"{"user_name":"admin@contoso.onmicrosoft.com","password":"demo"}"#;
        let req = format!(
            "POST /api/session HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        );
        s.write_all(req.as_bytes()).await.unwrap();
        let mut out = Vec::new();
        s.read_to_end(&mut out).await.unwrap();
        String::from_utf8(out).unwrap()
    };
    let cookie = header_of(&raw, "set-cookie")
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    let csrf: serde_json::Value =
        serde_json::from_str(raw.split_once("\r\n\r\n").unwrap().1).unwrap();
    let csrf = csrf["csrf_token"].as_str().unwrap().to_string();
    let email = format!(
        "restart-{}@contoso.cn",
        &csp_server::secrets::new_id("x").unwrap()[2..10]
    );
    let body = format!(
        r#"{{"name":"Kept","email":"{email}","agent_role":"helpdesk-agent","admin_role":null}}"#
    );
    let (s, _) = request(
        port,
        "POST",
        "/api/users",
        Some(&body),
        &[("Cookie", &cookie), ("X-CSRF-Token", &csrf)],
    )
    .await
    .unwrap();
    assert_eq!(s, 201);
    srv.stop().await;

    let srv = start(&url, |_| {}).await;
    let (s, users) = request(srv.port, "GET", "/api/users", None, &[("Cookie", &cookie)])
        .await
        .unwrap();
    assert_eq!(s, 200, "the session survives too");
    assert!(users.contains(&email), "{users}");
    srv.stop().await;
}

/// Arms one fault through the control route (from loopback, as the e2e tests do).
async fn arm(port: u16, body: &str) -> u16 {
    request(port, "POST", "/__test__/faults", Some(body), &[])
        .await
        .unwrap()
        .0
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_the_switch_no_fault_can_be_armed() {
    let dir = tempfile::tempdir().unwrap();
    let srv = start(&common::test_db_url(&dir).await, |_| {}).await;
    let fault = r#"{"method":"GET","path":"/api/settings","fault":"server-error"}"#;
    assert_eq!(
        arm(srv.port, fault).await,
        405,
        "no such route: a plain file path"
    );
    let (s, _) = request(srv.port, "DELETE", "/__test__/faults", None, &[])
        .await
        .unwrap();
    assert_eq!(s, 405);
    let (s, body) = request(srv.port, "GET", "/api/settings", None, &[])
        .await
        .unwrap();
    assert_eq!(s, 200, "{body}");
    srv.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_armed_fault_answers_its_requests_then_the_server_does() {
    let dir = tempfile::tempdir().unwrap();
    let srv = start(&common::test_db_url(&dir).await, |c| {
        c.test_faults = true;
        c.request_timeout = Duration::from_secs(1);
    })
    .await;
    let port = srv.port;
    let get = || request(port, "GET", "/api/settings", None, &[]);
    let json = |b: &str| serde_json::from_str::<serde_json::Value>(b);

    // 500 twice, in the contract's shape; other methods and paths are left alone.
    let a = r#"{"method":"get","path":"/api/settings","fault":"server-error","times":2}"#;
    assert_eq!(arm(port, a).await, 204);
    let (s, _) = request(port, "GET", "/api/countries", None, &[])
        .await
        .unwrap();
    assert_eq!(s, 200);
    for _ in 0..2 {
        let (s, b) = get().await.unwrap();
        assert_eq!(
            (s, json(&b).unwrap()["error"].as_str()),
            (500, Some("server"))
        );
    }
    assert_eq!(get().await.unwrap().0, 200);

    // A 200 whose JSON is cut short.
    let a = r#"{"method":"GET","path":"/api/settings","fault":"malformed-json"}"#;
    assert_eq!(arm(port, a).await, 204);
    let (s, b) = get().await.unwrap();
    assert_eq!(s, 200);
    assert!(json(&b).is_err(), "{b}");

    // 409 and 422 with the armed field problems; the handler never runs (no session made).
    let a = r#"{"method":"POST","path":"/api/session","fault":"conflict"}"#;
    assert_eq!(arm(port, a).await, 204);
    let a = r#"{"method":"POST","path":"/api/session","fault":"validation","field_errors":[{"field":"session.user_name","code":"email-format"}]}"#;
    assert_eq!(arm(port, a).await, 204);
    let sign_in = r#"{"user_name":"admin@contoso.onmicrosoft.com","password":"demo"}"#;
    let (s, b) = request(port, "POST", "/api/session", Some(sign_in), &[])
        .await
        .unwrap();
    assert_eq!(
        (s, json(&b).unwrap()["error"].as_str()),
        (409, Some("conflict"))
    );
    let (s, b) = request(port, "POST", "/api/session", Some(sign_in), &[])
        .await
        .unwrap();
    let b = json(&b).unwrap();
    assert_eq!((s, b["error"].as_str()), (422, Some("validation")));
    assert_eq!(b["field_errors"][0]["field"], "session.user_name");
    assert_eq!(b["field_errors"][0]["code"], "email-format");
    assert!(b.get("csrf_token").is_none());

    // No answer: the server's own request timeout ends it.
    let a = r#"{"method":"GET","path":"/api/settings","fault":"timeout"}"#;
    assert_eq!(arm(port, a).await, 204);
    let t = Instant::now();
    let (s, _) = get().await.unwrap();
    assert_eq!(s, 408);
    assert!(t.elapsed() >= Duration::from_secs(1), "{:?}", t.elapsed());

    // The connection closed without a byte.
    let a = r#"{"method":"GET","path":"/api/settings","fault":"drop-connection"}"#;
    assert_eq!(arm(port, a).await, 204);
    match get().await {
        Ok((s, b)) => assert_eq!((s, b.as_str()), (0, ""), "nothing was written"),
        Err(e) => assert_eq!(e.kind(), std::io::ErrorKind::ConnectionReset),
    }
    assert_eq!(get().await.unwrap().0, 200);

    // Cleared all at once; nonsense refused.
    let a = r#"{"method":"GET","path":"/api/settings","fault":"server-error","times":5}"#;
    assert_eq!(arm(port, a).await, 204);
    let (s, _) = request(port, "DELETE", "/__test__/faults", None, &[])
        .await
        .unwrap();
    assert_eq!(s, 204);
    assert_eq!(get().await.unwrap().0, 200);
    for bad in [
        r#"{"method":"GET","path":"/api/settings","fault":"teapot"}"#,
        r#"{"method":"GET","path":"/api/settings","fault":"timeout","times":0}"#,
        r#"{"method":"GET","path":"/api/settings"}"#,
    ] {
        assert_eq!(arm(port, bad).await, 400, "{bad}");
    }
    srv.stop().await;
}

#[tokio::test]
async fn faults_are_armed_from_loopback_only() {
    use axum::body::Body;
    use axum::http::Request;
    // In process there is no peer address, as for a client the server cannot place.
    let t = common::with_config(|c| c.test_faults = true).await;
    let req = Request::post("/__test__/faults")
        .header("host", common::HOST)
        .header("content-type", "application/json")
        .body(Body::from(
            r#"{"method":"GET","path":"/api/settings","fault":"server-error"}"#,
        ))
        .unwrap();
    assert_eq!(t.raw(req).await.status, 404);
    assert_eq!(
        t.call("GET", "/settings", None, &common::ANON).await.status,
        200
    );
}

/// What a load balancer and an operator read: liveness, readiness (503 from the moment
/// shutdown begins, while requests are still served for the grace time), Prometheus metrics
/// on their own address, and a request id on every answer.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_readiness_metrics_and_request_ids() {
    let dir = tempfile::tempdir().unwrap();
    let url = common::test_db_url(&dir).await;
    let metrics_port = TcpListener::bind("127.0.0.1:0")
        .await
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let s = start(&url, |c| {
        c.drain_grace = Duration::from_secs(2);
        c.metrics_addr = Some(([127, 0, 0, 1], metrics_port).into());
    })
    .await;
    // A health check sends whatever Host it likes (HAProxy's sends none).
    let mut raw = TcpStream::connect(("127.0.0.1", s.port)).await.unwrap();
    raw.write_all(b"GET /readyz HTTP/1.0\r\n\r\n")
        .await
        .unwrap();
    let mut out = String::new();
    raw.read_to_string(&mut out).await.unwrap();
    assert!(
        out.starts_with("HTTP/1.0 200") || out.starts_with("HTTP/1.1 200"),
        "{out}"
    );
    assert_eq!(
        request(s.port, "GET", "/livez", None, &[]).await.unwrap().0,
        200
    );

    // Every answer carries a request id; one set in front is kept.
    let mut raw = TcpStream::connect(("127.0.0.1", s.port)).await.unwrap();
    let req = format!("GET /api/users HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nX-Request-Id: lb-42\r\nConnection: close\r\n\r\n", s.port);
    raw.write_all(req.as_bytes()).await.unwrap();
    let mut out = String::new();
    raw.read_to_string(&mut out).await.unwrap();
    assert_eq!(header_of(&out, "x-request-id").as_deref(), Some("lb-42"));
    let mut raw = TcpStream::connect(("127.0.0.1", s.port)).await.unwrap();
    let req = format!(
        "GET /api/settings HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n\r\n",
        s.port
    );
    raw.write_all(req.as_bytes()).await.unwrap();
    let mut out = String::new();
    raw.read_to_string(&mut out).await.unwrap();
    let id = header_of(&out, "x-request-id").expect("a request id");
    assert_eq!(id.len(), 32, "{id}");

    // Requests by route pattern, method and status; latency as a histogram; sign-ins by outcome.
    let wrong = r#"{"user_name":"nobody@contoso.com","password":"wrong"}"#;
    let origin = format!("http://127.0.0.1:{}", s.port);
    let (status, _) = request(
        s.port,
        "POST",
        "/api/session",
        Some(wrong),
        &[("Origin", &origin)],
    )
    .await
    .unwrap();
    assert_eq!(status, 401);
    let (status, text) = request(metrics_port, "GET", "/metrics", None, &[])
        .await
        .unwrap();
    assert_eq!(status, 200);
    assert!(
        text.contains(r#"csp_sign_ins_total{kind="portal",outcome="failed"}"#),
        "{text}"
    );
    assert!(
        text.contains(r#"http_requests_total{route="/api/users",method="GET",status="401"}"#),
        "{text}"
    );
    assert!(
        text.contains("http_request_duration_seconds_bucket"),
        "{text}"
    );

    // Shutdown: readiness fails at once, the server still answers during the grace time.
    let port = s.port;
    let stopping = tokio::spawn(s.stop());
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        request(port, "GET", "/readyz", None, &[]).await.unwrap().0,
        503
    );
    assert_eq!(
        request(port, "GET", "/api/settings", None, &[])
            .await
            .unwrap()
            .0,
        200
    );
    stopping.await.unwrap();
}
