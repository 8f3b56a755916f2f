//! The release build beside the API: deep links, caching, path traversal, HEAD, compression,
//! and a CSP that allows the build's inline loader by hash only.

mod common;
use axum::body::Body;
use axum::http::Request;
use common::*;

const INDEX: &str = r#"<!doctype html><html><head><script type="module">import init from '/app-0123456789abcdef.js';init();</script></head><body></body></html>"#;

async fn site() -> T {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(dist.path().join("index.html"), INDEX).unwrap();
    std::fs::write(
        dist.path().join("app-0123456789abcdef.js"),
        "export default function init() {}\n".repeat(100),
    )
    .unwrap();
    std::fs::create_dir(dist.path().join("locales")).unwrap();
    std::fs::write(dist.path().join("locales/en.ftl"), "hello = Hello\n").unwrap();
    let path = dist.keep();
    with_config(|c| c.dist = path).await
}

fn get(path: &str) -> Request<Body> {
    Request::get(path)
        .header("host", HOST)
        .body(Body::empty())
        .unwrap()
}

#[tokio::test]
async fn files_deep_links_and_caching() {
    let t = site().await;
    let r = t.raw(get("/")).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.headers["cache-control"], "no-cache");
    let deep = t.raw(get("/applications/app_123")).await;
    assert_eq!(
        (
            deep.status.as_u16(),
            deep.headers["content-type"].to_str().unwrap()
        ),
        (200, "text/html; charset=utf-8")
    );
    let js = t.raw(get("/app-0123456789abcdef.js")).await;
    assert_eq!(
        js.headers["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(
        t.raw(get("/locales/en.ftl")).await.headers["cache-control"],
        "no-cache"
    );
    assert_eq!(t.raw(get("/missing-0123456789abcdef.js")).await.status, 404);
    assert_eq!(
        t.raw(get("/apiusers")).await.status,
        404,
        "not an app route either"
    );
    let head = t
        .raw(
            Request::head("/")
                .header("host", HOST)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(head.status, 200);
    let post = t
        .raw(
            Request::post("/")
                .header("host", HOST)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(post.status, 405);
}

/// The start page prerendered in each language: `/` in the visitor's, every other route the
/// app's page (`app.html`).
#[tokio::test]
async fn the_start_page_is_in_the_visitor_s_language() {
    let dist = tempfile::tempdir().unwrap();
    // Each file's body is a JSON string, which the test client reads.
    for (name, body) in [
        ("index.html", "\"en\""),
        ("index.fr.html", "\"fr\""),
        ("index.ru.html", "\"ru\""),
        ("app.html", "\"app\""),
    ] {
        std::fs::write(dist.path().join(name), body).unwrap();
    }
    let path = dist.keep();
    let t = with_config(|c| c.dist = path).await;
    let page = |uri: &str, cookie: Option<&str>, accept: Option<&str>| {
        let mut r = Request::get(uri).header("host", HOST);
        if let Some(c) = cookie {
            r = r.header("cookie", c);
        }
        if let Some(a) = accept {
            r = r.header("accept-language", a);
        }
        r.body(Body::empty()).unwrap()
    };
    let r = t
        .raw(page("/", None, Some("fr-CA,fr;q=0.9,en;q=0.8")))
        .await;
    assert_eq!(r.body, "fr");
    assert_eq!(r.headers["content-language"], "fr");
    assert_eq!(r.headers["vary"], "Cookie, Accept-Language");
    assert!(r.headers.get("set-cookie").is_none());
    let r = t.raw(page("/", Some("csp-lang=ru"), Some("fr"))).await;
    assert_eq!(r.body, "ru", "the stored choice first");
    // A language without its page (a build without it) falls back to English.
    let r = t.raw(page("/", None, Some("zh-CN"))).await;
    assert_eq!(r.body, "en");
    assert_eq!(r.headers["content-language"], "en");
    // The page's form, without the app: that language, remembered.
    let r = t.raw(page("/?lang=fr", Some("csp-lang=ru"), None)).await;
    assert_eq!(r.body, "fr");
    let cookie = r.headers["set-cookie"].to_str().unwrap();
    assert!(cookie.starts_with("csp-lang=fr; Path=/;"), "{cookie}");
    assert!(!cookie.contains("HttpOnly"), "the app reads it");
    let r = t.raw(page("/enroll/welcome", None, Some("fr"))).await;
    assert_eq!(r.body, "app", "other routes: the app's page");
}

#[tokio::test]
async fn path_traversal_is_refused() {
    let t = site().await;
    for p in [
        "/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/locales/..%2f..%2fetc%2fpasswd",
        "/locales/%2e%2e/index.html",
    ] {
        let r = t.raw(get(p)).await;
        assert!(r.status == 404 || r.status == 400, "{p}: {}", r.status);
    }
}

#[tokio::test]
async fn csp_hashes_the_inline_loader_and_nothing_is_unsafe_inline() {
    use sha2::Digest;
    let t = site().await;
    let r = t.raw(get("/")).await;
    let csp = r.headers["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    let inline = "import init from '/app-0123456789abcdef.js';init();";
    let digest = sha2::Sha256::digest(inline.as_bytes());
    let b64 = base64_std(&digest);
    assert!(csp.contains(&format!("'sha256-{b64}'")), "{csp}");
    assert!(!csp.contains("unsafe-inline") && csp.contains("'wasm-unsafe-eval'"));
    assert_eq!(r.headers["x-frame-options"], "DENY");
}

fn base64_std(b: &[u8]) -> String {
    // Independent of the server's encoder: Python-style reference via a small table walk.
    const T: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut bits = 0u32;
    let mut n = 0;
    let mut out = String::new();
    for &x in b {
        bits = (bits << 8) | x as u32;
        n += 8;
        while n >= 6 {
            n -= 6;
            out.push(T[((bits >> n) & 63) as usize] as char);
        }
    }
    if n > 0 {
        out.push(T[((bits << (6 - n)) & 63) as usize] as char);
    }
    while out.len() % 4 != 0 {
        out.push('=');
    }
    out
}

#[tokio::test]
async fn responses_are_compressed() {
    let t = site().await;
    for (enc, want) in [("br", "br"), ("gzip", "gzip")] {
        let r = t
            .raw(
                Request::get("/api/countries")
                    .header("host", HOST)
                    .header("accept-encoding", enc)
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
        assert_eq!(
            r.headers
                .get("content-encoding")
                .map(|v| v.to_str().unwrap()),
            Some(want)
        );
    }
}
