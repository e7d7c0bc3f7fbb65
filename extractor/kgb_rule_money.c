/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_rule_money.c - investments and acquisitions: a trigger word, the
 * organisations around it, an amount of money, a place. */
#include <string.h>

#include "kgb_rules.h"

/* Where the money goes: "in Spain", "into Zentra", "dans ses opérations
 * françaises".  Sets the location or the investee of F. */
static void investment_target(kgb_rule_ctx *c, kgb_fact *f, size_t t,
                              size_t skip_b, size_t skip_e)
{
  long m = kgb_rule_mention_in(c, t + 1, c->s->last_tok, KGB_CLASS_ORGANIZATION);

  f->location = kgb_rule_place(c, t + 1, c->s->last_tok, skip_b, skip_e);
  if (m >= 0 && c->fs->mentions[m].entity != f->agent &&
      (f->location < 0 || c->fs->mentions[m].first > skip_e) &&
      c->fs->mentions[m].first <= skip_e + 2 && skip_e > 0)
    f->object = c->fs->mentions[m].entity;
  /* A place before the trigger counts only with a figure: "the French
   * presidency said firms would announce investments" has neither. */
  if (f->location < 0 && skip_e > 0)
    f->location = kgb_rule_place_before(c, t);
}

/* "X will invest AMOUNT in PLACE", "X va investir AMOUNT en PLACE",
 * "X's AMOUNT PLACE investment". */
static int investment_at(kgb_rule_ctx *c, size_t t, size_t *last_money)
{
  const kgb_sentence *s = c->s;
  kgb_fact f = kgb_fact_init(KGB_FACT_INVESTMENT, c->sentence,
                             "investment-trigger", 0.75);
  kgb_quantity q;
  int money = kgb_rule_quantity(c, t + 1, s->last_tok, 1, &q);
  size_t anchor = t;

  if (kgb_rule_negated(c, t))
    return KGB_OK;
  if (!money)
    money = kgb_rule_quantity(c, t > s->first_tok + 8 ? t - 8 : s->first_tok,
                              t, 1, &q);
  if (money) {
    if (*last_money == q.first + 1)
      return KGB_OK;   /* one figure, one fact: "invest ... investment" */
    *last_money = q.first + 1;
    kgb_rule_set_figure(c, &f, &q);
    f.confidence = 0.9;
    if (q.first < t)
      anchor = q.first;
  }
  f.agent = kgb_rule_agent(c, anchor, &f.confidence);
  if (f.agent < 0)
    return KGB_OK;
  investment_target(c, &f, t, money ? q.first : 0, money ? q.last : 0);
  if (!money && f.location < 0)
    return KGB_OK;
  if (f.location == f.agent)
    f.location = -1;
  if (f.location < 0 && money)
    f.location = kgb_rule_recent_place(c);
  kgb_rule_years(c, &f);
  return kgb_factset_add_fact(c->fs, &f);
}

int kgb_rule_minority_stake(const kgb_rule_ctx *c, size_t from, size_t to)
{
  size_t stake = to;

  for (size_t k = from; k < to && k < from + 8 && stake == to; k++)
    if (kgb_rule_word_is(c, k, KGB_WORDS_STAKE))
      stake = k;
  if (stake == to)
    return 0;
  for (size_t k = stake > from + 3 ? stake - 3 : from; k < stake + 3 && k < to;
       k++)
    if (kgb_rule_word_is(c, k, KGB_WORDS_MAJORITY))
      return 0;
  return 1;
}

/* Does a name whose class only a pattern could settle (KGB_MF_GUESSED)
 * start within tokens [FROM, TO)? */
static int guessed_in(const kgb_rule_ctx *c, size_t from, size_t to)
{
  for (size_t m = c->first_mention; m < c->end_mention; m++) {
    const kgb_mention *mn = &c->fs->mentions[m];
    if (mn->first >= from && mn->first < to &&
        (mn->flags & KGB_MF_GUESSED) &&
        c->fs->entities[mn->entity].cls != KGB_CLASS_ORGANIZATION)
      return 1;
  }
  return 0;
}

/* "X agreed to buy Y for AMOUNT", "Y was acquired by X", "le rachat de Y
 * par X pour AMOUNT". */
static int acquisition_at(kgb_rule_ctx *c, size_t t, size_t len)
{
  const kgb_sentence *s = c->s;
  kgb_fact f = kgb_fact_init(KGB_FACT_ACQUISITION, c->sentence,
                             "acquisition-trigger", 0.8);
  size_t by = kgb_rule_find_trigger(c, t + len, s->last_tok, KGB_TRIG_PASSIVE);
  long before = kgb_rule_mention_before(c, t, KGB_CLASS_ORGANIZATION);
  long after = kgb_rule_mention_in(c, t + len, by, KGB_CLASS_ORGANIZATION);
  long agent_by = by < s->last_tok
                      ? kgb_rule_mention_in(c, by + 1, s->last_tok,
                                            KGB_CLASS_ORGANIZATION)
                      : -1;
  kgb_quantity q;

  /* "bought Brivo, a unit of Y": a name no rule could type comes first,
   * and the firm after it is not the one bought. */
  if (after >= 0 && guessed_in(c, t + len, c->fs->mentions[after].first))
    after = -1;
  /* « X a acquis une participation de 60 %, la firme Y a pris 20 % »: a
   * name past a comma opens another clause. */
  if (after >= 0 &&
      kgb_rule_comma_between(c, t + len, c->fs->mentions[after].first))
    after = -1;
  if (agent_by >= 0 && c->fs->mentions[agent_by].first <= by + 3) {
    f.agent = c->fs->mentions[agent_by].entity;
    f.object = after >= 0 ? c->fs->mentions[after].entity
               : before >= 0 ? c->fs->mentions[before].entity : -1;
  } else if (after >= 0) {
    f.object = c->fs->mentions[after].entity;
    f.agent = kgb_rule_agent(c, t, &f.confidence);
  }
  if (f.agent < 0 || f.object < 0 || f.agent == f.object ||
      kgb_rule_negated(c, t) || kgb_rule_called_off(c) ||
      kgb_rule_minority_stake(c, t, s->last_tok))
    return KGB_OK;
  if (kgb_rule_quantity(c, t + len, s->last_tok, 1, &q))
    kgb_rule_set_figure(c, &f, &q);
  return kgb_factset_add_fact(c->fs, &f);
}

int kgb_rules_money(kgb_rule_ctx *c)
{
  size_t last_money = 0, acquired = 0;
  int rc = KGB_OK;

  for (size_t t = c->s->first_tok; t < c->s->last_tok && rc == KGB_OK; t++) {
    size_t len;
    if (kgb_rule_trigger(c, t, KGB_TRIG_INVEST))
      rc = investment_at(c, t, &last_money);
    else if (!acquired && (len = kgb_rule_trigger(c, t, KGB_TRIG_ACQUIRE))) {
      size_t before = c->fs->n_facts;
      rc = acquisition_at(c, t, len);
      acquired = c->fs->n_facts > before;
    }
  }
  return rc;
}
