#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# bench/models.sh - what the trained models cost: their size on disk, the
# time to load them (a one-word input run with and without them, best of
# N), and the throughput of the whole pipeline with and without them.
#
#   bench/models.sh [--kgbuild PATH] [--runs N] [--corpus DIR]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
kgbuild=$here/../kgbuild
runs=10
corpus=
while [ $# -gt 0 ]; do
  case $1 in
  --kgbuild) kgbuild=$2; shift 2 ;;
  --runs) runs=$2; shift 2 ;;
  --corpus) corpus=$2; shift 2 ;;
  *) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
  esac
done
data=$here/../extractor/data
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "Bonjour." > "$work/one.txt"

echo "models (bytes):"
total=0
for f in "$data"/*/*.kgbtag "$data"/*/clusters.tsv; do
  [ -f "$f" ] || continue
  size=$(stat -c %s "$f")
  total=$((total + size))
  printf '  %-22s %10d\n' "${f#"$data"/}" "$size"
done
printf '  %-22s %10d\n' total "$total"

# Best wall time of RUNS runs of kgbuild ARGS..., in ms.
best_ms() {
  /usr/bin/python3 - "$runs" "$@" <<'PY'
import subprocess, sys, time
runs, args = int(sys.argv[1]), sys.argv[2:]
best = min((lambda s: (subprocess.run(args, check=True),
                       time.perf_counter() - s)[1])(time.perf_counter())
           for _ in range(runs))
print("%.1f" % (best * 1000))
PY
}
with=$(best_ms "$kgbuild" -q -o "$work/o.ttl" "$work/one.txt")
without=$(best_ms "$kgbuild" --no-models -q -o "$work/o.ttl" "$work/one.txt")
echo "start-up, best of $runs: $with ms with the models, $without ms without"
echo "loading the models: $(awk -v a="$with" -v b="$without" 'BEGIN { printf "%.1f", a - b }') ms"

if [ -n "$corpus" ]; then
  mb=$(du -sb "$corpus" | awk '{printf "%.2f", $1 / 1048576}')
  for mode in models no-models; do
    flag=; [ $mode = no-models ] && flag=--no-models
    cpu=$( { /usr/bin/time -f '%U %S' "$kgbuild" $flag -q -f ntriples \
             -o "$work/out.nt" "$corpus" ; } 2>&1 | tail -1 |
           awk '{print $1 + $2}')
    echo "$mode: $mb MB in $cpu CPU-s: $(awk -v m="$mb" -v c="$cpu" 'BEGIN { printf "%.2f", m / c }') MB per CPU-second"
  done
fi
