//! The partner's reseller-relationship requests with their status (pending, active,
//! expiring, expired, terminated, declined by the customer); a pending one shows its personalized link to copy again (a
//! partner who left the drafted email without sending it can still send it); an active one
//! can be terminated after confirmation.

use super::common::{request_link, role_label};
use crate::components::{DataTable, NavButton, RowLink};
use crate::env::use_env;
use crate::form::{listing, use_paged, DoneNotice, ShowMore};
use crate::i18n::{use_i18n, use_title};
use crate::partner::use_my_partner;
use crate::route::Route;
use crate::router::Link;
use csp_core::endpoint::RELATIONSHIP_REQUESTS;
use csp_core::relationship::RelationshipStatus;
use yew::prelude::*;

#[function_component]
pub fn RelationshipRequests() -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let base = crate::invitation::use_customer_base();
    let api = env.api.clone();
    let (list, again, more) = use_paged(move |cursor| {
        let api = api.clone();
        async move {
            api.page(&RELATIONSHIP_REQUESTS, None, cursor.as_deref())
                .await
        }
    });
    let me = use_my_partner();
    let partner_id = match &*me {
        Some(Ok(m)) => Some(m.partner.id.clone()),
        _ => None,
    };
    // The request whose link was just copied, and whether the browser allowed it.
    let copied = use_state(|| None::<(String, bool)>);
    let heading = i18n.t("relationship-requests-heading");
    use_title(&heading, matches!(*list, Some(Err(_))));
    let columns = ["name", "status", "duration", "roles", "created", "expires"]
        .map(|c| i18n.t(&format!("relationship-col-{c}")))
        .to_vec();
    let body = listing(
        &list,
        &again,
        i18n.t("loading"),
        Some(i18n.t("relationship-requests-empty")),
        |l| {
            html! {
                    <DataTable caption={heading.clone()} {columns} actions={i18n.t("partners-col-actions")}>
                        { for l.iter().map(|r| {
                            let name = if r.admin_access { r.name.clone() } else { i18n.t("relationship-no-admin-access") };
                            let roles = if r.admin_access {
                                i18n.list(&r.roles.iter().map(|x| role_label(&i18n, x)).collect::<Vec<_>>())
                            } else {
                                i18n.t("relationship-no-admin-access")
                            };
                            let can_end = matches!(r.status, RelationshipStatus::Active | RelationshipStatus::Expiring);
                            let link = partner_id
                                .as_deref()
                                .filter(|_| r.status == RelationshipStatus::Pending)
                                .zip(base.as_deref())
                                .map(|(p, base)| request_link(base, p, r));
                            let copy = link.clone().map(|link| {
                                let (copied, id) = (copied.clone(), r.id.clone());
                                Callback::from(move |_: MouseEvent| {
                                    let (copied, id) = (copied.clone(), id.clone());
                                    crate::components::copy_text(&link, move |ok| copied.set(Some((id, ok))));
                                })
                            });
                            let copy_outcome = copied.as_ref().filter(|(id, _)| *id == r.id).map(|(_, ok)| *ok);
                            html! {
                                <tr>
                                    <th scope="row" data-label={i18n.t("relationship-col-name")}>{ &name }</th>
                                    <td data-label={i18n.t("relationship-col-status")}>
                                        <strong class={classes!("tag", format!("tag--{}", r.status.id()))}>{ i18n.t(&format!("relationship-status-{}", r.status.id())) }</strong>
                                        if r.status == RelationshipStatus::Pending {
                                            <p class="hint">{ i18n.ta("relationship-pending-until", &[("date", &i18n.date(r.expires_on))]) }</p>
                                        }
                                        if let Some(link) = &link {
                                            <p class="hint">{ i18n.t("relationship-link") }</p>
                                            <p><code class="invitation-link">{ link }</code></p>
                                        }
                                    </td>
                                    <td data-label={i18n.t("relationship-col-duration")}>{ i18n.ta("relationship-duration-days", &[("days", &r.duration_days.to_string())]) }</td>
                                    <td data-label={i18n.t("relationship-col-roles")}>{ roles }</td>
                                    <td data-label={i18n.t("relationship-col-created")}>{ i18n.date(r.created_on) }</td>
                                    <td data-label={i18n.t("relationship-col-expires")}>{ i18n.date(r.terminated_on.unwrap_or(r.expires_on)) }</td>
                                    <td>
                                        if can_end {
                                            <RowLink to={Route::TerminateRelationship { id: r.id.clone() }} label={i18n.t("relationship-terminate")} subject={name.clone()} />
                                        }
                                        if let Some(onclick) = copy {
                                            <button type="button" class="link-button" {onclick}>
                                                { i18n.t("relationship-copy-link") }<span class="visually-hidden">{ format!(" ({name})") }</span>
                                            </button>
                                        }
                                        if let Some(ok) = copy_outcome {
                                            <p class="hint" role="status">{ i18n.t(if ok { "relationship-link-copied" } else { "relationship-link-copy-refused" }) }</p>
                                        }
                                    </td>
                                </tr>
                            }
                        }) }
                    </DataTable>
            }
        },
    );
    html! {
        <div>
            <Link to={Route::Customers} classes="back-link">{ i18n.t("back") }</Link>
            <h1 class="heading">{ heading.clone() }</h1>
            <DoneNotice />
            <NavButton to={Route::RequestRelationship} label={i18n.t("customers-request-relationship")} />
            { body }
            <ShowMore {more} />
        </div>
    }
}
