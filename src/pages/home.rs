//! The start page: start an enrollment, or resume a saved one where it stopped.

use crate::i18n::{use_i18n, use_title};
use crate::journey::{use_journey, Action, DRAFT_KEPT_DAYS};
use crate::route::Route;
use crate::router::{use_navigator, Link};
use crate::start::use_started;
use yew::prelude::*;

#[function_component]
pub fn Home() -> Html {
    let i18n = use_i18n();
    let j = use_journey();
    // The saved draft and the rules' data come with the shell's second stage.
    let env = use_started().env;
    let nav = use_navigator();
    // Resume at the first page whose answers are incomplete, or at the check page: the rules
    // that decide come with the enrollment pages, not with this first page. If they can't be
    // fetched, the journey's first page says so and offers to try again.
    let resume = {
        let (j, env) = (j.clone(), env.clone());
        Callback::from(move |_| {
            let Some(env) = env.clone() else { return };
            let (j, nav) = (j.clone(), nav.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let at =
                    super::lazy::resume(&j.draft, &env.settings.open_partner_types, &env.ctx).await;
                nav.push(&at.unwrap_or(Route::Welcome));
            });
        })
    };
    let heading = i18n.t("home-heading");
    use_title(&heading, false);
    let confirming = use_state(|| false);
    let discarded = use_state(|| false);
    let discard = {
        let (j, confirming, discarded) = (j.clone(), confirming.clone(), discarded.clone());
        Callback::from(move |_| {
            j.dispatch(Action::Clear);
            confirming.set(false);
            discarded.set(true);
        })
    };
    html! {
        <div class="step">
            <h1 class="heading">{ heading }</h1>
            <p class="lead">{ i18n.t("home-intro") }</p>
            if *discarded { <p class="inset" role="status">{ i18n.t("home-discarded") }</p> }
            // With the second stage, which restores the draft and brings the rules to resume with.
            if !j.draft.is_pristine() && env.is_some() {
                <div class="panel" role="status">
                    <p>{ i18n.t("home-resume") }</p>
                    <button type="button" class="button" onclick={resume}>{ i18n.t("home-resume-action") }</button>
                    <p class="hint">{ i18n.ta("home-saved-for", &[("days", &DRAFT_KEPT_DAYS.to_string())]) }</p>
                    if *confirming {
                        <p>{ i18n.t("home-discard-confirm") }</p>
                        <button type="button" class="button button--warning" onclick={discard}>{ i18n.t("home-discard-yes") }</button>
                    } else {
                        <button type="button" class="button button--secondary" onclick={{ let c = confirming.clone(); Callback::from(move |_| c.set(true)) }}>{ i18n.t("home-discard") }</button>
                    }
                </div>
            }
            // A link, not a button: the prerendered start page's Start now works before the
            // wasm has arrived (the router follows it in place once it has).
            <Link to={Route::Welcome} classes="button" role="button">{ i18n.t("home-start") }</Link>
        </div>
    }
}
