//! What the customer pages share: the signed-in partner, the customer list, labels.

use crate::env::use_env;
use crate::form::{use_fetch, Fetched};
use crate::i18n::I18n;
use crate::session::{features, use_session};
use csp_core::api::CustomerList;
use csp_core::customers::CustomerIndex;
use csp_core::endpoint::CUSTOMERS;
use csp_core::invitation::{build_link, Invite};
use csp_core::paging::MAX_LIMIT;
use csp_core::relationship::RelationshipRequest;
use std::rc::Rc;
use yew::prelude::*;

/// The customer list with its search index, built once per fetch (not per keystroke).
pub(super) struct Loaded {
    pub list: CustomerList,
    pub index: CustomerIndex,
}

#[hook]
pub(super) fn use_customers() -> (UseStateHandle<Fetched<Rc<Loaded>>>, Callback<()>) {
    let api = use_env().api;
    use_fetch((), move |_| {
        let api = api.clone();
        async move {
            // Every page: the search, the filters and the export run over all the customers,
            // so any of them can be found.
            let mut list: CustomerList = api.list(&CUSTOMERS, Some(MAX_LIMIT), None).await?;
            while let Some(c) = list.next_cursor.take() {
                let mut more: CustomerList =
                    api.list(&CUSTOMERS, Some(MAX_LIMIT), Some(&c)).await?;
                list.customers.append(&mut more.customers);
                list.next_cursor = more.next_cursor;
            }
            let index = CustomerIndex::new(&list.customers);
            Ok(Rc::new(Loaded { list, index }))
        }
    })
}

/// The personalized link a customer's Global admin opens to accept `request` of `partner_id`,
/// on `base` (`crate::invitation::customer_base`).
pub(super) fn request_link(base: &str, partner_id: &str, request: &RelationshipRequest) -> String {
    build_link(
        base,
        &Invite::ResellerRelationship {
            partner_id: partner_id.into(),
            provider_id: None,
            admin: request.admin_access,
            request_id: Some(request.id.clone()),
        },
    )
}

/// Whether the signed-in user's roles open `feature`.
#[hook]
pub(super) fn use_can(feature: &'static str) -> bool {
    let env = use_env();
    let session = use_session();
    features(session.user.as_ref(), &env.catalog)
        .iter()
        .any(|f| f == feature)
}

/// An admin role's name (`relationship-role-<id>`).
pub(super) fn role_label(i18n: &I18n, id: &str) -> String {
    i18n.t(&format!("relationship-role-{id}"))
}
