/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_pairs.c - a pair of mentions of one sentence as the features of a
 * one-token sequence, which a plain tag set model classifies
 * (kgb_tagger_classify): a relation classifier on the tagger's
 * perceptron. */
#include <stdio.h>
#include <string.h>

#include "kgb_alloc.h"
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

/* Add the feature PREFIX NAME=VALUE. */
static int add(kgb_featseq *seq, const char *prefix, const char *name,
               const char *value)
{
  char key[96];

  if ((size_t)snprintf(key, sizeof key, "%s%s", prefix, name) >= sizeof key)
    return KGB_EINVAL;
  return kgb_featseq_add(seq, key, value, strlen(value));
}

/* Two words joined by a space, as one feature value. */
static int add_two(kgb_featseq *seq, const char *prefix, const char *name,
                   const char *a, const char *b)
{
  char value[160];

  if ((size_t)snprintf(value, sizeof value, "%s %s", a, b) >= sizeof value)
    return KGB_OK;   /* two very long words: no feature, nothing lost */
  return add(seq, prefix, name, value);
}

/* The words between the mentions L and R (L ends before R starts). */
static int between_features(const char *const *folded, size_t l_end,
                            size_t r_first, const char *pre,
                            kgb_featseq *seq)
{
  size_t gap = r_first - l_end;
  char all[256];
  size_t used = 0;
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
  /* The whole gap, when it is short: "of", ", a unit of", "-based". */
  for (size_t i = l_end; gap <= 4 && i < r_first; i++) {
    int w = snprintf(all + used, sizeof all - used, "%s%s",
                     i > l_end ? " " : "", folded[i]);
    if (w < 0 || (size_t)w >= sizeof all - used) {
      gap = 5;
      break;
    }
    used += (size_t)w;
  }
  if (rc == KGB_OK && gap <= 4)
    rc = add(seq, pre, "bs", used ? all : "\x01");
  return rc;
}

int kgb_pair_features(const char *const *folded, size_t n,
                      const kgb_pair *p, kgb_featseq *seq)
{
  int s_first = p->s_first < p->o_first;
  size_t l_first = s_first ? p->s_first : p->o_first;
  size_t l_end = s_first ? p->s_end : p->o_end;
  size_t r_first = s_first ? p->o_first : p->s_first;
  size_t r_end = s_first ? p->o_end : p->s_end;
  char pre[48];
  int rc;

  if (p->s_end <= p->s_first || p->o_end <= p->o_first || p->s_end > n ||
      p->o_end > n || l_end > r_first)
    return KGB_EINVAL;
  if ((size_t)snprintf(pre, sizeof pre, "%s%c%s|", p->s_type,
                       s_first ? '<' : '>', p->o_type) >= sizeof pre)
    return KGB_EINVAL;
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
