//! The provider's invitation link opens this page: it names the provider, says what
//! authorizing grants before the box, and enables **Authorize indirect provider** once the
//! box is ticked. A malformed or unknown provider ID, a user who may not authorize (told
//! who can) and a provider of another CSP region each get a page that says so.

use super::common::region;
use crate::env::use_env;
use crate::form::{use_fetch, use_form, FetchFailed, FormPage};
use crate::i18n::{use_i18n, use_title, I18n};
use crate::partner::use_my_partner;
use crate::route::Route;
use crate::router::{use_location, Link};
use crate::session::use_session;
use csp_core::api::AuthorizeResult;
use csp_core::endpoint::{AUTHORIZE_PROVIDER, INDIRECT_PROVIDER};
use csp_core::invitation::{parse_invite, Invite};
use csp_core::partners::{
    check_authorization, check_may_authorize, check_same_region, AuthorizeProvider as Request,
};
use csp_core::Field;
use yew::prelude::*;

#[function_component]
pub fn AuthorizeProvider() -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let session = use_session();
    let form = use_form();
    let me = use_my_partner();
    let consent = use_state(|| false);
    let done = use_state(|| None::<AuthorizeResult>);
    let query = use_location().query_str().to_owned();
    let provider_id = match parse_invite(&query) {
        Ok(Invite::IndirectReseller { provider_id }) => Some(provider_id),
        _ => None,
    };
    let api = env.api.clone();
    let (provider, again) = use_fetch(provider_id.clone(), move |id| {
        let api = api.clone();
        async move {
            match id {
                Some(id) => api.call(&INDIRECT_PROVIDER, &[&id], &()).await.map(Some),
                None => Ok(None),
            }
        }
    });
    let stop = |heading: String, body: Html| -> Html {
        html! { <Stop {heading} {body} /> }
    };
    let invalid = || {
        stop(
            i18n.t("partners-authorize-invalid-heading"),
            html! { <p>{ i18n.t("partners-authorize-invalid-body") }</p> },
        )
    };
    if provider_id.is_none() {
        return invalid();
    }
    let p = match &*provider {
        None => return html! { <crate::components::Busy label={i18n.t("loading")} /> },
        Some(Err(crate::api::Failure::Api(e))) if e.status == 404 => {
            return stop(
                i18n.t("partners-authorize-unknown-heading"),
                html! { <p>{ i18n.t("partners-authorize-unknown-body") }</p> },
            )
        }
        Some(Err(crate::api::Failure::Api(e))) if e.status == 422 => return invalid(),
        Some(Err(f)) => {
            return html! { <div class="step"><FetchFailed failure={f.clone()} retry={again.clone()} /></div> }
        }
        Some(Ok(None)) => return invalid(),
        Some(Ok(Some(p))) => p.clone(),
    };
    let name = p.name.as_str();
    if let Some(r) = &*done {
        let key = if r.changed {
            "partners-authorize-done-heading"
        } else {
            "partners-authorize-already"
        };
        return html! { <Done heading={i18n.ta(key, &[("provider", name)])} /> };
    }
    if p.since.is_some() {
        return html! { <Done heading={i18n.ta("partners-authorize-already", &[("provider", name)])} /> };
    }
    let user = session.user.clone();
    let roles: Vec<&str> = user
        .iter()
        .flat_map(|u| u.agent_role.iter().chain(u.admin_role.iter()))
        .map(String::as_str)
        .collect();
    let kind_ok = user
        .as_ref()
        .and_then(|u| u.partner_kind)
        .is_none_or(|k| k.offers(csp_core::roles::AUTHORIZE_INDIRECT_PROVIDER));
    if check_may_authorize(&roles, &env.catalog).is_err() {
        return stop(
            i18n.t("partners-authorize-not-permitted-heading"),
            html! { <>
                <p>{ i18n.ta("partners-authorize-not-permitted-body", &[("provider", name)]) }</p>
                <ForwardLink />
            </> },
        );
    }
    if !kind_ok {
        return stop(
            i18n.t("no-permission-heading"),
            html! { <p>{ i18n.t("no-permission-body") }</p> },
        );
    }
    if let Some(Ok(m)) = &*me {
        if check_same_region(&m.partner.region, &p).is_err() {
            return stop(
                i18n.t("partners-authorize-region-heading"),
                html! { <p>{ i18n.ta("partners-authorize-region-body", &[
                    ("provider", name),
                    ("provider_region", &region(&i18n, &p.region)),
                    ("reseller_region", &region(&i18n, &m.partner.region)),
                ]) }</p> },
            );
        }
    }
    let req = Request {
        provider_id: p.id.clone(),
        consent: *consent,
    };
    let live = {
        let (req, p, catalog, me) = (req.clone(), p.clone(), env.catalog.clone(), (*me).clone());
        let roles: Vec<String> = roles.iter().map(|r| r.to_string()).collect();
        move || {
            let region = match &me {
                Some(Ok(m)) => m.partner.region.clone(),
                _ => p.region.clone(),
            };
            let r: Vec<&str> = roles.iter().map(String::as_str).collect();
            check_authorization(&req, Some(&p), &region, &r, &catalog)
        }
    };
    let report = form.shown(live.clone());
    let onsubmit = {
        let (form, api, done, req) = (form.clone(), env.api.clone(), done.clone(), req.clone());
        Callback::from(move |_| {
            if form.press(&live()) {
                let (api, req) = (api.clone(), req.clone());
                let call = async move { api.call(&AUTHORIZE_PROVIDER, &[], &req).await };
                let done = done.clone();
                form.run(call, move |r| done.set(Some(r)));
            }
        })
    };
    let consent_id = Field::AuthorizeConsent.dom_id();
    let consent_error = report
        .for_field(Field::AuthorizeConsent)
        .map(|pr| i18n.problem(Field::AuthorizeConsent, pr));
    let toggle = {
        let consent = consent.clone();
        Callback::from(move |_: Event| consent.set(!*consent))
    };
    html! {
        <FormPage heading={i18n.ta("partners-authorize-heading", &[("provider", name)])} form={form.clone()} report={report.clone()} {onsubmit}
            submit_label={i18n.t("partners-authorize-button")} submit_disabled={!*consent}>
            <p>{ i18n.ta("partners-authorize-intro", &[("provider", name), ("country", &i18n.country(&p.country))]) }</p>
            <h2 class="heading-m">{ i18n.t("partners-authorize-grants-heading") }</h2>
            <ul class="list list--bullet" id="authorize-grants">
                <li>{ i18n.ta("partners-authorize-grants-orders", &[("provider", name)]) }</li>
                <li>{ i18n.ta("partners-authorize-grants-admin", &[("provider", name)]) }</li>
            </ul>
            <div class={classes!("form-group", consent_error.is_some().then_some("form-group--error"))}>
                if let Some(e) = &consent_error { <p id={format!("{consent_id}-error")} class="error-message"><span class="visually-hidden">{ i18n.t("error-prefix") }</span>{ e }</p> }
                <div class="checkbox">
                    <input class="checkbox-input" type="checkbox" id={consent_id.clone()} name={consent_id.clone()} checked={*consent} onchange={toggle}
                        aria-describedby="authorize-grants" />
                    <label class="checkbox-label" for={consent_id}>{ i18n.ta("partners-authorize-consent", &[("provider", name)]) }</label>
                </div>
            </div>
        </FormPage>
    }
}

