#!/usr/bin/env bash
# Golden fixtures: tests/golden/NAME/input.txt -> expected.json (lede analyze --pretty).
#   check.sh LEDE            compare every fixture; exit 1 on any difference
#   check.sh LEDE --update   rewrite expected.json files (review the diff before committing)
set -euo pipefail
lede=$1
update=${2:-}
dir=$(cd "$(dirname "$0")" && pwd)
fail=0
count=0
for input in "$dir"/*/input.txt; do
  [ -e "$input" ] || continue
  fixture=$(dirname "$input")
  name=$(basename "$fixture")
  opts=()
  [ -f "$fixture/options" ] && read -r -a opts < "$fixture/options"
  actual=$("$lede" analyze --pretty "${opts[@]}" "$input")
  count=$((count + 1))
  if [ "$update" = "--update" ]; then
    printf '%s\n' "$actual" > "$fixture/expected.json"
    echo "updated $name"
  elif ! diff -u "$fixture/expected.json" <(printf '%s\n' "$actual") > /tmp/lede-golden-$$.diff; then
    echo "FAIL $name"
    head -n 60 /tmp/lede-golden-$$.diff
    fail=1
  fi
done
rm -f /tmp/lede-golden-$$.diff
echo "golden: $count fixture(s) checked"
exit $fail
