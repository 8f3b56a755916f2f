//! The *Customers* page: search by company name, primary domain or customer ID as you type,
//! a provider's reseller filter, a reseller's "customers shared with" one provider, paging,
//! and **Export** of what the search shows as CSV. 10,000 customers stay responsive: the
//! index is built once per fetch and each search is one pass over it.

use super::common::{use_can, use_customers, Loaded};
use crate::components::{event_value, Busy, DataTable, NavButton, RowLink};
use crate::form::{DoneNotice, FetchFailed};
use crate::i18n::{use_i18n, use_title, I18n};
use crate::invitation::download;
use crate::route::Route;
use crate::router::Link;
use crate::session::use_session;
use csp_core::api::PartnerKind;
use csp_core::customers::{export_csv, Customer, CustomerQuery, EXPORT_COLUMNS};
use csp_core::ids::same_id;
use csp_core::roles::{ADD_CUSTOMER, RELATIONSHIP_REQUESTS};
use yew::prelude::*;

/// Rows per page.
pub const PAGE_SIZE: usize = 25;

#[derive(Properties, PartialEq)]
pub struct CustomersProps {
    /// **View customers** of one indirect provider.
    #[prop_or_default]
    pub provider: Option<String>,
}

#[function_component]
pub fn CustomersPage(p: &CustomersProps) -> Html {
    let i18n = use_i18n();
    let session = use_session();
    let (loaded, again) = use_customers();
    let text = use_state(String::new);
    let reseller = use_state(String::new);
    let page = use_state(|| 1usize);
    let can_request = use_can(RELATIONSHIP_REQUESTS);
    let can_add = use_can(ADD_CUSTOMER);
    let kind = session.user.as_ref().and_then(|u| u.partner_kind);
    let provider_name = match (&*loaded, &p.provider) {
        (Some(Ok(l)), Some(id)) => l
            .list
            .partners
            .iter()
            .find(|x| same_id(&x.id, id))
            .map(|x| x.name.clone()),
        _ => None,
    };
    let heading = match (&p.provider, &provider_name) {
        (Some(_), Some(name)) => i18n.ta("customers-shared-with", &[("provider", name)]),
        _ => i18n.t("customers-heading"),
    };
    use_title(&heading, matches!(*loaded, Some(Err(_))));
    // A provider ID that is not one of this reseller's providers (a mistyped link).
    if let (Some(Ok(_)), Some(_), None) = (&*loaded, &p.provider, &provider_name) {
        return html! {
            <div class="step">
                <h1 class="heading">{ i18n.t("not-found-heading") }</h1>
                <Link to={Route::IndirectProviders}>{ i18n.t("partners-providers-heading") }</Link>
            </div>
        };
    }
    let query = CustomerQuery {
        text: (*text).clone(),
        reseller_id: (!reseller.is_empty()).then(|| (*reseller).clone()),
        provider_id: p.provider.clone(),
        page: *page,
        page_size: PAGE_SIZE,
    };
    let body = match &*loaded {
        None => html! { <Busy label={i18n.t("customers-loading")} /> },
        Some(Err(f)) => html! { <FetchFailed failure={f.clone()} retry={again.clone()} /> },
        Some(Ok(l)) => {
            let on_text = {
                let (text, page) = (text.clone(), page.clone());
                Callback::from(move |e: InputEvent| {
                    text.set(event_value(&e));
                    page.set(1);
                })
            };
            let on_reseller = {
                let (reseller, page) = (reseller.clone(), page.clone());
                Callback::from(move |e: Event| {
                    reseller.set(event_value(&e));
                    page.set(1);
                })
            };
            let filter = (kind == Some(PartnerKind::IndirectProvider)).then(|| html! {
                <div class="form-group">
                    <label class="label" for="customers-reseller">{ i18n.t("customers-filter-reseller") }</label>
                    <select id="customers-reseller" class="select" onchange={on_reseller}>
                        <option value="" selected={reseller.is_empty()}>{ i18n.t("customers-filter-all-resellers") }</option>
                        { for l.list.partners.iter().map(|r| html! {
                            <option value={r.id.clone()} selected={*reseller == r.id}>{ &r.name }</option>
                        }) }
                    </select>
                </div>
            });
            html! {
                <>
                    <div class="form-group">
                        <label class="label" for="customers-search">{ i18n.t("customers-search") }</label>
                        <input id="customers-search" class="input input--wide" type="search" autocomplete="off" spellcheck="false"
                            value={(*text).clone()} oninput={on_text} />
                    </div>
                    { for filter }
                    { results(&i18n, l, &query, kind, can_request, &page) }
                </>
            }
        }
    };
    html! {
        <div>
            if p.provider.is_some() {
                <Link to={Route::IndirectProviders} classes="back-link">{ i18n.t("back") }</Link>
            }
            <h1 class="heading">{ heading }</h1>
            <DoneNotice />
            if p.provider.is_none() { <p>{ i18n.t("customers-intro") }</p> }
            <div class="button-group">
                if can_request { <NavButton to={Route::RequestRelationship} label={i18n.t("customers-request-relationship")} /> }
                if can_add { <NavButton to={Route::AddCustomer} label={i18n.t("customers-add")} /> }
            </div>
            if can_request {
                <p><Link to={Route::RelationshipRequests}>{ i18n.t("relationship-requests-heading") }</Link></p>
            }
            { body }
        </div>
    }
}

