//! Decides once whether this is a split build: the `split` feature, a wasm target and no debug
//! assertions (a release build). Such a build gets the `split_build` cfg, which the split
//! points of `src/pages/lazy.rs`, `src/start.rs` and `src/api.rs` and the first-page locale
//! files of `src/i18n.rs` follow, and keeps the linker's relocations in the wasm: the splitter
//! run by Trunk's post_build hook (scripts/split-wasm.py) needs them to cut the module into
//! chunks.
fn main() {
    println!("cargo:rustc-check-cfg=cfg(split_build)");
    let var = |k: &str| std::env::var_os(k);
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    if wasm && var("CARGO_FEATURE_SPLIT").is_some() && var("CARGO_CFG_DEBUG_ASSERTIONS").is_none() {
        println!("cargo:rustc-cfg=split_build");
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
}
