/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_tripleset.c - triples in memory, indexed by each part (see the
 * header).  Terms are keyed by their N-Triples-like spelling; triples by
 * their three term numbers.  The indexes are built once, on the first
 * lookup after an addition: loading is a run of additions, querying a
 * run of lookups. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kgb_alloc.h"
#include "kgb_buf.h"
#include "kgb_map.h"
#include "kgb_tripleset.h"
#include "kgbuild.h"

/* For each term, the triples with it in one part: the triple numbers
 * of term t are at[start[t] .. start[t + 1]). */
typedef struct {
  size_t *start;
  int *at;
} part_index;

/* Terms by the address of their literal: a variable's value is most
 * often the set's own literal (the triples source binds references to
 * it), and so is found without spelling and hashing its key, which took
 * most of a join's time. */
typedef struct {
  const rasqal_literal **at;   /* open addressing; NULL is free */
  int *term;
  size_t cap;                  /* a power of two */
} literal_index;

struct kgb_tripleset {
  rasqal_world *rq;
  kgb_map term_ids;          /* key -> term */
  rasqal_literal **terms;    /* owned, one reference each */
  size_t n_terms, cap_terms;
  int *triples;              /* 3 terms a triple */
  size_t n_triples, cap_triples;
  part_index index[3];       /* valid when indexed */
  literal_index by_literal;  /* valid when indexed */
  int indexed;
  kgb_buf key;               /* scratch: a literal's key */
  kgb_buf raw;               /* scratch: a parser node's key */
};

kgb_tripleset *kgb_tripleset_new(rasqal_world *rq)
{
  kgb_tripleset *ts = kgb_calloc(1, sizeof *ts);

  if (!ts)
    return NULL;
  ts->rq = rq;
  kgb_map_init(&ts->term_ids);
  kgb_buf_init(&ts->key);
  kgb_buf_init(&ts->raw);
  return ts;
}

static void drop_index(kgb_tripleset *ts)
{
  for (int p = 0; p < 3; p++) {
    kgb_free(ts->index[p].start);
    kgb_free(ts->index[p].at);
    ts->index[p].start = NULL;
    ts->index[p].at = NULL;
  }
  kgb_free(ts->by_literal.at);
  kgb_free(ts->by_literal.term);
  memset(&ts->by_literal, 0, sizeof ts->by_literal);
  ts->indexed = 0;
}

void kgb_tripleset_free(kgb_tripleset *ts)
{
  if (!ts)
    return;
  drop_index(ts);
  for (size_t i = 0; i < ts->n_terms; i++)
    rasqal_free_literal(ts->terms[i]);
  kgb_free(ts->terms);
  kgb_free(ts->triples);
  kgb_map_release(&ts->term_ids);
  kgb_buf_release(&ts->key);
  kgb_buf_release(&ts->raw);
  kgb_free(ts);
}

rasqal_literal *kgb_tripleset_literal(const kgb_tripleset *ts, int term)
{
  return ts->terms[term];
}

const int *kgb_tripleset_triple(const kgb_tripleset *ts, size_t i)
{
  return ts->triples + 3 * i;
}

/* The key of L into TS->key: <iri>, _:label, or "lexical" with @lang or
 * ^^<datatype>.  xsd:string is the plain literal, as in RDF 1.1. */
static int term_key(kgb_tripleset *ts, rasqal_literal *l)
{
  rasqal_literal_type type = rasqal_literal_get_rdf_term_type(l);
  const char *text = (const char *)rasqal_literal_as_string(l);
  raptor_uri *dt;
  const char *dts;

  kgb_buf_clear(&ts->key);
  if (!text)
    return KGB_EINVAL;
  if (type == RASQAL_LITERAL_URI)
    return kgb_buf_printf(&ts->key, "<%s>", text);
  if (type == RASQAL_LITERAL_BLANK)
    return kgb_buf_printf(&ts->key, "_:%s", text);
  if (type != RASQAL_LITERAL_STRING)
    return KGB_EINVAL;
  if (kgb_buf_putc(&ts->key, '"') || kgb_buf_puts(&ts->key, text) ||
      kgb_buf_putc(&ts->key, '"'))
    return KGB_ENOMEM;
  if (l->language && *l->language)
    return kgb_buf_printf(&ts->key, "@%s", l->language);
  dt = rasqal_literal_datatype(l);
  dts = dt ? (const char *)raptor_uri_as_string(dt) : NULL;
  if (dts && strcmp(dts, "http://www.w3.org/2001/XMLSchema#string") != 0)
    return kgb_buf_printf(&ts->key, "^^<%s>", dts);
  return KGB_OK;
}

