//! The partner's team: sign-in, the role table, user management and the signed-in user's
//! account. `common` holds what the pages share (role names and choices, the users list).

mod account;
mod add_user;
mod change_password;
mod common;
mod confirm_user;
mod edit_user;
mod roles;
mod sign_in;
mod user_added;
mod users;

pub use account::Account;
pub use add_user::AddUser;
pub use change_password::ChangePassword;
pub use confirm_user::ConfirmUser;
pub use edit_user::EditUser;
pub use roles::RoleTable;
pub use sign_in::SignInPage;
pub use user_added::UserAdded;
pub use users::Users;
