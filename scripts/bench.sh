#!/usr/bin/env bash
# The benchmarks (release builds); the figures are recorded in the README.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo bench -p baton-core --bench apply --bench layout --bench analysis --bench plan --bench compare -- --warm-up-time 1 --measurement-time 3
cargo bench -p baton-interop --bench survey_import -- --warm-up-time 1 --measurement-time 3
cargo bench -p baton-report --bench export -- --warm-up-time 1 --measurement-time 3
cargo bench -p baton-store --bench store
cargo bench -p baton-store --bench one_cell
cargo bench -p baton-session --bench view_update
bash scripts/app-bench.sh
# Side by side with bpmn-js (issue 16): the 10,000- and 1,000-step journeys opened in the release
# app (built by app-bench.sh) and, exported to BPMN, in bpmn-js in Debian's Chromium.
BATON_E2E_TEST=bpmn_bench BATON_E2E_APP="$PWD/target/release/baton-app" bash scripts/e2e.sh --nocapture
