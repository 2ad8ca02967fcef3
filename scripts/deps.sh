#!/usr/bin/env bash
# Installs the Debian packages Lobby needs, only those missing. Usage: scripts/deps.sh [run|test]
#   run:  C libraries the server links (OpenSSL, hiredis, SQLite, zlib) and pkg-config
#   test: the above plus what the test suite drives: redis-server, openssl (test certificates),
#         node + Debian's node-ws (a WebSocket client we did not write), python3-venv
set -euo pipefail
mode="${1:-run}"
packages=(pkg-config libssl-dev libhiredis-dev libsqlite3-dev zlib1g-dev)
if [ "$mode" = "test" ]; then
    packages+=(redis-server openssl node-ws util-linux)
fi
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "$mode" = "test" ] && ! command -v node >/dev/null 2>&1; then
    missing+=(nodejs)
fi
if [ ${#missing[@]} -gt 0 ]; then
    echo "deps: installing ${missing[*]}" >&2
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
