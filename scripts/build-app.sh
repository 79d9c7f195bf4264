#!/usr/bin/env bash
# Builds the UI (ui/dist, which the app embeds) and then the debug app binary.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -f ui/package.json ]; then
  (cd ui && { [ -d node_modules ] && [ node_modules -nt package-lock.json ] || npm ci --no-audit --no-fund; } && npm run build)
else
  echo "ui/package.json is missing: the UI has not been merged yet" >&2
  exit 1
fi
cargo build -p baton-app
