#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Build the word clusters extractor/data/{fr,en}/clusters.tsv (see the
# "Word clusters" section of training/README.md).
#
#   training/make-clusters.sh [--from DIR] [fr] [en]    (default: both)
#
# Each source is a bare git directory (as the fetch tool leaves them under
# DIR/owner+name/repo, DIR defaulting to /work/.mirror) or a checkout;
# files are read from its HEAD, whose commit goes into the header line of
# the TSV. ORANGESUM, DWIE, GUM, EWT name them one by one; DEV is the
# development corpus (its fr-N.txt articles are left out of the French
# text); CACHE holds the plain text (default training/cache, never
# committed); OUTDIR the TSVs (default extractor/data).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
from=/work/.mirror
if [ "${1:-}" = "--from" ]; then from=$2; shift 2; fi
ORANGESUM=${ORANGESUM:-$from/Tixierae+OrangeSum/repo}
DWIE=${DWIE:-$from/Emvista+DWIE-FR/repo}
GUM=${GUM:-$from/amir-zeldes+gum/repo}
EWT=${EWT:-$from/UniversalDependencies+UD_English-EWT/repo}
DEV=${DEV:-/work/shared/corpus/dev}
CACHE=${CACHE:-$here/cache}
OUTDIR=${OUTDIR:-$here/../extractor/data}
py=/usr/bin/python3
langs=${*:-fr en}
mkdir -p "$CACHE"

# The git directory of a source: DIR itself (bare) or DIR/.git.
gitdir() {
  if [ -d "$1/.git" ]; then echo "$1/.git"
  elif [ -d "$1/objects" ]; then echo "$1"
  else echo "make-clusters.sh: no git directory at $1" >&2; return 1
  fi
}
commit() { git --git-dir "$1" log -1 --format=%H; }

# Python helpers (standard library): read many blobs of HEAD at once.
export PYTHONDONTWRITEBYTECODE=1
helpers='
import json, re, subprocess, sys
ids = {}
def ls(gd, path):
    """The paths in folder PATH (with its slash) of HEAD, or PATH itself."""
    out = subprocess.run(["git", "--git-dir", gd, "ls-tree", "HEAD", path],
                         check=True, capture_output=True)
    paths = []
    for line in out.stdout.decode("utf-8").split("\n")[:-1]:
        meta, p = line.split("\t", 1)
        ids[gd, p] = meta.split()[2]
        paths.append(p)
    return paths
def blobs(gd, paths):
    """(path, bytes) of each of PATHS at HEAD, by one git cat-file (asked by
    object id: "HEAD:path" would search a folder of 36,000 files anew for
    each)."""
    req = "".join("%s\n" % (ids.get((gd, p)) or "HEAD:" + p)
                  for p in paths).encode("utf-8")
    out = subprocess.run(["git", "--git-dir", gd, "cat-file", "--batch"],
                         input=req, check=True, capture_output=True).stdout
    i = 0
    for p in paths:
        nl = out.index(b"\n", i)
        head = out[i:nl].split()
        if head[-1] == b"missing":
            sys.exit("missing in HEAD: " + p)
        size = int(head[2])
        yield p, out[nl + 1:nl + 1 + size]
        i = nl + 1 + size + 1
def norm(s):
    return " ".join(s.lower().split())
'

