#!/usr/bin/env bash
# Counted work: instructions executed by Analyze + ToJson (callgrind) for an
# input of n bytes and for 10n bytes, for several kinds of text, less the fixed
# cost of analysing an empty text (first-use set-up such as loading a model,
# which would otherwise hide a quadratic term). Instruction counts do not move
# with machine load, so the bound is tight: 10x the input may cost at most 11x
# the instructions. Run by ctest when valgrind is there.
#   tests/linearity.sh LEDE [N]
set -eu  # no pipefail: `yes | head` ends yes with SIGPIPE
lede=$1
n=${2:-10000}
dir=$(cd "$(dirname "$0")" && pwd)
shared=${LEDE_SHARED_DIR:-$dir/../../shared}
tmp=$(mktemp -d /tmp/lede-linearity.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

# make NAME BYTES: write $tmp/NAME.BYTES from the generator for NAME.
unit() {  # a string repeated (no newline added) to BYTES
  local bytes=$1
  shift
  yes "$*" | tr -d '\n' | head -c "$bytes"
}
article=$shared/articles/002_4bda11de0e7c9aba.txt
[ -f "$article" ] || article=""
gen() {
  local name=$1 bytes=$2
  case $name in
    article)
      if [ -n "$article" ]; then
        local size reps
        size=$(wc -c < "$article")
        reps=$((bytes / size + 1))
        for _ in $(seq "$reps"); do cat "$article"; printf '\n\n'; done | head -c "$bytes"
      else
        unit "$bytes" '“We are moving forward,” Gen. Valery Zaluzhny said on Sunday of the 3,000 square kilometers (1,160 square miles) retaken. '
      fi ;;
    one-line) unit "$bytes" 'Officials said the 3,000 troops, led by Gen. Smith, had moved; ' ;;
    quotes) unit "$bytes" '"' ;;
    open-quotes) unit "$bytes" '“he said ‘' ;;
    long-word) unit "$bytes" 'Ab' ;;
    numbers) unit "$bytes" '1,000,0 $9.9bn 10^400 km² ' ;;
    capitals) unit "$bytes" 'The United Nations Security Council President ' ;;
  esac
}
count() {  # count FILE: instructions in Analyze + ToJson
  local out=$tmp/cg.out
  valgrind --tool=callgrind --callgrind-out-file="$out" \
    --toggle-collect='lede::AnalyzeTimed*' --toggle-collect='lede::ToJson*' \
    "$lede" analyze "$1" > /dev/null 2> "$tmp/cg.log" || { cat "$tmp/cg.log" >&2; return 1; }
  awk '/^(summary|totals):/ {print $2; exit}' "$out"
}
: > "$tmp/empty"
fixed=$(count "$tmp/empty")
echo "fixed cost (empty text): $fixed instructions"
fail=0
passed=0
for name in article one-line quotes open-quotes long-word numbers capitals; do
  gen "$name" "$n" > "$tmp/small"
  gen "$name" $((10 * n)) > "$tmp/big"
  a=$(($(count "$tmp/small") - fixed))
  b=$(($(count "$tmp/big") - fixed))
  ratio=$(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.2f", b / a}')
  if awk -v r="$ratio" 'BEGIN {exit !(r <= 11)}'; then
    echo "ok   $name: $a -> $b instructions for $n -> $((10 * n)) bytes: ${ratio}x"
    passed=$((passed + 1))
  else
    echo "FAIL $name: $a -> $b instructions for $n -> $((10 * n)) bytes: ${ratio}x (limit 11x)"
    fail=$((fail + 1))
  fi
done
echo "linearity: $passed passed, $fail failed"
exit $((fail > 0))
