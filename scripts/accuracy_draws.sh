#!/usr/bin/env bash
# Accuracy as a mean over training draws, for judging a change that retrains
# a model (a feature change of the claims classifier or of the name tagger).
# One draw's dev figure moves by more than such a change does, and the
# committed models are the best of their draws, so a retrained change is
# compared with the base by the mean over the same seeds, not by one model.
#
# For each seed (1..N by default), with the given lede binary, into a temp dir
# (the committed models are never written):
#   claims: lede train claims --seed S on checkthat24-train (the committed
#           model's data and options): the trainer's 5-fold CV F1, and
#           checkthat24-dev F1 (lede eval claims --model);
#   ner:    lede train ner --seed S on conll2003-train + wikigold (the committed
#           model's): CoNLL dev micro F1 (lede eval ner --model); with --cv also
#           the WikiGold 5-fold CV (scripts/ner_cv.sh -- --seed S; 5 trainings
#           more a draw).
# Prints each draw's figures, then their mean and sample sd, and the draw that
# is best on dev (a change that lands commits that draw's model: the rule the
# committed models were picked by; see docs/performance.md).
#   scripts/accuracy_draws.sh [--lede PATH] [--draws N] [--seeds "S1 S2 ..."]
#                             [--only claims|ner] [--cv] [--keep DIR]
# --keep DIR keeps each draw's models (DIR/claims.S.bin, DIR/ner.S.bin).
# Seed 0 is the trainers' default, the order the committed models were
# trained in. A measuring tool, not a CI step: N=5 takes about 2.5 min
# (claims ~7 s a draw, ner ~25 s), with --cv about 10 min more.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
lede=$root/build/native-release/lede
draws=5
seeds=
only=
cv=0
keep=
usage() {
  echo "usage: scripts/accuracy_draws.sh [--lede PATH] [--draws N] [--seeds \"S1 S2 ...\"] [--only claims|ner] [--cv] [--keep DIR]" >&2
  exit 2
}
while [ $# -gt 0 ]; do
  case $1 in
    --lede) lede=$2; shift 2 ;;
    --draws) draws=$2; shift 2 ;;
    --seeds) seeds=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --cv) cv=1; shift ;;
    --keep) keep=$2; shift 2 ;;
    *) usage ;;
  esac
done
case $only in "" | claims | ner) ;; *) usage ;; esac
[ -n "$seeds" ] || seeds=$(seq 1 "$draws")
lede=$(cd "$(dirname "$lede")" && pwd)/$(basename "$lede")
[ -x "$lede" ] || { echo "accuracy_draws: build $lede first" >&2; exit 1; }
shared=${LEDE_SHARED_DIR:-$root/../shared}
data=$shared/data
for f in claims/checkthat24-train.jsonl claims/checkthat24-dev.jsonl ner/conll2003-train.jsonl \
  ner/conll2003-dev.jsonl ner/wikigold.jsonl; do
  [ -f "$data/$f" ] || { echo "accuracy_draws: $data/$f not found (set LEDE_SHARED_DIR)" >&2; exit 1; }
done
tmp=$(mktemp -d /tmp/lede-draws.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
[ -z "$keep" ] || mkdir -p "$keep"
start=$(date +%s)

# F1 of the positive class from "tp=.. fp=.. fn=.." (4 decimals: eval prints 3).
f1_of_counts() {
  sed -n 's/.* tp=\([0-9]*\) fp=\([0-9]*\) fn=\([0-9]*\) .*/\1 \2 \3/p' |
    awk '{ p = $1 + $2 ? $1 / ($1 + $2) : 0; r = $1 + $3 ? $1 / ($1 + $3) : 0
           printf "%.4f tp=%d,fp=%d,fn=%d\n", p + r ? 2 * p * r / (p + r) : 0, $1, $2, $3 }'
}

