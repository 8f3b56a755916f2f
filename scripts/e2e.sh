#!/usr/bin/env bash
# End-to-end journeys: the release build in dist/ served by the reference HTTP backend
# (crates/csp-server, configured as the app's API), driven in Debian's headless Chromium by
# Playwright through labels, roles and visible text: enrollment, team, the partner and customer
# journeys (in the languages of PARTNER_LANGS, default fr,ru) and the server failing on purpose.
# The server sends its emails to a mail sink on loopback (tests/mail/smtp_sink.py), whose
# folder the journeys read (MAIL_DIR). Then the same build as it is, served as static files
# with no API configured, so the in-browser demo backend answers: the enrollment's email loop
# through the demo's Outbox page.
# Usage: scripts/e2e.sh (after trunk build --release); E2E_ONLY="review team" runs only those
# journey files (review.test.mjs, team.test.mjs; "demo" for the in-browser one). That server runs with the test-only fault
# switch (--test-faults) for faults.test.mjs; no other script turns it on.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
[ -f dist/index.html ] || { echo "no release build in dist/: run trunk build --release" >&2; exit 1; }
cargo build -q -p csp-server
site=$(mktemp -d)
cp -r dist/. "$site/"
# The same build, pointed at an HTTP backend instead of the in-browser one; the app stops
# waiting for an answer after 5 s instead of 15 s, so the timeout fault takes less time.
python3 - "$site/config.json" <<'PY'
import json, sys
p = sys.argv[1]; c = json.load(open(p)); c["api_base_url"] = "/api"; c["request_timeout_ms"] = 5000; json.dump(c, open(p, "w"))
PY
# The mail sink: an SMTP server on loopback writing each email it gets as JSON into $mail.
py=python3
$py -c "import aiosmtpd" 2>/dev/null || py=/usr/bin/python3
mail=$(mktemp -d)
smtp=$(free_port)
$py tests/mail/smtp_sink.py "$mail" "$smtp" > "$mail.log" 2>&1 &
sink=$!
port=$(free_port)
"${CARGO_TARGET_DIR:-target}"/debug/csp-server --port "$port" --dist "$site" --database-url "sqlite://$site.db" --demo-data --test-faults \
  --smtp-url "smtp://127.0.0.1:$smtp" --mail-retry-secs 1 --product-name "Contoso Cloud Partners" > "$site.log" 2>&1 &
server=$!
static=
trap 'kill $server $sink $static 2>/dev/null || true; rm -rf "$site" "$site.log" "$site.db"* "$mail" "$mail.log" "$site.static.log"' EXIT
wait_for "http://127.0.0.1:$port/api/settings" 100
cd tests/e2e
# Every journey file but the demo's, the fault switch's last (it breaks the server on purpose).
if [ -n "${E2E_ONLY:-}" ]; then
  journeys=$(for j in $E2E_ONLY; do [ "$j" = demo ] || echo "$j.test.mjs"; done)
else
  journeys="first-page.test.mjs $(ls *.test.mjs | grep -v -x -e demo.test.mjs -e faults.test.mjs -e first-page.test.mjs) faults.test.mjs"
fi
if [ -n "$journeys" ]; then
  MAIL_DIR="$mail" E2E_DB="$site.db" BASE_URL="http://127.0.0.1:$port" node --test --test-concurrency=1 $journeys
fi
[ -z "${E2E_ONLY:-}" ] || [[ " $E2E_ONLY " == *" demo "* ]] || exit 0

# The demo: the unchanged build's files, any other path answered with index.html (the app's
# routes), as a static host serves a single-page app.
demo_port=$(free_port)
python3 - "$(pwd)/../../dist" "$demo_port" > "$site.static.log" 2>&1 <<'PY' &
import functools, http.server, os, sys
root, port = sys.argv[1], int(sys.argv[2])
class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".js": "text/javascript", ".ftl": "text/plain; charset=utf-8"}
    def send_head(self):
        path = self.translate_path(self.path)
        if not os.path.exists(path):
            self.path = "/index.html"
        return super().send_head()
http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Handler, directory=root)).serve_forever()
PY
static=$!
wait_for "http://127.0.0.1:$demo_port/verify-email" 100
BASE_URL="http://127.0.0.1:$demo_port" node --test --test-concurrency=1 demo.test.mjs
