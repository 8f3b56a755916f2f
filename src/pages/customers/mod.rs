//! Customers: the list with search, reseller filter, paging and CSV export; adding
//! a customer with its admin's one-time password; requesting a reseller relationship (GDAP)
//! with the drafted email; the requests and their status; removing a relationship; and the
//! customer's side: its Global admin accepting or declining the link (`accept`).
//! `common` holds what the pages share (the signed-in partner, relationship labels).

mod accept;
mod add_customer;
mod common;
mod customer_added;
mod list;
mod relationship_requests;
mod remove_relationship;
mod request_relationship;
mod terminate;

pub use accept::AcceptInvitation;
pub use add_customer::AddCustomer;
pub use customer_added::CustomerAdded;
pub use list::CustomersPage;
pub use relationship_requests::RelationshipRequests;
pub use remove_relationship::RemoveRelationship;
pub use request_relationship::RequestRelationship;
pub use terminate::TerminateRelationship;

use crate::partner::signed;
use crate::route::CustomersRoute;
use csp_core::roles::{ADD_CUSTOMER, CUSTOMERS, RELATIONSHIP_REQUESTS};
use yew::prelude::*;

/// The partner's Customers page, or, for a reseller-relationship link's query, the customer's
/// acceptance page.
#[function_component]
fn CustomersOrInvitation() -> Html {
    let query = crate::router::use_location().query_str().to_owned();
    if accept::is_customer_link(&query) {
        html! { <AcceptInvitation /> }
    } else {
        signed(CUSTOMERS, html! { <CustomersPage /> })
    }
}

/// The customers page `route` names, each behind the feature it needs.
pub fn page(route: &CustomersRoute, _again: bool) -> Html {
    match route {
        // A reseller-relationship link opens the Customers page's path with its query: the
        // customer's side, answered there without a partner session. Not a route of its own:
        // each route costs the first load (the route table is in the main module).
        CustomersRoute::Customers => html! { <CustomersOrInvitation /> },
        CustomersRoute::ProviderCustomers { id } => signed(
            CUSTOMERS,
            html! { <CustomersPage provider={Some(id.clone())} /> },
        ),
        CustomersRoute::AddCustomer => signed(ADD_CUSTOMER, html! { <AddCustomer /> }),
        CustomersRoute::AddCustomerFor { id } => signed(
            ADD_CUSTOMER,
            html! { <AddCustomer reseller={Some(id.clone())} /> },
        ),
        CustomersRoute::CustomerAdded => signed(ADD_CUSTOMER, html! { <CustomerAdded /> }),
        CustomersRoute::RequestRelationship => {
            signed(RELATIONSHIP_REQUESTS, html! { <RequestRelationship /> })
        }
        CustomersRoute::RelationshipRequests => {
            signed(RELATIONSHIP_REQUESTS, html! { <RelationshipRequests /> })
        }
        CustomersRoute::TerminateRelationship { id } => signed(
            RELATIONSHIP_REQUESTS,
            html! { <TerminateRelationship id={id.clone()} /> },
        ),
        CustomersRoute::RemoveRelationship { id } => signed(
            RELATIONSHIP_REQUESTS,
            html! { <RemoveRelationship id={id.clone()} /> },
        ),
    }
}
