/* kgb_rule_people.c - managers: a person, a title, an organisation, in
 * the orders news use ("Jane Roe, chief executive of Zentra", "Zentra's
 * chief executive, Jane Roe", "Jane Roe, Zentra Spain country manager",
 * « Hélène Roy, directrice générale de Zentra »). */
#include <string.h>

#include "kgb_rules.h"

static int is_word(const kgb_rule_ctx *c, size_t k, const char *const *words)
{
  const char *f = k < c->s->last_tok ? kgb_tok_fold(&c->doc->toks, k) : "";

  for (size_t i = 0; words[i]; i++)
    if (strcmp(f, words[i]) == 0)
      return 1;
  return 0;
}

static const char *const joiners[] = {"of", "at", "for", "de", "d'", "du",
                                      "chez", "the", "la", "le", "l'", NULL};
static const char *const commas[] = {",", "the", "le", "la", NULL};
static const char *const possessive[] = {"'s", NULL};

/* The mention of class CLS that starts within [FROM, FROM + SKIP] where
 * the tokens skipped are all in WORDS; -1 when none. */
static long mention_starting(kgb_rule_ctx *c, size_t from,
                             const char *const *words, kgb_class cls)
{
  size_t k = from;

  while (k < c->s->last_tok && is_word(c, k, words))
    k++;
  for (size_t m = c->first_mention; m < c->end_mention; m++)
    if (c->fs->mentions[m].first == k && kgb_rule_accept(c, m, cls))
      return (long)m;
  return -1;
}

/* The mention of class CLS that ends at TO, maybe before WORDS. */
static long mention_ending(kgb_rule_ctx *c, size_t to,
                           const char *const *words, kgb_class cls)
{
  size_t k = to;

  while (k > c->s->first_tok && is_word(c, k - 1, words))
    k--;
  for (size_t m = c->first_mention; m < c->end_mention; m++)
    if (c->fs->mentions[m].last == k && kgb_rule_accept(c, m, cls))
      return (long)m;
  return -1;
}

/* "head of European sales at Zentra", « directrice des renouvelables de
 * Zentra »: a few lower-case words may qualify the title before its
 * organisation.  Returns where the organisation may start. */
static size_t after_qualifier(const kgb_rule_ctx *c, size_t b)
{
  const kgb_tokens *toks = &c->doc->toks;

  for (size_t k = b; k < c->s->last_tok && k < b + 5; k++) {
    const kgb_token *t = &toks->v[k];
    if (t->type != KGB_TOK_WORD || (t->flags & KGB_TF_CAP))
      return b;
    if (k > b && is_word(c, k, joiners) && k + 1 < c->s->last_tok &&
        (toks->v[k + 1].flags & KGB_TF_CAP))
      return k;
  }
  return b;
}

static int manager_at(kgb_rule_ctx *c, size_t a, size_t b)
{
  const kgb_tokens *toks = &c->doc->toks;
  long org = mention_starting(c, after_qualifier(c, b), joiners,
                              KGB_CLASS_ORGANIZATION);
  long person = -1;
  char title[32];
  size_t tb = toks->v[a].begin, te = toks->v[b - 1].end;

  if (org < 0) {
    org = mention_ending(c, a, possessive, KGB_CLASS_ORGANIZATION);
    if (org >= 0) /* "Jane Roe, Zentra Spain country manager" */
      person = mention_ending(c, c->fs->mentions[org].first, commas,
                              KGB_CLASS_PERSON);
  } else {
    person = mention_starting(c, c->fs->mentions[org].last, commas,
                              KGB_CLASS_PERSON);
  }
  if (org < 0)
    return KGB_OK;
  if (person < 0)
    person = mention_ending(c, a, commas, KGB_CLASS_PERSON);
  if (person < 0)
    person = mention_starting(c, b, commas, KGB_CLASS_PERSON);
  if (person < 0)
    return KGB_OK;
  snprintf(title, sizeof title, "%.*s", (int)(te - tb), c->doc->text + tb);
  return kgb_rule_add_link(c, KGB_FACT_MANAGER_OF,
                           c->fs->mentions[person].entity,
                           c->fs->mentions[org].entity, title, 0.85,
                           "manager-title");
}

int kgb_rules_people(kgb_rule_ctx *c)
{
  int rc = KGB_OK;

  for (size_t t = c->s->first_tok; t < c->s->last_tok && rc == KGB_OK; t++) {
    size_t n = kgb_lexicon_longest(c->lex, &c->doc->toks, t,
                                   c->s->last_tok - t, KGB_LEX_TITLE, NULL);
    if (n) {
      rc = manager_at(c, t, t + n);
      t += n - 1;
    }
  }
  return rc;
}
