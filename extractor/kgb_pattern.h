/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_pattern.h - fact patterns kept as data, in the spirit of
 * TokensRegex: each line of <lang>/patterns.txt is a sequence of tests
 * on tokens and on the entity mentions of a sentence, with the fact kind
 * it makes and the part each captured mention plays.  The matcher knows
 * no language: every word it tests comes from the file.  The syntax is
 * described at the top of extractor/data/en/patterns.txt. */
#ifndef KGB_PATTERN_H
#define KGB_PATTERN_H

#include <stddef.h>

#include "kgb_fact.h"
#include "kgb_token.h"
#include "kgbuild.h"

typedef struct kgb_patterns kgb_patterns;

/* Read and compile PATH; errors name the file, the line and the cause. */
int kgb_patterns_load(kgb_world *world, const char *path, kgb_patterns **out);
void kgb_patterns_free(kgb_patterns *patterns);
size_t kgb_patterns_count(const kgb_patterns *patterns);

/* What the matcher sees of one sentence. */
typedef struct {
  const kgb_tokens *toks;
  size_t first, last;          /* the sentence's tokens [first, last) */
  const long *mention_at;      /* per token of the sentence (index minus
                                  FIRST): the mention starting there, or
                                  -1 */
  const kgb_mention *mentions; /* the document's, indexed by mention_at */
  const kgb_entity *entities;
} kgb_pattern_input;

#define KGB_PATTERN_MAX_LIST 8

/* One match: the mentions playing subject and object (several when the
 * pattern captures a list), or for a literal object its tokens. */
typedef struct {
  kgb_fact_kind kind;
  const char *name;            /* the pattern's name, owned by PATTERNS */
  double confidence;
  long subject[KGB_PATTERN_MAX_LIST], object[KGB_PATTERN_MAX_LIST];
  size_t n_subject, n_object;
  size_t literal_first, literal_last;  /* tokens, when the object is a
                                          literal or a word pointing back
                                          (empty otherwise) */
  size_t back_first, back_last;  /* tokens of a subject that is a word
                                    pointing back ("its"), or empty */
  size_t end;                  /* the token after the match */
  int subject_topic, object_topic;  /* the part is the organisation the
                                       text is about (TOPIC) */
} kgb_pattern_match;

/* Called for each match; a non-zero return stops the run and is
 * returned. */
typedef int (*kgb_pattern_fn)(void *ctx, const kgb_pattern_match *match);

/* Try every pattern at every token of the sentence, calling FN for the
 * first match of each pattern at each start. */
int kgb_patterns_run(const kgb_patterns *patterns,
                     const kgb_pattern_input *in, kgb_pattern_fn fn,
                     void *ctx);

#endif
