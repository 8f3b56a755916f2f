//! Where a verification email's link opens: the token (in the URL's fragment, which no server
//! sees) goes to the backend, and the page says what came of it, each outcome with its way
//! forward: verified (the review starts), used already, expired (a new link to the same
//! address), or a link the backend never sent.

use super::submitted::{link_refusal, now_secs, StatusLinks};
use crate::api::Failure;
use crate::components::Busy;
use crate::env::use_env;
use crate::form::{describe, use_fetch, use_form, CheckingPage, UnreachedPage};
use crate::i18n::{use_i18n, use_title};
use crate::router::use_fragment;
use csp_core::api::{ApiError, ApplicationStatus, EmailLink, VerificationSent, VerifiedEmail};
use csp_core::endpoint::{RESEND_VERIFICATION_BY_LINK, VERIFY_EMAIL};
use csp_core::mail::status_message;
use csp_core::problem::Code;
use csp_core::verification::LINK_TTL_SECS;
use yew::prelude::*;

/// The days a link works, as the emails say.
fn link_days() -> String {
    (LINK_TTL_SECS / 86_400).to_string()
}

#[function_component]
pub fn VerifyEmailPage() -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let token = use_fragment();
    let api = env.api.clone();
    let (outcome, retry) = use_fetch(token.clone(), move |token: String| {
        let api = api.clone();
        async move {
            if token.is_empty() {
                return Err(Failure::Api(ApiError::new(
                    404,
                    "verification-link-unknown",
                )));
            }
            api.call(&VERIFY_EMAIL, &[], &EmailLink { token }).await
        }
    });
    // Each outcome is a view of its own, with its own heading: it takes the focus when it
    // replaces the page's first one.
    match &*outcome {
        None => {
            let heading = i18n.t("verify-checking");
            html! { <CheckingPage {heading} /> }
        }
        Some(Ok(v)) => html! { <Verified verified={v.clone()} /> },
        Some(Err(f)) if link_refusal(f) == Some(Code::VerificationLinkUsed) => html! { <Used /> },
        Some(Err(f)) if link_refusal(f) == Some(Code::VerificationLinkExpired) => {
            html! { <Expired token={token.clone()} /> }
        }
        // Never sent (or damaged on the way): the backend knows nothing of it.
        Some(Err(Failure::Api(e))) if matches!(e.status, 400 | 404 | 422) => html! { <Unknown /> },
        Some(Err(f)) => {
            let heading = i18n.t("verify-checking");
            html! { <UnreachedPage {heading} failure={f.clone()} {retry} /> }
        }
    }
}

#[derive(Properties, PartialEq)]
struct VerifiedProps {
    verified: VerifiedEmail,
}

#[function_component]
fn Verified(p: &VerifiedProps) -> Html {
    let i18n = use_i18n();
    let heading = i18n.t("verify-done-heading");
    use_title(&heading, false);
    let v = &p.verified;
    let status = i18n.t(status_message(v.status));
    let reference = v.reference.as_str();
    let said = if v.status == ApplicationStatus::InReview {
        i18n.ta("verify-done-in-review", &[("reference", reference)])
    } else {
        i18n.ta(
            "verify-done-status",
            &[("reference", reference), ("status", &status)],
        )
    };
    html! {
        <div class="step">
            <div class="panel panel--confirmation" role="status">
                <h1 class="panel-title heading">{ heading }</h1>
                <p class="panel-body">{ said }</p>
            </div>
            <p>{ i18n.ta("verify-done-email", &[("email", &v.email)]) }</p>
            <p>{ i18n.t(&format!("{}-body", status_message(v.status))) }</p>
            <StatusLinks reference={AttrValue::from(v.reference.clone())} label="verify-status-link" />
        </div>
    }
}

#[function_component]
fn Used() -> Html {
    let i18n = use_i18n();
    let heading = i18n.t("verify-used-heading");
    use_title(&heading, false);
    html! {
        <div class="step">
            <h1 class="heading">{ heading }</h1>
            <p>{ i18n.t("verify-used-body") }</p>
            <StatusLinks label="verify-status-link" />
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ExpiredProps {
    token: String,
}

/// An expired link: another one to the same address (the backend knows which from the token).
#[function_component]
fn Expired(p: &ExpiredProps) -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let form = use_form();
    let sent = use_state(|| None::<VerificationSent>);
    let wait_until = use_state(|| None::<i64>);
    // A refusal with its rule: the address verified meanwhile, or a link the backend forgot.
    let refused = use_state(|| None::<Code>);
    let heading = i18n.t("verify-expired-heading");
    use_title(&heading, form.failure.is_some() || refused.is_some());
    let onclick = {
        let (form, api, token) = (form.clone(), env.api.clone(), p.token.clone());
        let (sent, wait_until, refused) = (sent.clone(), wait_until.clone(), refused.clone());
        Callback::from(move |_| {
            refused.set(None);
            let (api, wait_until) = (api.clone(), wait_until.clone());
            let link = EmailLink {
                token: token.clone(),
            };
            let call = async move {
                let r = api.call(&RESEND_VERIFICATION_BY_LINK, &[], &link).await;
                if let Err(Failure::TooMany(Some(s))) = &r {
                    wait_until.set(Some(now_secs() + i64::from(*s)));
                }
                r
            };
            let (sent, refused) = (sent.clone(), refused.clone());
            form.run_or(
                call,
                move |s| sent.set(Some(s)),
                move |r| refused.set(r.0.first().map(|p| p.problem.code)),
            );
        })
    };
    let failure = match (*refused, &*form.failure) {
        (Some(Code::EmailAlreadyVerified), _) => Some(i18n.t("verify-already-verified")),
        // The backend no longer knows the link.
        (Some(_), _) => Some(i18n.t("verify-unknown-body")),
        (None, Some(Failure::TooMany(_))) => Some(match *wait_until {
            Some(t) => i18n.ta("verify-resend-too-many", &[("time", &i18n.time(t))]),
            None => describe(&i18n, &env.catalog, &Failure::TooMany(None)),
        }),
        (None, Some(f)) => Some(describe(&i18n, &env.catalog, f)),
        (None, None) => None,
    };
    let already = *refused == Some(Code::EmailAlreadyVerified);
    html! {
        <div class="step">
            <h1 class="heading">{ heading }</h1>
            <p>{ i18n.ta("verify-expired-body", &[("days", &link_days())]) }</p>
            <div role="status">
                if let Some(s) = &*sent {
                    <p class="notice">{ i18n.ta("verify-resend-sent", &[("email", &s.email), ("days", &link_days())]) }</p>
                }
            </div>
            <div role="alert">
                if let Some(m) = failure { <p class="error-message">{ m }</p> }
            </div>
            if sent.is_none() && !already {
                <button type="button" class="button" disabled={*form.busy} {onclick}>{ i18n.t("verify-resend") }</button>
            }
            if *form.busy { <Busy label={i18n.t("busy")} /> }
            <StatusLinks label="verify-status-link" />
        </div>
    }
}

#[function_component]
fn Unknown() -> Html {
    let i18n = use_i18n();
    let heading = i18n.t("verify-unknown-heading");
    use_title(&heading, false);
    html! {
        <div class="step">
            <h1 class="heading">{ heading }</h1>
            <p>{ i18n.t("verify-unknown-body") }</p>
            <p>{ i18n.t("verify-unknown-status") }</p>
            <StatusLinks label="verify-status-link" />
        </div>
    }
}
