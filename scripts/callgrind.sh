#!/usr/bin/env bash
# Instructions executed by Analyze + ToJson (in the CLI, AnalyzeOwned +
# WriteJson) for one fixed input: a figure that, unlike wall time, does not
# move with machine noise.
#   scripts/callgrind.sh [LEDE] [FILE]
# LEDE defaults to build/native-release/lede; FILE to ../shared/articles/
# 002_4bda11de0e7c9aba.txt (9,362 bytes), else the first golden fixture.
# Prints the total and the 15 costliest functions (inclusive).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
lede=${1:-$root/build/native-release/lede}
shared=${LEDE_SHARED_DIR:-$root/../shared}
file=${2:-}
if [ -z "$file" ]; then
  file=$shared/articles/002_4bda11de0e7c9aba.txt
  [ -f "$file" ] || file=$(ls "$root"/tests/golden/*/input.txt 2> /dev/null | head -n 1)
fi
[ -x "$lede" ] || { echo "callgrind: build $lede first (cmake --preset native-release)" >&2; exit 1; }
[ -f "$file" ] || { echo "callgrind: no input file" >&2; exit 1; }
command -v valgrind > /dev/null || { echo "callgrind: valgrind not installed" >&2; exit 1; }
out=$(mktemp /tmp/lede-callgrind.XXXXXX)
trap 'rm -f "$out"' EXIT
valgrind --tool=callgrind --callgrind-out-file="$out" \
  --toggle-collect='lede::AnalyzeTimed*' --toggle-collect='lede::AnalyzeOwned*' \
  --toggle-collect='lede::ToJson*' --toggle-collect='lede::WriteJson*' \
  "$lede" analyze "$file" > /dev/null 2> "$out.log" || { cat "$out.log"; rm -f "$out.log"; exit 1; }
rm -f "$out.log"
ir=$(awk '/^(summary|totals):/ {print $2; exit}' "$out")
# The same for an empty text: the first-use set-up (models, lexicons) that
# every process pays once, so the per-article figure can leave it out.
: > "$out.empty"
valgrind --tool=callgrind --callgrind-out-file="$out.fixed" \
  --toggle-collect='lede::AnalyzeTimed*' --toggle-collect='lede::AnalyzeOwned*' \
  --toggle-collect='lede::ToJson*' --toggle-collect='lede::WriteJson*' \
  "$lede" analyze "$out.empty" > /dev/null 2>&1
fixed=$(awk '/^(summary|totals):/ {print $2; exit}' "$out.fixed")
rm -f "$out.empty" "$out.fixed"
bytes=$(wc -c < "$file")
echo "callgrind: $(basename "$file") ($bytes bytes), commit $(git -C "$root" rev-parse --short HEAD 2> /dev/null || echo '?')"
echo "  Analyze + ToJson: $ir instructions in all"
echo "  set-up on first use (an empty text): $fixed"
echo "  the article itself: $((ir - fixed)) ($(awk -v i="$((ir - fixed))" -v b="$bytes" 'BEGIN {printf "%.0f", i / b}') per byte)"
if command -v callgrind_annotate > /dev/null; then
  echo "  costliest functions (inclusive):"
  callgrind_annotate --inclusive=yes "$out" 2> /dev/null | grep -E '^ *[0-9,]+ ' | grep 'lede::' |
    grep -v -E 'AnalyzeCommand|lede::Analyze\(' | sed -E 's/\(std::.*//; s/\[\/.*//; s/\?\?\?://' |
    head -n 15
fi
