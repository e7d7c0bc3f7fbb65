/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_rule_jobs.c - counts of jobs: created, cut, or the head-count. */
#include <string.h>

#include "kgb_rules.h"

/* Does a job noun follow the count ending at token Q_END, allowing two
 * adjectives between ("3,000 new permanent jobs")?  Returns its token,
 * or 0. */
static size_t job_noun_after(const kgb_rule_ctx *c, size_t q_end)
{
  for (size_t k = q_end; k < c->s->last_tok && k <= q_end + 2; k++) {
    const kgb_token *tok = &c->doc->toks.v[k];
    if (kgb_rule_trigger(c, k, KGB_TRIG_JOBNOUN))
      return k;
    if (tok->type != KGB_TOK_WORD || (tok->flags & KGB_TF_CAP))
      return 0;
  }
  return 0;
}

/* Does the count ending at Q_END name no thing of its own after it
 * ("2,000 we announced", "9,400 and", not « 70 magasins »)? */
static int counts_nothing_after(const kgb_rule_ctx *c, size_t q_end)
{
  const kgb_tokens *toks = &c->doc->toks;

  return q_end >= c->s->last_tok || toks->v[q_end].type != KGB_TOK_WORD ||
         kgb_lexicon_find(c->lex, toks, q_end, 1, KGB_LEX_STOPWORD);
}

/* "These jobs come on top of the 2,000 we announced": the count stands
 * for a job noun said earlier in the sentence. */
static int elliptic_job_count(const kgb_rule_ctx *c, size_t q_first,
                              size_t q_end)
{
  if (kgb_rule_find_trigger(c, c->s->first_tok, q_first, KGB_TRIG_JOBNOUN) >=
      q_first)
    return 0;
  return counts_nothing_after(c, q_end);
}

/* The nearest trigger of a job kind before FROM (back to the sentence
 * start), else within ten tokens after TO ("2,000 jobs at its plant may
 * be cut").  Sets *AT; *KIND is KGB_FACT_KIND_COUNT for jobs lost, which
 * no firm's plan creates or cuts. */
static int job_kind(const kgb_rule_ctx *c, size_t from, size_t to,
                    size_t *at, kgb_fact_kind *kind)
{
  static const struct {
    kgb_trigger trig;
    kgb_fact_kind kind;
  } kinds[] = {{KGB_TRIG_LOSS, KGB_FACT_KIND_COUNT},
               {KGB_TRIG_CUT, KGB_FACT_JOB_CUT},
               {KGB_TRIG_CREATE, KGB_FACT_JOB_CREATION},
               {KGB_TRIG_EMPLOY, KGB_FACT_WORKFORCE}};
  const size_t n = sizeof kinds / sizeof *kinds;

  for (size_t k = from; k-- > c->s->first_tok;)
    for (size_t i = 0; i < n; i++)
      if (kgb_rule_trigger(c, k, kinds[i].trig)) {
        *at = k;
        *kind = kinds[i].kind;
        return 1;
      }
  for (size_t k = to; k < c->s->last_tok && k < to + 10; k++)
    for (size_t i = 0; i < n; i++)
      if (kgb_rule_trigger(c, k, kinds[i].trig)) {
        *at = k;
        *kind = kinds[i].kind;
        return 1;
      }
  return 0;
}

/* "has 640 staff", « compte 1 450 collaborateurs », "with 1,100
 * employees": a verb of having right before a count of people. */
static int have_before(const kgb_rule_ctx *c, size_t q_first)
{
  return q_first > c->s->first_tok &&
         kgb_rule_trigger(c, q_first - 1, KGB_TRIG_HAVE) == 1;
}

/* "a workforce of 9,400", « un effectif de 1 450 », "employs about
 * 3,200 in Texas": a head-count word stands before the count, and no job
 * noun need follow it, but no other noun may. */