static size_t literal_slot(const literal_index *x, const rasqal_literal *l)
{
  size_t i = (size_t)(((uintptr_t)l >> 4) * 0x9E3779B97F4A7C15u) &
             (x->cap - 1);

  while (x->at[i] && x->at[i] != l)
    i = (i + 1) & (x->cap - 1);
  return i;
}

static int build_literal_index(kgb_tripleset *ts)
{
  literal_index *x = &ts->by_literal;

  for (x->cap = 64; x->cap < 2 * ts->n_terms; x->cap *= 2)
    ;
  x->at = kgb_calloc(x->cap, sizeof *x->at);
  x->term = kgb_calloc(x->cap, sizeof *x->term);
  if (!x->at || !x->term)
    return KGB_ENOMEM;
  for (size_t t = 0; t < ts->n_terms; t++) {
    size_t i = literal_slot(x, ts->terms[t]);
    x->at[i] = ts->terms[t];
    x->term[i] = (int)t;
  }
  return KGB_OK;
}

static int build_index(kgb_tripleset *ts);

int kgb_tripleset_find(kgb_tripleset *ts, rasqal_literal *l)
{
  if (l && (ts->indexed || !build_index(ts))) {
    size_t i = literal_slot(&ts->by_literal, l);
    if (ts->by_literal.at[i])
      return ts->by_literal.term[i];
  }
  if (!l || term_key(ts, l))
    return -1;
  return kgb_map_get(&ts->term_ids, ts->key.data, ts->key.len);
}

static char *copy_of(const void *bytes, size_t len)
{
  char *s = malloc(len + 1);   /* rasqal frees it with free() */

  if (s) {
    memcpy(s, bytes, len);
    s[len] = '\0';
  }
  return s;
}

/* URI in the raptor world of the set's literals: a store's statements
 * come from another world, which is freed before the query runs. */
static raptor_uri *own_uri(kgb_tripleset *ts, raptor_uri *uri)
{
  return raptor_new_uri(rasqal_world_get_raptor(ts->rq),
                        raptor_uri_as_string(uri));
}

/* A new literal for T; blank labels get SOURCE before them. */
static rasqal_literal *literal_of(kgb_tripleset *ts, const raptor_term *t,
                                  int source)
{
  char *text, *lang = NULL;
  raptor_uri *dt = NULL, *uri;

  switch (t->type) {
  case RAPTOR_TERM_TYPE_URI:
    uri = own_uri(ts, t->value.uri);
    return uri ? rasqal_new_uri_literal(ts->rq, uri) : NULL;
  case RAPTOR_TERM_TYPE_BLANK:
    text = malloc(t->value.blank.string_len + 24);
    if (!text)
      return NULL;
    sprintf(text, "f%db%s", source, (const char *)t->value.blank.string);
    return rasqal_new_simple_literal(ts->rq, RASQAL_LITERAL_BLANK,
                                     (unsigned char *)text);
  case RAPTOR_TERM_TYPE_LITERAL:
    text = copy_of(t->value.literal.string, t->value.literal.string_len);
    if (t->value.literal.language)
      lang = copy_of(t->value.literal.language,
                     t->value.literal.language_len);
    if (t->value.literal.datatype)
      dt = own_uri(ts, t->value.literal.datatype);
    if (!text || (t->value.literal.language && !lang) ||
        (t->value.literal.datatype && !dt)) {
      free(text);
      free(lang);
      if (dt)
        raptor_free_uri(dt);
      return NULL;
    }
    return rasqal_new_string_literal(ts->rq, (unsigned char *)text, lang, dt,
                                     NULL);
  default:
    return NULL;
  }
}

/* The key of raptor term T into TS->raw, spelled as term_key spells the
 * literal made from it, so that a term seen before is found without
 * making a literal (most of a load's time went to literals made only to
 * be freed). */
