//! **Add customer**: company name (errors and warnings), a domain prefix whose availability
//! is checked as the user types (debounced; an answer for an older prefix is never shown),
//! the customer admin's name and email (not the partner's domain nor the vendor's), country,
//! Latin-only address, registration ID and phone where the country needs them; then the
//! answers to check, and at the end the admin's one-time sign-in details.

use super::common::use_customers;
use crate::components::{phone_hint, AddressEdit, AddressForm, RegistrationField, TextField};
use crate::env::use_env;
use crate::form::{use_form, use_kept, FormPage};
use crate::i18n::use_i18n;
use crate::partner::use_my_partner;
use crate::route::Route;
use crate::router::use_navigator;
use crate::session::{use_session, SessionAction};
use csp_core::add_customer::{
    check_domain_prefix, check_new_customer, domain_prefix_availability, DomainPrefixAvailability,
    NewCustomer,
};
use csp_core::country::find;
use csp_core::endpoint::{ADD_CUSTOMER, DOMAIN_PREFIX};
use csp_core::field::CUSTOMER_ADDRESS;
use csp_core::Field;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// How long typing must pause before the availability check.
const DEBOUNCE_MS: u32 = 300;

#[derive(Properties, PartialEq)]
pub struct AddCustomerProps {
    /// A provider adding a customer on behalf of this indirect reseller.
    #[prop_or_default]
    pub reseller: Option<String>,
}

