//! The in-browser demo backend's outbox: the emails it would have sent (it has no mail
//! server), each put into words as a real backend sends it, by `csp_core::mail::render` in the
//! recipient's language (that locale's messages fetched when they are not in yet), with its
//! links to follow. A portal with a real backend sends real emails: there the page only says so.

use crate::components::Busy;
use crate::config::demo_brand;
use crate::env::use_env;
use crate::form::{use_fetch, FetchFailed};
use crate::i18n::{use_i18n, use_title, Locale};
use csp_core::mail::render;
use csp_core::messages::Messages;
use csp_demo::verification::{OutboxMail, OUTBOX};
use std::rc::Rc;
use yew::prelude::*;

#[function_component]
pub fn OutboxPage() -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let heading = i18n.t("outbox-heading");
    let local = !env.config.uses_http_backend();
    let api = env.api.clone();
    let (mails, retry) = use_fetch(local, move |local| {
        let api = api.clone();
        async move {
            if local {
                api.call(&OUTBOX, &[], &()).await
            } else {
                Ok(vec![])
            }
        }
    });
    use_title(&heading, matches!(*mails, Some(Err(_))));
    // The languages the emails are in whose messages are not in yet: fetched, then rendered.
    let fetched = use_state(|| 0u32);
    {
        let fetched = fetched.clone();
        let wanted: Vec<Locale> = match &*mails {
            Some(Ok(m)) => languages(m).into_iter().filter(|l| !l.complete()).collect(),
            _ => vec![],
        };
        use_effect_with(wanted, move |wanted| {
            let wanted = wanted.clone();
            if !wanted.is_empty() {
                wasm_bindgen_futures::spawn_local(async move {
                    for l in wanted {
                        l.fetch_all().await;
                    }
                    fetched.set(*fetched + 1);
                });
            }
        });
    }
    let body = if !local {
        html! { <p>{ i18n.t("outbox-real-backend") }</p> }
    } else {
        match &*mails {
            None => html! { <Busy label={i18n.t("loading")} /> },
            Some(Err(f)) => html! { <FetchFailed failure={f.clone()} retry={retry.clone()} /> },
            Some(Ok(m)) if m.is_empty() => {
                html! { <p class="inset">{ i18n.t("outbox-empty") }</p> }
            }
            Some(Ok(m)) => html! {
                <>
                    <p>{ i18n.ta("outbox-count", &[("count", &m.len().to_string())]) }</p>
                    { for m.iter().rev().map(|mail| html! { <Mail key={mail.id.clone()} mail={Rc::new(mail.clone())} fetched={*fetched} /> }) }
                </>
            },
        }
    };
    html! {
        <div class="step">
            <span class="caption"><strong class="tag">{ i18n.t("outbox-demo-tag") }</strong></span>
            <h1 class="heading">{ heading }</h1>
            <p class="inset">{ i18n.t("outbox-intro") }</p>
            { body }
        </div>
    }
}

/// The app's locale of each email's language (English for one it doesn't have).
fn locale_of(m: &OutboxMail) -> Locale {
    Locale::from_tag(&m.language).unwrap_or(Locale::En)
}

fn languages(mails: &[OutboxMail]) -> Vec<Locale> {
    let mut ls: Vec<Locale> = mails.iter().map(locale_of).collect();
    ls.sort_by_key(|l| l.tag());
    ls.dedup();
    ls
}

#[derive(Properties, PartialEq)]
struct MailProps {
    mail: Rc<OutboxMail>,
    /// Changes when locale files have come in: the email may be put into words now.
    fetched: u32,
}

/// One email: to, when, subject, and its text with each link clickable.
#[function_component]
fn Mail(p: &MailProps) -> Html {
    let i18n = use_i18n();
    let locale = locale_of(&p.mail);
    let rendered = use_memo((p.mail.clone(), p.fetched), move |(m, _)| {
        let src = locale.whole_source()?;
        Some(render(&m.mail, &Messages::parse(&src), &demo_brand()))
    });
    let m = &p.mail;
    let Some(r) = &*rendered else {
        return html! { <Busy label={i18n.t("loading")} /> };
    };
    let heading_id = format!("mail-{}", m.id);
    html! {
        <section class="mail" aria-labelledby={heading_id.clone()}>
            <h2 class="heading-m" id={heading_id} lang={locale.tag()}>{ &r.subject }</h2>
            <dl class="summary-list">
                <div class="summary-row">
                    <dt class="summary-key">{ i18n.t("outbox-to") }</dt>
                    <dd class="summary-value">{ &m.to }</dd>
                </div>
                <div class="summary-row">
                    <dt class="summary-key">{ i18n.t("outbox-sent") }</dt>
                    <dd class="summary-value">{ i18n.time(m.queued_at) }</dd>
                </div>
            </dl>
            <div class="mail-text" lang={locale.tag()}>
                { for r.text.split("\n\n").map(paragraph) }
            </div>
        </section>
    }
}

/// A paragraph of an email's text, its lines kept and each web address a link.
fn paragraph(p: &str) -> Html {
    let lines = p.lines().enumerate().map(|(i, line)| {
        let text = if line.starts_with("https://") || line.starts_with("http://") {
            html! { <a href={line.to_owned()}>{ line }</a> }
        } else {
            html! { { line } }
        };
        html! { <>if i > 0 { <br /> }{ text }</> }
    });
    html! { <p>{ for lines }</p> }
}
