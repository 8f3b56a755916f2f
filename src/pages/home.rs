//! The start page: start an enrollment, or resume a saved one where it stopped.

use crate::components::NavButton;
use crate::env::use_env;
use crate::i18n::{use_i18n, use_title};
use crate::journey::{step_route, use_journey};
use crate::route::Route;
use csp_core::enrollment::check_step;
use yew::prelude::*;

#[function_component]
pub fn Home() -> Html {
    let i18n = use_i18n();
    let j = use_journey();
    let env = use_env();
    // Resume at the first page whose answers are incomplete, or at the check page.
    let resume = j
        .draft
        .steps()
        .into_iter()
        .find(|s| check_step(*s, &j.draft, &env.settings.open_partner_types, &env.ctx).has_errors())
        .map(step_route)
        .unwrap_or(Route::CheckAnswers);
    let heading = i18n.t("home-heading");
    use_title(&heading, false);
    html! {
        <div class="step">
            <h1 class="heading">{ heading }</h1>
            <p class="lead">{ i18n.t("home-intro") }</p>
            if !j.draft.is_pristine() {
                <div class="panel" role="status">
                    <p>{ i18n.t("home-resume") }</p>
                    <NavButton to={resume} label={i18n.t("home-resume-action")} />
                </div>
            }
            <NavButton to={Route::Welcome} label={i18n.t("home-start")} />
        </div>
    }
}
