#!/usr/bin/env bash
# The README's first command: installs what is missing, then serves the app with trunk.
# With no backend URL in static/config.json the in-browser backend answers, so this alone
# gives a working app at http://127.0.0.1:8080/.
#
# `scripts/serve.sh --with-server [csp-server flags]`: the release build served by the API
# server instead (app and API on one origin, http://127.0.0.1:8090/, data in csp-server.db,
# seeded with the demo data so the demo accounts sign in).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
if [ "${1:-}" = "--with-server" ]; then
  shift
  trunk build --release
  site=target/site
  rm -rf "$site" && mkdir -p "$site" && cp -r dist/. "$site/"
  python3 - "$site/config.json" <<'PY'
import json, sys
p = sys.argv[1]; c = json.load(open(p)); c["api_base_url"] = "/api"; json.dump(c, open(p, "w"))
PY
  cargo build --profile server -p csp-server
  exec "${CARGO_TARGET_DIR:-target}"/server/csp-server --port "${PORT:-8090}" --dist "$site" --demo-data "$@"
fi
exec trunk serve "$@"
