//! The browser's helpers the shell and the modules below it share: its clock, and the focus
//! that moves to a page's heading when the page appears.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// The browser's clock that never goes back, in ms since the page started.
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    pub fn performance_now() -> f64;
}

/// A view has set its title: if its heading in the main content is new (a move to another
/// page, or a page that gave way to the next view in place), the heading gets `tabindex="-1"`
/// and the focus, so that a screen reader reads it and the keyboard starts from there instead
/// of from the top of the document. A heading that has had its turn keeps it (a title that
/// changes with errors or the language moves nothing). Not the first page the main content
/// shows (the focus stays where the browser puts it), and not when the page has put the focus
/// in itself already (the notice of what was just done).
pub fn page_shown() {
    let document = gloo::utils::document();
    let Some(main) = document.get_element_by_id("main-content") else {
        return;
    };
    let Some(heading) = main.query_selector("h1:not([tabindex])").ok().flatten() else {
        return;
    };
    let _ = heading.set_attribute("tabindex", "-1");
    if !main.has_attribute("data-shown") {
        let _ = main.set_attribute("data-shown", "");
        return;
    }
    if !main.contains(document.active_element().as_deref()) {
        let _ = heading.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}
