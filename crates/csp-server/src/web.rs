//! The release build's files as `routes::files` serves them: content types, which names are
//! content-hashed, paths that stay under `--dist`, and the Content-Security-Policy with the
//! hashes of the build's inline blocks (computed once, at start-up).

use axum::http::HeaderValue;
use sha2::{Digest, Sha256};
use std::path::{Component, Path, PathBuf};

pub(crate) fn content_type(p: &Path) -> &'static str {
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
pub(crate) fn is_hashed(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or("").trim_end_matches("_bg");
    stem.rsplit_once('-')
        .is_some_and(|(_, h)| h.len() >= 16 && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The path under `dist`, refusing anything that is not a plain relative path (`..`, roots).
pub(crate) fn safe_join(dist: &Path, url_path: &str) -> Option<PathBuf> {
    let rel = Path::new(url_path.trim_start_matches('/'));
    if rel.components().all(|c| matches!(c, Component::Normal(_))) {
        Some(dist.join(rel))
    } else {
        None
    }
}

pub(crate) fn percent_decode(s: &str) -> Option<String> {
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
