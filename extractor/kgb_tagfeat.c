/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_tagfeat.c - gazetteer, cluster and document-history features.
 *
 * Training files and running text reach the taggers the same way, as an
 * array of words, so that a model sees at run time exactly the features
 * it was trained on. */
#include "kgb_tagfeat.h"

#include <stdio.h>
#include <string.h>

#include <stdlib.h>

#include "kgb_alloc.h"
#include "kgb_datafile.h"
#include "kgb_lang.h"
#include "kgb_map.h"
#include "kgb_utf8.h"
#include "kgb_world_internal.h"

/* The gazetteers whose matches are features, and the letter naming each
 * in a feature string. */
static const struct {
  kgb_lex_type type;
  char letter;
} gazetteers[] = {
  {KGB_LEX_PLACE, 'P'},     {KGB_LEX_COMPANY, 'C'},
  {KGB_LEX_FIRSTNAME, 'F'}, {KGB_LEX_TITLE, 'T'},
  {KGB_LEX_LEGAL, 'L'},     {KGB_LEX_DEMONYM, 'D'},
  {KGB_LEX_STOPWORD, 'S'},
};
#define N_GAZ (sizeof gazetteers / sizeof *gazetteers)

struct kgb_tagfeat {
  const kgb_lexicon *lex;   /* borrowed */
  const kgb_map *clusters;  /* borrowed: folded word -> coarse << 16 | fine */
  kgb_map history;          /* folded word -> 1 + entity type */
  const kgb_tagset *history_set;   /* borrowed: the types HISTORY names */
  /* The sentence under way: tokens [OFF, OFF + N) of CUR, which is TOKS
   * for a sentence given as words, or a document's tokens. */
  const kgb_tokens *cur;
  size_t off, n;
  char **folds;             /* borrowed from CUR: N folded forms */
  size_t folds_cap;
  int *cl;                  /* N clusters, see find_clusters */
  size_t cl_cap;
  kgb_tokens toks;
  char *text;
  size_t text_cap;
  unsigned char *gaz;       /* N_GAZ a token: 0, or 1 + BILOU kind */
  size_t gaz_cap;
};

static int cluster_record(void *ctx, char **f, size_t n)
{
  kgb_map *clusters = ctx;
  char *end1, *end2;
  unsigned long coarse = strtoul(f[1], &end1, 10);
  unsigned long fine = strtoul(f[2], &end2, 10);
  char *fold;
  int rc = KGB_OK;

  (void)n;
  if (!*f[1] || !*f[2] || *end1 || *end2 || coarse > 0x7FFF || fine > 0xFFFF)
    return KGB_EPARSE;
  if (!(fold = kgb_utf8_fold(f[0], strlen(f[0]))))
    return KGB_ENOMEM;
  /* Words that fold alike keep the first one's clusters. */
  if (kgb_map_get(clusters, fold, strlen(fold)) < 0)
    rc = kgb_map_put(clusters, fold, strlen(fold),
                     (int)(coarse << 16 | fine));
  kgb_free(fold);
  return rc;
}

int kgb_clusters_load(kgb_world *world, const char *dir, kgb_lang lang,
                      kgb_map *clusters)
{
  char path[4096];
  int rc;

  if ((size_t)snprintf(path, sizeof path, "%s/%s/clusters.tsv", dir,
                       kgb_lang_code(lang)) >= sizeof path)
    return kgb_report(world, KGB_EINVAL, "%s: the data path is too long",
                      dir);
  rc = kgb_datafile_read(world, path, 3, 3, 1, cluster_record, clusters);
  if (rc == KGB_EPARSE)
    rc = kgb_report(world, rc, "%s: a line is not WORD<TAB>COARSE<TAB>FINE "
                    "with ids under 32768 and 65536", path);
  return rc;
}

int kgb_tagfeat_new(const kgb_lexicon *lex, const kgb_map *clusters,
                    kgb_tagfeat **out)
{
  kgb_tagfeat *tf = kgb_calloc(1, sizeof *tf);

  *out = tf;
  if (!tf)
    return KGB_ENOMEM;
  tf->lex = lex;
  tf->clusters = clusters;
  kgb_map_init(&tf->history);
  kgb_tokens_init(&tf->toks);
  return KGB_OK;
}

void kgb_tagfeat_free(kgb_tagfeat *tf)
{
  if (!tf)
    return;
  kgb_map_release(&tf->history);
  kgb_tokens_release(&tf->toks);
  kgb_free(tf->text);
  kgb_free(tf->folds);
  kgb_free(tf->cl);
  kgb_free(tf->gaz);
  kgb_free(tf);
}

