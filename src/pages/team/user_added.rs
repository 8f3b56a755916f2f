//! The one-time view of a new user's sign-in details: never stored, forgotten on leaving.

use crate::components::OneTimeSignIn;
use crate::i18n::{use_i18n, use_title};
use crate::route::Route;
use crate::router::Link;
use crate::session::{use_session, SessionAction};
use yew::prelude::*;

/// The one-time view of the new user's sign-in details: never stored, forgotten on leaving.
#[function_component]
pub fn UserAdded() -> Html {
    let i18n = use_i18n();
    let session = use_session();
    // Shown once: the details leave memory as soon as this page does.
    let created = use_state(|| session.created.clone());
    {
        let session = session.clone();
        use_effect_with((), move |_| {
            session.dispatch(SessionAction::Created(None));
        });
    }
    let heading = i18n.t("user-added-heading");
    use_title(&heading, false);
    let Some(c) = (*created).clone() else {
        return html! {
            <div class="step">
                <h1 class="heading">{ i18n.t("user-added-gone-heading") }</h1>
                <p>{ i18n.t("user-added-gone-body") }</p>
                <Link to={Route::Users}>{ i18n.t("users-heading") }</Link>
            </div>
        };
    };
    html! {
        <OneTimeSignIn {heading} subject={c.user.name.clone()} sign_in_name={c.sign_in_name.clone()} password={c.temporary_password.clone()}
            name_label="user-added-sign-in-name" password_label="user-added-password" once="user-added-once" copy="user-added-copy" change_note="user-added-change-password"
            done_to={Route::Users} done_label={i18n.t("user-added-done")}>
            <p>{ i18n.ta("user-added-invitation", &[("email", &c.sign_in_name)]) }</p>
        </OneTimeSignIn>
    }
}
