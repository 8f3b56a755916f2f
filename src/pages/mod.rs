//! One folder per part of the portal, one file per page. Folders share only the modules
//! above them (`form`, `components`, `journey`, `session`, …), never each other.

pub mod customers;
pub mod enroll;
pub mod home;
/// How the folders are loaded (each its own wasm chunk in a release build): the one place
/// that names them all, below the shell and above no folder.
pub mod lazy;
pub mod not_found;
pub mod partners;
pub mod review;
pub mod team;
