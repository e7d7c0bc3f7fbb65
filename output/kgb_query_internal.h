/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_query_internal.h - the parts of `kgbuild query` inside the library:
 * the data read into memory (kgb_query_data.c), the triples source rasqal
 * matches against (kgb_query_source.c), the check of what the embedded
 * engine answers right (kgb_query_text.c before parsing,
 * kgb_query_check.c after) and the results' writers
 * (kgb_query_results.c). */
#ifndef KGB_QUERY_INTERNAL_H
#define KGB_QUERY_INTERNAL_H

#include <stdio.h>

#include <rasqal.h>

#include "kgb_tripleset.h"
#include "kgb_world_internal.h"

/* Messages from raptor and rasqal, with where they point. */
typedef struct {
  kgb_world *world;
  const char *what;    /* "query" or the file being read */
  int failed;
} kgb_query_log;

void kgb_query_log_handler(void *data, raptor_log_message *msg);

/* Read the graph file PATH into TS: the syntax from its name (.ttl, .nt,
 * .nq, .trig, .rdf, .owl, .xml, .json), else from its first bytes.
 * Nothing is fetched: no network, no other file, no external entity.
 * SOURCE tells this file's blank nodes from another's. */
int kgb_query_read_file(kgb_query_log *log, raptor_world *raptor,
                        kgb_tripleset *ts, const char *path, int source);
/* Read every statement of the store URI into TS. */
int kgb_query_read_store(kgb_world *world, kgb_tripleset *ts,
                         const char *uri, int source);

/* Make TS the data every query of RQ runs over. */
int kgb_query_source_set(rasqal_world *rq, kgb_tripleset *ts);

#define KGB_QUERY_SERVER_HINT \
  "run it on a SPARQL 1.1 server with --endpoint URL ('kgbuild publish' " \
  "sends the graph to one)"

/* KGB_OK when FORMAT is a result format (table, csv, tsv, json, xml);
 * else KGB_EINVAL after saying so. */
int kgb_query_check_format(kgb_world *world, const char *format);

/* KGB_OK when the embedded engine answers Q right; otherwise the error
 * reported, naming the construct and pointing to --endpoint. */
int kgb_query_check(kgb_world *world, rasqal_query *q);

/* For a query TEXT whose every result is an aggregate, with no GROUP BY,
 * the one row SPARQL 1.1 gives when nothing matches (COUNT 0 and so
 * on), which rasqal 0.9.33 leaves out, as SPARQL XML results (owned);
 * NULL for any other query.  Asked before the query runs: running
 * rewrites the aggregates. */
char *kgb_query_empty_answer(rasqal_query *q, const char *text);
/* The results of the query TEXT, run at once (NULL when it does not
 * parse or run); *Q is the query, to free after them. */
rasqal_query_results *kgb_query_execute_text(rasqal_world *rq,
                                             const char *text,
                                             rasqal_query **q);
/* The SELECT query TEXT's WHERE group asked as ASK (owned), or NULL. */
char *kgb_query_as_ask(const char *text);
/* Where the keyword WORD (or, when BRACE, a '{') first stands in the
 * query TEXT from FROM, outside comments, IRIs and strings; or NULL. */
const char *kgb_query_find_keyword(const char *from, const char *word,
                                   int brace);

/* Past the '}' or ')' that closes the '{' or '(' at OPEN, comments,
 * IRIs and strings skipped; NULL when it does not close. */
const char *kgb_query_group_end(const char *open);
/* The statements of the JSON-LD in F (named PATH in messages) to FN;
 * what it cannot read is refused by name (kgb_jsonld_read.c). */
int kgb_jsonld_read(kgb_world *world, raptor_world *raptor, FILE *f,
                    const char *path, raptor_statement_handler fn,
                    void *data);
/* What is wrong with a REPLACE call of TEXT, whose mask is M
 * (kgb_query_text.c), or NULL (kgb_query_regex.c). */
const char *kgb_query_replace_fault(const char *text, const char *m);

/* KGB_OK, or the error reported when the query TEXT holds a construct
 * the embedded engine cannot parse or answers wrongly, named. */
int kgb_query_check_text(kgb_world *world, const char *text);
/* TEXT with each '+' or '-' glued to the number after it inside an
 * expression spaced from it, so that "2-1" is a subtraction (owned);
 * NULL when out of memory. */
char *kgb_query_mend_text(const char *text);

/* The Turtle TEXT (LEN bytes, relative IRIs against BASE) written again
 * as kgbuild writes a graph: its prefixes, its layout. */
int kgb_query_write_turtle_text(kgb_world *world, rasqal_world *rq,
                                const char *text, size_t len,
                                const char *base, FILE *out);
/* The query form of TEXT: "SELECT", "ASK", "CONSTRUCT" or "DESCRIBE",
 * whichever comes first outside comments, IRIs and strings; NULL when
 * none does. */
const char *kgb_query_form(const char *text);

/* Write RESULTS of Q in FORMAT (table, csv, tsv, json, xml) to OUT. */
int kgb_query_write(kgb_world *world, rasqal_world *rq, rasqal_query *q,
                    rasqal_query_results *results, const char *format,
                    FILE *out);

/* DESCRIBE: each resource Q names or binds, with every triple of which
 * it is the subject, and those of the blank nodes they reach, as Turtle
 * (a concise bounded description). */
int kgb_query_describe(kgb_world *world, rasqal_world *rq, kgb_tripleset *ts,
                       rasqal_query *q, const char *text, FILE *out);
/* Turtle of the triples NEXT gives (terms of TS), until it returns 0. */
int kgb_query_write_terms(kgb_world *world, rasqal_world *rq,
                          kgb_tripleset *ts,
                          int (*next)(void *data, int parts[3]), void *data,
                          FILE *out);

#endif
