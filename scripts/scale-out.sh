#!/usr/bin/env bash
# Two API server instances on one PostgreSQL behind HAProxy, all on loopback: a throwaway
# PostgreSQL cluster, two csp-server instances started together on its empty database (both
# serve the release build in dist/), and Debian's haproxy in front (round robin, health check
# on /readyz). Then tests/scale/scale_out.py checks what a deployer relies on (a session and
# its CSRF token work on either instance, sign-out ends it on both, failed sign-ins spread over
# both lock the account at the limit, every acknowledged write survives one instance killed
# with SIGKILL, the restarted instance sees everything), and the team and partner journeys run
# in Chromium through the load balancer. Both send email to a mail sink on loopback, and each
# verification email arrives once. Everything is stopped and removed afterwards.
# Usage: scripts/scale-out.sh [--bench] (after trunk build --release; --bench prints
# requests/s and p99 through the load balancer instead of running the checks).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
[ -f dist/index.html ] || { echo "no release build in dist/: run trunk build --release" >&2; exit 1; }
mode=check
extra=""
# Every benchmark sign-in is to one account from one address: with their limits, the throttle
# (each sign-in in flight holds a reservation) would be what is measured.
[ "${1:-}" = "--bench" ] && mode=bench && extra="--failures-per-account 1000000 --failures-per-client 1000000"

need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v haproxy >/dev/null || need+=(haproxy)
if [ ${#need[@]} -gt 0 ]; then
  echo "[scale-out] installing Debian's ${need[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${need[@]}" >/dev/null
fi
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
if [ "$mode" = bench ]; then
  cargo build -q --profile server -p csp-server --bins
  server="${CARGO_TARGET_DIR:-target}/server/csp-server"
  loadcheck="${CARGO_TARGET_DIR:-target}/server/csp-loadcheck"
else
  cargo build -q -p csp-server
  server="${CARGO_TARGET_DIR:-target}/debug/csp-server"
fi

tmp=$(mktemp -d)
chmod 755 "$tmp"
mkdir "$tmp/pg" && as_root chown postgres "$tmp/pg"
pids=()
stop() {
  for p in "${pids[@]}" $(cat "$tmp/a.pid" 2>/dev/null); do kill "$p" 2>/dev/null || true; done
  as_pg "$pgbin/pg_ctl" -D "$tmp/pg/data" -m fast -w stop >/dev/null 2>&1 || true
  as_root rm -rf "$tmp"
}
trap stop EXIT

pg=$(free_port)
as_pg "$pgbin/initdb" -D "$tmp/pg/data" -A trust -U postgres -E UTF8 >/dev/null
as_pg "$pgbin/pg_ctl" -D "$tmp/pg/data" -l "$tmp/pg/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $pg -k $tmp/pg -c max_connections=200 -c fsync=off" start >/dev/null
db="postgres://postgres@127.0.0.1:$pg/postgres"

# The mail sink both instances send to (their workers share the outbox).
py=python3
$py -c "import aiosmtpd" 2>/dev/null || py=/usr/bin/python3
smtp=$(free_port)
mkdir "$tmp/mail"
$py tests/mail/smtp_sink.py "$tmp/mail" "$smtp" >"$tmp/sink.log" 2>&1 &
pids+=($!)

lb=$(free_port)
a=$(free_port)
b=$(free_port)
# The same build, pointed at the API on its own origin.
cp -r dist "$tmp/site"
python3 - "$tmp/site/config.json" <<'PY'
import json, sys
p = sys.argv[1]; c = json.load(open(p)); c["api_base_url"] = "/api"; json.dump(c, open(p, "w"))
PY

# The command line of instance NAME on PORT (both start at once on the empty database).
args() {
  printf '%s\n' "$server" --port "$2" --dist "$tmp/site" --database-url "$db" --demo-data \
    --allowed-hosts "127.0.0.1:$lb,localhost:$lb,127.0.0.1:$2" \
    --trusted-proxies 127.0.0.1/32 --drain-grace-secs 1 --smtp-url "smtp://127.0.0.1:$smtp" \
    --mail-retry-secs 1 $extra >"$tmp/$1.args"
}
start() {
  args "$1" "$2"
  mapfile -t argv <"$tmp/$1.args"
  "${argv[@]}" >>"$tmp/$1.log" 2>&1 &
  echo $!
}
pid_a=$(start a "$a")
pid_b=$(start b "$b")
pids+=("$pid_a" "$pid_b")
wait_for "http://127.0.0.1:$a/readyz" 300
wait_for "http://127.0.0.1:$b/readyz" 300

cat >"$tmp/haproxy.cfg" <<EOF
global
  maxconn 4000
defaults
  mode http
  timeout connect 2s
  timeout client 30s
  timeout server 30s
  option forwardfor
  # A request is sent again only when no connection could be made: never a write twice.
  retries 2
  option redispatch
frontend portal
  bind 127.0.0.1:$lb
  default_backend servers
backend servers
  balance roundrobin
  option httpchk GET /readyz
  http-check expect status 200
  server a 127.0.0.1:$a check inter 500ms fall 2 rise 2
  server b 127.0.0.1:$b check inter 500ms fall 2 rise 2
EOF
haproxy -db -f "$tmp/haproxy.cfg" >"$tmp/haproxy.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$lb/readyz" 100
echo "[scale-out] PostgreSQL on $pg, instances on $a and $b, HAProxy on $lb"

if [ "$mode" = bench ]; then
  for target in "127.0.0.1:$a" "127.0.0.1:$lb"; do
    label=$([ "$target" = "127.0.0.1:$lb" ] && echo "two instances behind HAProxy" || echo "one instance")
    echo "== $label"
    "$loadcheck" --target "$target" --clients "${CLIENTS:-50}" --seconds "${SECONDS_PER_PHASE:-10}"
  done
  exit 0
fi

# The checks kill instance a with SIGKILL halfway and start it again from the same command
# line; the trap stops the restarted one (its pid is in a.pid).
python3 tests/scale/scale_out.py --lb "$lb" --a "$a" --b "$b" --pid-a "$pid_a" \
  --a-args "$tmp/a.args" --a-log "$tmp/a.log" --a-pidfile "$tmp/a.pid" --mail-dir "$tmp/mail" \
  || { echo "--- instance a"; tail -20 "$tmp/a.log"; echo "--- instance b"; tail -20 "$tmp/b.log"; exit 1; }
cd tests/e2e
BASE_URL="http://127.0.0.1:$lb" node --test --test-concurrency=1 team.test.mjs partners.test.mjs
