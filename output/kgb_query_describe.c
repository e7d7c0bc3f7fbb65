/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_query_describe.c - DESCRIBE, which rasqal 0.9.33 parses but
 * answers with an empty graph.  A resource's description is its concise
 * bounded description: every triple of which it is the subject, and the
 * same for each blank node those triples reach.  The resources a
 * variable binds come from the query asked as SELECT DISTINCT. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "kgb_alloc.h"
#include "kgb_buf.h"
#include "kgb_map.h"
#include "kgb_query_internal.h"

typedef struct {
  int *v;
  size_t n, cap;
  kgb_map seen;   /* for add_term: the terms in V; empty when unused */
} terms;

static void terms_release(terms *t)
{
  kgb_free(t->v);
  kgb_map_release(&t->seen);
}

static int append(terms *t, int term)
{
  if (kgb_grow(&t->v, &t->cap, t->n + 1, sizeof *t->v))
    return KGB_ENOMEM;
  t->v[t->n++] = term;
  return KGB_OK;
}

/* TERM at the end of T unless it is there already. */
static int add_term(terms *t, int term)
{
  char key[16];
  int len = snprintf(key, sizeof key, "%d", term);

  if (kgb_map_get(&t->seen, key, (size_t)len) >= 0)
    return KGB_OK;
  if (kgb_map_put(&t->seen, key, (size_t)len, term))
    return KGB_ENOMEM;
  return append(t, term);
}

static int is_blank(kgb_tripleset *ts, int term)
{
  return rasqal_literal_get_rdf_term_type(kgb_tripleset_literal(ts, term)) ==
         RASQAL_LITERAL_BLANK;
}

/* "PROLOGUE SELECT DISTINCT VARS WHERE ...", from the DESCRIBE query. */
static char *as_select(const char *text, rasqal_query *q, int star)
{
  const char *describe = kgb_query_find_keyword(text, "DESCRIBE", 0);
  const char *where = describe ? kgb_query_find_keyword(describe, "WHERE", 1) : NULL;
  raptor_sequence *seq = rasqal_query_get_describe_sequence(q);
  kgb_buf b;
  int rc;

  if (!where)
    return NULL;
  kgb_buf_init(&b);
  rc = kgb_buf_append(&b, text, (size_t)(describe - text)) ||
       kgb_buf_puts(&b, "SELECT DISTINCT");
  if (star)
    rc = rc || kgb_buf_puts(&b, " *");
  for (int i = 0; !star && seq && i < raptor_sequence_size(seq); i++) {
    rasqal_variable *v =
        rasqal_literal_as_variable(raptor_sequence_get_at(seq, i));
    if (v)
      rc = rc || kgb_buf_printf(&b, " ?%s", (const char *)v->name);
  }
  rc = rc || kgb_buf_putc(&b, ' ') || kgb_buf_puts(&b, where);
  if (rc) {
    kgb_buf_release(&b);
    return NULL;
  }
  return kgb_buf_to_string(&b);
}

/* The resources the rows of SELECT bind, into OUT. */
static int bound_resources(kgb_world *world, rasqal_world *rq,
                           kgb_tripleset *ts, const char *select, terms *out)
{
  rasqal_query *q = NULL;
  rasqal_query_results *r = kgb_query_execute_text(rq, select, &q);
  int rc = KGB_OK;

  if (!r)
    rc = kgb_report(world, KGB_EPARSE, "query: cannot find what DESCRIBE "
                    "names");
  for (; rc == KGB_OK && !rasqal_query_results_finished(r);
       rasqal_query_results_next(r))
    for (int i = 0; rc == KGB_OK &&
                    i < rasqal_query_results_get_bindings_count(r); i++) {
      int term = kgb_tripleset_find(
          ts, rasqal_query_results_get_binding_value(r, i));
      if (term >= 0)
        rc = add_term(out, term);
    }
  if (r)
    rasqal_free_query_results(r);
  if (q)
    rasqal_free_query(q);
  return rc;
}

/* The resources DESCRIBE names, and those its variables bind. */
static int described(kgb_world *world, rasqal_world *rq, kgb_tripleset *ts,
                     rasqal_query *q, const char *text, terms *out)
{
  raptor_sequence *seq = rasqal_query_get_describe_sequence(q);
  int n = seq ? raptor_sequence_size(seq) : 0, vars = n == 0, rc = KGB_OK;
  char *select;

  for (int i = 0; rc == KGB_OK && i < n; i++) {
    rasqal_literal *l = raptor_sequence_get_at(seq, i);
    int term;
    if (rasqal_literal_as_variable(l)) {
      vars = 1;
      continue;
    }
    term = kgb_tripleset_find(ts, l);
    if (term >= 0)
      rc = add_term(out, term);
  }
  if (rc || !vars)
    return rc;
  select = as_select(text, q, n == 0);
  rc = select ? bound_resources(world, rq, ts, select, out)
              : kgb_report(world, KGB_EPARSE, "query: DESCRIBE with "
                           "variables needs a WHERE clause");
  kgb_free(select);
  return rc;
}

/* The triples of each resource in WHO, which grows by the blank nodes
 * they reach, into TRIPLES (triple numbers).  Each resource is in WHO
 * once, so each triple is found once: TRIPLES needs no check. */
static int describe_all(kgb_tripleset *ts, terms *who, terms *triples)
{
  int rc = KGB_OK;

  for (size_t k = 0; rc == KGB_OK && k < who->n; k++) {
    int pattern[3] = {who->v[k], -1, -1}, all;
    const int *list;
    size_t n;
    kgb_tripleset_candidates(ts, pattern, &list, &n, &all);
    for (size_t j = 0; rc == KGB_OK && j < n; j++) {
      int i = list ? list[j] : (int)j;
      const int *tr = kgb_tripleset_triple(ts, (size_t)i);
      if (tr[0] != who->v[k])
        continue;
      rc = append(triples, i);
      if (rc == KGB_OK && is_blank(ts, tr[2]))
        rc = add_term(who, tr[2]);
    }
  }
  return rc;
}

typedef struct {
  kgb_tripleset *ts;
  const terms *triples;
  size_t next;
} triple_walk;

static int next_triple(void *data, int parts[3])
{
  triple_walk *w = data;
  const int *tr;

  if (w->next >= w->triples->n)
    return 0;
  tr = kgb_tripleset_triple(w->ts, (size_t)w->triples->v[w->next++]);
  memcpy(parts, tr, 3 * sizeof *tr);
  return 1;
}

int kgb_query_describe(kgb_world *world, rasqal_world *rq, kgb_tripleset *ts,
                       rasqal_query *q, const char *text, FILE *out)
{
  terms who = {0}, triples = {0};
  int rc = described(world, rq, ts, q, text, &who);
  triple_walk walk = {ts, &triples, 0};

  if (rc == KGB_OK)
    rc = describe_all(ts, &who, &triples);
  if (rc == KGB_ENOMEM)
    kgb_report(world, rc, "query: out of memory describing");
  if (rc == KGB_OK)
    rc = kgb_query_write_terms(world, rq, ts, next_triple, &walk, out);
  terms_release(&who);
  terms_release(&triples);
  return rc;
}
