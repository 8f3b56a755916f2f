//! The signed-in user's partner (`GET /partner`): its ID personalizes invitation links, its
//! name signs them, its domains are refused as a customer admin's email; until a global admin
//! signs the partner agreement, the partner pages are closed.

use crate::components::Busy;
use crate::env::use_env;
use crate::form::{use_fetch, Fetched};
use crate::i18n::{use_i18n, use_title};
use crate::route::Route;
use crate::router::Link;
use csp_core::api::MyPartner;
use csp_core::endpoint::MY_PARTNER;
use yew::prelude::*;

#[hook]
pub fn use_my_partner() -> UseStateHandle<Fetched<MyPartner>> {
    let api = use_env().api;
    use_fetch((), move |_| {
        let api = api.clone();
        async move { api.call(&MY_PARTNER, &[], &()).await }
    })
    .0
}

/// A partner page behind the feature it needs and the partner agreement: until a global admin
/// of the partner signs it, the page says so (the backend answers 403 `agreement-not-signed`).
pub fn signed(feature: &'static str, page: Html) -> Html {
    crate::session::guarded(feature, html! { <AgreementGate>{ page }</AgreementGate> })
}

#[derive(Properties, PartialEq)]
pub struct AgreementGateProps {
    pub children: Children,
}

/// The page, once the signed-in user's partner has signed the agreement; until then, why it is
/// closed and the way to the agreement. A partner that can't be read shows the page, which
/// says what went wrong itself.
#[function_component]
pub fn AgreementGate(p: &AgreementGateProps) -> Html {
    let i18n = use_i18n();
    let me = use_my_partner();
    let closed = matches!(&*me, Some(Ok(m)) if !m.agreement_signed);
    use_title(
        if closed {
            i18n.t("agreement-gate-heading")
        } else {
            String::new()
        }
        .as_str(),
        false,
    );
    match &*me {
        None => html! { <Busy label={i18n.t("loading")} /> },
        Some(Ok(_)) if closed => html! {
            <div class="step">
                <h1 class="heading">{ i18n.t("agreement-gate-heading") }</h1>
                <AgreementNotice />
            </div>
        },
        Some(_) => html! { <>{ for p.children.iter() }</> },
    }
}

/// "The partner agreement is not signed yet": what it keeps closed, and the link to sign it
/// (the page says who may).
#[function_component]
pub fn AgreementNotice() -> Html {
    let i18n = use_i18n();
    html! {
        <div class="inset warning" role="status">
            <p>{ i18n.t("agreement-not-signed-body") }</p>
            <p><Link to={Route::Agreement}>{ i18n.t("agreement-sign-link") }</Link></p>
        </div>
    }
}
