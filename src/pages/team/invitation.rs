//! Where an invitation email's link opens (`csp_core::user_invitation::INVITATION_PAGE`): the
//! token (in the URL's fragment, which no server sees) goes to the backend, and the page says
//! what the link is for and lets the new user choose their password, which signs them in; or
//! why it cannot: used already, expired (or replaced by a newer invitation: ask the admin), or
//! a link the backend never sent.

use crate::api::Failure;
use crate::components::TextField;
use crate::env::use_env;
use crate::form::{use_fetch, use_form, CheckingPage, FormPage, UnreachedPage};
use crate::i18n::{use_i18n, use_title};
use crate::route::Route;
use crate::router::{use_fragment, use_navigator, Link};
use crate::session::{signed_in, use_session};
use csp_core::api::{AcceptInvitation, ApiError, InvitationDetails, InvitationLink};
use csp_core::endpoint::{ACCEPT_INVITATION, LOOKUP_INVITATION};
use csp_core::problem::Code;
use csp_core::users::{check_invited_password, PASSWORD_MIN_CHARS};
use csp_core::Field;
use yew::prelude::*;

/// The rule a backend refused the link with, if it was the link it refused.
fn link_refusal(f: &Failure) -> Option<Code> {
    f.field_errors()
        .iter()
        .find(|p| p.field == Field::UserInvitationToken)
        .map(|p| p.problem.code)
}

#[function_component]
pub fn InvitationPage() -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let token = use_fragment();
    // The refusal the password's submission met (the link used or replaced meanwhile).
    let refused = use_state(|| None::<Code>);
    let api = env.api.clone();
    let (outcome, retry) = use_fetch(token.clone(), move |token: String| {
        let api = api.clone();
        async move {
            if token.is_empty() {
                return Err(Failure::Api(ApiError::new(404, "not-found")));
            }
            api.call(&LOOKUP_INVITATION, &[], &InvitationLink { token })
                .await
        }
    });
    let code = (*refused).or_else(|| match &*outcome {
        Some(Err(f)) => link_refusal(f),
        _ => None,
    });
    // Each outcome is a view of its own, with its own heading.
    match (&*outcome, code) {
        (_, Some(Code::InvitationLinkUsed)) => html! {
            <Refused heading="invitation-used-heading" body="invitation-used-body" sign_in=true />
        },
        (_, Some(Code::InvitationLinkExpired)) => html! {
            <Refused heading="invitation-expired-heading" body="invitation-expired-body" />
        },
        (_, Some(_)) => html! {
            <Refused heading="invitation-unknown-heading" body="invitation-unknown-body" />
        },
        (None, None) => {
            let heading = i18n.t("invitation-checking");
            html! { <CheckingPage {heading} /> }
        }
        (Some(Ok(d)), None) => {
            let on_refused = {
                let refused = refused.clone();
                Callback::from(move |c: Code| refused.set(Some(c)))
            };
            html! { <ChoosePassword details={d.clone()} token={token.clone()} {on_refused} /> }
        }
        // Never sent, damaged on the way, or its user removed: the backend knows nothing of it.
        (Some(Err(Failure::Api(e))), None) if matches!(e.status, 400 | 404 | 422) => html! {
            <Refused heading="invitation-unknown-heading" body="invitation-unknown-body" />
        },
        (Some(Err(f)), None) => {
            let heading = i18n.t("invitation-checking");
            html! { <UnreachedPage {heading} failure={f.clone()} {retry} /> }
        }
    }
}

#[derive(Properties, PartialEq)]
struct RefusedProps {
    heading: &'static str,
    body: &'static str,
    /// The way on: sign in with the password chosen.
    #[prop_or_default]
    sign_in: bool,
}

#[function_component]
fn Refused(p: &RefusedProps) -> Html {
    let i18n = use_i18n();
    let heading = i18n.t(p.heading);
    use_title(&heading, false);
    html! {
        <div class="step">
            <h1 class="heading">{ heading }</h1>
            <p>{ i18n.t(p.body) }</p>
            if p.sign_in { <p><Link to={Route::SignIn}>{ i18n.t("sign-in") }</Link></p> }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ChooseProps {
    details: InvitationDetails,
    token: String,
    on_refused: Callback<Code>,
}

/// A valid link: who is invited, and their password (the rule shown as they type, as on
/// Change password).
#[function_component]
fn ChoosePassword(p: &ChooseProps) -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let session = use_session();
    let nav = use_navigator();
    let form = use_form();
    let new = use_state(String::new);
    let d = &p.details;
    let live = {
        let (user_name, new) = (d.sign_in_name.clone(), (*new).clone());
        move || check_invited_password(&user_name, &new)
    };
    let report = form.shown(live.clone());
    let onsubmit = {
        let (form, api, session, nav, new, token, on_refused) = (
            form.clone(),
            env.api.clone(),
            session.clone(),
            nav.clone(),
            new.clone(),
            p.token.clone(),
            p.on_refused.clone(),
        );
        Callback::from(move |_| {
            if !form.press(&live()) {
                return;
            }
            let req = AcceptInvitation {
                token: token.clone(),
                new_password: (*new).clone(),
            };
            let caller = api.clone();
            let call = async move { caller.call(&ACCEPT_INVITATION, &[], &req).await };
            let (session, nav, api, server) = (
                session.clone(),
                nav.clone(),
                api.clone(),
                form.server.clone(),
            );
            let on_refused = on_refused.clone();
            form.run_or(
                call,
                move |info| {
                    signed_in(&api, &session, info);
                    nav.push(&Route::Account);
                },
                move |r| match r.0.iter().find(|p| p.field == Field::UserInvitationToken) {
                    Some(p) => on_refused.emit(p.problem.code),
                    None => server.set(r),
                },
            );
        })
    };
    html! {
        <FormPage heading={i18n.t("invitation-heading")} form={form.clone()} report={report.clone()} {onsubmit} submit_label={i18n.t("invitation-submit")}>
            <p>{ i18n.ta("invitation-intro", &[("name", &d.name), ("partner", &d.partner_name), ("sign_in_name", &d.sign_in_name)]) }</p>
            <p>{ i18n.t("invitation-choose") }</p>
            <p class="hint">{ i18n.ta("invitation-expires", &[("time", &i18n.time(d.expires_at))]) }</p>
            // The sign-in name, for the browser's password manager to save with the password.
            <input type="hidden" autocomplete="username" value={d.sign_in_name.clone()} />
            <TextField field={Field::NewPassword} label={i18n.t("password-new")} hint={i18n.ta("password-new-hint", &[("min", &PASSWORD_MIN_CHARS.to_string())])}
                value={(*new).clone()} input_type="password" autocomplete="new-password"
                oninput={{ let s = new.clone(); Callback::from(move |v: String| s.set(v)) }} report={report.clone()} />
        </FormPage>
    }
}
