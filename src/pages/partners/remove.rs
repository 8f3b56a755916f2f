//! **Remove partnership**: a confirmation with the legal notice; the reseller then leaves
//! the *Indirect resellers* list.

use super::common::use_resellers;
use crate::env::use_env;
use crate::form::{confirm, one_of, use_form, FormPage};
use crate::i18n::use_i18n;
use crate::route::Route;
use crate::router::use_navigator;
use csp_core::endpoint::REMOVE_RESELLER;
use csp_core::ids::same_id;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RemoveProps {
    pub id: String,
}

#[function_component]
pub fn RemovePartnership(p: &RemoveProps) -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let nav = use_navigator();
    let form = use_form();
    let (list, again) = use_resellers();
    let back = (
        Route::IndirectResellers,
        i18n.t("partners-resellers-heading"),
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
        &REMOVE_RESELLER,
        r.id.clone(),
        (
            Route::IndirectResellers,
            i18n.ta("partners-removed", &[("reseller", &r.name)]),
        ),
    );
    html! {
        <FormPage heading={i18n.ta("partners-remove-heading", &[("reseller", &r.name)])} form={form.clone()} report={(*form.server).clone()} {onsubmit}
            back={Route::IndirectResellers} submit_label={i18n.t("partners-remove-confirm")}>
            <p class="inset warning">{ i18n.ta("partners-remove-legal", &[("reseller", &r.name)]) }</p>
        </FormPage>
    }
}
