//! The frame every step of the journey shares.

use crate::form::{use_form, Form, FormPage};
use crate::i18n::use_i18n;
use crate::journey::{go_next, neighbour, pages, use_journey};
use crate::route::Route;
use crate::router::use_navigator;
use csp_core::Report;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StepPageProps {
    pub route: Route,
    pub heading: AttrValue,
    pub report: Report,
    pub form: Form,
    pub onsubmit: Callback<()>,
    #[prop_or_default]
    pub children: Children,
}

/// A step of the journey: the form page with the back link and "Step 3 of 9" of this draft's
/// journey, and a notice when the draft can't be saved.
#[function_component]
pub fn StepPage(p: &StepPageProps) -> Html {
    let i18n = use_i18n();
    let j = use_journey();
    let all = pages(&j.draft);
    let position = all.iter().position(|r| *r == p.route).unwrap_or(0);
    // The welcome page is not counted.
    let caption = i18n.ta(
        "step-progress",
        &[
            ("current", &position.to_string()),
            ("total", &(all.len() - 1).to_string()),
        ],
    );
    html! {
        <FormPage heading={p.heading.clone()} form={p.form.clone()} report={p.report.clone()} onsubmit={p.onsubmit.clone()}
            back={neighbour(&p.route, &j.draft, -1)} caption={AttrValue::from(caption)}>
            if j.storage_failed { <p class="inset" role="status">{ i18n.t("storage-failed") }</p> }
            { for p.children.iter() }
        </FormPage>
    }
}

/// A step whose Continue only validates: its form state, what the page shows, and the submit
/// that moves on when `live()` finds no errors.
#[hook]
pub fn use_step<F>(route: Route, live: F) -> (Form, Report, Callback<()>)
where
    F: Fn() -> Report + Clone + 'static,
{
    let j = use_journey();
    let nav = use_navigator();
    let form = use_form();
    let report = form.shown(live.clone());
    let onsubmit = {
        let form = form.clone();
        Callback::from(move |_| {
            if form.press(&live()) {
                go_next(&nav, &j, &route);
            }
        })
    };
    (form, report, onsubmit)
}
