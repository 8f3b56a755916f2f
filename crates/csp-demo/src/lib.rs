//! The in-browser demo backend: every endpoint of the contract over in-memory state, so the
//! portal runs with no server at all. The browser keeps the state in its storage. A real
//! backend (`crates/csp-server`) implements the same contract over a database; both run
//! csp-core's rules, so they refuse the same input.

pub mod acceptance;
pub mod agreement;
pub mod backend;
pub mod customers;
pub mod invitations;
pub mod partners;
pub mod profile;
pub mod review;
pub mod routes;
pub mod seed;
pub mod verification;

/// Counts instead of drawing: tests need the backend's IDs and tokens to repeat.
#[cfg(test)]
pub(crate) fn not_random() -> impl FnMut() -> [u8; 16] {
    let mut n = 0u8;
    move || {
        n = n.wrapping_add(1);
        [n; 16]
    }
}
