#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# bench/run.sh - throughput and memory of kgbuild on synthetic news corpora.
#
#   bench/run.sh [--sizes "10 100 1000"] [--formats "ntriples turtle"]
#                [--jobs "1 2"] [--work DIR] [--kgbuild PATH] [--seed S]
#                [--turtle-max-mb N] [--repeat N] [--results FILE]
#                [--keep-output]
#
# Generates each corpus once with gen-corpus.py (cached in the work folder),
# then for each size x format x jobs runs
#     kgbuild -f FORMAT [-j JOBS] -q -o OUT CORPUS
# and prints a Markdown table (also appended to the results file).  See
# bench/README.md.
set -u

here=$(cd "$(dirname "$0")" && pwd)
sizes="10 100 1000"
formats="ntriples turtle"
jobs_list="1 2"
work=/var/tmp/kgbuild-bench
kgbuild=$here/../kgbuild
seed=1
turtle_max=100
repeat=1
results=
keep=0
python=/usr/bin/python3

usage() {
    sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
    exit "${1:-2}"
}

while [ $# -gt 0 ]; do
    case $1 in
    --sizes) sizes=$2; shift 2 ;;
    --formats) formats=$2; shift 2 ;;
    --jobs) jobs_list=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --kgbuild) kgbuild=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --turtle-max-mb) turtle_max=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    --results) results=$2; shift 2 ;;
    --keep-output) keep=1; shift ;;
    -h|--help) usage 0 ;;
    *) echo "run.sh: unknown option: $1" >&2; usage 2 ;;
    esac
done

die() { echo "run.sh: $*" >&2; exit 1; }
note() { echo "run.sh: $*" >&2; }

