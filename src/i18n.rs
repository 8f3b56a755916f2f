//! Languages: Fluent messages (read by `csp_core::messages`), the chosen locale remembered in
//! browser storage, the first visit following the browser's languages. Every locale file is
//! fetched from `static/locales/` (English always, as the fallback; another when chosen):
//! compiled in, each would add ~6 KB gzip to the first load. A split release build first
//! fetches only the first page's messages (`<tag>.first.ftl`, the file's first groups, cut out
//! by `scripts/split-wasm.py`), and the whole file with the shell's second stage.

use crate::browser::page_shown;
use crate::shared::part;
use csp_core::messages::Messages;
use csp_core::{Field, FieldProblem, Problem};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locale {
    En,
    Ru,
    ZhCn,
    Fr,
}

const STORAGE_KEY: &str = "csp-portal.locale";
/// The cookie the server reads to answer `/` with the start page in the chosen language.
const COOKIE: &str = "csp-lang=";

/// A locale's Fluent source, and whether it is the whole file (not only the first page's part).
type Source = (Rc<str>, bool);

thread_local! {
    static SOURCES: RefCell<[Option<Source>; 4]> = const { RefCell::new([None, None, None, None]) };
}

/// Registers a locale's whole Fluent source (fetched, or handed in by tests).
pub fn preload(locale: Locale, source: &str) {
    SOURCES.with(|s| s.borrow_mut()[locale as usize] = Some((Rc::from(source), true)));
}

/// What a split release build fetches for the first render: the first page's messages only.
#[cfg(split_build)]
const FIRST_PART: Option<&str> = Some("first.ftl");
#[cfg(not(split_build))]
const FIRST_PART: Option<&str> = None;

impl Locale {
    pub const ALL: [Locale; 4] = [Locale::En, Locale::Ru, Locale::ZhCn, Locale::Fr];

