/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_relation.c - runs the rule families over each sentence, and the
 * helpers they share to find agents, places and figures. */
#include "kgb_relation.h"

#include <string.h>

#include "kgb_alloc.h"
#include "kgb_pos.h"
#include "kgb_utf8.h"
#include "kgb_rules.h"
#include "kgb_world_internal.h"

size_t kgb_rule_trigger(const kgb_rule_ctx *c, size_t t, kgb_trigger kind)
{
  return kgb_lexicon_trigger_at(c->lex, &c->doc->toks, t, c->s->last_tok,
                                kind);
}

size_t kgb_rule_find_trigger(const kgb_rule_ctx *c, size_t from, size_t to,
                             kgb_trigger kind)
{
  for (size_t t = from; t < to; t++)
    if (kgb_rule_trigger(c, t, kind))
      return t;
  return to;
}

int kgb_rule_negated(const kgb_rule_ctx *c, size_t t)
{
  size_t from = t > c->s->first_tok + 3 ? t - 3 : c->s->first_tok;

  return kgb_rule_find_trigger(c, from, t, KGB_TRIG_NEGATION) < t;
}

int kgb_rule_called_off(const kgb_rule_ctx *c)
{
  return kgb_rule_find_trigger(c, c->s->first_tok, c->s->last_tok,
                               KGB_TRIG_CALLED_OFF) < c->s->last_tok;
}

int kgb_rule_word_is(const kgb_rule_ctx *c, size_t k, kgb_wordset ws)
{
  return k < c->s->last_tok &&
         kgb_patterns_word_is(c->lex->patterns, ws,
                              kgb_tok_fold(&c->doc->toks, k));
}

int kgb_rule_fold_is(const kgb_rule_ctx *c, size_t k, const char *word)
{
  return k < c->s->last_tok &&
         strcmp(kgb_tok_fold(&c->doc->toks, k), word) == 0;
}

kgb_class kgb_rule_class(const kgb_rule_ctx *c, size_t m)
{
  return c->fs->entities[c->fs->mentions[m].entity].cls;
}

/* Was the word at TOK also written in lower case in the text?  Then a
 * capital at the start of a sentence made it look like a name. */
static int written_lower(const kgb_rule_ctx *c, size_t tok)
{
  return kgb_tok_written_lower(&c->doc->toks, tok);
}

/* A word ending as a participle does (words.txt @participle), after a
 * stem of three letters or more. */
static int looks_like_participle(const kgb_rule_ctx *c, const char *fold)
{
  return kgb_patterns_ends_with(c->lex->patterns, KGB_WORDS_PARTICIPLE, fold,
                                3);
}

int kgb_rule_accept(kgb_rule_ctx *c, size_t m, kgb_class cls)
{
  kgb_mention *mn = &c->fs->mentions[m];
  kgb_entity *e = &c->fs->entities[mn->entity];

  if (e->cls == cls)
    return 1;
  if (e->cls != KGB_CLASS_UNKNOWN || (mn->flags & KGB_MF_GUESSED))
    return 0;
  /* A person is named with at least two words the first time; one
   * unknown word is more often a firm ("Temsa"). */
  if (cls == KGB_CLASS_PERSON && mn->last - mn->first < 2)
    return 0;
  if (mn->first == c->s->first_tok && mn->last - mn->first == 1 &&
      written_lower(c, mn->first))
    return 0;
  /* "Founded in 2012", « Fondée en 2012 »: a participle opening the
   * sentence, not a name. */
  if (mn->first == c->s->first_tok && mn->last - mn->first == 1 &&
      looks_like_participle(c, kgb_tok_fold(&c->doc->toks, mn->first)))
    return 0;
  /* "AI", "CDI", "IA": short capitals no table knows are more often
   * abbreviations of things than names of firms. */
  if (mn->last - mn->first == 1 &&
      (c->doc->toks.v[mn->first].flags & KGB_TF_ALLCAPS) &&
      c->doc->toks.v[mn->first].end - c->doc->toks.v[mn->first].begin <= 3)
    return 0;
  e->cls = cls;
  return 1;
}

