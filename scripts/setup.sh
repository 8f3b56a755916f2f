#!/usr/bin/env bash
# Installs what building and testing need, skipping whatever is already there at the right
# version: the wasm target, wasm-bindgen-cli (Cargo.lock's version), trunk, wasm-pack,
# wasm-split-cli (the splitter of the release build, run by Trunk's hook), wasm-opt (npm
# binaryen: Debian's is too old for this wasm-bindgen), terser (npm: the split build's scripts
# are minified), and with --browser
# Debian's chromium and chromedriver, aiosmtpd (the mail sink) and the end-to-end test packages. Nothing prebuilt is
# downloaded from the internet: everything comes from crates.io, npm or Debian.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
browser=false
[ "${1:-}" = "--browser" ] && browser=true
say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

rustup target list --installed | grep -qx wasm32-unknown-unknown || { say "adding the wasm32 target"; rustup target add wasm32-unknown-unknown; }

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes)"
  # Not --locked: one of its locked dependencies is missing from the registry.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (about 15 minutes, once)"
  # trunk 0.22 needs a newer rustc than this toolchain; no LTO makes the one-off build faster.
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install trunk --version "$TRUNK_VERSION" --locked --force
fi

if ! cargo install --list | grep -q "^wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (crate wasm_split_cli_support)"
  CARGO_PROFILE_RELEASE_LTO=false cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" \
    --features build-binary --locked --force
fi

if ! wasm-pack --version 2>/dev/null | grep -q "$WASM_PACK_VERSION"; then
  say "installing wasm-pack $WASM_PACK_VERSION"
  CARGO_PROFILE_RELEASE_LTO=false cargo install wasm-pack --version "$WASM_PACK_VERSION" --locked --force
fi

if ! command -v npm >/dev/null; then
  say "installing Debian's nodejs and npm"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq nodejs npm >/dev/null
fi

if ! wasm-opt --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then
  say "installing wasm-opt (npm binaryen@$BINARYEN_VERSION) into $TOOLS_DIR"
  mkdir -p "$TOOLS_DIR/binaryen"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS_DIR/binaryen" "binaryen@$BINARYEN_VERSION"
fi

if ! terser --version 2>/dev/null | grep -q "$TERSER_VERSION"; then
  say "installing terser $TERSER_VERSION (npm) into $TOOLS_DIR"
  mkdir -p "$TOOLS_DIR/terser"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS_DIR/terser" "terser@$TERSER_VERSION"
fi

python3 -c "import brotli" 2>/dev/null || { say "installing the brotli module (size report)";
  python3 -m pip install --quiet --root-user-action=ignore brotli 2>/dev/null || say "no pip: the size report will show gzip only"; }

if $browser; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Debian's chromium and chromium-driver"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  if ! python3 -c "import aiosmtpd" 2>/dev/null && ! /usr/bin/python3 -c "import aiosmtpd" 2>/dev/null; then
    say "installing aiosmtpd (PyPI, else Debian's python3-aiosmtpd): the journeys' mail sink"
    python3 -m pip install --quiet --root-user-action=ignore aiosmtpd 2>/dev/null || {
      as_root apt-get update -qq
      DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq python3-aiosmtpd >/dev/null; }
  fi
  if [ ! -d tests/e2e/node_modules/playwright-core ] || [ ! -d tests/e2e/node_modules/axe-core ]; then
    say "installing the end-to-end test packages (npm ci)"
    (cd tests/e2e && npm ci --silent --no-audit --no-fund)
  fi
fi
say "tools ready: $(trunk --version), wasm-bindgen $WASM_BINDGEN_VERSION, $(wasm-pack --version), wasm-opt $BINARYEN_VERSION"