    /// BCP 47 tag, also the key of localized data (role names).
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Ru => "ru",
            Locale::ZhCn => "zh-CN",
            Locale::Fr => "fr",
        }
    }

    /// The language's own name, as language pickers show it.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Ru => "Русский",
            Locale::ZhCn => "简体中文",
            Locale::Fr => "Français",
        }
    }

    /// Between the items of a list ("Directory Readers, License Administrator"; Chinese
    /// writes the enumeration comma).
    pub fn list_separator(self) -> &'static str {
        match self {
            Locale::ZhCn => "、",
            _ => ", ",
        }
    }

    /// The locale's Fluent source, once fetched (or handed in by tests).
    fn source(self) -> Option<Source> {
        SOURCES.with(|s| s.borrow()[self as usize].clone())
    }

    /// The locale's whole file, once fetched: for what formats its own text from the messages
    /// (the emails, in their recipient's language).
    pub fn whole_source(self) -> Option<Rc<str>> {
        self.source()
            .filter(|(_, whole)| *whole)
            .map(|(src, _)| src)
    }

    /// Whether the locale's whole file is in.
    pub fn complete(self) -> bool {
        self.source().is_some_and(|(_, whole)| whole)
    }

    /// Makes the locale's first page available (the whole file in an unsplit build). False
    /// when it can't be had.
    pub async fn fetch(self) -> bool {
        match FIRST_PART {
            _ if self.source().is_some() => true,
            Some(part) => self.fetch_file(part, false).await,
            None => self.fetch_file("ftl", true).await,
        }
    }

    /// Makes the locale's whole file available. False when it can't be had.
    pub async fn fetch_all(self) -> bool {
        self.complete() || self.fetch_file("ftl", true).await
    }

    async fn fetch_file(self, ext: &str, whole: bool) -> bool {
        let url = format!("/locales/{}.{ext}", self.tag());
        let Some(text) = crate::assets::fetch_text(&url).await else {
            return false;
        };
        SOURCES.with(|s| s.borrow_mut()[self as usize] = Some((Rc::from(text), whole)));
        true
    }

    /// Matches a browser language tag (`ru-RU`, `zh-Hans-CN`, `fr-CA`) to a supported locale.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let t = tag.to_ascii_lowercase();
        let primary = t.split(['-', '_']).next().unwrap_or("");
        match primary {
            "en" => Some(Locale::En),
            "ru" => Some(Locale::Ru),
            "fr" => Some(Locale::Fr),
            "zh" if !(t.contains("hant") || t.ends_with("-tw") || t.ends_with("-hk")) => {
                Some(Locale::ZhCn)
            }
            _ => None,
        }
    }

    /// The remembered choice, else the first supported browser language, else English: the
    /// order the server follows to pick the prerendered start page (the `csp-lang` cookie, then
    /// `Accept-Language`), so that the first render has the words already shown. A choice the
    /// app did not make (the start page's form before the wasm ran, or the cookie the server set
    /// for it) is copied into storage before the app starts, by index.html's inline script.
    pub fn initial() -> Locale {
        use gloo::storage::{LocalStorage, Storage};
        // Stored as a JSON string (`"fr"`), read and written without a JSON library: the
        // first load has none.
        let stored = LocalStorage::raw().get_item(STORAGE_KEY).ok().flatten();
        if let Some(l) = stored.and_then(|t| Locale::from_tag(t.trim_matches('"'))) {
            return l;
        }
        let langs = gloo::utils::window().navigator().languages();
        langs
            .iter()
            .filter_map(|v| v.as_string())
            .find_map(|t| Locale::from_tag(&t))
            .unwrap_or(Locale::En)
    }

    /// Remembers the choice (for the app, and in a cookie for the server's first answer) and
    /// sets `<html lang>`.
    pub fn apply(self) {
        use gloo::storage::{LocalStorage, Storage};
        let document = gloo::utils::document();
        let _ = LocalStorage::raw().set_item(STORAGE_KEY, &format!("\"{}\"", self.tag()));
        let _ = js_sys::Reflect::set(
            &document,
            &"cookie".into(),
            &format!(
                "{COOKIE}{}; path=/; max-age=31536000; samesite=lax",
                self.tag()
            )
            .into(),
        );
        if let Some(html) = document.document_element() {
            let _ = html.set_attribute("lang", self.tag());
        }
    }
}

/// The translator handed down the component tree as context.
#[derive(Clone)]
pub struct I18n {
    pub locale: Locale,
    /// Made from the whole locale file (not only the first page's part).
    pub complete: bool,
    messages: Rc<Messages>,
    /// The browser's CLDR plural rules for the locale (Russian `few`/`many`).
    plurals: Rc<js_sys::Intl::PluralRules>,
}

impl PartialEq for I18n {
    fn eq(&self, other: &Self) -> bool {
        self.locale == other.locale && self.complete == other.complete
    }
}

impl I18n {
    /// The locale's messages; English when the locale's file has not been loaded (or only its
    /// first page's part, while English is whole).
    pub fn new(locale: Locale) -> Self {
        let tried = [locale, Locale::En];
        let with = |whole: bool| {
            tried.iter().find_map(|l| {
                l.source()
                    .filter(|(_, w)| *w || !whole)
                    .map(|src| (*l, src))
            })
        };
        let (locale, (src, complete)) = with(true)
            .or_else(|| with(false))
            .unwrap_or((Locale::En, (Rc::from(""), false)));
        let plurals = js_sys::Intl::PluralRules::new(
            &js_sys::Array::of1(&locale.tag().into()),
            &js_sys::Object::new(),
        );
        I18n {
            locale,
            complete,
            messages: Rc::new(Messages::parse(&src)),
            plurals: Rc::new(plurals),
        }
    }

    pub fn has(&self, id: &str) -> bool {
        self.messages.has(id)
    }

    /// The message `id`; the id itself when missing, so a gap is visible, never blank.
    pub fn t(&self, id: &str) -> String {
        self.ta(id, &[])
    }

