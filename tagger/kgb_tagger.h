/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_tagger.h - a sequence tagger: an averaged perceptron over hashed
 * features with BILOU tags, decoded greedily or by Viterbi.
 *
 * The tagger knows no RDF and no language: callers hand it, for each
 * token, a list of feature hashes (kgb_featseq), and get back one tag
 * index a token.  kgb_tagger_word_features is a generic feature set over
 * the tokens' strings that holds no word of any language.  See
 * tagger/README.md for the model file layout. */
#ifndef KGB_TAGGER_H
#define KGB_TAGGER_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "kgbuild.h"

/* --- tag sets: O plus B-, I-, L-, U- for each entity type ------------- */

typedef struct kgb_tagset kgb_tagset;

/* Entity types, or plain classes, a tag set holds at most. */
#define KGB_TAGSET_MAX_TYPES 64

enum { KGB_BILOU_B = 0, KGB_BILOU_I, KGB_BILOU_L, KGB_BILOU_U };

/* A tag set of the N TYPES (copied; each 1..64 bytes, no '-' needed but
 * no NUL, no duplicates); KGB_EINVAL when a name is unfit. */
int kgb_tagset_new(const char *const *types, size_t n, kgb_tagset **out);
/* A plain tag set: the N CLASSES (named as above) are the tags, in that
 * order, with no O and every sequence allowed (parts of speech). */
int kgb_tagset_new_plain(const char *const *classes, size_t n,
                         kgb_tagset **out);
void kgb_tagset_free(kgb_tagset *set);
int kgb_tagset_is_plain(const kgb_tagset *set);
/* Entity types, or for a plain set its classes. */
size_t kgb_tagset_types(const kgb_tagset *set);
/* 1 + 4 * types, or for a plain set its classes. */
size_t kgb_tagset_tags(const kgb_tagset *set);
const char *kgb_tagset_as_type(const kgb_tagset *set, size_t type);
/* The index of the type (or class) NAME in SET, or -1. */
long kgb_tagset_find(const kgb_tagset *set, const char *name);
/* Tag index 0 is O; type T's tag of kind K (KGB_BILOU_*) is 1 + 4T + K. */
int kgb_tagset_tag(size_t type, int kind);
/* Write "O" or "B-PER" etc. (a plain set: the class) for TAG into BUF of
 * SIZE bytes. */
void kgb_tagset_tag_name(const kgb_tagset *set, int tag, char *buf,
                         size_t size);
/* Whether tag CUR may follow tag PREV (-1: the sentence start), and
 * whether TAG may end a sentence. */
int kgb_bilou_allowed(int prev, int cur);
int kgb_bilou_may_end(int tag);
/* Whether TAGS[0..N) is a valid BILOU sequence. */
int kgb_bilou_valid(const int *tags, size_t n);
/* Whether TAGS[0..N) is a valid sequence of SET's tags: in range, and
 * for a BILOU set valid BILOU. */
int kgb_tagset_valid(const kgb_tagset *set, const int *tags, size_t n);

/* --- spans and conversions --------------------------------------------- */

typedef struct {
  size_t first, end;   /* tokens [first, end) */
  size_t type;         /* index in the tag set */
} kgb_span;

/* TAGS[0..N_TOKENS) for SPANS (sorted, not overlapping, inside the
 * sentence); KGB_EINVAL otherwise. */
int kgb_bilou_from_spans(const kgb_span *spans, size_t n_spans,
                         size_t n_tokens, size_t n_types, int *tags);
/* The spans of a valid BILOU sequence TAGS[0..N) into SPANS (room for N);
 * returns how many. */
size_t kgb_bilou_to_spans(const int *tags, size_t n, kgb_span *spans);
/* BILOU tags for IOB labels ("O", "B-X", "I-X"), read the same way
 * whether IOB1 (B- only between two spans of one type) or IOB2 (B- at
 * every start): a span goes on while I- of its type follows.  KGB_EINVAL
 * for a label whose type is not in SET or that is malformed. */
int kgb_bilou_from_iob(const kgb_tagset *set, const char *const *labels,
                       size_t n, int *tags);

/* --- features ------------------------------------------------------------ */

typedef struct kgb_emitcache kgb_emitcache;
typedef struct kgb_tagger kgb_tagger;

/* Features of one token that depend on one word alone, under KEY (a
 * hash of that word and of what the group is): their summed weights may
 * be cached, since the same words come back in running text. */
typedef struct {
  size_t token;        /* the group's token */
  size_t first, end;   /* its features: feats[first..end) */
  uint64_t key;
  long cached;         /* >= 0: left out, the cache's entry holding their
                          sum; -1: present */
} kgb_featgroup;

