#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write one hostile input for kgbuild: a shape that once cost more than
linear time or memory in its size.

    adversarial.py --shape SHAPE --size-mb N --out FILE [--seed S]
    adversarial.py --list

writes N * 10^6 bytes (whole records only, so a few bytes less) of SHAPE
to FILE.  The output depends only on the shape, the size and the seed.
Each shape is one document: the costs looked for grow with what a single
document holds, not with the number of files.  See bench/README.md.

Standard library only.
"""

import argparse
import random
import sys

# Syllables for invented names: enough of them that names do not repeat
# before tens of megabytes.
SYLLABLES = ("ba be bi bo bu da de di do du fa fe fi fo ga ge go ka ke ki ko "
             "la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po ra re "
             "ri ro ru sa se si so ta te ti to tu va ve vi vo za ze zi zo "
             "bar ber dor fen gal hex kor lan mar nor pol quin rav sel tor "
             "vel wex yor zan").split()


def invented_word(rng, n):
    """A capitalised made-up word of N syllables."""
    return "".join(rng.choice(SYLLABLES) for _ in range(n)).capitalize()


def unique_stems(rng):
    """Endless distinct two-word stems ("Korbaze Velmi")."""
    seen = set()
    while True:
        stem = invented_word(rng, 3) + " " + invented_word(rng, 2)
        if stem not in seen:
            seen.add(stem)
            yield stem


def shape_orgs(rng):
    """Many organisation names, each with a legal form and then without:
    "Korbaze Velmi Ltd ... Korbaze Velmi said": every one is a pair for
    the legal-variant merge."""
    legal = ["Ltd", "Inc", "Corp", "GmbH", "SA", "AG", "PLC", "NV"]
    for stem in unique_stems(rng):
        form = rng.choice(legal)
        yield ("%s %s will invest $%d million in its plant. "
               "%s said the plant would open in May.\n"
               % (stem, form, rng.randint(2, 900), stem))


def shape_people(rng):
    """Many people named in full then by surname ("Mme Lise Korbaze ...
    Korbaze said"): the table of short names and the people rules."""
    for stem in unique_stems(rng):
        first, last = stem.split()
        yield ("Chief executive %s %s joined Velmora Ltd in March. "
               "%s said sales rose.\n" % (last, first, last))


def shape_acronyms(rng):
    """Many names with their acronym ("Korbaze Velmi Systems (KVS)"),
    then the acronym alone."""
    for stem in unique_stems(rng):
        a, b = stem.split()
        acro = a[0] + b[0] + "S"
        yield ("%s Systems (%s) opened an office. %s hired staff.\n"
               % (stem, acro, acro))


def shape_attrs(rng):
    """One HTML tag with a huge number of attributes, then a paragraph."""
    yield "<html><body><p"
    i = 0
    while True:
        yield ' a%d="v%d"' % (i, i)
        i += 1


def shape_attr_tags(rng):
    """Many tags of 64 attributes each (the most kgbuild passes to
    libxml2 unchanged), each with a word of text."""
    yield "<html><body>"
    attrs = "".join(' a%d="v"' % i for i in range(64))
    while True:
        yield "<p%s>Word</p>\n" % attrs


def shape_brackets(rng):
    """A long run of opening brackets."""
    while True:
        yield "(" * 1000


def shape_closing(rng):
    """Brackets that open and close: "(((...)))" nested deep."""
    while True:
        yield "(" * 500 + ")" * 500


def shape_caps(rng):
    """Capitalised words with no sentence end: one endless name run."""
    while True:
        yield invented_word(rng, 2) + " "


def shape_allcaps(rng):
    """ALL-CAPS words with no sentence end."""
    while True:
        yield invented_word(rng, 2).upper() + " "


def shape_onechar(rng):
    """One-character tokens with no sentence end: "a b c d ..."."""
    while True:
        yield " ".join(rng.choice("abcdefghijklmnopqrstuvwxyz")
                       for _ in range(100)) + " "


def shape_puncts(rng):
    """One-character punctuation tokens glued together: ",;:,;:,"."""
    while True:
        yield "".join(rng.choice(",;:-/'&") for _ in range(100))


def shape_dots(rng):
    """Sentence ends only: ". . . ." (one empty sentence per token)."""
    while True:
        yield ". "


def shape_numbers(rng):
    """Figures and currencies with no sentence end."""
    while True:
        yield "$%d million %d jobs " % (rng.randint(1, 999), rng.randint(1, 9999))


def shape_unique(rng):
    """Distinct short words: every token a new folded form."""
    i = 0
    letters = "abcdefghijklmnopqrstuvwxyz"
    while True:
        w, n = "", i
        while True:
            w += letters[n % 26]
            n //= 26
            if not n:
                break
        yield w + " "
        i += 1


def shape_glued(rng):
    """Letters and brackets with no space: "a(b(c(" (a token a byte)."""
    while True:
        yield "".join(rng.choice("abc") + rng.choice("()[]")
                      for _ in range(50))


def shape_longword(rng):
    """One word of megabytes."""
    while True:
        yield "a" * 1000


def shape_lines(rng):
    """Empty lines only: paragraph breaks without text."""
    while True:
        yield "\n"


def shape_nested(rng):
    """Deeply nested HTML elements."""
    yield "<html><body>"
    while True:
        yield "<div><b>"


def shape_entities(rng):
    """HTML made of character references."""
    yield "<html><body><p>"
    while True:
        yield "&amp;&eacute;&#233;&#x20AC; "


SHAPES = {
    "orgs": (shape_orgs, "txt"),
    "people": (shape_people, "txt"),
    "acronyms": (shape_acronyms, "txt"),
    "attrs": (shape_attrs, "html"),
    "attr-tags": (shape_attr_tags, "html"),
    "brackets": (shape_brackets, "txt"),
    "nested-brackets": (shape_closing, "txt"),
    "caps": (shape_caps, "txt"),
    "allcaps": (shape_allcaps, "txt"),
    "onechar": (shape_onechar, "txt"),
    "puncts": (shape_puncts, "txt"),
    "dots": (shape_dots, "txt"),
    "numbers": (shape_numbers, "txt"),
    "longword": (shape_longword, "txt"),
    "unique": (shape_unique, "txt"),
    "glued": (shape_glued, "txt"),
    "newlines": (shape_lines, "txt"),
    "nested-tags": (shape_nested, "html"),
    "entities": (shape_entities, "html"),
}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shape", choices=sorted(SHAPES))
    ap.add_argument("--size-mb", type=float)
    ap.add_argument("--out")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--list", action="store_true",
                    help="print each shape, the extension its file needs "
                         "and what it is, then exit")
    args = ap.parse_args()
    if args.list:
        for name in sorted(SHAPES):
            gen, ext = SHAPES[name]
            print("%s\t%s\t%s" % (name, ext, " ".join(gen.__doc__.split())))
        return 0
    if not (args.shape and args.size_mb and args.out):
        ap.error("--shape, --size-mb and --out are needed")
    gen, _ = SHAPES[args.shape]
    budget = int(args.size_mb * 1e6)
    rng = random.Random("%s/%d" % (args.shape, args.seed))
    written = 0
    with open(args.out, "w", encoding="utf-8", newline="") as out:
        for piece in gen(rng):
            n = len(piece.encode("utf-8"))
            if written + n > budget:
                break
            out.write(piece)
            written += n
    return 0


if __name__ == "__main__":
    sys.exit(main())
