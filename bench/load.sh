#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# bench/load.sh - `kgbuild load` into a new SQLite store against `kgbuild
# extract` of the same articles, at several corpus sizes.
#
#   bench/load.sh [--counts "250 500 1000"] [--work DIR] [--kgbuild PATH]
#                 [--seed S] [--repeat N]
#
# Generates one corpus with gen-corpus.py (cached in the work folder),
# takes its first N articles for each count, and for each runs
#     kgbuild -q -f ntriples -o OUT ARTICLES...
#     kgbuild load -q --store sqlite:NEW.db ARTICLES...
# printing CPU (user + system) and wall seconds, the best of --repeat runs,
# as a Markdown table.  The targets (bench/README.md): load of 1000
# articles within 10x extract; load time per article at 1000 within 1.3x
# that at 250 (linear growth).
set -u

here=$(cd "$(dirname "$0")" && pwd)
counts="250 500 1000"
work=/var/tmp/kgbuild-bench-load
kgbuild=$here/../kgbuild
seed=1
repeat=3
python=/usr/bin/python3

usage() {
    sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
    exit "${1:-2}"
}

while [ $# -gt 0 ]; do
    case $1 in
    --counts) counts=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --kgbuild) kgbuild=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    -h|--help) usage 0 ;;
    *) echo "load.sh: unknown option: $1" >&2; usage 2 ;;
    esac
done

die() { echo "load.sh: $*" >&2; exit 1; }

[ -x "$kgbuild" ] || die "not an executable: $kgbuild"
[ -x "$python" ] || python=$(command -v python3) || die "python3 is needed"
mkdir -p "$work" || die "cannot create $work"

# Enough articles for the largest count: 4 MB make about 1,040.
max=0
for n in $counts; do [ "$n" -gt "$max" ] && max=$n; done
mb=$(( (max * 4 + 999) / 1000 + 1 ))
corpus=$work/corpus-$mb-$seed
if [ ! -f "$corpus/corpus.info" ]; then
    "$python" "$here/gen-corpus.py" --size-mb "$mb" --seed "$seed" \
        --out "$corpus" >&2 || die "gen-corpus.py failed"
fi
find "$corpus" -name '*.txt' | sort > "$work/all.list"
[ "$(wc -l < "$work/all.list")" -ge "$max" ] ||
    die "the corpus has fewer than $max articles"

# CPU and wall seconds of one run of "$@", as "cpu wall".
measure() {
    local TIMEFORMAT='%U %S %R' t
    t=$( { time "$@" > /dev/null 2> "$work/err" || echo failed; } 2>&1 ) ||
        return 1
    case $t in *failed*) cat "$work/err" >&2; return 1 ;; esac
    echo "$t" | awk '{ printf "%.3f %.3f\n", $1 + $2, $3 }'
}

# The best (least CPU) of --repeat runs of "$@"; PREPARE runs before each.
best() {
    local prepare=$1 b= r
    shift
    for _ in $(seq "$repeat"); do
        eval "$prepare"
        r=$(measure "$@") || die "failed: $*"
        if [ -z "$b" ] || awk -v a="$r" -v b="$b" \
            'BEGIN { split(a, x, " "); split(b, y, " "); exit !(x[1] < y[1]) }'; then
            b=$r
        fi
    done
    echo "$b"
}

echo "| articles | extract CPU s | load CPU s | load wall s | load / extract (CPU) | load CPU ms per article | statements |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
for n in $counts; do
    head -n "$n" "$work/all.list" > "$work/list"
    mapfile -t files < "$work/list"
    ext=$(best : "$kgbuild" -q -f ntriples -o "$work/out.nt" "${files[@]}")
    lod=$(best "rm -f '$work/store.db' '$work/store.db-journal'" \
          "$kgbuild" load -q --store "sqlite:$work/store.db" "${files[@]}")
    stmts=$("$python" -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT COUNT(*) FROM triples").fetchone()[0])' "$work/store.db")
    echo "$n $ext $lod $stmts" | awk '{
        printf "| %d | %.2f | %.2f | %.2f | %.1f | %.2f | %d |\n",
               $1, $2, $4, $5, $4 / $2, 1000 * $4 / $1, $6 }'
done
rm -f "$work/store.db" "$work/out.nt" "$work/list" "$work/err"
