/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_rules.h - what the relation rules share: the sentence at hand and
 * helpers to find the parts of a fact around a trigger word.  Each rule
 * family lives in its own kgb_rule_*.c and looks at one sentence. */
#ifndef KGB_RULES_H
#define KGB_RULES_H

#include "kgb_document_internal.h"
#include "kgb_fact.h"
#include "kgb_lexicon.h"
#include "kgb_pattern.h"

typedef struct {
  const kgb_document *doc;
  const kgb_lexicon *lex;
  kgb_factset *fs;
  size_t sentence;
  const kgb_sentence *s;
  size_t first_mention;   /* mentions of this sentence: [first, end) */
  size_t end_mention;
  int last_org;           /* last organisation of earlier sentences */
  int salient_org;        /* the organisation the text names most */
  long *mention_at;       /* owned: scratch for kgb_rules_patterns */
  size_t cap_mention_at;
  struct kgb_pos *pos;    /* borrowed: parts of speech, or NULL */
  unsigned char *agency;  /* owned: per entity, 1 for a news agency,
                             which is never the agent of a fact */
  struct kgb_models *const *models;  /* borrowed: per language, or NULL */
  const char **folded;    /* owned: scratch for kgb_rules_pairs */
  size_t cap_folded;
} kgb_rule_ctx;

/* Confidence of a part found by coreference rather than in the clause. */
#define KGB_COREF_PENALTY 0.25

/* Length of the trigger phrase of KIND at token T in the sentence, or 0. */
size_t kgb_rule_trigger(const kgb_rule_ctx *c, size_t t, kgb_trigger kind);
/* First token in [FROM, TO) that starts a trigger of KIND, or TO. */
size_t kgb_rule_find_trigger(const kgb_rule_ctx *c, size_t from, size_t to,
                             kgb_trigger kind);

/* Is the word at T denied ("did not cut", « n'a pas supprimé »): a
 * negation in the three tokens before it? */
int kgb_rule_negated(const kgb_rule_ctx *c, size_t t);
/* Does the sentence say a deal is off: withdrawn, rejected, denied? */
int kgb_rule_called_off(const kgb_rule_ctx *c);

/* "bought a 10 pct stake in Y", "shares in Y": a part of a firm in the
 * eight tokens from FROM (before TO), and no word near it says it is the
 * majority or the whole; the firm does not change hands (words.txt
 * @stake, @majority). */
int kgb_rule_minority_stake(const kgb_rule_ctx *c, size_t from, size_t to);

/* 1 when token K, inside the sentence, is in the word set WS of the
 * sentence's language (words.txt). */
int kgb_rule_word_is(const kgb_rule_ctx *c, size_t k, kgb_wordset ws);

/* 1 when token K, inside the sentence, folds to WORD. */
int kgb_rule_fold_is(const kgb_rule_ctx *c, size_t k, const char *word);
/* 1 when a comma lies between tokens FROM and TO of the sentence. */
int kgb_rule_comma_between(const kgb_rule_ctx *c, size_t from, size_t to);
/* Is a token in [FROM, TO) a verb (Universal POS "VERB"; an auxiliary
 * is not)?  Without parts of speech, no. */
int kgb_rule_verb_between(const kgb_rule_ctx *c, size_t from, size_t to);
/* 1 when token K alone points back to a firm as a pronoun does ("it",
 * "its", « il », « sa »): a one-word coref trigger of four bytes or
 * fewer, not a description ("the group"). */
int kgb_rule_pronoun_at(const kgb_rule_ctx *c, size_t k);

kgb_class kgb_rule_class(const kgb_rule_ctx *c, size_t mention);
/* Type an untyped name as CLS when it fills a part of that class; 1 when
 * the mention now has class CLS. */
int kgb_rule_accept(kgb_rule_ctx *c, size_t mention, kgb_class cls);
/* The nearest mention of class CLS ending at or before token T, or -1
 * (a mention index).  Untyped names qualify for organisations. */
