//! Form building blocks with the GOV.UK behaviours: labels on every control, inline errors
//! tied by `aria-describedby`, an error summary that takes focus and links to each field.

use crate::env::use_env;
use crate::i18n::{use_i18n, I18n};
use crate::route::Route;
use crate::router::{use_navigator, Link};
use csp_core::address::Address;
use csp_core::country::find;
use csp_core::field::AddressFields;
use csp_core::registration::RegistrationId;
use csp_core::{Field, Report};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Reads an input's, select's or textarea's value from its event.
pub fn event_value(e: &Event) -> String {
    let t = e.target();
    if let Some(i) = t
        .as_ref()
        .and_then(|t| t.dyn_ref::<web_sys::HtmlInputElement>())
    {
        return i.value();
    }
    if let Some(s) = t
        .as_ref()
        .and_then(|t| t.dyn_ref::<web_sys::HtmlSelectElement>())
    {
        return s.value();
    }
    if let Some(a) = t
        .as_ref()
        .and_then(|t| t.dyn_ref::<web_sys::HtmlTextAreaElement>())
    {
        return a.value();
    }
    String::new()
}

/// Moves focus to the element with `id` (summary links; anchors alone only scroll).
pub fn focus_id(id: &str) {
    if let Some(el) = gloo::utils::document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Callbacks for a form's parts, each made once and then handed out again: a child whose
/// other props are unchanged is then not rendered again, so a keystroke re-renders only the
/// field typed in. Keyed by the address of the function that writes the field's
/// value (one closure literal is one function).
#[derive(Default)]
pub struct Callbacks(Vec<(usize, Callback<String>)>);

impl Callbacks {
    pub fn of(&mut self, key: usize, make: impl FnOnce() -> Callback<String>) -> Callback<String> {
        if let Some((_, cb)) = self.0.iter().find(|(k, _)| *k == key) {
            return cb.clone();
        }
        let cb = make();
        self.0.push((key, cb.clone()));
        cb
    }
}

#[derive(Properties, Clone)]
pub struct TextFieldProps {
    pub field: Field,
    pub label: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// What the input shows and whom it tells of typing; a draft's input (`DraftText`)
    /// supplies both.
    #[prop_or_default]
    pub value: AttrValue,
    #[prop_or_default]
    pub oninput: Callback<String>,
    #[prop_or_default]
    pub report: Report,
    #[prop_or("text".into())]
    pub input_type: AttrValue,
    #[prop_or_default]
    pub autocomplete: Option<AttrValue>,
    #[prop_or_default]
    pub inputmode: Option<AttrValue>,
    #[prop_or_default]
    pub spellcheck_off: bool,
    #[prop_or_default]
    pub width: Option<AttrValue>,
}

/// A field shows only its own problem from the page's report: another field's error coming or
/// going leaves it as it is, not rendered again (re-validating as the user types
/// renders the field whose message changes and the error summary, not the whole form). Every
/// other prop is compared as it is.
impl PartialEq for TextFieldProps {
    fn eq(&self, o: &Self) -> bool {
        // Destructured, so that a prop added to the struct can't be left out here.
        let TextFieldProps {
            field,
            label,
            hint,
            value,
            oninput,
            report,
            input_type,
            autocomplete,
            inputmode,
            spellcheck_off,
            width,
        } = self;
        *field == o.field
            && report.for_field(*field) == o.report.for_field(o.field)
            && (label, hint, value, oninput) == (&o.label, &o.hint, &o.value, &o.oninput)
            && (input_type, autocomplete, inputmode)
                == (&o.input_type, &o.autocomplete, &o.inputmode)
            && (spellcheck_off, width) == (&o.spellcheck_off, &o.width)
    }
}

/// What a labelled control shows around itself: its messages and `aria-describedby`.
struct FieldText {
    id: String,
    error: Option<String>,
    warning: Option<String>,
    described_by: Option<String>,
}

impl FieldText {
    fn new(i18n: &I18n, field: Field, has_hint: bool, report: &Report) -> Self {
        let id = field.dom_id();
        let problem = report.for_field(field);
        let error = problem
            .filter(|pr| !pr.is_warning())
            .map(|pr| i18n.problem(field, pr));
        let warning = problem
            .filter(|pr| pr.is_warning())
            .map(|pr| i18n.problem(field, pr));
        let ids: Vec<String> = [
            (has_hint, "hint"),
            (error.is_some(), "error"),
            (warning.is_some(), "warning"),
        ]
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, suffix)| format!("{id}-{suffix}"))
        .collect();
        let described_by = (!ids.is_empty()).then(|| ids.join(" "));
        FieldText {
            id,
            error,
            warning,
            described_by,
        }
    }

    /// The label, hint and error above the control, a warning below it.
    fn frame(
        &self,
        i18n: &I18n,
        label: &AttrValue,
        hint: &Option<AttrValue>,
        control: Html,
    ) -> Html {
        let id = &self.id;
        html! {
            <div class={classes!("form-group", self.error.is_some().then_some("form-group--error"))}>
                <label class="label" for={id.clone()}>{ label }</label>
                if let Some(h) = hint { <div id={format!("{id}-hint")} class="hint">{ h }</div> }
                if let Some(e) = &self.error { <p id={format!("{id}-error")} class="error-message"><span class="visually-hidden">{ i18n.t("error-prefix") }</span>{ e }</p> }
                { control }
                if let Some(w) = &self.warning { <p id={format!("{id}-warning")} class="warning-message" role="status">{ w }</p> }
            </div>
        }
    }
}