static int raw_key(kgb_tripleset *ts, const raptor_term *t, int source)
{
  const char *dts;

  kgb_buf_clear(&ts->raw);
  switch (t->type) {
  case RAPTOR_TERM_TYPE_URI:
    return kgb_buf_putc(&ts->raw, '<') ||
                   kgb_buf_puts(&ts->raw, (const char *)raptor_uri_as_string(
                                              t->value.uri)) ||
                   kgb_buf_putc(&ts->raw, '>')
               ? KGB_ENOMEM
               : KGB_OK;
  case RAPTOR_TERM_TYPE_BLANK:
    return kgb_buf_printf(&ts->raw, "_:f%db%s", source,
                          (const char *)t->value.blank.string);
  case RAPTOR_TERM_TYPE_LITERAL:
    if (kgb_buf_putc(&ts->raw, '"') ||
        kgb_buf_append(&ts->raw, (const char *)t->value.literal.string,
                    t->value.literal.string_len) ||
        kgb_buf_putc(&ts->raw, '"'))
      return KGB_ENOMEM;
    if (t->value.literal.language && *t->value.literal.language)
      return kgb_buf_printf(&ts->raw, "@%s",
                            (const char *)t->value.literal.language);
    dts = t->value.literal.datatype
              ? (const char *)raptor_uri_as_string(t->value.literal.datatype)
              : NULL;
    if (dts && strcmp(dts, "http://www.w3.org/2001/XMLSchema#string") != 0)
      return kgb_buf_printf(&ts->raw, "^^<%s>", dts);
    return KGB_OK;
  default:
    return KGB_EINVAL;
  }
}

/* A new term for L, whose key is in TS->key; L is the set's after. */
static int add_term(kgb_tripleset *ts, rasqal_literal *l)
{
  if (kgb_grow(&ts->terms, &ts->cap_terms, ts->n_terms + 1,
               sizeof *ts->terms) ||
      kgb_map_put(&ts->term_ids, ts->key.data, ts->key.len,
                  (int)ts->n_terms)) {
    rasqal_free_literal(l);
    return -1;
  }
  ts->terms[ts->n_terms] = l;
  return (int)ts->n_terms++;
}

/* The number of term T, added if new; -1 when out of memory or when
 * rasqal cannot hold it (a lexical form its datatype refuses).  rasqal
 * may spell a literal otherwise than the text did (a number's canonical
 * form): the text's key then also leads to the term, as an alias that
 * no query literal's key can be. */
static int term_of(kgb_tripleset *ts, const raptor_term *t, int source)
{
  rasqal_literal *l;
  int id;

  if (raw_key(ts, t, source))
    return -1;
  id = kgb_map_get(&ts->term_ids, ts->raw.data, ts->raw.len);
  if (id >= 0)
    return id;
  if (!(l = literal_of(ts, t, source)))
    return -1;
  if (term_key(ts, l)) {
    rasqal_free_literal(l);
    return -1;
  }
  id = kgb_map_get(&ts->term_ids, ts->key.data, ts->key.len);
  if (id >= 0)
    rasqal_free_literal(l);
  else if ((id = add_term(ts, l)) < 0)
    return -1;
  if ((ts->raw.len != ts->key.len ||
       memcmp(ts->raw.data, ts->key.data, ts->key.len) != 0) &&
      kgb_map_put(&ts->term_ids, ts->raw.data, ts->raw.len, id))
    return -1;
  return id;
}

/* Triples are kept as added; a triple added twice is dropped when the
 * index is built (dedupe), not looked up on each addition. */
int kgb_tripleset_add(kgb_tripleset *ts, const raptor_statement *st,
                      int source)
{
  int s = term_of(ts, st->subject, source);
  int p = s < 0 ? -1 : term_of(ts, st->predicate, source);
  int o = p < 0 ? -1 : term_of(ts, st->object, source);

  if (o < 0)
    return KGB_ENOMEM;
  if (ts->n_triples >= (size_t)0x7fffffff ||
      kgb_grow(&ts->triples, &ts->cap_triples, 3 * (ts->n_triples + 1),
               sizeof *ts->triples))
    return KGB_ENOMEM;
  ts->triples[3 * ts->n_triples] = s;
  ts->triples[3 * ts->n_triples + 1] = p;
  ts->triples[3 * ts->n_triples + 2] = o;
  ts->n_triples++;
  if (ts->indexed)
    drop_index(ts);
  return KGB_OK;
}

static int triple_cmp(const void *a, const void *b)
{
  const int *x = a, *y = b;

  for (int p = 0; p < 3; p++)
    if (x[p] != y[p])
      return x[p] < y[p] ? -1 : 1;
  return 0;
}

