//! The frame every step of the journey shares, and its inputs bound to the draft.

use crate::components::{TextField, TextFieldProps};
use crate::form::{use_form, Form, FormPage};
use crate::i18n::use_i18n;
use crate::journey::{
    go_next, neighbour, pages, use_draft_setter, use_journey_store, use_journey_with, Journey,
};
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
    let read = use_journey_with(|j| (pages(&j.draft), j.storage_failed));
    let (all, storage_failed) = &*read;
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
            back={neighbour(&p.route, all, -1)} caption={AttrValue::from(caption)}>
            if *storage_failed { <p class="inset" role="status">{ i18n.t("storage-failed") }</p> }
            { for p.children.iter() }
        </FormPage>
    }
}

/// A step whose Continue only validates: its form state, what the page shows, and the submit
/// that moves on when `live` finds no errors in the journey. The page renders again when what
/// it shows changes, not at each keystroke: `live` runs on each change once Continue was
/// pressed, and the page only when its report differs.
#[hook]
pub fn use_step<F>(route: Route, live: F) -> (Form, Report, Callback<()>)
where
    F: Fn(&Journey) -> Report + Clone + 'static,
{
    let store = use_journey_store();
    let nav = use_navigator();
    let form = use_form();
    let pressed = *form.count > 0;
    let checked = {
        let live = live.clone();
        use_journey_with(move |j| if pressed { live(j) } else { Report::default() })
    };
    let report = form.shown(|| (*checked).clone());
    let onsubmit = {
        let form = form.clone();
        Callback::from(move |_| {
            if form.press(&live(&store.get())) {
                go_next(&nav, &store, &route);
            }
        })
    };
    (form, report, onsubmit)
}

/// A text input whose value is the draft's answer for its `field` (`value` and `oninput` are
/// the draft's): it renders again when that answer changes, and nothing else does.
#[function_component]
pub fn DraftText(p: &TextFieldProps) -> Html {
    let field = p.field;
    let value =
        use_journey_with(move |j| j.draft.text(field).map(AttrValue::from).unwrap_or_default());
    let oninput = use_draft_setter(field);
    html! { <TextField value={(*value).clone()} {oninput} ..p.clone() /> }
}
