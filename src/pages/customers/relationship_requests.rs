//! The partner's reseller-relationship requests with their status (pending, active,
//! expiring, expired, terminated); an active one can be terminated after confirmation.

use super::common::role_label;
use crate::components::{Busy, NavButton};
use crate::env::use_env;
use crate::form::{use_fetch, FetchFailed};
use crate::i18n::{use_i18n, use_title};
use crate::route::Route;
use csp_core::endpoint::RELATIONSHIP_REQUESTS;
use csp_core::relationship::RelationshipStatus;
use yew::prelude::*;
use yew_router::prelude::*;

#[function_component]
pub fn RelationshipRequests() -> Html {
    let i18n = use_i18n();
    let api = use_env().api;
    let (list, again) = use_fetch((), move |_| {
        let api = api.clone();
        async move { api.call(&RELATIONSHIP_REQUESTS, &[], &()).await }
    });
    let heading = i18n.t("relationship-requests-heading");
    use_title(&heading, matches!(*list, Some(Err(_))));
    let body = match &*list {
        None => html! { <Busy label={i18n.t("partners-loading")} /> },
        Some(Err(f)) => html! { <FetchFailed failure={f.clone()} retry={again.clone()} /> },
        Some(Ok(l)) if l.is_empty() => {
            html! { <p class="inset">{ i18n.t("relationship-requests-empty") }</p> }
        }
        Some(Ok(l)) => html! {
            <table class="role-table">
                <caption class="visually-hidden">{ &heading }</caption>
                <thead><tr>
                    <th scope="col">{ i18n.t("relationship-col-name") }</th>
                    <th scope="col">{ i18n.t("relationship-col-status") }</th>
                    <th scope="col">{ i18n.t("relationship-col-duration") }</th>
                    <th scope="col">{ i18n.t("relationship-col-roles") }</th>
                    <th scope="col">{ i18n.t("relationship-col-created") }</th>
                    <th scope="col">{ i18n.t("relationship-col-expires") }</th>
                    <th scope="col"><span class="visually-hidden">{ i18n.t("partners-col-actions") }</span></th>
                </tr></thead>
                <tbody>
                { for l.iter().map(|r| {
                    let name = if r.admin_access { r.name.clone() } else { i18n.t("relationship-no-admin-access") };
                    let roles = if r.admin_access {
                        r.roles.iter().map(|x| role_label(&i18n, x)).collect::<Vec<_>>().join(", ")
                    } else {
                        i18n.t("relationship-no-admin-access")
                    };
                    let can_end = matches!(r.status, RelationshipStatus::Active | RelationshipStatus::Expiring);
                    html! {
                        <tr>
                            <th scope="row" data-label={i18n.t("relationship-col-name")}>{ &name }</th>
                            <td data-label={i18n.t("relationship-col-status")}>
                                <strong class={classes!("tag", format!("tag--{}", r.status.id()))}>{ i18n.t(&format!("relationship-status-{}", r.status.id())) }</strong>
                                if r.status == RelationshipStatus::Pending {
                                    <p class="hint">{ i18n.ta("relationship-pending-until", &[("date", &i18n.date(r.expires_on))]) }</p>
                                }
                            </td>
                            <td data-label={i18n.t("relationship-col-duration")}>{ i18n.ta("relationship-duration-days", &[("days", &r.duration_days.to_string())]) }</td>
                            <td data-label={i18n.t("relationship-col-roles")}>{ roles }</td>
                            <td data-label={i18n.t("relationship-col-created")}>{ i18n.date(r.created_on) }</td>
                            <td data-label={i18n.t("relationship-col-expires")}>{ i18n.date(r.expires_on) }</td>
                            <td>
                                if can_end {
                                    <Link<Route> to={Route::TerminateRelationship { id: r.id.clone() }}>
                                        { i18n.t("relationship-terminate") }<span class="visually-hidden">{ format!(" {name}") }</span>
                                    </Link<Route>>
                                }
                            </td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
        },
    };
    html! {
        <div>
            <Link<Route> to={Route::Customers} classes="back-link">{ i18n.t("back") }</Link<Route>>
            <h1 class="heading">{ heading.clone() }</h1>
            <NavButton to={Route::RequestRelationship} label={i18n.t("customers-request-relationship")} />
            { body }
        </div>
    }
}
