/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_query_source.c - the triples rasqal matches patterns against: a
 * rasqal triples source over a kgb_tripleset.
 *
 * It also mends a fault of rasqal 0.9.33.  A variable that a group binds
 * (OPTIONAL { ?q schema:value ?v }, a UNION branch) is marked as bound by
 * that group's pattern even when the pattern before it already gave it a
 * value: the pattern then matches with that value, but when it runs out
 * rasqal clears the variable, and the next row of the outer pattern
 * keeps the cleared variable.  The group then matches every ?q, and a
 * fact is paired with another fact's figure.  So a part whose variable
 * has a value when matching starts is matched as that value and not
 * bound again: rasqal then leaves it alone. */
#include <stdint.h>
#include <stdlib.h>

#include "kgb_alloc.h"
#include "kgb_query_internal.h"
#include "kgb_tripleset.h"

/* Marks a triple meta's context as holding the parts rasqal gave it. */
enum { PARTS_SAVED = 0x10000 };

/* The part bit of subject, predicate and object. */
static const rasqal_triple_parts bit[3] = {
  RASQAL_TRIPLE_SUBJECT, RASQAL_TRIPLE_PREDICATE, RASQAL_TRIPLE_OBJECT};

typedef struct {
  kgb_tripleset *ts;
  int term[3];        /* each part's term, or -1 when free */
  rasqal_variable *var[3];   /* each part's variable, or NULL */
  const int *list;    /* candidates, or NULL for every triple */
  size_t n, pos;
  int none;           /* a constant part is in no triple */
} match;

static rasqal_literal *part_of(const rasqal_triple *t, int p)
{
  return p == 0 ? t->subject : p == 1 ? t->predicate : t->object;
}

static int candidate(const match *mt, size_t k)
{
  return mt->list ? mt->list[k] : (int)k;
}

/* Does triple I fit the constants and repeated variables? */
static int fits(const match *mt, int i)
{
  const int *tr = kgb_tripleset_triple(mt->ts, (size_t)i);

  for (int p = 0; p < 3; p++) {
    if (mt->term[p] >= 0 && tr[p] != mt->term[p])
      return 0;
    for (int q = p + 1; q < 3; q++)
      if (mt->var[p] && mt->var[p] == mt->var[q] && tr[p] != tr[q])
        return 0;
  }
  return 1;
}

static void skip_misfits(match *mt)
{
  while (mt->pos < mt->n && !fits(mt, candidate(mt, mt->pos)))
    mt->pos++;
}

static rasqal_triple_parts bind_match(rasqal_triples_match *rtm,
                                      void *data, rasqal_variable *b[4],
                                      rasqal_triple_parts parts)
{
  match *mt = data;
  const int *tr;
  rasqal_triple_parts bound = (rasqal_triple_parts)0;

  (void)rtm;
  if (mt->none || mt->pos >= mt->n)
    return bound;
  tr = kgb_tripleset_triple(mt->ts, (size_t)candidate(mt, mt->pos));
  for (int p = 0; p < 3; p++)
    if ((parts & bit[p]) && b[p]) {
      rasqal_literal *l = kgb_tripleset_literal(mt->ts, tr[p]);
      rasqal_variable_set_value(b[p], rasqal_new_literal_from_literal(l));
      bound = (rasqal_triple_parts)(bound | bit[p]);
    }
  /* No graphs: a GRAPH pattern is refused before the query runs. */
  return bound ? bound : (rasqal_triple_parts)(parts & RASQAL_TRIPLE_SPO);
}

static void next_match(rasqal_triples_match *rtm, void *data)
{
  match *mt = data;

  (void)rtm;
  if (mt->pos < mt->n) {
    mt->pos++;
    skip_misfits(mt);
  }
}

static int is_end(rasqal_triples_match *rtm, void *data)
{
  match *mt = data;

  (void)rtm;
  return mt->none || mt->pos >= mt->n;
}

static void finish(rasqal_triples_match *rtm, void *data)
{
  (void)rtm;
  kgb_free(data);
}

/* The parts rasqal gave M, kept across the fresh matches of one pattern
 * (see the top of the file). */
static rasqal_triple_parts given_parts(rasqal_triple_meta *m)
{
  if (!m->context)
    m->context = (void *)(uintptr_t)(PARTS_SAVED | m->parts);
  return (rasqal_triple_parts)((uintptr_t)m->context & ~PARTS_SAVED);
}

/* Each part's term and variable; a part with a value is not bound. */
static void read_pattern(match *mt, rasqal_triple_meta *m,
                         const rasqal_triple *t)
{
  rasqal_triple_parts parts = given_parts(m);

  for (int p = 0; p < 3; p++) {
    rasqal_literal *l = part_of(t, p);
    rasqal_variable *v = rasqal_literal_as_variable(l);
    mt->term[p] = -1;
    mt->var[p] = NULL;
    m->bindings[p] = NULL;
    if (v && !v->value) {
      mt->var[p] = v;
      m->bindings[p] = v;   /* the source names what it binds */
      continue;
    }
    if (v)
      parts = (rasqal_triple_parts)(parts & ~bit[p]);
    mt->term[p] = kgb_tripleset_find(mt->ts, v ? v->value : l);
    if (mt->term[p] < 0)
      mt->none = 1;
  }
  m->parts = parts;
}

static int init_match(rasqal_triples_match *rtm, rasqal_triples_source *rts,
                      void *data, rasqal_triple_meta *m, rasqal_triple *t)
{
  match *mt = kgb_calloc(1, sizeof *mt);
  int all;

  (void)rts;
  if (!mt)
    return 1;
  mt->ts = *(kgb_tripleset **)data;
  read_pattern(mt, m, t);
  if (!mt->none) {
    kgb_tripleset_candidates(mt->ts, mt->term, &mt->list, &mt->n, &all);
    skip_misfits(mt);
  }
  rtm->user_data = mt;
  rtm->bind_match = bind_match;
  rtm->next_match = next_match;
  rtm->is_end = is_end;
  rtm->finish = finish;
  return 0;
}

static int triple_present(rasqal_triples_source *rts, void *data,
                          rasqal_triple *t)
{
  match probe = {.ts = *(kgb_tripleset **)data};
  const int *list;
  size_t n;
  int all;

  (void)rts;
  for (int p = 0; p < 3 && !probe.none; p++) {
    probe.term[p] = kgb_tripleset_find(probe.ts, part_of(t, p));
    probe.none = probe.term[p] < 0;
  }
  if (probe.none)
    return 0;
  kgb_tripleset_candidates(probe.ts, probe.term, &list, &n, &all);
  probe.list = list;
  probe.n = n;
  skip_misfits(&probe);
  return probe.pos < probe.n;
}

static void free_source(void *data) { (void)data; }

static int new_source(rasqal_query *query, void *factory_data, void *data,
                      rasqal_triples_source *rts)
{
  (void)query;
  *(kgb_tripleset **)data = factory_data;
  rts->version = 1;
  rts->init_triples_match = init_match;
  rts->triple_present = triple_present;
  rts->free_triples_source = free_source;
  return 0;
}

static int register_factory(rasqal_triples_source_factory *factory)
{
  factory->version = 1;
  factory->user_data_size = sizeof(kgb_tripleset *);
  factory->new_triples_source = new_source;
  return 0;
}

int kgb_query_source_set(rasqal_world *rq, kgb_tripleset *ts)
{
  return rasqal_set_triples_source_factory(rq, register_factory, ts)
             ? KGB_ERDF : KGB_OK;
}
