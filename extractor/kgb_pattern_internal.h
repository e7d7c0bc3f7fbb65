/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_pattern_internal.h - compiled patterns, shared by the reader
 * (kgb_pattern_read.c) and the matcher (kgb_pattern.c). */
#ifndef KGB_PATTERN_INTERNAL_H
#define KGB_PATTERN_INTERNAL_H

#include "kgb_map.h"
#include "kgb_pattern.h"

#define MAX_ELEMS 16
#define MAX_REPEAT 8
/* Steps one start of one pattern may take: backtracking over optional
 * words stays linear in practice, and a hostile sentence cannot make it
 * exponential. */
#define MAX_STEPS 4096

typedef enum {
  EL_WORDS,    /* the token's folded form is (or is not) in a word set */
  EL_MENTION,  /* a mention of some classes starts at the token */
  EL_LOWER,    /* a word not written with a capital */
  EL_CAP,      /* a word written with a capital */
  EL_CAPS,     /* a word in capitals */
  EL_WORD,     /* any word */
  EL_NUM,      /* a number */
  EL_ANY,      /* any token */
  EL_POS,      /* a word of one of some parts of speech */
  EL_TOPIC     /* no token: the organisation the text is about */
} el_type;

enum { ROLE_NONE, ROLE_SUBJECT, ROLE_OBJECT };

typedef struct {
  el_type type;
  int set;             /* EL_WORDS: index into sets */
  int negate;          /* EL_WORDS: match a token NOT in the set */
  unsigned classes;    /* EL_MENTION: 1 << kgb_class */
  unsigned need, deny; /* EL_MENTION: mention flags KGB_MF_* */
  unsigned place_types;  /* EL_MENTION: 1 << kgb_place_type, or 0: any */
  unsigned guessed;    /* EL_MENTION: classes taken too when KGB_MF_GUESSED */
  int list;            /* EL_MENTION: "A, B and C" */
  unsigned min, max;   /* repetitions */
  int role;
} elem;

typedef struct {
  kgb_fact_kind kind;
  char *name;          /* owned */
  double confidence;
  elem el[MAX_ELEMS];
  size_t n;
} pattern;

struct kgb_patterns {
  pattern *v;
  size_t n, cap;
  kgb_map *sets;       /* word sets: folded word -> 1 */
  size_t n_sets, cap_sets;
  kgb_map set_names;   /* "@name" -> index into sets */
  int and_set;         /* "@and": joins the members of a list; or -1 */
  int lead_set;        /* "@listlead": may open a member ("en", "the") */
  int wordsets[KGB_WORDS_COUNT];   /* sets the C rules read; -1 if none */
  /* Every word of every set -> index into set_bits, whose row (of
   * bit_words 64-bit words) has bit S for each set S holding the word:
   * one lookup a token tells all the sets it is in. */
  kgb_map word_rows;
  uint64_t *set_bits;
  size_t n_rows, bit_words;
};

/* Index the sets' words into word_rows and set_bits. */
int kgb_patterns_index_words(kgb_patterns *ps);

#endif
