//! The *Business profile*: what the partner publishes (a description in each language it
//! chooses, industries, products and services, locations served, website and contact). For an
//! indirect provider, it is its listing in the directory indirect resellers search. Checked
//! with csp-core's rules as the user types after the first submit, and by the backend.

use crate::components::{event_value, Busy, TextField};
use crate::env::use_env;
use crate::form::{use_fetch, use_form, FetchFailed, FormPage};
use crate::i18n::{use_i18n, use_title, I18n};
use crate::route::Route;
use csp_core::business_profile::{check_profile, BusinessProfile, INDUSTRIES, SERVICES};
use csp_core::endpoint::{BUSINESS_PROFILE, PUBLISH_PROFILE};
use csp_core::{Field, Report};
use yew::prelude::*;

/// The countries typed as `FR, be ; CH`: each code, upper-case, in order.
pub fn parse_countries(text: &str) -> Vec<String> {
    text.split([',', ';', ' ', '，', '、'])
        .map(|c| c.trim().to_uppercase())
        .filter(|c| !c.is_empty())
        .collect()
}

fn error_of(i18n: &I18n, report: &Report, field: Field) -> Option<String> {
    report.for_field(field).map(|p| i18n.problem(field, p))
}

/// A list to choose from: its field, its legend's message, and its values, each labelled by
/// the message `<prefix><value>`.
#[derive(Clone, Copy)]
struct Choices {
    field: Field,
    legend: &'static str,
    prefix: &'static str,
    all: &'static [&'static str],
}

const INDUSTRY_CHOICES: Choices = Choices {
    field: Field::ProfileIndustries,
    legend: "profile-industries",
    prefix: "profile-industry-",
    all: INDUSTRIES,
};

const SERVICE_CHOICES: Choices = Choices {
    field: Field::ProfileServices,
    legend: "profile-services",
    prefix: "profile-service-",
    all: SERVICES,
};

/// A fieldset of checkboxes, one per value; the first box carries the field's id, where the
/// error summary's link lands.
fn checkboxes(
    i18n: &I18n,
    c: &Choices,
    chosen: &[String],
    report: &Report,
    toggle: Callback<&'static str>,
) -> Html {
    let Choices {
        field,
        legend,
        prefix,
        all,
    } = *c;
    let legend = i18n.t(legend);
    let id = field.dom_id();
    let error = error_of(i18n, report, field);
    html! {
        <div class={classes!("form-group", error.is_some().then_some("form-group--error"))}>
            <fieldset class="fieldset" aria-describedby={error.as_ref().map(|_| format!("{id}-error"))}>
                <legend class="legend">{ legend }</legend>
                if let Some(e) = &error { <p id={format!("{id}-error")} class="error-message"><span class="visually-hidden">{ i18n.t("error-prefix") }</span>{ e }</p> }
                <div class="checkboxes">
                { for all.iter().enumerate().map(|(i, v)| {
                    let box_id = if i == 0 { id.clone() } else { format!("{id}-{v}") };
                    let checked = chosen.iter().any(|c| c == v);
                    let onchange = {
                        let toggle = toggle.clone();
                        Callback::from(move |_: Event| toggle.emit(v))
                    };
                    html! {
                        <div class="checkbox">
                            <input class="checkbox-input" type="checkbox" id={box_id.clone()} name={id.clone()} value={*v} {checked} {onchange} />
                            <label class="checkbox-label" for={box_id}>{ i18n.t(&format!("{prefix}{v}")) }</label>
                        </div>
                    }
                }) }
                </div>
            </fieldset>
        </div>
    }
}

