#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""same-stores.py A1 B1 [A2 B2 ...]: exit 0 when each pair of kgbuild
SQLite stores holds the same statements in the same named graphs; else
print, for each pair that differs, how, and exit 1.

The stores are read with Python's own sqlite3 module (not through librdf
nor kgbuild, whose code wrote them) and compared with rdflib, so
spellings do not matter and blank nodes match by isomorphism."""
import sqlite3
import sys

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic

DEFAULT = 'urn:kgbuild-test:default'


def graphs(path):
    """{graph name: rdflib Graph} of the store at PATH."""
    # Not read-only: like any reader, it rolls back what a killed load
    # left half-done.
    db = sqlite3.connect(path)
    uris = dict(db.execute('SELECT id, uri FROM uris'))
    blanks = dict(db.execute('SELECT id, blank FROM blanks'))
    lits = {i: (t, l, d) for i, t, l, d in
            db.execute('SELECT id, text, language, datatype FROM literals')}

    def term(u, b, l):
        if u is not None:
            return URIRef(uris[u])
        if b is not None:
            return BNode(blanks[b])
        text, lang, dt = lits[l]
        return Literal(text, lang=lang,
                       datatype=URIRef(uris[dt]) if dt is not None else None)

    out = {}
    for su, sb, p, ou, ob, ol, c in db.execute(
            'SELECT subjectUri, subjectBlank, predicateUri, objectUri, '
            'objectBlank, objectLiteral, contextUri FROM triples'):
        name = uris[c] if c is not None else DEFAULT
        out.setdefault(name, Graph()).add(
            (term(su, sb, None), URIRef(uris[p]), term(ou, ob, ol)))
    db.close()
    return out


def differences(a, b):
    ga, gb = graphs(a), graphs(b)
    said = []
    for name in sorted(set(ga) | set(gb)):
        x, y = ga.get(name, Graph()), gb.get(name, Graph())
        if not isomorphic(x, y):
            said.append('  graph %s: %d statements in %s, %d in %s' %
                        (name, len(x), a, len(y), b))
            for t in sorted(set(x) ^ set(y))[:4]:
                said.append('    only in %s: %s' %
                            (a if t in x else b, ' '.join(map(str, t))))
    return said


def main():
    args = sys.argv[1:]
    ok = True
    for a, b in zip(args[::2], args[1::2]):
        said = differences(a, b)
        if said:
            ok = False
            print('%s and %s differ:' % (a, b))
            print('\n'.join(said[:12]))
    sys.exit(0 if ok else 1)


main()
