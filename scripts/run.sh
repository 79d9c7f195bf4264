#!/usr/bin/env bash
# Until the desktop app lands: build the demo client file into a temp dir and describe it.
set -euo pipefail
cargo build -p baton-cli
dir=$(mktemp -d)
./target/debug/baton demo "$dir/demo.baton"
./target/debug/baton info "$dir/demo.baton"
