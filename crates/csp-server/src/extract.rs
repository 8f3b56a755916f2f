//! What handlers take from a request besides the caller: the JSON body (checked against the
//! contract's limits), the form it fills, the client's address, and IDs from the path.

use crate::error::{ApiErr, ApiResult};
use crate::state::Shared;
use crate::throttle::{client_key, forwarded_client, Cidr};
use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use csp_core::ids::parse_id;
use serde::de::DeserializeOwned;
use std::net::IpAddr;

/// A request body the contract describes: JSON only (415 otherwise, which also stops
/// cross-origin form posts), at most `max_body_bytes` (413), syntax and shape checked (400),
/// every string within its `maxLength` (422 `too-long`).
pub struct JsonIn<T>(pub T);
/// The form an operation's body fills (`Endpoint::fields`), put on its route by the start-up's
/// `at`: what a problem with the body names its fields after.
#[derive(Clone, Copy)]
pub struct BodyFields(pub &'static str);

impl<T: DeserializeOwned> FromRequest<Shared> for JsonIn<T> {
    type Rejection = ApiErr;
    async fn from_request(req: Request, state: &Shared) -> ApiResult<Self> {
        let form = req.extensions().get::<BodyFields>().map_or("", |f| f.0);
        let json = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .is_some_and(|m| m.trim().eq_ignore_ascii_case("application/json"));
        if !json {
            return Err(ApiErr::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media-type",
            ));
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|r| {
            if r.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiErr::new(StatusCode::PAYLOAD_TOO_LARGE, "payload-too-large")
            } else {
                ApiErr::bad_request()
            }
        })?;
        let v: serde_json::Value =
            serde_json::from_slice(&bytes).map_err(|_| ApiErr::bad_request())?;
        crate::limits::check(&v, form)?;
        serde_json::from_value(v)
            .map(JsonIn)
            .map_err(|_| ApiErr::bad_request())
    }
}

/// The TCP peer's address, put on each request by the accept loop (absent in in-process
/// tests unless a test puts it there).
#[derive(Debug, Clone, Copy)]
pub struct ClientAddr(pub IpAddr);

/// The client a request is throttled as: the peer, or behind a trusted proxy the address
/// `X-Forwarded-For` names (`throttle::forwarded_client`), IPv6 grouped by /64; `unknown`
/// without a peer.
pub struct Client(pub String);

impl FromRequestParts<Shared> for Client {
    type Rejection = std::convert::Infallible;
    async fn from_request_parts(
        parts: &mut Parts,
        state: &Shared,
    ) -> Result<Self, Self::Rejection> {
        Ok(Client(client_of(parts, &state.cfg.trusted_proxies)))
    }
}

pub fn client_of(parts: &Parts, trusted: &[Cidr]) -> String {
    let Some(peer) = parts.extensions.get::<ClientAddr>() else {
        return "unknown".into();
    };
    let forwarded = parts
        .headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok());
    client_key(forwarded_client(peer.0, forwarded, trusted))
}

/// An ID from a path in its stored form (GUIDs lower case, braces dropped).
pub fn canonical(id: &str) -> String {
    parse_id(id).unwrap_or_else(|_| id.trim().to_owned())
}
