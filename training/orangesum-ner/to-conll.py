#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Convert the OrangeSum NER annotations to the taggers' training format.

    to-conll.py [ANNOTATIONS] [-o OUT]     default: annotations.jsonl here,
                                           ../cache/orangesum-ner.conll
    to-conll.py --self-test

ANNOTATIONS holds one JSON object a line, {"id", "text", "entities":
[[start, end, "TYPE"], ...], ...} with character offsets (merge.py writes
it).  Each sentence becomes its own document: "# doc: ID", then one
"TOKEN<TAB>TAG" line a token (BILOU over PER, ORG, LOC, MISC), then a blank
line; the format of training/README.md, written by convert.py's Writer.

The tokens are those of kgbuild's own tokenizer, kgb_tokenize in
extractor/kgb_token.c, ported here rule for rule (offsets in code points
instead of bytes): a tagger trained on this file sees the tokens it will
see when it runs.  An entity whose edge falls inside a token ("BFMTV" in
the glued "BFMTVPhilippe") is extended to whole tokens; if that makes it
share a token with the entity before it, it loses the shared tokens (and
is dropped when none is left).  Both are counted on standard error.
Python 3 standard library only.
"""

import argparse
import json
import os
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from convert import TYPES, Writer, bilou, open_out  # noqa: E402

# --------------------------------------------------------------------------
# kgb_tokenize (extractor/kgb_token.c), rule for rule

WORD, NUMBER, SYMBOL, PUNCT = "word", "number", "symbol", "punct"

# French elided forms (kgb_token.c's elisions[]).
ELISIONS = frozenset(("l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu",
                      "lorsqu", "puisqu", "quoiqu"))
MAX_GLUED_TOKENS = 64   # KGB_MAX_GLUED_TOKENS, extractor/kgb_limits.h

# The predicates of common/kgb_utf8.c.  '' stands for the end of the text
# (cp_at's 0), for which every predicate is false.


def is_upper(c):
    if c < "\x80":
        return "A" <= c <= "Z"
    return unicodedata.category(c) in ("Lu", "Lt")


def is_lower(c):
    if c < "\x80":
        return "a" <= c <= "z"
    return unicodedata.category(c) == "Ll"


def is_letter(c):
    if c < "\x80":
        return "A" <= c <= "Z" or "a" <= c <= "z"
    return unicodedata.category(c) in ("Lu", "Ll", "Lt", "Lm", "Lo")


def is_digit(c):
    if c < "\x80":
        return "0" <= c <= "9"
    return unicodedata.category(c) == "Nd"


def is_space(c):
    if c < "\x80":
        return c == " " or "\t" <= c <= "\r"
    return unicodedata.category(c) == "Zs"


def is_apostrophe(c):
    return c in ("'", "\u2019")


def is_hyphen(c):
    return c in ("-", "\u2010")


def is_word_cp(c):
    return is_letter(c) or is_digit(c) or "\u0300" <= c <= "\u036f"


def is_group_space(c):
    return c in (" ", "\u00a0", "\u202f", "\u2009")


def is_symbol(c):
    return c in ("$", "\u20ac", "\u00a3", "\u00a5", "%", "&", "+", "\u20b9")


_UNMARKED = {"\u0142": "l", "\u00f8": "o", "\u00e6": "ae", "\u0153": "oe",
             "\u0111": "d", "\u00f0": "d", "\u00fe": "th", "\u0131": "i",
             "\u2019": "'", "\u2018": "'"}


def fold(s):
    """kgb_utf8_fold: case folded, marks stripped (utf8proc CASEFOLD,
    STRIPMARK, COMPOSE), a few unmarked Latin letters and curly quotes
    made ASCII."""
    s = unicodedata.normalize("NFD", unicodedata.normalize("NFD", s)
                              .casefold())
    s = "".join(c for c in s if unicodedata.category(c) not in
                ("Mn", "Mc", "Me"))
    s = unicodedata.normalize("NFC", s)
    return "".join(_UNMARKED.get(c, c) for c in s)


def _at(t, i):
    return t[i] if 0 <= i < len(t) else ""


def scan_number(t, i):
    """Digits, with decimal marks and thousands groups: "3 000", "1,2"."""
    group = 0
    while True:
        c = _at(t, i)
        if is_digit(c):
            i += 1
            group += 1
            continue
        if c in (".", ",") and is_digit(_at(t, i + 1)):
            i += 1
            group = 0
            continue
        if c and is_group_space(c) and group <= 3:
            j, digits = i + 1, 0
            while is_digit(_at(t, j)) and digits < 4:
                j += 1
                digits += 1
            if digits == 3:
                i += 1
                group = 0
                continue
        return i


def is_dotted_initials(t, b, e):
    run = dots = 0
    for c in t[b:e]:
        if c == ".":
            if run != 1:
                return False
            run = 0
            dots += 1
        else:
            run += 1
    return dots > 0 and run == 1


def scan_word(t, b):
    """A word: letters and digits joined by hyphens, inner dots and inner
    apostrophes; ends after an elision's apostrophe and before an English
    possessive.  Returns (end, elided)."""
    i = b
    prev = prev2 = ""
    while True:
        c, nxt = _at(t, i), _at(t, i + 1)
        if is_word_cp(c):
            i += 1
            prev2, prev = prev, c
            continue
        # "Amazon.com", "AMZN.O", "SIEGn.DE" stay whole; "domestique.Le"
        # or "l'AFP.Le" (a word ending in two lower-case letters or two
        # capitals, dot, capitalised word) is two sentences glued.
        if ((is_hyphen(c) or c == ".") and i > b and is_word_cp(nxt)
                and not (c == "." and is_digit(nxt))
                and not (c == "." and is_upper(nxt)
                         and ((is_lower(prev) and is_lower(prev2))
                              or (is_upper(prev) and is_upper(prev2)
                                  and is_lower(_at(t, i + 2)))))):
            i += 1
            prev = c
            continue
        if is_apostrophe(c) and is_letter(nxt):
            if fold(t[b:i]) in ELISIONS:
                return i + 1, True
            if nxt in ("s", "S") and not is_word_cp(_at(t, i + 2)):
                return i, False     # possessive: "'s" is its own token
            i += 1
            prev = c
            continue
        break
    if _at(t, i) == "." and is_dotted_initials(t, b, i):
        i += 1
    return i, False


def chunk_end(t, i):
    while i < len(t) and not is_space(t[i]):
        i += 1
    return i


def tokenize(t):
    """kgb_tokenize: a list of (begin, end, type), offsets in code points."""
    toks = []
    i, pending, glued, glued_begin = 0, False, 0, 0
    while i < len(t):
        c, b = t[i], i
        if is_space(c):
            pending = True
            i += 1
            continue
        if pending or not toks:     # a run of glued tokens starts
            glued, glued_begin = len(toks), b
        if len(toks) - glued >= MAX_GLUED_TOKENS:
            # "((((...": the run is one token
            del toks[glued:]
            i = chunk_end(t, b)
            toks.append((glued_begin, i, PUNCT))
        elif is_digit(c):
            i = scan_number(t, i)
            toks.append((b, i, NUMBER))
        elif is_letter(c):
            i, _ = scan_word(t, i)
            toks.append((b, i, WORD))
        elif (is_apostrophe(c) and _at(t, i + 1) == "s"
              and not is_word_cp(_at(t, i + 2))):
            i += 2                  # the possessive "'s"
            toks.append((b, i, WORD))
        else:
            i += 1
            toks.append((b, i, SYMBOL if is_symbol(c) else PUNCT))
        pending = False
    return toks


# --------------------------------------------------------------------------
# Character spans to token spans


def token_spans(toks, entities, counts=None):
    """(first, last + 1, type) token spans for character-offset entities
    [start, end, type] in text order.  An edge inside a token extends the
    entity to the whole token ("extended"); tokens already in the entity
    before are taken off ("clipped"), and an entity left with no token is
    dropped ("dropped")."""
    out = []
    counts = counts if counts is not None else {}
    for start, end, typ in entities:
        hit = [k for k, (b, e, _) in enumerate(toks) if b < end and e > start]
        if not hit:
            counts["dropped"] = counts.get("dropped", 0) + 1
            continue
        first, last = hit[0], hit[-1] + 1
        if toks[first][0] != start or toks[last - 1][1] != end:
            counts["extended"] = counts.get("extended", 0) + 1
        if out and first < out[-1][1]:
            first = out[-1][1]
            if first >= last:
                counts["dropped"] = counts.get("dropped", 0) + 1
                continue
            counts["clipped"] = counts.get("clipped", 0) + 1
        out.append((first, last, typ))
    return out


def convert(records, w, counts):
    for r in records:
        text = r["text"]
        toks = tokenize(text)
        spans = token_spans(toks, r["entities"], counts)
        tokens = [text[b:e] for b, e, _ in toks]
        counts["sentences"] = counts.get("sentences", 0) + 1
        counts["tokens"] = counts.get("tokens", 0) + len(tokens)
        counts["tokens with a space"] = counts.get(
            "tokens with a space", 0) + sum(
                any(c.isspace() for c in x) for x in tokens)
        for _, _, typ in spans:
            counts[typ] = counts.get(typ, 0) + 1
        w.doc(r["id"])
        w.sentence(tokens, bilou(len(tokens), spans))


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


# --------------------------------------------------------------------------
# Self-test on invented sentences

TOKEN_CASES = [
    ("L'ONU a réuni 3 000 délégués à New York jusqu'à lundi.",
     ["L'", "ONU", "a", "réuni", "3 000", "délégués", "à", "New", "York",
      "jusqu'", "à", "lundi", "."]),
    ("Aujourd\u2019hui, Jean-Pierre paie 12,50 € pour 1,5 kg chez "
     "Amazon.com.",
     ["Aujourd\u2019hui", ",", "Jean-Pierre", "paie", "12,50", "€", "pour",
      "1,5", "kg", "chez", "Amazon.com", "."]),
    ("La Côte d\u2019Ivoire et la presqu'île de Crozon, qu'il aime.",
     ["La", "Côte", "d\u2019", "Ivoire", "et", "la", "presqu'île", "de",
      "Crozon", ",", "qu'", "il", "aime", "."]),
    ("Apple's iPhone costs $1,200 in the U.S. market; 'sup.",
     ["Apple", "'s", "iPhone", "costs", "$", "1,200", "in", "the", "U.S.",
      "market", ";", "'", "sup", "."]),
    ("« Koh-Lanta » (TF1) : 20.832 km, 1.2bn, 4,5%, 12\u00a0345\u00a0678 "
     "habitants, 1 2345.",
     ["«", "Koh-Lanta", "»", "(", "TF1", ")", ":", "20.832", "km", ",",
      "1.2", "bn", ",", "4,5", "%", ",", "12\u00a0345\u00a0678", "habitants",
      ",", "1", "2345", "."]),
    ("Le domestique.Le lendemain, par BFMTVPhilippe Dupuis-d'Arc parla.",
     ["Le", "domestique", ".", "Le", "lendemain", ",", "par",
      "BFMTVPhilippe", "Dupuis-d'Arc", "parla", "."]),
    ("J.-C. Martin, L'Oréal et l'AMZN.O à 3.5.",
     ["J", ".", "-", "C", ".", "Martin", ",", "L'", "Oréal", "et", "l'",
      "AMZN.O", "à", "3.5", "."]),
    ("(" * 70 + " fin", ["(" * 70, "fin"]),
]

CONVERT_CASES = [
    # Plain spans, elision kept out of the entity.
    ("L'Allemagne et Renault SA.", [[2, 11, "LOC"], [15, 25, "ORG"]],
     ["O", "U-LOC", "O", "B-ORG", "L-ORG", "O"], {}),
    # "BFMTV" ends inside "BFMTVPhilippe": extended; the person then
    # shares that token, is clipped to "Dupont".
    ("Vu par BFMTVPhilippe Dupont hier.",
     [[7, 12, "ORG"], [12, 27, "PER"]],
     ["O", "O", "U-ORG", "U-PER", "O", "O"],
     {"extended": 2, "clipped": 1}),
    # An entity inside one token with another: dropped.
    ("Le groupe LREMLR vote.", [[10, 14, "ORG"], [14, 16, "ORG"]],
     ["O", "O", "U-ORG", "O", "O"], {"extended": 2, "dropped": 1}),
    # A multi-token name with a number whose token holds a space.
    ("La Porsche 911 de 2 000 kg.", [[3, 14, "MISC"]],
     ["O", "B-MISC", "L-MISC", "O", "O", "O", "O"], {}),
]


def self_test():
    failed = 0
    for text, want in TOKEN_CASES:
        got = [text[b:e] for b, e, _ in tokenize(text)]
        if got != want:
            failed += 1
            print("tokenize %r:\n  got  %r\n  want %r" % (text, got, want))
    for text, ents, want, want_counts in CONVERT_CASES:
        counts = {}
        toks = tokenize(text)
        got = bilou(len(toks), token_spans(toks, ents, counts))
        if got != want or counts != want_counts:
            failed += 1
            print("convert %r:\n  got  %r %r\n  want %r %r"
                  % (text, got, counts, want, want_counts))
    # The whole path, through the writer: one document a sentence, a
    # token with a space written with "_".
    import io
    buf, counts = io.StringIO(), {}
    convert([{"id": "t-1", "text": "Paris a 2 000 ans.",
              "entities": [[0, 5, "LOC"]]}], Writer(buf), counts)
    want = ("# doc: t-1\nParis\tU-LOC\na\tO\n2_000\tO\nans\tO\n.\tO\n\n")
    if buf.getvalue() != want:
        failed += 1
        print("writer: got %r\n  want %r" % (buf.getvalue(), want))
    n = len(TOKEN_CASES) + len(CONVERT_CASES) + 1
    print("self-test: %d of %d cases pass" % (n - failed, n))
    return 1 if failed else 0


# --------------------------------------------------------------------------


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("annotations", nargs="?",
                   default=os.path.join(HERE, "annotations.jsonl"))
    p.add_argument("-o", "--out", default=os.path.join(
        os.path.dirname(HERE), "cache", "orangesum-ner.conll"))
    p.add_argument("--self-test", action="store_true",
                   help="run the tests on invented sentences and exit")
    a = p.parse_args(argv)
    if a.self_test:
        return self_test()
    records = read_jsonl(a.annotations)
    counts = {}
    out = open_out(a.out)
    try:
        convert(records, Writer(out), counts)
    finally:
        if out is not sys.stdout:
            out.close()
    keys = ["sentences", "tokens"] + list(TYPES)
    print("%s: %s" % (a.out, ", ".join(
        "%s %d" % (k, counts.get(k, 0)) for k in keys)), file=sys.stderr)
    print("entities extended to whole tokens %d, clipped %d, dropped %d; "
          "tokens holding a space (written with _) %d"
          % (counts.get("extended", 0), counts.get("clipped", 0),
             counts.get("dropped", 0), counts.get("tokens with a space", 0)),
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