#[function_component]
pub fn AddCustomer(p: &AddCustomerProps) -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let session = use_session();
    let nav = use_navigator();
    let form = use_form();
    let me = use_my_partner();
    let reseller_id = p.reseller.clone();
    let c = use_kept(
        format!("add-customer:{}", reseller_id.as_deref().unwrap_or("")),
        || NewCustomer {
            reseller_id,
            ..NewCustomer::default()
        },
    );
    // For a provider: its resellers, to name the one the customer is added for.
    let (partners, _) = use_customers();
    let reseller_name = match (&*partners, &p.reseller) {
        (Some(Ok(l)), Some(id)) => l
            .list
            .partners
            .iter()
            .find(|x| csp_core::ids::same_id(&x.id, id))
            .map(|x| x.name.clone()),
        _ => None,
    };
    let caption = reseller_name
        .as_ref()
        .map(|n| AttrValue::from(i18n.ta("add-customer-for-reseller", &[("reseller", n)])));
    let checking_answers = use_state(|| false);
    let availability = use_state(|| None::<DomainPrefixAvailability>);
    let checking = use_state(|| false);
    // The prefix last asked about: an answer for any other is stale and dropped.
    let asked = use_mut_ref(|| None::<String>);
    {
        let (api, availability, checking, asked) = (
            env.api.clone(),
            availability.clone(),
            checking.clone(),
            asked.clone(),
        );
        use_effect_with(c.domain_prefix.clone(), move |raw| {
            let timer = check_domain_prefix(raw).ok().map(|prefix| {
                checking.set(true);
                let checking = checking.clone();
                gloo::timers::callback::Timeout::new(DEBOUNCE_MS, move || {
                    *asked.borrow_mut() = Some(prefix.clone());
                    ask(api, prefix, availability, checking, asked);
                })
            });
            if timer.is_none() {
                checking.set(false);
            }
            move || drop(timer)
        });
    }
    let set = |f: fn(&mut NewCustomer, String)| {
        let c = c.clone();
        Callback::from(move |v: String| {
            let mut n = (*c).clone();
            f(&mut n, v);
            c.set(n);
        })
    };
    let edit_address = {
        let c = c.clone();
        Callback::from(move |(f, v): AddressEdit| {
            let mut n = (*c).clone();
            f(&mut n.address, v);
            c.set(n);
        })
    };
    let domains: Vec<String> = match &*me {
        Some(Ok(m)) => m.domains.clone(),
        _ => vec![],
    };
    let live = {
        let (c, env, availability) = (c.clone(), env.clone(), availability.clone());
        move || {
            let d: Vec<&str> = domains.iter().map(String::as_str).collect();
            let mut r = check_new_customer(&c, &d, &env.ctx);
            if let Some(Err(p)) =
                domain_prefix_availability(&c.domain_prefix, availability.as_ref())
            {
                r.add(Field::CustomerDomainPrefix, p);
            }
            r
        }
    };
    let report = form.shown_with_warnings(live.clone());
    let onsubmit = {
        let (form, checking_answers, c, api, session, nav) = (
            form.clone(),
            checking_answers.clone(),
            c.clone(),
            env.api.clone(),
            session.clone(),
            nav.clone(),
        );
        Callback::from(move |_| {
            if !*checking_answers {
                if form.press(&live()) {
                    form.reset();
                    checking_answers.set(true);
                }
                return;
            }
            form.press(&csp_core::Report::default());
            let (api, body) = (api.clone(), (*c).clone());
            let call = async move { api.call(&ADD_CUSTOMER, &[], &body).await };
            let (session, nav, back) = (session.clone(), nav.clone(), checking_answers.clone());
            let form2 = form.clone();
            form.run_or(
                call,
                move |created| {
                    session.dispatch(SessionAction::CreatedCustomer(Some(created)));
                    nav.push(&Route::CustomerAdded);
                },
                // A refused field (a prefix taken meanwhile) goes back to the form, kept.
                move |fields| {
                    back.set(false);
                    form2.server.set(fields);
                },
            );
        })
    };
    let rules = find(&env.ctx.countries, &c.address.country).cloned();
    let optional = |id: &str, required: bool| {
        if required {
            i18n.t(id)
        } else {
            format!("{} {}", i18n.t(id), i18n.t("optional"))
        }
    };
    if *checking_answers {
        let change = {
            let checking_answers = checking_answers.clone();
            Callback::from(move |_| checking_answers.set(false))
        };
        let row = |k: String, v: String| {
            html! {
                <div class="summary-row">
                    <dt class="summary-key">{ k }</dt><dd class="summary-value">{ v }</dd>
                    <dd class="summary-actions"><button type="button" class="link-button" onclick={change.clone()}>{ i18n.t("change") }</button></dd>
                </div>
            }
        };
        let a = &c.address;
        let address = [&a.line1, &a.line2, &a.city, &a.state, &a.postal_code]
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", ");
        return html! {
            <FormPage heading={i18n.t("add-customer-check-heading")} form={form.clone()} report={report.clone()} {onsubmit} caption={caption.clone()}
                submit_label={i18n.t("add-customer-submit")} busy_label={i18n.t("add-customer-adding")}>
                <dl class="summary-list">
                    if let Some(n) = &reseller_name { { row(i18n.t("add-customer-reseller"), n.clone()) } }
                    { row(i18n.t("add-customer-company-name"), c.company_name.trim().into()) }
                    { row(i18n.t("add-customer-domain-prefix"), format!("{}.onmicrosoft.com", c.domain_prefix.trim().to_ascii_lowercase())) }
                    { row(i18n.t("check-name"), format!("{} {}", c.admin_first_name.trim(), c.admin_last_name.trim())) }
                    { row(i18n.t("add-customer-admin-email"), c.admin_email.trim().into()) }
                    { row(i18n.t("country"), i18n.country(&a.country)) }
                    { row(i18n.t("check-address"), address) }
                    if !c.registration_id.trim().is_empty() { { row(i18n.t("check-registration-id"), c.registration_id.trim().into()) } }
                    if !c.phone.trim().is_empty() { { row(i18n.t("phone"), c.phone.trim().into()) } }
                </dl>
            </FormPage>
        };
    }
    let phone_required = rules.as_ref().is_some_and(|r| r.phone_required);
    let prefix = check_domain_prefix(&c.domain_prefix).ok();
    let domain = format!(
        "{}.onmicrosoft.com",
        prefix.clone().unwrap_or_else(|| "…".into())
    );
    // The availability answer is shown as it arrives, taken or not, before any Continue.
    let status = match domain_prefix_availability(&c.domain_prefix, availability.as_ref()) {
        _ if *checking => Some(i18n.t("add-customer-domain-checking")),
        Some(Ok(())) => Some(i18n.ta("add-customer-domain-available", &[("domain", &domain)])),
        Some(Err(taken)) => Some(i18n.problem(Field::CustomerDomainPrefix, &taken)),
        None => None,
    };
    html! {
        <FormPage heading={i18n.t("add-customer-heading")} form={form.clone()} report={report.clone()} {onsubmit} caption={caption.clone()}
            back={if p.reseller.is_some() { Route::IndirectResellers } else { Route::Customers }}>
            <h2 class="heading-m">{ i18n.t("add-customer-company-section") }</h2>
            <TextField field={Field::CustomerCompanyName} label={i18n.t("add-customer-company-name")} value={c.company_name.clone()} autocomplete="off" width="input--wide"
                oninput={set(|n, v| n.company_name = v)} report={report.clone()} />
            <TextField field={Field::CustomerDomainPrefix} label={i18n.t("add-customer-domain-prefix")} hint={i18n.ta("add-customer-domain-prefix-hint", &[("domain", &domain)])}
                value={c.domain_prefix.clone()} autocomplete="off" spellcheck_off=true
                oninput={set(|n, v| n.domain_prefix = v)} report={report.clone()} />
            <p class="hint" role="status" aria-live="polite">{ status.unwrap_or_default() }</p>
            <h2 class="heading-m">{ i18n.t("add-customer-admin-section") }</h2>
            <TextField field={Field::CustomerAdminFirstName} label={i18n.t("first-name")} value={c.admin_first_name.clone()} autocomplete="off"
                oninput={set(|n, v| n.admin_first_name = v)} report={report.clone()} />
            <TextField field={Field::CustomerAdminLastName} label={i18n.t("last-name")} value={c.admin_last_name.clone()} autocomplete="off"
                oninput={set(|n, v| n.admin_last_name = v)} report={report.clone()} />
            <TextField field={Field::CustomerAdminEmail} label={i18n.t("add-customer-admin-email")} hint={i18n.t("add-customer-admin-email-hint")} value={c.admin_email.clone()}
                input_type="email" autocomplete="off" spellcheck_off=true width="input--wide"
                oninput={set(|n, v| n.admin_email = v)} report={report.clone()} />
            <h2 class="heading-m">{ i18n.t("add-customer-address-section") }</h2>
            <p class="hint">{ i18n.t("legal-latin-note") }</p>
            <AddressForm fields={&CUSTOMER_ADDRESS} address={c.address.clone()} onedit={edit_address} report={report.clone()} />
            <RegistrationField field={Field::CustomerRegistrationId} country={c.address.country.clone()} value={c.registration_id.clone()}
                oninput={set(|n, v| n.registration_id = v)} report={report.clone()} />
            <TextField field={Field::CustomerPhone} label={optional("phone", phone_required)} hint={phone_hint(&i18n, rules.as_ref().map(|r| r.calling_code.as_str()))}
                value={c.phone.clone()} input_type="tel" autocomplete="off"
                oninput={set(|n, v| n.phone = v)} report={report.clone()} />
        </FormPage>
    }
}

/// Asks whether `prefix` is free; keeps the answer only while it is still the prefix asked.
fn ask(
    api: crate::api::Api,
    prefix: String,
    availability: UseStateHandle<Option<DomainPrefixAvailability>>,
    checking: UseStateHandle<bool>,
    asked: Rc<RefCell<Option<String>>>,
) {
    wasm_bindgen_futures::spawn_local(async move {
        let answer = api.call(&DOMAIN_PREFIX, &[&prefix], &()).await;
        if asked.borrow().as_deref() != Some(prefix.as_str()) {
            return;
        }
        if let Ok(a) = answer {
            availability.set(Some(a));
        }
        checking.set(false);
    });
}
