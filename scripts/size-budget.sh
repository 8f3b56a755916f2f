#!/usr/bin/env bash
# Prints the first load of a release build and fails above the budget. The first load is
# everything fetched before the first control works: html + js + wasm + css, the config and the
# first locale (config.json, locales/en.ftl), gzip and brotli. The gzip total is held to
# SIZE_BUDGET_KB. Usage: scripts/size-budget.sh [DIST] (run `trunk build --release` first).
set -euo pipefail
dist="${1:-dist}"
budget_kb="${SIZE_BUDGET_KB:-250}"
python3 - "$dist" "$budget_kb" <<'PY'
import glob, gzip, os, sys
dist, budget = sys.argv[1], int(sys.argv[2])
try:
    import brotli
except ImportError:
    brotli = None
files = [f for pat in ("*.html", "*.js", "*.wasm", "*.css") for f in sorted(glob.glob(os.path.join(dist, pat)))]
if not any(f.endswith(".wasm") for f in files):
    sys.exit(f"no build in {dist}: run trunk build --release")
# Fetched by the app before its first render (and preloaded by index.html).
for extra in ("config.json", os.path.join("locales", "en.ftl")):
    path = os.path.join(dist, extra)
    if not os.path.isfile(path):
        sys.exit(f"{path} is missing from the build")
    files.append(path)
tot = {"raw": 0, "gzip": 0, "br": 0}
print(f"{'file':48} {'raw':>10} {'gzip':>10} {'brotli':>10}")
for f in files:
    b = open(f, "rb").read()
    g = len(gzip.compress(b, 9))
    r = len(brotli.compress(b, quality=11)) if brotli else 0
    tot["raw"] += len(b); tot["gzip"] += g; tot["br"] += r
    print(f"{os.path.relpath(f, dist):48} {len(b):>10} {g:>10} {r if brotli else '-':>10}")
kb = lambda n: f"{n / 1024:.1f} KB"
print(f"{'first load':48} {kb(tot['raw']):>10} {kb(tot['gzip']):>10} {kb(tot['br']) if brotli else '-':>10}")
print(f"budget: {budget} KB gzip")
if tot["gzip"] > budget * 1024:
    sys.exit(f"first load {kb(tot['gzip'])} gzip is over the {budget} KB budget")
PY
