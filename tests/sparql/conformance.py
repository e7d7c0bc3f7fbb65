#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""kgbuild query against Oxigraph: the SPARQL conformance suite.

    conformance.py [--report] [QUERY-NAME...]

Generates 526 articles (bench/gen-corpus.py --size-mb 2 --seed 15; 65,
--size-mb 0.25, under sanitizers),
extracts them into a Turtle file and loads them into an SQLite store, then
runs every tests/sparql/*.rq and examples/queries/*.rq with
'kgbuild query --data FILE' and with 'kgbuild query --store sqlite:FILE',
and compares each answer with Oxigraph's over the Turtle file
(tests/sparql/oxigraph-answer.mjs; npm package oxigraph, installed by
./install-deps.sh --test under $KGB_SHACL_DIR/node_modules).

Each run of a query ends as one of:
  SAME     the answer is Oxigraph's (below: what "the same" means)
  REFUSED  kgbuild exits 1 with a message that mentions --endpoint
  FAIL     another answer, or another error (the reason says which)
  CRASH    a signal, an exit status other than 0 or 1, or a sanitizer report
  TIMEOUT  no answer in $KGB_SPARQL_TIMEOUT seconds (default 10, 30 with
           sanitizers); after a TIMEOUT from the file, the store (read
           into memory as the file is) is not run
  BROKEN   Oxigraph itself refused the query: the suite is wrong
tests/sparql/expect.txt says, for each query, "same" (it must be SAME in
both runs) or "same-or-refuse WORD" (REFUSED is fine too, when the
message names WORD).  The exit status is 0 when every run is what
expect.txt allows, 1 otherwise; 77 (skip) without node or Oxigraph; 99
when the suite cannot run.  --report (or KGB_SPARQL_REPORT_ONLY=1)
prints the same table and exits 0 whatever the outcomes.

"The same":
- SELECT: the rows as a multiset.  IRIs by their text; every blank node
  is "a blank node" (labels are not compared); a literal by its text,
  datatype (none meaning xsd:string) and language tag (case folded);
  numbers (xsd:integer, decimal, double, float and the integer types
  derived from them) by value, whatever their type, rounded to 15
  significant digits, so 500, 500.0 and "5.0E2"^^xsd:double are equal,
  as SPARQL's = says they are, and a decimal division carried to 18
  digits equals one carried to 16; booleans as true or false.  The
  projected variables must be the same, except that an empty answer
  from kgbuild may list none (rasqal does not always know them).
- ORDER BY: the rows also in the same order, when the order is total:
  the query says "# order: total", or its last ORDER BY sorts on plain
  variables only, and on every projected one (then rows that tie are
  equal).  Otherwise as a multiset.
- ASK: the boolean.
- CONSTRUCT: the graphs are isomorphic (rdflib), numbers as above.
- DESCRIBE: what a description holds is the engine's choice, so every
  triple of Oxigraph's description without a blank node must be in
  kgbuild's; kgbuild may say more.

KGB_SPARQL_CORPUS=DIR uses the articles in DIR instead (examples/, to
see what a query that times out on 500 articles answers).  The work
folder ($KGB_SPARQL_WORK, default tests/sparql-work under the
current folder) keeps the corpus, graph.ttl, graph.db, results.tsv
(read by tests/sparql/supported.py) and each run's output.
"""

import collections
import concurrent.futures
import decimal
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time

try:
    import rdflib
    from rdflib.compare import isomorphic, to_isomorphic, graph_diff
except ImportError:
    rdflib = None

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # nothing written into the source tree
import supported  # noqa: E402  (tests/sparql/supported.py)

XSD = "http://www.w3.org/2001/XMLSchema#"
NUMERIC = {XSD + t for t in (
    "integer decimal double float nonNegativeInteger positiveInteger "
    "nonPositiveInteger negativeInteger long int short byte unsignedLong "
    "unsignedInt unsignedShort unsignedByte").split()}
SHORT = [("kgr:", "https://w3id.org/kgbuild/resource/"),
         ("kgo:", "https://w3id.org/kgbuild/ontology#"),
         ("xsd:", XSD)]
CORPUS_MB, CORPUS_SEED, MIN_ARTICLES = "2", "15", 500
# Under sanitizers, with the full stacks on each allocation that
# tests/lsan.supp needs, a run is twenty times slower: the queries
# timed out on 526 articles.  What the suite looks for there is memory
# errors and leaks, which 65 articles show as well, and malloc's stacks
# can be cut short: a leak in the query engine still fails the run (the
# unit tests, test_query_engine, report it with full stacks).
SANITIZED = "ASAN_OPTIONS" in os.environ
if SANITIZED:
    CORPUS_MB, MIN_ARTICLES = "0.25", 50


class SuiteError(Exception):
    """The suite cannot run (exit 99, a hard error for automake)."""


# --- answers, normalized -------------------------------------------------

def number(text):
    """A number's value, to 15 significant digits, as text; None if TEXT
    is not a number."""
    try:
        with decimal.localcontext() as ctx:
            ctx.prec = 15
            value = +decimal.Decimal(text.strip())
    except decimal.InvalidOperation:
        return None
    return format(value.normalize(), "f") if value.is_finite() else str(value)


def term(t):
    """A SPARQL JSON results term as a comparable tuple; None if unbound."""
    if t is None or t.get("type") == "unbound":
        return None
    if t["type"] == "uri":
        return ("iri", t["value"])
    if t["type"] == "bnode":
        return ("bnode",)
    lang = t.get("xml:lang")
    if lang:
        return ("lit", t["value"], "@" + lang.lower())
    dt = t.get("datatype", XSD + "string")
    if dt in NUMERIC and number(t["value"]) is not None:
        return ("num", number(t["value"]))
    if dt == XSD + "boolean":
        return ("lit", {"1": "true", "0": "false"}.get(t["value"], t["value"]),
                dt)
    return ("lit", t["value"], dt)


def show_term(x):
    if x[0] == "iri":
        for short, long in SHORT:
            if x[1].startswith(long):
                return short + x[1][len(long):]
        return "<" + x[1] + ">"
    if x[0] == "bnode":
        return "[]"
    if x[0] == "num":
        return x[1]
    extra = x[2] if x[2].startswith("@") else ""
    if not extra and x[2] != XSD + "string":
        extra = "^^" + show_term(("iri", x[2]))
    return json.dumps(x[1], ensure_ascii=False) + extra


def show_row(row):
    return " ".join(f"?{v}={show_term(x)}" for v, x in row) or "(no binding)"


class Answer:
    """kind 'rows' (vars, rows in order), 'boolean' or 'graph'."""

    def __init__(self, kind, vars=(), rows=(), boolean=None, graph=None):
        self.kind, self.vars, self.rows = kind, list(vars), list(rows)
        self.boolean, self.graph = boolean, graph


def results_answer(text):
    doc = json.loads(text)
    if "boolean" in doc:
        return Answer("boolean", boolean=bool(doc["boolean"]))
    rows = []
    for b in doc["results"]["bindings"]:
        row = ((v, term(t)) for v, t in b.items())
        rows.append(tuple(sorted((v, x) for v, x in row if x is not None)))
    return Answer("rows", doc["head"].get("vars", []), rows)


def canonical_graph(text, fmt):
    """The graph in TEXT, its numbers written as their value."""
    g = rdflib.Graph()
    g.parse(data=text, format=fmt)
    out = rdflib.Graph()
    for s, p, o in g:
        if isinstance(o, rdflib.Literal) and str(o.datatype) in NUMERIC \
                and number(str(o)) is not None:
            o = rdflib.Literal(number(str(o)), datatype=rdflib.URIRef(
                "urn:kgbuild-test:number"))
        out.add((s, p, o))
    return out


# --- the queries ---------------------------------------------------------

class Query:
    def __init__(self, name, path):
        self.name, self.path = name, path
        self.text = open(path, encoding="utf-8").read()
        comments = [line[1:].strip() for line in self.text.splitlines()
                    if line.startswith("#")]
        self.construct = next((c[len("construct:"):].strip()
                               for c in comments
                               if c.startswith("construct:")), None)
        if self.construct is None and name.startswith("example/"):
            lead = []
            for line in self.text.splitlines():
                if not line.startswith("#"):
                    break
                lead.append(line[1:].strip())
            self.construct = "example query: " + " ".join(lead)
        self.total_order = "order: total" in comments
        bare = re.sub(r"#[^\n]*|<[^>\s]*>|\"[^\"\n]*\"", " ", self.text)
        self.describe = re.search(r"\bDESCRIBE\b", bare, re.I) is not None
        # The outermost solution modifiers follow the last '}'.
        tail = bare[bare.rfind("}") + 1:]
        m = re.search(r"\bORDER\s+BY\b(.*?)(\bLIMIT\b|\bOFFSET\b|$)", tail,
                      re.I | re.S)
        self.order_keys = None
        if m:
            keys = re.findall(r"(?:ASC|DESC)?\s*\(\s*\?(\w+)\s*\)|\?(\w+)|(\S)",
                              m.group(1), re.I)
            if all(not other for _, _, other in keys):
                self.order_keys = {a or b for a, b, _ in keys}
        self.ordered = m is not None

    def compare_in_order(self, vars):
        if not self.ordered:
            return False
        return self.total_order or (self.order_keys is not None and
                                    set(vars) <= self.order_keys)


def find_queries(top):
    found = []
    for d, prefix in ((HERE, ""), (os.path.join(top, "examples", "queries"),
                                   "example/")):
        for f in sorted(os.listdir(d)):
            if f.endswith(".rq"):
                found.append(Query(prefix + f[:-3], os.path.join(d, f)))
    return found


def read_expect(path):
    expect = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            words = line.split("#", 1)[0].split()
            if not words:
                continue
            if words[1:] == ["same"]:
                expect[words[0]] = None
            elif len(words) == 3 and words[1] == "same-or-refuse":
                expect[words[0]] = words[2]
            else:
                raise SuiteError(f"{path}:{n}: expected 'NAME same' or "
                                 f"'NAME same-or-refuse WORD'")
    return expect


# --- running and comparing -----------------------------------------------

def compare(query, mine, theirs):
    """None when the same, else a reason and the lines showing it."""
    if query.describe and theirs.kind == "graph":
        missing = [t for t in theirs.graph
                   if not any(isinstance(x, rdflib.BNode) for x in t)
                   and t not in mine.graph]
        if missing:
            return (f"{len(missing)} of Oxigraph's {len(theirs.graph)} "
                    f"triples missing (kgbuild gave {len(mine.graph)})",
                    ["missing: " + " ".join(x.n3() for x in t)
                     for t in sorted(missing)[:5]])
        return None
    if mine.kind != theirs.kind:
        return f"a {mine.kind} answer, Oxigraph gives a {theirs.kind}", []
    if mine.kind == "boolean":
        if mine.boolean != theirs.boolean:
            return f"{mine.boolean}, Oxigraph {theirs.boolean}", []
        return None
    if mine.kind == "graph":
        if isomorphic(mine.graph, theirs.graph):
            return None
        _, only_mine, only_theirs = graph_diff(to_isomorphic(mine.graph),
                                               to_isomorphic(theirs.graph))
        lines = ["kgbuild only: " + " ".join(x.n3() for x in t)
                 for t in sorted(only_mine)[:3]]
        lines += ["Oxigraph only: " + " ".join(x.n3() for x in t)
                  for t in sorted(only_theirs)[:3]]
        return (f"graphs differ: {len(mine.graph)} triples, Oxigraph "
                f"{len(theirs.graph)}", lines)
    if set(mine.vars) != set(theirs.vars) and (mine.rows or mine.vars):
        return (f"variables {sorted(mine.vars)}, Oxigraph "
                f"{sorted(theirs.vars)}", [])
    a, b = collections.Counter(mine.rows), collections.Counter(theirs.rows)
    if a != b:
        extra, lost = a - b, b - a
        lines = [f"kgbuild only ({n}x): {show_row(r)}"
                 for r, n in list(extra.items())[:3]]
        lines += [f"Oxigraph only ({n}x): {show_row(r)}"
                  for r, n in list(lost.items())[:3]]
        return (f"{len(mine.rows)} rows, Oxigraph {len(theirs.rows)}; "
                f"{sum(extra.values())} only in kgbuild, "
                f"{sum(lost.values())} only in Oxigraph", lines)
    if query.compare_in_order(theirs.vars) and mine.rows != theirs.rows:
        i = next(i for i, (x, y) in enumerate(zip(mine.rows, theirs.rows))
                 if x != y)
        return (f"same rows, another order (ORDER BY): row {i + 1} differs",
                [f"kgbuild: {show_row(mine.rows[i])}",
                 f"Oxigraph: {show_row(theirs.rows[i])}"])
    return None


def kgbuild_answer(text, theirs):
    """kgbuild's output parsed as the kind of answer Oxigraph gave."""
    if theirs.kind == "graph":
        return Answer("graph", graph=canonical_graph(text, "turtle"))
    return results_answer(text)


def limit_memory():
    # A runaway query should not take the machine with it; sanitizers
    # reserve address space of their own, so only without them.
    if "ASAN_OPTIONS" not in os.environ:
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (8 << 30, 8 << 30))


def run_one(program, query, theirs, mode, source, work, timeout):
    """(outcome, reason, detail lines) of one kgbuild query run."""
    cmd = [program, "query", mode, source, "-r", "json", "-Q", query.path]
    base = os.path.join(work, "runs", query.name.replace("/", "-") + "."
                        + mode.lstrip("-"))
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=timeout,
                           preexec_fn=limit_memory)
    except subprocess.TimeoutExpired:
        return "TIMEOUT", f"no answer in {timeout:g} s", []
    with open(base + ".out", "wb") as f:
        f.write(p.stdout)
    with open(base + ".err", "wb") as f:
        f.write(p.stderr)
    err = p.stderr.decode("utf-8", "replace")
    first = next((line for line in err.splitlines() if line.strip()), "")
    if p.returncode < 0:
        return "CRASH", signal.Signals(-p.returncode).name, []
    if re.search(r"Sanitizer|runtime error:", err):
        line = next(line for line in err.splitlines()
                    if re.search(r"Sanitizer|runtime error:", line))
        return "CRASH", line.strip()[:120], []
    if p.returncode not in (0, 1):
        return "CRASH", f"exit status {p.returncode}: {first}", []
    if theirs is None:
        return "BROKEN", "Oxigraph gave no answer", []
    if p.returncode == 1:
        if "--endpoint" in err:
            # The whole message, to look for the construct's name in.
            return "REFUSED", " ".join(err.split())[:300], []
        return "FAIL", f"error: {first}", []
    try:
        mine = kgbuild_answer(p.stdout.decode("utf-8"), theirs)
    except Exception as e:  # what rdflib or json find wrong in the output
        return "FAIL", f"output does not parse: {str(e)[:100]}", []
    diff = compare(query, mine, theirs)
    return ("SAME", "", []) if diff is None else ("FAIL",) + diff


def run_both(program, query, theirs, graph, db, work, timeout):
    """The runs from the file and from the store, with their times.  The
    store is read into memory as the file is, so when the file run times
    out the store's would too: it is not run."""
    runs = []
    for mode, source in (("--data", graph), ("--store", "sqlite:" + db)):
        t0 = time.monotonic()
        if runs and runs[0][0] == "TIMEOUT":
            runs.append(("TIMEOUT", "not run, as the file run timed out", [],
                         0.0))
            continue
        runs.append(run_one(program, query, theirs, mode, source, work,
                            timeout) + (time.monotonic() - t0,))
    return runs


def oxigraph_answers(modules, graph, queries):
    p = subprocess.run(["node", os.path.join(HERE, "oxigraph-answer.mjs"),
                        modules, graph] + [q.path for q in queries],
                       capture_output=True, text=True)
    if p.returncode != 0:
        raise SuiteError(f"oxigraph-answer.mjs failed: {p.stderr.strip()}")
    answers, errors = {}, {}
    for q, line in zip(queries, p.stdout.splitlines()):
        a = json.loads(line)
        if "error" in a:
            errors[q.name] = a["error"]
        elif "ntriples" in a:
            answers[q.name] = Answer("graph", graph=canonical_graph(
                a["ntriples"], "nt"))
        else:
            answers[q.name] = results_answer(a["results"])
    return answers, errors


def allowed(outcome, reason, word):
    if outcome == "SAME":
        return True
    return (outcome == "REFUSED" and word is not None
            and word.lower() in reason.lower())


# --- setup ---------------------------------------------------------------

def step(what, cmd, **kw):
    t0 = time.monotonic()
    p = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if p.returncode != 0:
        raise SuiteError(f"{what} failed ({p.returncode}): {p.stderr[-2000:]}")
    return time.monotonic() - t0


def make_data(program, top, work):
    corpus = os.environ.get("KGB_SPARQL_CORPUS")
    graph, db = os.path.join(work, "graph.ttl"), os.path.join(work, "graph.db")
    t = 0.0
    if corpus:
        # Another folder of articles, to look into a query's answer on
        # a few of them: the suite asks for at least 500.
        articles = sum(f.endswith((".txt", ".html", ".htm"))
                       for _, _, files in os.walk(corpus) for f in files)
    else:
        corpus = os.path.join(work, "corpus")
        t = step("gen-corpus.py", [sys.executable,
                                   os.path.join(top, "bench", "gen-corpus.py"),
                                   "--size-mb", CORPUS_MB, "--seed",
                                   CORPUS_SEED, "--jobs", "2", "-q",
                                   "--out", corpus])
        with open(os.path.join(corpus, "corpus.info"), encoding="utf-8") as f:
            info = dict(line.rstrip("\n").split("\t", 1) for line in f)
        articles = int(info["files"])
        if articles < MIN_ARTICLES:
            raise SuiteError(f"only {articles} articles generated")
    t0 = time.monotonic()
    # The file and the store side by side: one process each.
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        jobs = [pool.submit(step, "kgbuild extract",
                            [program, "-q", "-o", graph, corpus]),
                pool.submit(step, "kgbuild load",
                            [program, "load", "-q", "--store",
                             "sqlite:" + db, corpus])]
        for j in jobs:
            j.result()
    return graph, db, articles, t, time.monotonic() - t0


def main(argv):
    report_only = os.environ.get("KGB_SPARQL_REPORT_ONLY") == "1"
    if argv[1:2] == ["--report"]:
        report_only, argv = True, argv[1:]
    only = set(argv[1:])
    top = os.environ.get("KGB_TOP_SRCDIR") or os.path.dirname(
        os.path.dirname(HERE))
    program = os.environ.get("KGB_PROGRAM") or os.path.abspath("kgbuild")
    modules = os.environ.get("KGB_SHACL_DIR") or os.path.join(top, "tests",
                                                              "shacl")
    # Oxigraph answers all the queries in a few seconds; kgbuild reads the
    # graph (2 s) for each.  Sanitizers make it about three times slower.
    timeout = float(os.environ.get("KGB_SPARQL_TIMEOUT") or
                    (30 if "ASAN_OPTIONS" in os.environ else 10))
    if not shutil.which("node"):
        print("SKIP: no node (./install-deps.sh --test)")
        return 77
    if not os.path.isdir(os.path.join(modules, "node_modules", "oxigraph")):
        print(f"SKIP: no Oxigraph in {modules}/node_modules "
              "(./install-deps.sh --test)")
        return 77
    if rdflib is None:
        print("SKIP: no rdflib (python3-rdflib)")
        return 77
    if SANITIZED:
        os.environ["ASAN_OPTIONS"] += ":fast_unwind_on_malloc=1"
    os.environ.setdefault("KGBUILD_NO_MODELS", "1")
    os.environ.setdefault("KGBUILD_DATA_DIR",
                          os.path.join(top, "extractor", "data"))
    os.environ.setdefault("KGBUILD_ONTOLOGY",
                          os.path.join(top, "ontology", "kgbuild.ttl"))
    work = os.path.abspath(os.environ.get("KGB_SPARQL_WORK")
                           or os.path.join("tests", "sparql-work"))
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(os.path.join(work, "runs"))

    queries = [q for q in find_queries(top) if not only or q.name in only]
    expect = read_expect(os.path.join(HERE, "expect.txt"))
    unlisted = [q.name for q in queries if q.name not in expect]
    unnamed = [q.name for q in queries if not q.construct]
    if unlisted or unnamed:
        raise SuiteError(f"not in expect.txt: {unlisted}; without a "
                         f"'# construct:' line: {unnamed}")
    t_start = time.monotonic()
    graph, db, articles, t_gen, t_extract = make_data(program, top, work)
    t0 = time.monotonic()
    answers, errors = oxigraph_answers(modules, graph, queries)
    t_oxigraph = time.monotonic() - t0

    t0 = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        jobs = {q.name: pool.submit(run_both, program, q, answers.get(q.name),
                                    graph, db, work, timeout)
                for q in queries}
    runs = {name: job.result() for name, job in jobs.items()}
    t_queries = time.monotonic() - t0

    failed = []
    with open(os.path.join(work, "results.tsv"), "w", encoding="utf-8") as tsv:
        tsv.write("query\tconstruct\tfile\tstore\tfile_reason\t"
                  "store_reason\tfile_seconds\tstore_seconds\n")
        for q in queries:
            f, s = runs[q.name]
            if q.name in errors:
                f = s = ("BROKEN", "Oxigraph: " + errors[q.name], [], 0.0)
            ok = all(allowed(o, r, expect[q.name]) for o, r, *_ in (f, s))
            if not ok:
                failed.append(q.name)
            tsv.write("\t".join([q.name, q.construct, f[0], s[0],
                                 f[1].replace("\t", " "),
                                 s[1].replace("\t", " "),
                                 f"{f[3]:.1f}", f"{s[3]:.1f}"]) + "\n")
            print(f"{'ok  ' if ok else 'BAD '} {q.name:34} file {f[0]:7} "
                  f"{f[3]:4.1f}s  store {s[0]:7} {s[3]:4.1f}s  {q.construct}")
            for mode, (o, reason, lines, _) in (("file", f), ("store", s)):
                if o == "SAME":
                    continue
                if mode == "store" and (o, reason) == f[:2]:
                    print("       store: as the file")
                    continue
                print(f"       {mode}: {reason}")
                for line in lines:
                    print(f"         {line}")
    counts = collections.Counter(r[0] for pair in runs.values() for r in pair)
    print(f"\n{len(queries)} queries over {articles} articles, "
          f"file and store: " + ", ".join(f"{n} {o}" for o, n in
                                          sorted(counts.items())))
    print(f"times: corpus {t_gen:.1f} s, extract + load {t_extract:.1f} s, "
          f"Oxigraph {t_oxigraph:.1f} s, kgbuild queries {t_queries:.1f} s "
          f"(timeout {timeout:g} s), total "
          f"{time.monotonic() - t_start:.1f} s")
    print(f"details: {work}/results.tsv and {work}/runs/")
    readme = os.path.join(top, "README.md")
    if not only and supported.listed_in(readme) is not None and \
            supported.main(["supported.py", os.path.join(work, "results.tsv"),
                            "--check", readme]):
        print("(a note, not a failure: the list in README.md is another "
              "run's)")
    if failed and not report_only:
        print(f"FAIL: {len(failed)} queries not as expect.txt requires: "
              + " ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except SuiteError as e:
        print(f"ERROR: {e}")
        sys.exit(99)