/// A labelled text input with its inline error or warning.
#[function_component]
pub fn TextField(p: &TextFieldProps) -> Html {
    let i18n = use_i18n();
    text_field(&i18n, p, |attrs| {
        text_input(&attrs, p.value.clone(), p.oninput.clone())
    })
}

/// What a text field's `<input>` carries besides its value: made by the field's frame.
#[derive(Clone, PartialEq)]
pub struct InputAttrs {
    id: AttrValue,
    class: Classes,
    input_type: AttrValue,
    autocomplete: Option<AttrValue>,
    inputmode: Option<AttrValue>,
    spellcheck_off: bool,
    invalid: bool,
    described_by: Option<AttrValue>,
}

/// A text field's label, hint and messages around the `<input>` that `input` makes from its
/// attributes: `TextField`'s, or one that reads its value itself (so that typing renders the
/// input alone, not the frame around it).
pub fn text_field(i18n: &I18n, p: &TextFieldProps, input: impl FnOnce(InputAttrs) -> Html) -> Html {
    let f = FieldText::new(i18n, p.field, p.hint.is_some(), &p.report);
    let attrs = InputAttrs {
        id: f.id.clone().into(),
        class: classes!(
            "input",
            p.width.clone(),
            f.error.is_some().then_some("input--error")
        ),
        input_type: p.input_type.clone(),
        autocomplete: p.autocomplete.clone(),
        inputmode: p.inputmode.clone(),
        spellcheck_off: p.spellcheck_off,
        invalid: f.error.is_some(),
        described_by: f.described_by.clone().map(AttrValue::from),
    };
    f.frame(i18n, &p.label, &p.hint, input(attrs))
}

/// The `<input>` of a text field.
pub fn text_input(a: &InputAttrs, value: AttrValue, oninput: Callback<String>) -> Html {
    let oninput = Callback::from(move |e: InputEvent| oninput.emit(event_value(&e)));
    html! {
        <input
            id={a.id.clone()} name={a.id.clone()}
            class={a.class.clone()}
            type={a.input_type.clone()}
            {value}
            {oninput}
            autocomplete={a.autocomplete.clone()}
            inputmode={a.inputmode.clone()}
            spellcheck={a.spellcheck_off.then_some("false")}
            aria-invalid={a.invalid.then_some("true")}
            aria-describedby={a.described_by.clone()}
        />
    }
}

#[derive(Properties, PartialEq)]
pub struct SelectFieldProps {
    pub field: Field,
    pub label: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    pub value: AttrValue,
    /// (value, text); an empty first option ("Choose ...") is added. Shared, as
    /// [`use_country_options`] makes it: a re-render neither copies nor compares the list.
    pub options: std::rc::Rc<Vec<(String, String)>>,
    pub placeholder: AttrValue,
    pub onchange: Callback<String>,
    #[prop_or_default]
    pub report: Report,
    #[prop_or_default]
    pub autocomplete: Option<AttrValue>,
}

