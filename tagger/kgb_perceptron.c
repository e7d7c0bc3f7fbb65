/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_perceptron.c - training an averaged perceptron and tagging with
 * the model it gives.
 *
 * Weights change by whole steps, so training keeps them as integers and
 * needs no floating point until the end: the same sentences and seed
 * give the same sums on any machine, hence the same model bytes.
 * Averaging uses the usual trick: with C counting the sentences seen, an
 * update D adds D to W and C*D to U, and the average is W - U/C. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kgb_alloc.h"
#include "kgb_tagger_internal.h"
#include "kgb_world_internal.h"

/* --- the feature -> row table ------------------------------------------- */

void kgb_rowtab_init(kgb_rowtab *tab) { memset(tab, 0, sizeof *tab); }

void kgb_rowtab_release(kgb_rowtab *tab)
{
  kgb_free(tab->keys);
  kgb_free(tab->rows);
  kgb_rowtab_init(tab);
}

long kgb_rowtab_get(const kgb_rowtab *tab, uint64_t key)
{
  if (tab->cap == 0)
    return -1;
  /* Keys are hashes already, so their low bits spread well. */
  for (size_t i = key & (tab->cap - 1);; i = (i + 1) & (tab->cap - 1)) {
    if (tab->keys[i] == key)
      return tab->rows[i];
    if (tab->keys[i] == 0)
      return -1;
  }
}

static int rowtab_resize(kgb_rowtab *tab, size_t cap)
{
  uint64_t *keys = kgb_calloc(cap, sizeof *keys);
  uint32_t *rows = kgb_calloc(cap, sizeof *rows);

  if (!keys || !rows) {
    kgb_free(keys);
    kgb_free(rows);
    return KGB_ENOMEM;
  }
  for (size_t j = 0; j < tab->cap; j++) {
    if (tab->keys[j] == 0)
      continue;
    size_t i = tab->keys[j] & (cap - 1);
    while (keys[i])
      i = (i + 1) & (cap - 1);
    keys[i] = tab->keys[j];
    rows[i] = tab->rows[j];
  }
  kgb_free(tab->keys);
  kgb_free(tab->rows);
  tab->keys = keys;
  tab->rows = rows;
  tab->cap = cap;
  return KGB_OK;
}

int kgb_rowtab_put(kgb_rowtab *tab, uint64_t key, uint32_t row)
{
  if (2 * (tab->count + 1) > tab->cap &&
      rowtab_resize(tab, tab->cap ? 2 * tab->cap : 64) != KGB_OK)
    return KGB_ENOMEM;
  size_t i = key & (tab->cap - 1);
  while (tab->keys[i])
    i = (i + 1) & (tab->cap - 1);
  tab->keys[i] = key;
  tab->rows[i] = row;
  tab->count++;
  return KGB_OK;
}

/* --- the trainer ---------------------------------------------------------- */

struct kgb_trainer {
  kgb_world *world;
  const kgb_tagset *set;
  size_t n_tags;
  /* The sentences: features of every token one after another. */
  uint64_t *feats;
  size_t n_feats, cap_feats;
  size_t *tok_start;          /* n_tok + 1 offsets in feats */
  int *gold;                  /* n_tok gold tags */
  size_t n_tok, cap_tok, cap_start;
  size_t *sent_start;         /* n_sents + 1 offsets in tokens */
  size_t n_sents, cap_sents;
  /* The weights, as integer sums W and averaging sums U. */
  kgb_rowtab tab;
  int32_t *w;
  int64_t *u;
  uint64_t *row_key;          /* the feature of each row */
  size_t n_rows, cap_w, cap_u, cap_rk;
  int32_t *tw;                /* (n_tags + 1) x n_tags transitions */
  int64_t *tu;
  int64_t c;                  /* sentences seen, from 1 */
};

int kgb_trainer_new(kgb_world *world, const kgb_tagset *set,
                    kgb_trainer **out)
{
  kgb_trainer *tr = kgb_calloc(1, sizeof *tr);
  size_t n_trans;

  *out = NULL;
  if (!tr)
    return kgb_report(world, KGB_ENOMEM, "tagger: out of memory");
  tr->world = world;
  tr->set = set;
  tr->n_tags = kgb_tagset_tags(set);
  n_trans = (tr->n_tags + 1) * tr->n_tags;
  tr->tw = kgb_calloc(n_trans, sizeof *tr->tw);
  tr->tu = kgb_calloc(n_trans, sizeof *tr->tu);
  tr->sent_start = kgb_calloc(1, sizeof *tr->sent_start);
  tr->cap_sents = 1;
  if (!tr->tw || !tr->tu || !tr->sent_start) {
    kgb_trainer_free(tr);
    return kgb_report(world, KGB_ENOMEM, "tagger: out of memory");
  }
  *out = tr;
  return KGB_OK;
}

