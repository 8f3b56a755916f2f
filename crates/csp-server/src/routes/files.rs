//! The release build: files from `--dist`, the start page prerendered in the visitor's language
//! for `/`, `app.html` for the app's other routes (deep links), long caching for content-hashed
//! assets, `no-cache` for the rest. The site's fallback: every path outside the API prefix.

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
    let mut start_page = None;
    let (file, hashed) = match candidate {
        Some(f) if path != "/" && tokio::fs::metadata(&f).await.is_ok_and(|m| m.is_file()) => {
            let h = f
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(is_hashed);
            (f, h)
        }
        _ if path == "/" => {
            let (lang, chosen) = start_page_lang(&req);
            let file = dist.join(format!("index.{lang}.html"));
            // English, or a build without that language's page: index.html.
            let (shown, file) = if lang != "en" && tokio::fs::metadata(&file).await.is_ok() {
                (lang, file)
            } else {
                ("en", dist.join("index.html"))
            };
            start_page = Some((shown, chosen.then_some(lang)));
            (file, false)
        }
        // App routes have no extension; a missing file with one is a 404. A build without the
        // prerendered start page has only `index.html`.
        _ if !path.rsplit('/').next().unwrap_or("").contains('.') => {
            let app = dist.join("app.html");
            let app = if tokio::fs::metadata(&app).await.is_ok() {
                app
            } else {
                dist.join("index.html")
            };
            (app, false)
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
            if let Some((shown, chosen)) = start_page {
                // Caches keep one start page per choice and language list.
                h.insert(
                    header::VARY,
                    HeaderValue::from_static("Cookie, Accept-Language"),
                );
                h.insert(header::CONTENT_LANGUAGE, HeaderValue::from_static(shown));
                // The start page's language form, sent before the app ran: remembered as the
                // app remembers a choice (the same cookie, which the html hands to the app), for
                // the next `/`.
                if let Some(lang) = chosen {
                    let secure = if state.cfg.secure_cookies {
                        "; Secure"
                    } else {
                        ""
                    };
                    let cookie = format!(
                        "{LANG_COOKIE}={lang}; Path=/; Max-Age=31536000; SameSite=Lax{secure}"
                    );
                    if let Ok(v) = HeaderValue::from_str(&cookie) {
                        h.insert(header::SET_COOKIE, v);
                    }
                }
            }
            r
        }
        Err(_) => ApiErr::not_found().into_response(),
    }
}

/// The cookie the app keeps the chosen language in (src/i18n.rs), read here for `/`.
const LANG_COOKIE: &str = "csp-lang";

/// A supported language for a BCP 47 tag, as the app matches the browser's languages
/// (`Locale::from_tag`): `fr-CA` is French, `zh-Hans-CN` Simplified Chinese, `zh-TW` none.
fn supported(tag: &str) -> Option<&'static str> {
    let t = tag.trim().to_ascii_lowercase();
    match t.split(['-', '_']).next().unwrap_or("") {
        "en" => Some("en"),
        "ru" => Some("ru"),
        "fr" => Some("fr"),
        "zh" if !(t.contains("hant") || t.ends_with("-tw") || t.ends_with("-hk")) => Some("zh-CN"),
        _ => None,
    }
}

/// The start page's language, in the app's order: a choice sent by the page's form (`?lang=`,
/// true: to be remembered), the remembered choice (the cookie), the browser's languages by
/// preference (`Accept-Language`), English.
fn start_page_lang(req: &Request) -> (&'static str, bool) {
    let query = req.uri().query().unwrap_or("");
    if let Some(l) = query
        .split('&')
        .find_map(|p| p.strip_prefix("lang="))
        .and_then(supported)
    {
        return (l, true);
    }
    let headers = req.headers();
    let values = |name| {
        headers
            .get_all(name)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split([';', ',']))
    };
    if let Some(l) = values(header::COOKIE)
        .find_map(|c| c.trim().strip_prefix(LANG_COOKIE)?.strip_prefix('='))
        .and_then(supported)
    {
        return (l, false);
    }
    let mut ranges: Vec<(f32, &str)> = headers
        .get_all(header::ACCEPT_LANGUAGE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|r| {
            let mut parts = r.split(';');
            let tag = parts.next().unwrap_or("").trim();
            let q = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.parse().ok())
                .unwrap_or(1.0);
            (q, tag)
        })
        .filter(|(q, _)| *q > 0.0)
        .collect();
    // Stable: ranges of equal weight keep the browser's order.
    ranges.sort_by(|a, b| b.0.total_cmp(&a.0));
    let lang = ranges
        .iter()
        .find_map(|(_, t)| supported(t))
        .unwrap_or("en");
    (lang, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(query: &str, cookie: Option<&str>, accept: Option<&str>) -> (&'static str, bool) {
        let mut r = axum::http::Request::get(format!("/{query}"));
        if let Some(c) = cookie {
            r = r.header(header::COOKIE, c);
        }
        if let Some(a) = accept {
            r = r.header(header::ACCEPT_LANGUAGE, a);
        }
        start_page_lang(&r.body(Body::empty()).unwrap())
    }

    #[test]
    fn the_start_page_language_follows_the_app_s_order() {
        assert_eq!(lang("", None, None), ("en", false));
        assert_eq!(
            lang("", None, Some("de-DE,fr-CA;q=0.9,en;q=0.8")),
            ("fr", false)
        );
        assert_eq!(lang("", None, Some("en;q=0.5, ru;q=0.9")), ("ru", false));
        assert_eq!(
            lang("", None, Some("zh-TW,zh-Hans-CN;q=0.8")),
            ("zh-CN", false)
        );
        assert_eq!(lang("", None, Some("fr;q=0, de")), ("en", false));
        assert_eq!(
            lang("", Some("a=1; csp-lang=zh-CN"), Some("fr")),
            ("zh-CN", false)
        );
        assert_eq!(
            lang("?lang=ru", Some("csp-lang=fr"), Some("fr")),
            ("ru", true)
        );
        assert_eq!(lang("?lang=xx", Some("csp-lang=fr"), None), ("fr", false));
    }
}
