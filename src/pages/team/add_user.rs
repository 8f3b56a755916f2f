//! Add user: name, unique work email, agent role (or not an agent: a choice, never a default),
//! admin role (default: not an admin) and the invitation email's language (default: the
//! admin's own); the next page confirms.

use super::common::{from_choice, language_options, role_options, use_users, NONE};
use crate::components::{Radios, TextField};
use crate::env::use_env;
use crate::form::{use_form, FormPage};
use crate::i18n::use_i18n;
use crate::route::Route;
use crate::router::use_navigator;
use crate::session::{use_session, SessionAction};
use csp_core::api::NewUser;
use csp_core::roles::RoleKind;
use csp_core::users::check_new_user;
use csp_core::Field;
use yew::prelude::*;

#[function_component]
pub fn AddUser() -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let session = use_session();
    let nav = use_navigator();
    let form = use_form();
    let (users, _) = use_users();
    let pending = session.pending.clone();
    let name = use_state(|| pending.as_ref().map(|p| p.name.clone()).unwrap_or_default());
    let email = use_state(|| {
        pending
            .as_ref()
            .map(|p| p.email.clone())
            .unwrap_or_default()
    });
    // No agent answer until the user picks one: "Not an agent" is a choice, not a default.
    let agent = use_state(|| {
        pending
            .as_ref()
            .map(|p| p.agent_role.clone().unwrap_or_else(|| NONE.into()))
    });
    let admin = use_state(|| {
        pending
            .as_ref()
            .and_then(|p| p.admin_role.clone())
            .unwrap_or_else(|| NONE.into())
    });
    // The invitation email's language: the admin's own until they choose the user's.
    let language = use_state(|| {
        pending
            .as_ref()
            .and_then(|p| p.language.clone())
            .unwrap_or_else(|| i18n.locale.tag().to_owned())
    });
    let existing: Vec<String> = match &*users {
        Some(Ok(list)) => list.iter().map(|u| u.email.clone()).collect(),
        _ => vec![],
    };
    let new_user = NewUser {
        name: (*name).clone(),
        email: (*email).clone(),
        agent_role: agent.as_deref().and_then(from_choice),
        admin_role: from_choice(&admin),
        language: Some((*language).clone()),
    };
    let live = {
        let (u, env, agent) = (new_user.clone(), env.clone(), agent.is_some());
        move || {
            let ex: Vec<&str> = existing.iter().map(String::as_str).collect();
            check_new_user(&u, agent, &ex, &env.catalog, &env.ctx)
        }
    };
    let mut report = form.shown(live.clone());
    // What the backend refused on the confirm page, until the user presses Add again.
    if *form.count == 0 {
        report.extend(session.rejected.clone());
    }
    let onsubmit = {
        let (session, nav, form) = (session.clone(), nav.clone(), form.clone());
        Callback::from(move |_| {
            if form.press(&live()) {
                session.dispatch(SessionAction::Pending(Some(new_user.clone())));
                nav.push(&Route::ConfirmUser);
            }
        })
    };
    html! {
        <FormPage heading={i18n.t("add-user-heading")} form={form.clone()} report={report.clone()} {onsubmit} back={Route::Users} submit_label={i18n.t("add-user-add")}>
            <TextField field={Field::UserName} label={i18n.t("user-full-name")} value={(*name).clone()} autocomplete="off" width="input--wide"
                oninput={{ let s = name.clone(); Callback::from(move |v: String| s.set(v)) }} report={report.clone()} />
            <TextField field={Field::UserEmail} label={i18n.t("user-email")} hint={i18n.t("user-email-hint")} value={(*email).clone()} input_type="email" autocomplete="off" spellcheck_off=true width="input--wide"
                oninput={{ let s = email.clone(); Callback::from(move |v: String| s.set(v)) }} report={report.clone()} />
            <Radios field={Field::UserAgentRole} legend={i18n.t("user-agent-role")} hint={i18n.t("user-agent-role-hint")} value={(*agent).clone()}
                options={role_options(&env.catalog, RoleKind::Agent, &i18n)} onchange={{ let s = agent.clone(); Callback::from(move |v: String| s.set(Some(v))) }} report={report.clone()} />
            <Radios field={Field::UserAdminRole} legend={i18n.t("user-admin-role")} hint={i18n.t("user-admin-role-hint")} value={Some((*admin).clone())}
                options={role_options(&env.catalog, RoleKind::Admin, &i18n)} onchange={{ let s = admin.clone(); Callback::from(move |v: String| s.set(v)) }} report={report.clone()} />
            <Radios field={Field::UserLanguage} legend={i18n.t("user-language")} hint={i18n.t("user-language-hint")} value={Some((*language).clone())}
                options={language_options()} onchange={{ let s = language.clone(); Callback::from(move |v: String| s.set(v)) }} report={report.clone()} />
        </FormPage>
    }
}
