#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""supported.py [RESULTS.tsv] [--check FILE]

Print, in Markdown, what kgbuild's embedded SPARQL engine supports, from
the results of the conformance suite (tests/sparql/conformance.py writes
them to tests/sparql-work/results.tsv, the default RESULTS): one line per
query, its construct (the query's '# construct:' line) under the heading
of its outcome.  A construct is supported when it is SAME from the file
and from the store.

With --check FILE, print nothing but compare that list with the one in
FILE between the lines '<!-- sparql-support:begin -->' and
'<!-- sparql-support:end -->' (the README): exit 1 when they differ."""

import csv
import sys

BEGIN, END = "<!-- sparql-support:begin -->", "<!-- sparql-support:end -->"
HEADINGS = [
    ("supported", "Answered as a complete SPARQL 1.1 engine answers it:"),
    ("refused", "Refused with a message (run it with `--endpoint` on a "
                "SPARQL server):"),
    ("wrong", "Not right yet (a wrong answer, an error, a crash or no "
              "answer in time):"),
]


def status(row):
    outcomes = {row["file"], row["store"]}
    if outcomes == {"SAME"}:
        return "supported"
    if outcomes <= {"SAME", "REFUSED"}:
        return "refused"
    return "wrong"


def support_list(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    lines = []
    for key, heading in HEADINGS:
        chosen = [r for r in rows if status(r) == key]
        if not chosen:
            continue
        lines += ["", heading, ""] if lines else [heading, ""]
        lines += [f"- {r['construct']} (`{r['query']}`)" for r in chosen]
    return lines


def listed_in(path):
    with open(path, encoding="utf-8") as f:
        text = f.read().splitlines()
    if BEGIN not in text or END not in text:
        return None
    return text[text.index(BEGIN) + 1:text.index(END)]


def main(argv):
    args = argv[1:]
    check = None
    if "--check" in args:
        i = args.index("--check")
        check = args[i + 1]
        del args[i:i + 2]
    lines = support_list(args[0] if args else "tests/sparql-work/results.tsv")
    if check is None:
        print("\n".join(lines))
        return 0
    listed = listed_in(check)
    if listed is None:
        print(f"{check}: no {BEGIN} ... {END} block")
        return 1
    if [line for line in listed if line] != [line for line in lines if line]:
        print(f"{check}: the list of supported constructs is not the "
              f"suite's; regenerate it with {argv[0]}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
