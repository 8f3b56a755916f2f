//! The CSP portal's rules and its JSON contract, in pure Rust: no web types, so the browser
//! app and every backend use the same code. Rules return [`problem::Problem`] codes, never
//! text; the locale files in `static/locales/` give each code its message.

pub mod add_customer;
pub mod address;
pub mod api;
pub mod bank;
pub mod country;
pub mod csv;
pub mod customers;
pub mod date;
pub mod email;
pub mod endpoint;
pub mod enrollment;
pub mod field;
/// Sample data for tests and benchmarks (feature `fixtures`), never in a release build.
#[cfg(any(test, feature = "fixtures"))]
pub mod fixtures;
pub mod ids;
pub mod invitation;
pub mod messages;
pub mod mpn;
pub mod partners;
pub mod phone;
pub mod problem;
pub mod registration;
pub mod relationship;
pub mod roles;
pub mod users;

pub use field::Field;
pub use problem::{Code, FieldProblem, Problem, Report};
