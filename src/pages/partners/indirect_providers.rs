//! The reseller's *Indirect providers*: one row per authorized provider (name, region,
//! since) with **View customers** and **Invite new customers**; removal goes through support.
//! Above them, the invitations providers sent back to the reseller's partnership requests
//! (each with **Authorize**, opening the authorization page) and the requests still waiting,
//! and the way to find a provider.

use super::common::{day, region, since, use_partners_paged, use_partnership_requests};
use crate::components::{DataTable, NavButton, RowLink};
use crate::form::{listing, ShowMore};
use crate::i18n::{use_i18n, use_title};
use crate::route::Route;
use crate::router::{opens_elsewhere, Navigator};
use csp_core::invitation::{build_link, Invite};
use csp_core::partners::PartnershipStatus;
use yew::prelude::*;

#[function_component]
pub fn IndirectProviders() -> Html {
    let i18n = use_i18n();
    let (list, again, more) = use_partners_paged(&csp_core::endpoint::INDIRECT_PROVIDERS);
    let (requests, _) = use_partnership_requests();
    let requests = match &*requests {
        Some(Ok(r)) => r.clone(),
        _ => vec![],
    };
    let invited: Vec<_> = requests
        .iter()
        .filter(|r| r.status == PartnershipStatus::Invited)
        .collect();
    let waiting: Vec<_> = requests
        .iter()
        .filter(|r| r.status == PartnershipStatus::Requested)
        .collect();
    let invitations = html! {
        <>
        if !invited.is_empty() {
            <h2 class="heading-m">{ i18n.t("requests-invitations-heading") }</h2>
            <DataTable caption={i18n.t("requests-invitations-heading")} actions={i18n.t("partners-col-actions")}
                columns={vec![i18n.t("partners-col-name"), i18n.t("partners-col-country"), i18n.t("requests-col-date")]}>
            { for invited.iter().map(|r| {
                // The page an invitation link opens, in the app.
                let href = build_link("/indirect-providers/authorize", &Invite::IndirectReseller { provider_id: r.provider.id.clone() });
                let query = href.split_once('?').map(|(_, q)| q.to_string()).unwrap_or_default();
                let onclick = Callback::from(move |e: MouseEvent| {
                    if !opens_elsewhere(&e) {
                        e.prevent_default();
                        Navigator.push_with_query(&Route::AuthorizeProvider, &query);
                    }
                });
                html! {
                    <tr>
                        <th scope="row" data-label={i18n.t("partners-col-name")}>{ &r.provider.name }</th>
                        <td data-label={i18n.t("partners-col-country")}>{ i18n.country(&r.provider.country) }</td>
                        <td data-label={i18n.t("requests-col-date")}>{ day(&i18n, r.invited_at.unwrap_or(r.requested_at)) }</td>
                        <td><a {href} {onclick}>{ i18n.t("requests-authorize") }<span class="visually-hidden">{ format!(" ({})", r.provider.name) }</span></a></td>
                    </tr>
                }
            }) }
            </DataTable>
        }
        if !waiting.is_empty() {
            <h2 class="heading-m">{ i18n.t("requests-sent-heading") }</h2>
            <ul class="list">
            { for waiting.iter().map(|r| html! {
                <li>{ format!("{} — {} ({})", r.provider.name, i18n.t("requests-waiting"), day(&i18n, r.requested_at)) }</li>
            }) }
            </ul>
        }
        </>
    };
    let heading = i18n.t("partners-providers-heading");
    use_title(&heading, matches!(*list, Some(Err(_))));
    let body = listing(
        &list,
        &again,
        i18n.t("loading"),
        Some(i18n.t("partners-providers-empty")),
        |l| {
            html! {
                <DataTable caption={heading.clone()} actions={i18n.t("partners-col-actions")}
                    columns={vec![i18n.t("partners-col-name"), i18n.t("partners-col-region"), i18n.t("partners-col-since")]}>
                { for l.iter().map(|p| html! {
                    <tr>
                        <th scope="row" data-label={i18n.t("partners-col-name")}>{ &p.name }</th>
                        <td data-label={i18n.t("partners-col-region")}>{ region(&i18n, &p.region) }</td>
                        <td data-label={i18n.t("partners-col-since")}>{ since(&i18n, p) }</td>
                        <td>
                            <ul class="list">
                                <li><RowLink to={Route::ProviderCustomers { id: p.id.clone() }} label={i18n.t("partners-view-customers")} subject={p.name.clone()} /></li>
                                <li><RowLink to={Route::InviteCustomers { id: p.id.clone() }} label={i18n.t("partners-invite-customers")} subject={p.name.clone()} /></li>
                            </ul>
                        </td>
                    </tr>
                }) }
                </DataTable>
            }
        },
    );
    html! {
        <div>
            <h1 class="heading">{ heading.clone() }</h1>
            <p>{ i18n.t("partners-providers-intro") }</p>
            <NavButton to={Route::FindProvider} label={i18n.t("directory-find")} />
            { invitations }
            { body }
            <ShowMore {more} />
            <p class="inset">{ i18n.t("partners-providers-remove-support") }</p>
        </div>
    }
}