long kgb_rule_mention_before(kgb_rule_ctx *c, size_t t, kgb_class cls)
{
  for (size_t m = c->end_mention; m-- > c->first_mention;) {
    const kgb_mention *mn = &c->fs->mentions[m];
    if (mn->last > t || (mn->flags & KGB_MF_DEMONYM && cls != KGB_CLASS_PLACE) ||
        (c->agency && c->agency[mn->entity] && cls == KGB_CLASS_ORGANIZATION))
      continue;
    if (kgb_rule_accept(c, m, cls))
      return (long)m;
  }
  return -1;
}

long kgb_rule_mention_in(kgb_rule_ctx *c, size_t from, size_t to,
                         kgb_class cls)
{
  for (size_t m = c->first_mention; m < c->end_mention; m++) {
    const kgb_mention *mn = &c->fs->mentions[m];
    if (mn->first < from || mn->last > to)
      continue;
    if (kgb_rule_accept(c, m, cls))
      return (long)m;
  }
  return -1;
}

/* Does a clause open at token OPEN, after a comma: a relative word
 * there or after a few words of an apposition ("which", "a Texas firm
 * that"), before token END and with no comma on the way? */
static int opens_relative(kgb_rule_ctx *c, size_t open, size_t end)
{
  for (size_t k = open; k < end && k < open + 5; k++) {
    if (kgb_rule_trigger(c, k, KGB_TRIG_RELATIVE))
      return 1;
    if (kgb_rule_fold_is(c, k, ","))
      return 0;
  }
  return 0;
}

/* "X, which supplies Y and Z, announced ...", "X, a firm that Y owns,
 * said ...": when mention M lies in a relative clause closed by a comma
 * before T, the organisation the clause is about (just before its
 * opening comma); else M. */
static long outside_relative_clause(kgb_rule_ctx *c, long m, size_t t)
{
  size_t close = t, open;
  long before;

  while (close > c->fs->mentions[m].last &&
         !kgb_rule_fold_is(c, close - 1, ","))
    close--;
  if (close <= c->fs->mentions[m].last)
    return m;
  for (open = c->fs->mentions[m].first; open > c->s->first_tok + 1; open--)
    if (kgb_rule_fold_is(c, open - 1, ",") &&
        opens_relative(c, open, c->fs->mentions[m].first))
      break;
  if (open <= c->s->first_tok + 1)
    return m;
  before = kgb_rule_mention_before(c, open - 1, KGB_CLASS_ORGANIZATION);
  return before >= 0 && c->fs->mentions[before].last == open - 1 ? before : m;
}

long kgb_rule_actor_before(kgb_rule_ctx *c, size_t t)
{
  long m = kgb_rule_mention_before(c, t, KGB_CLASS_ORGANIZATION);

  return m >= 0 ? outside_relative_clause(c, m, t) : -1;
}

int kgb_rule_pronoun_at(const kgb_rule_ctx *c, size_t k)
{
  return kgb_rule_trigger(c, k, KGB_TRIG_COREF) == 1 &&
         c->doc->toks.v[k].end - c->doc->toks.v[k].begin <= 4;
}

int kgb_rule_agent(kgb_rule_ctx *c, size_t t, double *conf)
{
  long m = kgb_rule_actor_before(c, t);
  size_t cue;

  if (m >= 0)
    return c->fs->mentions[m].entity;
  *conf -= KGB_COREF_PENALTY;
  cue = kgb_rule_find_trigger(c, c->s->first_tok, t, KGB_TRIG_COREF);
  /* "it" / « il » is the organisation just named; "the group" / « la
   * société » is the one the article is about. */
  if (cue < t && kgb_rule_pronoun_at(c, cue) && c->last_org >= 0)
    return c->last_org;
  if (cue >= t)
    *conf -= KGB_COREF_PENALTY / 2;
  return c->salient_org >= 0 ? c->salient_org : c->last_org;
}

int kgb_rule_recent(const kgb_rule_ctx *c, kgb_class cls, size_t back,
                    unsigned deny)
{
  const kgb_factset *fs = c->fs;

  for (size_t m = c->first_mention; m-- > 0;) {
    if (fs->mentions[m].sentence + back < c->sentence)
      break;
    if (fs->entities[fs->mentions[m].entity].cls == cls &&
        !(fs->mentions[m].flags & deny))
      return fs->mentions[m].entity;
  }
  return -1;
}

