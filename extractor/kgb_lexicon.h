/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_lexicon.h - the data tables of one language, read from data files.
 *
 * Every phrase of every table is tokenized and folded the way document
 * text is, so a lookup is one hash probe per candidate length. */
#ifndef KGB_LEXICON_H
#define KGB_LEXICON_H

#include "kgb_lang.h"
#include "kgb_map.h"
#include "kgb_token.h"
#include "kgbuild.h"

typedef enum {
  KGB_LEX_PLACE,       /* value: place index */
  KGB_LEX_DEMONYM,     /* value: place index ("French" -> France) */
  KGB_LEX_COMPANY,     /* value: company index */
  KGB_LEX_FIRSTNAME,
  KGB_LEX_TITLE,       /* a role that makes a person a manager */
  KGB_LEX_STOPWORD,
  KGB_LEX_ABBREV,      /* a word whose following '.' ends no sentence */
  KGB_LEX_LEGAL,       /* legal-form suffix: Inc, SA, GmbH */
  KGB_LEX_TRIGGER,     /* value: kgb_trigger */
  KGB_LEX_SCALE,       /* value: power of ten ("billion" -> 9) */
  KGB_LEX_CURRENCY,    /* value: currency index */
  KGB_LEX_BOUND,       /* value: kgb_bound */
  KGB_LEX_FURNITURE,   /* a line opening page furniture ("Also read") */
  KGB_LEX_EVENTWORD,   /* a capitalised word that makes a name an event */
  KGB_LEX_TYPE_COUNT
} kgb_lex_type;

/* What a trigger phrase announces. */
typedef enum {
  KGB_TRIG_INVEST, KGB_TRIG_CREATE, KGB_TRIG_CUT, KGB_TRIG_EMPLOY,
  KGB_TRIG_ACQUIRE, KGB_TRIG_SUBSIDIARY, KGB_TRIG_BASED, KGB_TRIG_COMPETE,
  KGB_TRIG_FACILITY, KGB_TRIG_JOBNOUN, KGB_TRIG_EVENTNOUN, KGB_TRIG_LISTCUE,
  KGB_TRIG_REPORT, KGB_TRIG_COREF, KGB_TRIG_FUTURE, KGB_TRIG_PASSIVE,
  KGB_TRIG_JOBWORD, KGB_TRIG_PLACEPREP, KGB_TRIG_HONORIFIC, KGB_TRIG_FOUNDED,
  KGB_TRIG_HAVE, KGB_TRIG_POSSESSIVE, KGB_TRIG_RELATIVE,
  KGB_TRIG_CONJUNCTION, KGB_TRIG_NEGATION, KGB_TRIG_LOSS, KGB_TRIG_CALLED_OFF,
  KGB_TRIG_RUMOUR, KGB_TRIG_COUNTRY_REF,
  KGB_TRIG_COUNT
} kgb_trigger;

typedef enum {
  KGB_BOUND_EXACT = 0,
  KGB_BOUND_MIN,
  KGB_BOUND_MAX
} kgb_bound;

typedef enum {
  KGB_PLACE_CONTINENT, KGB_PLACE_COUNTRY, KGB_PLACE_REGION, KGB_PLACE_CITY
} kgb_place_type;

typedef struct {
  char *name;          /* canonical English name, owned */
  kgb_place_type type;
  char *parent_name;   /* owned; "" for none */
  int parent;          /* place index or -1 */
} kgb_place;

typedef struct kgb_lexicon {
  kgb_lang lang;
  kgb_map phrases;     /* folded phrase -> first entry index */
  /* Every phrase, and every shorter phrase one starts with, to what a
   * token that folds to it may start (bits, see kgb_lexicon.c). */
  kgb_map starts;      /* -> index in start_bits */
  unsigned long long *start_bits;
  size_t n_start_bits, cap_start_bits;
  struct kgb_lex_entry *entries;
  size_t n_entries, cap_entries;
  kgb_place *places;
  size_t n_places, cap_places;
  kgb_map place_index; /* canonical name -> place index */
  char **companies;    /* canonical names, owned */
  size_t n_companies, cap_companies;
  char (*currencies)[4];   /* ISO 4217 codes */
  size_t n_currencies, cap_currencies;
  size_t max_tokens;   /* longest phrase, in tokens */
  struct kgb_patterns *patterns;   /* owned: <lang>/patterns.txt */
  kgb_map precision;   /* <lang>/precision.tsv: rule -> thousandths */
} kgb_lexicon;

/* Case the text must show for an entry to match: data written "US" must
 * not match the pronoun "us", nor "Orange" the colour. */
typedef enum { KGB_CASE_ANY, KGB_CASE_CAP, KGB_CASE_ALLCAPS } kgb_case;

typedef struct kgb_lex_entry {
  kgb_lex_type type;
  kgb_case required_case;
  unsigned long long glued;  /* bit K: token K written glued to K-1 */
  int value;
  int next;            /* next entry for the same phrase, or -1 */
} kgb_lex_entry;

/* Read DIR's language-neutral tables and those under DIR/<lang>/. */
int kgb_lexicon_load(kgb_world *world, kgb_lang lang, const char *dir,
                     kgb_lexicon **out);
void kgb_lexicon_free(kgb_lexicon *lex);

/* The first entry of TYPE for the phrase made of tokens [I, I+N), or
 * NULL. */
const kgb_lex_entry *kgb_lexicon_find(const kgb_lexicon *lex,
                                      const kgb_tokens *toks, size_t i,
                                      size_t n, kgb_lex_type type);
/* Longest N (<= MAX) such that tokens [I, I+N) form a phrase with an
 * entry of TYPE; 0 when none.  *ENTRY receives that entry. */
size_t kgb_lexicon_longest(const kgb_lexicon *lex, const kgb_tokens *toks,
                           size_t i, size_t max, kgb_lex_type type,
                           const kgb_lex_entry **entry);
/* Length in tokens of the longest trigger phrase of KIND at token I
 * (within [I, LIMIT)), or 0. */
size_t kgb_lexicon_trigger_at(const kgb_lexicon *lex, const kgb_tokens *toks,
                              size_t i, size_t limit, kgb_trigger kind);
/* 1 when the tables put place PLACE inside place ANCESTOR (its region,
 * country or continent; places are indices into LEX->places). */
int kgb_lexicon_place_in(const kgb_lexicon *lex, int place, int ancestor);
/* The first entry of TYPE for PHRASE written as text ("Munich"), or
 * NULL; case requirements are not checked. */
const kgb_lex_entry *kgb_lexicon_lookup(const kgb_lexicon *lex,
                                        const char *phrase, size_t len,
                                        kgb_lex_type type);
/* 1 when token I alone has an entry of TYPE, whatever its case. */
int kgb_lexicon_token_is(const kgb_lexicon *lex, const kgb_tokens *toks,
                         size_t i, kgb_lex_type type);
/* 1 when the single folded word WORD has an entry of TYPE. */
int kgb_lexicon_has_word(const kgb_lexicon *lex, const char *word,
                         kgb_lex_type type);

#endif
