//! The partner agreement: its version and full text, and who signed it when. Until it is
//! signed, a global admin signs it here (name, job title, "I accept"); anyone else reads who
//! must. Signing opens the partner pages.

use crate::components::{Busy, TextField};
use crate::env::use_env;
use crate::form::{use_fetch, use_form, FetchFailed, FormPage};
use crate::i18n::{use_i18n, use_title, I18n};
use crate::route::Route;
use crate::router::Link;
use crate::session::use_session;
use csp_core::api::{Agreement, AgreementAcceptance, Signature};
use csp_core::endpoint::{AGREEMENT, SIGN_AGREEMENT};
use csp_core::problem::Code;
use csp_core::{Field, FieldProblem, Report};
use yew::prelude::*;

const GLOBAL_ADMIN: &str = "global-admin";

/// What signing needs (the backend checks the same, and the version).
fn check(a: &AgreementAcceptance) -> Report {
    let mut r = Report::default();
    for (field, ok) in [
        (Field::AgreementName, !a.name.trim().is_empty()),
        (Field::AgreementJobTitle, !a.job_title.trim().is_empty()),
        (Field::AgreementAccept, a.accept),
    ] {
        if !ok {
            r.0.push(FieldProblem {
                field,
                problem: Code::Required.into(),
            });
        }
    }
    r
}

fn signed_by(i18n: &I18n, s: &Signature) -> String {
    let day = csp_core::date::Date((s.at.max(0) / 86_400) as u32);
    i18n.ta(
        "agreement-signed-by",
        &[
            ("name", &s.name),
            ("job_title", &s.job_title),
            ("user", &s.user),
            ("date", &i18n.date(day)),
            ("version", &s.version),
        ],
    )
}

#[function_component]
pub fn AgreementPage() -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let session = use_session();
    let form = use_form();
    let accept = use_state(AgreementAcceptance::default);
    let (fetched, again) = {
        let api = env.api.clone();
        use_fetch((), move |_| {
            let api = api.clone();
            async move { api.call(&AGREEMENT, &[], &()).await }
        })
    };
    // The agreement as signing left it, without reading it again.
    let after = use_state(|| None::<Agreement>);
    let heading = i18n.t("agreement-heading");
    let agreement = (*after).clone().or_else(|| match &*fetched {
        Some(Ok(a)) => Some(a.clone()),
        _ => None,
    });
    let admin = session
        .user
        .as_ref()
        .is_some_and(|u| u.admin_role.as_deref() == Some(GLOBAL_ADMIN));
    let signing = admin && agreement.as_ref().is_some_and(|a| a.signed.is_none());
    // The form page sets its own title.
    use_title(if signing { "" } else { &heading }, false);
    let Some(a) = agreement else {
        return html! {
            <div class="step">
                <h1 class="heading">{ heading }</h1>
                if let Some(Err(f)) = &*fetched {
                    <FetchFailed failure={f.clone()} retry={again} />
                } else {
                    <Busy label={i18n.t("loading")} />
                }
            </div>
        };
    };
    let about = html! {
        <>
            <p>{ i18n.ta("agreement-version", &[("version", &a.version)]) }</p>
            <p><a href={a.url.clone()} target="_blank" rel="noopener">{ i18n.t("agreement-full-text") }<span class="visually-hidden">{ format!(" ({})", i18n.t("opens-new-tab")) }</span></a></p>
        </>
    };
    if let Some(s) = &a.signed {
        return html! {
            <div class="step">
                <h1 class="heading">{ heading }</h1>
                <div class="notice" role="status"><p>{ signed_by(&i18n, s) }</p></div>
                { about }
                <p>{ i18n.t("agreement-signed-open") }</p>
                <p><Link to={Route::Account}>{ i18n.t("nav-account") }</Link></p>
            </div>
        };
    }
    if !admin {
        return html! {
            <div class="step">
                <h1 class="heading">{ heading }</h1>
                { about }
                <p class="inset">{ i18n.t("agreement-admin-only") }</p>
            </div>
        };
    }
    let version = a.version.clone();
    let live = {
        let (accept, version) = (accept.clone(), version.clone());
        move || {
            check(&AgreementAcceptance {
                version: version.clone(),
                ..(*accept).clone()
            })
        }
    };
    let report = form.shown(live.clone());
    let onsubmit = {
        let (form, api, accept, after) =
            (form.clone(), env.api.clone(), accept.clone(), after.clone());
        Callback::from(move |_| {
            if !form.press(&live()) {
                return;
            }
            let req = AgreementAcceptance {
                version: version.clone(),
                ..(*accept).clone()
            };
            let api = api.clone();
            let call = async move { api.call(&SIGN_AGREEMENT, &[], &req).await };
            let after = after.clone();
            form.run(call, move |signed| after.set(Some(signed)));
        })
    };
    let set = |f: fn(&mut AgreementAcceptance, String)| {
        let accept = accept.clone();
        Callback::from(move |v: String| {
            let mut n = (*accept).clone();
            f(&mut n, v);
            accept.set(n);
        })
    };
    let toggle = {
        let accept = accept.clone();
        Callback::from(move |_: Event| {
            let mut n = (*accept).clone();
            n.accept = !n.accept;
            accept.set(n);
        })
    };
    let accept_id = Field::AgreementAccept.dom_id();
    let accept_error = report
        .for_field(Field::AgreementAccept)
        .map(|p| i18n.problem(Field::AgreementAccept, p));
    html! {
        <FormPage heading={heading.clone()} form={form.clone()} report={report.clone()} {onsubmit}
            back={Route::Account} submit_label={i18n.t("agreement-sign")}>
            { about }
            <p>{ i18n.t("agreement-intro") }</p>
            <TextField field={Field::AgreementName} label={i18n.t("agreement-name")} value={accept.name.clone()}
                autocomplete="name" oninput={set(|a, v| a.name = v)} report={report.clone()} />
            <TextField field={Field::AgreementJobTitle} label={i18n.t("agreement-job-title")} value={accept.job_title.clone()}
                autocomplete="organization-title" oninput={set(|a, v| a.job_title = v)} report={report.clone()} />
            <div class={classes!("form-group", accept_error.is_some().then_some("form-group--error"))}>
                if let Some(e) = &accept_error { <p id={format!("{accept_id}-error")} class="error-message"><span class="visually-hidden">{ i18n.t("error-prefix") }</span>{ e }</p> }
                <div class="checkbox">
                    <input class="checkbox-input" type="checkbox" id={accept_id.clone()} name={accept_id.clone()} checked={accept.accept} onchange={toggle}
                        aria-describedby={accept_error.as_ref().map(|_| format!("{accept_id}-error"))} />
                    <label class="checkbox-label" for={accept_id.clone()}>{ i18n.ta("agreement-accept", &[("version", &a.version)]) }</label>
                </div>
            </div>
        </FormPage>
    }
}
