//! The server over real loopback sockets: a stalled client does not delay others, the
//! connection cap holds, an announced 1 GiB body is refused unread, data survives a restart.

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