void kgb_trainer_free(kgb_trainer *tr)
{
  if (!tr)
    return;
  kgb_free(tr->feats);
  kgb_free(tr->tok_start);
  kgb_free(tr->gold);
  kgb_free(tr->sent_start);
  kgb_rowtab_release(&tr->tab);
  kgb_free(tr->w);
  kgb_free(tr->u);
  kgb_free(tr->row_key);
  kgb_free(tr->tw);
  kgb_free(tr->tu);
  kgb_free(tr);
}

int kgb_trainer_add(kgb_trainer *tr, const kgb_featseq *seq, const int *gold)
{
  size_t n = seq->n_tokens;

  for (size_t i = 0; i < n; i++)
    if (gold[i] < 0 || (size_t)gold[i] >= tr->n_tags)
      return kgb_report(tr->world, KGB_EINVAL,
                        "tagger: training sentence %zu: tag %d is not in "
                        "the tag set", tr->n_sents + 1, gold[i]);
  if (n == 0 || !kgb_tagset_valid(tr->set, gold, n))
    return kgb_report(tr->world, KGB_EINVAL,
                      "tagger: training sentence %zu: %s", tr->n_sents + 1,
                      n ? "the gold tags are not a valid BILOU sequence"
                        : "no tokens");
  size_t nf = seq->start[n] - seq->start[0];
  if (kgb_grow(&tr->feats, &tr->cap_feats, tr->n_feats + nf,
               sizeof *tr->feats) ||
      kgb_grow(&tr->gold, &tr->cap_tok, tr->n_tok + n, sizeof *tr->gold) ||
      kgb_grow(&tr->tok_start, &tr->cap_start, tr->n_tok + n + 1,
               sizeof *tr->tok_start) ||
      kgb_grow(&tr->sent_start, &tr->cap_sents, tr->n_sents + 2,
               sizeof *tr->sent_start))
    return kgb_report(tr->world, KGB_ENOMEM, "tagger: out of memory");
  memcpy(tr->feats + tr->n_feats, seq->feats + seq->start[0],
         nf * sizeof *tr->feats);
  for (size_t i = 0; i < n; i++) {
    tr->tok_start[tr->n_tok + i] = tr->n_feats + seq->start[i] - seq->start[0];
    tr->gold[tr->n_tok + i] = gold[i];
  }
  tr->n_feats += nf;
  tr->n_tok += n;
  tr->tok_start[tr->n_tok] = tr->n_feats;
  tr->sent_start[++tr->n_sents] = tr->n_tok;
  return KGB_OK;
}

/* The row of feature KEY, made (all zero) when missing; -1 on ENOMEM. */
static long trainer_row(kgb_trainer *tr, uint64_t key)
{
  long row = kgb_rowtab_get(&tr->tab, key);
  size_t need = (tr->n_rows + 1) * tr->n_tags;

  if (row >= 0)
    return row;
  if (tr->n_rows >= UINT32_MAX ||
      kgb_grow(&tr->w, &tr->cap_w, need, sizeof *tr->w) ||
      kgb_grow(&tr->u, &tr->cap_u, need, sizeof *tr->u) ||
      kgb_grow(&tr->row_key, &tr->cap_rk, tr->n_rows + 1,
               sizeof *tr->row_key) ||
      kgb_rowtab_put(&tr->tab, key, (uint32_t)tr->n_rows))
    return -1;
  tr->row_key[tr->n_rows] = key;
  memset(tr->w + tr->n_rows * tr->n_tags, 0, tr->n_tags * sizeof *tr->w);
  memset(tr->u + tr->n_rows * tr->n_tags, 0, tr->n_tags * sizeof *tr->u);
  return (long)tr->n_rows++;
}

