//! Partner-user sign-in.

use crate::components::TextField;
use crate::env::use_env;
use crate::form::{use_form, FormPage};
use crate::i18n::use_i18n;
use crate::route::Route;
use crate::router::use_navigator;
use crate::session::{signed_in, use_session};
use csp_core::api::SignIn;
use csp_core::endpoint::SIGN_IN;
use csp_core::users::check_sign_in;
use csp_core::Field;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SignInProps {
    /// Signing in again over a page whose session ended: stay on that page afterwards.
    #[prop_or_default]
    pub again: bool,
}

/// Sign-in, as a page or (with `again`) over the page whose session ended, so that nothing
/// typed there is lost.
#[function_component]
pub fn SignInPage(p: &SignInProps) -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let session = use_session();
    let nav = use_navigator();
    let form = use_form();
    let user = use_state(String::new);
    let password = use_state(String::new);
    let live = {
        let (u, p) = ((*user).clone(), (*password).clone());
        move || check_sign_in(&u, &p)
    };
    let report = form.shown(live.clone());
    let again = p.again;
    let onsubmit = {
        let (session, nav, form, api, user, password) = (
            session.clone(),
            nav.clone(),
            form.clone(),
            env.api.clone(),
            user.clone(),
            password.clone(),
        );
        Callback::from(move |_| {
            if !form.press(&live()) {
                return;
            }
            let req = SignIn {
                user_name: user.trim().into(),
                password: (*password).clone(),
            };
            let caller = api.clone();
            let call = async move { caller.call(&SIGN_IN, &[], &req).await };
            // The password leaves the page's memory once it has been accepted. Until then it
            // stays in its field: for the retry when the service could not answer, and so that
            // a refusal reads as one error, not also "Enter your password".
            let (session, nav, api, password) =
                (session.clone(), nav.clone(), api.clone(), password.clone());
            form.run(call, move |info| {
                password.set(String::new());
                let must_change = info.must_change_password;
                signed_in(&api, &session, info);
                if must_change {
                    nav.push(&Route::ChangePassword);
                    return;
                }
                if again {
                    return;
                }
                // Back to the page that asked for a sign-in (an invitation link), if any.
                match crate::session::take_return() {
                    Some((route, q)) if !q.is_empty() => nav.push_with_query(&route, &q),
                    Some((route, _)) => nav.push(&route),
                    None => nav.push(&Route::Account),
                }
            });
        })
    };
    html! {
        <FormPage heading={i18n.t(if again { "sign-in-again-heading" } else { "sign-in-heading" })} form={form.clone()} report={report.clone()} {onsubmit} submit_label={i18n.t("sign-in")}>
            if again { <p>{ i18n.t("sign-in-again-body") }</p> }
            if env.api.demo_was_reset() { <div class="notice" role="status"><p>{ i18n.t("sign-in-demo-reset") }</p></div> }
            if !env.config.uses_http_backend() { <p class="inset">{ i18n.t("sign-in-demo") }</p> }
            <TextField field={Field::SessionUserName} label={i18n.t("sign-in-user-name")} value={(*user).clone()} input_type="email" autocomplete="username" spellcheck_off=true width="input--wide"
                oninput={{ let u = user.clone(); Callback::from(move |v: String| u.set(v)) }} report={report.clone()} />
            <TextField field={Field::SessionPassword} label={i18n.t("password")} value={(*password).clone()} input_type="password" autocomplete="current-password"
                oninput={{ let p = password.clone(); Callback::from(move |v: String| p.set(v)) }} report={report.clone()} />
        </FormPage>
    }
}
