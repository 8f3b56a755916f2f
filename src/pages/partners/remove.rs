//! **Remove partnership**: a confirmation with the legal notice; the reseller then leaves
//! the *Indirect resellers* list.

use super::common::use_resellers;
use crate::components::Busy;
use crate::env::use_env;
use crate::form::{use_form, FetchFailed, FormPage};
use crate::i18n::use_i18n;
use crate::route::Route;
use csp_core::endpoint::REMOVE_RESELLER;
use csp_core::ids::same_id;
use csp_core::Report;
use yew::prelude::*;
use yew_router::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RemoveProps {
    pub id: String,
}

#[function_component]
pub fn RemovePartnership(p: &RemoveProps) -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let nav = use_navigator().expect("router");
    let form = use_form();
    let (list, again) = use_resellers();
    let found = match &*list {
        None => return html! { <Busy label={i18n.t("partners-loading")} /> },
        Some(Err(f)) => {
            return html! { <div class="step"><FetchFailed failure={f.clone()} retry={again.clone()} /></div> }
        }
        Some(Ok(l)) => l.iter().find(|r| same_id(&r.id, &p.id)).cloned(),
    };
    let Some(r) = found else {
        return html! {
            <div class="step">
                <h1 class="heading">{ i18n.t("not-found-heading") }</h1>
                <Link<Route> to={Route::IndirectResellers}>{ i18n.t("partners-resellers-heading") }</Link<Route>>
            </div>
        };
    };
    let onsubmit = {
        let (form, api, nav, id) = (form.clone(), env.api.clone(), nav.clone(), r.id.clone());
        Callback::from(move |_| {
            form.press(&Report::default());
            let (api, id) = (api.clone(), id.clone());
            let call = async move { api.call(&REMOVE_RESELLER, &[&id], &()).await };
            let nav = nav.clone();
            form.run(call, move |_| nav.push(&Route::IndirectResellers));
        })
    };
    html! {
        <FormPage heading={i18n.ta("partners-remove-heading", &[("reseller", &r.name)])} form={form.clone()} report={(*form.server).clone()} {onsubmit}
            back={Route::IndirectResellers} submit_label={i18n.t("partners-remove-confirm")}>
            <p class="inset warning">{ i18n.ta("partners-remove-legal", &[("reseller", &r.name)]) }</p>
        </FormPage>
    }
}
