//! **Request a partnership**: the drafted email to a reseller, with the link to this
//! portal's authorization page carrying the provider's ID.

use crate::components::Busy;
use crate::form::FetchFailed;
use crate::i18n::use_i18n;
use crate::invitation::{authorize_base, letter, InvitationDraft};
use crate::partner::use_my_partner;
use crate::route::Route;
use csp_core::invitation::{build_link, Invite};
use yew::prelude::*;

#[function_component]
pub fn RequestPartnership() -> Html {
    let i18n = use_i18n();
    let me = use_my_partner();
    let m = match &*me {
        None => return html! { <Busy label={i18n.t("loading")} /> },
        Some(Err(f)) => {
            return html! { <div class="step"><FetchFailed failure={f.clone()} retry={Callback::noop()} /></div> }
        }
        Some(Ok(m)) => m.clone(),
    };
    let link = build_link(
        &authorize_base(),
        &Invite::IndirectReseller {
            provider_id: m.partner.id.clone(),
        },
    );
    let partner = m.partner.name.as_str();
    let d = letter(
        &i18n,
        &link,
        partner,
        i18n.ta("partners-reseller-email-subject", &[("partner", partner)]),
        vec![
            i18n.ta("partners-reseller-email-body", &[("partner", partner)]),
            i18n.t("partners-reseller-email-action"),
        ],
    );
    html! {
        <InvitationDraft draft={d} done={Route::IndirectResellers} back={Route::IndirectResellers}>
            <p class="caption">{ i18n.t("partners-request-partnership") }</p>
        </InvitationDraft>
    }
}