long kgb_rule_mention_before(kgb_rule_ctx *c, size_t t, kgb_class cls);
/* The first mention of class CLS in tokens [FROM, TO), or -1. */
long kgb_rule_mention_in(kgb_rule_ctx *c, size_t from, size_t to,
                         kgb_class cls);
/* The organisation mention acting before token T in the sentence, past
 * a relative clause ("X, a firm that Y owns, said"), or -1. */
long kgb_rule_actor_before(kgb_rule_ctx *c, size_t t);
/* The organisation acting before token T: in the clause, else through
 * "the company" / "it" or the text's main organisation, with *CONF
 * lowered.  An entity index, or -1. */
int kgb_rule_agent(kgb_rule_ctx *c, size_t t, double *conf);
/* A place in [FROM, TO) outside [SKIP_B, SKIP_E), or -1 (entity). */
int kgb_rule_place(kgb_rule_ctx *c, size_t from, size_t to, size_t skip_b,
                   size_t skip_e);

/* The nearest place this sentence names before token AT ("in Lyon,
 * where it will add 200 jobs"), skipping demonyms, seats and the
 * dateline; or -1 (entity). */
int kgb_rule_place_before(const kgb_rule_ctx *c, size_t at);
/* The last place named in the two sentences before this one, or -1: a
 * fact whose sentence names no place most often happens there. */
int kgb_rule_recent_place(const kgb_rule_ctx *c);
/* The last entity of class CLS named in the BACK sentences before this
 * one by a mention without the flags DENY, or -1. */
int kgb_rule_recent(const kgb_rule_ctx *c, kgb_class cls, size_t back,
                    unsigned deny);

/* How many sentences back a description ("the US company") may look. */
#define KGB_DESCRIBED_BACK 3
/* The organisation a description at token AT stands for ("the US
 * company also said", "took the Virginia-based firm private"): the one
 * named last before it in an earlier clause (past a comma) or in the
 * sentences before, as a writer says "it" for one of the same clause;
 * skipping any that a fact already seats in a place other than PLACE
 * (-1: any).  Lowers *CONF; -1 when none. */
int kgb_rule_described(const kgb_rule_ctx *c, size_t at, int place,
                       double *conf);

/* The first amount of money (MONEY set) or plain count in [FROM, TO). */
int kgb_rule_quantity(const kgb_rule_ctx *c, size_t from, size_t to,
                      int money, kgb_quantity *q);
void kgb_rule_set_figure(const kgb_rule_ctx *c, kgb_fact *f,
                         const kgb_quantity *q);
/* Years of the sentence: "since 2010" -> start year, "in 2024" -> year. */
void kgb_rule_years(const kgb_rule_ctx *c, kgb_fact *f);

/* Has this sentence already given a fact of KIND from AGENT to OBJECT? */
int kgb_rule_has_fact(const kgb_rule_ctx *c, kgb_fact_kind kind, int agent,
                      int object);
/* Add a two-part fact SUBJECT -> OBJECT (entities) unless this sentence
 * already gave it; LITERAL (may be NULL) is a ticker or job title. */
int kgb_rule_add_link(kgb_rule_ctx *c, kgb_fact_kind kind, int subject,
                      int object, const char *literal, double conf,
                      const char *rule);

int kgb_rules_money(kgb_rule_ctx *c);
int kgb_rules_jobs(kgb_rule_ctx *c);
int kgb_rules_people(kgb_rule_ctx *c);
int kgb_rules_links(kgb_rule_ctx *c);
/* The two-part facts of the language's patterns.txt. */
int kgb_rules_patterns(kgb_rule_ctx *c);
/* The two-part facts the language's relation classifier (pairs.kgbtag)
 * finds between the sentence's mentions that no pattern joined. */
int kgb_rules_pairs(kgb_rule_ctx *c);
/* Facts that need the whole document: places within places, units
 * named after their parent ("Zentra Cloud" -> Zentra). */
int kgb_rules_document(const kgb_document *doc, const kgb_lexicon *lex,
                       kgb_factset *fs);

#endif