/// The name in the "provider or reseller" column: the other partner of the two-tier pair.
fn partner_name(l: &Loaded, kind: Option<PartnerKind>, c: &Customer) -> String {
    let id = match kind {
        Some(PartnerKind::IndirectProvider) => &c.reseller_id,
        _ => &c.provider_id,
    };
    id.as_deref()
        .and_then(|id| l.list.partners.iter().find(|p| same_id(&p.id, id)))
        .map(|p| p.name.clone())
        .unwrap_or_default()
}

fn relationship(i18n: &I18n, c: &Customer) -> String {
    i18n.t(&format!("customers-relationship-{}", c.relationship.id()))
}

fn results(
    i18n: &I18n,
    l: &std::rc::Rc<Loaded>,
    q: &CustomerQuery,
    kind: Option<PartnerKind>,
    can_remove: bool,
    page: &UseStateHandle<usize>,
) -> Html {
    let customers = &l.list.customers;
    if customers.is_empty() {
        return html! { <p class="inset">{ i18n.t("customers-empty") }</p> };
    }
    let found = l.index.search(customers, q);
    if found.total == 0 {
        let name = |id: &str| {
            let p = l.list.partners.iter().find(|p| same_id(&p.id, id));
            p.map(|p| p.name.clone()).unwrap_or_default()
        };
        // Nothing typed: the chosen scope itself has no customer, which is not a failed search.
        let none = match (q.text.trim(), &q.reseller_id, &q.provider_id) {
            ("", Some(r), _) => i18n.ta("customers-reseller-empty", &[("reseller", &name(r))]),
            ("", None, Some(p)) => i18n.ta("customers-shared-empty", &[("provider", &name(p))]),
            (text, _, _) => i18n.ta("customers-no-match", &[("query", text)]),
        };
        return html! { <p class="inset" role="status">{ none }</p> };
    }
    let export = {
        let (l, q, i18n) = (l.clone(), q.clone(), i18n.clone());
        Callback::from(move |_| {
            // Every row the search shows, on all its pages.
            let mut all = CustomerQuery {
                page: 1,
                page_size: csp_core::customers::MAX_PAGE_SIZE,
                ..q.clone()
            };
            let mut rows = vec![];
            loop {
                let r = l.index.search(&l.list.customers, &all);
                rows.extend(r.rows.iter().map(|&i| &l.list.customers[i]));
                if r.page >= r.pages {
                    break;
                }
                all.page += 1;
            }
            let headers: Vec<String> = EXPORT_COLUMNS
                .iter()
                .map(|c| i18n.t(&format!("customers-col-{c}")))
                .collect();
            let h: [&str; 6] = std::array::from_fn(|i| headers[i].as_str());
            let csv = export_csv(
                rows,
                h,
                |k| i18n.t(&format!("customers-relationship-{}", k.id())),
                |c| partner_name(&l, kind, c),
            );
            download("customers.csv", "text/csv;charset=utf-8", &csv);
        })
    };
    let columns = [
        "company-name",
        "id",
        "primary-domain",
        "relationship",
        "partner",
    ]
    .map(|c| i18n.t(&format!("customers-col-{c}")))
    .to_vec();
    let go = |to: usize| {
        let page = page.clone();
        Callback::from(move |_| page.set(to))
    };
    html! {
        <>
            <p role="status">{ i18n.ta("customers-count", &[("count", &found.total.to_string())]) }</p>
            <div class="button-group">
                <button type="button" class="button button--secondary" onclick={export} aria-describedby="customers-export-hint">{ i18n.t("customers-export") }</button>
                <span id="customers-export-hint" class="hint">{ i18n.t("customers-export-hint") }</span>
            </div>
            <DataTable caption={i18n.t("customers-heading")} {columns} actions={can_remove.then(|| i18n.t("partners-col-actions"))} class="customers-table">
                { for found.rows.iter().map(|&i| {
                    let c = &customers[i];
                    let blocked = csp_core::customers::check_can_remove_relationship(c).err();
                    let reason_id = format!("remove-reason-{}", c.id);
                    html! {
                        <tr>
                            <th scope="row" data-label={i18n.t("customers-col-company-name")}>{ &c.company_name }</th>
                            <td data-label={i18n.t("customers-col-id")}><code>{ &c.id }</code></td>
                            <td data-label={i18n.t("customers-col-primary-domain")}>{ &c.primary_domain }</td>
                            <td data-label={i18n.t("customers-col-relationship")}>
                                { relationship(i18n, c) }
                                if let Some(a) = &c.accepted {
                                    <p class="hint">{ i18n.ta("customers-relationship-since", &[
                                        ("status", &i18n.t(&format!("relationship-status-{}", a.status.id()))),
                                        ("since", &i18n.date(a.accepted_on)),
                                        ("until", &i18n.date(a.expires_on)),
                                    ]) }</p>
                                }
                            </td>
                            <td data-label={i18n.t("customers-col-partner")}>{ partner_name(l, kind, c) }</td>
                            if can_remove {
                                <td>
                                if let Some(why) = &blocked {
                                    <button type="button" class="link-button" disabled=true aria-describedby={reason_id.clone()}>
                                        { i18n.t("customers-remove-relationship") }<span class="visually-hidden">{ format!(" ({})", c.company_name) }</span>
                                    </button>
                                    <p id={reason_id} class="hint">{ i18n.problem(csp_core::Field::CustomerCompanyName, why) }</p>
                                } else {
                                    <RowLink to={Route::RemoveRelationship { id: c.id.clone() }} label={i18n.t("customers-remove-relationship")} subject={c.company_name.clone()} />
                                }
                                </td>
                            }
                        </tr>
                    }
                }) }
            </DataTable>
            if found.pages > 1 {
                <nav class="pagination" aria-label={i18n.ta("customers-page", &[("page", &found.page.to_string()), ("pages", &found.pages.to_string())])}>
                    <button type="button" class="button button--secondary" disabled={found.page <= 1} onclick={go(found.page.saturating_sub(1))}>{ i18n.t("customers-previous") }</button>
                    <span>{ i18n.ta("customers-page", &[("page", &found.page.to_string()), ("pages", &found.pages.to_string())]) }</span>
                    <button type="button" class="button button--secondary" disabled={found.page >= found.pages} onclick={go(found.page + 1)}>{ i18n.t("customers-next") }</button>
                </nav>
            }
        </>
    }
}
