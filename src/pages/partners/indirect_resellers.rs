//! The provider's *Indirect resellers*: the list, **Request a partnership**, **Remove
//! partnership** per reseller, and the personalized invitation link, always visible here.

use super::common::{since, use_partners_paged};
use crate::components::{DataTable, NavButton, RowLink};
use crate::form::{listing, DoneNotice, ShowMore};
use crate::i18n::{use_i18n, use_title};
use crate::invitation::authorize_base;
use crate::partner::use_my_partner;
use crate::route::Route;
use csp_core::invitation::{build_link, Invite};
use yew::prelude::*;

#[function_component]
pub fn IndirectResellers() -> Html {
    let i18n = use_i18n();
    let me = use_my_partner();
    let (list, again, more) = use_partners_paged(&csp_core::endpoint::INDIRECT_RESELLERS);
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
