#!/usr/bin/env bash
# Prints the rules benchmark: ns per work-email check and per full-draft validation.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo bench -q -p csp-core --features fixtures --bench rules -- --warm-up-time 1 --measurement-time 3 2>&1 | grep -E "^[a-z].*|time:" 

# The API server under 50 concurrent clients on loopback, with and without stalled clients.
scripts/load-check.sh
