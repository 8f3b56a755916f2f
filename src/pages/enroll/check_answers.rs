//! Check your answers: every answer by section with a Change link; "Enroll now" submits once
//! per idempotency key, so a double press or a retry creates one application.

use crate::answers::{answer_row, answer_sections};
use crate::components::SummaryLink;
use crate::env::use_env;
use crate::form::{use_form, FormPage};
use crate::i18n::use_i18n;
use crate::journey::{pages, step_route, use_journey, Action};
use crate::route::Route;
use crate::router::use_navigator;
use csp_core::api::SubmitApplication;
use csp_core::endpoint::SUBMIT_APPLICATION;
use csp_core::enrollment::{check_submission, Step};
use yew::prelude::*;

fn new_key() -> String {
    crate::api::random_bytes()
        .iter()
        .map(|x| format!("{x:02x}"))
        .collect()
}

#[function_component]
pub fn CheckAnswers() -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let j = use_journey();
    let nav = use_navigator();
    let form = use_form();
    let d = j.draft.clone();
    let live = {
        let (d, env) = (d.clone(), env.clone());
        move || check_submission(&d, &env.settings.open_partner_types, &env.ctx)
    };
    let report = form.shown(live.clone());

    let onsubmit = {
        let (j, nav, form, env) = (j.clone(), nav.clone(), form.clone(), env.clone());
        let locale = i18n.locale;
        Callback::from(move |_| {
            if !form.press(&live()) {
                return;
            }
            let key = j.idempotency_key.clone().unwrap_or_else(new_key);
            j.dispatch(Action::SetIdempotencyKey(key.clone()));
            let req = SubmitApplication {
                idempotency_key: key,
                draft: j.draft.for_submit(&env.ctx),
                language: locale.tag().into(),
            };
            let api = env.api.clone();
            let call = async move { api.call(&SUBMIT_APPLICATION, &[], &req).await };
            let (j, nav) = (j.clone(), nav.clone());
            form.run(call, move |app| {
                super::submitted::remember(&app.id, &app.reference);
                j.dispatch(Action::Clear);
                nav.push(&Route::Application { id: app.id });
            });
        })
    };

    let change = |step: Step| {
        let (j, nav) = (j.clone(), nav.clone());
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            j.dispatch(Action::SetReturning(true));
            nav.push(&step_route(step));
        })
    };
    // Errors on this page point to the page that holds the answer.
    let back = pages(&d)
        .iter()
        .rev()
        .nth(1)
        .cloned()
        .unwrap_or(Route::Welcome);
    html! {
        <FormPage heading={i18n.t("check-heading")} form={form.clone()} report={report.clone()} {onsubmit} {back}
            summary_link={SummaryLink(answer_row)} submit_label={i18n.t("enroll-now")} busy_label={i18n.t("busy-submitting")}>
            { answer_sections(&i18n, &d, Some(&change), "h2") }
            <h2 class="subheading">{ i18n.t("check-declaration-heading") }</h2>
            <p>{ i18n.t("check-declaration") }</p>
        </FormPage>
    }
}
