#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Word clusters for the taggers: word vectors, then k-means at two sizes.

Reads plain UTF-8 text (files, or standard input for none or "-"), one
line at a time, and writes a TSV

    # clusters.py: <parameters>; source: <text of --source>
    word<TAB>coarse<TAB>fine

sorted by word (code-point order), one line per kept word.

Tokens (close to extractor/kgb_token.c, so that the tagger looks up the
same units):
  - text is put in NFC; U+2019 and U+02BC become an ASCII apostrophe and
    U+2010 a hyphen;
  - a word starts with a letter and runs over letters and digits joined by
    inner hyphens, dots and apostrophes ("jean-pierre", "covid-19",
    "amazon.com", "aujourd'hui", "o'brien");
  - a French elision (l d j m n s t c qu jusqu lorsqu puisqu quoiqu before
    an apostrophe) is a token of its own that keeps its apostrophe:
    "l'homme" -> "l'" "homme", "qu'il" -> "qu'" "il";
  - the English possessive is split off: "Welle's" -> "welle" "'s";
  - a dot is no joiner before a digit, nor between two lower-case letters
    and a capital (paragraphs glued without a space: "mars.Financé");
    "U.S." keeps its final dot (dotted initials);
  - a number is digits joined by inner dots and commas ("3,5", "1.000");
  - any other character that is not white space is a token of one
    character (punctuation, symbols).
Then every token is lower-cased (str.lower; accents are kept). Punctuation
tokens take part in training but only tokens holding a letter or a digit
are written out. Long lines are cut into pieces of 10,000 tokens (the
longest sentence word2vec reads).

Vectors: gensim Word2Vec, skip-gram with negative sampling by default,
workers=1 and a fixed seed, so that a run is deterministic; words seen
fewer than --min-count times are left out of training. The written
vocabulary is the --max-words most frequent kept words (ties by word).

