/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_emitcache.c - the summed weights of feature groups, kept.
 *
 * A word's own features (the word, its shapes, affixes and flags) are a
 * dozen rows of the model; summing them again each time the word comes
 * back was most of the tagging time.  The sums are whole numbers, so a
 * sum taken from the cache is exactly the one computed afresh. */
#include "kgb_alloc.h"
#include "kgb_tagger_internal.h"

struct kgb_emitcache {
  size_t n_tags;
  uint64_t *keys;      /* open addressing; 0 is an empty slot */
  uint32_t *slot_of;   /* the entry of each slot */
  int32_t *sums;       /* n_tags a stored entry: a dozen int16 weights
                          at most sum far from int32's limits */
  size_t cap_sums;
  size_t cap;          /* slots, a power of two */
  size_t n, max;       /* entries stored, and at most */
};

int kgb_emitcache_new(const kgb_tagger *model, size_t max_groups,
                      kgb_emitcache **out)
{
  kgb_emitcache *c = kgb_calloc(1, sizeof *c);
  size_t cap = 16;

  *out = NULL;
  if (!c)
    return KGB_ENOMEM;
  /* At most half full, so probes stay short. */
  while (cap < 2 * max_groups)
    cap *= 2;
  c->n_tags = model->n_tags;
  c->cap = cap;
  c->max = max_groups;
  c->keys = kgb_calloc(cap, sizeof *c->keys);
  c->slot_of = kgb_calloc(cap, sizeof *c->slot_of);
  if (!c->keys || !c->slot_of) {
    kgb_emitcache_free(c);
    return KGB_ENOMEM;
  }
  *out = c;
  return KGB_OK;
}

void kgb_emitcache_free(kgb_emitcache *cache)
{
  if (!cache)
    return;
  kgb_free(cache->keys);
  kgb_free(cache->slot_of);
  kgb_free(cache->sums);
  kgb_free(cache);
}

/* The slot of KEY, or the empty one where it would go. */
static size_t probe(const kgb_emitcache *c, uint64_t key)
{
  size_t i = key & (c->cap - 1);

  while (c->keys[i] != 0 && c->keys[i] != key)
    i = (i + 1) & (c->cap - 1);
  return i;
}

long kgb_emitcache_find(const kgb_emitcache *cache, uint64_t key)
{
  size_t i = probe(cache, key);

  return cache->keys[i] == key ? (long)cache->slot_of[i] : -1;
}

const int32_t *kgb_emitcache_entry(const kgb_emitcache *cache, long entry)
{
  return cache->sums + (size_t)entry * cache->n_tags;
}

void kgb_emitcache_put(kgb_emitcache *cache, uint64_t key, const int64_t *sum)
{
  size_t i;

  /* Full (or out of memory): the groups after are summed each time. */
  if (cache->n == cache->max ||
      kgb_grow(&cache->sums, &cache->cap_sums,
               (cache->n + 1) * cache->n_tags, sizeof *cache->sums))
    return;
  i = probe(cache, key);
  if (cache->keys[i] == key)
    return;
  cache->keys[i] = key;
  cache->slot_of[i] = (uint32_t)cache->n;
  for (size_t t = 0; t < cache->n_tags; t++)
    cache->sums[cache->n * cache->n_tags + t] = (int32_t)sum[t];
  cache->n++;
}
