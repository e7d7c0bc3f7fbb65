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

/* Add to SUM[0..T) the weights of features FEATS[0..N). */
static void add_rows(const kgb_tagger *m, const uint64_t *feats, size_t n,
                     int64_t *sum)
{
  size_t T = m->n_tags;

  for (size_t f = 0; f < n; f++) {
    long row = kgb_rowtab_get(&m->tab, feats[f]);
    for (size_t t = 0; row >= 0 && t < T; t++)
      sum[t] += m->weights[(size_t)row * T + t];
  }
}

/* EMIT (N x T, zeroed) for SEQ: its features, and the sums CACHE keeps
 * for the groups SEQ left out; the other groups' sums are kept. */
static int emissions(const kgb_tagger *m, kgb_emitcache *cache,
                     const kgb_featseq *seq, int64_t *emit)
{
  size_t T = m->n_tags;
  int64_t *sum = kgb_malloc(T * sizeof *sum);

  if (!sum)
    return KGB_ENOMEM;
  for (size_t i = 0; i < seq->n_tokens; i++)
    add_rows(m, seq->feats + seq->start[i], seq->start[i + 1] - seq->start[i],
             emit + i * T);
  for (size_t k = 0; cache && k < seq->n_groups; k++) {
    const kgb_featgroup *g = &seq->groups[k];
    if (g->cached >= 0) {
      const int32_t *kept = kgb_emitcache_entry(cache, g->cached);
      for (size_t t = 0; t < T; t++)
        emit[g->token * T + t] += kept[t];
    } else {
      for (size_t t = 0; t < T; t++)
        sum[t] = 0;
      add_rows(m, seq->feats + g->first, g->end - g->first, sum);
      kgb_emitcache_put(cache, g->key, sum);
    }
  }
  kgb_free(sum);
  return KGB_OK;
}

int kgb_tagger_tag_cached(const kgb_tagger *m, kgb_emitcache *cache,
                          const kgb_featseq *seq, int *tags)
{
  size_t n = seq->n_tokens, T = m->n_tags, n_trans = (T + 1) * T;
  int64_t *emit, *trans, *work;
  int rc;

  if (n == 0)
    return KGB_OK;
  emit = kgb_calloc(n * T, sizeof *emit);
  trans = kgb_malloc(n_trans * sizeof *trans);
  work = kgb_malloc(2 * n * T * sizeof *work);
  rc = emit && trans && work ? emissions(m, cache, seq, emit) : KGB_ENOMEM;
  if (rc == KGB_OK) {
    for (size_t i = 0; i < n_trans; i++)
      trans[i] = m->trans[i];
    kgb_decode(m->decoder, m->set->plain, emit, trans, n, T, work, tags);
  }
  kgb_free(emit);
  kgb_free(trans);
  kgb_free(work);
  return rc;
}

int kgb_tagger_tag(const kgb_tagger *m, const kgb_featseq *seq, int *tags)
{
  return kgb_tagger_tag_cached(m, NULL, seq, tags);
}

int kgb_tagger_classify(const kgb_tagger *m, const kgb_featseq *seq,
                        double *scores)
{
  int64_t sum[KGB_TAGSET_MAX_TYPES] = {0};
  int best = 0;

  if (!m->set->plain || seq->n_tokens != 1)
    return KGB_EINVAL;
  add_rows(m, seq->feats + seq->start[0], seq->start[1] - seq->start[0],
           sum);
  for (size_t t = 0; t < m->n_tags; t++) {
    /* The transition from the start is the class's bias. */
    scores[t] = (double)(sum[t] + m->trans[t]) * m->scale;
    if (scores[t] > scores[best])
      best = (int)t;
  }
  return best;
}
