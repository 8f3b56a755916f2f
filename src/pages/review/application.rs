//! One application for the operator: every answer as Check your answers shows it, what the
//! product could check, the audit trail (read-only), and the decision: approve, request
//! changes (which steps, and what to fix) or reject (a reason from the list, and why). A 409
//! says what the application is now, and the page reads it again.

use super::status_name;
use crate::answers::answer_sections;
use crate::components::{event_value, Busy, DataTable, ErrorSummary, RadioOption, Radios};
use crate::env::use_env;
use crate::form::{use_fetch, use_form, FetchFailed};
use crate::i18n::{use_i18n, use_title, I18n};
use crate::route::Route;
use crate::router::Link;
use crate::session::use_session;
use csp_core::access::identity_key;
use csp_core::api::{ApplicationStatus, AuditEntry, ReviewApplication, ReviewCheck};
use csp_core::endpoint::{ASSIGN, DECIDE, REVIEW_APPLICATION};
use csp_core::enrollment::Step;
use csp_core::problem::Code;
use csp_core::review::{
    check_decision, next_status, Action, AssignAction, Assignment, Decision, RejectReason,
};
use csp_core::{Field, FieldProblem, Report};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReviewApplicationProps {
    pub id: String,
}

/// The decision being written.
#[derive(Clone, PartialEq, Default)]
struct Draft {
    action: Option<Action>,
    steps: Vec<Step>,
    reason: Option<RejectReason>,
    message: String,
}

fn action_id(a: Action) -> &'static str {
    match a {
        Action::Approve => "approve",
        Action::RequestChanges => "request-changes",
        Action::Reject => "reject",
        Action::Resubmit => "resubmit",
    }
}

fn step_id(s: Step) -> &'static str {
    match s {
        Step::PartnerType => "partner-type",
        Step::WorkAccount => "work-account",
        Step::Mpn => "mpn",
        Step::Legal => "legal",
        Step::Contact => "contact",
        Step::Support => "support",
        Step::Bank => "bank",
    }
}

fn reason_id(r: RejectReason) -> &'static str {
    match r {
        RejectReason::DomainNotOwned => "domain-not-owned",
        RejectReason::LegalEntityUnconfirmed => "legal-entity-unconfirmed",
        RejectReason::NotEligible => "not-eligible",
        RejectReason::Duplicate => "duplicate",
        RejectReason::Other => "other",
    }
}

/// What the decision must say before it is sent (the backend checks the same).
fn check(d: &Draft, version: i64) -> Report {
    let Some(action) = d.action else {
        return Report(vec![FieldProblem {
            field: Field::DecisionAction,
            problem: Code::ChooseOne.into(),
        }]);
    };
    Report(check_decision(&decision(d, action, version)))
}

fn decision(d: &Draft, action: Action, version: i64) -> Decision {
    Decision {
        action,
        version,
        steps: if action == Action::RequestChanges {
            d.steps.clone()
        } else {
            vec![]
        },
        reason: if action == Action::Reject {
            d.reason
        } else {
            None
        },
        message: d.message.trim().to_string(),
    }
}

