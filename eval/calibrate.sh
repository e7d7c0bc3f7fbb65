#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# eval/calibrate.sh - measure each rule's and pattern's precision on
# annotated articles and write it to DATA/<lang>/precision.tsv, where it
# caps the confidence of that rule's facts (kgb_factset_add_fact).
#
#   eval/calibrate.sh [--write] GOLD.json CORPUS_DIR
#
# For each language of the gold file, runs `kgbuild eval --calibration`
# on that language's articles with the precision tables left out, and
# prints rule, smoothed precision (right + 1) / (right + false + 2),
# right and false.  --write stores the tables in extractor/data.  Then
# `kgbuild eval --calibration` on held-out articles shows whether the
# confidence bands hold there.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
KGBUILD=${KGBUILD:-$top/kgbuild}
PYTHON=${PYTHON:-/usr/bin/python3}
write=0
if [ "${1:-}" = --write ]; then write=1; shift; fi
case "${1:-}" in -h|--help|"") sed -n '3,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;; esac
[ $# -eq 2 ] || { echo "calibrate.sh: give GOLD.json and CORPUS_DIR" >&2; exit 2; }
gold=$1 corpus=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A data folder without the precision tables: measure the rules raw.
cp -r "$top/extractor/data" "$work/data"
rm -f "$work"/data/*/precision.tsv

for lang in en fr; do
  "$PYTHON" - "$gold" "$lang" "$work/gold.$lang.json" <<'PY'
import json, sys
gold, lang, out = sys.argv[1:]
g = json.load(open(gold))
g["docs"] = {k: d for k, d in g["docs"].items() if d.get("language") == lang}
json.dump(g, open(out, "w"))
PY
  KGBUILD_DATA_DIR=$work/data "$KGBUILD" eval --calibration -c "$corpus" \
    "$work/gold.$lang.json" > "$work/eval.$lang"
  {
    echo "# rule	precision	right	false  (eval/calibrate.sh on $(basename "$gold"), $lang)"
    awk '/^rule +right/ {on = 1; next}
         on && NF == 4 {printf "%s\t%.2f\t%d\t%d\n", $1, ($2 + 1) / ($2 + $3 + 2), $2, $3}' \
      "$work/eval.$lang" | sort
  } > "$work/precision.$lang.tsv"
  echo "== $lang"
  cat "$work/precision.$lang.tsv"
  if [ $write = 1 ]; then
    cp "$work/precision.$lang.tsv" "$top/extractor/data/$lang/precision.tsv"
  fi
done
