/* kgb_relation.c - trigger-based rules for n-ary facts. */
#include "kgb_relation.h"

#include <string.h>

typedef struct {
  const kgb_document *doc;
  const kgb_lexicon *lex;
  kgb_factset *fs;
  size_t sentence;
  const kgb_sentence *s;
  size_t first_mention;   /* mentions of this sentence start here */
  size_t end_mention;
} rel_ctx;

/* Words before a year that make it the start of a period. */
static const char *const since_words[] = {"since", "depuis", NULL};
/* Words before a year that date the fact itself. */
static const char *const year_words[] = {"in", "for", "by", "en", "pour",
                                         "d'ici", NULL};

static int word_in(const char *fold, const char *const *list)
{
  for (size_t i = 0; list[i]; i++)
    if (strcmp(fold, list[i]) == 0)
      return 1;
  return 0;
}

static int mention_class(const rel_ctx *c, size_t m)
{
  return (int)c->fs->entities[c->fs->mentions[m].entity].cls;
}

static int written_lower(const kgb_document *doc, size_t tok)
{
  const char *fold = kgb_tok_fold(&doc->toks, tok);

  for (size_t i = 0; i < doc->toks.n; i++)
    if (!(doc->toks.v[i].flags & KGB_TF_CAP) &&
        strcmp(kgb_tok_fold(&doc->toks, i), fold) == 0)
      return 1;
  return 0;
}

/* The nearest organisation (or untyped name) mentioned before token T. */
static int agent_before(rel_ctx *c, size_t t)
{
  for (size_t m = c->end_mention; m-- > c->first_mention;) {
    kgb_mention *mn = &c->fs->mentions[m];
    int cls = mention_class(c, m);
    if (mn->last > t)
      continue;
    if (cls == KGB_CLASS_ORGANIZATION)
      return mn->entity;
    /* An untyped name becomes an organisation by acting as one, unless
     * it is a lone word opening the sentence that the text also writes
     * in lower case ("Analysts said..."). */
    if (cls == KGB_CLASS_UNKNOWN &&
        !(mn->first == c->s->first_tok && mn->last - mn->first == 1 &&
          written_lower(c->doc, mn->first))) {
      c->fs->entities[mn->entity].cls = KGB_CLASS_ORGANIZATION;
      return mn->entity;
    }
  }
  return -1;
}

/* The first place named in [FROM, TO), skipping tokens [SKIP_B, SKIP_E). */
static int place_between(const rel_ctx *c, size_t from, size_t to,
                         size_t skip_b, size_t skip_e)
{
  for (size_t m = c->first_mention; m < c->end_mention; m++) {
    const kgb_mention *mn = &c->fs->mentions[m];
    if (mn->first < from || mn->last > to ||
        (mn->first >= skip_b && mn->last <= skip_e))
      continue;
    if (mention_class(c, m) == KGB_CLASS_PLACE)
      return mn->entity;
  }
  return -1;
}

/* The first amount of money in [FROM, TO). */
static int money_between(const rel_ctx *c, size_t from, size_t to,
                         kgb_quantity *q)
{
  for (size_t i = from; i < to; i++)
    if (kgb_quantity_at(c->lex, &c->doc->toks, c->doc->text, i, to, q) &&
        q->currency >= 0)
      return 1;
  return 0;
}

static void find_years(const rel_ctx *c, kgb_fact *f)
{
  const kgb_tokens *toks = &c->doc->toks;
  int year;

  for (size_t i = c->s->first_tok + 1; i < c->s->last_tok; i++) {
    if (!kgb_token_is_year(toks, c->doc->text, i, &year))
      continue;
    if (word_in(kgb_tok_fold(toks, i - 1), since_words))
      f->start_year = year;
    else if (word_in(kgb_tok_fold(toks, i - 1), year_words))
      f->year = year;
  }
}

static void set_figure(const rel_ctx *c, kgb_fact *f, const kgb_quantity *q)
{
  f->has_figure = 1;
  f->figure = q->value;
  f->bound = q->bound;
  if (q->currency >= 0)
    memcpy(f->currency, c->lex->currencies[q->currency], 4);
}

/* "X will invest AMOUNT in PLACE", "X va investir AMOUNT en PLACE",
 * "X's AMOUNT PLACE investment". */
static int rule_investment(rel_ctx *c, size_t t, int *done)
{
  const kgb_sentence *s = c->s;
  kgb_fact f = kgb_fact_init(KGB_FACT_INVESTMENT, c->sentence,
                             "investment-trigger", 0.8);
  kgb_quantity q;
  int have_money = money_between(c, t + 1, s->last_tok, &q);
  size_t skip_b = 0, skip_e = 0;

  if (!have_money)
    have_money = money_between(c, t > s->first_tok + 8 ? t - 8 : s->first_tok,
                               t, &q);
  if (have_money) {
    if (*done)
      return KGB_OK;   /* one figure, one fact: "invest ... investment" */
    set_figure(c, &f, &q);
    skip_b = q.first;
    skip_e = q.last;
    f.confidence = 0.9;
  }
  f.agent = agent_before(c, have_money && q.first < t ? q.first : t);
  if (f.agent < 0)
    return KGB_OK;
  f.location = place_between(c, t + 1, s->last_tok, skip_b, skip_e);
  if (f.location < 0)
    f.location = place_between(c, s->first_tok, t, skip_b, skip_e);
  if (!have_money && f.location < 0)
    return KGB_OK;
  find_years(c, &f);
  *done = have_money;
  return kgb_factset_add_fact(c->fs, &f);
}

static int relate_sentence(rel_ctx *c)
{
  const kgb_tokens *toks = &c->doc->toks;
  const kgb_lex_entry *e;
  int rc = KGB_OK, invested = 0;

  for (size_t t = c->s->first_tok; t < c->s->last_tok && rc == KGB_OK; t++) {
    e = kgb_lexicon_find(c->lex, toks, t, 1, KGB_LEX_TRIGGER);
    if (e && e->value == KGB_TRIG_INVEST)
      rc = rule_investment(c, t, &invested);
  }
  return rc;
}

int kgb_relation_run(const kgb_document *doc, const kgb_lexicon *lex,
                     kgb_factset *fs)
{
  rel_ctx c = {doc, lex, fs, 0, NULL, 0, 0};
  size_t m = 0;
  int rc = KGB_OK;

  for (size_t s = 0; s < doc->n_sentences && rc == KGB_OK; s++) {
    c.sentence = s;
    c.s = &doc->sentences[s];
    c.first_mention = m;
    while (m < fs->n_mentions && fs->mentions[m].sentence == s)
      m++;
    c.end_mention = m;
    rc = relate_sentence(&c);
  }
  return rc;
}
