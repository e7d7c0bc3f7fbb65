#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Train the part-of-speech tagger models shipped in extractor/data:
#
#   extractor/data/en/pos.kgbtag  GUM (open genres) + UD_English-EWT dev
#   extractor/data/fr/pos.kgbtag  UD_French-Sequoia train+dev+test
#                                 + UD_French-GSD dev
#
# and measure them on UD_English-EWT test and UD_French-GSD test, which
# are never trained on.  The training files are CoNLL-U, read by
# `kgbuild train pos` as syntactic words: multiword-token ranges (1-2,
# "don't", "du") are skipped and their parts ("do" "n't", "de" "le")
# kept; empty nodes (8.1) are skipped.
#
#   training/train-pos.sh            extract, train both models, measure
#   training/train-pos.sh --tune     hold out a tenth of each language's
#                                    training data and print the held-out
#                                    accuracy after each of TUNE_EPOCHS
#                                    epochs (how EPOCHS_EN/FR were chosen)
#   training/train-pos.sh --extract  extract the data only
#
# Sources: a plain checkout or a bare git directory (files are then read
# from HEAD), overridable with environment variables; the defaults are the
# fetch tool's snapshots under /work/.mirror.  Extracted data goes to
# training/cache/pos (ignored by git: the data is never committed).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
mirror=${MIRROR:-/work/.mirror}
EWT=${EWT:-$mirror/UniversalDependencies+UD_English-EWT/repo}
GUM=${GUM:-$mirror/amir-zeldes+gum/repo}
SEQUOIA=${SEQUOIA:-$mirror/UniversalDependencies+UD_French-Sequoia/repo}
GSD=${GSD:-$mirror/UniversalDependencies+UD_French-GSD/repo}
KGBUILD=${KGBUILD:-$top/kgbuild}
CACHE=${CACHE:-$here/cache/pos}
MODELS=${MODELS:-$top/extractor/data}
EPOCHS_EN=${EPOCHS_EN:-12}
EPOCHS_FR=${EPOCHS_FR:-8}
TUNE_EPOCHS=${TUNE_EPOCHS:-15}
SEED=${SEED:-1}

# GUM genres whose texts are openly licensed (amir-zeldes/gum LICENSE.txt;
# conversation, speech, textbook and vlog, which that file does not name,
# from UD_English-GUM's LICENSE.txt: CC BY or public domain).  Left out:
# fiction, whow (wikiHow), essay, letter and podcast (CC BY-NC-SA),
# reddit (Reddit's terms, non-commercial; no word forms in the files) and
# the GENTLE_* test2 documents.
GUM_GENRES=${GUM_GENRES:-"academic bio conversation court interview news speech textbook vlog voyage"}

mode=all
case "${1:-}" in
  "") ;;
  --tune) mode=tune ;;
  --extract) mode=extract ;;
  -h|--help) sed -n '3,25p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "train-pos.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
esac

die() { echo "train-pos.sh: $*" >&2; exit 1; }

is_bare() { [ ! -d "$1/.git" ] && [ -f "$1/HEAD" ] && [ -d "$1/objects" ]; }

# show SOURCE PATH: the file's bytes on stdout.
show() {
  if is_bare "$1"; then git --git-dir="$1" show "HEAD:$2"
  else cat "$1/$2"; fi
}