#[derive(Properties, PartialEq)]
struct StopProps {
    heading: String,
    body: Html,
}

/// A page that explains why the invitation can't be accepted here.
#[function_component]
fn Stop(p: &StopProps) -> Html {
    let i18n = use_i18n();
    use_title(&p.heading, false);
    html! {
        <div class="step">
            <h1 class="heading">{ &p.heading }</h1>
            { p.body.clone() }
            <Link to={Route::Home}>{ i18n.t("app-title") }</Link>
        </div>
    }
}

/// This page's own link, to forward to someone who may authorize: selectable, and copied
/// with a visible confirmation (or, when the browser refuses, a note to copy it by hand).
#[function_component]
fn ForwardLink() -> Html {
    let i18n = use_i18n();
    let link = gloo::utils::window().location().href().unwrap_or_default();
    let copied = use_state(|| None::<bool>);
    let copy = {
        let (copied, link) = (copied.clone(), link.clone());
        Callback::from(move |_| {
            let copied = copied.clone();
            crate::components::copy_text(&link, move |ok| copied.set(Some(ok)));
        })
    };
    html! {
        <div class="form-group">
            <label class="label" for="forward-link">{ i18n.t("partners-invitation-link") }</label>
            <input id="forward-link" class="input input--wide" type="text" readonly=true value={link} />
            <div class="button-group">
                <button type="button" class="button button--secondary" onclick={copy}>{ i18n.t("partners-copy") }</button>
            </div>
            <p class="inset" role="status">{ match *copied {
                Some(true) => i18n.t("partners-copied"),
                Some(false) => i18n.t("partners-copy-failed"),
                None => String::new(),
            } }</p>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct DoneProps {
    heading: String,
}

#[function_component]
fn Done(p: &DoneProps) -> Html {
    let i18n: I18n = use_i18n();
    use_title(&p.heading, false);
    html! {
        <div class="step">
            <div class="panel panel--confirmation" role="status"><h1 class="panel-title">{ &p.heading }</h1></div>
            <Link to={Route::IndirectProviders}>{ i18n.t("partners-providers-heading") }</Link>
        </div>
    }
}
