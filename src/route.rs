//! The app's typed routes: one per page, deep-linkable. Which page each shows is decided in
//! `app::switch`, so that pages can link to any route without importing each other.

use std::collections::HashMap;
use yew::prelude::*;
use yew_router::prelude::*;

#[derive(Clone, Routable, PartialEq, Debug)]
pub enum Route {
    #[at("/")]
    Home,
    #[at("/enroll")]
    Welcome,
    #[at("/enroll/partner-type")]
    PartnerType,
    #[at("/enroll/partner-type-closed")]
    PartnerTypeClosed,
    #[at("/enroll/work-account")]
    WorkAccount,
    #[at("/enroll/mpn-id")]
    MpnId,
    #[at("/enroll/legal-profile")]
    LegalProfile,
    #[at("/enroll/primary-contact")]
    PrimaryContact,
    #[at("/enroll/support")]
    Support,
    #[at("/enroll/bank")]
    Bank,
    #[at("/enroll/check-answers")]
    CheckAnswers,
    #[at("/applications/:id")]
    Application { id: String },
    #[at("/sign-in")]
    SignIn,
    #[at("/account")]
    Account,
    #[at("/account/password")]
    ChangePassword,
    #[at("/roles")]
    Roles,
    #[at("/users")]
    Users,
    #[at("/users/add")]
    AddUser,
    #[at("/users/add/confirm")]
    ConfirmUser,
    #[at("/users/added")]
    UserAdded,
    #[at("/users/:id")]
    EditUser { id: String },
    #[at("/customers")]
    Customers,
    #[at("/customers/add")]
    AddCustomer,
    #[at("/customers/added")]
    CustomerAdded,
    #[at("/customers/request-relationship")]
    RequestRelationship,
    #[at("/customers/relationship-requests")]
    RelationshipRequests,
    #[at("/customers/relationship-requests/:id/terminate")]
    TerminateRelationship { id: String },
    #[at("/customers/:id/remove-relationship")]
    RemoveRelationship { id: String },
    #[at("/indirect-providers")]
    IndirectProviders,
    /// The deep link of a provider's invitation (`?invType=IndirectReseller&partnerId=…`).
    #[at("/indirect-providers/authorize")]
    AuthorizeProvider,
    #[at("/indirect-providers/:id/customers")]
    ProviderCustomers { id: String },
    #[at("/indirect-providers/:id/invite")]
    InviteCustomers { id: String },
    #[at("/indirect-resellers")]
    IndirectResellers,
    #[at("/indirect-resellers/request-partnership")]
    RequestPartnership,
    /// A provider's **Add new customer** on behalf of one indirect reseller.
    #[at("/indirect-resellers/:id/add-customer")]
    AddCustomerFor { id: String },
    #[at("/indirect-resellers/:id/remove")]
    RemovePartnership { id: String },
    #[not_found]
    #[at("/404")]
    NotFound,
}

impl Route {
    /// The route a path names, or [`Route::NotFound`]. Matched segment by segment against the
    /// `#[at]` patterns, where a fixed segment beats a parameter (`/users/add` is not user
    /// "add"), and built by the derived `from_path`, which decodes the parameters. This stands
    /// in for the derive's `recognize`, whose route_recognizer automaton cost the first load
    /// about 12 KB of wasm, 4 KB gzip (issue #12).
    pub fn of_path(path: &str) -> Route {
        let path = match path.strip_suffix('/') {
            Some("") | None => path,
            Some(trimmed) => trimmed,
        };
        let segments: Vec<&str> = path.split('/').collect();
        let mut best: Option<(usize, Route)> = None;
        for pattern in Route::routes() {
            let parts: Vec<&str> = pattern.split('/').collect();
            if parts.len() != segments.len() {
                continue;
            }
            let mut params = HashMap::new();
            let matches =
                parts
                    .iter()
                    .zip(&segments)
                    .all(|(part, seg)| match part.strip_prefix(':') {
                        Some(name) => !seg.is_empty() && params.insert(name, *seg).is_none(),
                        None => part == seg,
                    });
            if matches && best.as_ref().is_none_or(|(n, _)| params.len() < *n) {
                if let Some(route) = Route::from_path(pattern, &params) {
                    best = Some((params.len(), route));
                }
            }
        }
        best.map_or(Route::NotFound, |(_, route)| route)
    }
}

/// The route of the current location; the component re-renders when it changes.
#[hook]
pub fn use_route() -> Route {
    let location = use_location().expect("inside the router");
    Route::of_path(location.path())
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn every_route_is_found_at_its_own_path() {
        let id = "a b/é%";
        for pattern in Route::routes() {
            let path = pattern.replace(":id", "x");
            let route = Route::of_path(&path);
            let with_id =
                Route::of_path(&pattern.replace(":id", &yew_router::__macro::encode_for_url(id)));
            assert_eq!(route.to_path(), path, "{pattern}");
            assert_eq!(
                Route::of_path(&format!("{path}/")),
                route,
                "{pattern} with a trailing slash"
            );
            assert_eq!(
                Route::of_path(&with_id.to_path()),
                with_id,
                "{pattern} with an id to decode"
            );
        }
        assert_eq!(Route::of_path("/"), Route::Home);
        assert_eq!(Route::of_path("/users/add"), Route::AddUser);
        assert_eq!(
            Route::of_path("/users/u-7"),
            Route::EditUser { id: "u-7".into() }
        );
        assert_eq!(
            Route::of_path("/customers/c%201/remove-relationship"),
            Route::RemoveRelationship { id: "c 1".into() }
        );
        for unknown in ["", "/nope", "/users/u-7/more", "/users//", "/enroll/bank/x"] {
            assert_eq!(Route::of_path(unknown), Route::NotFound, "{unknown:?}");
        }
    }
}
