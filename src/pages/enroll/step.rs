//! The frame every step of the journey shares, its live report and its inputs bound to the
//! draft.

use crate::components::{text_field, text_input, InputAttrs, TextFieldProps};
use crate::form::{use_form, Form, FormPage, LiveReport};
use crate::i18n::use_i18n;
use crate::journey::{
    go_next, neighbour, pages, use_draft_setter, use_journey_store, use_journey_with, Action,
    Journey,
};
use crate::route::Route;
use crate::router::use_navigator;
use crate::store::use_store_with;
use csp_core::{Field, Report};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StepPageProps {
    pub route: Route,
    pub heading: AttrValue,
    pub live: LiveReport,
    pub form: Form,
    pub onsubmit: Callback<()>,
    #[prop_or_default]
    pub children: Children,
}

/// A step of the journey: the form page with the back link and "Step 3 of 9" of this draft's
/// journey, and a notice when the draft can't be saved. Its summary and fields read `live`
/// (everything the step shows) themselves: the frame does not render again when it changes.
#[function_component]
pub fn StepPage(p: &StepPageProps) -> Html {
    let i18n = use_i18n();
    let store = use_journey_store();
    // The pages of the journey follow only "already enrolled": read that, not the draft.
    let read = use_journey_with(|j| (j.draft.already_enrolled, j.storage_failed));
    let storage_failed = read.1;
    let all = pages(&store.get().draft);
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
        <ContextProvider<LiveReport> context={p.live.clone()}>
            <FormPage heading={p.heading.clone()} form={p.form.clone()} report={Report::default()} live={p.live.clone()} onsubmit={p.onsubmit.clone()}
                back={neighbour(&p.route, &all, -1)} caption={AttrValue::from(caption)}>
                if storage_failed { <p class="inset" role="status">{ i18n.t("storage-failed") }</p> }
                <ChangingNotice message="changing-notice" />
                { for p.children.iter() }
            </FormPage>
        </ContextProvider<LiveReport>>
    }
}

#[derive(Properties, PartialEq)]
pub struct ChangingNoticeProps {
    /// What the notice says (a message with the `reference` argument).
    pub message: AttrValue,
}

/// While an application sent back for changes is being changed: which one, and the way out.
/// Stopping discards the changes: the journey is cleared (the application keeps the answers
/// it was sent with, which the next Change link reads again) and its status page opens.
/// Nothing without an application being changed.
#[function_component]
pub fn ChangingNotice(p: &ChangingNoticeProps) -> Html {
    let i18n = use_i18n();
    let store = use_journey_store();
    let nav = use_navigator();
    let changing = use_journey_with(|j| j.changing.clone());
    let Some(c) = (*changing).clone() else {
        return Html::default();
    };
    let onclick = {
        let id = c.id.clone();
        Callback::from(move |_: MouseEvent| {
            store.dispatch(Action::Clear);
            nav.push(&Route::Application { id: id.clone() });
        })
    };
    html! {
        <div class="inset">
            <p>{ i18n.ta(&p.message, &[("reference", &c.reference)]) }</p>
            <button type="button" class="button button--secondary" {onclick}>{ i18n.t("changing-stop") }</button>
        </div>
    }
}

/// A step whose Continue only validates: its form state, its live report (what `check` finds
/// in the journey), and the submit that moves on when `check` finds no errors.
#[hook]
pub fn use_step<F>(route: Route, check: F) -> (Form, LiveReport, Callback<()>)
where
    F: Fn(&Journey) -> Report + 'static,
{
    let store = use_journey_store();
    let nav = use_navigator();
    let form = use_form();
    let check: Rc<dyn Fn(&Journey) -> Report> = Rc::new(check);
    let pressed = *form.count > 0;
    let live = use_report(if pressed {
        check(&store.get())
    } else {
        Report::default()
    });
    // The check and the press as of this render, for the journey's changes in between.
    let latest = use_mut_ref(|| (check.clone(), pressed));
    *latest.borrow_mut() = (check.clone(), pressed);
    {
        let (store, live) = (store.clone(), live.clone());
        use_mut_ref(move || {
            store.read(move |j| {
                let (check, pressed) = latest.borrow().clone();
                if pressed {
                    live.set(check(j));
                }
            })
        });
    }
    let onsubmit = {
        let form = form.clone();
        Callback::from(move |_| {
            if form.press(&check(&store.get())) {
                go_next(&nav, &store, &route);
            }
        })
    };
    (form, live, onsubmit)
}

/// A live report set to `report` at each render: that of a step that computes its report
/// itself (one that calls the backend, whose answers it shows with its own checks), and the
/// starting point of `use_step`'s.
#[hook]
pub fn use_report(report: Report) -> LiveReport {
    let live = (*use_memo((), |_| LiveReport::default())).clone();
    live.set(report);
    live
}

/// A text field of a step whose value is the draft's answer for its `field`, and whose
/// message is the step's live report's for it (its `value`, `oninput` and `report` props are
/// not used): typing renders its `<input>` alone, and the field when its message changes.
#[function_component]
pub fn DraftText(p: &TextFieldProps) -> Html {
    let i18n = use_i18n();
    let live = use_context::<LiveReport>().expect("DraftText inside a StepPage");
    let field = p.field;
    let problem = use_store_with(&live, move |r| r.for_field(field).cloned());
    let mut report = Report::default();
    if let Some(pr) = &*problem {
        report.add(field, pr.clone());
    }
    let p = TextFieldProps {
        report,
        ..p.clone()
    };
    text_field(&i18n, &p, |attrs| html! { <DraftInput {field} {attrs} /> })
}

#[derive(Properties, PartialEq)]
struct DraftInputProps {
    field: Field,
    attrs: InputAttrs,
}

/// The input of a [`DraftText`], reading and writing the draft's answer.
#[function_component]
fn DraftInput(p: &DraftInputProps) -> Html {
    let field = p.field;
    let value =
        use_journey_with(move |j| j.draft.text(field).map(AttrValue::from).unwrap_or_default());
    let oninput = use_draft_setter(field);
    text_input(&p.attrs, (*value).clone(), oninput)
}
