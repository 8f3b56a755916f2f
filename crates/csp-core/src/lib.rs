//! The CSP portal's rules and backend behaviour, in pure Rust: no web types, so the browser
//! app and any native server use the same code. Rules return [`problem::Problem`] codes, never
//! text; the locale files in `static/locales/` give each code its message.

pub mod add_customer;
pub mod address;
pub mod api;
pub mod backend;
pub mod bank;
pub mod csv;
pub mod customers;
pub mod date;
pub mod email;
pub mod enrollment;
pub mod fixtures;
pub mod ids;
pub mod invitation;
pub mod messages;
pub mod mpn;
pub mod partners;
pub mod phone;
pub mod problem;
pub mod relationship;
pub mod roles;
pub mod routes;
pub mod users;

pub use problem::{Code, FieldProblem, Problem, Report};
