//! Submitted: what happens next, and the application's state as the backend reports it: the
//! status, whether the primary contact's address is verified and when, the last verification
//! email, and asking for another one (as often as the backend's throttle allows).

use super::submitted::now_secs;
use crate::api::Failure;
use crate::components::Busy;
use crate::env::use_env;
use crate::form::{describe, use_fetch, use_form, FetchFailed};
use crate::i18n::{use_i18n, use_title, I18n};
use crate::route::Route;
use crate::router::Link;
use csp_core::api::{Application, ApplicationStatus, VerificationSent};
use csp_core::endpoint::{APPLICATION, RESEND_VERIFICATION};
use csp_core::mail::status_message;
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
        Some(Ok(a)) => html! {
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
                <p>{ i18n.t(&format!("{}-body", status_message(a.status))) }</p>
                <div role="status">
                    if let (Some(s), None) = (&*sent, a.email_verified_at) {
                        <p class="notice" tabindex="-1" ref={notice.clone()}>{ i18n.ta("status-resend-sent", &[("email", &s.email), ("time", &i18n.time(s.sent_at))]) }</p>
                    }
                </div>
                if a.email_verified_at.is_none() {
                    <SendAgain id={a.id.clone()} resend_at={a.verification_resend_at} on_sent={on_sent.clone()} refresh={refresh.clone()} />
                }
                if a.status == ApplicationStatus::Approved {
                    <div class="inset">
                        <p>{ i18n.t("status-approved-admin-agent") }</p>
                        <Link to={Route::Account}>{ i18n.t("status-approved-check-now") }</Link>
                    </div>
                }
                <h2 class="subheading">{ i18n.t("status-next-heading") }</h2>
                <ol class="list list--number">
                    <li>{ i18n.ta("status-next-verify", &[("email", &a.primary_contact_email)]) }</li>
                    <li>{ i18n.t("status-next-review") }</li>
                    <li>{ i18n.t("status-next-email") }</li>
                </ol>
            </>
        },
    };
    html! {
        <div class="step">
            <h1 class="heading">{ heading }</h1>
            { body }
            if matches!(*app, Some(Ok(_))) {
                <button type="button" class="button button--secondary" onclick={refresh.reform(|_| ())}>{ i18n.t("status-refresh") }</button>
            }
        </div>
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
