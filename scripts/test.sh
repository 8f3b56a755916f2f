#!/usr/bin/env bash
# The README's second command: installs what is missing, then runs every test layer:
#   1. format and lints;
#   2. native tests of the rules core, the demo backend and the API server (cargo test), the
#      server's storage tests again on a throwaway PostgreSQL cluster, and the contract checked
#      against the running server by schemathesis;
#   3. component tests in headless Chromium (wasm-pack test --headless --chrome);
#   4. the release build, its size budget and the rules benchmark figures;
#   5. end-to-end journeys in headless Chromium against the reference HTTP backend;
#   6. two server instances on one PostgreSQL behind HAProxy: sessions, throttling and writes
#      across them, one killed with SIGKILL, and the team and partner journeys through it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
source scripts/env.sh
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format and lints"
cargo fmt --all -- --check
cargo clippy -q -p csp-core -p csp-demo -p csp-demo-data -p csp-conformance -p csp-server --all-targets -- -D warnings
cargo clippy -q -p csp-portal --target wasm32-unknown-unknown --all-targets -- -D warnings

step "native tests: rules core, demo backend and API server"
cargo test -p csp-core -p csp-demo -p csp-demo-data -p csp-conformance -p csp-server

step "API server on PostgreSQL"
scripts/postgres-tests.sh

step "the contract against the running server (schemathesis)"
scripts/contract.sh

step "component tests in headless Chromium"
wasm-pack test --headless --chrome

step "release build and size budget"
trunk build --release
# The first load (the prerendered start page's html, js, wasm and the splitter's loader, css,
# config, the first page's English messages) of the split build is ~117.2 KB gzip (the target is
# 150 KB, see the README's figures). CI holds the line a little above it so it cannot grow
# unnoticed.
SIZE_BUDGET_KB="${SIZE_BUDGET_KB:-118}" scripts/size-budget.sh dist

step "benchmarks: rules, first load, the server under load"
scripts/bench.sh

step "end-to-end journeys against the reference HTTP backend"
scripts/e2e.sh

step "two server instances on PostgreSQL behind HAProxy"
scripts/scale-out.sh
