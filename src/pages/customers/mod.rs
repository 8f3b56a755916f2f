//! Customers (issue #11): the list with search, reseller filter, paging and CSV export; adding
//! a customer with its admin's one-time password; requesting a reseller relationship (GDAP)
//! with the drafted email; the requests and their status; removing a relationship.
//! `common` holds what the pages share (the signed-in partner, relationship labels).

mod add_customer;
mod common;
mod customer_added;
mod list;
mod relationship_requests;
mod remove_relationship;
mod request_relationship;
mod terminate;

pub use add_customer::AddCustomer;
pub use customer_added::CustomerAdded;
pub use list::CustomersPage;
pub use relationship_requests::RelationshipRequests;
pub use remove_relationship::RemoveRelationship;
pub use request_relationship::RequestRelationship;
pub use terminate::TerminateRelationship;
