/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_ner_internal.h - what the two ways of finding names share: the
 * rules of kgb_ner.c (capitalised runs and gazetteers, used when a
 * language has no entity model) and kgb_ner_tagged.c (the spans of the
 * trained tagger, named and linked by the gazetteers). */
#ifndef KGB_NER_INTERNAL_H
#define KGB_NER_INTERNAL_H

#include "kgb_document_internal.h"
#include "kgb_fact.h"
#include "kgb_lexicon.h"
#include "kgb_models.h"
#include "kgb_pattern.h"
#include "kgb_tagfeat.h"

/* A name the tagger found: tokens [FIRST, END) of type TYPE (borrowed
 * from the model's tag set). */
typedef struct {
  size_t first, end;
  const char *type;
} ner_span;

typedef struct {
  const kgb_document *doc;
  const kgb_lexicon *lex;   /* the sentence's language */
  kgb_factset *fs;
  size_t sentence;
  kgb_map short_names;      /* surname or acronym (folded) -> entity */
  kgb_tagfeat *tf[KGB_LANG_COUNT];   /* owned; NULL without a model */
  ner_span *spans;          /* owned: the tagger's names, in text order */
  size_t n_spans, cap_spans, next_span;
  struct kgb_pos *pos;      /* borrowed; parts of speech, or NULL */
} ner_ctx;

/* A mention of a new or known entity of class CLS named by tokens
 * [FIRST, LAST); PLACE is a place index or -1. */
int kgb_ner_add_named(ner_ctx *c, kgb_class cls, size_t first, size_t last,
                      int place);
/* A mention of the gazetteer entry CANONICAL written as [FIRST, LAST). */
int kgb_ner_add_known(ner_ctx *c, kgb_class cls, const char *canonical,
                      size_t first, size_t last, int place, unsigned flags);
/* [FIRST, LAST) as a name of no class that only a pattern taking a
 * guess (ORG.guessed) may type: a brand the tagger calls MISC, a
 * capitalised run it passed over. */
int kgb_ner_add_guessed(ner_ctx *c, size_t first, size_t last);
/* Token I as the short name of an entity named before (of class CLS,
 * unless KGB_CLASS_UNKNOWN): 1 when added, 0 when none, or an error. */
int kgb_ner_add_short_name(ner_ctx *c, size_t i, kgb_class cls);
/* Note an acronym in parentheses after [FIRST, LAST) as a name of ENT. */
int kgb_ner_acronym_after(ner_ctx *c, size_t first, size_t last, int ent);
int kgb_ner_has_legal_suffix(const ner_ctx *c, size_t first, size_t last);
/* Is token I in the word set WS of the sentence's language? */
int kgb_ner_word_is(const ner_ctx *c, size_t i, kgb_wordset ws);
/* Is the whole of [FIRST, LAST) in the table of TYPE? */
int kgb_ner_whole_in_table(const ner_ctx *c, size_t first, size_t last,
                           kgb_lex_type type);
int kgb_ner_has_event_word(const ner_ctx *c, size_t first, size_t last);
/* Does a trigger of KIND end right before token FIRST? */
int kgb_ner_cue_before(const ner_ctx *c, size_t first, kgb_trigger kind);
/* "Munich-based" at I: the tokens used (a place mention added), or 0. */
size_t kgb_ner_based_adjective(ner_ctx *c, size_t i, size_t limit,
                               size_t min_tokens, int *rc);

/* Opening and closing quotation marks (folded tokens). */
int kgb_ner_is_open_quote(const char *fold);
int kgb_ner_is_close_quote(const char *fold);
/* Is an event noun within WINDOW tokens of [FIRST, LAST) in S? */
int kgb_ner_event_noun_near(const ner_ctx *c, const kgb_sentence *s,
                            size_t first, size_t last, size_t window);

/* Tag every sentence of the document whose language has an entity
 * model into C->spans. */
int kgb_ner_tag_document(ner_ctx *c, kgb_lexicon *const lex[KGB_LANG_COUNT],
                         struct kgb_models *const models[KGB_LANG_COUNT]);
/* Add the mentions of sentence S: the tagger's names and the rules'. */
int kgb_ner_tagged_sentence(ner_ctx *c, const kgb_sentence *s);
/* A capitalised run no tagger span covers, as a name of no class
 * (kgb_ner.c); the tokens used from I. */
size_t kgb_ner_untyped_run(ner_ctx *c, const kgb_sentence *s, size_t i,
                           size_t limit, int *rc);

/* Merge the firms of FS named with and without a legal form into one
 * entity (kgb_ner_keys.c). */
int kgb_ner_merge_legal_variants(const kgb_lexicon *lex, kgb_factset *fs);

/* Is most of tokens [FIRST, FIRST + N) in capitals (a headline that
 * shouts)? */
int kgb_ner_shouting(const kgb_tokens *toks, size_t first, size_t n);

/* "Economist Marta Ellison", "UK Chancellor Peter Okafor": roles
 * opening the run [FIRST, LAST) before a first name; the name's first
 * token (FIRST when there are none).  A place named before the role is
 * added as a mention. */
size_t kgb_ner_after_roles(ner_ctx *c, size_t first, size_t last, int *rc);
/* "Adidas CEO Jane Roe", "Zentra Chief Executive Officer John Doe": a
 * firm, a title (titles.txt) and a person's name in one run.  Adds the
 * firm and the person; the tokens used (LAST - FIRST), or 0 when the run
 * is no such thing. */
size_t kgb_ner_firm_title_person(ner_ctx *c, size_t first, size_t last,
                                 int *rc);

#endif
