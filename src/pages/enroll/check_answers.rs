//! Check your answers: every answer by section with a Change link; "Enroll now" submits once
//! per idempotency key, so a double press or a retry creates one application. While an
//! application sent back for changes is being changed, "Resubmit" sends it back to review
//! instead, as retry-safe.

use crate::answers::{answer_row, answer_sections};
use crate::components::SummaryLink;
use crate::env::use_env;
use crate::form::{use_form, FormPage};
use crate::i18n::use_i18n;
use crate::journey::{changing_version, pages, step_route, use_journey, Action, Changing};
use crate::route::Route;
use crate::router::{use_navigator, Link};
use csp_core::api::{ApplicationStatus, Resubmission, SubmitApplication};
use csp_core::endpoint::{APPLICATION, RESUBMIT_APPLICATION, SUBMIT_APPLICATION};
use csp_core::enrollment::{check_submission, Step};
use csp_core::problem::Code;
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
    // A refused resubmit: what the application is now, in words, and whether it still waits
    // for changes (then the journey resubmits on its new version).
    let conflict = use_state(|| None::<(ApplicationStatus, bool)>);

    let onsubmit = {
        let (j, nav, form, env) = (j.clone(), nav.clone(), form.clone(), env.clone());
        let conflict = conflict.clone();
        let locale = i18n.locale;
        Callback::from(move |_| {
            conflict.set(None);
            if !form.press(&live()) {
                return;
            }
            let key = j.idempotency_key.clone().unwrap_or_else(new_key);
            j.dispatch(Action::SetIdempotencyKey(key.clone()));
            if let Some(c) = j.changing.clone() {
                resubmit(&env, &j, &nav, &form, &conflict, c, key);
                return;
            }
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
    let (heading, submit_label) = match &j.changing {
        Some(_) => (i18n.t("check-heading-changing"), i18n.t("resubmit")),
        None => (i18n.t("check-heading"), i18n.t("enroll-now")),
    };
    html! {
        <FormPage {heading} form={form.clone()} report={report.clone()} {onsubmit} {back}
            summary_link={SummaryLink(answer_row)} {submit_label} busy_label={i18n.t("busy-submitting")}>
            <super::step::ChangingNotice message="check-changing" />
            if let (Some((status, open)), Some(c)) = (*conflict, &j.changing) {
                <div class="notice" role="alert">
                    <p>{ i18n.ta(if open { "resubmit-stale" } else { "resubmit-closed" },
                        &[("status", &i18n.t(&format!("status-{}", status_json(status))))]) }</p>
                    <Link to={Route::Application { id: c.id.clone() }}>{ i18n.t("mail-status-action") }</Link>
                </div>
            }
            { answer_sections(&i18n, &d, Some(&change), "h2") }
            <h2 class="subheading">{ i18n.t("check-declaration-heading") }</h2>
            <p>{ i18n.t("check-declaration") }</p>
        </FormPage>
    }
}

fn status_json(s: ApplicationStatus) -> String {
    match serde_json::to_value(s) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// `PUT /applications/{id}` with the changed answers: then the status page, which says what
/// happens now. Refused because the application moved on (another resubmit, a decision), the
/// page says what it is now and keeps every answer; while it still waits for changes, the
/// next press resubmits on its new version.
fn resubmit(
    env: &crate::env::Env,
    j: &crate::journey::JourneyHandle,
    nav: &crate::router::Navigator,
    form: &crate::form::Form,
    conflict: &UseStateHandle<Option<(ApplicationStatus, bool)>>,
    c: Changing,
    key: String,
) {
    let req = Resubmission {
        idempotency_key: key,
        version: c.version,
        draft: j.draft.for_submit(&env.ctx),
    };
    let (api, id) = (env.api.clone(), c.id.clone());
    let call = async move { api.call(&RESUBMIT_APPLICATION, &[&id], &req).await };
    let (store, nav) = (j.store().clone(), nav.clone());
    let (form2, conflict, api, store2) = (
        form.clone(),
        conflict.clone(),
        env.api.clone(),
        j.store().clone(),
    );
    form.run_or(
        call,
        move |app| {
            store.dispatch(Action::Clear);
            nav.push(&Route::Application { id: app.id });
        },
        move |r| {
            let refused =
                r.0.iter()
                    .any(|p| matches!(p.problem.code, Code::ReviewStale | Code::ReviewTransition));
            if !refused {
                form2.server.set(r);
                return;
            }
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok(a) = api.call(&APPLICATION, &[&c.id], &()).await {
                    let open = a.status == ApplicationStatus::NeedsChanges;
                    if open {
                        store2.dispatch(changing_version(a.version));
                    }
                    conflict.set(Some((a.status, open)));
                }
            });
        },
    );
}
