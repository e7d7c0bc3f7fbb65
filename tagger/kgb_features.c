/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_features.c - feature lists of a sentence, their hashes, and a
 * generic feature set over the tokens' strings.
 *
 * Features are never stored as strings: a model keeps only the 64-bit
 * FNV-1a hash, so two different strings may share a weight row.  With
 * a few hundred thousand features the odds of any clash are about
 * 1 in 10^8, and a clash only blends two weights. */
#include <stdio.h>
#include <string.h>

#include "kgb_alloc.h"
#include "kgb_map.h"
#include "kgb_tagger_internal.h"
#include "kgb_utf8.h"

void kgb_featseq_init(kgb_featseq *seq) { memset(seq, 0, sizeof *seq); }

void kgb_featseq_release(kgb_featseq *seq)
{
  kgb_free(seq->feats);
  kgb_free(seq->start);
  kgb_free(seq->groups);
  kgb_featseq_init(seq);
}

void kgb_featseq_clear(kgb_featseq *seq)
{
  seq->n_feats = 0;
  seq->n_tokens = 0;
  seq->n_groups = 0;
}

int kgb_featseq_begin_group(kgb_featseq *seq, uint64_t key)
{
  kgb_featgroup *g;

  if (seq->n_tokens == 0)
    return KGB_EINVAL;
  if (kgb_grow(&seq->groups, &seq->cap_groups, seq->n_groups + 1,
               sizeof *seq->groups) != KGB_OK)
    return KGB_ENOMEM;
  g = &seq->groups[seq->n_groups++];
  g->token = seq->n_tokens - 1;
  g->first = g->end = seq->n_feats;
  g->key = key ? key : 1;
  g->cached = seq->cache ? kgb_emitcache_find(seq->cache, g->key) : -1;
  return g->cached < 0;
}

void kgb_featseq_end_group(kgb_featseq *seq)
{
  seq->groups[seq->n_groups - 1].end = seq->n_feats;
}

int kgb_featseq_next_token(kgb_featseq *seq)
{
  /* start[] always holds n_tokens + 1 entries once a token exists. */
  if (kgb_grow(&seq->start, &seq->cap_start, seq->n_tokens + 2,
               sizeof *seq->start) != KGB_OK)
    return KGB_ENOMEM;
  if (seq->n_tokens == 0)
    seq->start[0] = seq->n_feats;
  seq->n_tokens++;
  seq->start[seq->n_tokens] = seq->n_feats;
  return KGB_OK;
}

uint64_t kgb_feature_named(uint64_t h, const char *name)
{
  h = kgb_map_hash_more(h, name, strlen(name));
  /* A separator no name holds, so "ab"+"c" and "a"+"bc" differ. */
  return kgb_map_hash_more(h, "\x1f", 1);
}

uint64_t kgb_feature_hash(const char *name, const char *value, size_t len)
{
  uint64_t h;

  if (value)
    h = kgb_map_hash_more(kgb_feature_named(KGB_MAP_HASH_INIT, name), value,
                          len);
  else
    h = kgb_map_hash_more(KGB_MAP_HASH_INIT, name, strlen(name));
  return h ? h : 1;
}

int kgb_featseq_add_hash(kgb_featseq *seq, uint64_t hash)
{
  if (seq->n_tokens == 0)
    return KGB_EINVAL;
  if (seq->n_feats == seq->cap_feats &&
      kgb_grow(&seq->feats, &seq->cap_feats, seq->n_feats + 64,
               sizeof *seq->feats) != KGB_OK)
    return KGB_ENOMEM;
  seq->feats[seq->n_feats++] = hash ? hash : 1;
  seq->start[seq->n_tokens] = seq->n_feats;
  return KGB_OK;
}

int kgb_featseq_add(kgb_featseq *seq, const char *name, const char *value,
                    size_t len)
{
  return kgb_featseq_add_hash(seq, kgb_feature_hash(name, value, len));
}

/* The shape of WORD: X for an upper-case letter, x lower, d digit, the
 * character itself otherwise; SHORT collapses runs of one class. */
