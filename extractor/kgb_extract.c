/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_extract.c - the pipeline: document -> mentions -> facts. */
#include "kgb_document_internal.h"
#include "kgb_fact.h"
#include "kgb_ner.h"
#include "kgb_pos.h"
#include "kgb_relation.h"
#include "kgb_world_internal.h"

int kgb_extract(kgb_world *world, kgb_document *doc, kgb_factset **out)
{
  kgb_factset *fs;
  kgb_pos *pos = NULL;
  int rc;

  *out = NULL;
  if (!world->opened)
    return kgb_report(world, KGB_EINVAL,
                      "kgb_extract: call kgb_world_open first");
  rc = kgb_document_analyse(doc);
  if (rc)
    return kgb_report(world, rc, "%s: %s", doc->source, kgb_strerror(rc));
  fs = kgb_factset_new();
  if (!fs)
    return KGB_ENOMEM;
  /* The bound is the whole document's, shared by its windows. */
  if (doc->whole)
    fs->max_facts = KGB_MAX_FACTS - doc->whole->facts_kept;
  fs->min_confidence = world->min_confidence;
  fs->precision = &world->lexicon[doc->lang]->precision;
  /* Both stages read parts of speech; each sentence is tagged once. */
  rc = kgb_pos_new(doc, world->models, world->lexicon, &pos);
  if (rc == KGB_OK)
    rc = kgb_ner_run(doc, world->lexicon, world->models, pos, fs);
  if (rc == KGB_OK)
    rc = kgb_relation_run(doc, world->lexicon, world->models, pos, fs);
  kgb_pos_free(pos);
  if (rc == KGB_ELIMIT) {
    if (kgb_document_first_report(doc, KGB_REPORTED_FACTS))
      kgb_warn(world, "%s: more than %d facts; the rest of the document is "
               "not read for facts", doc->source, KGB_MAX_FACTS);
    rc = KGB_OK;
  }
  if (rc == KGB_OK && doc->whole)
    doc->whole->facts_kept += fs->n_facts;
  if (rc == KGB_OK)
    rc = kgb_ner_set_keys(world->lexicon[doc->lang], fs);
  if (rc) {
    kgb_factset_free(fs);
    return kgb_report(world, rc, "%s: %s", doc->source, kgb_strerror(rc));
  }
  *out = fs;
  return KGB_OK;
}
