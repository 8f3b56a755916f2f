//! **Invite new customers** with one provider: the two-tier invitation, whose link carries
//! both the reseller's and the provider's IDs.

use super::common::use_providers;
use crate::components::Busy;
use crate::form::{one_of, FetchFailed};
use crate::i18n::use_i18n;
use crate::invitation::{letter, use_customer_base, InvitationDraft};
use crate::partner::use_my_partner;
use crate::route::Route;
use csp_core::ids::same_id;
use csp_core::invitation::{build_link, Invite};
use csp_core::partners::PartnerSummary;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct InviteProps {
    /// The provider's ID.
    pub id: String,
}

#[function_component]
pub fn InviteCustomers(p: &InviteProps) -> Html {
    let i18n = use_i18n();
    let base = use_customer_base();
    let me = use_my_partner();
    let (providers, again) = use_providers();
    let (m, base) = match (&*me, &*providers, base) {
        (Some(Err(f)), _, _) | (_, Some(Err(f)), _) => {
            return html! { <div class="step"><FetchFailed failure={f.clone()} retry={again.clone()} /></div> }
        }
        (Some(Ok(m)), Some(Ok(_)), Some(base)) => (m.clone(), base),
        _ => return html! { <Busy label={i18n.t("loading")} /> },
    };
    let back = (
        Route::IndirectProviders,
        i18n.t("partners-providers-heading"),
    );
    let pick = |l: &Vec<PartnerSummary>| l.iter().find(|x| same_id(&x.id, &p.id)).cloned();
    let provider = match one_of(&i18n, &providers, &again, pick, back) {
        Ok(provider) => provider,
        Err(instead) => return instead,
    };
    let link = build_link(
        &base,
        &Invite::ResellerRelationship {
            partner_id: m.partner.id.clone(),
            provider_id: Some(provider.id.clone()),
            admin: false,
            request_id: None,
        },
    );
    let partner = m.partner.name.as_str();
    let d = letter(
        &i18n,
        &link,
        partner,
        i18n.ta("customers-invite-email-subject", &[("partner", partner)]),
        vec![
            i18n.ta(
                "customers-invite-two-tier-email-body",
                &[("partner", partner), ("provider", &provider.name)],
            ),
            i18n.t("customers-invite-email-action"),
        ],
    );
    html! {
        <InvitationDraft draft={d} done={Route::IndirectProviders} back={Route::IndirectProviders}>
            <p class="caption">{ format!("{} — {}", i18n.t("partners-invite-customers"), provider.name) }</p>
        </InvitationDraft>
    }
}