#[function_component]
pub fn ReviewApplicationPage(p: &ReviewApplicationProps) -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let form = use_form();
    let draft = use_state(Draft::default);
    // What the last decision made of the application, said once above the page.
    let done = use_state(|| None::<String>);
    // Taking the application or giving it back: its own busy state, and why it was refused
    // (kept here: the page reads the application again, and shows nothing meanwhile).
    let assigning = use_form();
    let refused = use_state(|| None::<String>);
    let session = use_session();
    let (fetched, again) = {
        let api = env.api.clone();
        use_fetch(p.id.clone(), move |id| {
            let api = api.clone();
            async move { api.call(&REVIEW_APPLICATION, &[&id], &()).await }
        })
    };
    let app: Option<ReviewApplication> = match &*fetched {
        Some(Ok(a)) => Some(a.clone()),
        _ => None,
    };
    let version = app.as_ref().map_or(0, |a| a.application.version);
    let live = {
        let d = (*draft).clone();
        move || check(&d, version)
    };
    let report = form.shown(live.clone());
    let heading = app.as_ref().map_or_else(
        || i18n.t("review-application-heading-loading"),
        |a| {
            i18n.ta(
                "review-application-heading",
                &[("reference", &a.application.reference)],
            )
        },
    );
    use_title(
        if fetched.is_some() { &heading } else { "" },
        form.has_errors(&report),
    );
    let app = match &*fetched {
        None => return html! { <div class="step"><Busy label={i18n.t("loading")} /></div> },
        Some(Err(f)) => {
            return html! {
                <div class="step">
                    <h1 class="heading">{ heading }</h1>
                    <FetchFailed failure={f.clone()} retry={again} />
                    <p><Link to={Route::ReviewQueue}>{ i18n.t("review-back-to-queue") }</Link></p>
                </div>
            }
        }
        Some(Ok(a)) => a.clone(),
    };

    let onsubmit = {
        let (form, draft, done, again, api, id) = (
            form.clone(),
            draft.clone(),
            done.clone(),
            again.clone(),
            env.api.clone(),
            p.id.clone(),
        );
        let i18n = i18n.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if !form.press(&live()) {
                return;
            }
            let Some(action) = draft.action else {
                return;
            };
            let d = decision(&draft, action, version);
            let (api, id) = (api.clone(), id.clone());
            let call = async move { api.call(&DECIDE, &[&id], &d).await };
            let (draft, done, again, again2, form1, form2) = (
                draft.clone(),
                done.clone(),
                again.clone(),
                again.clone(),
                form.clone(),
                form.clone(),
            );
            let (i18n, i18n2) = (i18n.clone(), i18n.clone());
            form.run_or(
                call,
                move |a| {
                    done.set(Some(i18n.ta(
                        "review-decided",
                        &[("status", &status_name(&i18n, a.status))],
                    )));
                    // The next decision starts clean, its errors unshown until it is sent.
                    form1.reset();
                    draft.set(Draft::default());
                    again.emit(());
                },
                move |r| {
                    // A stale or refused decision names the status the application is in now:
                    // in words, and the page reads it again.
                    let conflict = r.0.iter().any(|p| {
                        matches!(p.problem.code, Code::ReviewStale | Code::ReviewTransition)
                    });
                    form2.server.set(localized(&i18n2, r));
                    if conflict {
                        again2.emit(());
                    }
                },
            );
        })
    };

    let a = &app.application;
    let decidable = [Action::Approve, Action::RequestChanges, Action::Reject]
        .into_iter()
        .filter(|x| next_status(a.status, *x).is_some())
        .collect::<Vec<_>>();
    html! {
        <div class="step">
            <Link to={Route::ReviewQueue} classes="back-link">{ i18n.t("review-back-to-queue") }</Link>
            <ErrorSummary report={report.clone()} attempt={*form.count} general={form.general(&i18n, &env.catalog)} />
            if let Some(d) = &*done { <div class="notice" role="status"><p>{ d }</p></div> }
            <h1 class="heading">{ heading }</h1>
            <dl class="summary-list">
                <div class="summary-row"><dt class="summary-key">{ i18n.t("review-col-company") }</dt><dd class="summary-value">{ app.draft.legal.legal_name.trim() }</dd></div>
                <div class="summary-row"><dt class="summary-key">{ i18n.t("review-col-status") }</dt><dd class="summary-value">{ status_name(&i18n, a.status) }</dd></div>
                <div class="summary-row"><dt class="summary-key">{ i18n.t("review-col-submitted") }</dt><dd class="summary-value">{ i18n.time(app.submitted_at) }</dd></div>
                <div class="summary-row"><dt class="summary-key">{ i18n.t("review-primary-contact") }</dt><dd class="summary-value">{ &a.primary_contact_email }</dd></div>
            </dl>
            { assignee_section(&i18n, &app, session.user.as_ref().map(|u| u.email.as_str()), &assigning, &refused, &done, &again, &env, &p.id) }
            <h2 class="subheading">{ i18n.t("review-checks-heading") }</h2>
            <ul class="list checks">{ for app.checks.iter().map(|c| check_item(&i18n, c)) }</ul>
            <h2 class="subheading">{ i18n.t("review-answers-heading") }</h2>
            { answer_sections(&i18n, &app.draft, None, "h3") }
            <h2 class="subheading">{ i18n.t("review-history-heading") }</h2>
            { history(&i18n, &app.history) }
            <h2 class="subheading" id="decision-heading">{ i18n.t("review-decision-heading") }</h2>
            if decidable.is_empty() {
                <p class="inset">{ i18n.ta("review-no-decision", &[("status", &status_name(&i18n, a.status))]) }</p>
            } else {
                <form novalidate=true aria-labelledby="decision-heading" {onsubmit}>
                    { decision_fields(&i18n, &draft, &decidable, &app, &report) }
                    if *form.busy { <Busy label={i18n.t("busy")} /> }
                    <button type="submit" class="button" disabled={*form.busy}>{ i18n.t("review-decide") }</button>
                </form>
            }
        </div>
    }
}

