//! The CSP portal's rules and its JSON contract, in pure Rust: no web types, so the browser
//! app and every backend use the same code. Rules return [`problem::Problem`] codes, never
//! text; the locale files in `static/locales/` give each code its message.

/// JSON as a value's id (`Code`, `Field`), written by hand: serde's derive for dozens of
/// renamed variants costs kilobytes of wasm. An id the type doesn't know is refused.
macro_rules! json_as_id {
    ($t:ty, $unknown:literal) => {
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.id())
            }
        }
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let id = String::deserialize(d)?;
                <$t>::ALL
                    .iter()
                    .copied()
                    .find(|c| c.id() == id)
                    .ok_or_else(|| serde::de::Error::custom($unknown))
            }
        }
    };
}

pub mod acceptance;
pub mod access;
pub mod add_customer;
pub mod address;
pub mod api;
pub mod bank;
pub mod business_profile;
pub mod country;
pub mod csv;
pub mod customers;
pub mod date;
pub mod email;
pub mod endpoint;
pub mod enrollment;
pub mod field;
#[cfg(any(test, feature = "fixtures"))]
pub use enrollment::fixtures;
pub mod ids;
pub mod invitation;
pub mod limits;
pub mod mail;
pub mod messages;
pub mod mpn;
pub mod paging;
pub mod partners;
pub mod phone;
pub mod problem;
pub mod registration;
pub mod relationship;
pub mod review;
pub mod roles;
pub mod user_invitation;
pub mod users;
pub mod verification;

pub use field::Field;
pub use problem::{Code, FieldProblem, Problem, Report};