static void word_shape(const char *word, int shorter, char *buf, size_t size)
{
  size_t len = strlen(word), n = 0;

  for (size_t i = 0; i < len && n + 1 < size;) {
    int32_t cp;
    char c;
    i += kgb_utf8_next(word + i, len - i, &cp);
    if (kgb_utf8_is_upper(cp))
      c = 'X';
    else if (kgb_utf8_is_letter(cp))
      c = 'x';
    else if (kgb_utf8_is_digit(cp))
      c = 'd';
    else
      c = cp < 128 ? (char)cp : '?';
    if (!shorter || n == 0 || buf[n - 1] != c)
      buf[n++] = c;
  }
  buf[n] = '\0';
}

/* Bytes of the first (SUFFIX: last) K code points of WORD, which has CPS
 * of them; 0 when the word is not longer than K, since the whole word is
 * a feature already. */
static size_t affix_len(const char *word, size_t len, size_t cps, size_t k,
                        int suffix)
{
  size_t i = 0, count = 0;

  if (cps <= k)
    return 0;
  if (!suffix) {
    for (int32_t cp; count < k; count++)
      i += kgb_utf8_next(word + i, len - i, &cp);
    return i;
  }
  for (i = len; i > 0 && count < k;) {
    i--;
    if (((unsigned char)word[i] & 0xC0) != 0x80)
      count++;
  }
  return len - i;
}

static int add_flags(kgb_featseq *seq, const char *word)
{
  size_t len = strlen(word), upper = 0, letters = 0, digits = 0;
  int32_t first = 0;
  int rc = KGB_OK;

  for (size_t b = 0; b < len;) {
    int32_t cp;
    b += kgb_utf8_next(word + b, len - b, &cp);
    if (kgb_utf8_is_letter(cp)) {
      letters++;
      upper += kgb_utf8_is_upper(cp) != 0;
    }
    digits += kgb_utf8_is_digit(cp) != 0;
  }
  if (len)
    kgb_utf8_next(word, len, &first);
  if (kgb_utf8_is_upper(first))
    rc = kgb_featseq_add(seq, "initcap", NULL, 0);
  if (rc == KGB_OK && letters > 0 && upper == letters)
    rc = kgb_featseq_add(seq, "allcap", NULL, 0);
  if (rc == KGB_OK && digits > 0)
    rc = kgb_featseq_add(seq, digits == len ? "alldigit" : "hasdigit",
                         NULL, 0);
  if (rc == KGB_OK && strchr(word, '-'))
    rc = kgb_featseq_add(seq, "hyphen", NULL, 0);
  return rc;
}

/* The features of word W (folded FOLD) that depend on it alone: the
 * word, its shapes, affixes and flags. */
static int own_features(const char *w, const char *fold, kgb_featseq *seq)
{
  static const char *const pname[] = {"", "p1", "p2", "p3", "p4"};
  static const char *const sname[] = {"", "s1", "s2", "s3", "s4"};
  size_t len = strlen(w), cps = kgb_utf8_cp_count(w, len);
  char shape[32];
  int rc = kgb_featseq_add(seq, "w+0", w, len);

  if (rc == KGB_OK)
    rc = kgb_featseq_add(seq, "l+0", fold, strlen(fold));
  for (int shorter = 0; shorter <= 1 && rc == KGB_OK; shorter++) {
    word_shape(w, shorter, shape, sizeof shape);
    rc = kgb_featseq_add(seq, shorter ? "shape-" : "shape", shape,
                         strlen(shape));
  }
  for (size_t k = 1; k <= 4 && rc == KGB_OK; k++) {
    size_t p = affix_len(w, len, cps, k, 0), s = affix_len(w, len, cps, k, 1);
    if (p)
      rc = kgb_featseq_add(seq, pname[k], w, p);
    if (rc == KGB_OK && s)
      rc = kgb_featseq_add(seq, sname[k], w + len - s, s);
  }
  return rc == KGB_OK ? add_flags(seq, w) : rc;
}

static int is_capitalised(const char *w)
{
  int32_t cp = 0;

  kgb_utf8_next(w, strlen(w), &cp);
  return kgb_utf8_is_upper(cp);
}

/* A caller's features for token I: none, or EXTRA's for offset D. */
typedef struct {
  kgb_token_features_fn fn;
  void *data;
} extra_features;

static int add_extra(const extra_features *x, size_t i, int d,
                     kgb_featseq *seq)
{
  return x->fn ? x->fn(x->data, i, d, seq) : KGB_OK;
}

