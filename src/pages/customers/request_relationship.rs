//! **Request a reseller relationship**: the access asked for (GDAP: a name unique among the
//! partner's requests, 1–730 days, admin roles from the list with none preselected,
//! auto-extend; or no admin access), then the drafted email with the personalized link.

use super::common::{request_link, role_label};
use crate::components::{RadioOption, Radios, TextField};
use crate::env::use_env;
use crate::form::{use_form, use_kept, FormPage};
use crate::i18n::use_i18n;
use crate::invitation::{letter, InvitationDraft};
use crate::partner::use_my_partner;
use crate::route::Route;
use csp_core::endpoint::{RELATIONSHIP_REQUESTS, REQUEST_RELATIONSHIP};
use csp_core::relationship::{
    check_new_request, NewRelationshipRequest, RelationshipRequest, ADMIN_ROLES,
};
use csp_core::Field;
use yew::prelude::*;

#[function_component]
pub fn RequestRelationship() -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let form = use_form();
    let me = use_my_partner();
    let req = use_kept(
        "request-relationship".into(),
        NewRelationshipRequest::default,
    );
    let duration = use_kept("request-relationship:days".into(), || {
        req.duration_days.to_string()
    });
    // The drafted email too: a reload on it still shows the request's link.
    let sent = use_kept("request-relationship:sent".into(), || {
        None::<RelationshipRequest>
    });
    let existing = {
        let api = env.api.clone();
        crate::form::use_fetch((), move |_| {
            let api = api.clone();
            async move { api.all(&RELATIONSHIP_REQUESTS).await }
        })
        .0
    };
    let base = crate::invitation::use_customer_base();
    if let (Some(r), Some(Ok(m)), Some(base)) = (&*sent, &*me, &base) {
        let link = request_link(base, &m.partner.id, r);
        let partner = m.partner.name.as_str();
        let mut asks = vec![i18n.ta("customers-invite-email-body", &[("partner", partner)])];
        if r.admin_access {
            asks.push(i18n.ta(
                "customers-invite-email-admin",
                &[("days", &r.duration_days.to_string())],
            ));
        }
        asks.push(i18n.t("customers-invite-email-action"));
        let subject = i18n.ta("customers-invite-email-subject", &[("partner", partner)]);
        let d = letter(&i18n, &link, partner, subject, asks);
        return html! { <InvitationDraft draft={d} done={Route::RelationshipRequests} /> };
    }
    let names: Vec<String> = match &*existing {
        Some(Ok(list)) => list
            .iter()
            .filter(|r| r.admin_access)
            .map(|r| r.name.clone())
            .collect(),
        _ => vec![],
    };
    let shown_req = {
        let mut r = (*req).clone();
        // Not a number: out of range for the rule (the text stays as typed).
        r.duration_days = duration.trim().parse().unwrap_or(0);
        r
    };
    let live = {
        let r = shown_req.clone();
        move || {
            let n: Vec<&str> = names.iter().map(String::as_str).collect();
            check_new_request(&r, &n, ADMIN_ROLES)
        }
    };
    let report = form.shown(live.clone());
    let onsubmit = {
        let (form, api, sent, r) = (
            form.clone(),
            env.api.clone(),
            sent.clone(),
            shown_req.clone(),
        );
        Callback::from(move |_| {
            if form.press(&live()) {
                let (api, r) = (api.clone(), r.clone());
                let call = async move { api.call(&REQUEST_RELATIONSHIP, &[], &r).await };
                let sent = sent.clone();
                form.run(call, move |r| sent.set(Some(r)));
            }
        })
    };
    let update = |f: fn(&mut NewRelationshipRequest, String)| {
        let req = req.clone();
        Callback::from(move |v: String| {
            let mut n = (*req).clone();
            f(&mut n, v);
            req.set(n);
        })
    };
    let access = req
        .admin_access
        .map(|a| if a { "yes" } else { "no" }.to_string());
    let options = vec![
        RadioOption {
            value: "yes".into(),
            label: i18n.t("relationship-admin-yes"),
            hint: Some(i18n.t("relationship-admin-yes-hint")),
            disabled: false,
        },
        RadioOption {
            value: "no".into(),
            label: i18n.t("relationship-admin-no"),
            hint: None,
            disabled: false,
        },
    ];
    let roles_id = Field::RelationshipRoles.dom_id();
    let roles_error = report
        .for_field(Field::RelationshipRoles)
        .map(|p| i18n.problem(Field::RelationshipRoles, p));
    let gdap = (req.admin_access == Some(true)).then(|| html! {
        <>
            <TextField field={Field::RelationshipName} label={i18n.t("relationship-name")} hint={i18n.t("relationship-name-hint")} value={req.name.clone()} autocomplete="off" width="input--wide"
                oninput={update(|n, v| n.name = v)} report={report.clone()} />
            <TextField field={Field::RelationshipDurationDays} label={i18n.t("relationship-duration")} hint={i18n.t("relationship-duration-hint")} value={(*duration).clone()}
                inputmode="numeric" width="input--short" autocomplete="off"
                oninput={{ let d = duration.clone(); Callback::from(move |v: String| d.set(v)) }} report={report.clone()} />
            <div class={classes!("form-group", roles_error.is_some().then_some("form-group--error"))}>
                <fieldset class="fieldset" aria-describedby={format!("{roles_id}-hint")}>
                    <legend class="legend">{ i18n.t("relationship-roles") }</legend>
                    <div id={format!("{roles_id}-hint")} class="hint">{ i18n.t("relationship-roles-hint") }</div>
                    if let Some(e) = &roles_error { <p class="error-message"><span class="visually-hidden">{ i18n.t("error-prefix") }</span>{ e }</p> }
                    <div class="checkboxes">
                    { for ADMIN_ROLES.iter().enumerate().map(|(i, role)| {
                        let id = if i == 0 { roles_id.clone() } else { format!("{roles_id}-{}", i + 1) };
                        let checked = req.roles.iter().any(|r| r == role);
                        let onchange = {
                            let req = req.clone();
                            Callback::from(move |_: Event| {
                                let mut n = (*req).clone();
                                if n.roles.iter().any(|r| r == role) {
                                    n.roles.retain(|r| r != role);
                                } else {
                                    n.roles.push(role.to_string());
                                }
                                req.set(n);
                            })
                        };
                        html! {
                            <div class="checkbox">
                                <input class="checkbox-input" type="checkbox" id={id.clone()} name={roles_id.clone()} value={*role} {checked} {onchange} />
                                <label class="checkbox-label" for={id}>{ role_label(&i18n, role) }</label>
                            </div>
                        }
                    }) }
                    </div>
                </fieldset>
            </div>
            <Radios field={Field::RelationshipAutoExtend} legend={i18n.t("relationship-auto-extend")} hint={i18n.t("relationship-auto-extend-hint")}
                value={Some(if req.auto_extend { "yes" } else { "no" }.to_string())}
                options={vec![
                    RadioOption { value: "no".into(), label: i18n.t("relationship-auto-extend-no"), hint: None, disabled: false },
                    RadioOption { value: "yes".into(), label: i18n.t("relationship-auto-extend-yes"), hint: None, disabled: false },
                ]}
                onchange={update(|n, v| n.auto_extend = v == "yes")} report={report.clone()} />
        </>
    });
    html! {
        <FormPage heading={i18n.t("relationship-heading")} form={form.clone()} report={report.clone()} {onsubmit} back={Route::Customers}>
            <Radios field={Field::RelationshipAdminAccess} legend={i18n.t("relationship-admin-legend")} value={access} {options}
                onchange={update(|n, v| n.admin_access = Some(v == "yes"))} report={report.clone()} />
            { for gdap }
        </FormPage>
    }
}
