#!/usr/bin/env bash
# Every test: format, lints, then the whole workspace's tests.
set -euo pipefail
cargo fmt --all --check
cargo clippy --workspace --all-targets -- -D warnings
cargo test --workspace
