//! One input and its echo: the least a Yew app can be, to measure the portal against.

use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = performance)]
    fn now() -> f64;
}

#[function_component]
fn App() -> Html {
    let text = use_state(String::new);
    // Ready: the first render with a control is in the page (the effect runs after it).
    use_effect_with((), |_| {
        let _ = js_sys::Reflect::set(&js_sys::global(), &"__cspReady".into(), &now().into());
    });
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            text.set(input.value());
        })
    };
    html! {
        <main>
            <label for="name">{ "Name" }</label>
            <input id="name" value={(*text).clone()} {oninput} />
            <p>{ (*text).clone() }</p>
        </main>
    }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
