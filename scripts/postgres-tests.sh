#!/usr/bin/env bash
# The server's tests on PostgreSQL: installs Debian's postgresql if missing, starts a
# throwaway cluster (initdb / pg_ctl as the postgres user, a free loopback port, a temp dir),
# runs the csp-server tests with CSP_TEST_DATABASE_URL pointing at it (each test creates its
# own database there), and stops and removes the cluster. Usage: scripts/postgres-tests.sh [TEST...]
# (default: every csp-server test; e.g. `scripts/postgres-tests.sh storage`).
set -euo pipefail
cd "$(dirname "$0")/.."
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "[postgres-tests] installing Debian's postgresql"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql >/dev/null
fi
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
cargo build -q -p csp-server --tests

tmp=$(mktemp -d)
as_root chown postgres "$tmp"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_pg "$bin/initdb" -D "$tmp/data" -A trust -U postgres -E UTF8 >/dev/null
as_pg "$bin/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $tmp -c max_connections=200 -c fsync=off" start >/dev/null
stop() { as_pg "$bin/pg_ctl" -D "$tmp/data" -m fast -w stop >/dev/null 2>&1 || true; as_root rm -rf "$tmp"; }
trap stop EXIT
echo "[postgres-tests] PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"

tests=()
for t in "$@"; do tests+=(--test "$t"); done
CSP_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres" cargo test -p csp-server "${tests[@]}"
