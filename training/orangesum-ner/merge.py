#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Merge the annotators' answers into the OrangeSum NER set.

    merge.py [--ann DIR] [--sentences FILE] [--out DIR]

sentences.jsonl (sample.py's output) is cut into batches of --batch
(440) sentences; batch K (DIR/batchK.jsonl) holds sentences
[440K, 440K + 440) followed by the first --overlap (44) sentences of
the next batch of its round (batches 0-4 are the first round, 5-9 the
second, 10-14 the third, each a ring: 4 overlaps 0, 9 overlaps 5, 14
overlaps 10), and annotator K
answered it in DIR/annK.jsonl, one
line a sentence: {"id", "entities": [["exact text", "TYPE"], ...]} in
text order (an entity listed out of order is placed at its first
occurrence that no entity placed before covers).  So each sentence has a primary annotator (the one of its
batch) and the first 44 of each batch a second one too.

Checks: the batches hold the expected sentences with the text of
sentences.jsonl; each annotation file answers every sentence of its batch
once; each entity is [text, TYPE] with TYPE one of PER ORG LOC MISC and
its text occurs in the sentence after the entity before it (searched
left to right, a match at word edges preferred).  An entity that fails is
reported and dropped; a missing answer is an error.

Writes OUT/annotations.jsonl, one line a sentence in the order of
sentences.jsonl, {"id", "text", "entities": [[start, end, "TYPE"], ...],
"annotator": "A1".."A15"} (character offsets, end exclusive, annotator
K + 1 for annK), from the primary annotator; and OUT/double.jsonl, the
second annotation of each doubly annotated sentence in the same format.
Then prints the agreement between the two annotations of those sentences
(see README.md).  Python 3 standard library only.
"""

import argparse
import collections
import importlib.util
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = ("PER", "ORG", "LOC", "MISC")


def load_tokenizer():
    """to-conll.py, whose tokens (kgb_tokenize's) the kappa is counted on."""
    spec = importlib.util.spec_from_file_location(
        "to_conll", os.path.join(HERE, "to-conll.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def write_jsonl(path, records):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


# --------------------------------------------------------------------------
# Entity texts to offsets


def is_word_char(c):
    return c.isalnum()


def at_word_edges(text, j, k):
    """Does text[j:k] start and end at word edges (where its own first and
    last characters are word characters)?"""
    return ((j == 0 or not is_word_char(text[j - 1])
             or not is_word_char(text[j]))
            and (k == len(text) or not is_word_char(text[k])
                 or not is_word_char(text[k - 1])))


def locate(text, s, pos):
    """The first occurrence of S in TEXT at or after POS, preferring one
    at word edges ("Paris" not inside "Parisien"); -1 if none."""
    first = j = text.find(s, pos)
    while j >= 0:
        if at_word_edges(text, j, j + len(s)):
            return j
        j = text.find(s, j + 1)
    return first


def free_occurrence(text, s, spans):
    """The first occurrence of S in TEXT that overlaps none of SPANS, or
    -1."""
    j = text.find(s)
    while j >= 0:
        if all(j + len(s) <= a or j >= b for a, b, _ in spans):
            return j
        j = text.find(s, j + 1)
    return -1


def to_spans(sid, text, entities, who, problems):
    """[start, end, TYPE] for the [text, TYPE] entities of one answer;
    those that fail the checks are reported in PROBLEMS and dropped."""
    spans, pos = [], 0
    if not isinstance(entities, list):
        problems.append("%s %s: entities is not a list" % (who, sid))
        return spans
    for e in entities:
        if (not isinstance(e, list) or len(e) != 2
                or not isinstance(e[0], str) or not isinstance(e[1], str)):
            problems.append("%s %s: malformed entity %r, dropped"
                            % (who, sid, e))
            continue
        s, typ = e
        if typ not in TYPES:
            problems.append("%s %s: %r has type %r, dropped"
                            % (who, sid, s, typ))
            continue
        core = s.strip()
        if not core:
            problems.append("%s %s: empty entity, dropped" % (who, sid))
            continue
        j = locate(text, core, pos)
        if j < 0 and core in text:
            # Listed out of text order: the first occurrence that no
            # entity placed so far covers.
            j = free_occurrence(text, core, spans)
            if j >= 0:
                problems.append("%s %s: %r (%s) listed out of order, placed "
                                "at %d" % (who, sid, core, typ, j))
        if j < 0:
            where = ("occurs only inside entities placed before it"
                     if core in text else "does not occur")
            problems.append("%s %s: %r (%s) %s, dropped"
                            % (who, sid, s, typ, where))
            continue
        if core != s:
            problems.append("%s %s: %r has white space at an edge, trimmed"
                            % (who, sid, s))
        if not at_word_edges(text, j, j + len(core)):
            problems.append("%s %s: %r (%s) begins or ends inside a word "
                            "(%r), kept" % (who, sid, core, typ,
                                            text[max(0, j - 8):
                                                 j + len(core) + 8]))
        spans.append([j, j + len(core), typ])
        pos = max(pos, j + len(core))
    spans.sort()
    return spans


# --------------------------------------------------------------------------
# Merging


def merge(sentences, ann_dir, batch, overlap, problems, rounds=1):
    n = len(sentences)
    if n % batch:
        sys.exit("merge.py: %d sentences is no whole number of batches of %d"
                 % (n, batch))
    nb = n // batch
    if nb % rounds:
        sys.exit("merge.py: %d batches do not make %d rounds" % (nb, rounds))
    per_round = nb // rounds
    ids = [s["id"] for s in sentences]
    text = {s["id"]: s["text"] for s in sentences}
    if len(text) != n:
        sys.exit("merge.py: sentences.jsonl repeats an id")
    primary, second = {}, {}
    for k in range(nb):
        # Each round's batches overlap in a ring of their own.
        base = k // per_round * per_round
        nxt = base + (k - base + 1) % per_round
        own = ids[k * batch:(k + 1) * batch]
        extra = ids[nxt * batch:nxt * batch + overlap]
        want = own + extra
        bpath = os.path.join(ann_dir, "batch%d.jsonl" % k)
        apath = os.path.join(ann_dir, "ann%d.jsonl" % k)
        got = read_jsonl(bpath)
        if [r.get("id") for r in got] != want:
            sys.exit("merge.py: %s does not hold sentences [%d, %d) and "
                     "[%d, %d)" % (bpath, k * batch, (k + 1) * batch,
                                   nxt * batch, nxt * batch + overlap))
        for r in got:
            if r.get("text") != text[r["id"]]:
                sys.exit("merge.py: %s: the text of %s differs from "
                         "sentences.jsonl" % (bpath, r["id"]))
        who = "A%d" % (k + 1)
        answers = {}
        for line, r in enumerate(read_jsonl(apath), 1):
            sid = r.get("id") if isinstance(r, dict) else None
            if sid not in want:
                problems.append("%s line %d: id %r is not in batch %d, "
                                "ignored" % (apath, line, sid, k))
            elif sid in answers:
                problems.append("%s line %d: second answer for %s, ignored"
                                % (apath, line, sid))
            else:
                answers[sid] = r.get("entities")
        missing = [sid for sid in want if sid not in answers]
        if missing:
            sys.exit("merge.py: %s answers no %d sentences (first %s)"
                     % (apath, len(missing), missing[0]))
        for sid in want:
            rec = {"id": sid, "text": text[sid],
                   "entities": to_spans(sid, text[sid], answers[sid], who,
                                        problems),
                   "annotator": who}
            (primary if sid in own else second)[sid] = rec
    return ([primary[i] for i in ids],
            [second[i] for i in ids if i in second])


# --------------------------------------------------------------------------
# Agreement


def f1(tp, a, b):
    return 2.0 * tp / (a + b) if a + b else float("nan")


def multiset_tp(x, y):
    return sum((collections.Counter(x) & collections.Counter(y)).values())


def bio(n, spans):
    tags = ["O"] * n
    for first, last, typ in spans:
        tags[first] = "B-" + typ
        for k in range(first + 1, last):
            tags[k] = "I-" + typ
    return tags


def kappa(pairs):
    n = len(pairs)
    if not n:
        return float("nan")
    po = sum(a == b for a, b in pairs) / n
    ca = collections.Counter(a for a, _ in pairs)
    cb = collections.Counter(b for _, b in pairs)
    pe = sum(ca[t] * cb[t] for t in ca) / (n * n)
    return (po - pe) / (1 - pe) if pe < 1 else float("nan")


def clusters(xs, ys):
    """Group the spans of XS and YS that overlap, transitively: a list of
    (spans of XS, spans of YS) in text order."""
    items = sorted([(e, 0) for e in xs] + [(e, 1) for e in ys])
    out = []
    end = -1
    for e, side in items:
        if not out or e[0] >= end:
            out.append(([], []))
            end = e[1]
        out[-1][side].append(e)
        end = max(end, e[1])
    return out


def disagreement_kind(cp, cs):
    if not cs:
        return "only the primary marks a %s" % cp[0][2]
    if not cp:
        return "only the second marks a %s" % cs[0][2]
    if len(cp) == 1 and len(cs) == 1 and cp[0][:2] == cs[0][:2]:
        return "same span, type %s" % " vs ".join(sorted((cp[0][2],
                                                           cs[0][2])))
    if len(cp) != len(cs):
        return "one name vs several"
    if all(x[2] == y[2] for x, y in zip(cp, cs)):
        return "different extent, same type"
    return "different extent and type"


def agreement(first, second, tc):
    """Figures over the doubly annotated sentences: FIRST are the primary
    annotations of those sentences, SECOND the other ones, same order."""
    r = collections.Counter()
    pair_tp = collections.Counter()
    pair_n = collections.Counter()
    token_pairs = []
    pattern = collections.Counter()
    examples = {}
    for p, s in zip(first, second):
        pe = [tuple(e) for e in p["entities"]]
        se = [tuple(e) for e in s["entities"]]
        r["sentences"] += 1
        r["first"] += len(pe)
        r["second"] += len(se)
        r["exact"] += multiset_tp(pe, se)
        r["span"] += multiset_tp([e[:2] for e in pe], [e[:2] for e in se])
        for t in TYPES:
            r["first " + t] += sum(e[2] == t for e in pe)
            r["second " + t] += sum(e[2] == t for e in se)
            r["exact " + t] += multiset_tp([e for e in pe if e[2] == t],
                                           [e for e in se if e[2] == t])
        key = (s["annotator"], p["annotator"])
        pair_tp[key] += multiset_tp(pe, se)
        pair_n[key] += len(pe) + len(se)
        toks = tc.tokenize(p["text"])
        ta = bio(len(toks), tc.token_spans(toks, p["entities"]))
        tb = bio(len(toks), tc.token_spans(toks, s["entities"]))
        token_pairs += list(zip(ta, tb))
        # Disagreements: the entities not matched exactly, grouped by
        # overlap into clusters, one disagreement each.
        left_p = list((collections.Counter(pe) - collections.Counter(se))
                      .elements())
        left_s = list((collections.Counter(se) - collections.Counter(pe))
                      .elements())
        for cp, cs in clusters(left_p, left_s):
            kind = disagreement_kind(cp, cs)
            pattern[kind] += 1
            if kind not in examples:
                examples[kind] = (p["id"],
                                  [(p["text"][e[0]:e[1]], e[2]) for e in cp],
                                  [(p["text"][e[0]:e[1]], e[2]) for e in cs])
    r["tokens"] = len(token_pairs)
    return {
        "counts": r,
        "exact": f1(r["exact"], r["first"], r["second"]),
        "span": f1(r["span"], r["first"], r["second"]),
        "per type": {t: f1(r["exact " + t], r["first " + t],
                           r["second " + t]) for t in TYPES},
        "pairs": {k: f1(pair_tp[k], pair_n[k], 0) for k in pair_tp},
        "kappa": kappa(token_pairs),
        "kappa entity tokens": kappa([x for x in token_pairs
                                      if x != ("O", "O")]),
        "patterns": pattern,
        "examples": examples,
    }


def report(ag):
    r = ag["counts"]
    out = []
    out.append("Agreement on the %d doubly annotated sentences (%d tokens; "
               "%d entities primary, %d second):"
               % (r["sentences"], r["tokens"], r["first"], r["second"]))
    out.append("")
    out.append("| measure | value |")
    out.append("| --- | ---: |")
    out.append("| exact span and type F1 | %.3f |" % ag["exact"])
    for t in TYPES:
        out.append("| exact span and type F1, %s (%d / %d) | %.3f |"
                   % (t, r["first " + t], r["second " + t],
                      ag["per type"][t]))
    out.append("| span-only F1 | %.3f |" % ag["span"])
    out.append("| token Cohen's kappa, BIO per type (9 labels) | %.3f |"
               % ag["kappa"])
    out.append("| the same, tokens either annotator put in an entity | %.3f |"
               % ag["kappa entity tokens"])
    out.append("")
    out.append("Exact F1 by pair (second annotator / primary): " + ", ".join(
        "%s/%s %.3f" % (k[0], k[1], v)
        for k, v in sorted(ag["pairs"].items())))
    out.append("")
    out.append("Disagreements (entities not matched exactly, grouped by "
               "overlap), by kind, with the first example (primary | "
               "second):")
    out.append("")
    for kind, n in ag["patterns"].most_common():
        ex = ag["examples"][kind]

        def show(es):
            return ", ".join("%s %s" % e for e in es) or "-"
        out.append("    %4d  %s; %s: %s | %s"
                   % (n, kind, ex[0], show(ex[1]), show(ex[2])))
    return "\n".join(out)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--ann", default="/work/ann",
                   help="folder of batchK.jsonl and annK.jsonl")
    p.add_argument("--sentences",
                   default=os.path.join(HERE, "sentences.jsonl"))
    p.add_argument("--out", default=HERE)
    p.add_argument("--batch", type=int, default=440)
    p.add_argument("--overlap", type=int, default=44)
    p.add_argument("--rounds", type=int, default=3,
                   help="annotation rounds: the batches fall in this many "
                   "equal groups, each overlapping in a ring of its own")
    a = p.parse_args(argv)
    sentences = read_jsonl(a.sentences)
    problems = []
    primary, second = merge(sentences, a.ann, a.batch, a.overlap, problems,
                            a.rounds)
    write_jsonl(os.path.join(a.out, "annotations.jsonl"), primary)
    write_jsonl(os.path.join(a.out, "double.jsonl"), second)
    for msg in problems:
        print(msg, file=sys.stderr)
    sys.stderr.flush()
    counts = collections.Counter(e[2] for r in primary
                                 for e in r["entities"])
    print("annotations.jsonl: %d sentences, %d entities (%s); "
          "double.jsonl: %d sentences, %d entities; %d entities dropped, "
          "%d other notes (standard error)"
          % (len(primary), sum(counts.values()),
             ", ".join("%s %d" % (t, counts[t]) for t in TYPES),
             len(second), sum(len(r["entities"]) for r in second),
             sum(m.endswith("dropped") for m in problems),
             sum(not m.endswith("dropped") for m in problems)))
    by_id = {r["id"]: r for r in primary}
    first = [by_id[r["id"]] for r in second]
    print(report(agreement(first, second, load_tokenizer())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