Clusters: the vectors of the written words, scaled to unit length, are cut
by spherical k-means (cosine similarity; k-means++ seeding from the same
seed; Lloyd iterations until no word moves or --iterations). The coarse
and the fine partitions are computed independently on the same vectors
(a fine cluster need not lie inside one coarse cluster): each is the best
partition k-means finds at its size, and a tagger uses both as separate
features. Cluster ids are renumbered in order of first appearance in the
frequency-ranked vocabulary (cluster 0 holds the most frequent word).
"""
import argparse
import os
import re
import sys
import unicodedata

# One BLAS thread: the sums of a matrix product then come in one order.
for _v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_v] = "1"

ELISIONS = frozenset(("l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu",
                      "lorsqu", "puisqu", "quoiqu"))
MAX_SENTENCE = 10000

TOKEN_RE = re.compile(
    r"(?P<w>[^\W\d_][^\W_]*(?:(?:[-.][^\W_]+)|(?:'[^\W\d_][^\W_]*))*)"
    r"|(?P<n>\d+(?:[.,]\d+)*)"
    r"|(?P<s>'[sS](?![^\W_]))"
    r"|(?P<o>\S)")
JOINER_RE = re.compile(r"([-.'])")
DOTTED_INITIALS_RE = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")


def normalise(line):
    line = unicodedata.normalize("NFC", line)
    return line.replace("\u2019", "'").replace("\u02bc", "'").replace(
        "\u2010", "-")


def split_word(word, out):
    """Append the tokens of WORD (a match of the word pattern) to OUT."""
    if "'" not in word and "." not in word:
        out.append(word)
        return
    parts = JOINER_RE.split(word)
    cur = parts[0]
    for k in range(1, len(parts), 2):
        joiner, seg = parts[k], parts[k + 1]
        if joiner == "'":
            if cur.lower() in ELISIONS:
                out.append(cur + "'")
                cur = seg
            elif seg in ("s", "S") and k + 2 == len(parts):
                out.append(cur)
                cur = "'" + seg
            else:
                cur += "'" + seg
        elif joiner == "." and (seg[0].isdigit() or (
                len(cur) >= 2 and cur[-1].islower() and cur[-2].islower()
                and seg[0].isupper())):
            out.append(cur)
            out.append(".")
            cur = seg
        else:
            cur += joiner + seg
    out.append(cur)


def tokenize(line):
    """The lower-cased tokens of LINE (see the module's doc)."""
    line = normalise(line)
    out = []
    skip = -1
    for m in TOKEN_RE.finditer(line):
        if m.start() == skip:
            continue
        w = m.group("w")
        if w is not None:
            end = m.end()
            if (end < len(line) and line[end] == "."
                    and DOTTED_INITIALS_RE.fullmatch(w)):
                out.append(w + ".")
                skip = end
            else:
                split_word(w, out)
        else:
            out.append(m.group(0))
    return [t.lower() for t in out]


def is_word(tok):
    return any(c.isalnum() for c in tok)


def read_sentences(paths):
    """Token lists of every non-empty line of PATHS (stdin for "-")."""
    sentences = []
    intern = sys.intern
    for path in paths or ["-"]:
        if path == "-":
            f = open(sys.stdin.fileno(), encoding="utf-8", closefd=False)
        else:
            f = open(path, encoding="utf-8")
        with f:
            for line in f:
                toks = [intern(t) for t in tokenize(line)]
                for b in range(0, len(toks), MAX_SENTENCE):
                    sentences.append(toks[b:b + MAX_SENTENCE])
    return sentences


def stable_hash(s):
    """For gensim's hashfxn: Python's hash() of a str changes per process."""
    import zlib
    return zlib.crc32(s.encode("utf-8"))


def kmeans_pp(x, k, rng):
    """K-means++ seeds for unit rows X, on cosine distance 1 - x.c."""
    import numpy as np
    n = x.shape[0]
    centers = np.empty((k, x.shape[1]))
    first = int(rng.integers(n))
    centers[0] = x[first]
    dist = np.maximum(1.0 - x @ x[first], 0.0)
    for j in range(1, k):
        total = dist.sum()
        if total <= 0:
            idx = int(rng.integers(n))
        else:
            r = rng.random() * total
            idx = int(np.searchsorted(np.cumsum(dist), r, side="right"))
            idx = min(idx, n - 1)
        centers[j] = x[idx]
        dist = np.minimum(dist, np.maximum(1.0 - x @ x[idx], 0.0))
    return centers


def spherical_kmeans(x, k, seed, iterations):
    """Labels (0..k-1) of the unit rows of X in K clusters."""
    import numpy as np
    rng = np.random.default_rng(seed)
    k = min(k, x.shape[0])
    centers = kmeans_pp(x, k, rng)
    labels = None
    for _ in range(iterations):
        sim = x @ centers.T
        new = np.argmax(sim, axis=1)
        if labels is not None and np.array_equal(new, labels):
            break
        labels = new
        sums = np.zeros_like(centers)
        np.add.at(sums, labels, x)
        counts = np.bincount(labels, minlength=k)
        best = sim[np.arange(x.shape[0]), labels]
        for j in np.flatnonzero(counts == 0):
            # An empty cluster takes the word farthest from its centre.
            far = int(np.argmin(best))
            best[far] = np.inf
            sums[j] = x[far]
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        centers = sums / norms
    return labels


def renumber(labels):
    """Ids in order of first appearance in LABELS (frequency order)."""
    ids = {}
    return [ids.setdefault(int(v), len(ids)) for v in labels]


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Word clusters (coarse and fine k-means ids) from "
        "plain text, for the taggers' features.",
        epilog="Tokenisation and method: see the top of this file "
        "(training/clusters.py). Output: '# ...' header line, then "
        "word<TAB>coarse<TAB>fine sorted by word. Same input and "
        "parameters (and gensim/numpy versions) give the same bytes.",
        )
    ap.add_argument("inputs", nargs="*", metavar="FILE",
                    help="plain-text files, UTF-8; none or '-' reads stdin")
    ap.add_argument("-o", "--output", default="-",
                    help="TSV to write ('-': stdout)")
    ap.add_argument("--source", default=None,
                    help="where the text came from, for the header line "
                    "(default: the input file names)")
    ap.add_argument("--min-count", type=int, default=5,
                    help="keep words seen at least this often (default: %(default)s)")
    ap.add_argument("--max-words", type=int, default=60000,
                    help="write at most this many words (the most frequent) (default: %(default)s)")
    ap.add_argument("--coarse", type=int, default=64,
                    help="number of coarse clusters (default: %(default)s)")
    ap.add_argument("--fine", type=int, default=512,
                    help="number of fine clusters (default: %(default)s)")
    ap.add_argument("--dim", type=int, default=100, help="vector size (default: %(default)s)")
    ap.add_argument("--window", type=int, default=5, help="context window (default: %(default)s)")
    ap.add_argument("--epochs", type=int, default=10,
                    help="passes over the text (default: %(default)s)")
    ap.add_argument("--cbow", action="store_true",
                    help="CBOW instead of skip-gram")
    ap.add_argument("--negative", type=int, default=5,
                    help="negative samples (default: %(default)s)")
    ap.add_argument("--sample", type=float, default=1e-3,
                    help="down-sampling threshold of frequent words (default: %(default)s)")
    ap.add_argument("--iterations", type=int, default=100,
                    help="at most this many k-means iterations (default: %(default)s)")
    ap.add_argument("--seed", type=int, default=1,
                    help="seed of word2vec and k-means (default: %(default)s)")
    ap.add_argument("-q", "--quiet", action="store_true",
                    help="no progress on stderr")
    args = ap.parse_args(argv)
    for name in ("min_count", "max_words", "coarse", "fine", "dim",
                 "window", "epochs", "iterations"):
        if getattr(args, name) < 1:
            ap.error("--%s must be at least 1" % name.replace("_", "-"))

    import numpy as np
    import gensim
    from gensim.models import Word2Vec

    def say(msg):
        if not args.quiet:
            print("clusters.py: " + msg, file=sys.stderr, flush=True)

    sentences = read_sentences(args.inputs)
    counts = {}
    for s in sentences:
        for t in s:
            counts[t] = counts.get(t, 0) + 1
    say("%d lines, %d tokens, %d types" % (
        len(sentences), sum(counts.values()), len(counts)))
    model = Word2Vec(
        vector_size=args.dim, window=args.window, min_count=args.min_count,
        sg=0 if args.cbow else 1, negative=args.negative, hs=0,
        sample=args.sample, seed=args.seed, workers=1, epochs=args.epochs,
        hashfxn=stable_hash)
    model.build_vocab(sentences)
    say("training on %d words of vocabulary" % len(model.wv))
    model.train(sentences, total_examples=len(sentences),
                epochs=args.epochs)
    del sentences

    ranked = sorted((w for w in model.wv.key_to_index if is_word(w)),
                    key=lambda w: (-counts[w], w))[:args.max_words]
    if not ranked:
        sys.exit("clusters.py: no word seen %d times" % args.min_count)
    x = np.array([model.wv[w] for w in ranked], dtype=np.float64)
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    x /= norms
    say("clustering %d words" % len(ranked))
    coarse = renumber(spherical_kmeans(x, args.coarse, args.seed,
                                       args.iterations))
    fine = renumber(spherical_kmeans(x, args.fine, args.seed + 1,
                                     args.iterations))

    source = args.source or " ".join(args.inputs or ["stdin"])
    header = ("# clusters.py: word2vec %s dim=%d window=%d epochs=%d "
              "negative=%d sample=%g min-count=%d max-words=%d seed=%d; "
              "spherical k-means coarse=%d fine=%d (independent) "
              "iterations<=%d; gensim %s numpy %s; %d words; source: %s" % (
                  "cbow" if args.cbow else "skip-gram", args.dim,
                  args.window, args.epochs, args.negative, args.sample,
                  args.min_count, args.max_words, args.seed, args.coarse,
                  args.fine, args.iterations, gensim.__version__,
                  np.__version__, len(ranked),
                  " ".join(source.split())))
    rows = sorted(zip(ranked, coarse, fine))
    text = header + "\n" + "".join(
        "%s\t%d\t%d\n" % r for r in rows)
    if args.output == "-":
        sys.stdout.buffer.write(text.encode("utf-8"))
    else:
        with open(args.output, "wb") as f:
            f.write(text.encode("utf-8"))
    say("wrote %d words" % len(rows))


if __name__ == "__main__":
    main()
