//! The release build: files from `--dist`, `index.html` for the app's own routes (deep links),
//! long caching for content-hashed assets, `no-cache` for the rest.

use crate::app::Shared;
use crate::error::ApiErr;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};
use std::path::{Component, Path, PathBuf};

fn content_type(p: &Path) -> &'static str {
    match p.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" | "ftl" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// trunk names built assets `name-<16 hex>.ext`: their content never changes under that name.
fn is_hashed(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or("").trim_end_matches("_bg");
    stem.rsplit_once('-')
        .is_some_and(|(_, h)| h.len() >= 16 && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The path under `dist`, refusing anything that is not a plain relative path (`..`, roots).
fn safe_join(dist: &Path, url_path: &str) -> Option<PathBuf> {
    let rel = Path::new(url_path.trim_start_matches('/'));
    if rel.components().all(|c| matches!(c, Component::Normal(_))) {
        Some(dist.join(rel))
    } else {
        None
    }
}

pub async fn static_file(State(state): State<Shared>, req: Request) -> Response {
    let path = req.uri().path().to_string();
    // Exact routing: `/apiusers` is not `/api/users`, nor an app page.
    if path.starts_with(&state.cfg.api_prefix) {
        return ApiErr::not_found().into_response();
    }
    if req.method() != Method::GET && req.method() != Method::HEAD {
        let mut r =
            ApiErr::new(StatusCode::METHOD_NOT_ALLOWED, "method-not-allowed").into_response();
        r.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return r;
    }
    let dist = &state.cfg.dist;
    let decoded = percent_decode(&path);
    // `..`, roots and undecodable paths: refused, never mapped to a file or to the app.
    let Some(candidate) = decoded.as_deref().and_then(|p| safe_join(dist, p)) else {
        return ApiErr::not_found().into_response();
    };
    let candidate = Some(candidate);
    let (file, hashed) = match candidate {
        Some(f) if path != "/" && tokio::fs::metadata(&f).await.is_ok_and(|m| m.is_file()) => {
            let h = f
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(is_hashed);
            (f, h)
        }
        // App routes have no extension; a missing file with one is a 404.
        _ if path == "/" || !path.rsplit('/').next().unwrap_or("").contains('.') => {
            (dist.join("index.html"), false)
        }
        _ => return ApiErr::not_found().into_response(),
    };
    match tokio::fs::read(&file).await {
        Ok(bytes) => {
            let mut r = Response::new(if req.method() == Method::HEAD {
                Body::empty()
            } else {
                Body::from(bytes.clone())
            });
            let h = r.headers_mut();
            h.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static(content_type(&file)),
            );
            h.insert(header::CONTENT_LENGTH, HeaderValue::from(bytes.len()));
            h.insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static(if hashed {
                    "public, max-age=31536000, immutable"
                } else {
                    "no-cache"
                }),
            );
            r
        }
        Err(_) => ApiErr::not_found().into_response(),
    }
}

fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let h = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(h, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    let s = String::from_utf8(out).ok()?;
    (!s.contains('\0') && !s.contains('\\')).then_some(s)
}

fn base64(bytes: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::new();
    for c in bytes.chunks(3) {
        let n = (c[0] as u32) << 16
            | (*c.get(1).unwrap_or(&0) as u32) << 8
            | *c.get(2).unwrap_or(&0) as u32;
        for (i, shift) in [18, 12, 6, 0].iter().enumerate() {
            if i <= c.len() {
                s.push(T[(n >> shift & 63) as usize] as char);
            } else {
                s.push('=');
            }
        }
    }
    s
}

/// Inline `<script>` / `<style>` bodies of `html` (trunk writes an inline module loader).
fn inline_blocks(html: &str, tag: &str) -> Vec<String> {
    let mut out = Vec::new();
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut rest = html;
    while let Some(i) = rest.find(&open) {
        let after = &rest[i..];
        let Some(gt) = after.find('>') else { break };
        let attrs = &after[..gt];
        let body_start = &after[gt + 1..];
        let Some(end) = body_start.find(&close) else {
            break;
        };
        if !attrs.contains(" src=") && !body_start[..end].trim().is_empty() {
            out.push(body_start[..end].to_string());
        }
        rest = &body_start[end..];
    }
    out
}

/// No `unsafe-inline`: the build's own inline blocks are allowed by hash; WebAssembly needs
/// `'wasm-unsafe-eval'` and nothing more.
pub fn content_security_policy(dist: &Path) -> HeaderValue {
    let html = std::fs::read_to_string(dist.join("index.html")).unwrap_or_default();
    let hashes = |tag| {
        inline_blocks(&html, tag)
            .iter()
            .map(|b| format!(" 'sha256-{}'", base64(&Sha256::digest(b.as_bytes()))))
            .collect::<String>()
    };
    let v = format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{}; style-src 'self'{}; img-src 'self' data:; \
         connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        hashes("script"),
        hashes("style")
    );
    HeaderValue::from_str(&v)
        .unwrap_or_else(|_| HeaderValue::from_static("default-src 'self'; frame-ancestors 'none'"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_and_inline_hashes() {
        assert_eq!(base64(b"Ma"), "TWE=");
        assert_eq!(base64(b"Man"), "TWFu");
        assert_eq!(base64(b"M"), "TQ==");
        let html = r#"<script type="module">import init from '/a.js';init();</script><script src="/x.js"></script><style>p{}</style>"#;
        assert_eq!(
            inline_blocks(html, "script"),
            vec!["import init from '/a.js';init();"]
        );
        assert_eq!(inline_blocks(html, "style"), vec!["p{}"]);
    }

    #[test]
    fn hashed_names_and_safe_paths() {
        assert!(
            is_hashed("csp-portal-1a2b3c4d5e6f7a8b_bg.wasm")
                && is_hashed("csp-portal-1a2b3c4d5e6f7a8b.js")
        );
        assert!(!is_hashed("index.html"));
        assert!(safe_join(Path::new("/d"), "/../etc/passwd").is_none());
        assert!(safe_join(Path::new("/d"), "/a/b.js").is_some());
        assert_eq!(percent_decode("/%2e%2e/x").as_deref(), Some("/../x"));
    }
}
