#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Exact-span F1 of a tagger's entities, from `kgbuild tag` output.

    ner-score.py [--types PER,ORG,LOC] FILE

FILE holds TOKEN<TAB>GOLD<TAB>PREDICTED lines, a blank line after each
sentence; tags are IOB1, IOB2 or BILOU (read alike: a span starts at B-,
U-, or a change of type, and goes on while I- or L- of its type follows).
Prints precision, recall and F1 over the given types, then per type.
"""
import argparse
import signal
import sys


def spans(tags, keep):
    out, start, typ = set(), None, None
    for i, t in enumerate(tags + ["O"]):
        kind, _, ty = t.partition("-")
        cont = kind in ("I", "L") and ty == typ and start is not None
        if not cont and start is not None:
            if typ in keep:
                out.add((start, i, typ))
            start = typ = None
        if kind in ("B", "U", "I", "L") and not cont:
            start, typ = i, ty
        if kind in ("L", "U") and start is not None:
            if typ in keep:
                out.add((start, i + 1, typ))
            start = typ = None
    return out


def main():
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    ap = argparse.ArgumentParser()
    ap.add_argument("--types", default="PER,ORG,LOC")
    ap.add_argument("file")
    a = ap.parse_args()
    keep = set(a.types.split(","))
    counts = {t: [0, 0, 0] for t in keep}   # gold, found, right
    gold, pred = [], []

    def flush():
        g, p = spans(gold, keep), spans(pred, keep)
        for s in g:
            counts[s[2]][0] += 1
        for s in p:
            counts[s[2]][1] += 1
        for s in g & p:
            counts[s[2]][2] += 1
        gold.clear()
        pred.clear()

    with open(a.file, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 3:
                flush()
                continue
            gold.append(cols[-2])
            pred.append(cols[-1])
    flush()

    def prf(g, p, r):
        pr = r / p if p else 0.0
        rc = r / g if g else 0.0
        return pr, rc, (2 * pr * rc / (pr + rc) if pr + rc else 0.0)

    tot = [sum(c[k] for c in counts.values()) for k in range(3)]
    print("all  P=%.3f R=%.3f F1=%.3f  (%d gold, %d found)" %
          (*prf(*tot), tot[0], tot[1]))
    for t in sorted(keep):
        print("%-4s P=%.3f R=%.3f F1=%.3f" % (t, *prf(*counts[t])))


if __name__ == "__main__":
    sys.exit(main())
