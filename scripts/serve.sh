#!/usr/bin/env bash
# The README's first command: installs what is missing, then serves the app with trunk.
# With no backend URL in static/config.json the in-browser backend answers, so this alone
# gives a working app at http://127.0.0.1:8080/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
exec trunk serve "$@"
