//! *Find an indirect provider*: the indirect providers of the reseller's CSP region that
//! publish a business profile, narrowed by a country they serve and searched by name, a page at
//! a time. Each shows what it publishes (the description in the reader's language when
//! published, else another), and **Send a partnership request**; the provider answers with its
//! invitation, which the reseller finds on its *Indirect providers* page.

use crate::components::{event_value, use_country_options};
use crate::env::use_env;
use crate::form::{describe, listing, use_paged, ShowMore};
use crate::i18n::{use_i18n, use_title, I18n};
use crate::route::Route;
use crate::router::Link;
use csp_core::business_profile::{filter_query, shown_language, DirectoryFilter, Listing};
use csp_core::endpoint::{PROVIDER_DIRECTORY, REQUEST_PARTNERSHIP};
use csp_core::partners::{NewPartnershipRequest, PartnershipStatus};
use csp_core::Field;
use yew::prelude::*;

#[function_component]
pub fn FindProvider() -> Html {
    let i18n = use_i18n();
    let countries = use_country_options();
    let heading = i18n.t("directory-heading");
    use_title(&heading, false);
    // The filter applied, and the one being chosen (applied with the button).
    let applied = use_state(DirectoryFilter::default);
    let chosen = use_state(DirectoryFilter::default);
    let on_country = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            let v = event_value(&e);
            chosen.set(DirectoryFilter {
                country: (!v.is_empty()).then_some(v),
                ..(*chosen).clone()
            });
        })
    };
    let on_search = {
        let chosen = chosen.clone();
        Callback::from(move |e: InputEvent| {
            chosen.set(DirectoryFilter {
                search: event_value(&e),
                ..(*chosen).clone()
            });
        })
    };
    let onsubmit = {
        let (applied, chosen) = (applied.clone(), chosen.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            applied.set((*chosen).clone());
        })
    };
    let c = (*chosen).clone();
    let country = c.country.clone().unwrap_or_default();
    let query = filter_query(&applied);
    html! {
        <div>
            <Link to={Route::IndirectProviders} classes="back-link">{ i18n.t("back") }</Link>
            <h1 class="heading">{ heading.clone() }</h1>
            <p>{ i18n.t("directory-intro") }</p>
            <form class="filters" role="search" aria-label={i18n.t("directory-filter-heading")} {onsubmit}>
                <div class="form-group filter">
                    <label class="label" for="directory-country">{ i18n.t("directory-country") }</label>
                    <select class="select" id="directory-country" onchange={on_country}>
                        <option value="" selected={country.is_empty()}>{ i18n.t("directory-country-any") }</option>
                        { for countries.iter().map(|(code, name)| html! {
                            <option value={code.clone()} selected={country == *code}>{ name }</option>
                        }) }
                    </select>
                </div>
                <div class="form-group filter">
                    <label class="label" for="directory-search">{ i18n.t("directory-search") }</label>
                    <input class="input" type="search" id="directory-search" value={c.search.clone()} oninput={on_search} maxlength="200" />
                </div>
                <button type="submit" class="button button--secondary">{ i18n.t("directory-search-button") }</button>
            </form>
            // A new filter is a new list, fetched from its first page.
            <Results key={query.clone()} query={query.clone()} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ResultsProps {
    query: String,
}

fn status_text(i18n: &I18n, s: PartnershipStatus, provider: &str) -> String {
    let id = match s {
        PartnershipStatus::Requested => "directory-status-requested",
        PartnershipStatus::Invited => "directory-status-invited",
        PartnershipStatus::Authorized => "directory-status-authorized",
    };
    i18n.ta(id, &[("provider", provider)])
}

#[function_component]
fn Results(p: &ResultsProps) -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let (list, again, more) = {
        let (api, query) = (env.api.clone(), p.query.clone());
        use_paged(move |cursor: Option<String>| {
            let (api, query) = (api.clone(), query.clone());
            async move {
                api.page_where(&PROVIDER_DIRECTORY, &query, cursor.as_deref())
                    .await
            }
        })
    };
    // The provider a request is being sent to, and what became of the last one:
    // (provider ID, message, refused).
    let sending = use_state(|| None::<String>);
    let outcome = use_state(|| None::<(String, String, bool)>);
    let send = {
        let (api, list, sending, outcome, i18n, catalog) = (
            env.api.clone(),
            list.clone(),
            sending.clone(),
            outcome.clone(),
            i18n.clone(),
            env.catalog.clone(),
        );
        Callback::from(move |l: Listing| {
            if sending.is_some() {
                return;
            }
            sending.set(Some(l.provider.id.clone()));
            let req = NewPartnershipRequest {
                provider_id: l.provider.id.clone(),
                language: i18n.locale.tag().to_string(),
            };
            let (api, list, sending, outcome, i18n, catalog) = (
                api.clone(),
                list.clone(),
                sending.clone(),
                outcome.clone(),
                i18n.clone(),
                catalog.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let r = api.call(&REQUEST_PARTNERSHIP, &[], &req).await;
                sending.set(None);
                let id = l.provider.id.clone();
                match r {
                    Ok(made) => {
                        if let Some(Ok(rows)) = &*list {
                            let rows = rows
                                .iter()
                                .cloned()
                                .map(|mut x| {
                                    if x.provider.id == id {
                                        x.status = Some(made.status);
                                    }
                                    x
                                })
                                .collect();
                            list.set(Some(Ok(rows)));
                        }
                        let msg =
                            i18n.ta("directory-request-sent", &[("provider", &l.provider.name)]);
                        outcome.set(Some((id, msg, false)));
                    }
                    Err(f) => {
                        let msg = match f.field_errors().first() {
                            Some(p) => i18n.problem(Field::PartnershipProviderId, &p.problem),
                            None => describe(&i18n, &catalog, &f),
                        };
                        outcome.set(Some((id, msg, true)));
                    }
                }
            });
        })
    };
    let reader = i18n.locale.tag();
    let body = listing(
        &list,
        &again,
        i18n.t("loading"),
        Some(i18n.t("directory-empty")),
        |l: &[Listing]| {
            html! {
                <ul class="listings" aria-label={i18n.t("directory-results")}>
                { for l.iter().map(|x| {
                    let prof = &x.profile;
                    let lang = shown_language(prof, reader);
                    let description = lang.and_then(|l| prof.description(l)).unwrap_or_default().to_string();
                    let served: Vec<String> = prof.countries.iter().map(|c| i18n.country(c)).collect();
                    let industries: Vec<String> = prof.industries.iter().map(|v| i18n.t(&format!("profile-industry-{v}"))).collect();
                    let services: Vec<String> = prof.services.iter().map(|v| i18n.t(&format!("profile-service-{v}"))).collect();
                    let heading_id = format!("provider-{}", x.provider.id);
                    let mine = outcome.as_ref().filter(|(id, _, _)| *id == x.provider.id);
                    let onclick = {
                        let (send, x) = (send.clone(), x.clone());
                        Callback::from(move |_: MouseEvent| send.emit(x.clone()))
                    };
                    let busy = sending.as_deref() == Some(x.provider.id.as_str());
                    html! {
                        <li class="listing">
                            <article aria-labelledby={heading_id.clone()}>
                                <h2 class="heading-m" id={heading_id}>{ &x.provider.name }</h2>
                                <p class="hint">{ i18n.country(&x.provider.country) }</p>
                                if !description.is_empty() { <p lang={lang.unwrap_or_default()}>{ description }</p> }
                                <dl class="summary-list">
                                    <div class="summary-row"><dt class="summary-key">{ i18n.t("directory-serves") }</dt><dd class="summary-value">{ i18n.list(&served) }</dd></div>
                                    <div class="summary-row"><dt class="summary-key">{ i18n.t("profile-industries") }</dt><dd class="summary-value">{ i18n.list(&industries) }</dd></div>
                                    <div class="summary-row"><dt class="summary-key">{ i18n.t("profile-services") }</dt><dd class="summary-value">{ i18n.list(&services) }</dd></div>
                                    <div class="summary-row"><dt class="summary-key">{ i18n.t("directory-contact") }</dt><dd class="summary-value">
                                        <a href={format!("mailto:{}", prof.email)}>{ &prof.email }</a>
                                        if !prof.phone.is_empty() { <br /><a href={format!("tel:{}", prof.phone)}>{ &prof.phone }</a> }
                                    </dd></div>
                                    if !prof.website.is_empty() {
                                        <div class="summary-row"><dt class="summary-key">{ i18n.t("directory-website") }</dt><dd class="summary-value">
                                            <a href={prof.website.clone()} target="_blank" rel="noopener">{ &prof.website }<span class="visually-hidden">{ format!(" ({})", i18n.t("opens-new-tab")) }</span></a>
                                        </dd></div>
                                    }
                                </dl>
                                if let Some((_, msg, refused)) = mine {
                                    <div class={if *refused { "error-summary" } else { "notice" }} role={if *refused { "alert" } else { "status" }}><p>{ msg }</p></div>
                                }
                                if let Some(s) = x.status {
                                    <p class="inset">{ status_text(&i18n, s, &x.provider.name) }</p>
                                    if s == PartnershipStatus::Invited {
                                        <p><Link to={Route::IndirectProviders}>{ i18n.t("partners-providers-heading") }</Link></p>
                                    }
                                } else {
                                    <button type="button" class="button" disabled={busy} {onclick}>
                                        { i18n.t("directory-send-request") }
                                        <span class="visually-hidden">{ format!(" ({})", x.provider.name) }</span>
                                    </button>
                                }
                            </article>
                        </li>
                    }
                }) }
                </ul>
            }
        },
    );
    html! { <>{ body }<ShowMore {more} /></> }
}
