#!/usr/bin/env bash
# `lede analyze --jsonl` over awkward lines: tests/jsonl/input.jsonl ->
# expected.jsonl, read from a file with one thread and from standard input
# with three (the output keeps the input's order). The lines: ids of every
# JSON type (floats and large integers as nlohmann writes them back), escapes
# and surrogate pairs, repeated members, nested members, a byte-order mark,
# CRLF, blank lines, a last line without '\n', and the error lines: invalid
# JSON (with invalid UTF-8 among the bytes the message quotes), a line that is
# not an object, no string "text".
#   check.sh LEDE            compare; exit 1 on any difference
#   check.sh LEDE --update   rewrite expected.jsonl (review the diff before committing)
set -euo pipefail
lede=$1
update=${2:-}
dir=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d /tmp/lede-jsonl.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
"$lede" analyze --jsonl --threads 1 "$dir/input.jsonl" > "$tmp/one.jsonl"
"$lede" analyze --jsonl --threads 3 < "$dir/input.jsonl" > "$tmp/three.jsonl"
if [ "$update" = "--update" ]; then
  cp "$tmp/one.jsonl" "$dir/expected.jsonl"
  echo "updated expected.jsonl"
fi
fail=0
for run in one three; do
  if ! cmp -s "$dir/expected.jsonl" "$tmp/$run.jsonl"; then
    echo "FAIL jsonl ($run thread(s))"
    diff "$dir/expected.jsonl" "$tmp/$run.jsonl" | head -n 20
    fail=1
  fi
done
echo "jsonl: $(wc -l < "$dir/expected.jsonl") output lines checked"
exit $fail
