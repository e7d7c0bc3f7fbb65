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

/* The word sets the rules written in C read (from <lang>/words.txt):
 * X(ENUM, name).  A rule asks whether a word is in one; the words
 * themselves are data, so no English or French word stays in C. */
#define KGB_WORDSETS(X)                                                      \
  X(OF, "@of")                 /* before what a figure counts: "of" */     \
  X(SINCE, "@since")           /* before a start year */                   \
  X(YEAR_PREP, "@yearprep")    /* before the year of a fact */             \
  X(NAME_JOIN, "@namejoin")    /* inside a name: "Bank of America" */      \
  X(CONNECTOR, "@connector")   /* at a name's edge, skipped in acronyms */ \
  X(TITLE_JOIN, "@titlejoin")  /* after a title: "CEO of X" */             \
  X(LIST_GLUE, "@listglue")    /* between the members of a list */         \
  X(WITH, "@with")             /* "with X and with Y" */                   \
  X(POSSESSIVE, "@possessive") /* "Zentra's" */                            \
  X(PERSON_JOIN, "@personjoin") /* between a title and its firm */         \
  X(APPOSITION, "@apposition") /* before an apposition: ", the" */         \
  X(FOUNDER_GLUE, "@founderglue") /* between founders' names */            \
  X(PARTICIPLE, "@participle") /* endings of a participle */               \
  X(ADJECTIVE_TAIL, "@adjtail") /* "-based": a name made adjective */     \
  X(BASED_TAIL, "@basedtail")  /* "-based": the seat of what follows */    \
  X(SITE_OF, "@siteof")        /* « l'usine de Flins »: site, word, place */ \
  X(FOUNDER_TITLE, "@foundertitle") /* the title given to founders */     \
  X(STAKE, "@stake")           /* a part of a firm bought: "stake" */      \
  X(MAJORITY, "@majority")     /* a stake that hands the firm over */     \
  X(NEWS_AGENCY, "@newsagency") /* names (spaces as _) of news agencies */\
  X(NAME_AND, "@nameand")      /* "and" inside a body's name */            \
  X(BODY_HEAD, "@bodyhead")    /* last word of a body's name: "Union" */  \
  X(LEGAL_NOUN, "@legalnoun")  /* legal forms that are words: "Company" */\
  X(STAKE_IN, "@stakein")      /* "a stake in X": X is a firm, no place */\
  X(ROLE, "@role")             /* a role before a person: "Economist" */  \
  X(FIRM_TAIL, "@firmtail")    /* last word of a firm's name: "Capital" */\
  X(SAME_TAIL, "@sametail")    /* "Zentra Industries" is Zentra */      \
  X(FIRM_NOUN, "@firmnoun")    /* a noun only for a firm: "brewer" */   \
  X(FACILITY, "@facility")     /* « l'usine X de Ville »: a site's noun */ \
  X(PERCENT, "@percent")       /* after a number: "%", "percent" */     \
  X(PERCENT_LEAD, "@percentlead") /* "per" of "per cent" */            \
  X(RANGE_FROM, "@rangefrom")  /* "between" 50 and 249: a size class */  \
  X(RANGE_TO, "@rangeto")      /* 50 "and" 249 */                        \
  X(STAFF, "@staff")           /* people on a payroll: "employees" */     \
  X(PRONOUN, "@pronoun")       /* points back: "its"; a noun describes */  \
  X(OWNED_TAIL, "@ownedtail")  /* "-owned": the owner of what follows */  \
  X(NOT_LEAD, "@notlead")      /* a title with it leads nothing: "CFO" */ \
  X(SUBJECT_REF, "@subjectref") /* alone, the firm named last: "it" */ \
  X(PER, "@per")               /* "per", "a" before what a price is for */ \
  X(PER_SHARE, "@pershare")    /* "share": a price is per share, no deal's */\
  X(MONTH, "@month")           /* "13 April", "March 3": a day, no count */

typedef enum {
#define KGB_WORDSET_ENUM(e, name) KGB_WORDS_##e,
  KGB_WORDSETS(KGB_WORDSET_ENUM)
#undef KGB_WORDSET_ENUM
  KGB_WORDS_COUNT
} kgb_wordset;

/* Read and compile WORDS_PATH (word sets only; may be NULL) and then
 * PATH; errors name the file, the line and the cause.  With WORDS_PATH,
 * every set of KGB_WORDSETS must be defined. */
int kgb_patterns_load(kgb_world *world, const char *words_path,
                      const char *path, kgb_patterns **out);
void kgb_patterns_free(kgb_patterns *patterns);
size_t kgb_patterns_count(const kgb_patterns *patterns);

/* Is FOLD (a folded word) in the set WS? */
int kgb_patterns_word_is(const kgb_patterns *patterns, kgb_wordset ws,
                         const char *fold);
/* The first word of the set WS, as the file writes it folded; "" when
 * the set is empty. */
const char *kgb_patterns_first_word(const kgb_patterns *patterns,
                                    kgb_wordset ws);
/* Does FOLD end with a word of the set WS, after at least MIN_STEM
 * bytes? */
int kgb_patterns_ends_with(const kgb_patterns *patterns, kgb_wordset ws,
                           const char *fold, size_t min_stem);

/* What the matcher sees of one sentence. */
typedef struct {
  const kgb_tokens *toks;
  size_t first, last;          /* the sentence's tokens [first, last) */
  const long *mention_at;      /* per token of the sentence (index minus
                                  FIRST): the mention starting there, or
                                  -1 */
  const kgb_mention *mentions; /* the document's, indexed by mention_at */
  const kgb_entity *entities;
  const kgb_place *places;     /* the lexicon's, by kgb_entity.place */
  /* The part of speech of a token, lower case ("noun"), or NULL when
   * none is known (a #TAG element then takes a word in lower case). */
  const char *(*pos_of)(void *pos_ctx, size_t tok);
  void *pos_ctx;
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
  size_t begin;                /* the match's first token */
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