/* The features of a sentence: hashes of feature strings, token by token. */
typedef struct {
  uint64_t *feats;     /* owned */
  size_t n_feats, cap_feats;
  size_t *start;       /* owned; token i has feats[start[i]..start[i+1]) */
  size_t n_tokens, cap_start;
  kgb_featgroup *groups;   /* owned */
  size_t n_groups, cap_groups;
  /* Borrowed, or NULL: groups whose key it holds get no features. */
  const kgb_emitcache *cache;
} kgb_featseq;

void kgb_featseq_init(kgb_featseq *seq);
void kgb_featseq_release(kgb_featseq *seq);
void kgb_featseq_clear(kgb_featseq *seq);
/* Begin the next token; the features added after belong to it. */
int kgb_featseq_next_token(kgb_featseq *seq);
/* Add the feature named NAME (then VALUE[0..LEN), if VALUE) to the
 * current token. */
int kgb_featseq_add(kgb_featseq *seq, const char *name, const char *value,
                    size_t len);
/* Add the feature whose kgb_feature_hash is HASH, made in pieces by the
 * caller (kgb_feature_named, then the value's bytes); 0 is stored as 1,
 * as kgb_feature_hash does. */
int kgb_featseq_add_hash(kgb_featseq *seq, uint64_t hash);

/* Open a group of the current token's features under KEY (never 0).
 * Returns 0 when SEQ's cache holds KEY: then add none of the group's
 * features; else 1: add them, then close the group with
 * kgb_featseq_end_group.  KGB_ENOMEM is negative. */
int kgb_featseq_begin_group(kgb_featseq *seq, uint64_t key);
void kgb_featseq_end_group(kgb_featseq *seq);

/* A cache of the summed weights of feature groups for MODEL (borrowed),
 * holding at most MAX_GROUPS of them (then it stops adding). */
int kgb_emitcache_new(const kgb_tagger *model, size_t max_groups,
                      kgb_emitcache **out);
void kgb_emitcache_free(kgb_emitcache *cache);
/* The entry of CACHE that holds the sum of the group KEY, or -1. */
long kgb_emitcache_find(const kgb_emitcache *cache, uint64_t key);

/* The hash of a feature string; never 0, which marks an empty slot. */
uint64_t kgb_feature_hash(const char *name, const char *value, size_t len);
/* Hash H (KGB_MAP_HASH_INIT, or that extended by a prefix) extended by
 * NAME and the separator before a value: kgb_feature_hash in pieces,
 * for callers that build names and values from parts. */
uint64_t kgb_feature_named(uint64_t h, const char *name);

/* Generic word features for the N tokens WORDS (NUL-terminated UTF-8):
 * the word and the folded words at -2..+2, shape, affixes of 1 to 4
 * characters, case and digit flags.  Appends N tokens to SEQ. */
int kgb_tagger_word_features(const char *const *words, size_t n,
                             kgb_featseq *seq);

/* Features a caller adds to token I of the sentence (SEQ's current
 * token): with D from -2 to 2, those that the word at I + D (inside the
 * sentence) brings and that depend on that word alone (its clusters);
 * with D == KGB_FEAT_CONTEXT, those of the token's place in the sentence
 * (gazetteer matches, what the document said before). */
#define KGB_FEAT_CONTEXT 100
typedef int (*kgb_token_features_fn)(void *data, size_t i, int d,
                                     kgb_featseq *seq);

/* kgb_tagger_word_features with the words' folded forms FOLDED[0..N)
 * given (the caller's folding), then EXTRA (if not NULL) for each
 * token. */
int kgb_tagger_word_features_with(const char *const *words,
                                  const char *const *folded, size_t n,
                                  kgb_token_features_fn extra, void *data,
                                  kgb_featseq *seq);

/* How a caller turns sentences into features, when the generic word
 * features are not all it wants (a language's gazetteers and clusters,
 * what earlier sentences of the document were tagged).  Sentences come
 * in document order; NULL members do nothing. */
typedef struct {
  void *data;
  /* The features of WORDS[0..N), appended to SEQ (which is empty). */
  int (*features)(void *data, const char *const *words, size_t n,
                  kgb_featseq *seq);
  /* A new document starts: forget what the sentences before said. */
  void (*new_document)(void *data);
  /* WORDS[0..N) were tagged TAGS of SET (gold in training, the model's
   * guess when tagging): remember it for the sentences after. */
  int (*tagged)(void *data, const char *const *words, size_t n,
                const kgb_tagset *set, const int *tags);
} kgb_featurizer;

/* --- training and tagging ---------------------------------------------- */

typedef enum { KGB_DECODE_GREEDY = 0, KGB_DECODE_VITERBI = 1 } kgb_decoder;

typedef struct kgb_trainer kgb_trainer;

