//! Change password: the current one, then a new one the directory accepts. A user signed in
//! with a temporary password lands here first and can open nothing else until it is done.

use crate::components::TextField;
use crate::env::use_env;
use crate::form::{use_form, FormPage};
use crate::i18n::use_i18n;
use crate::route::Route;
use crate::router::use_navigator;
use crate::session::{use_session, SessionAction};
use csp_core::api::{PasswordChange, SessionInfo};
use csp_core::endpoint::{CHANGE_PASSWORD, SESSION};
use csp_core::users::{check_new_password, PASSWORD_MIN_CHARS};
use csp_core::Field;
use yew::prelude::*;

#[function_component]
pub fn ChangePassword() -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let session = use_session();
    let nav = use_navigator();
    let form = use_form();
    let current = use_state(String::new);
    let new = use_state(String::new);
    let user_name = session
        .user
        .as_ref()
        .map(|u| u.email.clone())
        .unwrap_or_default();
    let change = PasswordChange {
        current_password: (*current).clone(),
        new_password: (*new).clone(),
    };
    let live = {
        let (user_name, change) = (user_name.clone(), change.clone());
        move || check_new_password(&user_name, &change)
    };
    let report = form.shown(live.clone());
    let onsubmit = {
        let (form, api, session, nav) =
            (form.clone(), env.api.clone(), session.clone(), nav.clone());
        Callback::from(move |_| {
            if !form.press(&live()) {
                return;
            }
            let (api, change) = (api.clone(), change.clone());
            let call = async move {
                api.call(&CHANGE_PASSWORD, &[], &change).await?;
                api.call(&SESSION, &[], &()).await
            };
            let (session, nav) = (session.clone(), nav.clone());
            form.run(call, move |info: SessionInfo| {
                session.dispatch(SessionAction::SignedIn(info));
                nav.push(&Route::Account);
            });
        })
    };
    let heading = if session.must_change_password {
        i18n.t("password-change-first-heading")
    } else {
        i18n.t("password-change-heading")
    };
    html! {
        <FormPage {heading} form={form.clone()} report={report.clone()} {onsubmit} submit_label={i18n.t("password-change-save")}>
            if session.must_change_password { <p class="inset">{ i18n.t("password-change-first-body") }</p> }
            <TextField field={Field::CurrentPassword} label={i18n.t("password-current")} value={(*current).clone()} input_type="password" autocomplete="current-password"
                oninput={{ let s = current.clone(); Callback::from(move |v: String| s.set(v)) }} report={report.clone()} />
            <TextField field={Field::NewPassword} label={i18n.t("password-new")} hint={i18n.ta("password-new-hint", &[("min", &PASSWORD_MIN_CHARS.to_string())])}
                value={(*new).clone()} input_type="password" autocomplete="new-password"
                oninput={{ let s = new.clone(); Callback::from(move |v: String| s.set(v)) }} report={report.clone()} />
        </FormPage>
    }
}
