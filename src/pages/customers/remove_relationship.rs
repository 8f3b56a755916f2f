//! **Remove reseller relationship**, after confirmation; unavailable (with the reason) while
//! the customer has active subscriptions.

use super::common::use_customers;
use crate::components::Busy;
use crate::env::use_env;
use crate::form::{use_form, FetchFailed, FormPage};
use crate::i18n::use_i18n;
use crate::route::Route;
use csp_core::customers::check_can_remove_relationship;
use csp_core::endpoint::REMOVE_RELATIONSHIP;
use csp_core::ids::same_id;
use csp_core::{Field, Report};
use yew::prelude::*;
use yew_router::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RemoveRelationshipProps {
    pub id: String,
}

#[function_component]
pub fn RemoveRelationship(p: &RemoveRelationshipProps) -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let nav = use_navigator().expect("router");
    let form = use_form();
    let (loaded, again) = use_customers();
    let customer = match &*loaded {
        None => {
            return html! { <div class="step"><Busy label={i18n.t("customers-loading")} /></div> }
        }
        Some(Err(f)) => {
            return html! { <div class="step"><FetchFailed failure={f.clone()} retry={again.clone()} /></div> }
        }
        Some(Ok(l)) => l
            .list
            .customers
            .iter()
            .find(|c| same_id(&c.id, &p.id))
            .cloned(),
    };
    let Some(c) = customer else {
        return html! {
            <div class="step">
                <h1 class="heading">{ i18n.t("not-found-heading") }</h1>
                <Link<Route> to={Route::Customers}>{ i18n.t("customers-heading") }</Link<Route>>
            </div>
        };
    };
    let heading = i18n.ta("customers-remove-heading", &[("customer", &c.company_name)]);
    if let Err(why) = check_can_remove_relationship(&c) {
        return html! {
            <div class="step">
                <Link<Route> to={Route::Customers} classes="back-link">{ i18n.t("back") }</Link<Route>>
                <h1 class="heading">{ heading }</h1>
                <p class="inset warning">{ i18n.problem(Field::CustomerCompanyName, &why) }</p>
                <button type="button" class="button" disabled=true>{ i18n.t("customers-remove-confirm") }</button>
            </div>
        };
    }
    let onsubmit = {
        let (form, api, nav, id) = (form.clone(), env.api.clone(), nav.clone(), c.id.clone());
        Callback::from(move |_| {
            form.press(&Report::default());
            let (api, id) = (api.clone(), id.clone());
            let call = async move { api.call(&REMOVE_RELATIONSHIP, &[&id], &()).await };
            let nav = nav.clone();
            form.run(call, move |_| nav.push(&Route::Customers));
        })
    };
    html! {
        <FormPage {heading} form={form.clone()} report={(*form.server).clone()} {onsubmit}
            back={Route::Customers} submit_label={i18n.t("customers-remove-confirm")}>
            <p>{ i18n.t("customers-remove-body") }</p>
        </FormPage>
    }
}