typedef struct {
  unsigned epochs;       /* passes over the data, shuffled each time */
  uint64_t seed;         /* the shuffle's seed */
  double prune;          /* averaged weights smaller in size are dropped */
  kgb_decoder decoder;   /* used in training and kept in the model */
  /* Called after each epoch (from 1) with the share of training tokens
   * tagged right during it, or NULL; kgb_trainer_snapshot gives the
   * model so far.  A status other than KGB_OK stops the training. */
  int (*on_epoch)(void *data, kgb_trainer *tr, unsigned epoch,
                  double accuracy);
  void *data;
} kgb_train_opts;

/* Defaults: 10 epochs, seed 1, prune 0.01, Viterbi, no on_epoch. */
void kgb_train_opts_init(kgb_train_opts *opts);

/* A trainer for tags of SET (borrowed; it must outlive the trainer). */
int kgb_trainer_new(kgb_world *world, const kgb_tagset *set,
                    kgb_trainer **out);
void kgb_trainer_free(kgb_trainer *tr);
/* Add a sentence: SEQ's features (copied) and its GOLD tags, which must
 * be a valid sequence (kgb_tagset_valid) of SEQ->n_tokens tags. */
int kgb_trainer_add(kgb_trainer *tr, const kgb_featseq *seq,
                    const int *gold);
/* Train on the sentences added; *OUT is a new model, yours to free. */
int kgb_trainer_run(kgb_trainer *tr, const kgb_train_opts *opts,
                    kgb_tagger **out);
/* During kgb_trainer_run (from on_epoch): the model of the averaged
 * weights so far, yours to free. */
int kgb_trainer_snapshot(kgb_trainer *tr, const kgb_train_opts *opts,
                         kgb_tagger **out);

void kgb_tagger_free(kgb_tagger *tagger);
const kgb_tagset *kgb_tagger_as_tagset(const kgb_tagger *tagger);
/* Tag the tokens of SEQ into TAGS (room for SEQ->n_tokens); the result is
 * always a valid sequence of the model's tag set. */
int kgb_tagger_tag(const kgb_tagger *tagger, const kgb_featseq *seq,
                   int *tags);
/* The same with CACHE (made for TAGGER; NULL: none), which gives the
 * groups SEQ left out and learns the others: the tags are those of
 * kgb_tagger_tag on the whole features. */
int kgb_tagger_tag_cached(const kgb_tagger *tagger, kgb_emitcache *cache,
                          const kgb_featseq *seq, int *tags);

/* kgb_train (see kgbuild.h) with sentences turned into features by FZ
 * (borrowed; NULL: the generic word features). */
int kgb_train_files(kgb_world *world, const kgb_train_options *o,
                    const kgb_featurizer *fz, const char *const *files,
                    size_t n, FILE *out, const char *out_name);

/* --- pairs: a relation classifier ------------------------------------ */

/* Two mentions of one sentence: the subject's and the object's tokens
 * [first, end) and their types ("ORG", "PER", "LOC", "DEM"...: the
 * caller's names, which the features hold). */
typedef struct {
  size_t s_first, s_end, o_first, o_end;
  const char *s_type, *o_type;   /* borrowed */
  /* Borrowed: the types of the other mentions between the two, in
   * order, comma-separated ("ORG,LOC"), or "" for none. */
  const char *between;
} kgb_pair;

/* The features of pair P of the sentence whose N words, folded, are
 * FOLDED, as one new token of SEQ: the two types and their order, the
 * words between (each, pairs, first, last, all when few), the words
 * around, the object's last word, the mentions between.  KGB_EINVAL when a span is empty,
 * outside the sentence, or the two overlap. */
int kgb_pair_features(const char *const *folded, size_t n, const kgb_pair *p,
                      kgb_featseq *seq);
/* The class of the one token of SEQ under MODEL (a plain tag set), with
 * every class's score in SCORES (room for its classes); KGB_EINVAL
 * (negative) for a BILOU model or a sequence of other than one token. */
int kgb_tagger_classify(const kgb_tagger *model, const kgb_featseq *seq,
                        double *scores);
/* kgb_train for the task "pairs": FILES of pairs (see kgb_train_pairs.c
 * for the format), one class a pair. */
int kgb_train_pair_files(kgb_world *world, const kgb_train_options *o,
                         const char *const *files, size_t n, FILE *out,
                         const char *out_name);

/* --- model files ---------------------------------------------------------- */

/* The model's bytes, appended to *BYTES (a kgb_free'd buffer of *LEN). */
int kgb_tagger_to_bytes(const kgb_tagger *tagger, char **bytes, size_t *len);
int kgb_tagger_save(kgb_world *world, const kgb_tagger *tagger,
                    const char *path);
/* A model from LEN BYTES; NAME names them in messages.  KGB_EPARSE for
 * anything but a whole, undamaged model of this format version. */
int kgb_tagger_from_bytes(kgb_world *world, const char *name,
                          const void *bytes, size_t len, kgb_tagger **out);
int kgb_tagger_load(kgb_world *world, const char *path, kgb_tagger **out);

#endif
