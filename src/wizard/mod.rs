//! The enrollment journey: one file per page, this module for what they share (the page
//! frame, the order of pages, the validate-on-Continue state).

mod bank;
mod check;
mod contact;
mod legal;
mod mpn;
mod partner_type;
mod status;
mod support;
mod welcome;
mod work_account;

pub use bank::BankStep;
pub use check::CheckAnswers;
pub use contact::ContactStep;
pub use legal::LegalStep;
pub use mpn::MpnStep;
pub use partner_type::{PartnerTypeClosed, PartnerTypeStep};
pub use status::StatusPage;
pub use support::SupportStep;
pub use welcome::Welcome;
pub use work_account::WorkAccountStep;

use crate::app::Env;
use crate::components::{set_title, use_i18n, Busy, ErrorSummary};
use crate::i18n::I18n;
use crate::routes::Route;
use crate::store::{Action, Journey};
use csp_core::enrollment::{Draft, Step};
use csp_core::Report;
use yew::prelude::*;
use yew_router::prelude::*;

pub fn step_route(s: Step) -> Route {
    match s {
        Step::PartnerType => Route::PartnerType,
        Step::WorkAccount => Route::WorkAccount,
        Step::Mpn => Route::Mpn,
        Step::Legal => Route::Legal,
        Step::Contact => Route::Contact,
        Step::Support => Route::Support,
        Step::Bank => Route::Bank,
    }
}

/// The pages this draft goes through, from the welcome page to "Check your answers".
pub fn journey(d: &Draft) -> Vec<Route> {
    let mut v = vec![Route::Welcome];
    v.extend(d.steps().into_iter().map(step_route));
    v.push(Route::Check);
    v
}

fn neighbour(route: &Route, d: &Draft, delta: isize) -> Route {
    let j = journey(d);
    let i = j.iter().position(|r| r == route).unwrap_or(0) as isize;
    j[(i + delta).clamp(0, j.len() as isize - 1) as usize].clone()
}

#[hook]
pub fn use_journey() -> UseReducerHandle<Journey> {
    use_context::<UseReducerHandle<Journey>>().expect("journey context")
}

#[hook]
pub fn use_env() -> Env {
    use_context::<Env>().expect("env context")
}

/// Moves on after a valid Continue: back to "Check your answers" after a Change, else onwards.
pub fn go_next(nav: &Navigator, j: &UseReducerHandle<Journey>, from: &Route) {
    if j.returning_to_check && *from != Route::PartnerType {
        j.dispatch(Action::SetReturning(false));
        nav.push(&Route::Check);
    } else {
        nav.push(&neighbour(from, &j.draft, 1));
    }
}

/// Validate-on-Continue: nothing shows before the first attempt; after it, errors follow typing.
#[derive(Clone, PartialEq)]
pub struct Attempt {
    pub count: UseStateHandle<u32>,
    /// Field errors the backend returned (422 / 409), shown until the next Continue.
    pub server: UseStateHandle<Report>,
    /// A failed call not tied to a field: its message id.
    pub failure: UseStateHandle<Option<String>>,
    pub busy: UseStateHandle<bool>,
}

#[hook]
pub fn use_attempt() -> Attempt {
    Attempt {
        count: use_state(|| 0),
        server: use_state(Report::default),
        failure: use_state(|| None),
        busy: use_state(|| false),
    }
}

impl Attempt {
    /// What the page shows: the live report once Continue was pressed, plus the backend's.
    pub fn shown(&self, live: impl FnOnce() -> Report) -> Report {
        let mut r = if *self.count > 0 {
            live()
        } else {
            Report::default()
        };
        r.extend((*self.server).clone());
        r
    }

    /// Records a Continue; returns true when `report` lets the user go on.
    pub fn press(&self, report: &Report) -> bool {
        self.count.set(*self.count + 1);
        self.server.set(Report::default());
        self.failure.set(None);
        !report.has_errors()
    }

    /// Shows a failed backend call: field errors on their fields, the rest as a message.
    pub fn fail(&self, f: &crate::api::Failure) {
        let fields = f.field_errors();
        if fields.is_empty() {
            self.failure.set(Some(f.message_id().to_owned()));
        } else {
            self.server.set(Report(fields.to_vec()));
        }
        self.count.set(*self.count + 1);
    }
}

#[derive(Properties, PartialEq)]
pub struct StepPageProps {
    pub route: Route,
    pub heading: AttrValue,
    pub report: Report,
    pub attempt: Attempt,
    pub onsubmit: Callback<()>,
    #[prop_or_default]
    pub continue_label: Option<AttrValue>,
    #[prop_or_default]
    pub children: Children,
}

/// The frame of every step: back link, progress, error summary, heading, form, Continue.
#[function_component]
pub fn StepPage(p: &StepPageProps) -> Html {
    let i18n = use_i18n();
    let j = use_journey();
    let pages = journey(&j.draft);
    let has_errors = p.report.has_errors() || p.attempt.failure.is_some();
    set_title(&i18n, &p.heading, has_errors);
    let back = neighbour(&p.route, &j.draft, -1);
    let position = pages.iter().position(|r| *r == p.route).unwrap_or(0);
    let general = (*p.attempt.failure)
        .as_ref()
        .map(|id| AttrValue::from(i18n.t(id)));
    let onsubmit = {
        let cb = p.onsubmit.clone();
        let busy = p.attempt.busy.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if !*busy {
                cb.emit(());
            }
        })
    };
    html! {
        <div class="step">
            <Link<Route> to={back} classes="back-link">{ i18n.t("back") }</Link<Route>>
            <ErrorSummary report={p.report.clone()} attempt={*p.attempt.count} {general} />
            <span class="caption">{ progress(&i18n, position, pages.len()) }</span>
            <h1 class="heading">{ &p.heading }</h1>
            if j.storage_failed { <p class="inset" role="status">{ i18n.t("storage-failed") }</p> }
            <form novalidate=true {onsubmit}>
                { for p.children.iter() }
                if *p.attempt.busy { <Busy label={i18n.t("busy")} /> }
                <button type="submit" class="button" disabled={*p.attempt.busy}>
                    { p.continue_label.clone().unwrap_or_else(|| i18n.t("continue").into()) }
                </button>
            </form>
        </div>
    }
}

/// "Step 3 of 9": the welcome page is not counted.
fn progress(i18n: &I18n, position: usize, total: usize) -> String {
    i18n.ta(
        "step-progress",
        &[
            ("current", &position.to_string()),
            ("total", &(total - 1).to_string()),
        ],
    )
}

/// A callback that writes a typed value into the draft.
pub fn setter(j: &UseReducerHandle<Journey>, f: fn(&mut Draft, String)) -> Callback<String> {
    let j = j.clone();
    Callback::from(move |v: String| j.dispatch(crate::store::edit(move |d| f(d, v))))
}
