/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_models.h - the trained models of one language: the named-entity
 * and part-of-speech taggers, and the word clusters their features read. */
#ifndef KGB_MODELS_H
#define KGB_MODELS_H

#include "kgb_fact.h"
#include "kgb_lang.h"
#include "kgb_map.h"
#include "kgb_tagger.h"

typedef struct kgb_models {
  kgb_map clusters;     /* see kgb_clusters_load */
  kgb_tagger *ner;      /* owned; NULL: names are found by rules alone */
  kgb_emitcache *ner_cache;   /* owned: NER's sums of words' own features */
  kgb_tagger *pos;      /* owned or NULL */
  kgb_emitcache *pos_cache;   /* owned: the same for parts of speech */
  kgb_tagger *pairs;    /* owned or NULL: the relation classifier */
  /* From pairs.tsv beside it, per fact kind: how far the class must
   * score above "none", and the confidence of its facts (0: never
   * stated). */
  double pair_margin[KGB_FACT_KIND_COUNT];
  double pair_confidence[KGB_FACT_KIND_COUNT];
  /* Per class of the classifier: the two-part fact kind it names, or -1;
   * and the class "none" (-1 when it has none). */
  int pair_kind[KGB_TAGSET_MAX_TYPES];
  long pair_none;
} kgb_models;

/* The models of LANG: DIR/<lang>/ner.kgbtag, pos.kgbtag and pairs.kgbtag
 * (with its thresholds, pairs.tsv), where DIR is
 * MODEL_DIR when not NULL, else DATA_DIR; a missing file is no model
 * (names are then found by rules), a damaged one an error naming it.
 * Clusters come from DATA_DIR. */
int kgb_models_load(kgb_world *world, kgb_lang lang, const char *data_dir,
                    const char *model_dir, kgb_models **out);
void kgb_models_free(kgb_models *models);

#endif