/* Does place entity A lie in B by the tables (or is it B)? */
static int place_within(const kgb_rule_ctx *c, int a, int b)
{
  int pa = c->fs->entities[a].place, pb = c->fs->entities[b].place;

  return a == b || (pa >= 0 && pb >= 0 &&
                    (pa == pb || kgb_lexicon_place_in(c->lex, pa, pb)));
}

/* Has an earlier fact seated ORG in a place that neither holds PLACE nor
 * lies in it? */
static int seated_elsewhere(const kgb_rule_ctx *c, int org, int place)
{
  for (size_t i = 0; i < c->fs->n_facts; i++) {
    const kgb_fact *g = &c->fs->facts[i];
    if (g->kind == KGB_FACT_BASED_IN && g->agent == org && g->object >= 0 &&
        !place_within(c, g->object, place) &&
        !place_within(c, place, g->object))
      return 1;
  }
  return 0;
}

int kgb_rule_comma_between(const kgb_rule_ctx *c, size_t from, size_t to)
{
  for (size_t k = from; k < to; k++)
    if (kgb_rule_fold_is(c, k, ","))
      return 1;
  return 0;
}

int kgb_rule_verb_between(const kgb_rule_ctx *c, size_t from, size_t to)
{
  for (size_t k = from; k < to; k++) {
    const char *pos = c->pos ? kgb_pos_at(c->pos, k) : NULL;
    if (pos && strcmp(pos, "verb") == 0)
      return 1;
  }
  return 0;
}

int kgb_rule_described(const kgb_rule_ctx *c, size_t at, int place,
                       double *conf)
{
  const kgb_factset *fs = c->fs;

  *conf -= KGB_COREF_PENALTY;
  for (size_t m = c->end_mention; m-- > 0;) {
    const kgb_mention *mn = &fs->mentions[m];
    int e = mn->entity;
    if (mn->sentence + KGB_DESCRIBED_BACK < c->sentence)
      break;
    if (mn->sentence == c->sentence &&
        (mn->last > at || !kgb_rule_comma_between(c, mn->last, at)))
      continue;
    if (fs->entities[e].cls != KGB_CLASS_ORGANIZATION ||
        (mn->flags & KGB_MF_DEMONYM) || (c->agency && c->agency[e]))
      continue;
    if (place < 0 || !seated_elsewhere(c, e, place))
      return e;
  }
  return -1;
}

/* The country named last in the BACK sentences before this one, a
 * demonym too ("the Polish chain"), or -1. */
static int recent_country(const kgb_rule_ctx *c, size_t back)
{
  const kgb_factset *fs = c->fs;

  for (size_t m = c->first_mention; m-- > 0;) {
    const kgb_entity *e = &fs->entities[fs->mentions[m].entity];
    if (fs->mentions[m].sentence + back < c->sentence)
      break;
    if (e->cls == KGB_CLASS_PLACE && e->place >= 0 &&
        c->lex->places[e->place].type == KGB_PLACE_COUNTRY &&
        !(fs->mentions[m].flags & KGB_MF_DATELINE))
      return fs->mentions[m].entity;
  }
  return -1;
}

int kgb_rule_recent_place(const kgb_rule_ctx *c)
{
  /* "in the country", « dans le pays »: the country spoken of, even when
   * a town was named since. */
  if (kgb_rule_find_trigger(c, c->s->first_tok, c->s->last_tok,
                            KGB_TRIG_COUNTRY_REF) < c->s->last_tok)
    return recent_country(c, KGB_DESCRIBED_BACK);
  return kgb_rule_recent(c, KGB_CLASS_PLACE, 2,
                         KGB_MF_DEMONYM | KGB_MF_DATELINE);
}

/* A place named for itself, not as a demonym, a seat or a dateline. */
static int plain_place(const kgb_rule_ctx *c, size_t m)
{
  const kgb_mention *mn = &c->fs->mentions[m];

  return kgb_rule_class(c, m) == KGB_CLASS_PLACE &&
         !(mn->flags & (KGB_MF_DEMONYM | KGB_MF_BASED | KGB_MF_DATELINE));
}

