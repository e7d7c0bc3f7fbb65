/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_entities.c - the table of named entities, merged across documents. */
#include "kgb_entities.h"

#include <string.h>

#include "kgb_alloc.h"
#include "kgb_map.h"
#include "kgb_utf8.h"
#include "kgbuild.h"

typedef struct {
  char *iri;           /* owned */
  kgb_term cls;
  char **names;        /* owned */
  size_t n_names, cap_names;
  int standard;        /* index+1 of the fullest standard name, or 0 */
} entity;

struct kgb_entities {
  entity *v;
  size_t n, cap;
  kgb_map index;       /* IRI -> position in v */
};

kgb_entities *kgb_entities_new(void)
{
  kgb_entities *t = kgb_calloc(1, sizeof *t);

  if (t)
    kgb_map_init(&t->index);
  return t;
}

void kgb_entities_free(kgb_entities *t)
{
  if (!t)
    return;
  for (size_t i = 0; i < t->n; i++) {
    for (size_t k = 0; k < t->v[i].n_names; k++)
      kgb_free(t->v[i].names[k]);
    kgb_free(t->v[i].names);
    kgb_free(t->v[i].iri);
  }
  kgb_free(t->v);
  kgb_map_release(&t->index);
  kgb_free(t);
}

static int find_or_add(kgb_entities *t, const char *iri, kgb_term cls)
{
  size_t len = strlen(iri);
  int at = kgb_map_get(&t->index, iri, len);
  entity *e;

  if (at >= 0)
    return at;
  if (t->n >= (size_t)0x7fffffff ||
      kgb_grow(&t->v, &t->cap, t->n + 1, sizeof *t->v))
    return KGB_ENOMEM;
  e = &t->v[t->n];
  memset(e, 0, sizeof *e);
  e->cls = cls;
  if (!(e->iri = kgb_strndup(iri, len)) ||
      kgb_map_put(&t->index, iri, len, (int)t->n)) {
    kgb_free(e->iri);
    return KGB_ENOMEM;
  }
  return (int)t->n++;
}

/* The label must not depend on the order documents came in, so ties
 * are broken by the bytes. */
static int fuller(const char *a, const char *b)
{
  size_t la = kgb_utf8_cp_count(a, strlen(a));
  size_t lb = kgb_utf8_cp_count(b, strlen(b));

  return la != lb ? la > lb : strcmp(a, b) < 0;
}

int kgb_entities_add(kgb_entities *t, const char *iri, kgb_term cls,
                     const char *name, int standard)
{
  int at = find_or_add(t, iri, cls);
  entity *e;
  char *copy;
  size_t k;

  if (at < 0)
    return at;
  e = &t->v[at];
  for (k = 0; k < e->n_names && strcmp(e->names[k], name); k++)
    ;
  if (k == e->n_names) {
    if (kgb_grow(&e->names, &e->cap_names, e->n_names + 1,
                 sizeof *e->names) ||
        !(copy = kgb_strdup(name)))
      return KGB_ENOMEM;
    e->names[e->n_names++] = copy;
  }
  if (standard && (!e->standard || fuller(name, e->names[e->standard - 1])))
    e->standard = (int)k + 1;
  return KGB_OK;
}

size_t kgb_entities_count(const kgb_entities *t) { return t->n; }

const char *kgb_entities_iri(const kgb_entities *t, size_t i, kgb_term *cls)
{
  *cls = t->v[i].cls;
  return t->v[i].iri;
}

void kgb_entities_get(const kgb_entities *t, size_t i, const char **iri,
                      kgb_term *cls, char *const **names, size_t *n_names,
                      size_t *label)
{
  const entity *e = &t->v[i];

  *iri = e->iri;
  *cls = e->cls;
  *names = e->names;
  *n_names = e->n_names;
  *label = 0;
  if (e->standard)
    *label = (size_t)e->standard - 1;
  else
    for (size_t k = 1; k < e->n_names; k++)
      if (fuller(e->names[k], e->names[*label]))
        *label = k;
}
