//! Work account: sign in as global admin, or create a tenant. Its country is what the MPN
//! profile is checked against. The password stays in this page's memory only.

use super::step::{use_report, StepPage};
use crate::components::{use_country_options, RadioOption, Radios, SelectField, TextField};
use crate::env::use_env;
use crate::form::use_form;
use crate::i18n::use_i18n;
use crate::journey::{edit, go_next, use_journey};
use crate::route::Route;
use crate::router::use_navigator;
use csp_core::api::{CreatedTenant, SignIn};
use csp_core::endpoint::{CREATE_TENANT, WORK_ACCOUNT_SIGN_IN};
use csp_core::enrollment::{check_work_account, NewTenant, WorkAccountMode};
use csp_core::{Field, Report};
use yew::prelude::*;

#[function_component]
pub fn WorkAccountStep() -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let j = use_journey();
    let nav = use_navigator();
    let form = use_form();
    let password = use_state(String::new);
    // The account just created, with its admin password: page memory only, shown once.
    let created = use_state(|| None::<CreatedTenant>);
    let wa = j.draft.work_account.clone();
    let tenant = j.draft.tenant.clone();
    let country_options = use_country_options();

    let live = {
        let (wa, password, env, tenant) =
            (wa.clone(), (*password).clone(), env.clone(), tenant.clone());
        move || {
            if tenant.is_some() {
                return Report::default();
            }
            check_work_account(&wa, &password, &env.ctx)
        }
    };
    let report = form.shown(live.clone());

    let onsubmit = {
        let (j, nav, form, env, password, created) = (
            j.clone(),
            nav.clone(),
            form.clone(),
            env.clone(),
            password.clone(),
            created.clone(),
        );
        Callback::from(move |_| {
            if !form.press(&live()) {
                return;
            }
            if j.draft.tenant.is_some() {
                go_next(&nav, j.store(), &Route::WorkAccount);
                return;
            }
            let api = env.api.clone();
            let wa = j.draft.work_account.clone();
            let pw = (*password).clone();
            let call = async move {
                match wa.mode {
                    Some(WorkAccountMode::Create) => {
                        let c = api.call(&CREATE_TENANT, &[], &wa.new_tenant).await?;
                        Ok((c.session(), Some(c)))
                    }
                    _ => {
                        let req = SignIn {
                            user_name: wa.user_name.trim().into(),
                            password: pw,
                        };
                        let s = api.call(&WORK_ACCOUNT_SIGN_IN, &[], &req).await?;
                        Ok((s, None))
                    }
                }
            };
            let (j, nav, api, created) = (j.clone(), nav.clone(), env.api.clone(), created.clone());
            form.run(call, move |(session, made)| {
                api.set_applicant_csrf(&session.csrf_token);
                let t = session.tenant();
                j.dispatch(edit(move |d| {
                    if d.legal.address.country.is_empty() {
                        d.legal.address.country = t.country.clone();
                    }
                    d.tenant = Some(t);
                    d.profile = None;
                }));
                // A new account's admin password is shown once, here; otherwise go on.
                match made {
                    Some(c) => created.set(Some(c)),
                    None => go_next(&nav, j.store(), &Route::WorkAccount),
                }
            });
        })
    };

    let set = |f: fn(&mut NewTenant, String)| {
        let j = j.clone();
        Callback::from(move |v: String| {
            j.dispatch(edit(move |d| f(&mut d.work_account.new_tenant, v)))
        })
    };

    let body = if let (Some(c), Some(_)) = (&*created, &tenant) {
        html! {
            <div class="panel panel--confirmation" role="status">
                <h2 class="panel-title">{ i18n.t("work-account-created-heading") }</h2>
                <p class="inset warning"><strong>{ i18n.t("work-account-created-once") }</strong></p>
                <dl class="summary-list">
                    <div class="summary-row"><dt class="summary-key">{ i18n.t("user-added-sign-in-name") }</dt><dd class="summary-value"><code>{ &c.admin_user_name }</code></dd></div>
                    <div class="summary-row"><dt class="summary-key">{ i18n.t("user-added-password") }</dt><dd class="summary-value"><code>{ &c.admin_password }</code></dd></div>
                </dl>
            </div>
        }
    } else if let Some(t) = &tenant {
        let sign_out = {
            let j = j.clone();
            Callback::from(move |_| {
                j.dispatch(edit(|d| {
                    d.tenant = None;
                    d.profile = None;
                }))
            })
        };
        html! {
            <div class="panel" role="status">
                <p>{ i18n.ta("work-account-signed-in", &[("domain", &t.domain), ("country", &i18n.country(&t.country))]) }</p>
                <button type="button" class="link-button" onclick={sign_out}>{ i18n.t("work-account-use-another") }</button>
            </div>
        }
    } else {
        let on_mode = {
            let j = j.clone();
            Callback::from(move |v: String| {
                let m = if v == "create" {
                    WorkAccountMode::Create
                } else {
                    WorkAccountMode::SignIn
                };
                j.dispatch(edit(move |d| d.work_account.mode = Some(m)));
            })
        };
        let options = vec![
            RadioOption {
                value: "sign-in".into(),
                label: i18n.t("work-account-mode-sign-in"),
                hint: Some(i18n.t("work-account-mode-sign-in-hint")),
                disabled: false,
            },
            RadioOption {
                value: "create".into(),
                label: i18n.t("work-account-mode-create"),
                hint: Some(i18n.t("work-account-mode-create-hint")),
                disabled: false,
            },
        ];
        let mode = wa.mode.map(|m| {
            if m == WorkAccountMode::Create {
                "create".to_string()
            } else {
                "sign-in".to_string()
            }
        });
        html! {
            <>
            <Radios field={Field::WorkAccountMode} legend={i18n.t("work-account-mode-legend")} value={mode} {options} onchange={on_mode} report={report.clone()} />
            if wa.mode == Some(WorkAccountMode::SignIn) {
                <TextField field={Field::WorkAccountUserName} label={i18n.t("work-account-user-name")} hint={i18n.t("work-account-user-name-hint")}
                    value={wa.user_name.clone()} input_type="email" autocomplete="username" spellcheck_off=true width="input--wide"
                    oninput={{ let j = j.clone(); Callback::from(move |v: String| j.dispatch(edit(move |d| d.work_account.user_name = v))) }} report={report.clone()} />
                <TextField field={Field::WorkAccountPassword} label={i18n.t("password")} value={(*password).clone()} input_type="password" autocomplete="current-password"
                    oninput={{ let p = password.clone(); Callback::from(move |v: String| p.set(v)) }} report={report.clone()} />
            }
            if wa.mode == Some(WorkAccountMode::Create) {
                <TextField field={Field::TenantOrganization} label={i18n.t("tenant-organization")} value={wa.new_tenant.organization.clone()} autocomplete="organization" oninput={set(|t, v| t.organization = v)} report={report.clone()} />
                <TextField field={Field::TenantDomainPrefix} label={i18n.t("tenant-domain-prefix")} hint={i18n.ta("tenant-domain-prefix-hint", &[("domain", &format!("{}.onmicrosoft.com", if wa.new_tenant.domain_prefix.is_empty() { "contoso" } else { wa.new_tenant.domain_prefix.as_str() }))])}
                    value={wa.new_tenant.domain_prefix.clone()} spellcheck_off=true oninput={set(|t, v| t.domain_prefix = v)} report={report.clone()} />
                <SelectField field={Field::TenantCountry} label={i18n.t("tenant-country")} hint={i18n.t("tenant-country-hint")} value={wa.new_tenant.country.clone()} options={country_options}
                    placeholder={i18n.t("choose-country")} autocomplete="country" onchange={set(|t, v| t.country = v)} report={report.clone()} />
                <TextField field={Field::TenantAdminFirstName} label={i18n.t("first-name")} value={wa.new_tenant.admin_first_name.clone()} autocomplete="given-name" oninput={set(|t, v| t.admin_first_name = v)} report={report.clone()} />
                <TextField field={Field::TenantAdminLastName} label={i18n.t("last-name")} value={wa.new_tenant.admin_last_name.clone()} autocomplete="family-name" oninput={set(|t, v| t.admin_last_name = v)} report={report.clone()} />
                <TextField field={Field::TenantAdminEmail} label={i18n.t("tenant-admin-email")} value={wa.new_tenant.admin_email.clone()} input_type="email" autocomplete="email" spellcheck_off=true width="input--wide" oninput={set(|t, v| t.admin_email = v)} report={report.clone()} />
            }
            </>
        }
    };
    let shown = use_report(report.clone());
    html! {
        <StepPage route={Route::WorkAccount} heading={i18n.t("work-account-heading")} live={shown} form={form.clone()} {onsubmit}>
            <p>{ i18n.t("work-account-intro") }</p>
            { body }
        </StepPage>
    }
}
