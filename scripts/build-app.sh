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
# The app is built in the same cargo invocation shape as `cargo test --workspace` (every member,
# test targets selected): cargo unifies dependency features per invocation, and `-p baton-app`
# alone would give Typst's ~200 crates other features, so a second full build of them (minutes).
# This way `make test`, the e2e suite and `make run` share one build of the dependencies.
cargo build --workspace --tests --bins