rows=$tmp/rows
: > "$rows"
for s in $seeds; do
  row="$s"
  if [ "$only" != ner ]; then
    "$lede" train claims --seed "$s" --out "$tmp/claims.bin" "$data/claims/checkthat24-train.jsonl" \
      > "$tmp/claims.log" 2>&1 || { cat "$tmp/claims.log" >&2; exit 1; }
    claims_cv=$(sed -n 's/.*CV P=[0-9.]* R=[0-9.]* F1=\([0-9.]*\) .*/\1/p' "$tmp/claims.log")
    read -r claims_dev claims_counts < <("$lede" eval claims --model "$tmp/claims.bin" \
      "$data/claims/checkthat24-dev.jsonl" | f1_of_counts)
    [ -n "$claims_cv" ] && [ -n "$claims_dev" ] || { echo "accuracy_draws: no claims figure" >&2; exit 1; }
    row="$row $claims_dev $claims_cv $claims_counts"
    [ -z "$keep" ] || cp "$tmp/claims.bin" "$keep/claims.$s.bin"
  fi
  if [ "$only" != claims ]; then
    "$lede" train ner --seed "$s" --out "$tmp/ner.bin" "$data/ner/conll2003-train.jsonl" \
      "$data/ner/wikigold.jsonl" 2> "$tmp/ner.log" || { cat "$tmp/ner.log" >&2; exit 1; }
    ner_dev=$("$lede" eval ner --model "$tmp/ner.bin" "$data/ner/conll2003-dev.jsonl" |
      sed -n 's/^micro .*F1 \([0-9.]*\) .*/\1/p')
    [ -n "$ner_dev" ] || { echo "accuracy_draws: no ner figure" >&2; exit 1; }
    row="$row $ner_dev"
    if [ "$cv" = 1 ]; then
      ner_cv=$(LEDE_SHARED_DIR=$shared "$root/scripts/ner_cv.sh" --lede "$lede" -- --seed "$s" |
        sed -n 's/^micro .*F1 \([0-9.]*\) .*/\1/p')
      [ -n "$ner_cv" ] || { echo "accuracy_draws: no ner CV figure" >&2; exit 1; }
      row="$row $ner_cv"
    fi
    [ -z "$keep" ] || cp "$tmp/ner.bin" "$keep/ner.$s.bin"
  fi
  echo "$row" >> "$rows"
  echo "seed $s done ($(($(date +%s) - start)) s)" >&2
done

# The table: one row a draw, then mean, sample sd, and the best draw on dev.
awk -v only="$only" -v cv="$cv" '
  BEGIN {
    n = 0; nc = 0
    if (only != "ner") { name[++nc] = "claims dev F1"; name[++nc] = "claims CV F1" }
    if (only != "claims") { name[++nc] = "ner dev F1"; if (cv) name[++nc] = "ner wikigold CV F1" }
  }
  {
    ++n; seed[n] = $1; c = 0
    for (i = 2; i <= NF; ++i) {
      if ($i ~ /^tp=/) { counts[n] = $i; continue }
      v[n, ++c] = $i
    }
  }
  END {
    printf "%-6s", "seed"
    for (c = 1; c <= nc; ++c) printf "  %18s", name[c]
    printf "%s\n", only != "ner" ? "  claims dev counts" : ""
    for (r = 1; r <= n; ++r) {
      printf "%-6s", seed[r]
      for (c = 1; c <= nc; ++c) printf "  %18.4f", v[r, c]
      printf "%s\n", only != "ner" ? "  " counts[r] : ""
    }
    for (c = 1; c <= nc; ++c) {
      s = 0; for (r = 1; r <= n; ++r) s += v[r, c]; mean[c] = s / n
      q = 0; for (r = 1; r <= n; ++r) q += (v[r, c] - mean[c]) ^ 2
      sd[c] = n > 1 ? sqrt(q / (n - 1)) : 0
    }
    printf "%-6s", "mean"; for (c = 1; c <= nc; ++c) printf "  %18.4f", mean[c]; printf "\n"
    printf "%-6s", "sd"; for (c = 1; c <= nc; ++c) printf "  %18.4f", sd[c]; printf "\n"
    # The best draw on dev, per model (first column of each model; ties: the lower seed).
    for (c = 1; c <= nc; ++c) {
      if (name[c] !~ /dev/) continue
      b = 1; for (r = 2; r <= n; ++r) if (v[r, c] > v[b, c]) b = r
      printf "best on %s: seed %s (%.4f)\n", name[c], seed[b], v[b, c]
    }
  }' "$rows"
echo "lede: $lede; $(echo $seeds | wc -w) draws in $(($(date +%s) - start)) s"
