//! Terminate an active relationship, after confirmation.

use crate::env::use_env;
use crate::form::{use_fetch, use_form, FetchFailed, FormPage};
use crate::i18n::use_i18n;
use crate::route::Route;
use csp_core::endpoint::{RELATIONSHIP_REQUESTS, TERMINATE_RELATIONSHIP};
use csp_core::ids::same_id;
use csp_core::Report;
use yew::prelude::*;
use yew_router::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TerminateProps {
    pub id: String,
}

#[function_component]
pub fn TerminateRelationship(p: &TerminateProps) -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let nav = use_navigator().expect("router");
    let form = use_form();
    let api = env.api.clone();
    let (list, again) = use_fetch((), move |_| {
        let api = api.clone();
        async move { api.call(&RELATIONSHIP_REQUESTS, &[], &()).await }
    });
    let found = match &*list {
        Some(Ok(l)) => l.iter().find(|r| same_id(&r.id, &p.id)).cloned(),
        _ => None,
    };
    let waiting = match &*list {
        None => Some(html! { <crate::components::Busy label={i18n.t("partners-loading")} /> }),
        Some(Err(f)) => Some(html! { <FetchFailed failure={f.clone()} retry={again.clone()} /> }),
        Some(Ok(_)) if found.is_none() => Some(html! {
            <><h1 class="heading">{ i18n.t("not-found-heading") }</h1>
            <Link<Route> to={Route::RelationshipRequests}>{ i18n.t("relationship-requests-heading") }</Link<Route>></>
        }),
        _ => None,
    };
    if let Some(w) = waiting {
        return html! { <div class="step">{ w }</div> };
    }
    let r = found.expect("found");
    let onsubmit = {
        let (form, api, nav, id) = (form.clone(), env.api.clone(), nav.clone(), r.id.clone());
        Callback::from(move |_| {
            form.press(&Report::default());
            let (api, id) = (api.clone(), id.clone());
            let call = async move { api.call(&TERMINATE_RELATIONSHIP, &[&id], &()).await };
            let nav = nav.clone();
            form.run(call, move |_| nav.push(&Route::RelationshipRequests));
        })
    };
    html! {
        <FormPage heading={i18n.ta("relationship-terminate-heading", &[("name", &r.name)])} form={form.clone()} report={(*form.server).clone()} {onsubmit}
            back={Route::RelationshipRequests} submit_label={i18n.t("relationship-terminate-confirm")}>
            <p class="inset warning">{ i18n.t("relationship-terminate-body") }</p>
        </FormPage>
    }
}
