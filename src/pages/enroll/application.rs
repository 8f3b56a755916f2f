//! Submitted: what happens next, and the application's state as the backend reports it: the
//! status, whether the primary contact's address is verified and when, the last verification
//! email, and asking for another one (as often as the backend's throttle allows). A decision
//! reads in the same words as the email that told the primary contact of it; a request for
//! changes opens the steps it names with the submitted answers, to resubmit.

use super::submitted::now_secs;
use crate::api::Failure;
use crate::components::{Busy, ErrorSummary};
use crate::env::use_env;
use crate::form::{describe, use_fetch, use_form, FetchFailed};
use crate::i18n::{use_i18n, use_title, I18n};
use crate::journey::{start_changing, step_route, use_journey_store, Changing};
use crate::route::Route;
use crate::router::{use_navigator, Link};
use csp_core::api::{Application, ApplicationStatus, ReviewNote, VerificationSent};
use csp_core::endpoint::{APPLICATION, APPLICATION_ANSWERS, RESEND_VERIFICATION};
use csp_core::enrollment::Step;
use csp_core::mail::{reason_id, status_message, step_id};
use csp_core::problem::Report;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ApplicationProps {
    pub id: AttrValue,
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
                    store.dispatch(start_changing(draft, changing));
                    nav.push(&to);
                });
            })
        }
    };
    let heading = i18n.t("status-heading");
    use_title(&heading, matches!(*app, Some(Err(_))));
    // The email just sent: said in a live region and focused, since the button that sent it
    // is disabled now.
    let sent = use_state(|| None::<VerificationSent>);
    let notice = use_node_ref();
    {
        let notice = notice.clone();
        use_effect_with((*sent).clone(), move |s| {
            if let (Some(_), Some(el)) = (s, notice.cast::<web_sys::HtmlElement>()) {
                let _ = el.focus();
            }
        });
    }
    let on_sent = {
        let (app, sent) = (app.clone(), sent.clone());
        Callback::from(move |s: VerificationSent| {
            // The application's facts as the answer tells them, without reading it again.
            if let Some(Ok(a)) = &*app {
                let mut a = a.clone();
                a.verification_sent_at = Some(s.sent_at);
                a.verification_resend_at = Some(s.resend_at);
                app.set(Some(Ok(a)));
            }
            sent.set(Some(s));
        })
    };
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
                i18n.t(&format!("mail-{}", status_message(a.status)))
            } else {
                i18n.t(&format!("{}-body", status_message(a.status)))
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
                        <dd class="summary-value"><strong class="tag">{ i18n.t(status_message(a.status)) }</strong></dd>
                    </div>
                    <div class="summary-row">
                        <dt class="summary-key">{ i18n.t("status-email-label") }</dt>
                        <dd class="summary-value">{ email_fact(&i18n, a) }</dd>
                    </div>
                    if let (None, Some(sent)) = (a.email_verified_at, a.verification_sent_at) {
                        <div class="summary-row">
                            <dt class="summary-key">{ i18n.t("status-email-sent-label") }</dt>
                            <dd class="summary-value">{ i18n.time(sent) }</dd>
                        </div>
                    }
                </dl>
                <p>{ summary }</p>
                if a.status == ApplicationStatus::NeedsChanges {
                    { changes(&i18n, a, a.review.as_ref(), &open_answers) }
                }
                if a.status == ApplicationStatus::Rejected {
                    { note(&i18n, a.review.as_ref()) }
                }
                <div role="status">
                    if let (Some(s), None) = (&*sent, a.email_verified_at) {
                        <p class="notice" tabindex="-1" ref={notice.clone()}>{ i18n.ta("status-resend-sent", &[("email", &s.email), ("time", &i18n.time(s.sent_at))]) }</p>
                    }
                </div>
                if a.email_verified_at.is_none() {
                    <SendAgain id={a.id.clone()} resend_at={a.verification_resend_at} on_sent={on_sent.clone()} refresh={refresh.clone()} />
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

/// Whether the primary contact's address is verified, and when.
fn email_fact(i18n: &I18n, a: &Application) -> String {
    match a.email_verified_at {
        Some(at) => i18n.ta(
            "status-email-verified",
            &[
                ("email", &a.primary_contact_email),
                ("time", &i18n.time(at)),
            ],
        ),
        None => i18n.ta(
            "status-email-not-verified",
            &[("email", &a.primary_contact_email)],
        ),
    }
}

#[derive(Properties, PartialEq)]
struct SendAgainProps {
    id: String,
    /// The earliest the backend sends another email (Unix seconds).
    resend_at: Option<i64>,
    /// An email went.
    on_sent: Callback<VerificationSent>,
    /// Reads the application again (its address was verified meanwhile).
    refresh: Callback<()>,
}

/// "Send the email again": disabled, saying until when, while the backend would refuse; a
/// 429 says until when; a 409 email-already-verified (a field problem) reads the application
/// again, which shows the address verified.
#[function_component]
fn SendAgain(p: &SendAgainProps) -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let form = use_form();
    // With a 429: when to try again.
    let wait_until = use_state(|| None::<i64>);
    // Renders again when the wait is over, so the button comes back by itself.
    let tick = use_state(|| 0u32);
    let until = (*wait_until).max(p.resend_at).filter(|t| *t > now_secs());
    {
        let tick = tick.clone();
        use_effect_with(until, move |until| {
            let timer = until.map(|t| {
                let ms = ((t - now_secs()).max(0) as u32).saturating_mul(1000) + 500;
                gloo::timers::callback::Timeout::new(ms, move || tick.set(*tick + 1))
            });
            move || drop(timer)
        });
    }
    let onclick = {
        let (form, api, id) = (form.clone(), env.api.clone(), p.id.clone());
        let (wait_until, on_sent, refresh) =
            (wait_until.clone(), p.on_sent.clone(), p.refresh.clone());
        Callback::from(move |_| {
            let (api, id, wait_until) = (api.clone(), id.clone(), wait_until.clone());
            let call = async move {
                let r = api.call(&RESEND_VERIFICATION, &[&id], &()).await;
                if let Err(Failure::TooMany(Some(s))) = &r {
                    wait_until.set(Some(now_secs() + i64::from(*s)));
                }
                r
            };
            let (on_sent, refresh) = (on_sent.clone(), refresh.clone());
            form.run_or(
                call,
                move |s| on_sent.emit(s),
                // 409 email-already-verified: the address was verified meanwhile (another tab,
                // the link): read the application again to show it.
                move |_| refresh.emit(()),
            );
        })
    };
    let failure = (*form.failure).as_ref().map(|f| match f {
        Failure::TooMany(_) => match *wait_until {
            Some(t) => i18n.ta("status-resend-too-many", &[("time", &i18n.time(t))]),
            None => describe(&i18n, &env.catalog, f),
        },
        f => describe(&i18n, &env.catalog, f),
    });
    let busy = *form.busy;
    html! {
        <div class="form-group">
            <button type="button" class="button button--secondary" disabled={busy || until.is_some()}
                aria-describedby={until.map(|_| "resend-when")} {onclick}>
                { i18n.t("status-resend") }
            </button>
            if let Some(t) = until {
                <p class="hint" id="resend-when">{ i18n.ta("status-resend-when", &[("time", &i18n.time(t))]) }</p>
            }
            if busy { <Busy label={i18n.t("busy")} /> }
            <div role="alert">
                if let Some(m) = failure { <p class="error-message">{ m }</p> }
            </div>
        </div>
    }
}
