#!/usr/bin/env bash
# Runs every test (README command 2; .ci/run calls this):
#   setup      scripts/setup.sh (installs only what is missing)
#   release    native-release build + ctest (GoogleTest units, golden fixtures)
#   debug      native-debug build (ASan + UBSan) + ctest
#   fuzz       libFuzzer over Analyze + ToJson, ASan+UBSan, $LEDE_FUZZ_SECONDS (default 60) s
#   wasm       wasm-release build + node --test tests/js/ (golden fixtures through wasm, offsets)
#   e2e        node --test tests/e2e/ (Playwright + Chromium), when such tests exist
# Stops at the first failing step (exit 1) and ends with a summary either way.
# Logs of each step: build/logs/STEP.log
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
mkdir -p build/logs
start_all=$(date +%s)
summary=()
passed=0
failed=0

finish() {
  local status=$1
  echo
  echo "=== summary ==="
  for line in "${summary[@]}"; do echo "  $line"; done
  echo "  total $(($(date +%s) - start_all)) s"
  echo "tests: $passed passed, $failed failed"
  exit "$status"
}

# step NAME COMMAND...: runs COMMAND under a header, output to the terminal and build/logs/NAME.log.
step() {
  local name=$1
  shift
  echo
  echo "=== $name: $* ==="
  local t0 rc
  t0=$(date +%s)
  "$@" 2>&1 | tee "build/logs/$name.log"
  rc=${PIPESTATUS[0]}
  local took=$(($(date +%s) - t0))
  if [ "$rc" -ne 0 ]; then
    summary+=("FAIL $name (${took} s, exit $rc; log build/logs/$name.log)")
    count "$name"
    # A step that failed without a runner's count (a build) still counts once.
    grep -qE 'tests failed out of|^# fail [0-9]+' "build/logs/$name.log" || failed=$((failed + 1))
    finish 1
  fi
  summary+=("ok   $name (${took} s)")
}

# Adds the counts of a ctest or node --test log to the totals.
count() {
  local log=build/logs/$1.log n
  n=$(grep -oE '[0-9]+ tests failed out of [0-9]+' "$log" | tail -1 || true)
  if [ -n "$n" ]; then
    local f t
    f=$(echo "$n" | awk '{print $1}')
    t=$(echo "$n" | awk '{print $NF}')
    passed=$((passed + t - f))
    failed=$((failed + f))
  fi
  n=$(grep -oE '^# pass [0-9]+' "$log" | tail -1 | awk '{print $3}' || true)
  [ -n "$n" ] && passed=$((passed + n))
  n=$(grep -oE '^# fail [0-9]+' "$log" | tail -1 | awk '{print $3}' || true)
  [ -n "$n" ] && failed=$((failed + n))
  return 0
}

build() {
  cmake --preset "$1" > "build/logs/$1-configure.log" 2>&1 ||
    { tail -n 40 "build/logs/$1-configure.log"; return 1; }
  cmake --build --preset "$1"
}

step setup bash scripts/setup.sh
[ -d /usr/share/nodejs/acorn ] && export NODE_PATH=/usr/share/nodejs

step build-native-release build native-release
step test-native-release ctest --preset native-release
count test-native-release

step build-native-debug build native-debug
step test-native-debug ctest --preset native-debug
count test-native-debug

step fuzz bash scripts/fuzz.sh "${LEDE_FUZZ_SECONDS:-60}"
summary+=("     fuzz: $(grep -oE 'number_of_executed_units: *[0-9]+' build/logs/fuzz.log | grep -oE '[0-9]+$' || echo '?') inputs, no crash")

step build-wasm-release build wasm-release
wasm=build/wasm-release/gen/lede.wasm
summary+=("     wasm: $(stat -c %s "$wasm") bytes, $(gzip -9c "$wasm" | wc -c) gzipped")
step test-wasm node --test tests/js/
count test-wasm

step build-extension node scripts/build-extension.mjs
summary+=("     extension: $(stat -c %s web/extension/lede-extension.zip) bytes zipped")

if compgen -G "tests/e2e/*.test.mjs" > /dev/null; then
  step test-e2e node --test tests/e2e/
  count test-e2e
else
  summary+=("     e2e: no tests/e2e/*.test.mjs yet")
fi

finish 0
