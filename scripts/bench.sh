#!/usr/bin/env bash
# Prints the benchmarks:
#   1. rules: ns per work-email check and per full-draft validation (criterion, native);
#   2. load: the first load's size and each page folder's chunk (size-budget.sh), then time
#      to ready (the first control works) and to the wasm's take-over, of the split release
#      build against a bare one-input Yew app (benches/bare-yew) built the same way, on
#      Lighthouse's mobile profile (served brotli, and gzip) and on loopback; how long a page
#      of each folder takes to open once the idle prefetch is over and right after the
#      take-over; the keystroke on the primary contact page beside the bare app's; and the
#      size of each wasm module (benches/load.mjs, Debian's Chromium over CDP);
#   3. server: requests/s and p99 under load, alone and through a load balancer with two
#      instances (scripts/load-check.sh, scripts/scale-out.sh --bench).
# BENCH=rules or BENCH=load runs one of them; BENCH_RUNS sets the loads per app (>= 9).
# Figures are noisy while other builds run: the load average is printed beside them.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
what="${BENCH:-all}"

if [ "$what" = all ] || [ "$what" = rules ]; then
  cargo bench -q -p csp-core --features fixtures --bench rules -- --warm-up-time 1 --measurement-time 3 2>&1 | grep -E "^[a-z].*|time:"
fi

if [ "$what" = all ] || [ "$what" = load ]; then
  [ -d tests/e2e/node_modules/playwright-core ] || { echo "run scripts/setup.sh --browser first" >&2; exit 1; }
  echo "== load benchmark ($(uptime | sed 's/.*load average/load average/'))"
  trunk build --release >/dev/null 2>&1 || trunk build --release
  (cd benches/bare-yew && { trunk build --release >/dev/null 2>&1 || trunk build --release; })
  SIZE_BUDGET_KB=100000 scripts/size-budget.sh dist | grep -v '^budget'
  timeout 1200 node benches/load.mjs dist benches/bare-yew/dist
fi

if [ "$what" = all ] || [ "$what" = server ]; then
  # The API server under 50 concurrent clients on loopback, with and without stalled clients;
  # then listing users and signing in through HAProxy with two instances on one PostgreSQL,
  # beside one instance of the same deployment.
  scripts/load-check.sh
  SECONDS_PER_PHASE="${SECONDS_PER_PHASE:-5}" scripts/scale-out.sh --bench
fi
