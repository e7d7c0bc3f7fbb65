/* kgb_ner.c - names of organisations, people, places and events. */
#include "kgb_ner.h"

#include <string.h>

#include "kgb_alloc.h"

/* Lower-case words that may sit inside a name between capitalised
 * words: "Bank of America", "Banque de France", "Procter & Gamble". */
static const char *const name_connectors[] = {"&", "of", "de", "du", "des",
                                              "d'", "la", "et", NULL};

#define MAX_NAME_TOKENS 8

typedef struct {
  const kgb_document *doc;
  const kgb_lexicon *lex;
  kgb_factset *fs;
  size_t sentence;
} ner_ctx;

static int is_connector(const char *fold)
{
  for (size_t i = 0; name_connectors[i]; i++)
    if (strcmp(fold, name_connectors[i]) == 0)
      return 1;
  return 0;
}

static int is_name_token(const kgb_tokens *toks, size_t i)
{
  const kgb_token *t = &toks->v[i];
  const char *fold = kgb_tok_fold(toks, i);
  const char *hyphen = strrchr(fold, '-');

  if (t->type != KGB_TOK_WORD || !(t->flags & (KGB_TF_CAP | KGB_TF_ALLCAPS)))
    return 0;
  /* "Hamburg-based", "Paris-listed": an adjective, not a name. */
  if (hyphen && !(t->flags & KGB_TF_ALLCAPS)) {
    static const char *const tails[] = {"-based", "-listed", "-born",
                                        "-headquartered", "-owned", NULL};
    for (size_t k = 0; tails[k]; k++)
      if (strcmp(hyphen, tails[k]) == 0)
        return 0;
  }
  return 1;
}

/* End of the run of capitalised words starting at I, within [I, LIMIT):
 * connectors count only between two capitalised words. */
static size_t name_run_end(const kgb_tokens *toks, size_t i, size_t limit)
{
  size_t j = i;

  while (j < limit && j - i < MAX_NAME_TOKENS) {
    if (is_name_token(toks, j) &&
        (j == i || !(toks->v[j].flags & KGB_TF_NL_BEFORE))) {
      j++;
      continue;
    }
    if (j > i && j + 1 < limit && is_connector(kgb_tok_fold(toks, j)) &&
        is_name_token(toks, j + 1) &&
        strcmp(kgb_tok_fold(toks, j), "et") != 0) {
      j += 2;
      continue;
    }
    break;
  }
  return j;
}

static int add_mention(ner_ctx *c, size_t first, size_t last, int entity,
                       unsigned flags)
{
  kgb_mention m = {first, last, c->sentence, entity, flags};

  if (entity < 0)
    return KGB_ENOMEM;
  return kgb_factset_add_mention(c->fs, &m);
}

static int add_named(ner_ctx *c, kgb_class cls, size_t first, size_t last,
                     int place)
{
  const kgb_tokens *toks = &c->doc->toks;
  const char *text = c->doc->text;
  size_t b = toks->v[first].begin, e = toks->v[last - 1].end;
  int ent = kgb_factset_entity(c->fs, cls, text + b, e - b, place);

  return add_mention(c, first, last, ent, 0);
}

/* A gazetteer place or company: the canonical name is the label, the
 * surface form an alias. */
static int add_known(ner_ctx *c, kgb_class cls, const char *canonical,
                     size_t first, size_t last, int place, unsigned flags)
{
  const kgb_tokens *toks = &c->doc->toks;
  size_t b = toks->v[first].begin, e = toks->v[last - 1].end;
  int ent = kgb_factset_entity(c->fs, cls, canonical, strlen(canonical),
                               place);
  int rc;

  if (ent < 0)
    return KGB_ENOMEM;
  if (!(flags & KGB_MF_DEMONYM)) {
    rc = kgb_factset_add_alias(c->fs, ent, c->doc->text + b, e - b);
    if (rc)
      return rc;
  }
  return add_mention(c, first, last, ent, flags);
}

static int has_legal_suffix(const ner_ctx *c, size_t first, size_t last)
{
  for (size_t k = first + 1; k < last; k++)
    if (kgb_lexicon_find(c->lex, &c->doc->toks, k, 1, KGB_LEX_LEGAL))
      return 1;
  return 0;
}

