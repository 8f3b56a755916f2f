//! Confirm the user to add; a field the backend refuses (a taken email) sends the user back
//! to the form with the error on that field.

use super::common::{language_name, role_name};
use crate::env::use_env;
use crate::form::{use_form, FormPage};
use crate::i18n::{use_i18n, use_title};
use crate::route::Route;
use crate::router::{use_navigator, Link};
use crate::session::{use_session, SessionAction};
use csp_core::endpoint::ADD_USER;
use csp_core::roles::RoleKind;
use csp_core::Report;
use yew::prelude::*;

#[function_component]
pub fn ConfirmUser() -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let session = use_session();
    let nav = use_navigator();
    let form = use_form();
    let heading = i18n.t("confirm-user-heading");
    // With a user to confirm, the form page sets the title.
    use_title(
        if session.pending.is_some() {
            ""
        } else {
            &heading
        },
        false,
    );
    let Some(u) = session.pending.clone() else {
        return html! { <div class="step"><h1 class="heading">{ heading }</h1><Link to={Route::AddUser}>{ i18n.t("users-add") }</Link></div> };
    };
    let onsubmit = {
        let (session, nav, form, api, u) = (
            session.clone(),
            nav.clone(),
            form.clone(),
            env.api.clone(),
            u.clone(),
        );
        Callback::from(move |_| {
            form.press(&Report::default());
            let (api, u) = (api.clone(), u.clone());
            let call = async move { api.call(&ADD_USER, &[], &u).await };
            let (s1, s2, n1, n2) = (session.clone(), session.clone(), nav.clone(), nav.clone());
            form.run_or(
                call,
                move |created| {
                    s1.dispatch(SessionAction::Pending(None));
                    s1.dispatch(SessionAction::Created(Some(created)));
                    n1.push(&Route::UserAdded);
                },
                move |rejected| {
                    s2.dispatch(SessionAction::Rejected(rejected));
                    n2.push(&Route::AddUser);
                },
            );
        })
    };
    let row = |k: String, v: String| {
        html! {
            <div class="summary-row">
                <dt class="summary-key">{ k }</dt><dd class="summary-value">{ v }</dd>
                <dd class="summary-actions"><Link to={Route::AddUser}>{ i18n.t("change") }</Link></dd>
            </div>
        }
    };
    html! {
        <FormPage heading={heading} form={form.clone()} report={(*form.server).clone()} {onsubmit} back={Route::AddUser} submit_label={i18n.t("confirm-user-add")}>
            <dl class="summary-list">
                { row(i18n.t("user-full-name"), u.name.trim().to_string()) }
                { row(i18n.t("user-email"), u.email.trim().to_string()) }
                { row(i18n.t("user-agent-role"), role_name(&env.catalog, u.agent_role.as_deref(), RoleKind::Agent, &i18n)) }
                { row(i18n.t("user-admin-role"), role_name(&env.catalog, u.admin_role.as_deref(), RoleKind::Admin, &i18n)) }
                { row(i18n.t("user-language"), language_name(u.language.as_deref().unwrap_or("en"))) }
            </dl>
        </FormPage>
    }
}
