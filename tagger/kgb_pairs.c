/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_pairs.c - a pair of mentions of one sentence as the features of a
 * one-token sequence, which a plain tag set model classifies
 * (kgb_tagger_classify): a relation classifier on the tagger's
 * perceptron. */
#include <stdio.h>
#include <string.h>

#include "kgb_alloc.h"
#include "kgb_map.h"
#include "kgb_tagger.h"

/* Gaps of words between the two mentions, in a few bands: a relation
 * stated next to both names is not one stated a clause away. */
static const char *gap_band(size_t gap)
{
  static const char *const bands[] = {"0", "1", "2", "3", "4"};

  if (gap < 5)
    return bands[gap];
  return gap < 8 ? "5-7" : gap < 13 ? "8-12" : "13+";
}

/* The longest joined pair of words ("bb") and whole gap ("bs") kept as
 * a feature, as the buffers they were once written into allowed. */
#define MAX_TWO 160
#define MAX_GAP_TEXT 256

/* A feature's hash is kgb_feature_hash of PREFIX NAME and VALUE.
 * FNV-1a reads bytes in turn, so hashing the pieces one after another
 * (kgb_feature_named) gives the same number as hashing the joined
 * strings, without building them: a pair has some thirty features, and
 * a sentence of names many pairs. */
static uint64_t hash_str(uint64_t h, const char *s)
{
  return kgb_map_hash_more(h, s, strlen(s));
}

/* Add the feature PREFIX NAME=VALUE. */
static int add(kgb_featseq *seq, uint64_t pre, const char *name,
               const char *value)
{
  return kgb_featseq_add_hash(seq,
                              hash_str(kgb_feature_named(pre, name), value));
}

/* Two words joined by a space, as one feature value. */
static int add_two(kgb_featseq *seq, uint64_t pre, const char *name,
                   const char *a, const char *b)
{
  if (strlen(a) + 1 + strlen(b) >= MAX_TWO)
    return KGB_OK;   /* two very long words: no feature, nothing lost */
  uint64_t h = hash_str(kgb_feature_named(pre, name), a);

  return kgb_featseq_add_hash(seq, hash_str(kgb_map_hash_more(h, " ", 1), b));
}

/* The words between the mentions L and R (L ends before R starts). */
static int between_features(const char *const *folded, size_t l_end,
                            size_t r_first, uint64_t pre, kgb_featseq *seq)
{
  size_t gap = r_first - l_end, used = 0;
  int rc = add(seq, pre, "gap", gap_band(gap));

  for (size_t i = l_end; i < r_first && rc == KGB_OK; i++) {
    rc = add(seq, pre, "bw", folded[i]);
    if (rc == KGB_OK && i + 1 < r_first)
      rc = add_two(seq, pre, "bb", folded[i], folded[i + 1]);
  }
  if (rc == KGB_OK && gap > 0) {
    rc = add(seq, pre, "bf", folded[l_end]);
    if (rc == KGB_OK)
      rc = add(seq, pre, "bl", folded[r_first - 1]);
  }
  if (rc != KGB_OK || gap > 4)
    return rc;
  /* The whole gap, when it is short: "of", ", a unit of", "-based";
   * words joined by spaces, and no feature past MAX_GAP_TEXT bytes. */
  uint64_t h = kgb_feature_named(pre, "bs");
  if (gap == 0)
    return kgb_featseq_add_hash(seq, kgb_map_hash_more(h, "\x01", 1));
  for (size_t i = l_end; i < r_first; i++) {
    used += (i > l_end) + strlen(folded[i]);
    if (used >= MAX_GAP_TEXT)
      return KGB_OK;
    if (i > l_end)
      h = kgb_map_hash_more(h, " ", 1);
    h = hash_str(h, folded[i]);
  }
  return kgb_featseq_add_hash(seq, h);
}

int kgb_pair_features(const char *const *folded, size_t n,
                      const kgb_pair *p, kgb_featseq *seq)
{
  int s_first = p->s_first < p->o_first;
  size_t l_first = s_first ? p->s_first : p->o_first;
  size_t l_end = s_first ? p->s_end : p->o_end;
  size_t r_first = s_first ? p->o_first : p->s_first;
  size_t r_end = s_first ? p->o_end : p->s_end;
  char prefix[48];
  uint64_t pre;
  int rc;

  if (p->s_end <= p->s_first || p->o_end <= p->o_first || p->s_end > n ||
      p->o_end > n || l_end > r_first)
    return KGB_EINVAL;
  if ((size_t)snprintf(prefix, sizeof prefix, "%s%c%s|", p->s_type,
                       s_first ? '<' : '>', p->o_type) >= sizeof prefix)
    return KGB_EINVAL;
  pre = hash_str(KGB_MAP_HASH_INIT, prefix);
  if ((rc = kgb_featseq_next_token(seq)) != KGB_OK)
    return rc;
  rc = add(seq, pre, "bias", "");
  if (rc == KGB_OK)
    rc = between_features(folded, l_end, r_first, pre, seq);
  if (rc == KGB_OK)
    rc = add(seq, pre, "l-1", l_first > 0 ? folded[l_first - 1] : "\x02");
  if (rc == KGB_OK && l_first > 0)
    rc = add_two(seq, pre, "l-2", l_first > 1 ? folded[l_first - 2] : "\x02",
                 folded[l_first - 1]);
  if (rc == KGB_OK)
    rc = add(seq, pre, "r+1", r_end < n ? folded[r_end] : "\x03");
  /* Other names between: "X of Sweden, Y of France" pairs X with
   * Sweden, not with France. */
  if (rc == KGB_OK)
    rc = add(seq, pre, "mb", strlen(p->between) < 40 ? p->between : "many");
  /* The place's own last word: some names are nearly always countries,
   * regions or cities, which places hold. */
  if (rc == KGB_OK)
    rc = add(seq, pre, "oh", folded[p->o_end - 1]);
  return rc;
}
