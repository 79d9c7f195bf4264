#!/usr/bin/env bash
# The end-to-end suite: the real app binary, driven through WebDriver (tauri-driver ->
# WebKitWebDriver) on a private Xvfb display, writing real .baton files in a temp dir.
# Screenshots land in target/e2e-screens/.
# BATON_E2E_TEST picks the test target (default: e2e; scripts/app-bench.sh runs app_bench) and
# BATON_E2E_APP the binary (default: the debug build, built here).
set -euo pipefail
cd "$(dirname "$0")/.."
TEST_TARGET="${BATON_E2E_TEST:-e2e}"
if [ -z "${BATON_E2E_APP:-}" ]; then
  bash scripts/build-app.sh
  export BATON_E2E_APP="$PWD/target/debug/baton-app"
fi

DISPLAY_NUM="${BATON_E2E_DISPLAY:-:99}"
PORT="${BATON_E2E_PORT:-4444}"
TAURI_DRIVER="$(command -v tauri-driver || echo "$HOME/.cargo/bin/tauri-driver")"
work="$(mktemp -d)"
mkdir -p target/e2e-screens
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# Large enough for a 1920x1080 window (the presentation's projector-size screenshots).
Xvfb "$DISPLAY_NUM" -screen 0 1920x1200x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
pids+=($!)
export DISPLAY="$DISPLAY_NUM"
# The app's preferences (recent list) and demo files go to the temp dir, never the user's.
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME"
for _ in $(seq 50); do xdpyinfo -display "$DISPLAY" >/dev/null 2>&1 && break; sleep 0.1; done

"$TAURI_DRIVER" --port "$PORT" --native-port "$((PORT + 1))" >"$work/tauri-driver.log" 2>&1 &
pids+=($!)
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; sleep 0.1; done

export BATON_E2E_WEBDRIVER="http://127.0.0.1:$PORT"
export BATON_E2E_SCREENS="$PWD/target/e2e-screens"
cargo test -p baton-tests --features e2e --test "$TEST_TARGET" -- --test-threads=1 "$@"
