#!/usr/bin/env bash
# Fuzz Analyze + ToJson with libFuzzer under ASan+UBSan for a bounded time.
#   scripts/fuzz.sh [SECONDS]     default 60 (or $LEDE_FUZZ_SECONDS)
# Seeds are built at run time from ../shared/articles, the PolNeAR texts in
# ../shared/data/quotes (when present), the golden fixtures and every past
# crash in tests/fuzz/regressions/ (nothing from shared/ is ever committed).
# A crash leaves its input in build/fuzz/artifacts/ and fails the run: copy it
# to tests/fuzz/regressions/ (named for the bug) so every ctest run replays it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-${LEDE_FUZZ_SECONDS:-60}}
shared=${LEDE_SHARED_DIR:-$root/../shared}
build=$root/build/fuzz
cxx=${LEDE_FUZZ_CXX:-$(command -v clang++ || command -v clang++-14 || true)}
cc=${LEDE_FUZZ_CC:-$(command -v clang || command -v clang-14 || true)}
if [ -z "$cxx" ]; then
  echo "fuzz: clang++ not found (scripts/setup.sh installs clang and libclang-rt-14-dev)" >&2
  exit 1
fi

cmake -S "$root" -B "$build" -DLEDE_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_C_COMPILER="$cc" > "$build.log" 2>&1 ||
  { cat "$build.log"; exit 1; }
cmake --build "$build" -j2 --target analyze_fuzzer >> "$build.log" 2>&1 ||
  { tail -n 40 "$build.log"; exit 1; }

seeds=$build/seeds
corpus=$build/corpus   # grows across runs on this machine; gitignored
artifacts=$build/artifacts
rm -rf "$seeds"
mkdir -p "$seeds" "$corpus" "$artifacts"
n=0
add() {  # add FILE: the seed as is, and a copy whose first (options) byte asks utf8 offsets
  n=$((n + 1))
  cp "$1" "$seeds/s$n"
  { printf '\001'; head -c 16000 "$1"; } > "$seeds/u$n"
}
for f in "$shared"/articles/*.txt "$root"/tests/golden/*/input.txt; do
  [ -f "$f" ] && add "$f"
done
for f in "$root"/tests/fuzz/regressions/*; do
  [ -f "$f" ] && cp "$f" "$seeds/r-$(basename "$f")"
done
if [ -f "$shared/data/quotes/polnear-dev.jsonl" ] && command -v jq > /dev/null; then
  i=0
  while IFS= read -r -d '' text; do
    i=$((i + 1))
    printf '%s' "$text" > "$seeds/p$i"
  done < <(head -n 60 "$shared/data/quotes/polnear-dev.jsonl" | jq -j '.text + "\u0000"')
  n=$((n + i))
fi
echo "fuzz: $(ls "$seeds" | wc -l) seed files (articles, PolNeAR texts, fixtures, past crashes), $seconds s"

# Past crashes first: each must now pass.
if compgen -G "$root/tests/fuzz/regressions/*" > /dev/null; then
  "$build/analyze_fuzzer" "$root"/tests/fuzz/regressions/* > "$build/regressions.log" 2>&1 ||
    { tail -n 40 "$build/regressions.log"; echo "fuzz: a past crash is back"; exit 1; }
fi

set +e
"$build/analyze_fuzzer" "$corpus" "$seeds" \
  -dict="$root/tests/fuzz/analyze.dict" \
  -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="$artifacts/" -print_final_stats=1 > "$build/fuzz.log" 2>&1
rc=$?
set -e
grep -E '^#[0-9]+.*(DONE|INITED)|stat::number_of_executed_units|stat::peak_rss' "$build/fuzz.log" || true
if [ $rc -ne 0 ]; then
  grep -A 40 -E 'ERROR|SUMMARY|analyze_fuzzer:' "$build/fuzz.log" | head -n 80
  echo "fuzz: FAILED; the input is in $artifacts/ (copy it to tests/fuzz/regressions/)"
  exit 1
fi
echo "fuzz: no crash in $seconds s"
