//! The partner's team: sign-in, the role table, user management (with the invitation email's
//! link page) and the signed-in user's account. `common` holds what the pages share (role
//! names and choices, the users list).

mod account;
mod add_user;
mod agreement;
mod change_password;
mod common;
mod confirm_user;
mod edit_user;
mod invitation;
mod roles;
mod sign_in;
mod user_added;
mod users;

pub use account::Account;
pub use add_user::AddUser;
pub use agreement::AgreementPage;
pub use change_password::ChangePassword;
pub use confirm_user::ConfirmUser;
pub use edit_user::EditUser;
pub use invitation::InvitationPage;
pub use roles::RoleTable;
pub use sign_in::SignInPage;
pub use user_added::UserAdded;
pub use users::Users;

use crate::route::TeamRoute;
use crate::session::{guarded, Guard};
use csp_core::roles::MANAGE_USERS;
use yew::prelude::*;

/// The team page `route` names; `again`: the sign-in asked for over a page whose session ended.
pub fn page(route: &TeamRoute, again: bool) -> Html {
    match route {
        TeamRoute::SignIn => html! { <SignInPage {again} /> },
        TeamRoute::Roles => html! { <RoleTable /> },
        // Who may open what: any signed-in user, or the roles whose features include it.
        TeamRoute::Account => guarded("", html! { <Account /> }),
        TeamRoute::ChangePassword => {
            html! { <Guard feature="" temporary_ok=true><ChangePassword /></Guard> }
        }
        TeamRoute::Users => guarded(MANAGE_USERS, html! { <Users /> }),
        TeamRoute::AddUser => guarded(MANAGE_USERS, html! { <AddUser /> }),
        TeamRoute::ConfirmUser => guarded(MANAGE_USERS, html! { <ConfirmUser /> }),
        TeamRoute::UserAdded => guarded(MANAGE_USERS, html! { <UserAdded /> }),
        TeamRoute::EditUser { id } => guarded(MANAGE_USERS, html! { <EditUser id={id.clone()} /> }),
        TeamRoute::Agreement => guarded("", html! { <AgreementPage /> }),
        // The link is the proof: no session needed (it opens one).
        TeamRoute::Invitation => html! { <InvitationPage /> },
    }
}
