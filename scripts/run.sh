#!/usr/bin/env bash
# Quick start: install what is missing, build, and run the server on its embedded defaults (port 3005,
# development mode). Extra arguments are passed to lobby-server (see --help).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh run
swift build -c release --product lobby-server
exec .build/release/lobby-server "$@"
