//! The files the build serves beside the app (the config, the locale files, the webmail list):
//! fetched with the browser's `fetch` straight away, without an HTTP client: on the first
//! load's path, gloo's request builder cost about 35 ms at 4x CPU for the config and the
//! locale file. The backend's API goes through `api`.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The file's text; None when it can't be had (no connection, not found).
pub async fn fetch_text(url: &str) -> Option<String> {
    let response = JsFuture::from(gloo::utils::window().fetch_with_str(url))
        .await
        .ok()?
        .dyn_into::<web_sys::Response>()
        .ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}
