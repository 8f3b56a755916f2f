//! The drafted invitation email every invitation page shows (a partnership request, a
//! reseller-relationship request, a two-tier invitation): subject and message editable, the
//! personalized link kept (a draft without it cannot be sent, and the page says so), then
//! **Open in email** (a `mailto:` URL), **Copy to clipboard** (with a visible confirmation,
//! and a selected read-only copy to press Ctrl+C on when the browser refuses) and **Done**.
//! Also: the CSV download the customer list uses.

use crate::components::{event_value, TextField};
use crate::form::{use_form, use_kept, FormPage};
use crate::i18n::{use_i18n, I18n};
use crate::route::Route;
use crate::router::use_navigator;
use csp_core::invitation::{check_draft, clipboard_text, draft, mailto, Invitation};
use csp_core::Field;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Where a customer's Global admin answers a reseller relationship: the deployment's own
/// admin center when the backend names one (`customer_acceptance_url` of its settings), else
/// this portal's acceptance page. None until the backend said (a link is not shown before).
#[hook]
pub fn use_customer_base() -> Option<String> {
    let api = crate::env::use_env().api;
    let (links, _) = crate::form::use_fetch((), move |_| {
        let api = api.clone();
        async move {
            api.call(&csp_core::endpoint::CUSTOMER_LINKS, &[], &())
                .await
        }
    });
    // Settings that could not be read: the portal's own page, which every backend serves.
    (*links)
        .as_ref()
        .map(|l| customer_base(&l.clone().unwrap_or_default()))
}

fn customer_base(links: &csp_core::acceptance::CustomerLinks) -> String {
    match links
        .customer_acceptance_url
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty())
    {
        Some(url) => url.to_owned(),
        None => {
            let origin = gloo::utils::window()
                .location()
                .origin()
                .unwrap_or_default();
            // The Customers page's path: with the link's query (`invType=ResellerRelationship`)
            // it is the customer's side, where its Global admin answers (`pages::customers`).
            format!("{origin}/customers")
        }
    }
}

/// This portal's page a reseller opens to authorize a provider (the deep link's base).
pub fn authorize_base() -> String {
    let origin = gloo::utils::window()
        .location()
        .origin()
        .unwrap_or_default();
    format!("{origin}/indirect-providers/authorize")
}

/// An invitation email in the user's language: the greeting, what the partner asks (ending with
/// what to do), the personalized link, and the partner's signature.
pub fn letter(
    i18n: &I18n,
    link: &str,
    partner: &str,
    subject: String,
    asks: Vec<String>,
) -> Invitation {
    let mut before = vec![i18n.t("partners-email-greeting")];
    before.extend(asks);
    let before: Vec<&str> = before.iter().map(String::as_str).collect();
    let closing = format!("{}\n{}", i18n.t("partners-email-closing"), partner);
    draft(link, &subject, &before, &[closing.as_str()])
}

#[derive(Properties, PartialEq)]
pub struct InvitationDraftProps {
    /// The drafted email (its link is personalized).
    pub draft: Invitation,
    /// Where **Done** goes.
    pub done: Route,
    #[prop_or_default]
    pub back: Option<Route>,
    /// Above the draft (what was requested).
    #[prop_or_default]
    pub children: Children,
}

/// The reason **Open in email** and **Copy to clipboard** are off.
const BLOCKED_ID: &str = "invitation-send-blocked";

/// What copying showed: nothing yet, the confirmation, or the fallback.
#[derive(Clone, Copy, PartialEq)]
enum Copy {
    Not,
    Done,
    Refused,
}

