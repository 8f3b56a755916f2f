//! csp-portal: the front end of a cloud partner portal (CSP enrollment, team, partners).
//! The rules live in `csp-core`; this crate is the Yew UI, the API client and the i18n.

pub mod api;
pub mod app;
pub mod components;
pub mod config;
pub mod countries;
pub mod i18n;
pub mod pages;
pub mod routes;
pub mod store;
pub mod team;
pub mod wizard;

pub use app::{App, Env, Shell};
