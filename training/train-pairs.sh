#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Train the English relation classifier (extractor/data/en/pairs.kgbtag)
# and measure its thresholds (pairs.tsv) on held-out articles.
#
#   training/train-pairs.sh           convert DWIE, train, measure
#
# DWIE (Emvista/DWIE-FR, annotations GPL-3.0, article text (c) Deutsche
# Welle: only the model and the figures enter the repository) gives pairs
# of mentions of one sentence labelled by the article's relations
# (training/convert.py dwie-pairs): its 702 training articles train the
# model, its 100 test articles set each class's margin and confidence.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cache=${OUT:-$top/training/cache}
KGBUILD=${KGBUILD:-$top/kgbuild}
DWIE=${DWIE:-/work/.mirror/Emvista+DWIE-FR/repo}
MODELS=${MODELS:-$top/extractor/data}
EPOCHS=${EPOCHS:-10}
SEED=${SEED:-1}
py=/usr/bin/python3
mkdir -p "$cache"

$py "$top/training/convert.py" dwie-pairs --from "$DWIE" --outdir "$cache"
"$KGBUILD" train pairs -v --epochs "$EPOCHS" --seed "$SEED" \
  --dev "$cache/dwie-pairs-test.tsv" -o "$MODELS/en/pairs.kgbtag" \
  "$cache/dwie-pairs-train.tsv"
"$KGBUILD" tag --pairs -m "$MODELS/en/pairs.kgbtag" \
  -o "$cache/dwie-pairs-test.tagged" "$cache/dwie-pairs-test.tsv"
$py "$top/training/pairs-thresholds.py" "$cache/dwie-pairs-test.tagged" \
  -o "$MODELS/en/pairs.tsv"
