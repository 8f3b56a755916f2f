//! The portal's JSON API server (`api/openapi.yaml`) on csp-core's rules: server-side sessions
//! with CSRF tokens, authorization from the role catalog, durable storage (SQLite or
//! PostgreSQL), and the release build served beside the API.
//!
//! Layout: `config` (flags and environment), `server` (accept loop, limits), `app` (router,
//! layers), `auth` (sessions, who may do what), `api` (handlers), `partners` and `customers`
//! (issue #11's handlers), `storage` and `partner_store` (SQL), `secrets`
//! (randomness, Argon2id, password rule), `throttle`, `limits` (field lengths), `web` (files,
//! CSP), `seed` (demo data), `faults` (the e2e tests' switch, off by default).

pub mod api;
pub mod app;
pub mod auth;
pub mod config;
pub mod customers;
pub mod error;
pub mod faults;
pub mod limits;
pub mod partner_store;
pub mod partners;
pub mod secrets;
pub mod seed;
pub mod server;
pub mod storage;
pub mod throttle;
pub mod web;

use std::net::SocketAddr;

/// Opens storage (migrating it), seeds demo data into an empty database, binds, and serves
/// until `shutdown`. Prints the address line the scripts wait for.
pub async fn run(
    cfg: config::Config,
    shutdown: impl std::future::Future<Output = ()>,
) -> Result<(), Box<dyn std::error::Error>> {
    let listener = tokio::net::TcpListener::bind(SocketAddr::new(cfg.bind, cfg.port)).await?;
    run_on(listener, cfg, shutdown).await
}

/// [`run`] on a listener the caller bound (tests bind port 0).
pub async fn run_on(
    listener: tokio::net::TcpListener,
    cfg: config::Config,
    shutdown: impl std::future::Future<Output = ()>,
) -> Result<(), Box<dyn std::error::Error>> {
    let store = storage::Store::open(&cfg.database_url).await?;
    let port = listener.local_addr()?.port();
    let limits = server::Limits {
        header_read_timeout: cfg.header_read_timeout,
        max_connections: cfg.max_connections,
        drain: std::time::Duration::from_secs(10),
    };
    let seed = cfg.seed_demo;
    let state = app::AppState::new(store.clone(), cfg, port);
    if seed && seed::seed_if_empty(&state).await? {
        tracing::info!("seeded the demo partner and directory");
    }
    let sweeper = {
        let state = state.clone();
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(std::time::Duration::from_secs(300)).await;
                let t = app::now();
                let idle = t - state.cfg.session_idle.as_secs() as i64;
                let abs = t - state.cfg.session_absolute.as_secs() as i64;
                if let Err(e) = state.store.delete_expired_sessions(idle, abs).await {
                    tracing::warn!(error = %e, "session sweep failed");
                }
            }
        })
    };
    println!(
        "csp-server: http://{}:{port}/ (API under {}, files from {})",
        state.cfg.bind,
        state.cfg.api_prefix,
        state.cfg.dist.display()
    );
    server::serve(listener, app::router(state), limits, shutdown).await;
    sweeper.abort();
    store.close().await;
    Ok(())
}
