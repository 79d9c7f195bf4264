#!/usr/bin/env bash
# Builds the UI and the app, then runs it. With no display (a server, CI) it runs under a
# private Xvfb so that it still starts.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build-app.sh
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec ./target/debug/baton-app "$@"
fi
echo "No display: running Baton under Xvfb (xvfb-run)." >&2
exec xvfb-run -a -s "-screen 0 1600x1000x24" ./target/debug/baton-app "$@"
