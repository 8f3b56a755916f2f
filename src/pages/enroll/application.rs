//! Submitted: what happens next, and the application's state as the backend reports it. A
//! decision reads in the same words as the email that told the primary contact of it; a
//! request for changes opens the steps it names with the submitted answers, to resubmit.

use crate::components::{Busy, ErrorSummary};
use crate::env::use_env;
use crate::form::{use_fetch, use_form, FetchFailed};
use crate::i18n::{use_i18n, use_title, I18n};
use crate::journey::{step_route, use_journey_store, Action, Changing};
use crate::route::Route;
use crate::router::{use_navigator, Link};
use csp_core::api::{Application, ApplicationStatus, ReviewNote};
use csp_core::endpoint::{APPLICATION, APPLICATION_ANSWERS};
use csp_core::enrollment::Step;
use csp_core::mail::{reason_id, step_id};
use csp_core::problem::Report;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ApplicationProps {
    pub id: AttrValue,
}

fn status_id(s: ApplicationStatus) -> &'static str {
    match s {
        ApplicationStatus::AwaitingEmailVerification => "status-awaiting-email-verification",
        ApplicationStatus::InReview => "status-in-review",
        ApplicationStatus::Approved => "status-approved",
        ApplicationStatus::NeedsChanges => "status-needs-changes",
        ApplicationStatus::Rejected => "status-rejected",
    }
}

#[function_component]
pub fn ApplicationPage(p: &ApplicationProps) -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let api = env.api.clone();
    let (app, refresh) = use_fetch(p.id.clone(), move |id| {
        let api = api.clone();
        async move { api.call(&APPLICATION, &[&id], &()).await }
    });
    let form = use_form();
    let store = use_journey_store();
    let nav = use_navigator();
    // Opens `to` with the application's submitted answers in the journey, marked as the
    // application being changed (the session of the work account that enrolled reads them).
    let open_answers = {
        let (form, env) = (form.clone(), env.clone());
        move |a: &Application, to: Route| {
            let (store, nav) = (store.clone(), nav.clone());
            let changing = Changing {
                id: a.id.clone(),
                reference: a.reference.clone(),
                version: a.version,
            };
            let (form, api) = (form.clone(), env.api.clone());
            Callback::from(move |e: MouseEvent| {
                e.prevent_default();
                let (store, nav, to, changing) =
                    (store.clone(), nav.clone(), to.clone(), changing.clone());
                let api = api.clone();
                let id = changing.id.clone();
                let call = async move { api.call(&APPLICATION_ANSWERS, &[&id], &()).await };
                form.run(call, move |draft| {
                    store.dispatch(Action::Change(Box::new(draft), changing));
                    nav.push(&to);
                });
            })
        }
    };
    let heading = i18n.t("status-heading");
    use_title(&heading, matches!(*app, Some(Err(_))));
    let body = match &*app {
        None => html! { <Busy label={i18n.t("busy")} /> },
        Some(Err(f)) => html! { <FetchFailed failure={f.clone()} retry={refresh.clone()} /> },
        Some(Ok(a)) => {
            let decided = matches!(
                a.status,
                ApplicationStatus::NeedsChanges
                    | ApplicationStatus::Rejected
                    | ApplicationStatus::Approved
            );
            // A decision's words are the email's.
            let summary = if decided {
                i18n.t(&format!("mail-{}", status_id(a.status)))
            } else {
                i18n.t(&format!("{}-body", status_id(a.status)))
            };
            html! {
                <>
                    <div class="panel panel--confirmation">
                        <p class="panel-title">{ i18n.t("status-reference") }</p>
                        <p class="panel-body"><strong>{ if a.reference.is_empty() { &a.id } else { &a.reference } }</strong></p>
                    </div>
                    <dl class="summary-list">
                        <div class="summary-row">
                            <dt class="summary-key">{ i18n.t("status-label") }</dt>
                            <dd class="summary-value"><strong class="tag">{ i18n.t(status_id(a.status)) }</strong></dd>
                        </div>
                    </dl>
                    <p>{ summary }</p>
                    if a.status == ApplicationStatus::NeedsChanges {
                        { changes(&i18n, a, a.review.as_ref(), &open_answers) }
                    }
                    if a.status == ApplicationStatus::Rejected {
                        { note(&i18n, a.review.as_ref()) }
                    }
                    if a.status == ApplicationStatus::Approved {
                        { note(&i18n, a.review.as_ref()) }
                        <h2 class="subheading">{ i18n.t("status-next-heading") }</h2>
                        <p>{ i18n.ta("status-approved-next", &[("domain", a.tenant.as_ref().map(|t| t.domain.as_str()).unwrap_or(""))]) }</p>
                        <p><Link to={Route::SignIn}>{ i18n.t("status-approved-sign-in") }</Link></p>
                        <div class="inset">
                            <p>{ i18n.t("status-approved-admin-agent") }</p>
                            <Link to={Route::Account}>{ i18n.t("status-approved-check-now") }</Link>
                        </div>
                    }
                    if !decided {
                        <h2 class="subheading">{ i18n.t("status-next-heading") }</h2>
                        <ol class="list list--number">
                            <li>{ i18n.ta("status-next-verify", &[("email", &a.primary_contact_email)]) }</li>
                            <li>{ i18n.t("status-next-review") }</li>
                            <li>{ i18n.t("status-next-email") }</li>
                        </ol>
                    }
                </>
            }
        }
    };
    html! {
        <div class="step">
            <ErrorSummary report={Report::default()} attempt={*form.count} general={form.general(&i18n, &env.catalog)} />
            <h1 class="heading">{ heading }</h1>
            { body }
            if matches!(*app, Some(Ok(_))) {
                <button type="button" class="button button--secondary" onclick={refresh.reform(|_| ())}>{ i18n.t("status-refresh") }</button>
            }
        </div>
    }
}

