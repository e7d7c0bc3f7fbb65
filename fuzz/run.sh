#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Run each libFuzzer target of a build configured with
#   ./configure CC=clang --enable-fuzzing
# for SECONDS (default 60) on a temporary copy of its seeds, so the
# inputs the fuzzer adds never land in the source tree.  Stops at the
# first crash, leak or undefined behaviour, whose input libFuzzer saves
# under BUILDDIR/fuzz/artifacts/; exit status non-zero then.
#   usage: fuzz/run.sh BUILDDIR [SECONDS]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
build=$(cd "${1:?usage: fuzz/run.sh BUILDDIR [SECONDS]}" && pwd)
seconds=${2:-60}

# The targets open the source tree's tables, as the tests do.
KGBUILD_DATA_DIR=$top/extractor/data
KGBUILD_ONTOLOGY=$top/ontology/kgbuild.ttl
export KGBUILD_DATA_DIR KGBUILD_ONTOLOGY

work=$(mktemp -d "${TMPDIR:-/tmp}/kgb-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
artifacts=$build/fuzz/artifacts
mkdir -p "$artifacts"

# run TARGET MAX_LEN SEED_FILE...
run() {
  target=$1 max_len=$2
  shift 2
  mkdir "$work/$target"
  cp "$@" "$work/$target/"
  echo "fuzz: $target for ${seconds}s from $# seeds"
  # -timeout: an input that takes seconds is a hang worth a report.  The
  # log shows its progress lines only when there is something to read.
  if ! "$build/fuzz/$target" -max_total_time="$seconds" \
      -max_len="$max_len" -timeout=20 -print_final_stats=1 \
      -artifact_prefix="$artifacts/$target-" "$work/$target" \
      >"$work/$target.log" 2>&1; then
    grep -vE '^#[0-9]+[[:space:]]+(NEW|REDUCE|pulse)' "$work/$target.log"
    echo "fuzz: $target FAILED; the input is in $artifacts"
    return 1
  fi
  grep -E '^(#[0-9]+[[:space:]]+DONE|stat::)' "$work/$target.log"
}

# Earlier crashes (tests/regress) seed the search too, so a fix that
# half-works is found again at once.
run fuzz_extract 65536 "$top"/tests/corpus/*.txt \
  $(ls "$top"/tests/regress/extract-* 2>/dev/null || true)
run fuzz_number 256 "$here"/seeds/number/* \
  $(ls "$top"/tests/regress/number-* 2>/dev/null || true)
run fuzz_model 65536 "$here"/seeds/model/* \
  $(ls "$top"/tests/regress/model-* 2>/dev/null || true)
run fuzz_jsonld 65536 "$here"/seeds/jsonld/* \
  $(ls "$top"/tests/regress/jsonld-* 2>/dev/null || true)
echo "fuzz: no crash"
