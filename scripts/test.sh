#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds, runs the Swift tests (unit + end-to-end on
# loopback), then the interop and conformance tests that drive the server with clients we did not write
# (Python websockets, Node ws, raw-socket Autobahn-style cases).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh test

echo "== swift build"
swift build --build-tests
echo "== swift test"
swift test --skip-build

echo "== interop tests (pytest)"
venv=.venv
if [ ! -x "$venv/bin/pytest" ] || ! "$venv/bin/python" -c "import websockets" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check pytest websockets
fi
export LOBBY_SERVER_BIN="$PWD/.build/debug/lobby-server"
"$venv/bin/python" -m pytest -q Tests/interop
