#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Train the named-entity models and measure them.
#
#   training/train-ner.sh            data (get-data.sh), train, measure
#
# French (shipped, extractor/data/fr/ner.kgbtag): the OrangeSum set
# annotated here (training/orangesum-ner).  English: DWIE train, wikigold
# and SEC, written to training/cache/en-ner.kgbtag and measured, but not
# shipped: on held-out real news it finds fewer entities than the rules
# (see eval/README.md).  Test sets, never trained on: DWIE test,
# CoNLL-2003 English test and WikiNEuRal French test (Babelscape/wikineural,
# CC BY-NC-SA: evaluation only, never copied into the repository).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cache=${OUT:-$top/training/cache}
KGBUILD=${KGBUILD:-$top/kgbuild}
WIKINEURAL=${WIKINEURAL:-/work/.mirror/Babelscape+wikineural/repo}
EPOCHS=${EPOCHS:-6}
SEED=${SEED:-1}
mkdir -p "$cache"

"$top/training/get-data.sh" >/dev/null
/usr/bin/python3 "$top/training/orangesum-ner/to-conll.py" \
  "$top/training/orangesum-ner/annotations.jsonl" \
  -o "$cache/orangesum-ner.conll" 2>/dev/null

# CoNLL-U-like "ID TOKEN TAG" files of wikineural as TOKEN<TAB>TAG.
columns() {
  git --git-dir "$WIKINEURAL" show "HEAD:$1" |
    awk -F'\t' 'NF >= 3 { print $2 "\t" $3; next } { print "" }'
}
if [ -d "$WIKINEURAL" ]; then
  columns data/conll/en/test.conllu > "$cache/conll-en-test.conll"
  columns data/wikineural/fr/test.conllu > "$cache/wikineural-fr-test.conll"
fi

train() {   # lang model files...
  local lang=$1 model=$2
  shift 2
  "$KGBUILD" train ner --lang "$lang" --epochs "$EPOCHS" --seed "$SEED" \
    -o "$model" "$@"
}
measure() {   # lang model testfile
  [ -f "$3" ] || return 0
  "$KGBUILD" tag --lang "$1" -m "$2" -o "$cache/tagged.txt" "$3"
  printf '%s on %s: ' "$(basename "$2")" "$(basename "$3")"
  /usr/bin/python3 "$top/eval/ner-score.py" "$cache/tagged.txt" | head -1
}

c=$cache
train fr "$top/extractor/data/fr/ner.kgbtag" "$c/orangesum-ner.conll"
train en "$c/en-ner.kgbtag" "$c/dwie-train.conll" "$c/wikigold.conll" \
  "$c/sec-train.conll" "$c/sec-test.conll"
measure en "$c/en-ner.kgbtag" "$c/dwie-test.conll"
measure en "$c/en-ner.kgbtag" "$c/conll-en-test.conll"
measure fr "$top/extractor/data/fr/ner.kgbtag" "$c/wikineural-fr-test.conll"
