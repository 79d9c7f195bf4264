#!/usr/bin/env bash
# Everything the build and the tests need, installed only when missing: Debian packages and
# tauri-driver (scripts/deps-app.sh), the UI's and scripts/bpmnjs' npm packages from their
# committed lock files, and
# cargo-fuzz for the fuzz targets (scripts/fuzz.sh), which also need the nightly toolchain.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps-app.sh
if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules ]; then
  (cd ui && npm ci --no-audit --no-fund)
fi
# bpmn-js and playwright-core for the bpmn-js check and the side-by-side bench; the browser is
# Debian's chromium (deps-app.sh), so playwright downloads none.
if [ ! -d scripts/bpmnjs/node_modules ] || [ scripts/bpmnjs/package-lock.json -nt scripts/bpmnjs/node_modules ]; then
  (cd scripts/bpmnjs && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
    cargo install cargo-fuzz --locked
  else
    echo "deps: the nightly Rust toolchain is missing, so the fuzz step of \`make test\` and" \
      "\`make fuzz\` will fail: install it with \`rustup toolchain install nightly\`" >&2
  fi
fi