#[function_component]
pub fn InvitationDraft(p: &InvitationDraftProps) -> Html {
    let i18n = use_i18n();
    let nav = use_navigator();
    let form = use_form();
    // Edits survive a reload of this page (see `use_kept`).
    let key = format!("invitation:{}", p.draft.link);
    let subject = use_kept(format!("{key}:subject"), || p.draft.subject.clone());
    let body = use_kept(format!("{key}:body"), || p.draft.body.clone());
    let copied = use_state(|| Copy::Not);
    let inv = Invitation {
        link: p.draft.link.clone(),
        subject: (*subject).clone(),
        body: (*body).clone(),
    };
    let live = {
        let inv = inv.clone();
        move || check_draft(&inv)
    };
    let report = form.shown(live.clone());
    // A draft without its link must not leave the page by any way (a middle click, "copy link
    // address", the clipboard): while it lacks it, neither action offers the text.
    let blocked = live().has_errors();
    let onsubmit = {
        let (form, nav, done, live) = (form.clone(), nav.clone(), p.done.clone(), live.clone());
        Callback::from(move |_| {
            if form.press(&live()) {
                nav.push(&done);
            }
        })
    };
    let href = (!blocked).then(|| mailto("", &inv.subject, &inv.body));
    let open = {
        let (form, live) = (form.clone(), live.clone());
        Callback::from(move |e: MouseEvent| {
            if !form.press(&live()) {
                e.prevent_default();
            }
        })
    };
    let text = clipboard_text(&inv);
    let copy = {
        let (form, live, copied, text) = (form.clone(), live.clone(), copied.clone(), text.clone());
        Callback::from(move |_| {
            if !form.press(&live()) {
                return;
            }
            let copied = copied.clone();
            crate::components::copy_text(&text, move |ok| {
                copied.set(if ok { Copy::Done } else { Copy::Refused });
            });
        })
    };
    // The fallback's text is selected as soon as it shows.
    let fallback = use_node_ref();
    {
        let fallback = fallback.clone();
        use_effect_with(*copied, move |c| {
            if *c == Copy::Refused {
                if let Some(t) = fallback.cast::<web_sys::HtmlTextAreaElement>() {
                    let _ = t.focus();
                    t.select();
                }
            }
        });
    }
    let body_id = Field::InvitationBody.dom_id();
    let body_error = report
        .for_field(Field::InvitationBody)
        .map(|pr| i18n.problem(Field::InvitationBody, pr));
    let described = if body_error.is_some() {
        format!("{body_id}-hint {body_id}-error")
    } else {
        format!("{body_id}-hint")
    };
    html! {
        <FormPage heading={i18n.t("partners-invitation-heading")} form={form.clone()} report={report.clone()} {onsubmit}
            back={p.back.clone()} submit_label={i18n.t("partners-done")}>
            { for p.children.iter() }
            <p>{ i18n.t("partners-invitation-intro") }</p>
            <div class="form-group">
                <p class="label" id="invitation-link-label">{ i18n.t("partners-invitation-link") }</p>
                <p><code class="invitation-link" aria-labelledby="invitation-link-label">{ &inv.link }</code></p>
            </div>
            <TextField field={Field::InvitationSubject} label={i18n.t("partners-invitation-subject")} value={(*subject).clone()} width="input--wide"
                oninput={{ let (s, c) = (subject.clone(), copied.clone()); Callback::from(move |v: String| { s.set(v); c.set(Copy::Not) }) }} report={report.clone()} />
            <div class={classes!("form-group", body_error.is_some().then_some("form-group--error"))}>
                <label class="label" for={body_id.clone()}>{ i18n.t("partners-invitation-body") }</label>
                <div id={format!("{body_id}-hint")} class="hint">{ i18n.t("partners-invitation-link-must-stay") }</div>
                if let Some(e) = &body_error { <p id={format!("{body_id}-error")} class="error-message"><span class="visually-hidden">{ i18n.t("error-prefix") }</span>{ e }</p> }
                <textarea id={body_id.clone()} name={body_id.clone()} class={classes!("textarea", body_error.is_some().then_some("input--error"))} rows="12"
                    value={(*body).clone()} aria-describedby={described} aria-invalid={body_error.is_some().then_some("true")}
                    oninput={{ let (s, c) = (body.clone(), copied.clone()); Callback::from(move |e: InputEvent| { s.set(event_value(&e)); c.set(Copy::Not) }) }} />
            </div>
            <div class="button-group">
                <a class="button button--secondary" {href} onclick={open} role={blocked.then_some("link")}
                    aria-disabled={blocked.then_some("true")} aria-describedby={blocked.then_some(BLOCKED_ID)}>{ i18n.t("partners-open-in-email") }</a>
                <button type="button" class="button button--secondary" onclick={copy}
                    aria-disabled={blocked.then_some("true")} aria-describedby={blocked.then_some(BLOCKED_ID)}>{ i18n.t("partners-copy") }</button>
            </div>
            if blocked { <p id={BLOCKED_ID} class="hint">{ i18n.t("partners-send-blocked") }</p> }
            if *copied == Copy::Done { <p class="inset" role="status">{ i18n.t("partners-copied") }</p> }
            if *copied == Copy::Refused {
                <div class="form-group" role="status">
                    <label class="label" for="invitation-copy-text">{ i18n.t("partners-copy-fallback") }</label>
                    <textarea id="invitation-copy-text" class="textarea" rows="12" readonly=true value={text.clone()} ref={fallback} />
                </div>
            }
        </FormPage>
    }
}

/// Saves `text` as `file_name` through a Blob, an object URL and a clicked `<a download>`.
pub fn download(file_name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let props = web_sys::BlobPropertyBag::new();
    props.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &props) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let doc = gloo::utils::document();
    if let Some(a) = doc
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(file_name);
        a.set_class_name("visually-hidden");
        if let Some(body) = doc.body() {
            let _ = body.append_child(&a);
            a.click();
            let _ = body.remove_child(&a);
        }
    }
    // Revoked once the browser has had time to start the download.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
}