/* Token I's own group: its word's features and the caller's for it. */
static int own_group(const char *const *words, const char *const *folded,
                     size_t i, const extra_features *x, kgb_featseq *seq)
{
  const char *w = words[i];
  int rc = kgb_featseq_begin_group(seq, kgb_feature_hash("own", w,
                                                         strlen(w)));

  if (rc <= 0)
    return rc;   /* cached, or an error */
  rc = kgb_featseq_add(seq, "bias", NULL, 0);
  if (rc == KGB_OK)
    rc = own_features(w, folded[i], seq);
  if (rc == KGB_OK)
    rc = add_extra(x, i, 0, seq);
  if (rc == KGB_OK)
    kgb_featseq_end_group(seq);
  return rc;
}

/* What the word at I + D brings to token I, as a group keyed by that
 * word and D.  Beyond the sentence, markers no token can be (they hold
 * a control character) stand in for the words. */
static int neighbour_group(const char *const *folded, size_t n, size_t i,
                           int d, const extra_features *x, kgb_featseq *seq)
{
  static const char *const lname[] = {"l-2", "l-1", "l+0", "l+1", "l+2"};
  long j = (long)i + d;
  int inside = j >= 0 && j < (long)n;
  const char *fold = j < 0 ? "\x02" "bos" : j >= (long)n ? "\x03" "eos"
                                                        : folded[j];
  int rc = kgb_featseq_begin_group(seq, kgb_feature_hash(lname[d + 2], fold,
                                                         strlen(fold)));

  if (rc <= 0)
    return rc;
  rc = kgb_featseq_add(seq, lname[d + 2], fold, strlen(fold));
  if (rc == KGB_OK && inside)
    rc = add_extra(x, i, d, seq);
  if (rc == KGB_OK)
    kgb_featseq_end_group(seq);
  return rc;
}

/* The features of token I of WORDS[0..N), whose folded forms are FOLDED:
 * groups a cache may stand for (its own word's, each neighbour's), then
 * those of its place in the sentence. */
static int token_features(const char *const *words, const char *const *folded,
                          size_t n, size_t i, const extra_features *x,
                          kgb_featseq *seq)
{
  int rc = own_group(words, folded, i, x, seq);

  for (int d = -2; d <= 2 && rc == KGB_OK; d++)
    if (d != 0)
      rc = neighbour_group(folded, n, i, d, x, seq);
  if (rc == KGB_OK && i == 0)
    rc = kgb_featseq_add(seq, "first", NULL, 0);
  /* A capital says more inside a sentence than at its start. */
  if (rc == KGB_OK && is_capitalised(words[i]))
    rc = kgb_featseq_add(seq, i == 0 ? "cap-first" : "cap-inside", NULL, 0);
  if (rc == KGB_OK)
    rc = add_extra(x, i, KGB_FEAT_CONTEXT, seq);
  return rc;
}

int kgb_tagger_word_features(const char *const *words, size_t n,
                             kgb_featseq *seq)
{
  char **folded = n ? kgb_calloc(n, sizeof *folded) : NULL;
  int rc = KGB_OK;

  if (n && !folded)
    return KGB_ENOMEM;
  for (size_t i = 0; i < n && rc == KGB_OK; i++)
    if (!(folded[i] = kgb_utf8_fold(words[i], strlen(words[i]))))
      rc = KGB_ENOMEM;
  if (rc == KGB_OK)
    rc = kgb_tagger_word_features_with(words, (const char *const *)folded,
                                       n, NULL, NULL, seq);
  for (size_t i = 0; i < n; i++)
    kgb_free(folded[i]);
  kgb_free(folded);
  return rc;
}

int kgb_tagger_word_features_with(const char *const *words,
                                  const char *const *folded, size_t n,
                                  kgb_token_features_fn extra, void *data,
                                  kgb_featseq *seq)
{
  extra_features x = {extra, data};
  int rc = KGB_OK;

  for (size_t i = 0; i < n && rc == KGB_OK; i++) {
    rc = kgb_featseq_next_token(seq);
    if (rc == KGB_OK)
      rc = token_features(words, folded, n, i, &x, seq);
  }
  return rc;
}
