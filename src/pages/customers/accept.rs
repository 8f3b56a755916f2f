//! Where a reseller-relationship link opens (the Customers page's path with the link's
//! query): the customer's Global admin reads what accepting grants (the partner as reseller;
//! the admin roles and duration a request asks for; the indirect provider of a two-tier link),
//! signs in with the organization's work account, and accepts or declines. A link already used, expired, declined, or not sent by this portal
//! opens a page that says so, one per state.

use super::common::role_label;
use crate::api::Failure;
use crate::components::{Busy, TextField};
use crate::env::use_env;
use crate::form::{use_fetch, use_form, FetchFailed, FormPage};
use crate::i18n::{use_i18n, use_title, I18n};
use crate::router::use_location;
use csp_core::acceptance::{
    invitation_link, CustomerInvitation, InvitationAnswer, InvitationLink, LinkState,
};
use csp_core::api::{SignIn, WorkAccountSession};
use csp_core::endpoint::{ANSWER_INVITATION, CUSTOMER_INVITATION, WORK_ACCOUNT_SIGN_IN};
use csp_core::invitation::{parse_invite, percent_encode};
use csp_core::problem::required;
use csp_core::{Field, Report};
use yew::prelude::*;

/// Whether a query is a reseller-relationship link's (`invType=ResellerRelationship`, even
/// with its IDs mangled: the page then says the link is not valid).
pub(super) fn is_customer_link(query: &str) -> bool {
    query
        .trim_start_matches('?')
        .split('&')
        .any(|kv| kv.eq_ignore_ascii_case("invType=ResellerRelationship"))
}

/// The link's query as `GET /customer-invitation` takes it.
fn query_of(l: &InvitationLink) -> String {
    let mut q = format!("partner_id={}", percent_encode(&l.partner_id));
    if let Some(p) = &l.provider_id {
        q.push_str(&format!("&provider_id={}", percent_encode(p)));
    }
    if let Some(r) = &l.request_id {
        q.push_str(&format!("&request_id={}", percent_encode(r)));
    }
    q
}

#[function_component]
pub fn AcceptInvitation() -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let query = use_location().query_str().to_owned();
    let link = parse_invite(&query).ok().as_ref().and_then(invitation_link);
    let api = env.api.clone();
    let (found, again) = use_fetch(link.clone(), move |l| {
        let api = api.clone();
        async move {
            match l {
                Some(l) => api
                    .get_where(&CUSTOMER_INVITATION, &query_of(&l))
                    .await
                    .map(Some),
                None => Ok(None),
            }
        }
    });
    let answered = use_state(|| None::<(bool, CustomerInvitation)>);
    let stop = |state: &str, partner: &str| {
        html! {
            <Stop heading={i18n.ta(&format!("accept-{state}-heading"), &[("partner", partner)])}
                body={i18n.ta(&format!("accept-{state}-body"), &[("partner", partner)])} />
        }
    };
    let Some(link) = link else {
        return stop("invalid", "");
    };
    let Some(found) = &*found else {
        return html! { <Busy label={i18n.t("loading")} /> };
    };
    let inv = match found {
        Ok(Some(inv)) => inv.clone(),
        Err(Failure::Api(e)) if e.status == 404 => return stop("invalid", ""),
        Err(f) => {
            return html! { <div class="step"><FetchFailed failure={f.clone()} retry={again.clone()} /></div> }
        }
        Ok(None) => return stop("invalid", ""),
    };
    let partner = inv.partner_name.clone();
    if let Some((accepted, _)) = &*answered {
        return html! { <Answered accepted={*accepted} invitation={inv.clone()} /> };
    }
    match inv.state {
        LinkState::Open => {}
        LinkState::Used => return stop("used", &partner),
        LinkState::Expired => return stop("expired", &partner),
        LinkState::Declined => return stop("declined", &partner),
    }
    let done = {
        let answered = answered.clone();
        Callback::from(move |a: (bool, CustomerInvitation)| answered.set(Some(a)))
    };
    html! { <Open invitation={inv} {link} {done} /> }
}

