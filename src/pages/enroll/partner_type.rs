//! Partner type: which sales model; a closed type leads to an explanation, not an error.

use super::step::{use_report, StepPage};
use crate::components::{RadioOption, Radios};
use crate::env::use_env;
use crate::form::use_form;
use crate::i18n::use_i18n;
use crate::journey::{edit, go_next, use_journey};
use crate::route::Route;
use crate::router::use_navigator;
use csp_core::enrollment::{check_partner_type, PartnerType};
use csp_core::{Code, Field};
use yew::prelude::*;

#[function_component]
pub fn PartnerTypeStep() -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let j = use_journey();
    let nav = use_navigator();
    let form = use_form();
    let open = env.settings.open_partner_types.clone();
    let report = form.shown(|| check_partner_type(&j.draft, &open));
    let options = PartnerType::ALL
        .iter()
        .map(|t| {
            let mut hint = i18n.t(&format!("partner-type-{}-hint", t.id()));
            if !open.contains(t) {
                hint = format!("{hint} {}", i18n.t("partner-type-closed-hint"));
            }
            RadioOption {
                value: t.id().into(),
                label: i18n.t(&format!("partner-type-{}", t.id())),
                hint: Some(hint),
                disabled: false,
            }
        })
        .collect::<Vec<_>>();
    let onchange = {
        let j = j.clone();
        Callback::from(move |v: String| {
            let t = PartnerType::ALL.into_iter().find(|t| t.id() == v);
            j.dispatch(edit(move |d| d.partner_type = t));
        })
    };
    let on_enrolled = {
        let j = j.clone();
        Callback::from(move |e: Event| {
            let checked = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .checked();
            j.dispatch(edit(move |d| d.already_enrolled = checked));
        })
    };
    let onsubmit = {
        let (j, nav, form, open) = (j.clone(), nav.clone(), form.clone(), open.clone());
        Callback::from(move |_| {
            let r = check_partner_type(&j.draft, &open);
            let closed =
                r.0.iter()
                    .any(|p| p.problem.code == Code::PartnerTypeClosed);
            if closed {
                nav.push(&Route::PartnerTypeClosed);
            } else if form.press(&r) {
                go_next(&nav, j.store(), &Route::PartnerType);
            }
        })
    };
    let shown = use_report(report.clone());
    html! {
        <StepPage route={Route::PartnerType} heading={i18n.t("partner-type-heading")} live={shown} form={form.clone()} {onsubmit}>
            <Radios field={Field::PartnerType} legend={i18n.t("partner-type-legend")} value={j.draft.partner_type.map(|t| t.id().to_string())} {options} {onchange} report={report.clone()} />
            <div class="form-group">
                <div class="checkbox">
                    <input class="checkbox-input" type="checkbox" id="already-enrolled" checked={j.draft.already_enrolled} onchange={on_enrolled} aria-describedby="already-enrolled-hint" />
                    <label class="checkbox-label" for="already-enrolled">{ i18n.t("already-enrolled") }</label>
                    <div id="already-enrolled-hint" class="hint checkbox-hint">{ i18n.t("already-enrolled-hint") }</div>
                </div>
            </div>
        </StepPage>
    }
}