/* Scores of sentence S's tokens under the current weights into EMIT. */
static void trainer_scores(const kgb_trainer *tr, size_t s, int64_t *emit)
{
  size_t first = tr->sent_start[s], n = tr->sent_start[s + 1] - first;

  memset(emit, 0, n * tr->n_tags * sizeof *emit);
  for (size_t i = 0; i < n; i++)
    for (size_t f = tr->tok_start[first + i];
         f < tr->tok_start[first + i + 1]; f++) {
      long row = kgb_rowtab_get(&tr->tab, tr->feats[f]);
      if (row < 0)
        continue;
      for (size_t t = 0; t < tr->n_tags; t++)
        emit[i * tr->n_tags + t] += tr->w[(size_t)row * tr->n_tags + t];
    }
}

static void bump(int32_t *w, int64_t *u, int64_t c, int d)
{
  *w += d;
  *u += c * d;
}

/* Reward the gold tags and penalise the predicted ones of sentence S
 * where they differ. */
static int trainer_update(kgb_trainer *tr, size_t s, const int *pred)
{
  size_t first = tr->sent_start[s], n = tr->sent_start[s + 1] - first;
  size_t T = tr->n_tags;
  const int *gold = tr->gold + first;

  for (size_t i = 0; i < n; i++) {
    int gp = i ? gold[i - 1] : -1, pp = i ? pred[i - 1] : -1;
    if (gold[i] == pred[i] && gp == pp)
      continue;
    bump(&tr->tw[(size_t)(gp + 1) * T + (size_t)gold[i]],
         &tr->tu[(size_t)(gp + 1) * T + (size_t)gold[i]], tr->c, 1);
    bump(&tr->tw[(size_t)(pp + 1) * T + (size_t)pred[i]],
         &tr->tu[(size_t)(pp + 1) * T + (size_t)pred[i]], tr->c, -1);
    if (gold[i] == pred[i])
      continue;
    for (size_t f = tr->tok_start[first + i];
         f < tr->tok_start[first + i + 1]; f++) {
      long row = trainer_row(tr, tr->feats[f]);
      if (row < 0)
        return KGB_ENOMEM;
      size_t base = (size_t)row * T;
      bump(&tr->w[base + (size_t)gold[i]], &tr->u[base + (size_t)gold[i]],
           tr->c, 1);
      bump(&tr->w[base + (size_t)pred[i]], &tr->u[base + (size_t)pred[i]],
           tr->c, -1);
    }
  }
  return KGB_OK;
}

