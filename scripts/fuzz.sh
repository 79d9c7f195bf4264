#!/usr/bin/env bash
# Runs each fuzz target (fuzz/, built by cargo-fuzz with the nightly toolchain) for
# FUZZ_SECONDS seconds (default 300): `make fuzz`. `make test` runs it with FUZZ_SECONDS=20.
# A crash stops the run with the failing input saved under fuzz/artifacts/<target>/; each one
# found becomes a regression test in the crate whose code was wrong (see the README).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${FUZZ_SECONDS:-300}"
targets=(import_json survey_csv survey_tool_csv survey_xlsx open_file bpmn)
if ! rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  echo "error: fuzzing needs the nightly Rust toolchain: run \`rustup toolchain install nightly\`" >&2
  exit 1
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  echo "error: fuzzing needs cargo-fuzz: run \`make deps\` (or \`cargo install cargo-fuzz --locked\`)" >&2
  exit 1
fi
cargo +nightly fuzz build
for target in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$target" fuzz/artifacts
  log="fuzz/artifacts/$target.log"
  echo "fuzz: $target for ${seconds} s (full output in $log)"
  # -rss_limit_mb: the open and import targets hold a template file and SQLite's caches.
  # -timeout: an input that takes two minutes is a finding (a hang), saved like a crash.
  if ! cargo +nightly fuzz run "$target" "fuzz/corpus/$target" -- \
    -max_total_time="$seconds" -timeout=120 -rss_limit_mb=4096 -print_final_stats=1 >"$log" 2>&1; then
    grep -E -A30 '^(==|SUMMARY|thread|.*panicked|.*ERROR)' "$log" | head -60 >&2 || true
    echo "fuzz: $target found a crash or a hang (input saved in fuzz/artifacts/$target/)" >&2
    exit 1
  fi
  grep -E '^(Done|stat::number_of_executed_units|stat::peak_rss_mb)' "$log" || true
done
