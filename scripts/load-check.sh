#!/usr/bin/env bash
# Bounded loopback load check of the API server (for scripts/bench.sh): requests/s and p99 for
# sign-in (Argon2id) and listing users with 50 concurrent clients, alone and beside stalled
# clients. Each phase stops after its request count or SECONDS seconds. Loopback only. The
# server runs in-process with the demo data (csp-loadcheck sets `demo_data`): it signs in as a
# demo user.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run -q --profile server -p csp-server --bin csp-loadcheck -- --clients "${CLIENTS:-50}" --seconds "${SECONDS_PER_PHASE:-10}"
