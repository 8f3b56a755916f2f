//! The one-time view of the new customer admin's sign-in details: never stored, forgotten on
//! leaving, like a new user's.

use crate::components::OneTimeSignIn;
use crate::i18n::{use_i18n, use_title};
use crate::route::Route;
use crate::router::Link;
use crate::session::{use_session, SessionAction};
use yew::prelude::*;

#[function_component]
pub fn CustomerAdded() -> Html {
    let i18n = use_i18n();
    let session = use_session();
    let created = use_state(|| session.created_customer.clone());
    {
        let session = session.clone();
        use_effect_with((), move |_| {
            session.dispatch(SessionAction::CreatedCustomer(None));
        });
    }
    let heading = i18n.t("add-customer-done-heading");
    use_title(&heading, false);
    let Some(c) = (*created).clone() else {
        return html! {
            <div class="step">
                <h1 class="heading">{ i18n.t("user-added-gone-heading") }</h1>
                <p>{ i18n.t("add-customer-gone-body") }</p>
                <Link to={Route::Customers}>{ i18n.t("customers-heading") }</Link>
            </div>
        };
    };
    html! {
        <OneTimeSignIn {heading} subject={c.customer.company_name.clone()} sign_in_name={c.sign_in_name.clone()} password={c.temporary_password.clone()}
            name_label="add-customer-sign-in-name" password_label="add-customer-password" once="add-customer-once" copy="add-customer-copy" change_note="add-customer-change-password"
            done_to={Route::Customers} done_label={i18n.t("add-customer-done")} />
    }
}
