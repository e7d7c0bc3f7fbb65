/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_rule_patterns.c - runs the language's patterns over a sentence and
 * turns each match into two-part facts, one per subject and object. */
#include <string.h>

#include "kgb_alloc.h"
#include "kgb_pattern.h"
#include "kgb_pos.h"
#include "kgb_rules.h"

/* For each token of the sentence, the mention that starts there. */
static int index_mentions(kgb_rule_ctx *c)
{
  size_t n = c->s->last_tok - c->s->first_tok;

  if (kgb_grow(&c->mention_at, &c->cap_mention_at, n + 1, sizeof(long)))
    return KGB_ENOMEM;
  for (size_t i = 0; i < n; i++)
    c->mention_at[i] = -1;
  for (size_t m = c->first_mention; m < c->end_mention; m++) {
    size_t first = c->fs->mentions[m].first;
    if (first >= c->s->first_tok && first < c->s->last_tok &&
        c->mention_at[first - c->s->first_tok] < 0)
      c->mention_at[first - c->s->first_tok] = (long)m;
  }
  return KGB_OK;
}

/* The entity mention M stands for, once it is typed CLS; or -1. */
static int part(kgb_rule_ctx *c, long m, kgb_class cls)
{
  if (cls == KGB_CLASS_PLACE &&
      kgb_rule_class(c, (size_t)m) == KGB_CLASS_PLACE)
    return c->fs->mentions[m].entity;
  if (kgb_rule_accept(c, (size_t)m, cls))
    return c->fs->mentions[m].entity;
  /* Only an element that takes a guess (ORG.guessed) lets such a
   * mention through: the pattern's context types it. */
  if (c->fs->mentions[m].flags & KGB_MF_GUESSED) {
    c->fs->entities[c->fs->mentions[m].entity].cls = cls;
    return c->fs->mentions[m].entity;
  }
  return -1;
}

/* Add the fact M makes from SUBJECT to OBJECT (entities; -1 when none)
 * or to LITERAL.  An acquisition takes the sentence's amount of money,
 * and none is stated for a deal the sentence calls off or denies (a
 * negation anywhere before the match's end: "is not considering a
 * buyout of Y"), nor for shares bought after the buyer ("snapped up
 * shares in Y"). */
/* The first token of M's named subjects (the buyer), or M's end when
 * it names none. */
static size_t subjects_start(const kgb_rule_ctx *c,
                             const kgb_pattern_match *m)
{
  size_t from = m->end;

  for (size_t i = 0; i < m->n_subject; i++)
    if (c->fs->mentions[m->subject[i]].first < from)
      from = c->fs->mentions[m->subject[i]].first;
  return from;
}

/* Is token K inside one of M's named parts? */
static int in_part(const kgb_rule_ctx *c, const kgb_pattern_match *m,
                   size_t k)
{
  for (size_t i = 0; i < m->n_subject + m->n_object; i++) {
    long p = i < m->n_subject ? m->subject[i] : m->object[i - m->n_subject];
    if (k >= c->fs->mentions[p].first && k < c->fs->mentions[p].last)
      return 1;
  }
  return 0;
}

/* Does a word of M's title say its holder leads nothing ("directrice
 * financière de X", words.txt @notlead)?  Names are no title. */
static int title_leads_nothing(const kgb_rule_ctx *c,
                               const kgb_pattern_match *m)
{
  for (size_t k = m->begin; k < m->end; k++)
    if (!in_part(c, m, k) && kgb_rule_word_is(c, k, KGB_WORDS_NOT_LEAD))
      return 1;
  return 0;
}

static int add(kgb_rule_ctx *c, const kgb_pattern_match *m, int subject,
               int object, const char *literal, double confidence)
{
  if (m->kind == KGB_FACT_MANAGER_OF && title_leads_nothing(c, m))
    return KGB_OK;
  kgb_quantity q;
  kgb_fact f;

  if (!KGB_FACT_IS_NARY(m->kind))
    return kgb_rule_add_link(c, m->kind, subject, object, literal,
                             confidence, m->name);
  if (subject < 0 || object < 0 || subject == object ||
      kgb_rule_called_off(c) ||
      kgb_rule_minority_stake(c, subjects_start(c, m), m->end) ||
      kgb_rule_find_trigger(c, c->s->first_tok, m->end, KGB_TRIG_NEGATION) <
          m->end ||
      kgb_rule_has_fact(c, m->kind, subject, object))
    return KGB_OK;
  f = kgb_fact_init(m->kind, c->sentence, m->name, confidence);
  f.agent = subject;
  f.object = object;
  if (kgb_rule_quantity(c, c->s->first_tok, c->s->last_tok, 1, &q))
    kgb_rule_set_figure(c, &f, &q);
  return kgb_factset_add_fact(c->fs, &f);
}

