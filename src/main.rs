fn main() {
    wasm_bindgen_futures::spawn_local(csp_portal::app::start());
}
