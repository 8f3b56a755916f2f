//! The browser's helpers the shell and the modules below it share: its clock, and the focus
//! that moves to a page's heading when the page appears.

use std::cell::Cell;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// The browser's clock that never goes back, in ms since the page started.
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    pub fn performance_now() -> f64;
}

thread_local! {
    /// Whether the app has shown its first page's heading: from then on, each page's heading
    /// takes focus when it appears.
    static SHOWN: Cell<bool> = const { Cell::new(false) };
}

/// The app starts: its first page leaves the focus where the browser puts it.
pub fn first_page() {
    SHOWN.set(false);
}

/// A page has appeared (a move to another, or a page that gave way to the next view in place):
/// its heading in the main content gets `tabindex="-1"` and the focus, so that a screen reader
/// reads it and the keyboard starts from there instead of from the top of the document. Not on
/// the app's first page, and not when the page has put the focus in itself already (the notice
/// of what was just done).
pub fn page_shown() {
    let document = gloo::utils::document();
    let Some(main) = document.get_element_by_id("main-content") else {
        return;
    };
    let Some(heading) = main.query_selector("h1").ok().flatten() else {
        return;
    };
    if !SHOWN.replace(true) {
        return;
    }
    let active = document.active_element();
    if active.is_some_and(|a| a != main && main.contains(Some(&a))) {
        return;
    }
    let _ = heading.set_attribute("tabindex", "-1");
    if let Ok(h) = heading.dyn_into::<web_sys::HtmlElement>() {
        let _ = h.focus();
    }
}
