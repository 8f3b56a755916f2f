//! The eligibility page for a partner type that is not accepting applications, with the way
//! to enroll as an indirect reseller instead.

use crate::components::NavButton;
use crate::i18n::{use_i18n, use_title};
use crate::journey::{edit, use_journey};
use crate::route::Route;
use crate::router::Link;
use csp_core::enrollment::PartnerType;
use yew::prelude::*;

/// The eligibility page for a type that is not accepting applications.
#[function_component]
pub fn PartnerTypeClosed() -> Html {
    let i18n = use_i18n();
    let j = use_journey();
    let heading = i18n.t("partner-type-closed-heading");
    use_title(&heading, false);
    let name = j
        .draft
        .partner_type
        .map(|t| i18n.t(&format!("partner-type-{}", t.id())))
        .unwrap_or_default();
    let choose_reseller = {
        let j = j.clone();
        Callback::from(move |()| {
            j.dispatch(edit(|d| {
                d.partner_type = Some(PartnerType::IndirectReseller)
            }))
        })
    };
    html! {
        <div class="step">
            <Link to={Route::PartnerType} classes="back-link">{ i18n.t("back") }</Link>
            <h1 class="heading">{ heading }</h1>
            <p>{ i18n.ta("partner-type-closed-body", &[("type", &name)]) }</p>
            <p>{ i18n.t("partner-type-closed-suggest") }</p>
            <NavButton to={Route::WorkAccount} label={i18n.t("partner-type-closed-action")} onclick={choose_reseller} />
        </div>
    }
}
