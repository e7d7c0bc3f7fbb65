#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""bench/query.py - how long `kgbuild query` takes to answer the example
queries over 1,000 articles, from a Turtle file and from an SQLite store,
against Oxigraph on the same Turtle.

    bench/query.py [--articles N] [--repeat R] [--work DIR] [--seed S]
                   [--kgbuild PATH] [--modules DIR] [QUERY.rq...]

Makes a corpus with gen-corpus.py (kept in the work folder), takes its
first N articles (default 1000), writes them as Turtle
(kgbuild -o graph.ttl) and loads them into a store (kgbuild load --store
sqlite:store.db), then times, the best of R runs (default 3):
  kgbuild query -q -Q QUERY --data graph.ttl -r csv        (file)
  kgbuild query -q -Q QUERY --store sqlite:store.db -r csv (store)
each a whole process: reading the data, answering, writing the rows.  The
data is read anew by every query, so "SELECT (1 AS ?one) WHERE {}" is
timed too (read-only): it is the reading alone.  Oxigraph (npm package oxigraph, as ./install-deps.sh
--test installs it under tests/shacl, or --modules DIR) reads the Turtle
once and then answers each query (bench/oxigraph-time.mjs): its reading
and its answering are shown apart, and their sum beside kgbuild's.

Prints a Markdown table, appended to WORK/results.md; exits 1 when a
query fails, when the two engines count different rows, or when a query
takes 2 s or more (the target of bench/README.md)."""

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)
TARGET_S = 2.0


def die(msg):
    print(f"query.py: {msg}", file=sys.stderr)
    sys.exit(1)


def run(cmd, **kw):
    p = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if p.returncode != 0:
        die(f"failed ({p.returncode}): {' '.join(cmd)}\n{p.stderr[-2000:]}")
    return p.stdout


def best_of(repeat, cmd):
    """(least wall seconds, standard output of the last run)."""
    best, out = None, ""
    for _ in range(repeat):
        t0 = time.monotonic()
        out = run(cmd)
        t = time.monotonic() - t0
        best = t if best is None else min(best, t)
    return best, out


def csv_rows(text):
    lines = [l for l in text.splitlines() if l]
    return max(0, len(lines) - 1)


def make_corpus(args):
    # 4 MB of gen-corpus.py make about 1,050 articles.
    mb = max(1, (args.articles * 4 + 999) // 1000 + 1)
    corpus = os.path.join(args.work, f"corpus-{mb}-{args.seed}")
    if not os.path.isfile(os.path.join(corpus, "corpus.info")):
        run([sys.executable, os.path.join(HERE, "gen-corpus.py"),
             "--size-mb", str(mb), "--seed", str(args.seed), "-q",
             "--out", corpus])
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(corpus)
                   for f in fs if f.endswith(".txt"))
    if len(files) < args.articles:
        die(f"{corpus} has {len(files)} articles, fewer than {args.articles}")
    return files[:args.articles]


def make_data(args, files):
    graph = os.path.join(args.work, "graph.ttl")
    db = os.path.join(args.work, "store.db")
    for f in (db, db + "-journal"):
        if os.path.exists(f):
            os.remove(f)
    t0 = time.monotonic()
    run([args.kgbuild, "-q", "-o", graph] + files)
    t_extract = time.monotonic() - t0
    t0 = time.monotonic()
    run([args.kgbuild, "load", "-q", "--store", "sqlite:" + db] + files)
    return graph, db, t_extract, time.monotonic() - t0


def oxigraph_times(args, graph, queries):
    script = os.path.join(HERE, "oxigraph-time.mjs")
    if not shutil.which("node"):
        return None, {}
    if not os.path.isdir(os.path.join(args.modules, "node_modules",
                                      "oxigraph")):
        return None, {}
    out = run(["node", script, args.modules, graph, str(args.repeat)] +
              queries)
    lines = [json.loads(l) for l in out.splitlines() if l.strip()]
    return lines[0], {l["query"]: l for l in lines[1:]}


def machine():
    cpu = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            cpu = next((l.split(":", 1)[1].strip() for l in f
                        if l.startswith("model name")), "")
    except OSError:
        pass
    return f"{os.cpu_count()} CPUs, {cpu}, {platform.release()}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--work", default="/var/tmp/kgbuild-bench-query")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--kgbuild", default=os.path.join(TOP, "kgbuild"))
    ap.add_argument("--modules", default=os.path.join(TOP, "tests", "shacl"))
    ap.add_argument("queries", nargs="*")
    args = ap.parse_args()
    queries = args.queries or sorted(
        os.path.join(TOP, "examples", "queries", q)
        for q in os.listdir(os.path.join(TOP, "examples", "queries"))
        if q.endswith(".rq"))
    if not os.access(args.kgbuild, os.X_OK):
        die(f"not an executable: {args.kgbuild} (run make first)")
    os.makedirs(args.work, exist_ok=True)

    files = make_corpus(args)
    graph, db, t_extract, t_load = make_data(args, files)
    ask = os.path.join(args.work, "read-only.rq")
    with open(ask, "w", encoding="utf-8") as f:
        f.write("SELECT (1 AS ?one) WHERE {}\n")
    ox_load, ox = oxigraph_times(args, graph, queries)

    failed = []
    out = [f"### {len(files)} articles, {time.strftime('%Y-%m-%d')}", "",
           f"Machine: {machine()}.  kgbuild: "
           f"{run([args.kgbuild, '--version']).strip()}; extract "
           f"{t_extract:.1f} s, load {t_load:.1f} s; "
           f"{os.path.getsize(graph) / 1e6:.1f} MB of Turtle"
           + (f", {ox_load['triples']} triples; Oxigraph reads it in "
              f"{ox_load['load']:.2f} s" if ox_load else
              "; Oxigraph not installed (./install-deps.sh --test)") + ".",
           f"Seconds, the best of {args.repeat} runs; a kgbuild run is a "
           "whole process (reading the data included).", "",
           "| query | kgbuild file | kgbuild store | rows | Oxigraph query "
           "| Oxigraph read + query | Oxigraph rows |",
           "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for q in [ask] + queries:
        name = os.path.splitext(os.path.basename(q))[0]
        t_file, o_file = best_of(args.repeat, [
            args.kgbuild, "query", "-q", "-Q", q, "--data", graph, "-r",
            "csv"])
        t_store, o_store = best_of(args.repeat, [
            args.kgbuild, "query", "-q", "-Q", q, "--store", "sqlite:" + db,
            "-r", "csv"])
        rows = csv_rows(o_file)
        if csv_rows(o_store) != rows:
            failed.append(f"{name}: file {rows} rows, store "
                          f"{csv_rows(o_store)}")
        slow = [w for w, t in (("file", t_file), ("store", t_store))
                if t >= TARGET_S]
        if slow and q != ask:
            failed.append(f"{name}: {' and '.join(slow)} {TARGET_S:g} s or "
                          "more")
        theirs = ox.get(q)
        if q == ask:
            cells = "(reading alone) | | |"
        elif not theirs or "error" in theirs:
            cells = (f"{theirs['error'][:40]} | | |" if theirs
                     else "- | - | - |")
        else:
            cells = (f"{theirs['seconds']:.2f} | "
                     f"{ox_load['load'] + theirs['seconds']:.2f} | "
                     f"{theirs['rows']} |")
            if theirs["rows"] != rows:
                failed.append(f"{name}: kgbuild {rows} rows, Oxigraph "
                              f"{theirs['rows']}")
        out.append(f"| {name} | {t_file:.2f} | {t_store:.2f} | {rows} | "
                   f"{cells}")
    out.append("")
    text = "\n".join(out)
    print(text)
    with open(os.path.join(args.work, "results.md"), "a",
              encoding="utf-8") as f:
        f.write(text + "\n")
    for f in failed:
        print(f"NOT MET: {f}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
