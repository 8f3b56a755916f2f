//! The app's typed routes: one per page, deep-linkable. Which page each shows is decided in
//! `app::switch`, so that pages can link to any route without importing each other.

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