/// Who has the application, and the button that takes it (or takes it over from another
/// operator, who then no longer has it) or gives it back. A refusal says why, and the page
/// reads the application again, which shows who has it now.
#[allow(clippy::too_many_arguments)]
fn assignee_section(
    i18n: &I18n,
    app: &ReviewApplication,
    me: Option<&str>,
    form: &crate::form::Form,
    refused: &UseStateHandle<Option<String>>,
    done: &UseStateHandle<Option<String>>,
    again: &Callback<()>,
    env: &crate::env::Env,
    id: &str,
) -> Html {
    let mine = match (&app.assignee, me) {
        (Some(a), Some(me)) => identity_key(a) == identity_key(me),
        _ => false,
    };
    let open = !matches!(
        app.application.status,
        ApplicationStatus::Approved | ApplicationStatus::Rejected
    );
    let act = |action: AssignAction| {
        let (form, refused, done, again, api) = (
            form.clone(),
            refused.clone(),
            done.clone(),
            again.clone(),
            env.api.clone(),
        );
        let (id, seen, i18n) = (id.to_string(), app.assignee.clone(), i18n.clone());
        Callback::from(move |_: MouseEvent| {
            refused.set(None);
            done.set(None);
            form.press(&Report::default());
            let req = Assignment {
                action,
                seen: seen.clone(),
            };
            let (api, id) = (api.clone(), id.clone());
            let call = async move { api.call(&ASSIGN, &[&id], &req).await };
            let (done, again, again2, refused, i18n, i18n2) = (
                done.clone(),
                again.clone(),
                again.clone(),
                refused.clone(),
                i18n.clone(),
                i18n.clone(),
            );
            form.run_or(
                call,
                move |a| {
                    done.set(Some(i18n.t(if a.assignee.is_some() {
                        "review-taken"
                    } else {
                        "review-released"
                    })));
                    again.emit(());
                },
                move |r| {
                    let r = localized(&i18n2, r);
                    let said: Vec<String> =
                        r.0.iter()
                            .map(|p| i18n2.problem(Field::AssignmentAction, &p.problem))
                            .collect();
                    refused.set(Some(said.join(" ")));
                    again2.emit(());
                },
            );
        })
    };
    let who = match &app.assignee {
        None => i18n.t("review-nobody"),
        Some(a) if mine => i18n.ta("review-assignee-you", &[("email", a)]),
        Some(a) => a.clone(),
    };
    let general = form.general(i18n, &env.catalog);
    html! {
        <>
            <h2 class="subheading" id="assignee-heading">{ i18n.t("review-col-assignee") }</h2>
            <p>{ who }</p>
            <div role="alert">
                if let Some(r) = &**refused { <p class="error-message">{ r }</p> }
                if let Some(g) = general { <p class="error-message">{ g }</p> }
            </div>
            if *form.busy { <Busy label={i18n.t("busy")} /> }
            if mine {
                <button type="button" class="button button--secondary" disabled={*form.busy} onclick={act(AssignAction::Release)}>{ i18n.t("review-release") }</button>
            } else if open {
                <button type="button" class="button button--secondary" disabled={*form.busy} onclick={act(AssignAction::Take)}>
                    { match &app.assignee {
                        Some(a) => i18n.ta("review-take-over", &[("assignee", a)]),
                        None => i18n.t("review-take"),
                    } }
                </button>
            }
        </>
    }
}

