//! Passwords on the server's side: Argon2id off the async threads, a few at a time (each takes
//! `argon2_memory_kib` and a core), and sign-in checks behind the failure throttle. What every
//! route that signs someone in, sets a password or hands out a temporary one shares.

use crate::error::{random_failed, ApiErr, ApiResult};
use crate::state::{now, Shared};

/// Argon2 off the async threads, a few at a time.
async fn verify(state: &Shared, password: String, hash: Option<String>) -> bool {
    let _slot = state.hashing.acquire().await;
    let h = state.hasher.clone();
    tokio::task::spawn_blocking(move || h.verify(&password, hash.as_deref()))
        .await
        .unwrap_or(false)
}

pub async fn hash_password(state: &Shared, password: String) -> ApiResult<String> {
    let _slot = state.hashing.acquire().await;
    let h = state.hasher.clone();
    tokio::task::spawn_blocking(move || h.hash(&password))
        .await
        .map_err(|_| ApiErr::server())?
        .map_err(random_failed)
}

/// Checks a password behind the throttle: an attempt is reserved for the account and the
/// client before the hash is computed (429 past a limit, and no hash), so concurrent guesses
/// on any instance cannot get past the limit; a failure keeps the reservation, a success
/// clears the account's failures. `kind` names the sign-in in the metrics (`portal`,
/// `work-account`, `partner-network`, `password-change`).
pub async fn throttled_verify(
    state: &Shared,
    kind: &'static str,
    account: &str,
    client: &str,
    password: String,
    hash: Option<String>,
) -> ApiResult<bool> {
    let attempt = match state
        .throttle
        .reserve(&state.store, Some(account), client, now())
        .await
    {
        Ok(a) => a,
        Err(e) => {
            if e.status == axum::http::StatusCode::TOO_MANY_REQUESTS {
                crate::observe::sign_in(kind, "throttled");
                tracing::info!(kind, client, "sign-in throttled");
            }
            return Err(e);
        }
    };
    let ok = verify(state, password, hash).await;
    if ok {
        crate::observe::sign_in(kind, "succeeded");
        state.throttle.succeeded(&state.store, attempt).await?;
    } else {
        crate::observe::sign_in(kind, "failed");
        tracing::info!(kind, account, client, "sign-in failed");
    }
    Ok(ok)
}
