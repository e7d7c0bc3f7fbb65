/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_models.c - loading a language's trained models. */
#include "kgb_models.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kgb_alloc.h"
#include "kgb_datafile.h"
#include "kgb_tagfeat.h"
#include "kgb_world_internal.h"

/* DIR/<lang>/NAME into PATH (SIZE bytes); KGB_EINVAL, reported, when it
 * does not fit. */
static int model_path(kgb_world *world, const char *dir, kgb_lang lang,
                      const char *name, char *path, size_t size)
{
  if ((size_t)snprintf(path, size, "%s/%s/%s", dir, kgb_lang_code(lang),
                       name) >= size)
    return kgb_report(world, KGB_EINVAL, "%s: the model path is too long",
                      dir);
  return KGB_OK;
}

/* *OUT = the model DIR/<lang>/NAME, or NULL when it is missing. */
static int load_one(kgb_world *world, const char *dir, kgb_lang lang,
                    const char *name, kgb_tagger **out)
{
  char path[4096];
  int rc;

  *out = NULL;
  if ((rc = model_path(world, dir, lang, name, path, sizeof path)))
    return rc;
  /* Asked first, so that a missing optional model reports nothing. */
  if (access(path, F_OK) != 0 && errno == ENOENT)
    return KGB_OK;
  rc = kgb_tagger_load(world, path, out);
  return rc;
}

typedef struct {
  kgb_models *m;
  char *why;
  size_t why_len;
} thresholds_ctx;

/* "CLASS<TAB>MIN_MARGIN<TAB>CONFIDENCE" of pairs.tsv. */
static int on_threshold(void *data, char **f, size_t n)
{
  thresholds_ctx *t = data;
  int kind = kgb_fact_kind_by_name(f[0]);
  char *end1, *end2;
  double margin = strtod(f[1], &end1), conf = strtod(f[2], &end2);

  (void)n;
  if (kind < 0 || KGB_FACT_IS_NARY(kind)) {
    snprintf(t->why, t->why_len, "'%s' is no two-part fact kind", f[0]);
    return KGB_EPARSE;
  }
  if (!*f[1] || *end1 || margin < 0 || !*f[2] || *end2 || !(conf > 0) ||
      conf > 1) {
    snprintf(t->why, t->why_len, "the margin is a number of 0 or more, "
             "the confidence one above 0 and at most 1");
    return KGB_EPARSE;
  }
  t->m->pair_margin[kind] = margin;
  t->m->pair_confidence[kind] = conf;
  return KGB_OK;
}

/* The classifier's thresholds, DIR/<lang>/pairs.tsv: required with it,
 * as a class with none is never stated. */
static int load_thresholds(kgb_world *world, const char *dir, kgb_lang lang,
                           kgb_models *m)
{
  char path[4096], why[160];
  thresholds_ctx t = {m, why, sizeof why};
  int rc = model_path(world, dir, lang, "pairs.tsv", path, sizeof path);

  if (rc != KGB_OK)
    return rc;
  return kgb_datafile_read_why(world, path, 3, 3, 0, on_threshold, &t, why,
                               sizeof why);
}

/* What each class of the classifier states: its fact kind, or -1 for
 * "none" and for classes that are no two-part fact kind; looked up once
 * here, not for each pair. */
static void pair_classes(kgb_models *m)
{
  const kgb_tagset *set = kgb_tagger_as_tagset(m->pairs);

  m->pair_none = kgb_tagset_find(set, "none");
  for (size_t i = 0; i < kgb_tagset_types(set); i++) {
    int kind = kgb_fact_kind_by_name(kgb_tagset_as_type(set, i));
    m->pair_kind[i] = kind < 0 || KGB_FACT_IS_NARY(kind) ? -1 : kind;
  }
}

int kgb_models_load(kgb_world *world, kgb_lang lang, const char *data_dir,
                    const char *model_dir, kgb_models **out)
{
  kgb_models *m = kgb_calloc(1, sizeof *m);
  const char *dir = model_dir ? model_dir : data_dir;
  struct stat st;
  int rc;

  *out = NULL;
  if (!m)
    return kgb_report(world, KGB_ENOMEM, "out of memory");
  if (model_dir && (stat(model_dir, &st) != 0 || !S_ISDIR(st.st_mode))) {
    kgb_free(m);
    return kgb_report(world, KGB_ENOTFOUND, "%s: no such model folder "
                      "(it holds en/ner.kgbtag, fr/ner.kgbtag...)", model_dir);
  }
  kgb_map_init(&m->clusters);
  rc = kgb_clusters_load(world, data_dir, lang, &m->clusters);
  if (rc == KGB_OK)
    rc = load_one(world, dir, lang, "ner.kgbtag", &m->ner);
  if (rc == KGB_OK)
    rc = load_one(world, dir, lang, "pos.kgbtag", &m->pos);
  if (rc == KGB_OK)
    rc = load_one(world, dir, lang, "pairs.kgbtag", &m->pairs);
  if (rc == KGB_OK && m->pairs && !kgb_tagset_is_plain(kgb_tagger_as_tagset(
                                      m->pairs)))
    rc = kgb_report(world, KGB_EPARSE, "%s/%s/pairs.kgbtag: an entity "
                    "model, not a relation classifier", dir,
                    kgb_lang_code(lang));
  if (rc == KGB_OK && m->pairs)
    rc = load_thresholds(world, dir, lang, m);
  if (rc == KGB_OK && m->pairs)
    pair_classes(m);
  if (rc == KGB_OK && m->ner && kgb_tagset_is_plain(kgb_tagger_as_tagset(
                                    m->ner)))
    rc = kgb_report(world, KGB_EPARSE, "%s/%s/ner.kgbtag: a part-of-speech "
                    "model, not an entity model", dir, kgb_lang_code(lang));
  /* A word's own group and the four it makes as a neighbour: some
   * 20,000 word forms cover nearly all the words of running news. */
  if (rc == KGB_OK && m->ner &&
      kgb_emitcache_new(m->ner, 1 << 17, &m->ner_cache) != KGB_OK)
    rc = kgb_report(world, KGB_ENOMEM, "out of memory");
  if (rc == KGB_OK && m->pos &&
      kgb_emitcache_new(m->pos, 1 << 17, &m->pos_cache) != KGB_OK)
    rc = kgb_report(world, KGB_ENOMEM, "out of memory");
  if (rc != KGB_OK) {
    kgb_models_free(m);
    return rc;
  }
  *out = m;
  return KGB_OK;
}

void kgb_models_free(kgb_models *models)
{
  if (!models)
    return;
  kgb_map_release(&models->clusters);
  kgb_emitcache_free(models->ner_cache);
  kgb_emitcache_free(models->pos_cache);
  kgb_tagger_free(models->ner);
  kgb_tagger_free(models->pos);
  kgb_tagger_free(models->pairs);
  kgb_free(models);
}
