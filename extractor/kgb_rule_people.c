/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_rule_people.c - managers: a person, a title, an organisation, in
 * the orders news use ("Jane Roe, chief executive of Zentra", "Zentra's
 * chief executive, Jane Roe", "Jane Roe, Zentra Spain country manager",
 * « Hélène Roy, directrice générale de Zentra »). */
#include <string.h>

#include "kgb_rules.h"


/* The mention of class CLS that starts within [FROM, FROM + SKIP] where
 * the tokens skipped are all in WORDS; -1 when none. */
static long mention_starting(kgb_rule_ctx *c, size_t from,
                             kgb_wordset words, kgb_class cls)
{
  size_t k = from;

  while (k < c->s->last_tok && kgb_rule_word_is(c, k, words))
    k++;
  for (size_t m = c->first_mention; m < c->end_mention; m++)
    if (c->fs->mentions[m].first == k && kgb_rule_accept(c, m, cls))
      return (long)m;
  return -1;
}

/* The mention of class CLS that ends at TO, maybe before WORDS. */
static long mention_ending(kgb_rule_ctx *c, size_t to,
                           kgb_wordset words, kgb_class cls)
{
  size_t k = to;

  while (k > c->s->first_tok && kgb_rule_word_is(c, k - 1, words))
    k--;
  for (size_t m = c->first_mention; m < c->end_mention; m++)
    if (c->fs->mentions[m].last == k && kgb_rule_accept(c, m, cls))
      return (long)m;
  return -1;
}

/* "head of European sales at Zentra", « directrice de la division
 * Beauté de Zentra »: a few words may qualify the title before its
 * organisation.  Returns where the organisation may start. */
static size_t after_qualifier(kgb_rule_ctx *c, size_t b)
{
  const kgb_tokens *toks = &c->doc->toks;

  for (size_t k = b; k < c->s->last_tok && k < b + 7; k++) {
    if (toks->v[k].type != KGB_TOK_WORD)
      return b;
    if (k > b && kgb_rule_word_is(c, k, KGB_WORDS_PERSON_JOIN) &&
        mention_starting(c, k, KGB_WORDS_PERSON_JOIN,
                         KGB_CLASS_ORGANIZATION) >= 0)
      return k;
  }
  return b;
}

/* "the chief executive of the company, Jane Roe": the title's
 * organisation is the one the text is about. */
static long coref_org_after(kgb_rule_ctx *c, size_t b, int *entity)
{
  double conf = 0.8;
  size_t k = b;

  while (k < c->s->last_tok && k < b + 2 &&
         kgb_rule_word_is(c, k, KGB_WORDS_PERSON_JOIN))
    k++;
  if (k == b || !kgb_rule_trigger(c, k, KGB_TRIG_COREF))
    return -1;
  *entity = kgb_rule_agent(c, b, &conf);
  return *entity >= 0 ? (long)(k + kgb_rule_trigger(c, k, KGB_TRIG_COREF))
                      : -1;
}

/* Does a word of the title [A, B) say its holder leads nothing ("chief
 * financial officer", "board member", words.txt @notlead)? */
static int leads_nothing(const kgb_rule_ctx *c, size_t a, size_t b)
{
  for (size_t k = a; k < b; k++)
    if (kgb_rule_word_is(c, k, KGB_WORDS_NOT_LEAD))
      return 1;
  return 0;
}

