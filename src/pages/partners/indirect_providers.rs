//! The reseller's *Indirect providers*: one row per authorized provider (name, region,
//! since) with **View customers** and **Invite new customers**; removal goes through support.

use super::common::{region, since, use_partners_paged};
use crate::components::{DataTable, RowLink};
use crate::form::{listing, ShowMore};
use crate::i18n::{use_i18n, use_title};
use crate::route::Route;
use yew::prelude::*;

#[function_component]
pub fn IndirectProviders() -> Html {
    let i18n = use_i18n();
    let (list, again, more) = use_partners_paged(&csp_core::endpoint::INDIRECT_PROVIDERS);
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
            { body }
            <ShowMore {more} />
            <p class="inset">{ i18n.t("partners-providers-remove-support") }</p>
        </div>
    }
}
