//! The provider's *Indirect resellers*: the list, **Request a partnership**, **Remove
//! partnership** per reseller, and the personalized invitation link, always visible here.
//! Above them, the partnership requests resellers sent from the provider directory, each
//! answered with **Send invitation**: the reseller gets it in the product and by email.

use super::common::{day, since, use_partners_paged, use_partnership_requests};
use crate::components::{DataTable, NavButton, RowLink};
use crate::env::use_env;
use crate::form::describe;
use crate::form::{listing, DoneNotice, ShowMore};
use crate::i18n::{use_i18n, use_title};
use crate::invitation::authorize_base;
use crate::partner::use_my_partner;
use crate::route::Route;
use csp_core::endpoint::SEND_INVITATION;
use csp_core::invitation::{build_link, Invite};
use csp_core::partners::{PartnershipRequest, PartnershipStatus};
use yew::prelude::*;

#[function_component]
pub fn IndirectResellers() -> Html {
    let i18n = use_i18n();
    let me = use_my_partner();
    let (list, again, more) = use_partners_paged(&csp_core::endpoint::INDIRECT_RESELLERS);
    let env = use_env();
    let (requests, _) = use_partnership_requests();
    // What became of the last invitation sent: (message, refused).
    let outcome = use_state(|| None::<(String, bool)>);
    let busy = use_state(|| false);
    let invite = {
        let (api, requests, outcome, busy, i18n, catalog) = (
            env.api.clone(),
            requests.clone(),
            outcome.clone(),
            busy.clone(),
            i18n.clone(),
            env.catalog.clone(),
        );
        Callback::from(move |r: PartnershipRequest| {
            if *busy {
                return;
            }
            busy.set(true);
            let (api, requests, outcome, busy, i18n, catalog) = (
                api.clone(),
                requests.clone(),
                outcome.clone(),
                busy.clone(),
                i18n.clone(),
                catalog.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                match api.call(&SEND_INVITATION, &[&r.id], &()).await {
                    Ok(done) => {
                        if let Some(Ok(all)) = &*requests {
                            let all = all
                                .iter()
                                .map(|x| {
                                    if x.id == done.id {
                                        done.clone()
                                    } else {
                                        x.clone()
                                    }
                                })
                                .collect();
                            requests.set(Some(Ok(all)));
                        }
                        let msg = i18n.ta("requests-invited", &[("reseller", &r.reseller.name)]);
                        outcome.set(Some((msg, false)));
                    }
                    Err(f) => outcome.set(Some((describe(&i18n, &catalog, &f), true))),
                }
                busy.set(false);
            });
        })
    };
    let received: Vec<PartnershipRequest> = match &*requests {
        Some(Ok(r)) => r.clone(),
        _ => vec![],
    };
    let from_resellers = html! {
        <>
        if !received.is_empty() {
            <h2 class="heading-m">{ i18n.t("requests-from-resellers-heading") }</h2>
            if let Some((msg, refused)) = &*outcome {
                <div class={if *refused { "error-summary" } else { "notice" }} role={if *refused { "alert" } else { "status" }}><p>{ msg }</p></div>
            }
            <DataTable caption={i18n.t("requests-from-resellers-heading")} actions={i18n.t("partners-col-actions")}
                columns={vec![i18n.t("partners-col-name"), i18n.t("partners-col-country"), i18n.t("requests-col-requested-by"), i18n.t("requests-col-date")]}>
            { for received.iter().map(|r| {
                let onclick = {
                    let (invite, r) = (invite.clone(), r.clone());
                    Callback::from(move |_: MouseEvent| invite.emit(r.clone()))
                };
                html! {
                    <tr>
                        <th scope="row" data-label={i18n.t("partners-col-name")}>{ &r.reseller.name }</th>
                        <td data-label={i18n.t("partners-col-country")}>{ i18n.country(&r.reseller.country) }</td>
                        <td data-label={i18n.t("requests-col-requested-by")}>{ &r.requested_by }</td>
                        <td data-label={i18n.t("requests-col-date")}>{ day(&i18n, r.requested_at) }</td>
                        <td>
                            if r.status == PartnershipStatus::Requested {
                                <button type="button" class="button button--secondary" disabled={*busy} {onclick}>
                                    { i18n.t("requests-send-invitation") }
                                    <span class="visually-hidden">{ format!(" ({})", r.reseller.name) }</span>
                                </button>
                            } else {
                                { i18n.t("requests-invitation-sent") }
                            }
                        </td>
                    </tr>
                }
            }) }
            </DataTable>
        }
        </>
    };
    // The count is of them all: shown once every page is.
    let all_shown = more.next.is_none();
    let heading = i18n.t("partners-resellers-heading");
    use_title(&heading, matches!(*list, Some(Err(_))));
    let body = listing(
        &list,
        &again,
        i18n.t("loading"),
        Some(i18n.t("partners-resellers-empty")),
        |l| {
            html! {
                <>
                if all_shown {
                    <p role="status">{ i18n.ta("partners-resellers-count", &[("count", &l.len().to_string())]) }</p>
                }
                <DataTable caption={heading.clone()} actions={i18n.t("partners-col-actions")}
                    columns={vec![i18n.t("partners-col-name"), i18n.t("partners-col-country"), i18n.t("partners-col-since")]}>
                { for l.iter().map(|p| html! {
                    <tr>
                        <th scope="row" data-label={i18n.t("partners-col-name")}>{ &p.name }</th>
                        <td data-label={i18n.t("partners-col-country")}>{ i18n.country(&p.country) }</td>
                        <td data-label={i18n.t("partners-col-since")}>{ since(&i18n, p) }</td>
                        <td>
                            <ul class="list">
                                <li><RowLink to={Route::AddCustomerFor { id: p.id.clone() }} label={i18n.t("partners-add-customer-for")} subject={p.name.clone()} /></li>
                                <li><RowLink to={Route::RemovePartnership { id: p.id.clone() }} label={i18n.t("partners-remove-partnership")} subject={p.name.clone()} /></li>
                            </ul>
                        </td>
                    </tr>
                }) }
                </DataTable>
                </>
            }
        },
    );
    let link = match &*me {
        Some(Ok(m)) => Some(build_link(
            &authorize_base(),
            &Invite::IndirectReseller {
                provider_id: m.partner.id.clone(),
            },
        )),
        _ => None,
    };
    html! {
        <div>
            <h1 class="heading">{ heading.clone() }</h1>
            <DoneNotice />
            <p>{ i18n.t("partners-resellers-intro") }</p>
            { from_resellers }
            <NavButton to={Route::RequestPartnership} label={i18n.t("partners-request-partnership")} />
            if let Some(link) = link {
                <div class="inset">
                    <p class="label" id="partnership-link-label">{ i18n.t("partners-invitation-link") }</p>
                    <p><code aria-labelledby="partnership-link-label">{ link }</code></p>
                    <p class="hint">{ i18n.t("partners-invitation-link-stays") }</p>
                </div>
            }
            { body }
            <ShowMore {more} />
        </div>
    }
}
