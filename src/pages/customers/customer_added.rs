//! The one-time view of the new customer admin's sign-in details: never stored, forgotten on
//! leaving, like a new user's.

use crate::components::NavButton;
use crate::i18n::{use_i18n, use_title};
use crate::route::Route;
use crate::session::{use_session, SessionAction};
use yew::prelude::*;
use yew_router::prelude::*;

#[function_component]
pub fn CustomerAdded() -> Html {
    let i18n = use_i18n();
    let session = use_session();
    let copied = use_state(|| None::<bool>);
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
                <Link<Route> to={Route::Customers}>{ i18n.t("customers-heading") }</Link<Route>>
            </div>
        };
    };
    let copy = {
        let (copied, text) = (
            copied.clone(),
            format!("{}\n{}", c.sign_in_name, c.temporary_password),
        );
        Callback::from(move |_| {
            let promise = gloo::utils::window()
                .navigator()
                .clipboard()
                .write_text(&text);
            let copied = copied.clone();
            wasm_bindgen_futures::spawn_local(async move {
                copied.set(Some(
                    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok(),
                ));
            });
        })
    };
    html! {
        <div class="step">
            <div class="panel panel--confirmation"><h1 class="panel-title">{ heading }</h1><p class="panel-body">{ &c.customer.company_name }</p></div>
            <p class="inset warning" role="alert"><strong>{ i18n.t("add-customer-once") }</strong></p>
            <dl class="summary-list">
                <div class="summary-row"><dt class="summary-key">{ i18n.t("add-customer-sign-in-name") }</dt><dd class="summary-value"><code>{ &c.sign_in_name }</code></dd></div>
                <div class="summary-row"><dt class="summary-key">{ i18n.t("add-customer-password") }</dt><dd class="summary-value"><code>{ &c.temporary_password }</code></dd></div>
            </dl>
            <button type="button" class="button button--secondary" onclick={copy}>{ i18n.t("add-customer-copy") }</button>
            if *copied == Some(true) { <p role="status">{ i18n.t("add-customer-copied") }</p> }
            if *copied == Some(false) { <p role="status">{ i18n.t("partners-copy-failed") }</p> }
            <p>{ i18n.t("add-customer-change-password") }</p>
            <NavButton to={Route::Customers} label={i18n.t("add-customer-done")} />
        </div>
    }
}
