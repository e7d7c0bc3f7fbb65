#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""From `kgbuild tag --pairs` output on a held-out set (GOLD, PREDICTED,
MARGIN a line), write the table the extractor reads beside pairs.kgbtag:

    CLASS<TAB>MIN_MARGIN<TAB>CONFIDENCE

For each class, the smallest whole margin at which the pairs predicted
that class are right at least TARGET of the time (default 0.8), and that
precision as the confidence of the facts it gives.  A class that never
reaches it is left out: the extractor then never states it.
Python 3 standard library only."""
import argparse
import sys


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("tagged")
    p.add_argument("--target", type=float, default=0.8)
    p.add_argument("--min-found", type=int, default=10,
                   help="pairs a margin must keep to be measured")
    p.add_argument("-o", "--output", default="-")
    a = p.parse_args()
    rows = []
    with open(a.tagged, encoding="utf-8") as f:
        for line in f:
            gold, pred, margin = line.rstrip("\n").split("\t")
            rows.append((gold, pred, float(margin)))
    out = sys.stdout if a.output == "-" else open(a.output, "w")
    out.write("# class\tmin margin\tconfidence: precision on %s at that "
              "margin (training/pairs-thresholds.py, target %.2f)\n"
              % (a.tagged.rsplit("/", 1)[-1], a.target))
    for cls in sorted({r[1] for r in rows} - {"none"}):
        gold = max(1, sum(1 for r in rows if r[0] == cls))
        for t in range(0, 41):
            found = [r for r in rows if r[1] == cls and r[2] >= t]
            right = sum(1 for r in found if r[0] == cls)
            if len(found) >= a.min_found and right / len(found) >= a.target:
                out.write("%s\t%d\t%.2f\n" % (cls, t, right / len(found)))
                print("%s: margin %d, precision %.2f, recall %.2f (%d found)"
                      % (cls, t, right / len(found), right / gold,
                         len(found)), file=sys.stderr)
                break
        else:
            print("%s: never %.2f precise on %d pairs or more"
                  % (cls, a.target, a.min_found), file=sys.stderr)


if __name__ == "__main__":
    main()