void kgb_tagfeat_new_document(kgb_tagfeat *tf)
{
  kgb_map_release(&tf->history);
  kgb_map_init(&tf->history);
}

/* TF's tokens for WORDS, one token a word, and their text joined by
 * spaces, so that the lexicon reads them as it reads a document. */
static int tokens_of(kgb_tagfeat *tf, const char *const *words, size_t n)
{
  size_t len = 0;

  for (size_t i = 0; i < n; i++)
    len += strlen(words[i]) + 1;
  if (kgb_grow(&tf->text, &tf->text_cap, len + 1, 1))
    return KGB_ENOMEM;
  len = 0;
  for (size_t i = 0; i < n; i++) {
    size_t w = strlen(words[i]);
    memcpy(tf->text + len, words[i], w);
    len += w;
    tf->text[len++] = ' ';
  }
  tf->text[len] = '\0';
  kgb_tokens_release(&tf->toks);
  kgb_tokens_init(&tf->toks);
  tf->cur = &tf->toks;
  tf->off = 0;
  tf->n = n;
  return kgb_tokens_from_words(tf->text, words, n, &tf->toks);
}

/* Token I of the sentence under way. */
static const kgb_token *tok(const kgb_tagfeat *tf, size_t i)
{
  return &tf->cur->v[tf->off + i];
}

static const char *fold_of(const kgb_tagfeat *tf, size_t i)
{
  return kgb_tok_fold(tf->cur, tf->off + i);
}

/* TF->folds: the folded forms of the sentence's tokens, which the word
 * features read too (so they are folded once). */
static int gather_folds(kgb_tagfeat *tf)
{
  if (kgb_grow(&tf->folds, &tf->folds_cap, tf->n + 1, sizeof *tf->folds))
    return KGB_ENOMEM;
  for (size_t i = 0; i < tf->n; i++)
    tf->folds[i] = (char *)fold_of(tf, i);
  return KGB_OK;
}

/* Mark each token's place in the longest match of each gazetteer that
 * covers it (the leftmost when two overlap). */
static int mark_gazetteers(kgb_tagfeat *tf, size_t n)
{
  if (kgb_grow(&tf->gaz, &tf->gaz_cap, n * N_GAZ + 1, 1))
    return KGB_ENOMEM;
  memset(tf->gaz, 0, n * N_GAZ);
  for (size_t g = 0; g < N_GAZ; g++)
    for (size_t i = 0; i < n; i++) {
      size_t len = kgb_lexicon_longest(tf->lex, tf->cur, tf->off + i, n - i,
                                       gazetteers[g].type, NULL);
      for (size_t k = i; k < i + len; k++) {
        unsigned char *mark = &tf->gaz[k * N_GAZ + g];
        if (*mark)
          continue;
        *mark = (unsigned char)(1 + (len == 1 ? KGB_BILOU_U
                                     : k == i ? KGB_BILOU_B
                                     : k + 1 == i + len ? KGB_BILOU_L
                                     : KGB_BILOU_I));
      }
      i += len ? len - 1 : 0;
    }
  return KGB_OK;
}

static int add_gazetteer_features(kgb_tagfeat *tf, size_t i, size_t n,
                                  kgb_featseq *seq)
{
  static const char kinds[] = "BILU";
  int rc = KGB_OK;

  for (size_t g = 0; g < N_GAZ && rc == KGB_OK; g++) {
    char v[4] = {gazetteers[g].letter, 0, 0, 0};
    unsigned char mark = tf->gaz[i * N_GAZ + g];
    if (mark) {
      v[1] = kinds[mark - 1];
      rc = kgb_featseq_add(seq, "gaz", v, 2);
    }
    /* The neighbours' memberships, without their place in the match. */
    if (rc == KGB_OK && i > 0 && tf->gaz[(i - 1) * N_GAZ + g])
      rc = kgb_featseq_add(seq, "gaz-1", v, 1);
    if (rc == KGB_OK && i + 1 < n && tf->gaz[(i + 1) * N_GAZ + g])
      rc = kgb_featseq_add(seq, "gaz+1", v, 1);
  }
  return rc;
}

/* The decimal digits of V into BUF (room for 11); their count. */
static size_t decimal(unsigned v, char *buf)
{
  char tmp[12];
  size_t n = 0, k = 0;

  do
    tmp[n++] = (char)('0' + v % 10);
  while ((v /= 10) > 0);
  while (n > 0)
    buf[k++] = tmp[--n];
  return k;
}

/* TF->cl: each token's clusters (-1: none), looked up once a sentence. */
static int find_clusters(kgb_tagfeat *tf)
{
  if (kgb_grow(&tf->cl, &tf->cl_cap, tf->n + 1, sizeof *tf->cl))
    return KGB_ENOMEM;
  for (size_t i = 0; i < tf->n; i++) {
    const char *fold = fold_of(tf, i);
    tf->cl[i] = tf->clusters->count
                    ? kgb_map_get(tf->clusters, fold, strlen(fold)) : -1;
  }
  return KGB_OK;
}