static int manager_at(kgb_rule_ctx *c, size_t a, size_t b)
{
  const kgb_tokens *toks = &c->doc->toks;
  long org = mention_starting(c, after_qualifier(c, b), KGB_WORDS_PERSON_JOIN,
                              KGB_CLASS_ORGANIZATION);
  long person = -1;
  const char *rule = "manager-title";
  double conf = 0.85;
  char title[128];
  size_t tb = toks->v[a].begin, te = toks->v[b - 1].end;
  int firm;

  if (org < 0) {
    org = mention_ending(c, a, KGB_WORDS_POSSESSIVE, KGB_CLASS_ORGANIZATION);
    if (org >= 0) /* "Jane Roe, Zentra Spain country manager" */
      person = mention_ending(c, c->fs->mentions[org].first,
                              KGB_WORDS_APPOSITION,
                              KGB_CLASS_PERSON);
  } else {
    person = mention_starting(c, c->fs->mentions[org].last,
                              KGB_WORDS_APPOSITION,
                              KGB_CLASS_PERSON);
  }
  if (org < 0) {   /* "the chief executive of the company, Jane Roe" */
    long end = coref_org_after(c, b, &firm);
    if (end < 0)
      return KGB_OK;
    person = mention_starting(c, (size_t)end, KGB_WORDS_APPOSITION,
                              KGB_CLASS_PERSON);
    if (person < 0)
      person = mention_ending(c, a, KGB_WORDS_APPOSITION, KGB_CLASS_PERSON);
    rule = "manager-title-coref";
    conf = 0.7;
  } else {
    firm = c->fs->mentions[org].entity;
    if (person < 0)
      person = mention_ending(c, a, KGB_WORDS_APPOSITION, KGB_CLASS_PERSON);
    if (person < 0)
      person = mention_starting(c, b, KGB_WORDS_APPOSITION, KGB_CLASS_PERSON);
  }
  if (person < 0 || leads_nothing(c, a, b))
    return KGB_OK;
  /* A title is never cut: one too long to keep is left out. */
  snprintf(title, sizeof title, "%.*s", (int)(te - tb), c->doc->text + tb);
  return kgb_rule_add_link(c, KGB_FACT_MANAGER_OF,
                           c->fs->mentions[person].entity, firm,
                           te - tb < sizeof title ? title : NULL, conf, rule);
}

/* "Founded in 2012 by Jane Roe and Li Wei, Zentra ...", « fondée par X,
 * la société ... »: founders manage the firm the sentence is about. */
static int founders_at(kgb_rule_ctx *c, size_t t, size_t len)
{
  const kgb_wordset glue = KGB_WORDS_FOUNDER_GLUE;
  long people[8], org;
  size_t n = 0, k = t + len;
  size_t by = kgb_rule_find_trigger(c, k, c->s->last_tok, KGB_TRIG_PASSIVE);
  double conf = 0.75;
  int firm, rc = KGB_OK;

  if (by >= k + 4)
    return KGB_OK;   /* "founded in 2012 by": the founders follow "by" */
  k = by + 1;
  /* « par l'ingénieure Inès Haddad »: skip a short description. */
  while (k < c->s->last_tok && k < by + 4 &&
         !(c->doc->toks.v[k].flags & KGB_TF_CAP))
    k++;
  while (n < 8 && k < c->s->last_tok) {
    long p = mention_starting(c, k, glue, KGB_CLASS_PERSON);
    if (p < 0)
      break;
    people[n++] = p;
    k = c->fs->mentions[p].last;
  }
  org = kgb_rule_mention_in(c, k, c->s->last_tok, KGB_CLASS_ORGANIZATION);
  firm = org >= 0 ? c->fs->mentions[org].entity : kgb_rule_agent(c, t, &conf);
  for (size_t i = 0; i < n && rc == KGB_OK; i++)
    rc = kgb_rule_add_link(c, KGB_FACT_MANAGER_OF,
                           c->fs->mentions[people[i]].entity, firm,
                           kgb_patterns_first_word(c->lex->patterns,
                                                   KGB_WORDS_FOUNDER_TITLE),
                           conf, "founded-by");
  return rc;
}

int kgb_rules_people(kgb_rule_ctx *c)
{
  int rc = KGB_OK;

  for (size_t t = c->s->first_tok; t < c->s->last_tok && rc == KGB_OK; t++) {
    size_t n = kgb_lexicon_longest(c->lex, &c->doc->toks, t,
                                   c->s->last_tok - t, KGB_LEX_TITLE, NULL);
    size_t f = kgb_rule_trigger(c, t, KGB_TRIG_FOUNDED);
    if (f) {
      rc = founders_at(c, t, f);
      t += f - 1;
    } else if (n) {
      rc = manager_at(c, t, t + n);
      t += n - 1;
    }
  }
  return rc;
}