static int staff_noun_before(const kgb_rule_ctx *c, size_t q_first,
                             size_t q_end)
{
  size_t k = q_first;

  if (!counts_nothing_after(c, q_end))
    return 0;
  if (k > c->s->first_tok && kgb_rule_word_is(c, k - 1, KGB_WORDS_OF))
    k--;
  for (size_t t = k > c->s->first_tok + 3 ? k - 3 : c->s->first_tok; t < k;
       t++) {
    size_t len = kgb_rule_trigger(c, t, KGB_TRIG_EMPLOY);
    if (len && (t + len == k || t + len == q_first))
      return 1;
  }
  return 0;
}

static int sentence_has(const kgb_rule_ctx *c, kgb_trigger kind)
{
  return kgb_rule_find_trigger(c, c->s->first_tok, c->s->last_tok, kind) <
         c->s->last_tok;
}

/* "will employ 3,000 people" announces hiring, not a head-count. */
static int is_future(const kgb_rule_ctx *c, size_t at)
{
  size_t from = at > c->s->first_tok + 3 ? at - 3 : c->s->first_tok;

  return kgb_rule_find_trigger(c, from, at, KGB_TRIG_FUTURE) < at;
}

/* "its 3,000 employees", « ses 31 500 salariés »: a possessive, the
 * count and the people on the payroll are a head-count, whatever the
 * verb ("cut 300 of its 3,000 employees"). */
static int own_staff(const kgb_rule_ctx *c, const kgb_quantity *q,
                     size_t noun_end)
{
  return q->first > c->s->first_tok && noun_end == q->last + 1 &&
         kgb_rule_trigger(c, q->first - 1, KGB_TRIG_POSSESSIVE) == 1 &&
         kgb_rule_word_is(c, q->last, KGB_WORDS_STAFF);
}

static int job_fact(kgb_rule_ctx *c, const kgb_quantity *q, size_t noun_end)
{
  kgb_fact_kind kind;
  size_t at = 0, by;
  kgb_fact f;
  long m;
  int verbless = 0, own = own_staff(c, q, noun_end);

  if ((have_before(c, q->first) && noun_end > q->last) || own) {
    kind = KGB_FACT_WORKFORCE;
    at = q->first - 1;
  } else if (!job_kind(c, q->first, q->last, &at, &kind)) {
    /* No verb: "the 2,000 positions announced for 2024" are new jobs;
     * "2,000 people" without a verb are nothing. */
    if (!elliptic_job_count(c, q->first, q->last) &&
        !(noun_end > q->last &&
          kgb_rule_trigger(c, noun_end - 1, KGB_TRIG_JOBWORD)))
      return KGB_OK;
    /* Jobs named without a verb are new ones only in a sentence that
     * speaks of no cut, loss or denial at all. */
    if (sentence_has(c, KGB_TRIG_CUT) || sentence_has(c, KGB_TRIG_LOSS) ||
        sentence_has(c, KGB_TRIG_NEGATION))
      return KGB_OK;
    kind = KGB_FACT_JOB_CREATION;
    at = q->first;
    verbless = 1;
  }
  if (kind == KGB_FACT_KIND_COUNT || (at != q->first && kgb_rule_negated(c, at)))
    return KGB_OK;
  if (kind == KGB_FACT_WORKFORCE && at < q->first && !own && is_future(c, at))
    kind = KGB_FACT_JOB_CREATION;
  f = kgb_fact_init(kind, c->sentence, "jobs-count", 0.85);
  kgb_rule_set_figure(c, &f, q);
  by = at > q->first ? kgb_rule_find_trigger(c, at, c->s->last_tok,
                                             KGB_TRIG_PASSIVE)
                     : c->s->last_tok;
  m = by < c->s->last_tok ? kgb_rule_mention_in(c, by + 1, by + 4,
                                                KGB_CLASS_ORGANIZATION)
                          : -1;
  /* With no verb, only a firm this sentence names, or points to ("its
   * 2,000 new jobs"), has the jobs: "it is 500,000 jobs" after a quote
   * is an economy's, and the firm the article is about did not say it. */
  if (m < 0 && verbless &&
      kgb_rule_mention_in(c, c->s->first_tok, c->s->last_tok,
                          KGB_CLASS_ORGANIZATION) < 0 &&
      !sentence_has(c, KGB_TRIG_COREF))
    return KGB_OK;
  f.agent = m >= 0 ? c->fs->mentions[m].entity
                   : kgb_rule_agent(c, at < q->first ? at : q->first,
                                    &f.confidence);
  if (f.agent < 0)
    return KGB_OK;
  f.location = kgb_rule_place(c, noun_end, c->s->last_tok, 0, 0);
  if (f.location < 0)
    f.location = kgb_rule_place_before(c, q->first);
  if (f.location < 0)
    f.location = kgb_rule_recent_place(c);
  kgb_rule_years(c, &f);
  f.start_year = 0;
  return kgb_factset_add_fact(c->fs, &f);
}