/// The reviewer's request: each step named, with a Change link that opens it with the
/// submitted answers, the reviewer's message, and the way to resubmit.
fn changes(
    i18n: &I18n,
    a: &Application,
    n: Option<&ReviewNote>,
    open: &impl Fn(&Application, Route) -> Callback<MouseEvent>,
) -> Html {
    let steps: &[Step] = n.map(|n| n.steps.as_slice()).unwrap_or_default();
    html! {
        <>
            if !steps.is_empty() {
                <h2 class="subheading">{ i18n.t("status-changes-heading") }</h2>
                <dl class="summary-list">
                    { for steps.iter().map(|s| {
                        let name = i18n.t(&format!("step-name-{}", step_id(*s)));
                        let route = step_route(*s);
                        html! {
                            <div class="summary-row">
                                <dt class="summary-key">{ name.clone() }</dt>
                                <dd class="summary-actions">
                                    <a href={route.to_path()} onclick={open(a, route.clone())}>
                                        { i18n.t("change") }<span class="visually-hidden">{ format!(" {name}") }</span>
                                    </a>
                                </dd>
                            </div>
                        }
                    }) }
                </dl>
            }
            { note(i18n, n) }
            <p>{ i18n.t("status-resubmit-intro") }</p>
            <a href={Route::CheckAnswers.to_path()} class="button" role="button" onclick={open(a, Route::CheckAnswers)}>
                { i18n.t("status-resubmit") }
            </a>
        </>
    }
}

/// The reason and the reviewer's message, as the email puts them.
fn note(i18n: &I18n, n: Option<&ReviewNote>) -> Html {
    let Some(n) = n else { return Html::default() };
    html! {
        <>
            if let Some(r) = n.reason {
                <p>{ i18n.ta("mail-review-reason", &[("reason", &i18n.t(&format!("reject-reason-{}", reason_id(r))))]) }</p>
            }
            if !n.message.trim().is_empty() {
                <p class="inset">{ i18n.ta("mail-review-message", &[("message", n.message.trim())]) }</p>
            }
        </>
    }
}