/* splitmix64: a small PRNG whose stream depends on the seed alone. */
static uint64_t next_random(uint64_t *state)
{
  uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

static void shuffle(size_t *order, size_t n, uint64_t *state)
{
  for (size_t i = n; i > 1; i--) {
    size_t j = (size_t)(next_random(state) % i), tmp = order[i - 1];
    order[i - 1] = order[j];
    order[j] = tmp;
  }
}

void kgb_train_opts_init(kgb_train_opts *opts)
{
  opts->epochs = 10;
  opts->seed = 1;
  opts->prune = 0.01;
  opts->decoder = KGB_DECODE_VITERBI;
  opts->on_epoch = NULL;
  opts->data = NULL;
}

static int train_epochs(kgb_trainer *tr, const kgb_train_opts *opts)
{
  size_t longest = 0, T = tr->n_tags, n_trans = (T + 1) * T;
  size_t *order = kgb_malloc(tr->n_sents * sizeof *order);
  int64_t *trans = kgb_malloc(n_trans * sizeof *trans), *emit, *work;
  int *pred;
  uint64_t state = opts->seed;
  int rc = KGB_OK;

  for (size_t s = 0; s < tr->n_sents; s++) {
    size_t n = tr->sent_start[s + 1] - tr->sent_start[s];
    longest = n > longest ? n : longest;
    if (order)
      order[s] = s;
  }
  emit = kgb_malloc(longest * T * sizeof *emit);
  work = kgb_malloc(2 * longest * T * sizeof *work);
  pred = kgb_malloc(longest * sizeof *pred);
  if (!order || !trans || !emit || !work || !pred)
    rc = KGB_ENOMEM;
  tr->c = 1;
  for (unsigned e = 0; e < opts->epochs && rc == KGB_OK; e++) {
    size_t right = 0;
    shuffle(order, tr->n_sents, &state);
    for (size_t k = 0; k < tr->n_sents && rc == KGB_OK; k++, tr->c++) {
      size_t s = order[k], n = tr->sent_start[s + 1] - tr->sent_start[s];
      for (size_t i = 0; i < n_trans; i++)
        trans[i] = tr->tw[i];
      trainer_scores(tr, s, emit);
      kgb_decode(opts->decoder, tr->set->plain, emit, trans, n, T, work, pred);
      for (size_t i = 0; i < n; i++)
        right += pred[i] == tr->gold[tr->sent_start[s] + i];
      rc = trainer_update(tr, s, pred);
    }
    if (rc == KGB_OK && opts->on_epoch)
      rc = opts->on_epoch(opts->data, tr, e + 1,
                          (double)right / (double)tr->n_tok);
  }
  kgb_free(order);
  kgb_free(trans);
  kgb_free(emit);
  kgb_free(work);
  kgb_free(pred);
  return rc;
}

static double average(const kgb_trainer *tr, int32_t w, int64_t u)
{
  return (double)w - (double)u / (double)tr->c;
}

static int16_t quantise(double v, double scale)
{
  return (int16_t)lround(v / scale);
}

/* Sort rows by their feature hash: the model bytes then depend on the
 * set of features, not on the order training met them. */
static int cmp_key(const void *a, const void *b)
{
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return (x > y) - (x < y);
}

/* The model of the averaged weights: those under OPTS->prune dropped,
 * the rest quantised to int16 with one scale. */
static int trainer_model(kgb_trainer *tr, const kgb_train_opts *opts,
                         kgb_tagger **out)
{
  size_t T = tr->n_tags, kept = 0, n_trans = (T + 1) * T;
  double top = 0;
  uint64_t *keys = kgb_malloc((tr->n_rows + 1) * sizeof *keys);
  kgb_tagger *m = NULL;
  int rc;

  if (!keys)
    return KGB_ENOMEM;
  for (size_t i = 0; i < n_trans; i++)
    top = fmax(top, fabs(average(tr, tr->tw[i], tr->tu[i])));
  for (size_t r = 0; r < tr->n_rows; r++) {
    int any = 0;
    for (size_t t = 0; t < T; t++) {
      double a = fabs(average(tr, tr->w[r * T + t], tr->u[r * T + t]));
      if (a >= opts->prune && a > 0) {
        any = 1;
        top = fmax(top, a);
      }
    }
    if (any)
      keys[kept++] = tr->row_key[r];
  }
  qsort(keys, kept, sizeof *keys, cmp_key);
  rc = kgb_tagger_alloc(tr->set, kept, &m);
  if (rc == KGB_OK) {
    m->decoder = opts->decoder;
    m->scale = top > 0 ? top / INT16_MAX : 1.0;
    for (size_t i = 0; i < n_trans; i++)
      m->trans[i] = quantise(average(tr, tr->tw[i], tr->tu[i]), m->scale);
    for (size_t k = 0; k < kept; k++) {
      size_t r = (size_t)kgb_rowtab_get(&tr->tab, keys[k]);
      m->keys[k] = keys[k];
      for (size_t t = 0; t < T; t++) {
        double a = average(tr, tr->w[r * T + t], tr->u[r * T + t]);
        m->weights[k * T + t] =
            fabs(a) < opts->prune ? 0 : quantise(a, m->scale);
      }
    }
    rc = kgb_tagger_index(m);
  }
  kgb_free(keys);
  if (rc != KGB_OK)
    kgb_tagger_free(m);
  else
    *out = m;
  return rc;
}

int kgb_trainer_snapshot(kgb_trainer *tr, const kgb_train_opts *opts,
                         kgb_tagger **out)
{
  *out = NULL;
  return trainer_model(tr, opts, out);
}

int kgb_trainer_run(kgb_trainer *tr, const kgb_train_opts *opts,
                    kgb_tagger **out)
{
  int rc;

  *out = NULL;
  if (tr->n_sents == 0 || opts->epochs == 0 || !(opts->prune >= 0))
    return kgb_report(tr->world, KGB_EINVAL, "tagger: %s",
                      tr->n_sents == 0 ? "no training sentences"
                      : opts->epochs == 0 ? "the number of epochs is 0"
                                          : "the pruning threshold is "
                                            "negative");
  rc = train_epochs(tr, opts);
  if (rc == KGB_OK)
    rc = trainer_model(tr, opts, out);
  if (rc == KGB_ENOMEM)
    return kgb_report(tr->world, rc, "tagger: out of memory in training");
  return rc;
}