/* Is the number ending at Q_END a share ("10 %", "12 per cent"), which
 * counts no jobs? */
static int is_share(const kgb_rule_ctx *c, size_t q_end)
{
  return kgb_rule_word_is(c, q_end, KGB_WORDS_PERCENT) ||
         (kgb_rule_word_is(c, q_end, KGB_WORDS_PERCENT_LEAD) &&
          kgb_rule_word_is(c, q_end + 1, KGB_WORDS_PERCENT));
}

/* Is the count a whole number?  "1.5 times the minimum wage", « 2,2
 * emplois détruits pour un créé » are ratios, not people. */
static int whole_count(const kgb_quantity *q)
{
  int64_t unit = 1;

  for (int k = 0; k < q->value.scale; k++)
    unit *= 10;
  return q->value.scale <= 0 || q->value.mant % unit == 0;
}

/* Is the count a day of a date, a number of 1 to 31 next to a month
 * (« le 13 avril », "on March 3")?  Dates were read as counts of people
 * where a month is a stop word (an elliptic count). */
static int day_of_month(const kgb_rule_ctx *c, const kgb_quantity *q)
{
  if (q->value.scale != 0 || q->value.mant < 1 || q->value.mant > 31 ||
      q->has_scale)
    return 0;
  return (q->last < c->s->last_tok &&
          kgb_rule_word_is(c, q->last, KGB_WORDS_MONTH)) ||
         (q->first > c->s->first_tok &&
          kgb_rule_word_is(c, q->first - 1, KGB_WORDS_MONTH));
}

/* Is the count an end of a range of sizes, "from 10 to 49", « de 11 à
 * 49 », "between 50 and 249"?  Such a range names a class of firms. */
static int range_end(const kgb_rule_ctx *c, const kgb_quantity *q)
{
  const kgb_tokens *toks = &c->doc->toks;
  size_t f = q->first, e = q->last;

  if (f > c->s->first_tok && kgb_rule_word_is(c, f - 1, KGB_WORDS_RANGE_FROM) &&
      e + 1 < c->s->last_tok && kgb_rule_word_is(c, e, KGB_WORDS_RANGE_TO) &&
      toks->v[e + 1].type == KGB_TOK_NUMBER)
    return 1;
  return f > c->s->first_tok + 2 &&
         kgb_rule_word_is(c, f - 1, KGB_WORDS_RANGE_TO) &&
         toks->v[f - 2].type == KGB_TOK_NUMBER &&
         kgb_rule_word_is(c, f - 3, KGB_WORDS_RANGE_FROM);
}

int kgb_rules_jobs(kgb_rule_ctx *c)
{
  kgb_quantity q;
  size_t i = c->s->first_tok;
  int rc = KGB_OK;

  while (rc == KGB_OK && kgb_rule_quantity(c, i, c->s->last_tok, 0, &q)) {
    size_t noun = job_noun_after(c, q.last);
    if ((q.has_scale && !noun) || is_share(c, q.last) || !whole_count(&q) ||
        range_end(c, &q) || day_of_month(c, &q)) {
      i = q.last;
      continue;
    }
    if (noun || elliptic_job_count(c, q.first, q.last) ||
        staff_noun_before(c, q.first, q.last))
      rc = job_fact(c, &q, noun ? noun + 1 : q.last);
    i = q.last;
  }
  return rc;
}
