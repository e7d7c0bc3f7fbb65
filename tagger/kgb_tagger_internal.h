/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_tagger_internal.h - struct bodies and helpers shared by the files
 * of tagger/. */
#ifndef KGB_TAGGER_INTERNAL_H
#define KGB_TAGGER_INTERNAL_H

#include "kgb_tagger.h"

#define KGB_TAGSET_MAX_NAME 64

struct kgb_tagset {
  int plain;           /* plain classes, not BILOU over entity types */
  size_t n_types;
  char **types;        /* owned */
};

/* Open addressing from a feature hash (never 0) to a row number. */
typedef struct {
  uint64_t *keys;      /* 0: empty */
  uint32_t *rows;
  size_t count, cap;   /* cap a power of two, or 0 */
} kgb_rowtab;

void kgb_rowtab_init(kgb_rowtab *tab);
void kgb_rowtab_release(kgb_rowtab *tab);
/* The row of KEY, or -1. */
long kgb_rowtab_get(const kgb_rowtab *tab, uint64_t key);
/* Map KEY to ROW (KEY not yet present). */
int kgb_rowtab_put(kgb_rowtab *tab, uint64_t key, uint32_t row);

/* A model as saved: weights quantised to int16, one row of n_tags per
 * feature, plus (n_tags + 1) x n_tags transitions, the first row being
 * the sentence start. */
struct kgb_tagger {
  kgb_tagset *set;       /* owned */
  kgb_decoder decoder;
  double scale;          /* a weight is its int16 times SCALE */
  size_t n_tags;
  int16_t *trans;        /* owned */
  size_t n_rows;
  uint64_t *keys;        /* owned; sorted, the features of the rows */
  int16_t *weights;      /* owned; n_rows x n_tags */
  kgb_rowtab tab;
};

/* The sum (N_TAGS numbers) kept in ENTRY (from kgb_emitcache_find). */
const int32_t *kgb_emitcache_entry(const kgb_emitcache *cache, long entry);
/* Keep SUM for the group KEY, unless the cache is full. */
void kgb_emitcache_put(kgb_emitcache *cache, uint64_t key,
                       const int64_t *sum);

/* Best tags for the N x N_TAGS scores EMIT and the (N_TAGS+1) x N_TAGS
 * scores TRANS, under the BILOU constraint unless PLAIN (then every
 * sequence is allowed).  TRANS is the caller's copy: the forbidden
 * transitions are marked in it.  WORK holds 2 * N * N_TAGS slots. */
void kgb_decode(kgb_decoder decoder, int plain, const int64_t *emit,
                int64_t *trans, size_t n, size_t n_tags, int64_t *work,
                int *tags);

/* A copy of SET. */
int kgb_tagset_copy(const kgb_tagset *set, kgb_tagset **out);

/* A new empty model of SET (copied) with N_ROWS rows. */
int kgb_tagger_alloc(const kgb_tagset *set, size_t n_rows,
                     kgb_tagger **out);
/* Index the rows of a model whose keys are filled. */
int kgb_tagger_index(kgb_tagger *tagger);

/* Train TR with OPTS (its decoder set; epochs and seed taken from O,
 * EPOCH_FN called with DATA after each epoch) and write the model's bytes
 * to OUT (OUT_NAME names it in messages). */
int kgb_trainer_write(kgb_world *world, kgb_trainer *tr,
                      const kgb_train_options *o, kgb_train_opts *opts,
                      int (*epoch_fn)(void *, kgb_trainer *, unsigned,
                                      double),
                      void *data, FILE *out, const char *out_name);

#endif