int kgb_rule_place_before(const kgb_rule_ctx *c, size_t at)
{
  for (size_t m = c->end_mention; m-- > c->first_mention;) {
    if (c->fs->mentions[m].last > at || !plain_place(c, m))
      continue;
    /* "in Sanford, North Carolina, where ...": the town, not its state. */
    while (m > c->first_mention && plain_place(c, m - 1) &&
           c->fs->mentions[m - 1].last + 1 == c->fs->mentions[m].first &&
           kgb_rule_fold_is(c, c->fs->mentions[m - 1].last, ","))
      m--;
    return c->fs->mentions[m].entity;
  }
  return -1;
}

int kgb_rule_place(kgb_rule_ctx *c, size_t from, size_t to, size_t skip_b,
                   size_t skip_e)
{
  for (size_t m = c->first_mention; m < c->end_mention; m++) {
    const kgb_mention *mn = &c->fs->mentions[m];
    if (mn->first < from || mn->last > to ||
        (mn->first >= skip_b && mn->last <= skip_e))
      continue;
    if (kgb_rule_class(c, m) == KGB_CLASS_PLACE)
      return mn->entity;
  }
  return -1;
}

/* Is the price ending before token K one for a share ("31 dlrs per
 * share", « 31 euros par action »)? */
static int per_share(const kgb_rule_ctx *c, size_t k, size_t to)
{
  return k + 1 < to && kgb_rule_word_is(c, k, KGB_WORDS_PER) &&
         kgb_rule_word_is(c, k + 1, KGB_WORDS_PER_SHARE);
}

int kgb_rule_quantity(const kgb_rule_ctx *c, size_t from, size_t to,
                      int money, kgb_quantity *q)
{
  int year;

  for (size_t i = from; i < to; i++) {
    if (!kgb_quantity_at(c->lex, &c->doc->toks, c->doc->text, i, to, q))
      continue;
    if (money ? q->currency >= 0 && !per_share(c, q->last, to)
              : q->currency < 0 &&
                    !kgb_token_is_year(&c->doc->toks, c->doc->text,
                                       q->last - 1, &year))
      return 1;
    i = q->last - 1;
  }
  return 0;
}

void kgb_rule_set_figure(const kgb_rule_ctx *c, kgb_fact *f,
                         const kgb_quantity *q)
{
  f->has_figure = 1;
  f->figure = q->value;
  f->bound = q->bound;
  if (q->currency >= 0)
    memcpy(f->currency, c->lex->currencies[q->currency], 4);
}

void kgb_rule_years(const kgb_rule_ctx *c, kgb_fact *f)
{
  const kgb_tokens *toks = &c->doc->toks;
  int year;

  for (size_t i = c->s->first_tok + 1; i < c->s->last_tok; i++) {
    if (!kgb_token_is_year(toks, c->doc->text, i, &year))
      continue;
    /* The word before a year makes it the start of a period or the
     * date of the fact itself. */
    if (kgb_rule_word_is(c, i - 1, KGB_WORDS_SINCE))
      f->start_year = year;
    else if (kgb_rule_word_is(c, i - 1, KGB_WORDS_YEAR_PREP))
      f->year = year;
  }
}

int kgb_rule_has_fact(const kgb_rule_ctx *c, kgb_fact_kind kind, int agent,
                      int object)
{
  for (size_t i = c->fs->n_facts; i-- > 0;) {
    const kgb_fact *g = &c->fs->facts[i];
    if (g->sentence != c->sentence)
      break;
    if (g->kind == kind && g->agent == agent && g->object == object)
      return 1;
  }
  return 0;
}

int kgb_rule_add_link(kgb_rule_ctx *c, kgb_fact_kind kind, int subject,
                      int object, const char *literal, double conf,
                      const char *rule)
{
  kgb_fact f;

  if (subject < 0 || (object < 0 && !literal) || subject == object)
    return KGB_OK;
  /* A literal is never cut: one too long for a ticker or a job title is
   * not one. */
  if (literal && strlen(literal) >= sizeof f.literal) {
    if (object < 0)
      return KGB_OK;
    literal = NULL;
  }
  if (kgb_rule_has_fact(c, kind, subject, object))
    return KGB_OK;
  f = kgb_fact_init(kind, c->sentence, rule, conf);
  f.agent = subject;
  f.object = object;
  if (literal)
    snprintf(f.literal, sizeof f.literal, "%s", literal);
  return kgb_factset_add_fact(c->fs, &f);
}

