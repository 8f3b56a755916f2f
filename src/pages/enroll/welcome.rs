//! Welcome: what the applicant needs before starting.

use crate::components::NavButton;
use crate::env::use_env;
use crate::i18n::{use_i18n, use_title};
use crate::route::Route;
use yew::prelude::*;

#[function_component]
pub fn Welcome() -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let heading = i18n.t("welcome-heading");
    use_title(&heading, false);
    let needs = [
        "welcome-need-mpn",
        "welcome-need-admin",
        "welcome-need-pmc",
        "welcome-need-legal",
        "welcome-need-contact",
        "welcome-need-support",
        "welcome-need-bank",
        "welcome-need-admin-email",
    ];
    html! {
        <div class="step">
            <h1 class="heading">{ heading }</h1>
            <p class="lead">{ i18n.t("welcome-intro") }</p>
            <h2 class="subheading">{ i18n.t("welcome-needs-heading") }</h2>
            <ul class="list">
                { for needs.iter().map(|id| html! { <li>{ i18n.t(id) }</li> }) }
            </ul>
            <p>
                { i18n.t("welcome-no-mpn") }{ " " }
                <a href={env.config.partner_network_join_url.clone()} target="_blank" rel="noopener">{ i18n.t("welcome-join") }</a>
            </p>
            <p class="inset">{ i18n.t("welcome-review-time") }</p>
            <NavButton to={Route::PartnerType} label={i18n.t("continue")} />
        </div>
    }
}