/// One edit of an address: which part, and its new text. A function rather than a whole
/// address, so that two quick edits never overwrite each other with a stale copy.
pub type AddressEdit = (fn(&mut Address, String), String);

#[derive(Properties, PartialEq)]
pub struct AddressFormProps {
    /// Where each part's errors land (the legal profile's or the customer's fields).
    pub fields: &'static AddressFields,
    pub address: Address,
    pub onedit: Callback<AddressEdit>,
    pub report: Report,
    /// Browser autofill tokens: right for the partner's own address, wrong for a customer's.
    #[prop_or_default]
    pub autofill: bool,
}

/// The `(code, name)` choice of every country the rules know, sorted by name in the shown
/// language. Made once per language and country table: the sort through the browser's
/// `Intl.DisplayNames` is too slow to run again at every keystroke on a phone.
#[hook]
pub fn use_country_options() -> std::rc::Rc<Vec<(String, String)>> {
    let (i18n, env) = (use_i18n(), use_env());
    let key = (i18n.locale, std::rc::Rc::as_ptr(&env.ctx) as usize);
    use_memo(key, move |_| {
        i18n.countries(env.ctx.countries.iter().map(|c| c.code.clone()))
    })
}

/// The country-driven address form: the chosen country decides which parts are required
/// and the postal-code example (the same rules `csp_core::address::check_address` applies).
#[function_component]
pub fn AddressForm(p: &AddressFormProps) -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let a = &p.address;
    let rules = find(&env.ctx.countries, &a.country);
    let label = |id: &str, required: bool| {
        if required {
            i18n.t(id)
        } else {
            format!("{} {}", i18n.t(id), i18n.t("optional"))
        }
    };
    let auto =
        |token: &'static str| Some(AttrValue::Static(if p.autofill { token } else { "off" }));
    // One callback a part, made again only when `onedit` changes: a keystroke re-renders the
    // part typed in, not the others.
    let made = use_mut_ref(|| (p.onedit.clone(), Callbacks::default()));
    if made.borrow().0 != p.onedit {
        *made.borrow_mut() = (p.onedit.clone(), Callbacks::default());
    }
    let edit = |f: fn(&mut Address, String)| {
        let onedit = &p.onedit;
        made.borrow_mut()
            .1
            .of(f as usize, || onedit.reform(move |v| (f, v)))
    };
    let countries = use_country_options();
    let postal_hint = rules
        .and_then(|r| r.postal_code_example.as_deref())
        .map(|ex| i18n.ta("postal-code-hint", &[("example", ex)]));
    let (f, report) = (p.fields, &p.report);
    html! {
        <>
            <SelectField field={f.country} label={i18n.t("country")} value={a.country.clone()} options={countries} placeholder={i18n.t("choose-country")}
                autocomplete={auto("country")} onchange={edit(|a, v| a.country = v)} report={report.clone()} />
            <TextField field={f.line1} label={i18n.t("address-line1")} value={a.line1.clone()} autocomplete={auto("address-line1")} width="input--wide"
                oninput={edit(|a, v| a.line1 = v)} report={report.clone()} />
            <TextField field={f.line2} label={label("address-line2", false)} value={a.line2.clone()} autocomplete={auto("address-line2")} width="input--wide"
                oninput={edit(|a, v| a.line2 = v)} report={report.clone()} />
            <TextField field={f.city} label={label("address-city", rules.is_none_or(|r| r.city_required))} value={a.city.clone()} autocomplete={auto("address-level2")}
                oninput={edit(|a, v| a.city = v)} report={report.clone()} />
            <TextField field={f.state} label={label("address-state", rules.is_some_and(|r| r.state_required))} value={a.state.clone()} autocomplete={auto("address-level1")}
                oninput={edit(|a, v| a.state = v)} report={report.clone()} />
            <TextField field={f.postal_code} label={label("address-postal-code", rules.is_none_or(|r| r.postal_code_required))} hint={postal_hint}
                value={a.postal_code.clone()} autocomplete={auto("postal-code")} spellcheck_off=true width="input--short"
                oninput={edit(|a, v| a.postal_code = v)} report={report.clone()} />
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct RegistrationFieldProps {
    pub field: Field,
    /// The country whose registration ID is asked for; nothing is shown if it needs none.
    pub country: AttrValue,
    pub value: AttrValue,
    pub oninput: Callback<String>,
    pub report: Report,
}

/// The company registration ID the chosen country requires (INN, USCC), if any.
#[function_component]
pub fn RegistrationField(p: &RegistrationFieldProps) -> Html {
    let i18n = use_i18n();
    let env = use_env();
    let Some(kind) = find(&env.ctx.countries, &p.country).and_then(|r| r.registration_id) else {
        return html! {};
    };
    let id = match kind {
        RegistrationId::Inn => "registration-inn",
        RegistrationId::Uscc => "registration-uscc",
    };
    html! {
        <TextField field={p.field} label={i18n.t(id)} hint={i18n.t(&format!("{id}-hint"))} value={p.value.clone()}
            spellcheck_off=true oninput={p.oninput.clone()} report={p.report.clone()} />
    }
}

#[derive(Properties, PartialEq)]
pub struct DataTableProps {
    /// The table's name for screen readers (the page heading shows it).
    pub caption: AttrValue,
    pub columns: Vec<String>,
    /// The heading of a last column of row actions, for screen readers only.
    #[prop_or_default]
    pub actions: Option<String>,
    #[prop_or_default]
    pub class: Classes,
    pub children: Html,
}

/// A table of rows (the rows are the children); on a narrow screen each cell shows its
/// column as `data-label`.
#[function_component]
pub fn DataTable(p: &DataTableProps) -> Html {
    html! {
        <table class={classes!("role-table", p.class.clone())}>
            <caption class="visually-hidden">{ &p.caption }</caption>
            <thead><tr>
                { for p.columns.iter().map(|c| html! { <th scope="col">{ c }</th> }) }
                if let Some(a) = &p.actions { <th scope="col"><span class="visually-hidden">{ a }</span></th> }
            </tr></thead>
            <tbody>{ p.children.clone() }</tbody>
        </table>
    }
}

#[derive(Properties, PartialEq)]
pub struct RowLinkProps {
    pub to: Route,
    pub label: AttrValue,
    /// What the row is about, so that each link's name is unique ("Edit (Anna Li)").
    pub subject: AttrValue,
}

/// A row's action link.
#[function_component]
pub fn RowLink(p: &RowLinkProps) -> Html {
    html! {
        <Link to={p.to.clone()}>{ &p.label }<span class="visually-hidden">{ format!(" ({})", p.subject) }</span></Link>
    }
}

/// A labelled select with its inline error.
#[function_component]
pub fn SelectField(p: &SelectFieldProps) -> Html {
    let i18n = use_i18n();
    let f = FieldText::new(&i18n, p.field, p.hint.is_some(), &p.report);
    let onchange = {
        let cb = p.onchange.clone();
        Callback::from(move |e: Event| cb.emit(event_value(&e)))
    };
    let control = html! {
        <select id={f.id.clone()} name={f.id.clone()} class="select" {onchange} autocomplete={p.autocomplete.clone()}
            aria-invalid={f.error.is_some().then_some("true")}
            aria-describedby={f.described_by.clone()}>
            <option value="" selected={p.value.is_empty()}>{ &p.placeholder }</option>
            { for p.options.iter().map(|(v, t)| html! { <option value={v.clone()} selected={*v == *p.value}>{ t }</option> }) }
        </select>
    };
    f.frame(&i18n, &p.label, &p.hint, control)
}

#[derive(Clone, PartialEq)]
pub struct RadioOption {
    pub value: String,
    pub label: String,
    pub hint: Option<String>,
    pub disabled: bool,
}

#[derive(Properties, PartialEq)]
pub struct RadiosProps {
    pub field: Field,
    pub legend: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    pub value: Option<String>,
    pub options: Vec<RadioOption>,
    pub onchange: Callback<String>,
    #[prop_or_default]
    pub report: Report,
}

/// A fieldset of radios. The field's id (what summary links focus) goes to the first radio
/// that can be chosen: focus can't land on a disabled one.
#[function_component]
pub fn Radios(p: &RadiosProps) -> Html {
    let i18n = use_i18n();
    let id = p.field.dom_id();
    let first = p.options.iter().position(|o| !o.disabled).unwrap_or(0);
    let error = p
        .report
        .for_field(p.field)
        .filter(|pr| !pr.is_warning())
        .map(|pr| i18n.problem(p.field, pr));
    let err_id = format!("{id}-error");
    html! {
        <div class={classes!("form-group", error.is_some().then_some("form-group--error"))}>
            <fieldset class="fieldset" aria-describedby={error.as_ref().map(|_| err_id.clone())}>
                <legend class="legend">{ &p.legend }</legend>
                if let Some(h) = &p.hint { <div class="hint">{ h }</div> }
                if let Some(e) = &error { <p id={err_id.clone()} class="error-message"><span class="visually-hidden">{ i18n.t("error-prefix") }</span>{ e }</p> }
                <div class="radios">
                { for p.options.iter().enumerate().map(|(i, o)| {
                    let rid = if i == first { id.clone() } else { format!("{id}-{}", i + 1) };
                    let hint_id = format!("{rid}-hint");
                    let cb = p.onchange.clone();
                    let v = o.value.clone();
                    html! {
                        <div class={classes!("radio", o.disabled.then_some("radio--disabled"))}>
                            <input class="radio-input" type="radio" id={rid.clone()} name={id.clone()} value={o.value.clone()}
                                checked={p.value.as_deref() == Some(o.value.as_str())}
                                disabled={o.disabled}
                                aria-describedby={o.hint.as_ref().map(|_| hint_id.clone())}
                                onchange={Callback::from(move |_| cb.emit(v.clone()))} />
                            <label class="radio-label" for={rid}>{ &o.label }</label>
                            if let Some(h) = &o.hint { <div id={hint_id} class="hint radio-hint">{ h }</div> }
                        </div>
                    }
                }) }
                </div>
            </fieldset>
        </div>
    }
}

/// Where a field's summary link points (a row of "Check your answers" rather than the
/// control). Fixed per call site, so it takes no part in re-rendering.
#[derive(Clone, Copy)]
pub struct SummaryLink(pub fn(Field) -> String);

impl PartialEq for SummaryLink {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

#[derive(Properties, PartialEq)]
pub struct ErrorSummaryProps {
    pub report: Report,
    /// Changes on each failed attempt, so focus moves to the summary again.
    pub attempt: u32,
    /// A message not tied to a field (a failed backend call).
    #[prop_or_default]
    pub general: Option<AttrValue>,
    /// The field's control by default.
    #[prop_or_default]
    pub link: Option<SummaryLink>,
}

/// "There is a problem": focused after a failed Continue, one link per field in error.
#[function_component]
pub fn ErrorSummary(p: &ErrorSummaryProps) -> Html {
    let i18n = use_i18n();
    let node = use_node_ref();
    let errors: Vec<_> = p.report.errors().cloned().collect();
    let visible = !errors.is_empty() || p.general.is_some();
    {
        let node = node.clone();
        use_effect_with((p.attempt, visible), move |(_, visible)| {
            if *visible {
                if let Some(el) = node.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }
    if !visible {
        return html! {};
    }
    html! {
        <div class="error-summary" ref={node} tabindex="-1" role="alert" aria-labelledby="error-summary-title">
            <h2 class="error-summary-title" id="error-summary-title">{ i18n.t("error-summary-title") }</h2>
            <ul class="error-summary-list">
                if let Some(g) = &p.general { <li>{ g }</li> }
                { for errors.iter().map(|fp| {
                    let id = p.link.map_or_else(|| fp.field.dom_id(), |link| (link.0)(fp.field));
                    let target = id.clone();
                    let onclick = Callback::from(move |e: MouseEvent| { e.prevent_default(); focus_id(&target); });
                    html! { <li><a href={format!("#{id}")} {onclick}>{ i18n.field_problem(fp) }</a></li> }
                }) }
            </ul>
        </div>
    }
}

/// The phone field's hint: the country's calling code as the example, or a general hint
/// while no country is chosen.
pub fn phone_hint(i18n: &I18n, calling_code: Option<&str>) -> String {
    match calling_code {
        Some(c) => i18n.ta("phone-hint", &[("calling_code", c)]),
        None => i18n.t("phone-hint-any"),
    }
}

#[derive(Properties, PartialEq)]
pub struct BusyProps {
    pub label: AttrValue,
}

/// The spinner shown during every backend call.
#[function_component]
pub fn Busy(p: &BusyProps) -> Html {
    html! { <p class="busy" role="status" aria-live="polite"><span class="spinner" aria-hidden="true"></span>{ &p.label }</p> }
}

#[derive(Properties, PartialEq)]
pub struct NavButtonProps {
    pub to: crate::route::Route,
    pub label: AttrValue,
    /// Runs before navigating (e.g. records a choice).
    #[prop_or_default]
    pub onclick: Option<Callback<()>>,
}

/// A primary action that moves to another page: a real button, like every other action.
#[function_component]
pub fn NavButton(p: &NavButtonProps) -> Html {
    let nav = use_navigator();
    let onclick = {
        let (to, before) = (p.to.clone(), p.onclick.clone());
        Callback::from(move |_| {
            if let Some(cb) = &before {
                cb.emit(());
            }
            nav.push(&to);
        })
    };
    html! { <button type="button" class="button" {onclick}>{ &p.label }</button> }
}

/// Writes `text` to the clipboard; `done` learns whether the browser allowed it.
pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    let promise = gloo::utils::window()
        .navigator()
        .clipboard()
        .write_text(text);
    wasm_bindgen_futures::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}

#[derive(Properties, PartialEq)]
pub struct OneTimeSignInProps {
    pub heading: AttrValue,
    /// Who the account is for (the user's or the customer's name).
    pub subject: AttrValue,
    pub sign_in_name: AttrValue,
    pub password: AttrValue,
    /// Message ids: the two labels, the "shown once" warning, the copy button, the note.
    pub name_label: &'static str,
    pub password_label: &'static str,
    pub once: &'static str,
    pub copy: &'static str,
    pub change_note: &'static str,
    pub done_to: crate::route::Route,
    pub done_label: AttrValue,
    /// Under the heading: what else was done for the account (an email sent).
    #[prop_or_default]
    pub children: Children,
}

/// A new account's sign-in name and temporary password, shown once with a copy button (a
/// refused clipboard says so): the page holding them forgets them on leaving.
#[function_component]
pub fn OneTimeSignIn(p: &OneTimeSignInProps) -> Html {
    let i18n = use_i18n();
    let copied = use_state(|| None::<bool>);
    let copy = {
        let (copied, text) = (
            copied.clone(),
            format!("{}\n{}", p.sign_in_name, p.password),
        );
        Callback::from(move |_| {
            let copied = copied.clone();
            copy_text(&text, move |ok| copied.set(Some(ok)));
        })
    };
    html! {
        <div class="step">
            <div class="panel panel--confirmation"><h1 class="panel-title">{ &p.heading }</h1><p class="panel-body">{ &p.subject }</p></div>
            { p.children.clone() }
            <p class="inset warning" role="alert"><strong>{ i18n.t(p.once) }</strong></p>
            <dl class="summary-list">
                <div class="summary-row"><dt class="summary-key">{ i18n.t(p.name_label) }</dt><dd class="summary-value"><code>{ &p.sign_in_name }</code></dd></div>
                <div class="summary-row"><dt class="summary-key">{ i18n.t(p.password_label) }</dt><dd class="summary-value"><code>{ &p.password }</code></dd></div>
            </dl>
            <button type="button" class="button button--secondary" onclick={copy}>{ i18n.t(p.copy) }</button>
            if *copied == Some(true) { <p role="status">{ i18n.t("user-added-copied") }</p> }
            if *copied == Some(false) { <p role="status">{ i18n.t("partners-copy-failed") }</p> }
            <p>{ i18n.t(p.change_note) }</p>
            <NavButton to={p.done_to.clone()} label={p.done_label.clone()} />
        </div>
    }
}