/* Is NAME, folded and with '_' for spaces, in LEX's @newsagency? */
static int agency_name(const kgb_lexicon *lex, const char *name)
{
  char *fold = kgb_utf8_fold(name, strlen(name));
  int is;

  if (!fold)
    return 0;
  for (char *p = fold; *p; p++)
    if (*p == ' ')
      *p = '_';
  is = kgb_patterns_word_is(lex->patterns, KGB_WORDS_NEWS_AGENCY, fold);
  kgb_free(fold);
  return is;
}

/* "a appris l'AFP", "Reuters reported": the agency that carries the
 * story is no agent of its facts (GUIDE). */
static int mark_agencies(kgb_rule_ctx *c)
{
  const kgb_factset *fs = c->fs;

  if (!(c->agency = kgb_calloc(fs->n_entities + 1, 1)))
    return KGB_ENOMEM;
  for (size_t e = 0; e < fs->n_entities; e++) {
    const kgb_entity *en = &fs->entities[e];
    /* Untyped too: "Kyodo said" may be typed a firm only later. */
    if (en->cls != KGB_CLASS_ORGANIZATION && en->cls != KGB_CLASS_UNKNOWN)
      continue;
    c->agency[e] = (unsigned char)agency_name(c->lex, en->name);
    for (size_t a = 0; a < en->n_aliases && !c->agency[e]; a++)
      c->agency[e] = (unsigned char)agency_name(c->lex, en->aliases[a]);
  }
  return KGB_OK;
}

/* The organisation named most often, no news agency; ties go to the
 * first named. */
static int salient_org(const kgb_rule_ctx *c)
{
  const kgb_factset *fs = c->fs;
  int best = -1;

  for (size_t m = 0; m < fs->n_mentions; m++) {
    int e = fs->mentions[m].entity;
    if (fs->entities[e].cls == KGB_CLASS_ORGANIZATION && !c->agency[e] &&
        (best < 0 || fs->entities[e].mentions > fs->entities[best].mentions))
      best = e;
  }
  return best;
}

/* May mention M of this sentence stand for "it" in the next one: an
 * organisation, no adjective, no news agency? */
static int can_be_referent(const kgb_rule_ctx *c, size_t m)
{
  const kgb_mention *mn = &c->fs->mentions[m];

  return c->fs->entities[mn->entity].cls == KGB_CLASS_ORGANIZATION &&
         !(mn->flags & KGB_MF_DEMONYM) && !c->agency[mn->entity];
}

/* Does the organisation mention M only qualify the one before it: "of"
 * a few words before it, with no other organisation between ("X, a
 * unit of Plano-based Y")? */
static int qualifies_another(const kgb_rule_ctx *c, size_t m)
{
  size_t t = c->fs->mentions[m].first, stop = t > 6 ? t - 6 : 0;

  if (stop < c->s->first_tok)
    stop = c->s->first_tok;
  for (size_t k = t; k-- > stop;) {
    for (size_t o = c->first_mention; o < m; o++)
      if (c->fs->mentions[o].last > k && c->fs->mentions[o].first <= k &&
          can_be_referent(c, o))
        return 0;
    if (kgb_rule_word_is(c, k, KGB_WORDS_OF))
      return 1;
  }
  return 0;
}

/* The organisation "it" or "the company" of the next sentence stands
 * for: the last one named, but not one that only qualifies another
 * ("X, a unit of Y.  It employs...": X, not Y), unless it is the only
 * one. */
static int last_org_in(const kgb_rule_ctx *c, size_t first, size_t end,
                       int fallback)
{
  const kgb_factset *fs = c->fs;
  int last = -1;

  for (size_t m = end; m-- > first;) {
    if (!can_be_referent(c, m))
      continue;
    if (last < 0)
      last = fs->mentions[m].entity;
    if (!qualifies_another(c, m))
      return fs->mentions[m].entity;
  }
  return last >= 0 ? last : fallback;
}

/* The organisation a sentence opens on as its subject, which the next
 * sentence's "it" rather continues than the last one named ("The group
 * hired Brivo.  It also..."): a name among its first words, a
 * description of one ("The group", « Le groupe »), or "it" itself, which
 * keeps the one before.  -1 when the sentence opens otherwise. */
