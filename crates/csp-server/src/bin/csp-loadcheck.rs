//! A bounded loopback load check: starts csp-server in-process on a free 127.0.0.1 port with
//! a fresh SQLite file, then measures requests/s and p99 latency for sign-in and for listing
//! users with 50 concurrent keep-alive clients, first alone and then beside one stalled client
//! (half-sent headers) and one stalled body. Every phase stops after its request count or its
//! time limit, whichever comes first. Loopback only.
//!
//! `cargo run --profile server -p csp-server --bin csp-loadcheck [-- --clients 50 --seconds 10]`
//!
//! With `--target 127.0.0.1:PORT` it measures a server already running there (with the demo
//! data: `scripts/scale-out.sh --bench` points it at one instance and at the load balancer).

use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const SIGN_IN: &str = r#"{"user_name":"admin@contoso.onmicrosoft.com","password":"demo"}"#;

fn arg(name: &str, default: u64) -> u64 {
    let a: Vec<String> = std::env::args().collect();
    a.iter()
        .position(|x| x == name)
        .and_then(|i| a.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// One keep-alive HTTP/1.1 exchange; returns the status and the body.
async fn exchange(s: &mut TcpStream, req: &[u8]) -> std::io::Result<(u16, Vec<u8>)> {
    s.write_all(req).await?;
    let mut buf = Vec::with_capacity(4096);
    let mut tmp = [0u8; 8192];
    let head_end = loop {
        let n = s.read(&mut tmp).await?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        buf.extend_from_slice(&tmp[..n]);
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).to_string();
    let status = head.get(9..12).and_then(|s| s.parse().ok()).unwrap_or(0);
    let len: usize = head
        .lines()
        .find_map(|l| {
            l.split_once(':')
                .filter(|(k, _)| k.eq_ignore_ascii_case("content-length"))
                .map(|(_, v)| v.trim().parse().unwrap_or(0))
        })
        .unwrap_or(0);
    while buf.len() < head_end + len {
        let n = s.read(&mut tmp).await?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        buf.extend_from_slice(&tmp[..n]);
    }
    Ok((status, buf[head_end..head_end + len].to_vec()))
}

fn post(port: u16, path: &str, body: &str) -> Vec<u8> {
    format!("POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

fn get(port: u16, path: &str, cookie: &str) -> Vec<u8> {
    format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nCookie: {cookie}\r\n\r\n")
        .into_bytes()
}

struct Phase {
    name: String,
    ok: usize,
    errors: usize,
    elapsed: Duration,
    latencies: Vec<Duration>,
}

impl Phase {
    fn print(&mut self) {
        self.latencies.sort();
        let pct = |p: f64| {
            self.latencies
                .get(
                    ((self.latencies.len() as f64 * p) as usize)
                        .min(self.latencies.len().saturating_sub(1)),
                )
                .copied()
                .unwrap_or_default()
        };
        println!(
            "{:<44} {:>7} ok {:>4} err {:>9.1} req/s   p50 {:>7.1} ms   p99 {:>7.1} ms",
            self.name,
            self.ok,
            self.errors,
            self.ok as f64 / self.elapsed.as_secs_f64(),
            pct(0.50).as_secs_f64() * 1e3,
            pct(0.99).as_secs_f64() * 1e3
        );
    }
}

async fn phase(
    name: &str,
    port: u16,
    clients: usize,
    total: usize,
    limit: Duration,
    req: Vec<u8>,
) -> Phase {
    let start = Instant::now();
    let deadline = start + limit;
    let per_client = total.div_ceil(clients);
    let mut tasks = vec![];
    for _ in 0..clients {
        let req = req.clone();
        tasks.push(tokio::spawn(async move {
            let mut lat = vec![];
            let mut errors = 0;
            let mut conn = TcpStream::connect(("127.0.0.1", port)).await.ok();
            for _ in 0..per_client {
                if Instant::now() > deadline {
                    break;
                }
                let Some(s) = conn.as_mut() else { break };
                let t = Instant::now();
                match tokio::time::timeout(Duration::from_secs(10), exchange(s, &req)).await {
                    Ok(Ok((200, _))) => lat.push(t.elapsed()),
                    _ => {
                        errors += 1;
                        conn = TcpStream::connect(("127.0.0.1", port)).await.ok();
                    }
                }
            }
            (lat, errors)
        }));
    }
    let mut p = Phase {
        name: name.into(),
        ok: 0,
        errors: 0,
        elapsed: Duration::ZERO,
        latencies: vec![],
    };
    for t in tasks {
        let (lat, e) = t.await.unwrap_or_default();
        p.ok += lat.len();
        p.errors += e;
        p.latencies.extend(lat);
    }
    p.elapsed = start.elapsed();
    p
}

/// The server measured: one started here on a fresh SQLite file, or the one at `--target`.
struct Target {
    port: u16,
    /// What stops the server started here, and its database file.
    own: Option<(
        tokio::sync::oneshot::Sender<()>,
        tokio::task::JoinHandle<()>,
        std::path::PathBuf,
    )>,
}

async fn target() -> Target {
    let a: Vec<String> = std::env::args().collect();
    if let Some(t) = a
        .iter()
        .position(|x| x == "--target")
        .and_then(|i| a.get(i + 1))
    {
        let port = t
            .rsplit(':')
            .next()
            .and_then(|p| p.parse().ok())
            .expect("--target 127.0.0.1:PORT");
        return Target { port, own: None };
    }
    let db = std::env::temp_dir().join(format!("csp-loadcheck-{}.db", std::process::id()));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a loopback port");
    let port = listener.local_addr().unwrap().port();
    let cfg = csp_server::config::Config {
        port,
        database_url: format!("sqlite://{}", db.display()),
        dist: std::env::temp_dir().join("csp-loadcheck-no-dist"),
        // It signs in as a demo user.
        demo_data: true,
        // Every request here signs in to one account from one address: their limits would
        // make this a measure of the throttle (each sign-in in flight holds a reservation
        // until its hash is checked) instead of the server.
        failures_per_account: 1_000_000,
        failures_per_client: 1_000_000,
        ..Default::default()
    };
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(async move {
        let _ = csp_server::run_on(listener, cfg, async {
            let _ = stop_rx.await;
        })
        .await;
    });
    Target {
        port,
        own: Some((stop_tx, server, db)),
    }
}

#[tokio::main]
async fn main() {
    let clients = arg("--clients", 50) as usize;
    let seconds = Duration::from_secs(arg("--seconds", 10));
    let target = target().await;
    let port = target.port;
    while TcpStream::connect(("127.0.0.1", port)).await.is_err() {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let cookie = {
        let mut s = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        s.write_all(&post(port, "/api/session", SIGN_IN))
            .await
            .unwrap();
        let mut buf = vec![0u8; 8192];
        let n = s.read(&mut buf).await.unwrap();
        let head = String::from_utf8_lossy(&buf[..n]).to_string();
        head.lines()
            .find_map(|l| {
                l.split_once(':')
                    .filter(|(k, _)| k.eq_ignore_ascii_case("set-cookie"))
                    .map(|(_, v)| v.trim().to_string())
            })
            .and_then(|c| c.split(';').next().map(str::to_string))
            .expect("a session cookie (is the demo admin seeded?)")
    };
    println!(
        "csp-server on 127.0.0.1:{port}, {clients} clients, at most {}s per phase",
        seconds.as_secs()
    );
    for stalled in [false, true] {
        let mut held = vec![];
        if stalled {
            let mut a = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
            a.write_all(b"GET /api/users HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                .await
                .unwrap();
            let mut b = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
            b.write_all(format!("POST /api/session HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{{").as_bytes()).await.unwrap();
            held.push(a);
            held.push(b);
        }
        let tag = if stalled { " + stalled clients" } else { "" };
        phase(
            &format!("POST /api/session (Argon2id){tag}"),
            port,
            clients,
            1_000,
            seconds,
            post(port, "/api/session", SIGN_IN),
        )
        .await
        .print();
        phase(
            &format!("GET /api/users{tag}"),
            port,
            clients,
            20_000,
            seconds,
            get(port, "/api/users", &cookie),
        )
        .await
        .print();
        drop(held);
    }
    if let Some((stop, server, db)) = target.own {
        let _ = stop.send(());
        let _ = server.await;
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
        }
    }
}