for lang in $langs; do
  case $lang in
  fr)
    gd=$(gitdir "$ORANGESUM")
    [ -d "$DEV" ] || { echo "make-clusters.sh: no $DEV" >&2; exit 1; }
    c=$(commit "$gd")
    n=$($py -c "$helpers"'
gd, dev, out = sys.argv[1:4]
import os
def allowed_range(n):
    return 7000 <= n <= 20999 or 22000 <= n <= 35999
dev_ids = set()
for f in os.listdir(dev):
    m = re.fullmatch(r"fr-0*(\d+)\.txt", f)
    if m:
        dev_ids.add(int(m.group(1)))
if not dev_ids:
    sys.exit("no fr-N.txt in " + dev)
paths = [p for p in ls(gd, "data/docs/parsed/")
         if re.fullmatch(r"data/docs/parsed/\d+\.json", p)]
docs = {}
for p, b in blobs(gd, paths):
    d = json.loads(b)
    docs[int(p.rsplit("/", 1)[1][:-5])] = [d.get(k) or "" for k in
                                           ("title", "heading", "article")]
def ok(n):
    return allowed_range(n) and n not in dev_ids
# Left out as well: an article that the repository lists as a duplicate
# of one left out, or whose title and heading, or the start of whose
# text, match one left out (the same dispatch under two ids).
banned = set()
for p, b in blobs(gd, ["list_of_duplicates.txt"]):
    for line in b.decode("utf-8").split():
        ids = [int(x[:-5]) for x in line.split(",") if x.endswith(".json")]
        if not all(ok(i) for i in ids):
            banned.update(ids)
keys = set()
for n, (t, h, a) in docs.items():
    if not ok(n):
        keys.add("th:" + norm(t) + "|" + norm(h))
        if len(norm(a)) >= 100:
            keys.add("a:" + norm(a)[:300])
kept = dups = 0
with open(out, "w", encoding="utf-8") as f:
    for n in sorted(docs):
        if not ok(n):
            continue
        t, h, a = docs[n]
        if (n in banned or "th:" + norm(t) + "|" + norm(h) in keys
                or (len(norm(a)) >= 100 and "a:" + norm(a)[:300] in keys)):
            dups += 1
            continue
        for field in (t, h, a):
            if field.strip():
                f.write(field.strip() + "\n")
        kept += 1
print("make-clusters.sh: fr: %d articles kept, %d dev ids, %d left out as "
      "duplicates of excluded ones" % (kept, len(dev_ids), dups),
      file=sys.stderr)
print(kept)
' "$gd" "$DEV" "$CACHE/clusters-fr.txt")
    src="OrangeSum (Tixierae/OrangeSum $c, CC BY-SA 4.0): title, heading,"
    src="$src article of data/docs/parsed/N.json, N in 7000-20999 and"
    src="$src 22000-35999, without the development corpus and duplicates"
    src="$src of articles left out ($n articles)"
    mkdir -p "$OUTDIR/fr"
    $py "$here/clusters.py" --min-count 5 --max-words 60000 \
      --coarse 64 --fine 512 --epochs 5 --source "$src" \
      -o "$OUTDIR/fr/clusters.tsv" "$CACHE/clusters-fr.txt"
    ;;
  en)
    gdd=$(gitdir "$DWIE"); gdg=$(gitdir "$GUM"); gde=$(gitdir "$EWT")
    cd_=$(commit "$gdd"); cg=$(commit "$gdg"); ce=$(commit "$gde")
    counts=$($py -c "$helpers"'
gdd, gdg, gde, out = sys.argv[1:5]
f = open(out, "w", encoding="utf-8")
# DWIE: the articles tagged "train" (the 100 tagged "test" are for
# evaluation).
paths = [p for p in ls(gdd, "data/dwie/annos_with_content/")
         if re.fullmatch(r".*/DW_\d+\.json", p)]
ndwie = 0
for p, b in blobs(gdd, paths):
    d = json.loads(b)
    if "train" in d["tags"] and "test" not in d["tags"]:
        f.write(d["content"].strip() + "\n")
        ndwie += 1
# GUM: genres whose text is openly licensed (LICENSE.txt): not the
# non-commercial ones (whow, fiction, essay, letter, podcast), not reddit,
# not GENTLE; and not the documents of the test split (splits.md).
closed = ("whow", "fiction", "essay", "letter", "podcast", "reddit")
split = None
test = set()
for p, b in blobs(gdg, ["splits.md"]):
    for line in b.decode("utf-8").split("\n"):
        if line.startswith("## "):
            split = line[3:].strip()
        m = re.fullmatch(r"\s*\*\s*(\S+)\s*", line)
        if m and split == "test":
            test.add(m.group(1))
if not test:
    sys.exit("no test split in GUM splits.md")
paths = []
for p in ls(gdg, "dep/"):
    m = re.fullmatch(r"dep/(GUM_([a-z]+)_\w+)\.conllu", p)
    if m and m.group(2) not in closed and m.group(1) not in test:
        paths.append(p)
ngum = 0
for p, b in blobs(gdg, paths):
    for line in b.decode("utf-8").split("\n"):
        if line.startswith("# text = "):
            f.write(line[9:].strip() + "\n")
    ngum += 1
# EWT: the dev file only.
for p, b in blobs(gde, ["en_ewt-ud-dev.conllu"]):
    for line in b.decode("utf-8").split("\n"):
        if line.startswith("# text = "):
            f.write(line[9:].strip() + "\n")
f.close()
print("%d %d" % (ndwie, ngum))
' "$gdd" "$gdg" "$gde" "$CACHE/clusters-en.txt")
    set -- $counts
    src="DWIE (Emvista/DWIE-FR $cd_, annotations GPL-3.0, text (c) Deutsche"
    src="$src Welle): content of the $1 train articles; GUM (amir-zeldes/gum"
    src="$src $cg, annotations CC BY 4.0): text of $2 documents of genres"
    src="$src academic bio conversation court interview news speech textbook"
    src="$src vlog voyage, test split left out; UD English EWT"
    src="$src (UniversalDependencies/UD_English-EWT $ce, CC BY-SA 4.0):"
    src="$src en_ewt-ud-dev.conllu text"
    mkdir -p "$OUTDIR/en"
    $py "$here/clusters.py" --min-count 3 --max-words 60000 \
      --coarse 64 --fine 512 --epochs 20 --source "$src" \
      -o "$OUTDIR/en/clusters.tsv" "$CACHE/clusters-en.txt"
    ;;
  *) echo "make-clusters.sh: unknown language $lang (fr, en)" >&2; exit 2 ;;
  esac
done
