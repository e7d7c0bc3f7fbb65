#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerate the golden outputs of tests/test_formats after an intended
# change in what kgbuild writes.  Review `git diff tests/golden` before
# committing: every changed line is a change users will see.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
program=${KGB_PROGRAM:-$top/kgbuild}
KGBUILD_DATA_DIR=${KGBUILD_DATA_DIR:-$top/extractor/data}
KGBUILD_ONTOLOGY=${KGBUILD_ONTOLOGY:-$top/ontology/kgbuild.ttl}
# The suite runs the rules alone (Makefile.am sets KGBUILD_NO_MODELS).
KGBUILD_NO_MODELS=1
export KGBUILD_DATA_DIR KGBUILD_ONTOLOGY KGBUILD_NO_MODELS
cd "$here"
for f in turtle:ttl ntriples:nt nquads:nq rdfxml:rdf json:json jsonld:jsonld \
  dot:dot; do
  "$program" -q -f "${f%%:*}" -o "expected.${f#*:}" input
done