/* The literal object: the text of its tokens. */
static int literal_of(const kgb_rule_ctx *c, const kgb_pattern_match *m,
                      char *out, size_t size)
{
  const kgb_tokens *toks = &c->doc->toks;
  size_t b, e;

  if (m->literal_last <= m->literal_first)
    return 0;
  b = toks->v[m->literal_first].begin;
  e = toks->v[m->literal_last - 1].end;
  if (e - b >= size)
    return 0;
  memcpy(out, c->doc->text + b, e - b);
  out[e - b] = '\0';
  return 1;
}

/* The entity of class CLS a word pointing back at token AT stands for
 * ("its", « sa », "the show"): the last one named before it in the
 * sentence (past a relative clause: "X, a firm that Y owns, and its
 * plant"), else in the sentences before (any for an organisation, the
 * three last for other classes), with its confidence lowered.  -1 when
 * none. */
static int antecedent(kgb_rule_ctx *c, size_t at, kgb_class cls,
                      double *confidence)
{
  long m = cls == KGB_CLASS_ORGANIZATION ? kgb_rule_actor_before(c, at)
                                         : kgb_rule_mention_before(c, at, cls);

  if (m >= 0)
    return c->fs->mentions[m].entity;
  *confidence -= KGB_COREF_PENALTY;
  if (cls == KGB_CLASS_ORGANIZATION)
    return c->last_org;
  /* Another class: the last one of the three sentences before. */
  return kgb_rule_recent(c, cls, 3, 0);
}

/* The organisation the text names most, at lower confidence. */
static int topic(kgb_rule_ctx *c, double *confidence)
{
  *confidence -= KGB_COREF_PENALTY;
  return c->salient_org;
}

/* Is M's subject pointing back a description ("the US company"), not a
 * pronoun ("its", words.txt @pronoun)? */
static int describes(kgb_rule_ctx *c, const kgb_pattern_match *m)
{
  return !kgb_rule_word_is(c, m->back_last - 1, KGB_WORDS_PRONOUN);
}

/* The place a basedIn match seats its subject in, or -1. */
static int seat_of(kgb_rule_ctx *c, const kgb_pattern_match *m,
                   kgb_class ocls)
{
  if (m->kind != KGB_FACT_BASED_IN || m->n_object == 0)
    return -1;
  return part(c, m->object[0], ocls);
}

/* A match whose subject or object is a word pointing back, or the
 * organisation the text is about: one fact per named part. */
static int on_match_back(kgb_rule_ctx *c, const kgb_pattern_match *m,
                         kgb_class scls, kgb_class ocls)
{
  double confidence = m->confidence;
  int rc = KGB_OK;

  if (m->back_last > m->back_first || m->subject_topic) {
    int subject = m->subject_topic ? topic(c, &confidence)
                  : describes(c, m) ? kgb_rule_described(
                                          c, m->back_first,
                                          seat_of(c, m, ocls), &confidence)
                                    : antecedent(c, m->back_first, scls,
                                                 &confidence);
    for (size_t j = 0; j < m->n_object && rc == KGB_OK; j++)
      rc = add(c, m, subject, part(c, m->object[j], ocls), NULL, confidence);
  } else {
    int object = m->object_topic ? topic(c, &confidence)
                                 : antecedent(c, m->literal_first, ocls,
                                              &confidence);
    for (size_t i = 0; i < m->n_subject && rc == KGB_OK; i++)
      rc = add(c, m, part(c, m->subject[i], scls), object, NULL, confidence);
  }
  return rc;
}

/* What a fact loses when a part of it is only pointed at ("it", "the
 * company"): the referent may be wrong. */
static double referred(const kgb_rule_ctx *c, long subject, long object)
{
  return ((c->fs->mentions[subject].flags |
           c->fs->mentions[object].flags) & KGB_MF_REFERENCE)
             ? KGB_COREF_PENALTY : 0.0;
}

static int on_match(void *data, const kgb_pattern_match *m)
{
  kgb_rule_ctx *c = data;
  kgb_class scls = kgb_fact_subject_class(m->kind);
  kgb_class ocls = kgb_fact_object_class(m->kind);
  char literal[64];
  int rc = KGB_OK;

  if (ocls == KGB_CLASS_NONE) {
    if (!literal_of(c, m, literal, sizeof literal))
      return KGB_OK;
    for (size_t i = 0; i < m->n_subject && rc == KGB_OK; i++)
      rc = add(c, m, part(c, m->subject[i], scls), -1, literal,
               m->confidence);
    return rc;
  }
  if (m->back_last > m->back_first || m->literal_last > m->literal_first ||
      m->subject_topic || m->object_topic)
    return on_match_back(c, m, scls, ocls);
  for (size_t i = 0; i < m->n_subject && rc == KGB_OK; i++)
    for (size_t j = 0; j < m->n_object && rc == KGB_OK; j++)
      rc = add(c, m, part(c, m->subject[i], scls),
               part(c, m->object[j], ocls), NULL,
               m->confidence - referred(c, m->subject[i], m->object[j]));
  return rc;
}