/* Type a run of capitalised words that no gazetteer knows whole. */
static kgb_class classify_run(const ner_ctx *c, size_t first, size_t last)
{
  const kgb_tokens *toks = &c->doc->toks;

  if (has_legal_suffix(c, first, last))
    return KGB_CLASS_ORGANIZATION;
  if (kgb_lexicon_find(c->lex, toks, first, 1, KGB_LEX_COMPANY))
    return KGB_CLASS_ORGANIZATION;   /* "Acme Spain", "Google Cloud" */
  if (last - first >= 2 && last - first <= 4 &&
      kgb_lexicon_find(c->lex, toks, first, 1, KGB_LEX_FIRSTNAME))
    return KGB_CLASS_PERSON;
  return KGB_CLASS_UNKNOWN;
}

/* Drop trailing function words ("Amazon Monday" is not a name); the
 * leading ones were skipped before the run began. */
static void trim_run(const ner_ctx *c, size_t *first, size_t *last)
{
  const kgb_tokens *toks = &c->doc->toks;

  while (*last > *first &&
         (kgb_lexicon_find(c->lex, toks, *last - 1, 1, KGB_LEX_STOPWORD) ||
          is_connector(kgb_tok_fold(toks, *last - 1))))
    (*last)--;
}

/* Try the gazetteers at I; returns the tokens used, 0 when none. */
static size_t gazetteer_at(ner_ctx *c, size_t i, size_t limit, int *rc)
{
  const kgb_lexicon *lex = c->lex;
  const kgb_tokens *toks = &c->doc->toks;
  const kgb_lex_entry *place = NULL, *company = NULL, *demonym = NULL;
  size_t np = kgb_lexicon_longest(lex, toks, i, limit - i, KGB_LEX_PLACE,
                                  &place);
  size_t nc = kgb_lexicon_longest(lex, toks, i, limit - i, KGB_LEX_COMPANY,
                                  &company);
  size_t nd = kgb_lexicon_longest(lex, toks, i, limit - i, KGB_LEX_DEMONYM,
                                  &demonym);
  size_t run = is_name_token(toks, i) ? name_run_end(toks, i, limit) - i
                                          : 0;

  /* A longer capitalised run ("Amazon France", "Paris Saint-Germain")
   * is a name of its own; the run rules decide it. */
  if (run > np && run > nc && run > 1)
    return 0;
  if (nc && nc >= np) {
    *rc = add_known(c, KGB_CLASS_ORGANIZATION, lex->companies[company->value],
                    i, i + nc, -1, 0);
    return nc;
  }
  if (np) {
    *rc = add_known(c, KGB_CLASS_PLACE, lex->places[place->value].name, i,
                    i + np, place->value, 0);
    return np;
  }
  if (nd) {
    *rc = add_known(c, KGB_CLASS_PLACE, lex->places[demonym->value].name, i,
                    i + nd, demonym->value, KGB_MF_DEMONYM);
    return nd;
  }
  return 0;
}

static int ner_sentence(ner_ctx *c, const kgb_sentence *s)
{
  const kgb_tokens *toks = &c->doc->toks;
  size_t i = s->first_tok;
  int rc = KGB_OK;

  while (i < s->last_tok && rc == KGB_OK) {
    size_t used, first, last;
    if (kgb_lexicon_find(c->lex, toks, i, 1, KGB_LEX_STOPWORD) ||
        kgb_token_is_ticker(c->doc->text, &toks->v[i])) {
      i++;
      continue;
    }
    used = gazetteer_at(c, i, s->last_tok, &rc);
    if (used) {
      i += used;
      continue;
    }
    if (!is_name_token(toks, i)) {
      i++;
      continue;
    }
    first = i;
    last = name_run_end(toks, i, s->last_tok);
    i = last;
    trim_run(c, &first, &last);
    if (first < last)
      rc = add_named(c, classify_run(c, first, last), first, last, -1);
  }
  return rc;
}

int kgb_ner_run(const kgb_document *doc, const kgb_lexicon *lex,
                kgb_factset *fs)
{
  ner_ctx c = {doc, lex, fs, 0};
  int rc = KGB_OK;

  for (size_t s = 0; s < doc->n_sentences && rc == KGB_OK; s++) {
    c.sentence = s;
    rc = ner_sentence(&c, &doc->sentences[s]);
  }
  return rc;
}
