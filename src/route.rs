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
    #[not_found]
    #[at("/404")]
    NotFound,
}
