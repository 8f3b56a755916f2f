//! Submitted: what happens next, and the application's state as the backend reports it.

use super::use_env;
use crate::components::{set_title, use_i18n, Busy, ErrorSummary};
use crate::routes::Route;
use csp_core::api::{Application, ApplicationStatus};
use yew::prelude::*;
use yew_router::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StatusProps {
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
pub fn StatusPage(p: &StatusProps) -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let app = use_state(|| None::<Result<Application, crate::api::Failure>>);
    let reload = use_state(|| 0u32);
    {
        let (app, api, id) = (app.clone(), env.api.clone(), p.id.to_string());
        use_effect_with((p.id.clone(), *reload), move |_| {
            app.set(None);
            wasm_bindgen_futures::spawn_local(async move {
                app.set(Some(api.application(&id).await));
            });
        });
    }
    let heading = i18n.t("status-heading");
    set_title(&i18n, &heading, matches!(*app, Some(Err(_))));
    let refresh = {
        let reload = reload.clone();
        Callback::from(move |_| reload.set(*reload + 1))
    };
    let body = match &*app {
        None => html! { <Busy label={i18n.t("busy")} /> },
        Some(Err(f)) => html! {
            <ErrorSummary report={csp_core::Report::default()} attempt={0} general={AttrValue::from(i18n.t(f.message_id()))} />
        },
        Some(Ok(a)) => html! {
            <>
                <div class="panel panel--confirmation">
                    <p class="panel-title">{ i18n.t("status-reference") }</p>
                    <p class="panel-body"><strong>{ &a.id }</strong></p>
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
                        <Link<Route> to={Route::Account}>{ i18n.t("status-approved-check-now") }</Link<Route>>
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
            <button type="button" class="button button--secondary" onclick={refresh}>{ i18n.t("status-refresh") }</button>
        </div>
    }
}
