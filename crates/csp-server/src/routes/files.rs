//! The release build: files from `--dist`, `index.html` for the app's own routes (deep links),
//! long caching for content-hashed assets, `no-cache` for the rest. The site's fallback: every
//! path outside the API prefix.

use crate::error::ApiErr;
use crate::state::Shared;
use crate::web::{content_type, is_hashed, percent_decode, safe_join};
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};

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
