#!/usr/bin/env bash
# Tests the workbench in a real browser: starts `totaalbeeld serve` on a free port of 127.0.0.1 over an empty
# temporary folder, drives headless Chromium with Selenium through import → screening → edit → save → weigh →
# two evaluations → comparison, checks that the saved files validate, and sends a cross-site POST, a path
# traversal and an oversized body, expecting refusals. Stops the server and removes its folder on any exit.
# Installs Debian's chromium and chromium-driver and Selenium from PyPI when they are missing.
# Usage: scripts/check-workbench.sh [--docs]   (--docs writes the screenshots to docs/)
# Prints the checks and one "N passed, N failed" line; exit 1 when a check fails.
set -euo pipefail
cd "$(dirname "$0")/.."

docs=false
[ "${1:-}" = "--docs" ] && docs=true

SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  echo "check-workbench: installing chromium and chromium-driver"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi
if ! python3 -c "import selenium" >/dev/null 2>&1; then
  echo "check-workbench: installing selenium"
  if ! python3 -m pip --version >/dev/null 2>&1; then
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-pip >/dev/null
  fi
  python3 -m pip install -q selenium 2>/dev/null || python3 -m pip install -q --break-system-packages selenium
fi

swift build -q --product totaalbeeld
bin="$(swift build --show-bin-path)/totaalbeeld"

work="$(mktemp -d)"
server=""
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM
mkdir -p "$work/dossiers" "$work/shots"

# Port 0: the server takes a free port and prints it.
TOTAALBEELD_TODAY=2026-11-20 "$bin" serve --dir "$work/dossiers" --port 0 >"$work/serve.log" 2>&1 &
server=$!
port=""
for _ in $(seq 1 100); do
  port="$(grep -o '127\.0\.0\.1:[0-9]*' "$work/serve.log" 2>/dev/null | head -n 1 | cut -d: -f2 || true)"
  [ -n "$port" ] && break
  kill -0 "$server" 2>/dev/null || { cat "$work/serve.log" >&2; echo "0 passed, 1 failed"; exit 1; }
  sleep 0.2
done
if [ -z "$port" ]; then
  echo "check-workbench: the server did not start" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

status=0
timeout 600 python3 scripts/workbench-browser.py "http://127.0.0.1:$port" "$work/dossiers" \
  Cases/intakes/intake-administratief-medewerker.docx "$bin" "$work/shots" || status=$?

# The log names routes and statuses only: no dossier text may appear in it.
if grep -q "betalingsachterstanden\|stabiel gezin\|teamoverleg" "$work/serve.log"; then
  echo "FAIL the server log holds dossier text"
  echo "0 passed, 1 failed"
  status=1
fi

if $docs && [ "$status" -eq 0 ]; then
  cp "$work"/shots/workbench-*.png docs/
  echo "check-workbench: screenshots written to docs/"
fi
exit "$status"
