//! What every handler shares: the application state (storage, configuration, the password
//! hasher, throttles, the rules' catalog and context) and the clock. The bottom layer: it
//! knows no route.

use crate::config::Config;
use crate::secrets::Hasher;
use crate::storage::Store;
use crate::throttle::Throttle;
use crate::web;
use axum::http::HeaderValue;
use csp_core::api::ProgramSettings;
use csp_core::date::Date;
use csp_core::enrollment::Context;
use csp_core::roles::RoleCatalog;
use std::sync::Arc;
use std::time::Duration;

pub struct AppState {
    pub store: Store,
    pub cfg: Config,
    pub hasher: Hasher,
    /// Password checks (per account, per client address), counted in the database.
    pub throttle: Throttle,
    /// Tenant creation per client address (it is public), counted in the database.
    pub creations: Throttle,
    pub catalog: RoleCatalog,
    pub ctx: Context,
    pub settings: ProgramSettings,
    /// Where reseller-relationship links send the customer (served with `settings`).
    pub links: csp_core::acceptance::CustomerLinks,
    pub hosts: Vec<String>,
    pub origins: Vec<String>,
    /// The Content-Security-Policy, with the hashes of the build's inline scripts and styles.
    pub csp: HeaderValue,
    /// Argon2 runs at most this many at once: each takes `argon2_memory_kib` and a core.
    pub hashing: tokio::sync::Semaphore,
    /// Set when shutdown begins: readiness answers 503 so a load balancer stops sending
    /// requests while the ones in flight finish.
    pub draining: std::sync::atomic::AtomicBool,
    /// Wakes this instance's mail worker when a handler has queued an email.
    pub mail_queued: tokio::sync::Notify,
    /// Where the app is served: the base of the links in emails.
    pub public_url: String,
}

pub type Shared = Arc<AppState>;

pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// Today (UTC) for dated records: authorizations, requests and their status.
pub fn today() -> Date {
    Date((now().max(0) / 86_400) as u32)
}

impl AppState {
    /// `port` is the bound port (the default allowed hosts and origins depend on it).
    pub fn new(store: Store, cfg: Config, port: u16) -> Shared {
        let hosts = cfg.hosts(port);
        let origins = cfg.origins(port);
        let csp = web::content_security_policy(&cfg.dist);
        Arc::new(AppState {
            store,
            hasher: Hasher::new(cfg.argon2_memory_kib, cfg.argon2_iterations),
            throttle: Throttle::new(
                "sign-in",
                cfg.failures_per_account,
                cfg.failures_per_client,
                cfg.throttle_window,
            ),
            // Per client only: a tenant is created by no account yet.
            creations: Throttle::new("tenant", 0, 20, Duration::from_secs(3600)),
            catalog: RoleCatalog::builtin(),
            ctx: Context::default(),
            settings: ProgramSettings::default(),
            links: csp_core::acceptance::CustomerLinks {
                customer_acceptance_url: cfg.customer_acceptance_url.clone(),
            },
            hosts,
            origins,
            csp,
            hashing: tokio::sync::Semaphore::new(4),
            draining: std::sync::atomic::AtomicBool::new(false),
            mail_queued: tokio::sync::Notify::new(),
            public_url: cfg.public_url(port),
            cfg,
        })
    }
}
