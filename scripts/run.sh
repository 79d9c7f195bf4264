#!/usr/bin/env bash
# Builds the UI and the desktop app and runs it (under Xvfb when there is no display).
set -euo pipefail
cd "$(dirname "$0")/.."
exec bash scripts/run-app.sh "$@"
