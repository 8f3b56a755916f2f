//! The review queue: applications oldest first, narrowed by status, country, partner type and
//! those the operator has taken ("Assigned to me"), a page at a time with **Show more**.

use super::{status_id, status_name};
use crate::components::{event_value, use_country_options, DataTable};
use crate::env::use_env;
use crate::form::{listing, use_paged, ShowMore};
use crate::i18n::{use_i18n, use_title};
use crate::route::Route;
use crate::router::Link;
use csp_core::api::{ApplicationStatus, ReviewItem};
use csp_core::endpoint::REVIEW_QUEUE;
use csp_core::enrollment::PartnerType;
use yew::prelude::*;

const STATUSES: [ApplicationStatus; 5] = [
    ApplicationStatus::InReview,
    ApplicationStatus::NeedsChanges,
    ApplicationStatus::AwaitingEmailVerification,
    ApplicationStatus::Approved,
    ApplicationStatus::Rejected,
];

/// What the queue is narrowed by (empty: any).
#[derive(Clone, PartialEq, Default)]
struct Filter {
    status: String,
    country: String,
    partner_type: String,
    /// Only the applications the operator has taken.
    mine: bool,
}

impl Filter {
    fn query(&self) -> String {
        let mine = if self.mine { "true" } else { "" }.to_string();
        [
            ("status", &self.status),
            ("country", &self.country),
            ("partner_type", &self.partner_type),
            ("assigned_to_me", &mine),
        ]
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", String::from(js_sys::encode_uri_component(v))))
        .collect::<Vec<_>>()
        .join("&")
    }
}

#[function_component]
pub fn ReviewQueue() -> Html {
    let i18n = use_i18n();
    let countries = use_country_options();
    let heading = i18n.t("review-queue-heading");
    use_title(&heading, false);
    // The filter applied, and the one being chosen (applied with the button).
    let applied = use_state(|| Filter {
        status: "in-review".into(),
        ..Filter::default()
    });
    let chosen = use_state(|| (*applied).clone());
    let set = |f: fn(&mut Filter, String)| {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            let mut n = (*chosen).clone();
            f(&mut n, event_value(&e));
            chosen.set(n);
        })
    };
    let onsubmit = {
        let (applied, chosen) = (applied.clone(), chosen.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            applied.set((*chosen).clone());
        })
    };
    let select = |id: &str,
                  label: String,
                  value: &str,
                  onchange: Callback<Event>,
                  options: Html| {
        html! {
            <div class="form-group filter">
                <label class="label" for={id.to_string()}>{ label }</label>
                <select class="select" id={id.to_string()} {onchange}>
                    <option value="" selected={value.is_empty()}>{ i18n.t("review-filter-any") }</option>
                    { options }
                </select>
            </div>
        }
    };
    let c = (*chosen).clone();
    html! {
        <div>
            <h1 class="heading">{ heading.clone() }</h1>
            <p>{ i18n.t("review-queue-intro") }</p>
            <form class="filters" role="search" aria-label={i18n.t("review-filter-label")} {onsubmit}>
                { select("filter-status", i18n.t("review-col-status"), &c.status, set(|f, v| f.status = v), html! {
                    { for STATUSES.iter().map(|s| {
                        let id = status_id(*s);
                        html! { <option value={id} selected={c.status == id}>{ status_name(&i18n, *s) }</option> }
                    }) }
                }) }
                { select("filter-country", i18n.t("review-col-country"), &c.country, set(|f, v| f.country = v), html! {
                    { for countries.iter().map(|(code, name)| html! {
                        <option value={code.clone()} selected={c.country == *code}>{ name }</option>
                    }) }
                }) }
                { select("filter-type", i18n.t("review-col-type"), &c.partner_type, set(|f, v| f.partner_type = v), html! {
                    { for PartnerType::ALL.iter().map(|t| html! {
                        <option value={t.id()} selected={c.partner_type == t.id()}>{ i18n.t(&format!("partner-type-{}", t.id())) }</option>
                    }) }
                }) }
                <div class="form-group filter">
                    <div class="checkbox">
                        <input class="checkbox-input" type="checkbox" id="filter-mine" checked={c.mine} onchange={{
                            let chosen = chosen.clone();
                            Callback::from(move |_: Event| {
                                let mut n = (*chosen).clone();
                                n.mine = !n.mine;
                                chosen.set(n);
                            })
                        }} />
                        <label class="checkbox-label" for="filter-mine">{ i18n.t("review-filter-mine") }</label>
                    </div>
                </div>
                <button type="submit" class="button button--secondary">{ i18n.t("review-filter-apply") }</button>
            </form>
            // A new filter is a new list, fetched from its first page.
            <QueueList key={applied.query()} query={applied.query()} caption={heading} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct QueueListProps {
    query: String,
    caption: String,
}

#[function_component]
fn QueueList(p: &QueueListProps) -> Html {
    let i18n = use_i18n();
    let api = use_env().api;
    let (list, again, more) = {
        let query = p.query.clone();
        use_paged(move |cursor: Option<String>| {
            let (api, query) = (api.clone(), query.clone());
            async move {
                api.page_where(&REVIEW_QUEUE, &query, cursor.as_deref())
                    .await
            }
        })
    };
    let cols = [
        "review-col-reference",
        "review-col-company",
        "review-col-country",
        "review-col-type",
        "review-col-status",
        "review-col-submitted",
        "review-col-age",
        "review-col-assignee",
    ]
    .map(|c| i18n.t(c));
    let body = listing(
        &list,
        &again,
        i18n.t("loading"),
        Some(i18n.t("review-queue-empty")),
        |l: &[ReviewItem]| {
            html! {
                <DataTable caption={p.caption.clone()} columns={cols.to_vec()}>
                { for l.iter().map(|a| html! {
                    <tr>
                        <th scope="row" data-label={cols[0].clone()}>
                            <Link to={Route::ReviewApplication { id: a.id.clone() }}>{ &a.reference }</Link>
                        </th>
                        <td data-label={cols[1].clone()}>{ &a.company }</td>
                        <td data-label={cols[2].clone()}>{ i18n.country(&a.country) }</td>
                        <td data-label={cols[3].clone()}>{ a.partner_type.map(|t| i18n.t(&format!("partner-type-{}", t.id()))).unwrap_or_default() }</td>
                        <td data-label={cols[4].clone()}>{ status_name(&i18n, a.status) }</td>
                        <td data-label={cols[5].clone()}>{ i18n.time(a.submitted_at) }</td>
                        <td data-label={cols[6].clone()}>{ i18n.ta("review-age", &[("days", &a.age_business_days.to_string())]) }</td>
                        <td data-label={cols[7].clone()}>{ a.assignee.clone().unwrap_or_else(|| i18n.t("review-nobody")) }</td>
                    </tr>
                }) }
                </DataTable>
            }
        },
    );
    html! { <>{ body }<ShowMore {more} /></> }
}