case $kgbuild in */*) ;; *) kgbuild=$(command -v "$kgbuild") || die "no kgbuild on PATH" ;; esac
[ -x "$kgbuild" ] || die "not an executable: $kgbuild"
kgbuild=$(cd "$(dirname "$kgbuild")" && pwd)/$(basename "$kgbuild")
[ -x "$python" ] || python=$(command -v python3) || die "python3 is needed"
mkdir -p "$work/out" "$work/logs" || die "cannot create $work"
[ -n "$results" ] || results=$work/results.md

# The fact classes: the subclasses of kgo:Fact in the ontology beside the
# program (or installed), else the five kgbuild 0.1 has.
fact_classes=
for onto in "${KGBUILD_ONTOLOGY:-}" "$(dirname "$kgbuild")/ontology/kgbuild.ttl" \
            /usr/local/share/kgbuild/kgbuild.ttl /usr/share/kgbuild/kgbuild.ttl; do
    if [ -z "$onto" ] || [ ! -r "$onto" ]; then continue; fi
    fact_classes=$(awk '/^kgo:[A-Za-z]+[ \t]*$/ { s = substr($1, 5) }
                        /rdfs:subClassOf[ \t]+kgo:Fact[ \t;,]/ && s != "" { print s }' "$onto" |
                   sort -u | tr '\n' '|' | sed 's/|$//')
    [ -n "$fact_classes" ] && break
done
[ -n "$fact_classes" ] || fact_classes="Acquisition|Investment|JobCreation|JobCut|Workforce"

# A kgbuild that cannot work in parallel yet: -j N > 1 is skipped.  Its
# --help lists the commands now, extract --help the options; an older one
# showed them in --help.
has_j=0
{ "$kgbuild" extract --help; "$kgbuild" --help; } 2>&1 |
    grep -Eq '(^|[ ,])-j([ ,]|$)|--jobs' && has_j=1

# ---------------------------------------------------------------------------
# The machine.

cpu=$(sed -n 's/^model name[ \t]*: //p' /proc/cpuinfo 2>/dev/null | head -1)
[ -n "$cpu" ] || cpu=$(uname -m)
ram_kb=$(sed -n 's/^MemTotal: *\([0-9]*\) kB/\1/p' /proc/meminfo 2>/dev/null)
version=$("$kgbuild" --version 2>&1 | head -1)
rev=$(git -C "$(dirname "$kgbuild")" rev-parse --short HEAD 2>/dev/null || true)
if [ -x /usr/bin/time ]; then timer="/usr/bin/time"; else timer="python getrusage"; fi

header() {
    echo
    echo "## kgbuild benchmark, $(date '+%Y-%m-%d %H:%M %Z')"
    echo
    echo "- machine: $(nproc) CPUs, $cpu, $(( ${ram_kb:-0} / 1024 )) MiB RAM, $(uname -srm)"
    echo "- program: $version, $kgbuild (built $(date -r "$kgbuild" '+%Y-%m-%d %H:%M')${rev:+; checkout at $rev})"
    echo "- corpus: gen-corpus.py, seed $seed, in $work; timing: $timer, warm page cache"
    echo "- facts: distinct nodes of kgo:{${fact_classes//|/,}}"
    echo
    echo "| size MB | format | -j | s | MB/s | facts | facts/s | peak RSS MB | out MB |"
    echo "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
}
row() { echo "$*" | tee -a "$results"; }

header | tee -a "$results"

# ---------------------------------------------------------------------------
# Corpora.

corpus_for() {   # SIZE -> folder, generated unless cached
    local size=$1 dir=$work/corpus-${1}mb-seed$seed
    local want="size_mb	$size"
    if [ -r "$dir/corpus.info" ] && grep -qx "$want" "$dir/corpus.info" &&
       grep -qx "generator	gen-corpus.py $(sed -n 's/^VERSION = //p' "$here/gen-corpus.py")" "$dir/corpus.info"; then
        echo "$dir"
        return 0
    fi
    note "generating $size MB corpus in $dir"
    "$python" "$here/gen-corpus.py" --size-mb "$size" --seed "$seed" --out "$dir" >&2 ||
        return 1
    echo "$dir"
}

# ---------------------------------------------------------------------------
# Measuring one run: wall seconds and peak RSS (KiB) of the largest process.

measure() {   # TIMEFILE CMD... ; writes "SECONDS MAXRSS_KB" to TIMEFILE
    local tf=$1
    shift
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f '%e %M' -o "$tf" "$@"
    else
        "$python" -c '
import resource, subprocess, sys, time
t = time.monotonic()
rc = subprocess.call(sys.argv[2:])
e = time.monotonic() - t
m = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
open(sys.argv[1], "w").write("%.2f %d\n" % (e, m))
sys.exit(rc)' "$tf" "$@"
    fi
}

# Facts in an output: distinct subjects typed with a fact class.  Writes
# "FACTS RELATIONS" (RELATIONS: distinct rdf:Statement nodes, "-" when not
# counted) and a per-class breakdown to the log.
count_facts() {   # FORMAT FILE LOG
    local fmt=$1 f=$2 log=$3
    case $fmt in
    ntriples|nquads)
        LC_ALL=C grep -E "> <http://www\.w3\.org/1999/02/22-rdf-syntax-ns#type> <(https://w3id\.org/kgbuild/ontology#($fact_classes)|http://www\.w3\.org/1999/02/22-rdf-syntax-ns#Statement)> " "$f" |
            LC_ALL=C awk '{ print $3, $1 }' | LC_ALL=C sort -u -S 64M |
            LC_ALL=C awk '{ k = $1; sub(/.*#/, "", k); sub(/>$/, "", k); n[k]++ }
                END { f = 0; r = 0
                      for (k in n) {
                          if (k == "Statement") r += n[k]; else f += n[k]
                          print "  " k, n[k] > "/dev/stderr"
                      }
                      print f, r }' 2>>"$log"
        ;;
    turtle)
        # Turtle writes each subject once: count its fact types.
        LC_ALL=C grep -oE "(^|[[:space:]])(a|rdf:type)[[:space:]]+(kgo:|<https://w3id\.org/kgbuild/ontology#)($fact_classes)([[:space:]>;,.]|$)" "$f" |
            LC_ALL=C sed -E 's/.*(kgo:|#)([A-Za-z]+).*/\2/' | LC_ALL=C sort | uniq -c |
            awk '{ f += $1; print "  " $2, $1 > "/dev/stderr" } END { print f + 0, "-" }' 2>>"$log"
        ;;
    rdfxml|json)
        if command -v rapper >/dev/null; then
            local nt=$f.count.nt
            rapper -q -i "$fmt" -o ntriples "$f" > "$nt" 2>>"$log"
            count_facts ntriples "$nt" "$log"
            rm -f "$nt"
        else
            echo "- -"
        fi
        ;;
    *) echo "- -" ;;
    esac
}

ext_of() {
    case $1 in
    ntriples) echo nt ;; nquads) echo nq ;; turtle) echo ttl ;; rdfxml) echo rdf ;;
    json) echo json ;; dot) echo dot ;; *) echo out ;;
    esac
}

fmt2() { awk -v x="$1" 'BEGIN { if (x >= 100) printf "%.0f", x; else if (x >= 10) printf "%.1f", x; else printf "%.2f", x }'; }

# ---------------------------------------------------------------------------

