#!/usr/bin/env bash
# Prints the first load of a release build and fails above the budget. The first load is
# everything fetched before the app has taken the start page over: html + js + wasm + css, the
# config and the first page's English messages (config.json and the locale file index.html preloads),
# gzip and brotli. index.html is the start page prerendered in English, as a first visit to `/`
# gets it (its text, headings and links work from that file and the css alone; the figure
# still counts everything until the app has taken over). The gzip total is held to
# SIZE_BUDGET_KB. The page folders' wasm chunks of the split build, fetched after
# the first page, are listed below it. Usage: scripts/size-budget.sh [DIST] (run
# `trunk build --release` first).
set -euo pipefail
dist="${1:-dist}"
budget_kb="${SIZE_BUDGET_KB:-118}"
python3 - "$dist" "$budget_kb" <<'PY'
import glob, gzip, os, re, sys
dist, budget = sys.argv[1], int(sys.argv[2])
try:
    import brotli
except ImportError:
    brotli = None
index = os.path.join(dist, "index.html")
if not os.path.isfile(index) or not glob.glob(os.path.join(dist, "*.wasm")):
    sys.exit(f"no build in {dist}: run trunk build --release")
# What index.html names (scripts, their loader, the main wasm, css) is the first load.
named = set(re.findall(r"[\w.-]+\.(?:js|wasm|css)\b", open(index).read()))
files = [index] + [f for pat in ("*.js", "*.wasm", "*.css") for f in sorted(glob.glob(os.path.join(dist, pat))) if os.path.basename(f) in named]
later = [f for f in sorted(glob.glob(os.path.join(dist, "*.wasm"))) if os.path.basename(f) not in named]
if "data-pre" not in open(index).read():
    print("(index.html has no prerendered start page)")
# Fetched by the app before its first render: what index.html preloads besides the above.
html = open(index).read()
extras = re.findall(r"<link (?=[^>]*\bas=\"?fetch\b)(?=[^>]*\bhref=\"?/([\w./-]+\.(?:json|ftl))\b)[^>]*>", html)
for want in ("config.json", "ftl"):
    if not any(e.endswith(want) for e in extras):
        sys.exit(f"index.html preloads no {want}: the first load would be misreported")
for extra in extras:
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
paint = [f for f in files if f == index or f.endswith(".css")]
if "data-pre" in open(index).read():
    g = sum(len(gzip.compress(open(f, "rb").read(), 9)) for f in paint)
    print(f"the prerendered start page readable and its links working (html + css): {kb(g)} gzip")
if later:
    print(f"loaded after the first page ({len(later)} wasm chunks):")
    sizes = {"raw": 0, "gzip": 0, "br": 0}
    for f in later:
        b = open(f, "rb").read()
        g = len(gzip.compress(b, 9))
        r = len(brotli.compress(b, quality=11)) if brotli else 0
        sizes["raw"] += len(b); sizes["gzip"] += g; sizes["br"] += r
        if os.path.basename(f).startswith("split_"):
            print(f"  {os.path.basename(f):46} {len(b):>10} {g:>10} {r if brotli else '-':>10}")
    print(f"  {'all chunks (page folders and what they share)':46} {kb(sizes['raw']):>10} {kb(sizes['gzip']):>10} {kb(sizes['br']) if brotli else '-':>10}")
if tot["gzip"] > budget * 1024:
    sys.exit(f"first load {kb(tot['gzip'])} gzip is over the {budget} KB budget")
PY
