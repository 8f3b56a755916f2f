//! One folder per part of the portal, one file per page. Folders share only the modules
//! above them (`form`, `components`, `journey`, `session`, …), never each other.

pub mod customers;
pub mod enroll;
pub mod home;
pub mod not_found;
pub mod partners;
pub mod team;