#[function_component]
pub fn BusinessProfilePage() -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let form = use_form();
    let heading = i18n.t("profile-heading");
    let (fetched, again) = {
        let api = env.api.clone();
        use_fetch((), move |_| {
            let api = api.clone();
            async move { api.call(&BUSINESS_PROFILE, &[], &()).await }
        })
    };
    // What the user has typed, once they have; until then the stored profile.
    let draft = use_state(|| None::<BusinessProfile>);
    let countries_text = use_state(|| None::<String>);
    let published = use_state(|| false);
    let current = (*draft).clone().or_else(|| match &*fetched {
        Some(Ok(p)) => Some(p.clone()),
        _ => None,
    });
    // The form page sets its own title.
    use_title(if current.is_none() { &heading } else { "" }, false);
    let Some(d) = current else {
        return html! {
            <div class="step">
                <h1 class="heading">{ heading }</h1>
                if let Some(Err(f)) = &*fetched {
                    <FetchFailed failure={f.clone()} retry={again} />
                } else {
                    <Busy label={i18n.t("loading")} />
                }
            </div>
        };
    };
    let text = (*countries_text)
        .clone()
        .unwrap_or_else(|| d.countries.join(", "));
    let with_countries = {
        let text = text.clone();
        move |d: &BusinessProfile| BusinessProfile {
            countries: parse_countries(&text),
            ..d.clone()
        }
    };
    let live = {
        let (d, ctx, with_countries) = (d.clone(), env.ctx.clone(), with_countries.clone());
        move || check_profile(&with_countries(&d), &ctx.countries)
    };
    let report = form.shown(live.clone());
    let onsubmit = {
        let (form, api, d, draft, published, countries_text) = (
            form.clone(),
            env.api.clone(),
            d.clone(),
            draft.clone(),
            published.clone(),
            countries_text.clone(),
        );
        Callback::from(move |_| {
            published.set(false);
            if !form.press(&live()) {
                return;
            }
            let req = with_countries(&d);
            let api = api.clone();
            let call = async move { api.call(&PUBLISH_PROFILE, &[], &req).await };
            let (draft, published, countries_text) =
                (draft.clone(), published.clone(), countries_text.clone());
            form.run(call, move |stored| {
                countries_text.set(None);
                draft.set(Some(stored));
                published.set(true);
            });
        })
    };
    let update = |f: fn(&mut BusinessProfile, String)| {
        let (draft, d) = (draft.clone(), d.clone());
        Callback::from(move |v: String| {
            let mut n = (*draft).clone().unwrap_or_else(|| d.clone());
            f(&mut n, v);
            draft.set(Some(n));
        })
    };
    let toggle = |f: fn(&mut BusinessProfile) -> &mut Vec<String>| {
        let (draft, d) = (draft.clone(), d.clone());
        Callback::from(move |v: &'static str| {
            let mut n = (*draft).clone().unwrap_or_else(|| d.clone());
            let list = f(&mut n);
            if list.iter().any(|x| x == v) {
                list.retain(|x| x != v);
            } else {
                list.push(v.to_string());
            }
            draft.set(Some(n));
        })
    };
    let descriptions_id = Field::ProfileDescriptions.dom_id();
    let descriptions_error = error_of(&i18n, &report, Field::ProfileDescriptions);
    let setters: [fn(&mut BusinessProfile, String); 4] = [
        |p, v| p.description_en = v,
        |p, v| p.description_ru = v,
        |p, v| p.description_zh_cn = v,
        |p, v| p.description_fr = v,
    ];
    let descriptions = html! {
        <div class={classes!("form-group", descriptions_error.is_some().then_some("form-group--error"))}>
            <fieldset class="fieldset" id={descriptions_id.clone()} tabindex="-1"
                aria-describedby={if descriptions_error.is_some() { format!("{descriptions_id}-hint {descriptions_id}-error") } else { format!("{descriptions_id}-hint") }}>
                <legend class="legend">{ i18n.t("profile-descriptions") }</legend>
                <div id={format!("{descriptions_id}-hint")} class="hint">{ i18n.t("profile-descriptions-hint") }</div>
                if let Some(e) = &descriptions_error { <p id={format!("{descriptions_id}-error")} class="error-message"><span class="visually-hidden">{ i18n.t("error-prefix") }</span>{ e }</p> }
                { for d.descriptions().into_iter().zip(setters).map(|((lang, field, text), set)| {
                    let id = field.dom_id();
                    let error = error_of(&i18n, &report, field);
                    let oninput = {
                        let cb = update(set);
                        Callback::from(move |e: InputEvent| cb.emit(event_value(&e)))
                    };
                    html! {
                        <div class={classes!("form-group", error.is_some().then_some("form-group--error"))}>
                            <label class="label" for={id.clone()}>{ i18n.t(&format!("profile-description-{lang}")) }</label>
                            if let Some(e) = &error { <p id={format!("{id}-error")} class="error-message"><span class="visually-hidden">{ i18n.t("error-prefix") }</span>{ e }</p> }
                            <textarea id={id.clone()} name={id.clone()} rows="4" lang={lang}
                                class={classes!("textarea", error.is_some().then_some("input--error"))}
                                aria-invalid={error.is_some().then_some("true")}
                                aria-describedby={error.as_ref().map(|_| format!("{id}-error"))}
                                value={text.to_string()} {oninput} />
                        </div>
                    }
                }) }
            </fieldset>
        </div>
    };
    let on_countries = {
        let countries_text = countries_text.clone();
        Callback::from(move |v: String| countries_text.set(Some(v)))
    };
    let not_yet = d.languages().is_empty() && !*published;
    html! {
        <FormPage heading={heading.clone()} form={form.clone()} report={report.clone()} {onsubmit}
            back={Route::Account} submit_label={i18n.t("profile-publish")}>
            if *published {
                <div class="notice" role="status"><p>{ i18n.t("profile-published") }</p></div>
            }
            <p>{ i18n.t("profile-intro") }</p>
            if not_yet { <p class="inset">{ i18n.t("profile-not-published") }</p> }
            { descriptions }
            { checkboxes(&i18n, &INDUSTRY_CHOICES, &d.industries, &report, toggle(|p| &mut p.industries)) }
            { checkboxes(&i18n, &SERVICE_CHOICES, &d.services, &report, toggle(|p| &mut p.services)) }
            <TextField field={Field::ProfileCountries} label={i18n.t("profile-countries")} hint={i18n.t("profile-countries-hint")}
                value={text.clone()} oninput={on_countries} report={report.clone()} spellcheck_off=true />
            <TextField field={Field::ProfileWebsite} label={i18n.t("profile-website")} value={d.website.clone()}
                input_type="url" autocomplete="url" oninput={update(|p, v| p.website = v)} report={report.clone()} spellcheck_off=true />
            <TextField field={Field::ProfileEmail} label={i18n.t("profile-email")} value={d.email.clone()}
                input_type="email" autocomplete="email" oninput={update(|p, v| p.email = v)} report={report.clone()} spellcheck_off=true />
            <TextField field={Field::ProfilePhone} label={i18n.t("profile-phone")} hint={i18n.t("profile-phone-hint")} value={d.phone.clone()}
                input_type="tel" autocomplete="tel" oninput={update(|p, v| p.phone = v)} report={report.clone()} />
        </FormPage>
    }
}
