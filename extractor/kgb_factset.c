/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_factset.c - the growing tables of entities, mentions and facts. */
#include "kgb_fact.h"

#include <string.h>

#include "kgb_alloc.h"
#include "kgb_buf.h"
#include "kgb_utf8.h"

kgb_factset *kgb_factset_new(void)
{
  kgb_factset *fs = kgb_calloc(1, sizeof *fs);

  if (fs) {
    kgb_map_init(&fs->entity_index);
    fs->max_facts = KGB_MAX_FACTS;
  }
  return fs;
}

size_t kgb_factset_count(const kgb_factset *fs) { return fs->n_facts; }

void kgb_factset_free(kgb_factset *fs)
{
  if (!fs)
    return;
  for (size_t i = 0; i < fs->n_entities; i++) {
    kgb_entity *e = &fs->entities[i];
    for (size_t a = 0; a < e->n_aliases; a++)
      kgb_free(e->aliases[a]);
    kgb_free(e->aliases);
    kgb_free(e->name);
    kgb_free(e->key);
  }
  kgb_map_release(&fs->entity_index);
  kgb_free(fs->entities);
  kgb_free(fs->mentions);
  kgb_free(fs->facts);
  kgb_free(fs);
}

static int same_name(const char *a, const char *b, size_t len)
{
  char *fa = kgb_utf8_fold(a, strlen(a));
  char *fb = kgb_utf8_fold(b, len);
  int same = fa && fb && strcmp(fa, fb) == 0;

  kgb_free(fa);
  kgb_free(fb);
  return same;
}

int kgb_factset_entity(kgb_factset *fs, kgb_class cls, const char *name,
                       size_t len, int place)
{
  char *fold = kgb_utf8_fold(name, len);
  kgb_buf key;
  kgb_entity *e;
  int idx = -1;

  kgb_buf_init(&key);
  if (!fold || kgb_buf_printf(&key, "%d%s", (int)cls, fold))
    goto done;
  idx = kgb_map_get(&fs->entity_index, key.data, key.len);
  if (idx >= 0)
    goto done;
  if (kgb_grow(&fs->entities, &fs->cap_entities, fs->n_entities + 1,
               sizeof *fs->entities))
    goto done;
  e = &fs->entities[fs->n_entities];
  memset(e, 0, sizeof *e);
  e->cls = cls;
  e->place = place;
  e->name = kgb_strndup(name, len);
  if (!e->name ||
      kgb_map_put(&fs->entity_index, key.data, key.len, (int)fs->n_entities)) {
    kgb_free(e->name);
    goto done;
  }
  idx = (int)fs->n_entities++;
done:
  kgb_free(fold);
  kgb_buf_release(&key);
  return idx;
}

int kgb_factset_add_alias(kgb_factset *fs, int entity, const char *name,
                          size_t len)
{
  kgb_entity *e = &fs->entities[entity];
  char *copy;

  if (same_name(e->name, name, len))
    return KGB_OK;
  for (size_t a = 0; a < e->n_aliases; a++)
    if (same_name(e->aliases[a], name, len))
      return KGB_OK;
  if (kgb_grow(&e->aliases, &e->cap_aliases, e->n_aliases + 1,
               sizeof *e->aliases))
    return KGB_ENOMEM;
  copy = kgb_strndup(name, len);
  if (!copy)
    return KGB_ENOMEM;
  e->aliases[e->n_aliases++] = copy;
  return KGB_OK;
}

int kgb_factset_add_mention(kgb_factset *fs, const kgb_mention *m)
{
  if (kgb_grow(&fs->mentions, &fs->cap_mentions, fs->n_mentions + 1,
               sizeof *fs->mentions))
    return KGB_ENOMEM;
  fs->mentions[fs->n_mentions++] = *m;
  if (fs->entities[m->entity].mentions++ == 0)
    fs->entities[m->entity].first_sentence = m->sentence;
  return KGB_OK;
}

/* A rule is only as sure as it proved on annotated text: its measured
 * precision caps the confidence it gives. */
static double calibrated(const kgb_factset *fs, const kgb_fact *f)
{
  int p = fs->precision && f->rule
              ? kgb_map_get(fs->precision, f->rule, strlen(f->rule)) : -1;

  return p >= 0 && p / 1000.0 < f->confidence ? p / 1000.0 : f->confidence;
}

int kgb_factset_add_fact(kgb_factset *fs, const kgb_fact *f)
{
  double confidence = calibrated(fs, f);

  if (confidence < fs->min_confidence)
    return KGB_OK;
  if (fs->n_facts >= fs->max_facts)
    return KGB_ELIMIT;
  if (kgb_grow(&fs->facts, &fs->cap_facts, fs->n_facts + 1,
               sizeof *fs->facts))
    return KGB_ENOMEM;
  fs->facts[fs->n_facts] = *f;
  fs->facts[fs->n_facts++].confidence = confidence;
  fs->entities[f->agent].in_fact = 1;
  if (f->object >= 0)
    fs->entities[f->object].in_fact = 1;
  if (f->location >= 0)
    fs->entities[f->location].in_fact = 1;
  return KGB_OK;
}

kgb_fact kgb_fact_init(kgb_fact_kind kind, size_t sentence, const char *rule,
                       double confidence)
{
  kgb_fact f;

  memset(&f, 0, sizeof f);
  f.kind = kind;
  f.agent = f.object = f.location = -1;
  f.sentence = sentence;
  f.rule = rule;
  f.confidence = confidence;
  return f;
}

const char *const kgb_fact_kind_names[KGB_FACT_KIND_COUNT] = {
#define KGB_FACT_NAME(e, name, s, o) [KGB_FACT_##e] = name,
  KGB_FACT_KINDS(KGB_FACT_NAME)
#undef KGB_FACT_NAME
};

static const kgb_class fact_classes[KGB_FACT_KIND_COUNT][2] = {
#define KGB_FACT_CLASSES(e, name, s, o)                                     \
  [KGB_FACT_##e] = {KGB_CLASS_##s, KGB_CLASS_##o},
  KGB_FACT_KINDS(KGB_FACT_CLASSES)
#undef KGB_FACT_CLASSES
};

int kgb_fact_kind_by_name(const char *name)
{
  for (int k = 0; k < KGB_FACT_KIND_COUNT; k++)
    if (strcmp(kgb_fact_kind_names[k], name) == 0)
      return k;
  return -1;
}

kgb_class kgb_fact_subject_class(kgb_fact_kind kind)
{
  return fact_classes[kind][0];
}

kgb_class kgb_fact_object_class(kgb_fact_kind kind)
{
  return fact_classes[kind][1];
}
