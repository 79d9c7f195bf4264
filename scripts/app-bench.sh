#!/usr/bin/env bash
# In-app performance (issue 3): the release app with the 10,000-step journey, measured through
# WebDriver and the page's Performance API under Xvfb. Prints the figures; see the README.
# The app runs as it configures itself: on a machine without a GPU (this one), WebKit paints
# with Skia on the CPU (src-tauri/src/rendering.rs).
set -euo pipefail
cd "$(dirname "$0")/.."
(cd ui && { [ -d node_modules ] && [ node_modules -nt package-lock.json ] || npm ci --no-audit --no-fund; } && npm run build)
cargo build --release -p baton-app
export BATON_E2E_TEST=app_bench BATON_E2E_APP="$PWD/target/release/baton-app"
bash scripts/e2e.sh --nocapture
