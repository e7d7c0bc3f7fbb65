#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Draw the sentences of the French news NER set from OrangeSum.

    sample.py REPO [--count N] [--seed S] [--exclude DIR] [--skip JSONL]
              > sentences.jsonl

REPO is a checkout or bare git directory of Tixierae/OrangeSum.  Only the
articles data/docs/parsed/N.json with N in 7000..20999 or 22000..35999 are
read (the ranges /work/shared/DATA.md permits), none whose id names a file
fr-N.txt in the --exclude directories, and none whose opening matches the
text of such a file.  At most two sentences come from one article; a
sentence has 8 to 60 words and no glued sentence join ('word.Word').
Prints one JSON object a line: {"id": "os-N-K", "text": ...}.
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys

RANGES = [(7000, 20999), (22000, 35999)]
SPLIT = re.compile(r'(?<=[.!?])\s+(?=["«A-ZÀÂÉÈÊÎÔÛÇ])')
GLUED = re.compile(r'[a-zé][.!?]["«]?[A-ZÀÉ]')


def git_read(repo, path):
    if os.path.isdir(os.path.join(repo, ".git")) or os.path.exists(
            os.path.join(repo, path)):
        with open(os.path.join(repo, path), encoding="utf-8") as f:
            return f.read()
    return subprocess.run(["git", "--git-dir", repo, "show", "HEAD:" + path],
                          capture_output=True, check=True).stdout.decode()


def excluded(dirs):
    ids, openings = set(), set()
    for d in dirs:
        for name in os.listdir(d):
            m = re.match(r"fr-0*(\d+)\.txt$", name)
            if not m:
                continue
            ids.add(int(m.group(1)))
            with open(os.path.join(d, name), encoding="utf-8") as f:
                openings.add(" ".join(f.read().split())[:80])
    return ids, openings


def sentences(article):
    for s in SPLIT.split(" ".join(article.split())):
        words = s.split()
        if 8 <= len(words) <= 60 and not GLUED.search(s):
            yield s


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("repo")
    ap.add_argument("--count", type=int, default=2200)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--exclude", action="append", default=[])
    ap.add_argument("--skip", action="append", default=[],
                    help="a sentences.jsonl whose articles are not drawn "
                    "again (a second round)")
    a = ap.parse_args()
    ids, openings = excluded(a.exclude)
    for path in a.skip:
        with open(path, encoding="utf-8") as f:
            for line in f:
                ids.add(int(json.loads(line)["id"].split("-")[1]))
    rng = random.Random(a.seed)
    pool = [n for lo, hi in RANGES for n in range(lo, hi + 1) if n not in ids]
    rng.shuffle(pool)
    out = 0
    for n in pool:
        if out >= a.count:
            break
        try:
            doc = json.loads(git_read(a.repo, f"data/docs/parsed/{n}.json"))
        except (subprocess.CalledProcessError, ValueError, OSError):
            continue
        art = doc.get("article") or ""
        if " ".join(art.split())[:80] in openings:
            continue
        cands = list(sentences(art))
        rng.shuffle(cands)
        for k, s in enumerate(cands[:2]):
            if out < a.count:
                print(json.dumps({"id": f"os-{n}-{k}", "text": s},
                                 ensure_ascii=False))
                out += 1
    if out < a.count:
        sys.exit(f"sample.py: only {out} sentences found")


if __name__ == "__main__":
    main()
