#!/usr/bin/env bash
# Everything the build and the tests need, installed only when missing: Debian packages and
# tauri-driver (scripts/deps-app.sh), then the UI's npm packages from the committed lock file.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps-app.sh
if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules ]; then
  (cd ui && npm ci --no-audit --no-fund)
fi
