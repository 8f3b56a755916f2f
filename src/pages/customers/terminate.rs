//! Terminate an active relationship, after confirmation.

use crate::env::use_env;
use crate::form::{confirm, one_of, use_fetch, use_form, FormPage};
use crate::i18n::use_i18n;
use crate::route::Route;
use crate::router::use_navigator;
use csp_core::endpoint::{RELATIONSHIP_REQUESTS, TERMINATE_RELATIONSHIP};
use csp_core::ids::same_id;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TerminateProps {
    pub id: String,
}

#[function_component]
pub fn TerminateRelationship(p: &TerminateProps) -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let nav = use_navigator();
    let form = use_form();
    let api = env.api.clone();
    let (list, again) = use_fetch((), move |_| {
        let api = api.clone();
        async move { api.all(&RELATIONSHIP_REQUESTS).await }
    });
    let back = (
        Route::RelationshipRequests,
        i18n.t("relationship-requests-heading"),
    );
    let r = match one_of(
        &i18n,
        &list,
        &again,
        |l| l.iter().find(|r| same_id(&r.id, &p.id)).cloned(),
        back,
    ) {
        Ok(r) => r,
        Err(instead) => return instead,
    };
    let onsubmit = confirm(
        &form,
        &env.api,
        &nav,
        &TERMINATE_RELATIONSHIP,
        r.id.clone(),
        (
            Route::RelationshipRequests,
            i18n.ta("relationship-terminated", &[("name", &r.name)]),
        ),
    );
    html! {
        <FormPage heading={i18n.ta("relationship-terminate-heading", &[("name", &r.name)])} form={form.clone()} report={(*form.server).clone()} {onsubmit}
            back={Route::RelationshipRequests} submit_label={i18n.t("relationship-terminate-confirm")}>
            <p class="inset warning">{ i18n.t("relationship-terminate-body") }</p>
        </FormPage>
    }
}