static const char *pos_of(void *pos, size_t tok)
{
  return pos ? kgb_pos_at(pos, tok) : NULL;
}

/* The last mention before token T of the sentence of an entity already
 * typed an organisation; -1 when there is none, -2 when a name no rule
 * has typed yet comes first (it may be the one meant).  Unlike
 * kgb_rule_mention_before, it types no name on the way: a reference no
 * pattern uses decides nothing. */
static long organisation_before(const kgb_rule_ctx *c, size_t t)
{
  for (size_t m = c->end_mention; m-- > c->first_mention;) {
    const kgb_mention *mn = &c->fs->mentions[m];
    kgb_class cls = c->fs->entities[mn->entity].cls;
    if (mn->last > t || (mn->flags & KGB_MF_DEMONYM) ||
        (c->agency && c->agency[mn->entity]))
      continue;
    if (cls == KGB_CLASS_ORGANIZATION)
      return (long)m;
    if (cls == KGB_CLASS_UNKNOWN && !(mn->flags & KGB_MF_GUESSED))
      return -2;
  }
  return -1;
}

/* The organisation a reference of LEN tokens at T stands for, or -1:
 * "it" (words.txt @subjectref) the one named last, in the sentence or
 * before; "the company" the one a description points back to, unless a
 * name follows it ("the company Halvane" names its own). */
static int referent(kgb_rule_ctx *c, size_t t, size_t len)
{
  const kgb_tokens *toks = &c->doc->toks;
  double unused = 1.0;
  long m;

  if (len == 1) {
    if (!kgb_rule_word_is(c, t, KGB_WORDS_SUBJECT_REF))
      return -1;
    m = organisation_before(c, t);
    return m >= 0 ? c->fs->mentions[m].entity : m == -1 ? c->last_org : -1;
  }
  if (t + len < c->s->last_tok &&
      (toks->v[t + len].flags & (KGB_TF_CAP | KGB_TF_ALLCAPS)))
    return -1;
  return kgb_rule_described(c, t, -1, &unused);
}

/* Give the patterns a mention of the firm meant at each reference of the
 * sentence where no name starts ("It has 12 stores in Spain"): added
 * after the document's mentions, and taken away once the patterns ran
 * (the C rules resolve references themselves). */
static int add_references(kgb_rule_ctx *c)
{
  kgb_factset *fs = c->fs;

  for (size_t t = c->s->first_tok; t < c->s->last_tok; t++) {
    size_t len = kgb_rule_trigger(c, t, KGB_TRIG_COREF);
    int e;
    if (!len || c->mention_at[t - c->s->first_tok] >= 0 ||
        (e = referent(c, t, len)) < 0)
      continue;
    if (kgb_grow(&fs->mentions, &fs->cap_mentions, fs->n_mentions + 1,
                 sizeof *fs->mentions))
      return KGB_ENOMEM;
    fs->mentions[fs->n_mentions] = (kgb_mention){
        (uint32_t)t, (uint32_t)(t + len), (uint32_t)c->sentence, e,
        KGB_MF_REFERENCE};
    c->mention_at[t - c->s->first_tok] = (long)fs->n_mentions++;
    t += len - 1;
  }
  return KGB_OK;
}

int kgb_rules_patterns(kgb_rule_ctx *c)
{
  kgb_pattern_input in;
  size_t named = c->fs->n_mentions;
  int rc;

  if (!c->lex->patterns)
    return KGB_OK;
  if ((rc = index_mentions(c)) == KGB_OK)
    rc = add_references(c);
  if (rc != KGB_OK ||
      (c->fs->n_mentions == named && c->end_mention == c->first_mention)) {
    c->fs->n_mentions = named;
    return rc;
  }
  in.toks = &c->doc->toks;
  in.first = c->s->first_tok;
  in.last = c->s->last_tok;
  in.mention_at = c->mention_at;
  in.mentions = c->fs->mentions;
  in.entities = c->fs->entities;
  in.places = c->lex->places;
  in.pos_of = pos_of;
  in.pos_ctx = c->pos;
  rc = kgb_patterns_run(c->lex->patterns, &in, on_match, c);
  c->fs->n_mentions = named;
  return rc;
}
