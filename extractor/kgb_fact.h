/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_fact.h - what the extractor hands to output/: entities, their
 * mentions, and facts, as plain C structs with no RDF in them. */
#ifndef KGB_FACT_H
#define KGB_FACT_H

#include <stddef.h>
#include <stdint.h>

#include "kgb_lexicon.h"
#include "kgb_limits.h"
#include "kgb_map.h"
#include "kgb_number.h"
#include "kgbuild.h"

typedef enum {
  KGB_CLASS_ORGANIZATION, KGB_CLASS_PERSON, KGB_CLASS_PLACE, KGB_CLASS_EVENT,
  KGB_CLASS_UNKNOWN,  /* a proper name no rule has typed yet */
  KGB_CLASS_NONE      /* no entity at all (a literal part) */
} kgb_class;

/* 64 bytes: a text of capitalised words has an entity every few words. */
typedef struct {
  char *name;          /* owned: the fullest name seen (label) */
  char *key;           /* owned: the name that identifies it in every
                          document (no legal form), or NULL for NAME */
  char **aliases;      /* owned: other names seen */
  size_t n_aliases, cap_aliases;
  kgb_class cls;
  int place;           /* lexicon place index, or -1 */
  uint32_t mentions;   /* how often the text names it */
  uint32_t first_sentence;  /* of its first mention (when mentions > 0) */
  int in_fact;         /* referenced by a fact */
} kgb_entity;

enum {
  KGB_MF_DEMONYM = 1,   /* "French" standing for France */
  KGB_MF_BASED = 2,     /* "Munich-based": the seat of what it qualifies */
  KGB_MF_DATELINE = 4,  /* "MUNICH, April 20 -": where the story was filed */
  KGB_MF_OWNER = 8,     /* "Ferrox-owned": the owner of what it qualifies */
  KGB_MF_GUESSED = 16,  /* one word the tagger alone called a person or a
                           place: a pattern's context may retype it */
  KGB_MF_REFERENCE = 32 /* "it", "the company": the firm named before,
                           for the fact patterns of one sentence */
};

/* 20 bytes: a text of capitalised words has a mention every few words.
 * Token and sentence indices fit 32 bits, as a text is under 4 GiB. */
typedef struct {
  uint32_t first, last;  /* tokens [first, last) */
  uint32_t sentence;
  int entity;
  unsigned flags;
} kgb_mention;

/* Every fact kind once: X(ENUM, name, subject class, object class).  The
 * name is the one the gold files, the pattern files and the scorer use;
 * the classes are what a pattern's s: and o: parts must be (NONE: a
 * literal, or a fact of several parts that patterns do not make yet; an
 * acquisition's s: is the buyer, its o: the firm bought).
 * The n-ary kinds come first (KGB_FACT_IS_NARY). */
#define KGB_FACT_KINDS(X)                                                  \
  X(INVESTMENT, "investment", NONE, NONE)                                  \
  X(JOB_CREATION, "jobs", NONE, NONE)                                      \
  X(JOB_CUT, "jobcuts", NONE, NONE)                                        \
  X(WORKFORCE, "workforce", NONE, NONE)                                    \
  X(ACQUISITION, "acquisition", ORGANIZATION, ORGANIZATION)                \
  X(MANAGER_OF, "managerOf", PERSON, ORGANIZATION)                         \
  X(SUBSIDIARY_OF, "subsidiaryOf", ORGANIZATION, ORGANIZATION)             \
  X(BASED_IN, "basedIn", ORGANIZATION, PLACE)                              \
  X(OPERATES_IN, "operatesIn", ORGANIZATION, PLACE)                        \
  X(LOCATED_IN, "locatedIn", PLACE, PLACE)                                 \
  X(PARTICIPATES_IN, "participatesIn", ORGANIZATION, EVENT)                \
  X(COMPETITOR_OF, "competitorOf", ORGANIZATION, ORGANIZATION)             \
  X(TICKER, "ticker", ORGANIZATION, NONE)

typedef enum {
#define KGB_FACT_ENUM(e, name, s, o) KGB_FACT_##e,
  KGB_FACT_KINDS(KGB_FACT_ENUM)
#undef KGB_FACT_ENUM
  KGB_FACT_KIND_COUNT
} kgb_fact_kind;

/* The name of each kind ("basedIn"). */
extern const char *const kgb_fact_kind_names[KGB_FACT_KIND_COUNT];
/* The kind named NAME, or -1. */
int kgb_fact_kind_by_name(const char *name);
/* The classes a two-part fact of KIND joins; KGB_CLASS_NONE for a
 * literal or for n-ary kinds. */
kgb_class kgb_fact_subject_class(kgb_fact_kind kind);
kgb_class kgb_fact_object_class(kgb_fact_kind kind);

#define KGB_FACT_IS_NARY(k) ((k) <= KGB_FACT_ACQUISITION)


typedef struct {
  kgb_fact_kind kind;
  int agent;           /* investor, employer, acquirer, subject; entity */
  int object;          /* investee, acquiree, object; entity or -1 */
  int location;        /* place entity or -1 */
  int has_figure;
  kgb_decimal figure;  /* amount of money, or count of jobs/people */
  kgb_bound bound;
  char currency[4];    /* ISO 4217, "" for counts */
  int year, start_year;   /* 0 when the text gives none */
  char literal[128];   /* ticker symbol, or a manager's job title */
  size_t sentence;     /* index into the document's sentences */
  double confidence;   /* in [0, 1] */
  int rumoured;        /* a deal the sentence reports as talk */
  const char *rule;    /* static name of the rule that produced it */
} kgb_fact;

struct kgb_factset {
  kgb_map entity_index;   /* class digit + folded name -> entity */
  kgb_entity *entities;
  size_t n_entities, cap_entities;
  kgb_mention *mentions;
  size_t n_mentions, cap_mentions;
  kgb_fact *facts;
  size_t n_facts, cap_facts;
  size_t max_facts;       /* KGB_MAX_FACTS, less what earlier windows kept */
  double min_confidence;  /* facts below it are not kept */
  const kgb_map *precision;  /* borrowed, may be NULL: rule -> measured
                                precision in thousandths, which caps the
                                confidence of the rule's facts */
};

kgb_factset *kgb_factset_new(void);
/* The entity of class CLS named NAME, created when new; -1 on failure. */
int kgb_factset_entity(kgb_factset *fs, kgb_class cls, const char *name,
                       size_t len, int place);
int kgb_factset_add_alias(kgb_factset *fs, int entity, const char *name,
                          size_t len);
int kgb_factset_add_mention(kgb_factset *fs, const kgb_mention *m);
int kgb_factset_add_fact(kgb_factset *fs, const kgb_fact *f);
/* A fact with no parts yet, for RULE in SENTENCE. */
kgb_fact kgb_fact_init(kgb_fact_kind kind, size_t sentence, const char *rule,
                       double confidence);

#endif
