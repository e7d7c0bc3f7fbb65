#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# bench/adversarial.sh - CPU time and peak memory of kgbuild on hostile
# inputs of two sizes: does the time grow linearly, and the memory stay
# within a bound, whatever the shape of the text?
#
#   bench/adversarial.sh [--sizes "2 10"] [--shapes "orgs attrs ..."]
#                        [--repeat N] [--timeout S] [--work DIR]
#                        [--kgbuild PATH] [--mentions] [--keep]
#
# For each shape of adversarial.py and each size (MB, 10^6 bytes) it
# writes the input once (in the work folder), runs
#     kgbuild -q --max-input 100 -f ntriples -o OUT INPUT
# N times (default 3) under /usr/bin/time, and prints a Markdown table:
# the least user + system CPU seconds of the runs, the ratio of that time
# at the largest size to the smallest (linear: 5 for 10 and 2 MB), the
# largest peak RSS, and peak RSS / input size.  CPU time, not wall time,
# and the least of N: other work on the machine adds to it, never takes
# away.  A run stopped after S seconds (--timeout, default 600) shows as
# "> S".  See bench/README.md.
set -u

here=$(cd "$(dirname "$0")" && pwd)
sizes="2 10"
shapes=
work=${TMPDIR:-/tmp}/kgbuild-adversarial
kgbuild=$here/../kgbuild
mentions=
keep=0
repeat=3
limit=600
python=/usr/bin/python3

usage() {
    sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'
    exit "${1:-2}"
}

while [ $# -gt 0 ]; do
    case $1 in
    --sizes) sizes=$2; shift 2 ;;
    --shapes) shapes=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --kgbuild) kgbuild=$2; shift 2 ;;
    --mentions) mentions=--mentions; shift ;;
    --repeat) repeat=$2; shift 2 ;;
    --timeout) limit=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) usage 0 ;;
    *) echo "adversarial.sh: unknown option: $1" >&2; usage 2 ;;
    esac
done

die() { echo "adversarial.sh: $*" >&2; exit 1; }

[ -x "$kgbuild" ] || die "not an executable: $kgbuild (run make first)"
[ -x /usr/bin/time ] || die "GNU time (/usr/bin/time) is needed"
[ -x "$python" ] || python=$(command -v python3) || die "python3 is needed"
mkdir -p "$work" || die "cannot create $work"

declare -A ext
while IFS=$'\t' read -r name e _; do
    ext[$name]=$e
done < <("$python" "$here/adversarial.py" --list)
[ -n "$shapes" ] || shapes=$(printf '%s\n' "${!ext[@]}" | sort | tr '\n' ' ')
first=${sizes%% *}
last=${sizes##* }

echo "$("$kgbuild" --version 2>&1 | head -1), $kgbuild, $(date '+%Y-%m-%d %H:%M'), $(nproc) CPUs; -f ntriples${mentions:+ $mentions}"
# What any run costs: the tables of both languages, loaded before any
# text is read.
: > "$work/empty.txt"
/usr/bin/time -f '%U %S %M' -o "$work/time" "$kgbuild" -q -f ntriples \
    -o "$work/out.nt" "$work/empty.txt" 2>/dev/null
read -r u s k < "$work/time"
echo "An empty input: $(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }') s CPU, peak RSS $((k / 1024)) MB."
echo
echo "| shape | size MB | CPU s | ratio ${last}MB/${first}MB | peak RSS MB | RSS/input |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"

failures=0
for shape in $shapes; do
    [ -n "${ext[$shape]:-}" ] || die "no such shape: $shape"
    declare -A cpu=()
    for size in $sizes; do
        in=$work/$shape-${size}mb.${ext[$shape]}
        if [ ! -s "$in" ]; then
            "$python" "$here/adversarial.py" --shape "$shape" --size-mb "$size" \
                --out "$in" || die "cannot write $in"
        fi
        out=$work/out.nt
        tf=$work/time
        best= kb=0 rc=0
        for ((r = 1; r <= repeat; r++)); do
            timeout "$limit" /usr/bin/time -f '%U %S %M' -o "$tf" "$kgbuild" -q \
                --max-input 100 $mentions -f ntriples -o "$out" "$in" 2>"$work/stderr"
            rc=$?
            [ $rc = 0 ] || break
            read -r u s k < "$tf"
            c=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }')
            if [ -z "$best" ] || awk -v a="$c" -v b="$best" 'BEGIN { exit !(a < b) }'; then
                best=$c
            fi
            [ "$k" -gt "$kb" ] && kb=$k
        done
        if [ $rc = 124 ]; then
            echo "| $shape | $size | > $limit | | | |"
            continue
        fi
        bytes=$(stat -c %s "$in")
        cpu[$size]=$best
        ratio=
        if [ "$size" = "$last" ] && [ -n "${cpu[$first]:-}" ] && [ "$first" != "$last" ]; then
            ratio=$(awk -v a="${cpu[$last]}" -v b="${cpu[$first]}" \
                    'BEGIN { if (b > 0) printf "%.1f", a / b; else print "-" }')
        fi
        awk -v sh="$shape" -v sz="$size" -v c="${cpu[$size]}" -v r="$ratio" \
            -v kb="$kb" -v b="$bytes" 'BEGIN {
                printf "| %s | %s | %s | %s | %.0f | %.1f |\n", sh, sz, c, r,
                    kb / 1024, kb * 1024 / b }'
        rm -f "$out"
    done
    unset cpu
done
[ "$keep" = 1 ] || rm -f "$work"/*-*mb.* 2>/dev/null
[ "$failures" = 0 ]