/* A step through 0 .. N-1 that visits each number once in a scrambled
 * but fixed order: a stride prime to N.  rasqal sorts (ORDER BY, DISTINCT)
 * by adding rows to a binary tree it never balances; rows in the order
 * the data was written, often already sorted, make that tree a list and
 * the sort quadratic (40 s for 23,000 rows).  Rows in a scrambled order
 * keep it near n log n. */
static size_t stride_for(size_t n)
{
  static const size_t primes[] = {2654435761u, 40503u, 10007u, 7919u};
  size_t a, b, t;

  for (size_t i = 0; n > 1 && i < sizeof primes / sizeof *primes; i++) {
    for (a = primes[i] % n, b = n; b; t = a % b, a = b, b = t)
      ;
    if (a == 1 && primes[i] % n != 0)
      return primes[i] % n;
  }
  return 1;
}

/* Each triple once: sorted by term numbers, equal neighbours dropped,
 * then put in a scrambled order (stride_for says why), in which a
 * pattern with no part bound reads them. */
static int dedupe(kgb_tripleset *ts)
{
  size_t kept = 0, step, next = 0;
  int *scrambled;

  qsort(ts->triples, ts->n_triples, 3 * sizeof *ts->triples, triple_cmp);
  for (size_t i = 0; i < ts->n_triples; i++)
    if (kept == 0 ||
        triple_cmp(ts->triples + 3 * i, ts->triples + 3 * (kept - 1)) != 0) {
      memmove(ts->triples + 3 * kept, ts->triples + 3 * i,
              3 * sizeof *ts->triples);
      kept++;
    }
  ts->n_triples = kept;
  if (!(scrambled = kgb_calloc(kept ? 3 * kept : 1, sizeof *scrambled)))
    return KGB_ENOMEM;
  step = stride_for(kept);
  for (size_t k = 0; k < kept; k++, next = (next + step) % kept)
    memcpy(scrambled + 3 * k, ts->triples + 3 * next, 3 * sizeof *scrambled);
  kgb_free(ts->triples);
  ts->triples = scrambled;
  ts->cap_triples = kept ? 3 * kept : 1;
  return KGB_OK;
}

/* A counting sort of the triples by their term in PART, each term's
 * triples in the order dedupe laid them out (scrambled). */
static int build_part(kgb_tripleset *ts, int part)
{
  part_index *x = &ts->index[part];
  size_t *fill;

  x->start = kgb_calloc(ts->n_terms + 1, sizeof *x->start);
  x->at = kgb_calloc(ts->n_triples ? ts->n_triples : 1, sizeof *x->at);
  fill = kgb_calloc(ts->n_terms + 1, sizeof *fill);
  if (!x->start || !x->at || !fill) {
    kgb_free(fill);
    return KGB_ENOMEM;
  }
  for (size_t i = 0; i < ts->n_triples; i++)
    x->start[ts->triples[3 * i + part] + 1]++;
  for (size_t t = 0; t < ts->n_terms; t++)
    x->start[t + 1] += x->start[t];
  for (size_t i = 0; i < ts->n_triples; i++) {
    int t = ts->triples[3 * i + part];
    x->at[x->start[t] + fill[t]++] = (int)i;
  }
  kgb_free(fill);
  return KGB_OK;
}

static int build_index(kgb_tripleset *ts)
{
  if (dedupe(ts) || build_literal_index(ts)) {
    drop_index(ts);
    return KGB_ENOMEM;
  }
  for (int p = 0; p < 3; p++)
    if (build_part(ts, p)) {
      drop_index(ts);
      return KGB_ENOMEM;
    }
  ts->indexed = 1;
  return KGB_OK;
}

void kgb_tripleset_candidates(kgb_tripleset *ts, const int term[3],
                              const int **list, size_t *n, int *all)
{
  int best = -1;
  size_t best_n = 0;

  *list = NULL;
  *n = ts->n_triples;
  *all = 1;
  /* Without an index (no memory for one) every triple is a candidate. */
  if (!ts->indexed && build_index(ts))
    return;
  for (int p = 0; p < 3; p++) {
    const part_index *x = &ts->index[p];
    size_t k;
    if (term[p] < 0)
      continue;
    k = x->start[term[p] + 1] - x->start[term[p]];
    if (best < 0 || k < best_n) {
      best = p;
      best_n = k;
    }
  }
  if (best < 0)
    return;
  *list = ts->index[best].at + ts->index[best].start[term[best]];
  *n = best_n;
  *all = 0;
}
