//! Route → page, and the pages outside the enrollment journey.

use crate::components::{set_title, use_i18n, NavButton};
use crate::routes::Route;
use crate::team;
use crate::wizard::*;
use csp_core::roles::MANAGE_USERS;
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
        Route::SignIn => html! { <team::SignInPage /> },
        Route::Roles => html! { <team::RoleTable /> },
        // Who may open what: any signed-in user, or the roles whose features include it.
        Route::Account => guarded("", html! { <team::Account /> }),
        Route::Users => guarded(MANAGE_USERS, html! { <team::Users /> }),
        Route::AddUser => guarded(MANAGE_USERS, html! { <team::AddUser /> }),
        Route::ConfirmUser => guarded(MANAGE_USERS, html! { <team::ConfirmUser /> }),
        Route::UserAdded => guarded(MANAGE_USERS, html! { <team::UserAdded /> }),
        Route::EditUser { id } => guarded(MANAGE_USERS, html! { <team::EditUser {id} /> }),
        Route::NotFound => html! { <NotFound /> },
    }
}

/// The page behind the team guard: shown to a signed-in user whose roles open `feature`.
fn guarded(feature: &'static str, page: Html) -> Html {
    html! { <team::Guard {feature}>{ page }</team::Guard> }
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