# files SOURCE DIR: the paths of the files directly in DIR, sorted.
files() {
  if is_bare "$1"; then git --git-dir="$1" ls-tree --name-only HEAD "$2/"
  else (cd "$1" && ls -1 "$2"/* ); fi | LC_ALL=C sort
}

commit() {
  if is_bare "$1"; then git --git-dir="$1" rev-parse HEAD
  else git -C "$1" rev-parse HEAD 2>/dev/null || echo unknown; fi
}

# --- extraction -----------------------------------------------------------
extract() {
  local src f g n
  for src in EWT GUM SEQUOIA GSD; do
    [ -d "${!src}" ] || die "no $src source at ${!src} (set $src=...)"
  done
  mkdir -p "$CACHE"
  : > "$CACHE/SOURCES"
  for src in EWT GUM SEQUOIA GSD; do
    printf '%s\t%s\t%s\n' "$src" "$(commit "${!src}")" "${!src}" \
      >> "$CACHE/SOURCES"
  done
  show "$EWT" en_ewt-ud-dev.conllu > "$CACHE/en-ewt-dev.conllu"
  show "$EWT" en_ewt-ud-test.conllu > "$CACHE/en-ewt-test.conllu"
  : > "$CACHE/en-gum.conllu.tmp"
  n=0
  for g in $GUM_GENRES; do
    for f in $(files "$GUM" dep | grep "^dep/GUM_${g}_.*\.conllu\$"); do
      show "$GUM" "$f" >> "$CACHE/en-gum.conllu.tmp"
      n=$((n + 1))
    done
  done
  [ "$n" -gt 0 ] || die "no GUM document in $GUM/dep"
  mv "$CACHE/en-gum.conllu.tmp" "$CACHE/en-gum.conllu"
  for f in train dev test; do
    show "$SEQUOIA" "fr_sequoia-ud-$f.conllu" > "$CACHE/fr-sequoia-$f.conllu"
  done
  show "$GSD" fr_gsd-ud-dev.conllu > "$CACHE/fr-gsd-dev.conllu"
  show "$GSD" fr_gsd-ud-test.conllu > "$CACHE/fr-gsd-test.conllu"
  # A reddit document would have "_" for every word form.
  if grep -q '^[0-9][0-9]*	_	' "$CACHE/en-gum.conllu"; then
    die "en-gum.conllu has words without a form (a reddit document?)"
  fi
  echo "GUM: $n documents ($GUM_GENRES)" >&2
}

# counts FILE...: sentences and words (syntactic words, as the trainer
# reads them) of each file.
counts() {
  awk -F'\t' '
    FNR == 1 && NR > 1 { print name "\t" s "\t" w; s = w = 0 }
    FNR == 1 { name = FILENAME; sub(".*/", "", name); inside = 0 }
    NF == 10 && $1 ~ /^[0-9]+$/ { w++; inside = 1 }
    !NF && inside { s++; inside = 0 }
    END { if (inside) s++; print name "\t" s "\t" w }' "$@"
}

# --- training -------------------------------------------------------------
# train LANG EPOCHS MODEL DEV TRAIN...: train, log each epoch to
# $CACHE/LANG.log and print the last epoch's dev accuracy.
train() {
  local lang=$1 epochs=$2 model=$3 dev=$4 start end
  shift 4
  [ -x "$KGBUILD" ] || die "no kgbuild program at $KGBUILD (build it)"
  start=$(date +%s.%N)
  "$KGBUILD" train pos --lang "$lang" -o "$model" --dev "$dev" \
    --epochs "$epochs" --seed "$SEED" -v "$@" 2> "$CACHE/$lang.log" ||
    { cat "$CACHE/$lang.log" >&2; die "training $lang failed"; }
  end=$(date +%s.%N)
  cat "$CACHE/$lang.log" >&2
  printf '%s: %s seconds, %s bytes, %s\n' "$lang" \
    "$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')" \
    "$(wc -c < "$model" | tr -d ' ')" \
    "$(tail -n 1 "$CACHE/$lang.log" | sed 's/.*\(dev accuracy [0-9.]*\).*/\1/')"
}

# holdout FILE...: split the sentences of FILE... into $CACHE/held/ train
# and held-out parts: of each run of 500 sentences, the last 50 are held
# out (blocks keep a document's neighbouring sentences on one side).
holdout() {
  mkdir -p "$CACHE/held"
  awk -v dir="$CACHE/held" '
    BEGIN { RS = ""; ORS = "\n\n" }
    FNR == 1 { name = FILENAME; sub(".*/", "", name); sub("\\.conllu$", "", name); n = 0 }
    { print > (dir "/" name ((int(n / 50) % 10 == 9) ? ".held" : ".train") ".conllu"); n++ }' "$@"
}

tune() {
  local lang=$1
  shift
  rm -rf "$CACHE/held"
  holdout "$@"
  cat "$CACHE"/held/*.held.conllu > "$CACHE/held/$lang-held.conllu"
  counts "$CACHE"/held/*.conllu >&2
  train "$lang" "$TUNE_EPOCHS" "$CACHE/$lang-tune.kgbtag" \
    "$CACHE/held/$lang-held.conllu" "$CACHE"/held/*.train.conllu
  cp "$CACHE/$lang.log" "$CACHE/$lang-tune.log"
}

extract
counts "$CACHE"/*.conllu >&2
case $mode in
  extract) exit 0 ;;
  tune)
    tune en "$CACHE/en-gum.conllu" "$CACHE/en-ewt-dev.conllu"
    tune fr "$CACHE"/fr-sequoia-*.conllu "$CACHE/fr-gsd-dev.conllu"
    exit 0 ;;
esac
mkdir -p "$MODELS/en" "$MODELS/fr"
train en "$EPOCHS_EN" "$MODELS/en/pos.kgbtag" "$CACHE/en-ewt-test.conllu" \
  "$CACHE/en-gum.conllu" "$CACHE/en-ewt-dev.conllu"
train fr "$EPOCHS_FR" "$MODELS/fr/pos.kgbtag" "$CACHE/fr-gsd-test.conllu" \
  "$CACHE"/fr-sequoia-train.conllu "$CACHE"/fr-sequoia-dev.conllu \
  "$CACHE"/fr-sequoia-test.conllu "$CACHE/fr-gsd-dev.conllu"
