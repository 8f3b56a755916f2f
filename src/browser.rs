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

/// What the user may focus, in document order: the same in the prerendered page and in the
/// app's first render of it, which the build made it from.
const FOCUSABLE: &str = "a, button, select, input, textarea";

/// The page the release build prerendered (its nodes carry `data-pre`), taken out of the
/// document just before the app's first render, which shows the same page: where the focus
/// and the scroll were, to put them back once the render is in.
pub struct Prerendered {
    focused: Option<u32>,
    scroll: (f64, f64),
}

impl Prerendered {
    /// The language picked in the prerendered page's list before the wasm was there (its form
    /// not sent: the option chosen now is not the one the page came with).
    pub fn picked_language() -> Option<String> {
        let document = gloo::utils::document();
        let option = document
            .query_selector("[data-pre] option:checked:not([selected])")
            .ok()??;
        option.get_attribute("value")
    }

    /// Takes the prerendered nodes out; None when the page has none (a deep link, a debug
    /// build). The render that follows runs in this task's microtasks: the browser paints
    /// neither the empty page nor both.
    pub fn take() -> Option<Prerendered> {
        let document = gloo::utils::document();
        let nodes = document.query_selector_all("[data-pre]").ok()?;
        if nodes.length() == 0 {
            return None;
        }
        let window = gloo::utils::window();
        let active = document.active_element();
        let focusables = document.query_selector_all(FOCUSABLE).ok()?;
        let focused = (0..focusables.length()).find(|i| {
            let node = focusables.get(*i);
            active
                .as_ref()
                .is_some_and(|a| a.is_same_node(node.as_ref()))
        });
        let scroll = (
            window.scroll_x().unwrap_or_default(),
            window.scroll_y().unwrap_or_default(),
        );
        for i in 0..nodes.length() {
            if let Some(n) = nodes.get(i) {
                n.unchecked_into::<web_sys::Element>().remove();
            }
        }
        Some(Prerendered { focused, scroll })
    }

    /// Once the app's first render is in: the focus on the same control, the same scroll.
    pub fn restore(self) {
        let document = gloo::utils::document();
        if let Some(el) = self
            .focused
            .and_then(|i| document.query_selector_all(FOCUSABLE).ok()?.get(i))
        {
            let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
        }
        gloo::utils::window().scroll_to_with_x_and_y(self.scroll.0, self.scroll.1);
    }
}
