//! The reseller's *Indirect providers*: one row per authorized provider (name, region,
//! since) with **View customers** and **Invite new customers**; removal goes through support.

use super::common::{region, since, use_providers};
use crate::components::Busy;
use crate::form::FetchFailed;
use crate::i18n::{use_i18n, use_title};
use crate::route::Route;
use yew::prelude::*;
use yew_router::prelude::*;

#[function_component]
pub fn IndirectProviders() -> Html {
    let i18n = use_i18n();
    let (list, again) = use_providers();
    let heading = i18n.t("partners-providers-heading");
    use_title(&heading, matches!(*list, Some(Err(_))));
    let body = match &*list {
        None => html! { <Busy label={i18n.t("partners-loading")} /> },
        Some(Err(f)) => html! { <FetchFailed failure={f.clone()} retry={again.clone()} /> },
        Some(Ok(l)) if l.is_empty() => {
            html! { <p class="inset">{ i18n.t("partners-providers-empty") }</p> }
        }
        Some(Ok(l)) => html! {
            <table class="role-table">
                <caption class="visually-hidden">{ &heading }</caption>
                <thead><tr>
                    <th scope="col">{ i18n.t("partners-col-name") }</th>
                    <th scope="col">{ i18n.t("partners-col-region") }</th>
                    <th scope="col">{ i18n.t("partners-col-since") }</th>
                    <th scope="col"><span class="visually-hidden">{ i18n.t("partners-col-actions") }</span></th>
                </tr></thead>
                <tbody>
                { for l.iter().map(|p| html! {
                    <tr>
                        <th scope="row" data-label={i18n.t("partners-col-name")}>{ &p.name }</th>
                        <td data-label={i18n.t("partners-col-region")}>{ region(&i18n, &p.region) }</td>
                        <td data-label={i18n.t("partners-col-since")}>{ since(&i18n, p) }</td>
                        <td>
                            <ul class="list">
                                <li><Link<Route> to={Route::ProviderCustomers { id: p.id.clone() }}>{ i18n.t("partners-view-customers") }<span class="visually-hidden">{ format!(" ({})", p.name) }</span></Link<Route>></li>
                                <li><Link<Route> to={Route::InviteCustomers { id: p.id.clone() }}>{ i18n.t("partners-invite-customers") }<span class="visually-hidden">{ format!(" ({})", p.name) }</span></Link<Route>></li>
                            </ul>
                        </td>
                    </tr>
                }) }
                </tbody>
            </table>
        },
    };
    html! {
        <div>
            <h1 class="heading">{ heading.clone() }</h1>
            <p>{ i18n.t("partners-providers-intro") }</p>
            { body }
            <p class="inset">{ i18n.t("partners-providers-remove-support") }</p>
        </div>
    }
}
