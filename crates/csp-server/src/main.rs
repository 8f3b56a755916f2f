//! A reference JSON backend for the portal's API contract (`api/openapi.yaml`), on csp-core's
//! rules, that also serves a release build. Used by the end-to-end tests and for demos:
//!
//! `csp-server --port 8090 --dist dist [--api-prefix /api]`

use csp_demo::backend::{Backend, State};
use csp_demo::routes::{handle, Request};
use std::io::Read;
use std::path::{Path, PathBuf};
use tiny_http::{Header, Method, Response, Server};

fn arg(name: &str, default: &str) -> String {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .cloned()
        .unwrap_or_else(|| default.into())
}

fn random16() -> [u8; 16] {
    let mut b = [0u8; 16];
    if let Ok(mut f) = std::fs::File::open("/dev/urandom") {
        let _ = f.read_exact(&mut b);
    }
    b
}

fn content_type(p: &Path) -> &'static str {
    match p.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript",
        "wasm" => "application/wasm",
        "css" => "text/css",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "txt" | "ftl" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// A file under `dist`, or `index.html` for the app's own routes (the router takes over).
fn static_file(dist: &Path, url_path: &str) -> (PathBuf, bool) {
    let rel = url_path.trim_start_matches('/');
    let candidate = dist.join(rel);
    let safe = !rel.split('/').any(|s| s == "..");
    if safe && !rel.is_empty() && candidate.is_file() {
        (candidate, true)
    } else {
        (
            dist.join("index.html"),
            !rel.contains('.') || rel.is_empty(),
        )
    }
}

fn main() {
    let port = arg("--port", "8090");
    let dist = PathBuf::from(arg("--dist", "dist"));
    let prefix = arg("--api-prefix", "/api");
    let server = Server::http(format!("127.0.0.1:{port}")).expect("port is free");
    let mut backend = Backend::new(State::seeded(), random16);
    println!(
        "csp-server: http://127.0.0.1:{port}/ (API under {prefix}, files from {})",
        dist.display()
    );
    for mut req in server.incoming_requests() {
        let url = req.url().to_string();
        let path = url.split('?').next().unwrap_or("/").to_string();
        let json = Header::from_bytes("Content-Type", "application/json").unwrap();
        let resp = if let Some(api_path) = path.strip_prefix(&prefix) {
            let mut body = String::new();
            let _ = req.as_reader().read_to_string(&mut body);
            let method = req.method().as_str().to_uppercase();
            let cookie = req
                .headers()
                .iter()
                .find(|h| h.field.equiv("Cookie"))
                .map(|h| h.value.as_str().to_owned())
                .unwrap_or_default();
            let token = cookie
                .split(';')
                .find_map(|c| c.trim().strip_prefix("csp_session="))
                .map(str::to_owned);
            let a = handle(
                &mut backend,
                &Request {
                    method: &method,
                    path: api_path,
                    body: &body,
                    session: token.as_deref(),
                },
            );
            let mut resp = Response::from_data(a.body.into_bytes())
                .with_status_code(a.status)
                .with_header(json);
            if let Some(t) = a.session {
                let cookie = match t {
                    Some(t) => format!("csp_session={t}; Path=/; HttpOnly; SameSite=Strict"),
                    None => "csp_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0".into(),
                };
                resp = resp.with_header(Header::from_bytes("Set-Cookie", cookie).unwrap());
            }
            resp
        } else if *req.method() == Method::Get {
            let (file, found) = static_file(&dist, &path);
            match std::fs::read(&file) {
                Ok(bytes) if found => {
                    let ct = Header::from_bytes("Content-Type", content_type(&file)).unwrap();
                    Response::from_data(bytes).with_header(ct)
                }
                _ => Response::from_data(b"not found".to_vec()).with_status_code(404),
            }
        } else {
            Response::from_data(b"method not allowed".to_vec()).with_status_code(405)
        };
        let _ = req.respond(resp);
    }
}
