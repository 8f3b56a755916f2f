//! csp-portal: the front end of a cloud partner portal (CSP enrollment, team, partners).
//! The rules and the contract live in `csp-core`; this crate is the Yew UI, the API client
//! and the i18n. Shared modules hold one concept each, with its hook beside its type;
//! `pages/` holds one folder per part of the portal, and page folders never import each other.

pub mod answers;
pub mod api;
pub mod app;
pub mod assets;
pub mod browser;
pub mod components;
pub mod config;
pub mod countries;
pub mod env;
pub mod form;
pub mod i18n;
pub mod invitation;
pub mod journey;
pub mod pages;
pub mod partner;
pub mod route;
pub mod router;
pub mod session;
pub mod shared;
pub mod start;
pub mod store;

pub use app::Shell;
pub use env::Env;

// Talc instead of Rust's default wasm allocator (dlmalloc): the allocator lives in the main
// module, which every page waits for, and talc's code there is much smaller. In the component
// tests too, so that they run on the allocator the release build ships.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
