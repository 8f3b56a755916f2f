//! What the browser offers that web-sys does not bind, shared by the shell and the modules
//! below it.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// The browser's clock that never goes back, in ms since the page started.
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    pub fn performance_now() -> f64;
}
