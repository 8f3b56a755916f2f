//! Route → page, and the pages outside the enrollment journey.

use crate::components::{set_title, use_i18n, NavButton};
use crate::routes::Route;
use crate::wizard::*;
use yew::prelude::*;
use yew_router::prelude::*;

pub fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <Home /> },
        Route::Welcome => html! { <Welcome /> },
        Route::PartnerType => html! { <PartnerTypeStep /> },
        Route::PartnerTypeClosed => html! { <PartnerTypeClosed /> },
        Route::WorkAccount => html! { <WorkAccountStep /> },
        Route::Mpn => html! { <MpnStep /> },
        Route::Legal => html! { <LegalStep /> },
        Route::Contact => html! { <ContactStep /> },
        Route::Support => html! { <SupportStep /> },
        Route::Bank => html! { <BankStep /> },
        Route::Check => html! { <CheckAnswers /> },
        Route::Status { id } => html! { <StatusPage id={id} /> },
        Route::SignIn => html! { <crate::team::SignInPage /> },
        Route::Account => html! { <crate::team::AccountPage /> },
        Route::Roles => html! { <crate::team::RoleTable /> },
        Route::Users => html! { <crate::team::UsersPage /> },
        Route::AddUser => html! { <crate::team::AddUserPage /> },
        Route::ConfirmUser => html! { <crate::team::ConfirmUserPage /> },
        Route::UserAdded => html! { <crate::team::UserAddedPage /> },
        Route::EditUser { id } => html! { <crate::team::EditUserPage {id} /> },
        Route::NotFound => html! { <NotFound /> },
    }
}

#[function_component]
fn Home() -> Html {
    let i18n = use_i18n();
    let j = use_journey();
    let env = use_env();
    // Resume at the first page whose answers are incomplete, or at the check page.
    let resume = j
        .draft
        .steps()
        .into_iter()
        .find(|s| {
            csp_core::enrollment::check_step(
                *s,
                &j.draft,
                &env.settings.open_partner_types,
                &env.ctx,
            )
            .has_errors()
        })
        .map(step_route)
        .unwrap_or(Route::Check);
    let heading = i18n.t("home-heading");
    set_title(&i18n, &heading, false);
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

#[function_component]
fn NotFound() -> Html {
    let i18n = use_i18n();
    let heading = i18n.t("not-found-heading");
    set_title(&i18n, &heading, false);
    html! {
        <div class="step">
            <h1 class="heading">{ heading }</h1>
            <p>{ i18n.t("not-found-body") }</p>
            <Link<Route> to={Route::Home}>{ i18n.t("not-found-home") }</Link<Route>>
        </div>
    }
}
