#!/usr/bin/env bash
# Counted work: instructions executed by Analyze + ToJson (callgrind) for an
# input of n bytes and for 10n bytes, for several kinds of text, less the fixed
# cost of analysing the first 100 bytes of the same kind of text (first-use
# set-up such as loading a model, which would otherwise hide a quadratic term;
# an empty text does not load what words or figures need). Instruction counts
# do not move with machine load, so the bound is tight: 10x the input may cost
# at most 11x the instructions (linear work: (10n - 100) / (n - 100), 10.09x
# for the default n). A count of zero fails: the functions counted were
# renamed, and the test would otherwise pass without measuring anything (it did
# so from 3840775, which moved `lede analyze FILE` to AnalyzeOwned, until 7d8628e).
# Run by ctest when valgrind is there.
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
# The input without a last character cut short by `head -c`: invalid UTF-8
# at the end of one size and not the other (the text is then decoded again,
# with U+FFFD) cost 1.2 M more instructions at 100 KB of open quotes.
whole_chars() { iconv -f UTF-8 -t UTF-8 -c 2> /dev/null || true; }
# names BYTES FORMAT: FORMAT (of %s) over and over to BYTES, each %s a
# different made-up name ("Bababan", "Dababan", ...: the digits of a count in
# consonants and vowels).
names() {
  python3 - "$1" "$2" << 'EOF'
import sys
size, fmt = int(sys.argv[1]), sys.argv[2]
out, n, total = [], 0, 0
while total < size:
    words = []
    for _ in range(fmt.count("%s")):
        x, w = n, ""
        n += 1
        while x > 0 or len(w) < 6:
            w += "BDFGKLMNPRSTVZ"[x % 14] + "aeiou"[x // 14 % 5]
            x //= 70
        words.append(w[0] + w[1:].lower() + "n")
    line = fmt % tuple(words)
    out.append(line)
    total += len(line)
sys.stdout.write("".join(out)[:size])
EOF
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
    openers) unit "$bytes" 'Hold Melania Trump Smith to account. ' ;;
    # Distinct names (made-up words, one per number) in patterns that rules
    # compare with every other name: quadratic walks took a minute on 2 MB.
    names) names "$bytes" '%s %s met. Mr. %s left. ' ;;
    name-list) names "$bytes" '%s, %s, %s and %s ' ;;
    roles) names "$bytes" 'said the mayor, %s %s. Then %s %s spoke. ' ;;
    name-openers) names "$bytes" 'Hold %s %s %s to account. ' ;;
    long-number) printf '$'; unit $((bytes - 1)) '9' ;;
    digit-groups) unit "$bytes" '1,' ;;
    powers) unit "$bytes" '10^400 ' ;;
  esac
}
count() {  # count FILE: instructions in Analyze + ToJson
  local out=$tmp/cg.out
  valgrind --tool=callgrind --callgrind-out-file="$out" \
    --toggle-collect='lede::AnalyzeTimed*' --toggle-collect='lede::AnalyzeOwned*' --toggle-collect='lede::ToJson*' \
    "$lede" analyze "$1" > /dev/null 2> "$tmp/cg.log" || { cat "$tmp/cg.log" >&2; return 1; }
  awk '/^(summary|totals):/ {print $2; exit}' "$out"
}
fail=0
passed=0
for name in ${LEDE_LINEARITY_KINDS:-article one-line quotes open-quotes long-word numbers capitals openers names name-list roles name-openers \
  long-number digit-groups powers}; do
  gen "$name" 100 | whole_chars > "$tmp/fixed"
  gen "$name" "$n" | whole_chars > "$tmp/small"
  gen "$name" $((10 * n)) | whole_chars > "$tmp/big"
  fixed=$(count "$tmp/fixed")
  a=$(($(count "$tmp/small") - fixed))
  b=$(($(count "$tmp/big") - fixed))
  if [ "$fixed" -le 0 ] || [ "$a" -le 0 ] || [ "$b" -le 0 ]; then
    echo "FAIL $name: no instructions counted ($fixed, $a more, $b more): is Analyze still reached through AnalyzeTimed or AnalyzeOwned?"
    fail=$((fail + 1))
    continue
  fi
  ratio=$(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.2f", b / a}')
  if awk -v r="$ratio" 'BEGIN {exit !(r <= 11)}'; then
    echo "ok   $name: $a -> $b instructions (over $fixed for 100 bytes) for $n -> $((10 * n)) bytes: ${ratio}x"
    passed=$((passed + 1))
  else
    echo "FAIL $name: $a -> $b instructions for $n -> $((10 * n)) bytes: ${ratio}x (limit 11x)"
    fail=$((fail + 1))
  fi
done
echo "linearity: $passed passed, $fail failed"
exit $((fail > 0))