    /// The message `id` with named arguments; numbers pick the plural variant.
    pub fn ta(&self, id: &str, args: &[(&str, &str)]) -> String {
        let plural = |n: f64| String::from(self.plurals.select(n));
        self.messages
            .format(id, args, &plural)
            .unwrap_or_else(|| id.to_owned())
    }

    /// A rule's message, field-specific when the locale has one (`err-required--contact-email`).
    pub fn problem(&self, field: Field, p: &Problem) -> String {
        let code = p.code.id();
        let specific = format!("err-{code}--{}", field.dom_id());
        let id = if self.has(&specific) {
            specific
        } else {
            format!("err-{code}")
        };
        let country_names: Vec<(String, String)> = p
            .args
            .iter()
            .map(|(k, v)| {
                if k.ends_with("country") {
                    (k.clone(), crate::countries::name(v, self.locale.tag()))
                } else {
                    (k.clone(), v.clone())
                }
            })
            .collect();
        let args: Vec<(&str, &str)> = country_names
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        self.ta(&id, &args)
    }

    pub fn field_problem(&self, fp: &FieldProblem) -> String {
        self.problem(fp.field, &fp.problem)
    }

    /// A calendar date as this language writes it (the browser's `Intl`), ISO where it can't.
    pub fn date(&self, d: csp_core::date::Date) -> String {
        let (y, m, day) = d.ymd();
        let js = js_sys::Date::new_with_year_month_day(y as u32, m as i32 - 1, day as i32);
        let opts = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&opts, &"dateStyle".into(), &"medium".into());
        js.to_locale_date_string(self.locale.tag(), &opts)
            .as_string()
            .filter(|s| !s.is_empty() && s != "Invalid Date")
            .unwrap_or_else(|| d.to_string())
    }

    /// A moment (Unix seconds) as this language writes a date and time, in the browser's time
    /// zone (the browser's `Intl`); `csp_core::mail::utc_time` where it can't.
    pub fn time(&self, secs: i64) -> String {
        let js = js_sys::Date::new(&((secs as f64) * 1000.0).into());
        let opts = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&opts, &"dateStyle".into(), &"medium".into());
        let _ = js_sys::Reflect::set(&opts, &"timeStyle".into(), &"short".into());
        js.to_locale_string(self.locale.tag(), &opts)
            .as_string()
            .filter(|s| !s.is_empty() && s != "Invalid Date")
            .unwrap_or_else(|| csp_core::mail::utc_time(secs))
    }

    /// Items written as a list in this language.
    pub fn list<S: AsRef<str>>(&self, items: &[S]) -> String {
        let items: Vec<&str> = items.iter().map(AsRef::as_ref).collect();
        items.join(self.locale.list_separator())
    }

    /// A country's name in this language.
    pub fn country(&self, code: &str) -> String {
        crate::countries::name(code, self.locale.tag())
    }

    /// `(code, name)` pairs sorted by name in this language.
    pub fn countries(&self, codes: impl IntoIterator<Item = String>) -> Vec<(String, String)> {
        crate::countries::sorted(codes, self.locale.tag())
    }
}

#[hook]
pub fn use_i18n() -> I18n {
    part(use_context())
}

/// Sets the document title after render, prefixed "Error: " while the page shows errors. An
/// empty heading leaves the title alone (a wrapper whose page sets its own). A view that sets
/// its title has appeared: its heading takes the focus if it is new (see `browser::page_shown`).
#[hook]
pub fn use_title(heading: &str, has_errors: bool) {
    let i18n = use_i18n();
    let title = if heading.is_empty() {
        None
    } else if has_errors {
        Some(format!(
            "{} {heading} – {}",
            i18n.t("title-error-prefix"),
            i18n.t("app-title")
        ))
    } else {
        Some(format!("{heading} – {}", i18n.t("app-title")))
    };
    use_effect_with(title, |t| {
        if let Some(t) = t {
            gloo::utils::document().set_title(t);
            page_shown();
        }
    });
}
