//! A split release build (the `split` feature, no debug assertions, as `src/lazy.rs` decides)
//! keeps the linker's relocations in the wasm: the splitter run by Trunk's post_build hook
//! (scripts/split-wasm.py) needs them to cut the module into page chunks.
fn main() {
    let var = |k: &str| std::env::var_os(k);
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    if wasm && var("CARGO_FEATURE_SPLIT").is_some() && var("CARGO_CFG_DEBUG_ASSERTIONS").is_none() {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
}
