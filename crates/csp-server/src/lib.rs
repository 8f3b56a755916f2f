//! The portal's JSON API server (`api/openapi.yaml`) on csp-core's rules: server-side sessions
//! with CSRF tokens, authorization from the role catalog, durable storage (SQLite or
//! PostgreSQL), and the release build served beside the API.
//!
//! In layers, each using only the ones below it:
//! - start-up: `startup` (router, layers, run) over `server` (accept loop, limits) and `seed`
//!   (demo data), and `faults` (the e2e tests' switch, off by default); beside it
//!   `provision` (the first accounts, for the command line's `create-operator` and
//!   `create-partner`: `main.rs` and `cli.rs`, which only the binary uses);
//! - handlers: `routes` (one file per resource); beside them `mail` (the outbox's worker);
//! - who is asking and what handlers share: `auth` (sessions, who may do what), `passwords`
//!   (Argon2id off the async threads, throttled sign-in checks), `extract` (JSON body, client
//!   address, path IDs);
//! - the bottom: `state` (shared state, the clock), `storage` (SQL, one file per table group)
//!   and `rows` (what it reads and writes), `error` (the API's error shape), `config` (flags
//!   and environment), `secrets` (randomness, Argon2id, password rule), `throttle` (attempts
//!   reserved in storage, who the client is behind trusted proxies), `limits` (field lengths),
//!   `web` (the release build's files and CSP).

pub mod auth;
pub mod config;
pub mod error;
pub mod extract;
pub mod faults;
pub mod limits;
pub mod mail;
pub mod observe;
pub mod passwords;
pub mod provision;
pub mod routes;
pub mod rows;
pub mod secrets;
pub mod seed;
pub mod server;
pub mod startup;
pub mod state;
pub mod storage;
pub mod throttle;
pub mod web;

pub use startup::{run, run_on};
