//! Submitted: what happens next, and the application's state as the backend reports it.

use crate::components::Busy;
use crate::env::use_env;
use crate::form::{use_fetch, FetchFailed};
use crate::i18n::{use_i18n, use_title};
use crate::route::Route;
use crate::router::Link;
use csp_core::api::ApplicationStatus;
use csp_core::endpoint::APPLICATION;
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
    let heading = i18n.t("status-heading");
    use_title(&heading, matches!(*app, Some(Err(_))));
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
                        <dd class="summary-value"><strong class="tag">{ i18n.t(status_id(a.status)) }</strong></dd>
                    </div>
                </dl>
                <p>{ i18n.t(&format!("{}-body", status_id(a.status))) }</p>
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
