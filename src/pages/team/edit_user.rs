//! One user: change their agent and admin roles, send their invitation email again, or remove
//! them (with a confirmation).

use super::common::{from_choice, role_options, use_users, NONE};
use crate::components::Radios;
use crate::env::use_env;
use crate::form::{describe, one_of, use_form, Form, FormPage};
use crate::i18n::{use_i18n, use_title};
use crate::route::Route;
use crate::router::use_navigator;
use crate::session::{use_session, SessionAction};
use csp_core::api::{InvitationSent, RoleChange, User};
use csp_core::endpoint::{REMOVE_USER, RESEND_INVITATION, UPDATE_ROLES};
use csp_core::roles::RoleKind;
use csp_core::Field;
use csp_core::Report;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EditUserProps {
    pub id: AttrValue,
}

#[function_component]
pub fn EditUser(p: &EditUserProps) -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let session = use_session();
    let nav = use_navigator();
    let (users, again) = use_users();
    let form = use_form();
    let choice = use_state(|| None::<(String, String)>);
    let confirming = use_state(|| false);
    let back = (Route::Users, i18n.t("users-heading"));
    let found = one_of(
        &i18n,
        &users,
        &again,
        |l| l.iter().find(|u| *u.id == *p.id).cloned(),
        back,
    );
    let heading = match &found {
        Ok(u) => i18n.ta("edit-user-heading", &[("name", &u.name)]),
        Err(_) => i18n.t("users-heading"),
    };
    // Once the user is shown, the form page sets the title.
    use_title(if found.is_ok() { "" } else { &heading }, false);
    let user = match found {
        Ok(user) => user,
        Err(instead) => return instead,
    };
    let (agent, admin) = (*choice).clone().unwrap_or_else(|| {
        (
            user.agent_role.clone().unwrap_or_else(|| NONE.into()),
            user.admin_role.clone().unwrap_or_else(|| NONE.into()),
        )
    });
    let set_agent = {
        let (choice, admin) = (choice.clone(), admin.clone());
        Callback::from(move |v: String| choice.set(Some((v, admin.clone()))))
    };
    let set_admin = {
        let (choice, agent) = (choice.clone(), agent.clone());
        Callback::from(move |v: String| choice.set(Some((agent.clone(), v))))
    };
    let run = |remove: bool| {
        let (form, api, nav, session, id, agent, admin) = (
            form.clone(),
            env.api.clone(),
            nav.clone(),
            session.clone(),
            user.id.clone(),
            agent.clone(),
            admin.clone(),
        );
        Callback::from(move |()| {
            let (api, id) = (api.clone(), id.clone());
            let change = RoleChange {
                agent_role: from_choice(&agent),
                admin_role: from_choice(&admin),
            };
            let call = async move {
                if remove {
                    api.call(&REMOVE_USER, &[&id], &()).await.map(|_| None)
                } else {
                    api.call(&UPDATE_ROLES, &[&id], &change).await.map(Some)
                }
            };
            let (nav, session) = (nav.clone(), session.clone());
            form.run(call, move |updated| {
                if let Some(u) =
                    updated.filter(|u| session.user.as_ref().is_some_and(|me| me.id == u.id))
                {
                    session.dispatch(SessionAction::Updated(u));
                }
                nav.push(&Route::Users);
            });
        })
    };
    let is_me = session.user.as_ref().is_some_and(|me| me.id == user.id);
    let remove = run(true).reform(|e: SubmitEvent| e.prevent_default());
    let after = if is_me {
        html! {}
    } else {
        html! {
            <>
            <ResendInvitation user={user.clone()} />
            <h2 class="subheading">{ i18n.t("remove-user-heading") }</h2>
            if *confirming {
                <form novalidate=true onsubmit={remove}>
                    <p class="inset" role="status">{ i18n.ta("remove-user-confirm", &[("name", &user.name)]) }</p>
                    <button type="submit" class="button button--warning" disabled={*form.busy}>{ i18n.ta("remove-user-yes", &[("name", &user.name)]) }</button>
                </form>
            } else {
                <button type="button" class="button button--secondary" onclick={{ let c = confirming.clone(); Callback::from(move |_| c.set(true)) }}>{ i18n.t("remove-user") }</button>
            }
            </>
        }
    };
    let report = (*form.server).clone();
    html! {
        <FormPage heading={heading} form={form.clone()} report={report.clone()} onsubmit={run(false)} back={Route::Users}
            submit_label={i18n.t("edit-user-save")} {after}>
            <p>{ &user.email }</p>
            <Radios field={Field::UserAgentRole} legend={i18n.t("user-agent-role")} value={Some(agent.clone())} options={role_options(&env.catalog, RoleKind::Agent, &i18n)} onchange={set_agent} report={report.clone()} />
            <Radios field={Field::UserAdminRole} legend={i18n.t("user-admin-role")} value={Some(admin.clone())} options={role_options(&env.catalog, RoleKind::Admin, &i18n)} onchange={set_admin} report={report.clone()} />
        </FormPage>
    }
}

#[derive(Properties, PartialEq)]
struct ResendProps {
    user: User,
}

/// "Send the invitation again": a new link to the user, the earlier ones worthless; refused
/// once the user has chosen their password (the backend says so).
#[function_component]
fn ResendInvitation(p: &ResendProps) -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let form: Form = use_form();
    let sent = use_state(|| None::<InvitationSent>);
    let refused = use_state(Report::default);
    let onclick = {
        let (form, api, id) = (form.clone(), env.api.clone(), p.user.id.clone());
        let (sent, refused) = (sent.clone(), refused.clone());
        Callback::from(move |_| {
            form.press(&Report::default());
            sent.set(None);
            refused.set(Report::default());
            let (api, id) = (api.clone(), id.clone());
            let call = async move { api.call(&RESEND_INVITATION, &[&id], &()).await };
            let (sent, refused) = (sent.clone(), refused.clone());
            form.run_or(call, move |s| sent.set(Some(s)), move |r| refused.set(r));
        })
    };
    let failure = match (refused.0.first(), &*form.failure) {
        (Some(fp), _) => Some(i18n.problem(fp.field, &fp.problem)),
        (None, Some(f)) => Some(describe(&i18n, &env.catalog, f)),
        (None, None) => None,
    };
    html! {
        <>
        <h2 class="subheading">{ i18n.t("invitation-resend-heading") }</h2>
        <p>{ i18n.ta("invitation-resend-body", &[("name", &p.user.name)]) }</p>
        <div role="status">
            if let Some(s) = &*sent {
                <p class="notice">{ i18n.ta("invitation-resent", &[("email", &s.email), ("time", &i18n.time(s.expires_at))]) }</p>
            }
        </div>
        <div role="alert">
            if let Some(m) = failure { <p class="error-message">{ m }</p> }
        </div>
        <p><button type="button" class="button button--secondary" disabled={*form.busy} {onclick}>{ i18n.t("invitation-resend") }</button></p>
        </>
    }
}
