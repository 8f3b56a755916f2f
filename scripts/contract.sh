#!/usr/bin/env bash
# The contract checked against the server: schemathesis (from PyPI, in a venv) generates
# requests from api/openapi.yaml and runs all its checks against csp-server started on a free
# loopback port with a fresh SQLite file, signed in as the seeded users (contract/hooks.py):
# every operation, partners and customers included.
# Bounded: MAX_EXAMPLES cases per operation (default 25). Usage: scripts/contract.sh
# [schemathesis options, e.g. --include-path-regex '^/customers']
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
venv="${CONTRACT_VENV:-target/contract-venv}"
if [ ! -x "$venv/bin/schemathesis" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet "schemathesis>=4.32,<5"
fi
cargo build -q -p csp-server
tmp=$(mktemp -d)
port=$(free_port)
# The throttle is raised: schemathesis sends many wrong passwords on purpose.
"${CARGO_TARGET_DIR:-target}"/debug/csp-server --port "$port" --dist "$tmp/no-dist" --database-url "sqlite://$tmp/contract.db" --demo-data \
  --failures-per-account 1000000 --failures-per-client 1000000 > "$tmp/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$tmp"' EXIT
wait_for "http://127.0.0.1:$port/api/settings" 200
CSP_BASE="http://127.0.0.1:$port/api" PYTHONPATH=scripts/contract SCHEMATHESIS_HOOKS=hooks \
  "$venv/bin/schemathesis" --config-file scripts/contract/schemathesis.toml run api/openapi.yaml \
  --url "http://127.0.0.1:$port/api" --checks all --max-examples "${MAX_EXAMPLES:-25}" \
  --max-time "${MAX_TIME:-180}" --request-timeout 10 --seed "${SEED:-1}" --no-color "$@"