failures=0
declare -A mem_ratio
for size in $sizes; do
    corpus=   # made (or found) before the first run that needs it
    for fmt in $formats; do
        for j in $jobs_list; do
            case $fmt in
            ntriples|nquads) ;;
            *)  # These formats hold the whole graph in memory.
                if awk -v s="$size" -v m="$turtle_max" 'BEGIN { exit !(s > m) }'; then
                    # Bytes of RSS per input byte: measured on a smaller
                    # run of this format when there was one, else 16.
                    ratio=${mem_ratio[$fmt]:-16}
                    need=$(awk -v s="$size" -v r="$ratio" 'BEGIN { n = s * r / 1000; printf (n < 10 ? "%.1f" : "%.0f"), n }')
                    row "| $size | $fmt | $j | skipped: would need ~$need GB (--turtle-max-mb $turtle_max) | | | | | |"
                    continue
                fi ;;
            esac
            if [ "$j" != 1 ] && [ "$has_j" = 0 ]; then
                row "| $size | $fmt | $j | skipped: this kgbuild has no -j | | | | | |"
                continue
            fi
            if [ -z "$corpus" ]; then
                corpus=$(corpus_for "$size") || {
                    row "| $size | - | - | corpus generation failed | | | | | |"
                    failures=$((failures + 1))
                    continue 3
                }
                in_bytes=$(sed -n 's/^bytes\t//p' "$corpus/corpus.info")
                in_mb=$(awk -v b="$in_bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
                # Warm the page cache: every run reads the corpus from memory.
                find "$corpus" -name '*.txt' -print0 | xargs -0 cat > /dev/null
            fi
            out=$work/out/out-${size}mb-$fmt-j$j.$(ext_of "$fmt")
            log=$work/logs/${size}mb-$fmt-j$j.log
            tf=$work/logs/${size}mb-$fmt-j$j.time
            jarg=()
            [ "$j" = 1 ] || jarg=(-j "$j")
            : > "$log"
            best_s='' best_rss='' rc=0
            for ((r = 1; r <= repeat; r++)); do
                note "${size} MB, $fmt, -j $j$([ "$repeat" -gt 1 ] && echo ", run $r of $repeat")"
                rm -f "$out"
                echo "\$ $kgbuild -f $fmt ${jarg[*]:+${jarg[*]} }-q -o $out $corpus" >> "$log"
                measure "$tf" "$kgbuild" -f "$fmt" "${jarg[@]}" -q -o "$out" "$corpus" 2>>"$log"
                rc=$?
                [ $rc = 0 ] || break
                read -r s rss < "$tf" || break
                if [ -z "$best_s" ] || awk -v a="$s" -v b="$best_s" 'BEGIN { exit !(a < b) }'; then
                    best_s=$s
                fi
                if [ -z "$best_rss" ] || [ "$rss" -gt "$best_rss" ]; then best_rss=$rss; fi
            done
            if [ $rc != 0 ]; then
                failures=$((failures + 1))
                row "| $size | $fmt | $j | failed: exit $rc, see $log | | | | | |"
                continue
            fi
            # Anything kgbuild said despite -q is kept in the log; say so.
            if grep -qv '^\$ ' "$log"; then
                note "kgbuild wrote messages, see $log:"
                grep -v '^\$ ' "$log" | head -5 >&2
            fi
            out_bytes=$(stat -c %s "$out")
            echo "facts by class:" >> "$log"
            read -r facts rels < <(count_facts "$fmt" "$out" "$log")
            echo "relations (rdf:Statement): $rels" >> "$log"
            mbps=$(awk -v b="$in_bytes" -v s="$best_s" 'BEGIN { if (s > 0) print b / 1e6 / s; else print 0 }')
            if [ "$facts" = "-" ]; then fps="-"; else
                fps=$(awk -v f="$facts" -v s="$best_s" 'BEGIN { if (s > 0) printf "%.0f", f / s; else print "-" }')
            fi
            rss_mb=$(awk -v k="$best_rss" 'BEGIN { print k / 1024 }')
            out_mb=$(awk -v b="$out_bytes" 'BEGIN { print b / 1e6 }')
            case $fmt in ntriples|nquads) ;; *)
                mem_ratio[$fmt]=$(awk -v k="$best_rss" -v b="$in_bytes" 'BEGIN { printf "%.0f", k * 1024 / b }') ;;
            esac
            row "| $in_mb | $fmt | $j | $(fmt2 "$best_s") | $(fmt2 "$mbps") | $facts | $fps | $(fmt2 "$rss_mb") | $(fmt2 "$out_mb") |"
            printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date +%FT%T)" "$in_mb" "$fmt" "$j" \
                "$best_s" "$mbps" "$facts" "$rels" "$best_rss" "$out_bytes" "$version${rev:+ $rev}" \
                >> "$work/results.tsv"
            [ "$keep" = 1 ] || rm -f "$out"
        done
    done
done
echo | tee -a "$results" >/dev/null
note "table appended to $results; per-run details in $work/results.tsv and $work/logs/"
[ "$failures" = 0 ]
