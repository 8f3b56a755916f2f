//! **Remove reseller relationship**, after confirmation; unavailable (with the reason) while
//! the customer has active subscriptions.

use super::common::{use_customers, Loaded};
use crate::env::use_env;
use crate::form::{confirm, one_of, use_form, FormPage};
use crate::i18n::use_i18n;
use crate::route::Route;
use crate::router::{use_navigator, Link};
use csp_core::customers::check_can_remove_relationship;
use csp_core::endpoint::REMOVE_RELATIONSHIP;
use csp_core::ids::same_id;
use csp_core::Field;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RemoveRelationshipProps {
    pub id: String,
}

#[function_component]
pub fn RemoveRelationship(p: &RemoveRelationshipProps) -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let nav = use_navigator();
    let form = use_form();
    let (loaded, again) = use_customers();
    let back = (Route::Customers, i18n.t("customers-heading"));
    let pick = |l: &Rc<Loaded>| {
        l.list
            .customers
            .iter()
            .find(|c| same_id(&c.id, &p.id))
            .cloned()
    };
    let c = match one_of(&i18n, &loaded, &again, pick, back) {
        Ok(c) => c,
        Err(instead) => return instead,
    };
    let heading = i18n.ta("customers-remove-heading", &[("customer", &c.company_name)]);
    if let Err(why) = check_can_remove_relationship(&c) {
        return html! {
            <div class="step">
                <Link to={Route::Customers} classes="back-link">{ i18n.t("back") }</Link>
                <h1 class="heading">{ heading }</h1>
                <p class="inset warning">{ i18n.problem(Field::CustomerCompanyName, &why) }</p>
                <button type="button" class="button" disabled=true>{ i18n.t("customers-remove-confirm") }</button>
            </div>
        };
    }
    let onsubmit = confirm(
        &form,
        &env.api,
        &nav,
        &REMOVE_RELATIONSHIP,
        c.id.clone(),
        (
            Route::Customers,
            i18n.ta("customers-removed", &[("customer", &c.company_name)]),
        ),
    );
    html! {
        <FormPage {heading} form={form.clone()} report={(*form.server).clone()} {onsubmit}
            back={Route::Customers} submit_label={i18n.t("customers-remove-confirm")}>
            <p>{ i18n.t("customers-remove-body") }</p>
        </FormPage>
    }
}