static int subject_org(const kgb_rule_ctx *c)
{
  size_t t = c->s->first_tok, len = kgb_rule_trigger(c, t, KGB_TRIG_COREF);
  double unused = 0;

  if (kgb_rule_pronoun_at(c, t))
    return c->last_org;
  if (len > 1)   /* as kgb_rule_agent reads a description */
    return c->salient_org >= 0 ? c->salient_org
                               : kgb_rule_described(c, t, -1, &unused);
  if (c->first_mention < c->end_mention &&
      c->fs->mentions[c->first_mention].first <= t + 2 &&
      !kgb_rule_comma_between(c, t, c->fs->mentions[c->first_mention].first) &&
      can_be_referent(c, c->first_mention))
    return c->fs->mentions[c->first_mention].entity;
  return -1;
}

/* Deals of this sentence (facts from FIRST on) that it reports as talk
 * ("in talks to buy", « serait en discussions »): stated, and marked. */
static void mark_rumours(kgb_rule_ctx *c, size_t first)
{
  int talk = -1;   /* does the sentence report talk? asked once, and only
                      when it gave a deal */

  for (size_t i = first; i < c->fs->n_facts; i++) {
    kgb_fact *f = &c->fs->facts[i];
    if (f->kind != KGB_FACT_ACQUISITION || f->sentence != c->sentence)
      continue;
    if (talk < 0)
      talk = kgb_rule_find_trigger(c, c->s->first_tok, c->s->last_tok,
                                   KGB_TRIG_RUMOUR) < c->s->last_tok;
    f->rumoured = talk;
  }
}

int kgb_relation_run(const kgb_document *doc,
                     kgb_lexicon *const lex[KGB_LANG_COUNT],
                     struct kgb_models *const models[KGB_LANG_COUNT],
                     struct kgb_pos *pos, kgb_factset *fs)
{
  kgb_rule_ctx c = {.doc = doc, .lex = lex[doc->lang], .fs = fs,
                    .last_org = -1, .salient_org = -1, .pos = pos,
                    .models = models};
  size_t m = 0, crowded = 0, n_facts;
  int subject, rc = mark_agencies(&c);

  if (rc == KGB_OK)
    c.salient_org = salient_org(&c);
  for (size_t s = 0; s < doc->n_sentences && rc == KGB_OK; s++) {
    c.sentence = s;
    c.s = &doc->sentences[s];
    if (c.pos)
      kgb_pos_sentence(c.pos, s);
    c.lex = lex[c.s->lang];
    c.first_mention = m;
    while (m < fs->n_mentions && fs->mentions[m].sentence == s)
      m++;
    c.end_mention = m;
    if (c.s->furniture)
      continue;
    if (m - c.first_mention > KGB_MAX_SENTENCE_MENTIONS) {
      if (!crowded++ && kgb_document_first_report(doc, KGB_REPORTED_CROWDED))
        kgb_warn(doc->world, "%s: a sentence names %zu entities; the rules "
                 "pair only the first %d of each such sentence", doc->source,
                 m - c.first_mention, KGB_MAX_SENTENCE_MENTIONS);
      c.end_mention = c.first_mention + KGB_MAX_SENTENCE_MENTIONS;
    }
    n_facts = fs->n_facts;
    rc = kgb_rules_money(&c);
    if (rc == KGB_OK)
      rc = kgb_rules_jobs(&c);
    if (rc == KGB_OK)
      rc = kgb_rules_people(&c);
    if (rc == KGB_OK)
      rc = kgb_rules_links(&c);
    if (rc == KGB_OK)
      rc = kgb_rules_patterns(&c);
    if (rc == KGB_OK)
      rc = kgb_rules_pairs(&c);
    mark_rumours(&c, n_facts);
    subject = subject_org(&c);
    c.last_org = subject >= 0 ? subject
                              : last_org_in(&c, c.first_mention, c.end_mention,
                                            c.last_org);
  }
  kgb_free(c.mention_at);
  kgb_free(c.folded);
  kgb_free(c.agency);
  if (rc == KGB_OK)
    rc = kgb_rules_document(doc, lex[doc->lang], fs);
  return rc;
}
