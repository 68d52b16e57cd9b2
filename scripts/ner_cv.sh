#!/usr/bin/env bash
# The honest WikiGold figure for the name tagger: K-fold cross-validation.
# The shipped model trains on CoNLL-2003 train + all of WikiGold, so scoring it
# on wikigold.jsonl measures memory, not skill. Here, for each fold f of K
# (documents by line number mod K), a model is trained on CoNLL train + the
# other folds and scored on fold f; the counts are pooled over the folds.
#   scripts/ner_cv.sh [--folds K] [--lede PATH] [--tagger] [--repeat N] [--keep DIR] [-- TRAIN-OPTIONS...]
# --tagger scores the tagger's own spans (see `lede eval ner --help`); --repeat N
# trains on the WikiGold folds N times per epoch (`lede train ner --repeat`);
# --keep DIR keeps each fold's model and test part (DIR/fold1.bin, fold1.jsonl, ...)
# for `lede eval ner --errors --model`. The span typer is part of the model, so
# it is trained per fold too, without the held-out fold.
# Deterministic (same data, same figures). Takes K trainings (~5-10 s each).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
lede=$root/build/native-release/lede
folds=5
eval_opts=()
wiki_repeat=
keep=
while [ $# -gt 0 ]; do
  case $1 in
    --folds) folds=$2; shift 2 ;;
    --lede) lede=$2; shift 2 ;;
    --tagger) eval_opts+=(--tagger); shift ;;
    --repeat) wiki_repeat=$2; shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    --) shift; break ;;
    *) echo "usage: scripts/ner_cv.sh [--folds K] [--lede PATH] [--tagger] [--repeat N] [--keep DIR] [-- TRAIN-OPTIONS...]" >&2; exit 2 ;;
  esac
done
shared=${LEDE_SHARED_DIR:-$root/../shared}
ner=$shared/data/ner
for f in conll2003-train.jsonl wikigold.jsonl; do
  [ -f "$ner/$f" ] || { echo "ner_cv: $ner/$f not found (set LEDE_SHARED_DIR)" >&2; exit 1; }
done
[ -x "$lede" ] || { echo "ner_cv: build $lede first" >&2; exit 1; }
tmp=$(mktemp -d /tmp/lede-ner-cv.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
for ((f = 0; f < folds; f++)); do
  awk -v k="$folds" -v f="$f" '(NR - 1) % k == f' "$ner/wikigold.jsonl" > "$tmp/test.jsonl"
  awk -v k="$folds" -v f="$f" '(NR - 1) % k != f' "$ner/wikigold.jsonl" > "$tmp/train.jsonl"
  "$lede" train ner "$@" --out "$tmp/model.bin" "$ner/conll2003-train.jsonl" ${wiki_repeat:+--repeat $wiki_repeat} "$tmp/train.jsonl" \
    2> "$tmp/train.log" || { cat "$tmp/train.log" >&2; exit 1; }
  "$lede" eval ner "${eval_opts[@]}" --model "$tmp/model.bin" "$tmp/test.jsonl" > "$tmp/eval.$f"
  echo "fold $((f + 1))/$folds: $(grep '^micro' "$tmp/eval.$f")"
  if [ -n "$keep" ]; then
    mkdir -p "$keep"
    cp "$tmp/model.bin" "$keep/fold$((f + 1)).bin"
    cp "$tmp/test.jsonl" "$keep/fold$((f + 1)).jsonl"
  fi
done
echo "wikigold, $folds-fold CV (train: conll2003-train + the other folds; counts pooled):"
cat "$tmp"/eval.* | awk '
  /^(PER|ORG|LOC) / {
    t = $1; gsub(/[(),]/, " ")
    for (i = 1; i <= NF; i++) {
      if ($i == "gold") g[t] += $(i + 1)
      if ($i == "predicted") p[t] += $(i + 1)
      if ($i == "correct") c[t] += $(i + 1)
    }
  }
  function line(name, c, p, g,   pr, rc, f) {
    pr = p ? c / p : 0; rc = g ? c / g : 0; f = pr + rc ? 2 * pr * rc / (pr + rc) : 0
    printf "%-6s P %.4f  R %.4f  F1 %.4f   (gold %d, predicted %d, correct %d)\n", name, pr, rc, f, g, p, c
  }
  END {
    split("PER ORG LOC", ts, " ")
    for (i = 1; i <= 3; i++) { line(ts[i], c[ts[i]], p[ts[i]], g[ts[i]]); C += c[ts[i]]; P += p[ts[i]]; G += g[ts[i]] }
    line("micro", C, P, G)
  }'
