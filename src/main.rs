fn main() {
    yew::Renderer::<csp_portal::App>::new().render();
}
