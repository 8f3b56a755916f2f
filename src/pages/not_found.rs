//! Any URL the app does not know.

use crate::i18n::{use_i18n, use_title};
use crate::route::Route;
use crate::router::Link;
use yew::prelude::*;

#[function_component]
pub fn NotFound() -> Html {
    let i18n = use_i18n();
    let heading = i18n.t("not-found-heading");
    use_title(&heading, false);
    html! {
        <div class="step">
            <h1 class="heading">{ heading }</h1>
            <p>{ i18n.t("not-found-body") }</p>
            <Link to={Route::Home}>{ i18n.t("not-found-home") }</Link>
        </div>
    }
}
