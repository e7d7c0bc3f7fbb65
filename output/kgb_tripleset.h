/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_tripleset.h - the triples a query runs over, held in memory for
 * rasqal: each term once (as the rasqal literal bindings share), each
 * triple once, and for each term the triples that have it as subject,
 * as predicate and as object, so that a pattern with a bound part reads
 * only the triples it can match.
 *
 * Graph names are dropped: the data is the union of the graphs, as a
 * reader of kgbuild's N-Quads expects of a query without GRAPH. */
#ifndef KGB_TRIPLESET_H
#define KGB_TRIPLESET_H

#include <stddef.h>

#include <rasqal.h>

typedef struct kgb_tripleset kgb_tripleset;

/* The set; its literals belong to RQ, which must outlive it. */
kgb_tripleset *kgb_tripleset_new(rasqal_world *rq);
void kgb_tripleset_free(kgb_tripleset *ts);

/* Add ST (its graph ignored).  Blank nodes are told apart by SOURCE, a
 * number per file read, as two files may both say _:b0.  Returns a
 * status; a triple already there is no error. */
int kgb_tripleset_add(kgb_tripleset *ts, const raptor_statement *st,
                      int source);

/* The term equal to L (RDF term equality), or -1 when no triple has it. */
int kgb_tripleset_find(kgb_tripleset *ts, rasqal_literal *l);
/* The literal of TERM, borrowed. */
rasqal_literal *kgb_tripleset_literal(const kgb_tripleset *ts, int term);

/* The triples that may match a pattern whose parts are TERM (a term, or
 * -1 for any): the shortest list among the bound parts' lists, or all
 * triples (*ALL set, *LIST NULL) when no part is bound.  A caller still
 * checks each triple's parts with kgb_tripleset_triple. */
void kgb_tripleset_candidates(kgb_tripleset *ts, const int term[3],
                              const int **list, size_t *n, int *all);
/* The subject, predicate and object terms of triple I. */
const int *kgb_tripleset_triple(const kgb_tripleset *ts, size_t i);

#endif
