#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""compare-answers.py [--kgbuild PROGRAM] SPARQL_URL GRAPH TURTLE QUERY.rq...

Run each query on a SPARQL endpoint (over GRAPH) and with rdflib on the
Turtle file, and compare the answers as sets of rows, numbers compared by
value.  With --kgbuild, the endpoint is asked through
'PROGRAM query --endpoint SPARQL_URL --graph GRAPH -r json'.  Exit 0 when
every query agrees, 1 otherwise."""
import json
import subprocess
import sys
import urllib.parse
import urllib.request
from decimal import Decimal, InvalidOperation

import rdflib


def norm(value):
    try:
        return str(Decimal(value).normalize())
    except (InvalidOperation, ValueError):
        return value


def endpoint_rows(url, graph, query):
    data = urllib.parse.urlencode({"query": query, "default-graph-uri": graph})
    req = urllib.request.Request(
        url, data=data.encode(),
        headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=60) as reply:
        return rows_of(json.load(reply))


def kgbuild_rows(program, url, graph, path):
    run = subprocess.run([program, "query", "--endpoint", url, "--graph",
                          graph, "-r", "json", "-Q", path],
                         capture_output=True, text=True, timeout=120)
    if run.returncode != 0:
        return [], [("kgbuild failed: " + run.stderr.strip(),)]
    return rows_of(json.loads(run.stdout))


def rows_of(doc):
    names = doc["head"]["vars"]
    return names, sorted(
        tuple(norm(b[n]["value"]) if n in b else "" for n in names)
        for b in doc["results"]["bindings"])


def rdflib_rows(graph, query):
    result = graph.query(query)
    names = [str(v) for v in result.vars]
    return names, sorted(
        tuple(norm(str(x)) if x is not None else "" for x in row)
        for row in result)


def main(argv):
    program = None
    if argv[1] == "--kgbuild":
        program = argv[2]
        argv = argv[:1] + argv[3:]
    url, graph_iri, turtle = argv[1:4]
    g = rdflib.Graph()
    g.parse(turtle, format="turtle")
    failed = 0
    for path in argv[4:]:
        query = open(path, encoding="utf-8").read()
        want = rdflib_rows(g, query)
        got = (kgbuild_rows(program, url, graph_iri, path) if program
               else endpoint_rows(url, graph_iri, query))
        if got != want or not want[1]:
            failed = 1
            print(f"{path}: the server says {got[1][:5]}, rdflib {want[1][:5]}"
                  + (" (through kgbuild)" if program else ""))
        else:
            print(f"{path}: {len(want[1])} rows, the same"
                  + (" (through kgbuild query --endpoint)" if program else ""))
    return failed


if __name__ == "__main__":
    sys.exit(main(sys.argv))
