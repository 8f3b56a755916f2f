# Sourced by the scripts: pinned tool versions and where the npm-installed tools live.
# shellcheck shell=bash
TRUNK_VERSION=0.21.14
WASM_PACK_VERSION=0.15.1
BINARYEN_VERSION=132
# Minifies the split release build's scripts (scripts/split-wasm.py).
TERSER_VERSION=5.51.4
# The splitter of the release build (scripts/split-wasm.py); its runtime is the
# wasm_split_helpers dependency of Cargo.toml.
WASM_SPLIT_VERSION=0.2.4
TOOLS_DIR="${CSP_TOOLS_DIR:-$HOME/.cache/csp-portal-tools}"
# wasm-bindgen-cli must be exactly the version in Cargo.lock (trunk and wasm-pack download otherwise).
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' "$(dirname "${BASH_SOURCE[0]}")/../Cargo.lock")
export PATH="$TOOLS_DIR/binaryen/node_modules/.bin:$TOOLS_DIR/terser/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
