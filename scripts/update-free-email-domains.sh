#!/usr/bin/env bash
# Regenerates static/data/free-email-domains.txt: the consumer-webmail list the work-email rule
# refuses. Source: the npm package free-email-domains (MIT, HubSpot-derived). 1.2.26 is the
# newest release of the webmail-only set (~4.8k domains): 1.9 and later merge in disposable
# domains (14k+), and no 1.5.0 was ever published. scripts/extra-consumer-domains.txt adds
# providers the list misses (sfr.fr ...). Usage: scripts/update-free-email-domains.sh [VERSION]
set -euo pipefail
version="${1:-1.2.26}"
cd "$(dirname "$0")/.."
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "free-email-domains@$version" >/dev/null && tar xzf free-email-domains-*.tgz)
out=static/data/free-email-domains.txt
{
  echo "# Consumer webmail domains refused as work email."
  echo "# Source: npm free-email-domains@$version (MIT, https://github.com/Kikobeats/free-email-domains)"
  echo "# plus scripts/extra-consumer-domains.txt. Regenerate: scripts/update-free-email-domains.sh"
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); extra=[l.strip().lower() for l in open(sys.argv[2]) if l.strip() and not l.startswith("#")]; print("\n".join(sorted(set(x.strip().lower() for x in d)|set(extra))))' \
    "$tmp/package/domains.json" scripts/extra-consumer-domains.txt
} > "$out"
echo "wrote $out: $(grep -vc '^#' "$out") domains from free-email-domains@$version"
