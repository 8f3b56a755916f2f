//! Country data from the browser itself, at no bundle cost: names (`Intl.DisplayNames`) and the
//! regex engine for postal-code patterns (`RegExp`).

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = DisplayNames)]
    type DisplayNames;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = DisplayNames, catch)]
    fn new(locales: &JsValue, options: &JsValue) -> Result<DisplayNames, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn of(this: &DisplayNames, code: &str) -> Result<JsValue, JsValue>;
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = RegExp)]
    type Pattern;
    #[wasm_bindgen(constructor, js_class = RegExp, catch)]
    fn new(pattern: &str) -> Result<Pattern, JsValue>;
    #[wasm_bindgen(method)]
    fn test(this: &Pattern, text: &str) -> bool;
}

/// csp-core's postal-code matcher in the browser: libaddressinput's patterns are JavaScript
/// regexes. None for a pattern that does not compile (the rule then reports the format).
pub fn pattern_matches(pattern: &str, text: &str) -> Option<bool> {
    Pattern::new(&format!("^(?:{pattern})$"))
        .ok()
        .map(|re| re.test(text))
}

/// The localized name of an ISO 3166-1 alpha-2 code in the language `tag`, or the code itself.
pub fn name(code: &str, tag: &str) -> String {
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"type".into(), &"region".into());
    DisplayNames::new(&JsValue::from_str(tag), &opts)
        .ok()
        .and_then(|d| d.of(&code.to_ascii_uppercase()).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| code.to_ascii_uppercase())
}

/// `(code, name)` pairs sorted by name in the user's language.
pub fn sorted(codes: impl IntoIterator<Item = String>, tag: &str) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = codes
        .into_iter()
        .map(|c| {
            let n = name(&c, tag);
            (c, n)
        })
        .collect();
    v.sort_unstable_by(|a, b| a.1.cmp(&b.1));
    v
}