/* The clusters of the word at I + D (D from -1 to 1) as token I's. */
static int add_cluster_features(kgb_tagfeat *tf, size_t i, int d,
                                kgb_featseq *seq)
{
  static const char *const coarse[] = {"kc-1", "kc+0", "kc+1"};
  static const char *const fine[] = {"kf-1", "kf+0", "kf+1"};
  char v[12];
  int c, rc;

  if (d < -1 || d > 1 || (c = tf->cl[(long)i + d]) < 0)
    return KGB_OK;
  rc = kgb_featseq_add(seq, coarse[d + 1], v, decimal((unsigned)c >> 16, v));
  if (rc == KGB_OK)
    rc = kgb_featseq_add(seq, fine[d + 1], v, decimal(c & 0xFFFF, v));
  return rc;
}

/* What the word was tagged earlier in the document: the type of the
 * last entity it was part of. */
static int add_history_feature(kgb_tagfeat *tf, size_t i, kgb_featseq *seq)
{
  const char *fold = fold_of(tf, i), *type;
  int t;

  if (!tf->history_set ||
      (t = kgb_map_get(&tf->history, fold, strlen(fold))) <= 0)
    return KGB_OK;
  type = kgb_tagset_as_type(tf->history_set, (size_t)(t - 1));
  return kgb_featseq_add(seq, "hist", type, strlen(type));
}

static int token_extra(void *data, size_t i, int d, kgb_featseq *seq)
{
  kgb_tagfeat *tf = data;
  int rc;

  if (d != KGB_FEAT_CONTEXT)
    return add_cluster_features(tf, i, d, seq);
  rc = add_gazetteer_features(tf, i, tf->n, seq);
  if (rc == KGB_OK)
    rc = add_history_feature(tf, i, seq);
  return rc;
}

/* The features of the sentence under way, whose words are WORDS. */
static int sentence_features(kgb_tagfeat *tf, const char *const *words,
                             kgb_featseq *seq)
{
  int rc = gather_folds(tf);

  if (rc == KGB_OK)
    rc = find_clusters(tf);
  if (rc == KGB_OK)
    rc = mark_gazetteers(tf, tf->n);
  if (rc == KGB_OK)
    rc = kgb_tagger_word_features_with(words, (const char *const *)tf->folds,
                                       tf->n, token_extra, tf, seq);
  return rc;
}

int kgb_tagfeat_sentence(kgb_tagfeat *tf, const char *const *words, size_t n,
                         kgb_featseq *seq)
{
  int rc = tokens_of(tf, words, n);

  return rc == KGB_OK ? sentence_features(tf, words, seq) : rc;
}

int kgb_tagfeat_tokens(kgb_tagfeat *tf, const kgb_tokens *toks, size_t first,
                       size_t n, const char *const *words, kgb_featseq *seq)
{
  tf->cur = toks;
  tf->off = first;
  tf->n = n;
  return sentence_features(tf, words, seq);
}

int kgb_tagfeat_tagged(kgb_tagfeat *tf, const char *const *words, size_t n,
                       const kgb_tagset *set, const int *tags)
{
  int rc = KGB_OK;

  (void)words;
  if (kgb_tagset_is_plain(set))
    return KGB_OK;
  tf->history_set = set;
  for (size_t i = 0; i < n && i < tf->n && rc == KGB_OK; i++) {
    const char *fold = fold_of(tf, i);
    /* Only capitalised words: "the" inside a name says nothing of "the"
     * elsewhere. */
    if (tags[i] > 0 && (tok(tf, i)->flags & KGB_TF_CAP))
      rc = kgb_map_put(&tf->history, fold, strlen(fold),
                       1 + (tags[i] - 1) / 4);
  }
  return rc;
}

static int fz_features(void *data, const char *const *words, size_t n,
                       kgb_featseq *seq)
{
  return kgb_tagfeat_sentence(data, words, n, seq);
}

static void fz_new_document(void *data) { kgb_tagfeat_new_document(data); }

static int fz_tagged(void *data, const char *const *words, size_t n,
                     const kgb_tagset *set, const int *tags)
{
  return kgb_tagfeat_tagged(data, words, n, set, tags);
}

void kgb_tagfeat_featurizer(kgb_tagfeat *tf, kgb_featurizer *out)
{
  out->data = tf;
  out->features = fz_features;
  out->new_document = fz_new_document;
  out->tagged = fz_tagged;
}
