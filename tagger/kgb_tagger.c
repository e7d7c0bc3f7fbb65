/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_tagger.c - a model in memory and tagging with it. */
#include <string.h>

#include "kgb_alloc.h"
#include "kgb_tagger_internal.h"

int kgb_tagger_alloc(const kgb_tagset *set, size_t n_rows, kgb_tagger **out)
{
  kgb_tagger *m = kgb_calloc(1, sizeof *m);
  int rc;

  *out = NULL;
  if (!m)
    return KGB_ENOMEM;
  kgb_rowtab_init(&m->tab);
  rc = kgb_tagset_copy(set, &m->set);
  if (rc != KGB_OK) {
    kgb_free(m);
    return rc;
  }
  m->n_tags = kgb_tagset_tags(set);
  m->n_rows = n_rows;
  m->scale = 1.0;
  m->trans = kgb_calloc((m->n_tags + 1) * m->n_tags, sizeof *m->trans);
  m->keys = kgb_calloc(n_rows + 1, sizeof *m->keys);
  m->weights = kgb_calloc(n_rows * m->n_tags + 1, sizeof *m->weights);
  if (!m->trans || !m->keys || !m->weights) {
    kgb_tagger_free(m);
    return KGB_ENOMEM;
  }
  *out = m;
  return KGB_OK;
}

int kgb_tagger_index(kgb_tagger *m)
{
  for (size_t r = 0; r < m->n_rows; r++)
    if (kgb_rowtab_put(&m->tab, m->keys[r], (uint32_t)r) != KGB_OK)
      return KGB_ENOMEM;
  return KGB_OK;
}

void kgb_tagger_free(kgb_tagger *m)
{
  if (!m)
    return;
  kgb_tagset_free(m->set);
  kgb_free(m->trans);
  kgb_free(m->keys);
  kgb_free(m->weights);
  kgb_rowtab_release(&m->tab);
  kgb_free(m);
}

const kgb_tagset *kgb_tagger_as_tagset(const kgb_tagger *m) { return m->set; }

int kgb_tagger_tag(const kgb_tagger *m, const kgb_featseq *seq, int *tags)
{
  size_t n = seq->n_tokens, T = m->n_tags, n_trans = (T + 1) * T;
  int64_t *emit, *trans, *work;

  if (n == 0)
    return KGB_OK;
  emit = kgb_calloc(n * T, sizeof *emit);
  trans = kgb_malloc(n_trans * sizeof *trans);
  work = kgb_malloc(2 * n * T * sizeof *work);
  if (!emit || !trans || !work) {
    kgb_free(emit);
    kgb_free(trans);
    kgb_free(work);
    return KGB_ENOMEM;
  }
  for (size_t i = 0; i < n_trans; i++)
    trans[i] = m->trans[i];
  for (size_t i = 0; i < n; i++)
    for (size_t f = seq->start[i]; f < seq->start[i + 1]; f++) {
      long row = kgb_rowtab_get(&m->tab, seq->feats[f]);
      for (size_t t = 0; row >= 0 && t < T; t++)
        emit[i * T + t] += m->weights[(size_t)row * T + t];
    }
  kgb_decode(m->decoder, m->set->plain, emit, trans, n, T, work, tags);
  kgb_free(emit);
  kgb_free(trans);
  kgb_free(work);
  return KGB_OK;
}