/// The backend's problems, a status argument in this language's words.
fn localized(i18n: &I18n, r: Report) -> Report {
    Report(
        r.0.into_iter()
            .map(|mut p| {
                if let Some(s) = p.problem.args.get("status").cloned() {
                    let named: Option<ApplicationStatus> =
                        serde_json::from_value(serde_json::Value::String(s)).ok();
                    if let Some(st) = named {
                        p.problem
                            .args
                            .insert("status".into(), status_name(i18n, st));
                    }
                }
                p
            })
            .collect(),
    )
}

fn decision_fields(
    i18n: &I18n,
    draft: &UseStateHandle<Draft>,
    decidable: &[Action],
    app: &ReviewApplication,
    report: &Report,
) -> Html {
    let d = (**draft).clone();
    let update = |f: fn(&mut Draft, String)| {
        let draft = draft.clone();
        Callback::from(move |v: String| {
            let mut n = (*draft).clone();
            f(&mut n, v);
            draft.set(n);
        })
    };
    let action_options = decidable
        .iter()
        .map(|a| RadioOption {
            value: action_id(*a).into(),
            label: i18n.t(&format!("review-action-{}", action_id(*a))),
            hint: Some(i18n.t(&format!("review-action-{}-hint", action_id(*a)))),
            disabled: false,
        })
        .collect::<Vec<_>>();
    let on_action = update(|d, v| {
        d.action = [Action::Approve, Action::RequestChanges, Action::Reject]
            .into_iter()
            .find(|a| action_id(*a) == v)
    });
    let steps_id = Field::DecisionSteps.dom_id();
    let steps_error = report
        .for_field(Field::DecisionSteps)
        .map(|p| i18n.problem(Field::DecisionSteps, p));
    let steps = html! {
        <div class={classes!("form-group", steps_error.is_some().then_some("form-group--error"))}>
            <fieldset class="fieldset" aria-describedby={format!("{steps_id}-hint")}>
                <legend class="legend">{ i18n.t("review-steps-legend") }</legend>
                <div id={format!("{steps_id}-hint")} class="hint">{ i18n.t("review-steps-hint") }</div>
                if let Some(e) = &steps_error { <p class="error-message"><span class="visually-hidden">{ i18n.t("error-prefix") }</span>{ e }</p> }
                <div class="checkboxes">
                { for app.draft.steps().into_iter().enumerate().map(|(i, step)| {
                    let id = if i == 0 { steps_id.clone() } else { format!("{steps_id}-{}", i + 1) };
                    let checked = d.steps.contains(&step);
                    let onchange = {
                        let draft = draft.clone();
                        Callback::from(move |_: Event| {
                            let mut n = (*draft).clone();
                            if n.steps.contains(&step) {
                                n.steps.retain(|s| *s != step);
                            } else {
                                n.steps.push(step);
                            }
                            draft.set(n);
                        })
                    };
                    html! {
                        <div class="checkbox">
                            <input class="checkbox-input" type="checkbox" id={id.clone()} name={steps_id.clone()} value={step_id(step)} {checked} {onchange} />
                            <label class="checkbox-label" for={id}>{ i18n.t(&format!("step-name-{}", step_id(step))) }</label>
                        </div>
                    }
                }) }
                </div>
            </fieldset>
        </div>
    };
    let reasons = RejectReason::ALL
        .iter()
        .map(|r| RadioOption {
            value: reason_id(*r).into(),
            label: i18n.t(&format!("reject-reason-{}", reason_id(*r))),
            hint: None,
            disabled: false,
        })
        .collect::<Vec<_>>();
    let on_reason =
        update(|d, v| d.reason = RejectReason::ALL.into_iter().find(|r| reason_id(*r) == v));
    let message_id = Field::DecisionMessage.dom_id();
    let message_error = report
        .for_field(Field::DecisionMessage)
        .map(|p| i18n.problem(Field::DecisionMessage, p));
    let on_message = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            let mut n = (*draft).clone();
            n.message = event_value(&e);
            draft.set(n);
        })
    };
    let message = html! {
        <div class={classes!("form-group", message_error.is_some().then_some("form-group--error"))}>
            <label class="label" for={message_id.clone()}>{ i18n.t("review-message") }</label>
            <div id={format!("{message_id}-hint")} class="hint">{ i18n.t("review-message-hint") }</div>
            if let Some(e) = &message_error { <p id={format!("{message_id}-error")} class="error-message"><span class="visually-hidden">{ i18n.t("error-prefix") }</span>{ e }</p> }
            <textarea id={message_id.clone()} name={message_id.clone()} rows="6"
                class={classes!("textarea", message_error.is_some().then_some("input--error"))}
                aria-describedby={if message_error.is_some() { format!("{message_id}-hint {message_id}-error") } else { format!("{message_id}-hint") }}
                value={d.message.clone()} oninput={on_message} />
        </div>
    };
    html! {
        <>
            <Radios field={Field::DecisionAction} legend={i18n.t("review-action-legend")}
                value={d.action.map(|a| action_id(a).to_string())} options={action_options}
                onchange={on_action} report={report.clone()} />
            if d.action == Some(Action::RequestChanges) { { steps } }
            if d.action == Some(Action::Reject) {
                <Radios field={Field::DecisionReason} legend={i18n.t("review-reason-legend")}
                    value={d.reason.map(|r| reason_id(r).to_string())} options={reasons}
                    onchange={on_reason} report={report.clone()} />
            }
            if matches!(d.action, Some(Action::RequestChanges | Action::Reject)) { { message } }
        </>
    }
}

