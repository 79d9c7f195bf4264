#!/usr/bin/env bash
# Runs each fuzz target (fuzz/, built by cargo-fuzz with the nightly toolchain) for
# FUZZ_SECONDS seconds (default 300): `make fuzz`. `make test` runs it with FUZZ_SECONDS=20.
# A crash stops the run with the failing input saved under fuzz/artifacts/<target>/; each one
# found becomes a regression test in the crate whose code was wrong (see the README).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${FUZZ_SECONDS:-300}"
targets=(import_json survey_csv open_file)
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
  mkdir -p "fuzz/corpus/$target"
  echo "fuzz: $target for ${seconds} s"
  # -rss_limit_mb: the open and import targets hold a template file and SQLite's caches.
  cargo +nightly fuzz run "$target" "fuzz/corpus/$target" -- \
    -max_total_time="$seconds" -rss_limit_mb=4096 -print_final_stats=1 2>&1 |
    grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|Done|==|SUMMARY|thread|.*panicked|Test unit written)' || true
  # grep hides libFuzzer's progress lines; the run's own status decides.
  [ "${PIPESTATUS[0]}" -eq 0 ] || { echo "fuzz: $target found a crash (see fuzz/artifacts/$target/)" >&2; exit 1; }
done
