#!/usr/bin/env bash
# The benchmarks; figures are recorded in the README.
set -euo pipefail
cargo bench --workspace