/// One check: what it is, its outcome in words, and what it found.
fn check_item(i18n: &I18n, c: &ReviewCheck) -> Html {
    let args: Vec<(&str, &str)> = c
        .args
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let name = format!("review-check-{}", c.check);
    let outcome = format!("review-outcome-{}", c.outcome);
    let known = |id: &str| i18n.has(id);
    html! {
        <li class={classes!("check", format!("check--{}", c.outcome))}>
            <strong>{ if known(&name) { i18n.t(&name) } else { c.check.clone() } }</strong>
            { ": " }
            <span>{ if known(&outcome) { i18n.t(&outcome) } else { c.outcome.clone() } }</span>
            if known(&format!("{name}-detail")) { <p class="hint">{ i18n.ta(&format!("{name}-detail"), &args) }</p> }
        </li>
    }
}

/// The audit trail, oldest first: who, when, from → to, and what they wrote.
fn history(i18n: &I18n, h: &[AuditEntry]) -> Html {
    let cols = [
        "review-history-when",
        "review-history-who",
        "review-history-event",
        "review-history-change",
        "review-history-note",
    ]
    .map(|c| i18n.t(c));
    let who = |a: &str| {
        if a == "applicant" {
            i18n.t("review-history-applicant")
        } else {
            a.to_string()
        }
    };
    let event = |e: &str| {
        let id = format!("review-event-{e}");
        if i18n.has(&id) {
            i18n.t(&id)
        } else {
            e.to_string()
        }
    };
    html! {
        <DataTable caption={i18n.t("review-history-heading")} columns={cols.to_vec()}>
        { for h.iter().map(|e| {
            let change = match e.from {
                Some(f) => format!("{} → {}", status_name(i18n, f), status_name(i18n, e.to)),
                None => status_name(i18n, e.to),
            };
            let mut note = vec![];
            if !e.steps.is_empty() {
                let steps: Vec<String> = e.steps.iter().map(|s| i18n.t(&format!("step-name-{}", step_id(*s)))).collect();
                note.push(i18n.ta("review-history-steps", &[("steps", &i18n.list(&steps))]));
            }
            if let Some(r) = e.reason {
                note.push(i18n.t(&format!("reject-reason-{}", reason_id(r))));
            }
            if !e.message.is_empty() {
                note.push(e.message.clone());
            }
            if let Some(from) = &e.taken_from {
                note.push(i18n.ta("review-history-taken-from", &[("assignee", from)]));
            }
            html! {
                <tr>
                    <td data-label={cols[0].clone()}>{ i18n.time(e.at) }</td>
                    <td data-label={cols[1].clone()}>{ who(&e.actor) }</td>
                    <td data-label={cols[2].clone()}>{ event(&e.event) }</td>
                    <td data-label={cols[3].clone()}>{ change }</td>
                    <td data-label={cols[4].clone()}>{ for note.iter().map(|n| html! { <p>{ n }</p> }) }</td>
                </tr>
            }
        }) }
        </DataTable>
    }
}