#[derive(Properties, PartialEq)]
struct StopProps {
    heading: String,
    body: String,
}

/// A link that can no longer be answered, or that this portal did not send.
#[function_component]
fn Stop(p: &StopProps) -> Html {
    use_title(&p.heading, false);
    html! {
        <div class="step">
            <h1 class="heading">{ &p.heading }</h1>
            <p>{ &p.body }</p>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct AnsweredProps {
    accepted: bool,
    invitation: CustomerInvitation,
}

#[function_component]
fn Answered(p: &AnsweredProps) -> Html {
    let i18n = use_i18n();
    let partner = p.invitation.partner_name.as_str();
    let (heading, body) = if p.accepted {
        ("accept-done-heading", "accept-done-body")
    } else {
        ("accept-declined-done-heading", "accept-declined-done-body")
    };
    let heading = i18n.ta(heading, &[("partner", partner)]);
    use_title(&heading, false);
    html! {
        <div class="step">
            <div class="panel panel--confirmation" role="status">
                <h1 class="panel-title">{ &heading }</h1>
            </div>
            <p>{ i18n.ta(body, &[("partner", partner)]) }</p>
            if let (true, Some(provider)) = (p.accepted, &p.invitation.provider_name) {
                <p>{ i18n.ta("accept-done-provider", &[("provider", provider)]) }</p>
            }
        </div>
    }
}

/// What accepting grants, in the order the customer reads it.
fn grants(i18n: &I18n, inv: &CustomerInvitation) -> Html {
    let partner = inv.partner_name.as_str();
    let admin = inv.request.as_ref().filter(|r| r.admin_access);
    html! {
        <>
            <h2 class="heading-m">{ i18n.t("accept-grants-heading") }</h2>
            <ul class="list list--bullet" id="accept-grants">
                <li>{ i18n.ta("accept-grants-reseller", &[("partner", partner)]) }</li>
                if let Some(provider) = &inv.provider_name {
                    <li>{ i18n.ta("accept-grants-provider", &[("partner", partner), ("provider", provider)]) }</li>
                }
                if let Some(r) = admin {
                    <li>
                        { i18n.ta("accept-grants-admin", &[("days", &r.duration_days.to_string())]) }
                        <ul class="list list--bullet">
                            { for r.roles.iter().map(|role| html! { <li>{ role_label(i18n, role) }</li> }) }
                        </ul>
                        if r.auto_extend {
                            <p class="hint">{ i18n.ta("accept-grants-auto-extend", &[("days", &r.duration_days.to_string())]) }</p>
                        }
                    </li>
                } else {
                    <li>{ i18n.t("accept-grants-no-admin") }</li>
                }
            </ul>
            if let Some(r) = admin {
                <p class="hint">{ i18n.ta("accept-request-name", &[("name", &r.name)]) }</p>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct OpenProps {
    invitation: CustomerInvitation,
    link: InvitationLink,
    done: Callback<(bool, CustomerInvitation)>,
}

/// The link waiting for an answer: sign in with the work account, then accept or decline.
#[function_component]
fn Open(p: &OpenProps) -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let form = use_form();
    let user_name = use_state(String::new);
    let password = use_state(String::new);
    // The work account signed in to on this page. Asked for here each time, whatever work
    // account the tab used before (the answer is that account's): reading the applicant session
    // from this page would keep a copy of the API client's call for it in the first load.
    let signed = use_state(|| None::<WorkAccountSession>);
    let account = (*signed).clone();
    let partner = p.invitation.partner_name.clone();
    let heading = i18n.ta("accept-heading", &[("partner", &partner)]);

    let live = {
        let (u, pw, account) = ((*user_name).clone(), (*password).clone(), account.clone());
        move || {
            let mut r = Report::default();
            if account.is_none() {
                match required(&u) {
                    Err(e) => r.add(Field::WorkAccountUserName, e),
                    Ok(v) => {
                        if let Err(e) = csp_core::email::parse(v) {
                            r.add(Field::WorkAccountUserName, e)
                        }
                    }
                }
                if pw.is_empty() {
                    r.add(Field::WorkAccountPassword, csp_core::Code::Required);
                }
            }
            r
        }
    };
    let report = form.shown(live.clone());
    let answer = {
        let (form, api, link, done, live) = (
            form.clone(),
            env.api.clone(),
            p.link.clone(),
            p.done.clone(),
            live.clone(),
        );
        let lang = i18n.locale.tag().to_owned();
        move |accept: bool| {
            if !form.press(&live()) {
                return;
            }
            let (api, done) = (api.clone(), done.clone());
            let body = InvitationAnswer {
                link: link.clone(),
                accept,
                language: lang.clone(),
            };
            let call = async move { api.call(&ANSWER_INVITATION, &[], &body).await };
            form.run(call, move |inv| done.emit((accept, inv)));
        }
    };
    let onsubmit = {
        let (form, api, signed, answer) = (
            form.clone(),
            env.api.clone(),
            signed.clone(),
            answer.clone(),
        );
        let (u, pw, has_account) = ((*user_name).clone(), (*password).clone(), account.is_some());
        Callback::from(move |_| {
            if has_account {
                answer(true);
                return;
            }
            if !form.press(&live()) {
                return;
            }
            let api2 = api.clone();
            let req = SignIn {
                user_name: u.trim().into(),
                password: pw.clone(),
            };
            let call = async move { api2.call(&WORK_ACCOUNT_SIGN_IN, &[], &req).await };
            let (api, signed) = (api.clone(), signed.clone());
            form.run(call, move |s: WorkAccountSession| {
                api.set_applicant_csrf(&s.csrf_token);
                signed.set(Some(s));
            });
        })
    };
    let decline = {
        let answer = answer.clone();
        Callback::from(move |_: MouseEvent| answer(false))
    };
    // Signing in to another account replaces this one's session.
    let use_another = {
        let (signed, form) = (signed.clone(), form.clone());
        Callback::from(move |_: MouseEvent| {
            form.reset();
            signed.set(None);
        })
    };
    let refusal = report
        .for_field(Field::InvitationAnswer)
        .map(|pr| i18n.problem(Field::InvitationAnswer, pr));
    let answer_id = Field::InvitationAnswer.dom_id();
    let signed_in = account.is_some();
    let after = if signed_in {
        html! {
            <div class="button-group">
                <button type="button" class="button button--secondary" onclick={decline} disabled={*form.busy}>{ i18n.t("accept-decline-button") }</button>
            </div>
        }
    } else {
        html! {}
    };
    html! {
        <FormPage heading={heading} form={form.clone()} report={report.clone()} {onsubmit} {after}
            submit_label={i18n.t(if signed_in { "accept-button" } else { "accept-sign-in" })}>
            <p>{ i18n.t("accept-intro") }</p>
            { grants(&i18n, &p.invitation) }
            <h2 class="heading-m">{ i18n.t("accept-sign-in-heading") }</h2>
            if let Some(a) = &account {
                <div class="panel" role="status">
                    <p>{ i18n.ta("accept-signed-in", &[("organization", &a.organization), ("domain", &a.domain)]) }</p>
                    <button type="button" class="link-button" onclick={use_another}>{ i18n.t("accept-use-another") }</button>
                </div>
            } else {
                <TextField field={Field::WorkAccountUserName} label={i18n.t("accept-user-name")} hint={i18n.t("accept-user-name-hint")}
                    value={(*user_name).clone()} input_type="email" autocomplete="username" spellcheck_off=true width="input--wide"
                    oninput={{ let s = user_name.clone(); Callback::from(move |v: String| s.set(v)) }} report={report.clone()} />
                <TextField field={Field::WorkAccountPassword} label={i18n.t("accept-password")}
                    value={(*password).clone()} input_type="password" autocomplete="current-password"
                    oninput={{ let s = password.clone(); Callback::from(move |v: String| s.set(v)) }} report={report.clone()} />
            }
            <div id={answer_id} tabindex="-1">
                if let Some(e) = &refusal {
                    <p class="error-message" role="alert"><span class="visually-hidden">{ i18n.t("error-prefix") }</span>{ e }</p>
                }
            </div>
        </FormPage>
    }
}
