# Sourced by the scripts that start a server for their tests.
# shellcheck shell=bash

# A free TCP port on loopback.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Waits until URL answers (TRIES × 0.1 s, default 200); fails if it never does.
wait_for() {
  python3 - "$1" "${2:-200}" <<'PY'
import sys, time, urllib.request
for _ in range(int(sys.argv[2])):
    try:
        urllib.request.urlopen(sys.argv[1], timeout=1); break
    except OSError:
        time.sleep(0.1)
else:
    sys.exit(f"{sys.argv[1]} did not answer")
PY
}
