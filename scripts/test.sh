#!/usr/bin/env bash
# Every test, in the order that fails fastest: format, the UI's type check and unit tests and
# build (the app embeds ui/dist), lints, every Rust test, a short run of each fuzz target
# (FUZZ_SECONDS, 20 s each here), then the end-to-end suite in the real app.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo fmt --all --check
(cd ui && npm run check && npm test && npm run build)
cargo clippy --workspace --all-targets --features baton-tests/e2e -- -D warnings
cargo test --workspace
FUZZ_SECONDS="${FUZZ_SECONDS:-20}" bash scripts/fuzz.sh
bash scripts/e2e.sh
