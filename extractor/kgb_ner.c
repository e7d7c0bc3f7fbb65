/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_ner.c - names of organisations, people, places and events. */
#define _GNU_SOURCE   /* memrchr */
#include "kgb_limits.h"
#include "kgb_ner.h"
#include "kgb_ner_internal.h"
#include "kgb_number.h"
#include "kgb_pattern.h"
#include "kgb_pos.h"

#include <string.h>

#include "kgb_alloc.h"
#include "kgb_utf8.h"

#define MAX_NAME_TOKENS 8

int kgb_ner_word_is(const ner_ctx *c, size_t i, kgb_wordset ws)
{
  return kgb_patterns_word_is(c->lex->patterns, ws,
                              kgb_tok_fold(&c->doc->toks, i));
}

int kgb_ner_whole_in_table(const ner_ctx *c, size_t first, size_t last,
                           kgb_lex_type type)
{
  return kgb_lexicon_longest(c->lex, &c->doc->toks, first, last - first,
                             type, NULL) == last - first;
}

/* A lower-case word at a name's edge, or skipped in its acronym: "Bank
 * of America", "Procter & Gamble" (words.txt @connector). */
static int is_connector(const ner_ctx *c, size_t i)
{
  return kgb_ner_word_is(c, i, KGB_WORDS_CONNECTOR);
}

static int is_name_token(const ner_ctx *c, size_t i)
{
  const kgb_tokens *toks = &c->doc->toks;
  const kgb_token *t = &toks->v[i];
  const char *fold = kgb_tok_fold(toks, i);
  const char *hyphen = strrchr(fold, '-');

  if (t->type != KGB_TOK_WORD || !(t->flags & (KGB_TF_CAP | KGB_TF_ALLCAPS)))
    return 0;
  /* "L'entreprise" opening a sentence: the article is no name. */
  if (t->flags & KGB_TF_ELISION)
    return 0;
  /* "Hamburg-based", "Paris-listed": an adjective, not a name. */
  if (hyphen && !(t->flags & KGB_TF_ALLCAPS) &&
      kgb_patterns_word_is(c->lex->patterns, KGB_WORDS_ADJECTIVE_TAIL, hyphen))
    return 0;
  return 1;
}

static size_t run_end(const ner_ctx *c, size_t i, size_t limit, int and_ok);

/* "Northern Water and Sewage Authority", "Allied Port and Rail Workers
 * Union", "the Women's Institute": after "and" (@nameand) or a
 * possessive, a run that ends a body's name (@bodyhead) while the words
 * before it end none and name no known firm or place ("Britain's
 * Financial Services Authority" stays two names); the end of that run,
 * or 0. */
static size_t body_after_and(const ner_ctx *c, size_t i, size_t j,
                             size_t limit)
{
  const kgb_tokens *toks = &c->doc->toks;
  size_t end;

  if (j + 1 >= limit ||
      !(kgb_ner_word_is(c, j, KGB_WORDS_NAME_AND) ||
        kgb_ner_word_is(c, j, KGB_WORDS_POSSESSIVE)) ||
      !is_name_token(c, j + 1) || kgb_ner_word_is(c, j - 1, KGB_WORDS_BODY_HEAD) ||
      kgb_lexicon_find(c->lex, toks, i, j - i, KGB_LEX_COMPANY) ||
      kgb_lexicon_longest(c->lex, toks, i, j - i, KGB_LEX_PLACE, NULL))
    return 0;
  end = run_end(c, j + 1, limit, 0);
  return kgb_ner_word_is(c, end - 1, KGB_WORDS_BODY_HEAD) ? end : 0;
}

/* End of the run of capitalised words starting at I, within [I, LIMIT):
 * the words of @namejoin count only between two capitalised words, and
 * (AND_OK) "and" before the rest of a body's name. */
static size_t run_end(const ner_ctx *c, size_t i, size_t limit, int and_ok)
{
  const kgb_tokens *toks = &c->doc->toks;
  size_t j = i, end;

  while (j < limit && j - i < MAX_NAME_TOKENS) {
    if (is_name_token(c, j) &&
        (j == i || !(toks->v[j].flags & KGB_TF_NL_BEFORE))) {
      j++;
      continue;
    }
    if (j > i && j + 1 < limit && kgb_ner_word_is(c, j, KGB_WORDS_NAME_JOIN) &&
        is_name_token(c, j + 1)) {
      j += 2;
      continue;
    }
    if (and_ok && j > i && (end = body_after_and(c, i, j, limit))) {
      j = end;
      continue;
    }
    break;
  }
  return j;
}

static size_t name_run_end(const ner_ctx *c, size_t i, size_t limit)
{
  return run_end(c, i, limit, 1);
}

static int add_mention(ner_ctx *c, size_t first, size_t last, int entity,
                       unsigned flags)
{
  kgb_mention m = {(uint32_t)first, (uint32_t)last, (uint32_t)c->sentence,
                   entity, flags};

  if (entity < 0)
    return KGB_ENOMEM;
  return kgb_factset_add_mention(c->fs, &m);
}

/* Can the word at I stand for a whole organisation name ("Nordwind" for
 * "Nordwind Energy AG")?  Not when it is a common, place or first name,
 * or already stands for something else. */
static int distinctive_word(const ner_ctx *c, size_t i)
{
  const kgb_tokens *toks = &c->doc->toks;
  const char *fold = kgb_tok_fold(toks, i);
  static const kgb_lex_type common[] = {
    KGB_LEX_STOPWORD, KGB_LEX_PLACE, KGB_LEX_DEMONYM, KGB_LEX_FIRSTNAME,
    KGB_LEX_TITLE, KGB_LEX_LEGAL, KGB_LEX_EVENTWORD,
  };

  if (kgb_utf8_cp_count(fold, strlen(fold)) < 4 ||
      kgb_map_get(&c->short_names, fold, strlen(fold)) >= 0)
    return 0;
  for (size_t k = 0; k < sizeof common / sizeof *common; k++)
    if (kgb_lexicon_find(c->lex, toks, i, 1, common[k]))
      return 0;
  return 1;
}

int kgb_ner_add_named(ner_ctx *c, kgb_class cls, size_t first, size_t last,
                     int place)
{
  const kgb_tokens *toks = &c->doc->toks;
  const char *text = c->doc->text;
  size_t b = toks->v[first].begin, e = toks->v[last - 1].end;
  int ent = kgb_factset_entity(c->fs, cls, text + b, e - b, place);
  const char *surname;

  if (ent >= 0 && cls == KGB_CLASS_PERSON && last - first >= 2) {
    /* Later, "Duval" alone is this person. */
    surname = kgb_tok_fold(toks, last - 1);
    if (kgb_map_put(&c->short_names, surname, strlen(surname), ent))
      return KGB_ENOMEM;
  }
  if (ent >= 0 && cls == KGB_CLASS_ORGANIZATION && last - first >= 2 &&
      distinctive_word(c, first) &&
      kgb_map_put(&c->short_names, kgb_tok_fold(toks, first),
                  strlen(kgb_tok_fold(toks, first)), ent))
    return KGB_ENOMEM;
  return add_mention(c, first, last, ent, 0);
}

int kgb_ner_add_guessed(ner_ctx *c, size_t first, size_t last)
{
  int rc = kgb_ner_add_named(c, KGB_CLASS_UNKNOWN, first, last, -1);

  if (rc == KGB_OK)
    c->fs->mentions[c->fs->n_mentions - 1].flags |= KGB_MF_GUESSED;
  return rc;
}

/* A single word that names someone or something seen before in full:
 * a surname, or an acronym given in parentheses. */
int kgb_ner_add_short_name(ner_ctx *c, size_t i, kgb_class cls)
{
  const kgb_tokens *toks = &c->doc->toks;
  const char *fold = kgb_tok_fold(toks, i);
  int ent = kgb_map_get(&c->short_names, fold, strlen(fold));
  int rc;

  if (ent < 0 ||
      (cls != KGB_CLASS_UNKNOWN && c->fs->entities[ent].cls != cls))
    return 0;
  rc = kgb_factset_add_alias(c->fs, ent, c->doc->text + toks->v[i].begin,
                             toks->v[i].end - toks->v[i].begin);
  if (rc == KGB_OK)
    rc = add_mention(c, i, i + 1, ent, 0);
  return rc == KGB_OK ? 1 : rc;
}

/* "Zentra Logistics Services (ZLS)": the acronym in parentheses after a
 * name, made of its initials, is another name for it. */
int kgb_ner_acronym_after(ner_ctx *c, size_t first, size_t last, int ent)
{
  const kgb_tokens *toks = &c->doc->toks;
  const char *acro;
  size_t k = 0, n;

  if (last + 2 >= toks->n || strcmp(kgb_tok_fold(toks, last), "(") ||
      strcmp(kgb_tok_fold(toks, last + 2), ")") ||
      !(toks->v[last + 1].flags & KGB_TF_ALLCAPS))
    return KGB_OK;
  acro = kgb_tok_fold(toks, last + 1);
  n = strlen(acro);
  for (size_t t = first; t < last && k < n; t++) {
    if (is_connector(c, t))
      continue;
    if (kgb_tok_fold(toks, t)[0] != acro[k++])
      return KGB_OK;
  }
  if (k != n || n < 2)
    return KGB_OK;
  return kgb_map_put(&c->short_names, acro, n, ent);
}

/* A gazetteer place or company: the canonical name is the label, the
 * surface form an alias. */
int kgb_ner_add_known(ner_ctx *c, kgb_class cls, const char *canonical,
                     size_t first, size_t last, int place, unsigned flags)
{
  const kgb_tokens *toks = &c->doc->toks;
  size_t b = toks->v[first].begin, e = toks->v[last - 1].end;
  int ent = kgb_factset_entity(c->fs, cls, canonical, strlen(canonical),
                               place);
  int rc;

  if (ent < 0)
    return KGB_ENOMEM;
  if (!(flags & (KGB_MF_DEMONYM | KGB_MF_BASED | KGB_MF_OWNER))) {
    rc = kgb_factset_add_alias(c->fs, ent, c->doc->text + b, e - b);
    if (rc)
      return rc;
  }
  return add_mention(c, first, last, ent, flags);
}

int kgb_ner_has_legal_suffix(const ner_ctx *c, size_t first, size_t last)
{
  for (size_t k = first + 1; k < last; k++)
    if (kgb_lexicon_find(c->lex, &c->doc->toks, k, 1, KGB_LEX_LEGAL))
      return 1;
  return 0;
}

int kgb_ner_has_event_word(const ner_ctx *c, size_t first, size_t last)
{
  for (size_t k = first; k < last; k++)
    if (kgb_lexicon_find(c->lex, &c->doc->toks, k, 1, KGB_LEX_EVENTWORD))
      return 1;
  return 0;
}

/* Does a trigger of KIND end right before token FIRST ("à", "Mme", "Mr.")? */
int kgb_ner_cue_before(const ner_ctx *c, size_t first, kgb_trigger kind)
{
  const kgb_tokens *toks = &c->doc->toks;
  size_t k = first;

  if (k > 0 && strcmp(kgb_tok_fold(toks, k - 1), ".") == 0)
    k--;   /* "Mr. Smith", "M. Dupont" */
  for (size_t n = 1; n <= 3 && n <= k; n++)
    if (kgb_lexicon_trigger_at(c->lex, toks, k - n, k, kind) == n)
      return 1;
  return 0;
}

/* Type a run of capitalised words that no gazetteer knows whole. */
/* "its Crewe site", « l'usine de Douai »: a name that says where a
 * facility is, next to the facility word. */
static int names_a_site(const ner_ctx *c, size_t first, size_t last)
{
  const kgb_tokens *toks = &c->doc->toks;

  if (kgb_lexicon_find(c->lex, toks, first, 1, KGB_LEX_COMPANY))
    return 0;
  /* "its Crewe site", "Zentra's Crewe plant" */
  if ((kgb_ner_cue_before(c, first, KGB_TRIG_POSSESSIVE) ||
       (first > 0 && kgb_ner_word_is(c, first - 1, KGB_WORDS_POSSESSIVE))) &&
      kgb_lexicon_trigger_at(c->lex, toks, last, toks->n, KGB_TRIG_FACILITY))
    return 1;
  if (first < 2)
    return 0;
  return kgb_ner_word_is(c, first - 1, KGB_WORDS_SITE_OF) &&
         kgb_lexicon_trigger_at(c->lex, toks, first - 2, first - 1,
                                KGB_TRIG_FACILITY);
}

/* The length of the tail of the set WS ("-based", words.txt @basedtail;
 * "-owned", @ownedtail) ending token I's fold, or 0. */
static size_t dash_tail(const ner_ctx *c, size_t i, kgb_wordset ws)
{
  const char *fold = kgb_tok_fold(&c->doc->toks, i), *dash = strrchr(fold, '-');

  return dash && kgb_patterns_word_is(c->lex->patterns, ws, dash)
             ? strlen(dash) : 0;
}

static size_t based_tail(const ner_ctx *c, size_t i)
{
  return dash_tail(c, i, KGB_WORDS_BASED_TAIL);
}

/* "Ferrox-owned", "Ferrox Group-controlled": the firm of tokens [FIRST,
 * J] without the tail on J, as a mention of its own flagged as the owner
 * of what follows.  1 when added. */
static int owner_adjective(ner_ctx *c, size_t first, size_t j, int *rc)
{
  const kgb_tokens *toks = &c->doc->toks;
  size_t tail = dash_tail(c, j, KGB_WORDS_OWNED_TAIL), b, len;
  char name[KGB_OWNER_NAME_MAX];

  if (!tail)
    return 0;
  /* "The Ferrox Group-owned": the article opens no owner's name. */
  if (first < j && kgb_lexicon_find(c->lex, toks, first, 1, KGB_LEX_STOPWORD))
    first++;
  b = toks->v[first].begin;
  if (toks->v[j].end - tail <= b)
    return 0;
  len = toks->v[j].end - tail - b;
  if (len >= sizeof name)
    return 0;   /* no owner is named at such length; never cut a name */
  /* "Chinese-owned", "Qatar-owned": a nationality or a state, no firm. */
  if (kgb_lexicon_lookup(c->lex, c->doc->text + b, len, KGB_LEX_DEMONYM) ||
      kgb_lexicon_lookup(c->lex, c->doc->text + b, len, KGB_LEX_PLACE))
    return 0;
  memcpy(name, c->doc->text + b, len);
  name[len] = '\0';
  *rc = kgb_ner_add_known(c, KGB_CLASS_ORGANIZATION, name, first, j + 1, -1,
                          KGB_MF_OWNER);
  return 1;
}

/* The place of tokens [FIRST, J] written with a "-based" tail on J
 * ("Munich-based", "New York-based"), or NULL. */
static const kgb_lex_entry *based_place(const ner_ctx *c, size_t first,
                                        size_t j)
{
  const kgb_tokens *toks = &c->doc->toks;
  size_t b = toks->v[first].begin, tail = based_tail(c, j);

  /* The tail is ASCII in the text as in the fold. */
  return tail ? kgb_lexicon_lookup(c->lex, c->doc->text + b,
                                   toks->v[j].end - tail - b, KGB_LEX_PLACE)
              : NULL;
}

/* "Plano, Texas", "Plano, Texas-based": a name, a comma, then a known
 * place that is not the start of a longer name nor owns what follows
 * ("Acme, France's largest bank").  Towns no table lists are written so
 * with their region or country. */
static int before_its_region(const ner_ctx *c, size_t last)
{
  const kgb_tokens *toks = &c->doc->toks;
  const kgb_lex_entry *e = NULL;
  size_t n, k = last + 1;

  if (k >= toks->n || strcmp(kgb_tok_fold(toks, last), ",") != 0)
    return 0;
  n = kgb_lexicon_longest(c->lex, toks, k, toks->n - k, KGB_LEX_PLACE, &e);
  if (n && (k + n < toks->n && ((toks->v[k + n].flags & KGB_TF_CAP) ||
                                kgb_ner_word_is(c, k + n, KGB_WORDS_POSSESSIVE) ||
                                kgb_lexicon_trigger_at(c->lex, toks, k + n,
                                                       k + n + 1,
                                                       KGB_TRIG_POSSESSIVE))))
    return 0;
  /* "Texas-based": the place glued to its tail. */
  if (!n && (toks->v[k].flags & KGB_TF_CAP))
    e = based_place(c, k, k);
  /* A town lies in a region or a country, not in another town. */
  return e && (c->lex->places[e->value].type == KGB_PLACE_REGION ||
               c->lex->places[e->value].type == KGB_PLACE_COUNTRY);
}

static kgb_class classify_run(const ner_ctx *c, size_t first, size_t last)
{
  const kgb_tokens *toks = &c->doc->toks;

  if (kgb_ner_has_event_word(c, first, last))
    return KGB_CLASS_EVENT;
  if (kgb_ner_has_legal_suffix(c, first, last))
    return KGB_CLASS_ORGANIZATION;
  if (kgb_ner_cue_before(c, first, KGB_TRIG_HONORIFIC))
    return KGB_CLASS_PERSON;
  if (names_a_site(c, first, last))
    return KGB_CLASS_PLACE;
  /* "à Eisenach", "near Tarbes": a town no table lists.  Not a known
   * place with more words after it ("shares in Bristol Athletic"): that
   * is a name of its own. */
  if (kgb_ner_cue_before(c, first, KGB_TRIG_PLACEPREP) &&
      !(first >= 2 && kgb_ner_word_is(c, first - 2, KGB_WORDS_STAKE_IN)) &&
      !(toks->v[first].flags & KGB_TF_ALLCAPS) &&
      !kgb_lexicon_longest(c->lex, toks, first, last - first, KGB_LEX_PLACE,
                           NULL) &&
      !kgb_lexicon_find(c->lex, toks, first, 1, KGB_LEX_COMPANY) &&
      !kgb_lexicon_find(c->lex, toks, first, 1, KGB_LEX_FIRSTNAME))
    return KGB_CLASS_PLACE;
  if (kgb_lexicon_find(c->lex, toks, first, 1, KGB_LEX_COMPANY))
    return KGB_CLASS_ORGANIZATION;   /* "Acme Spain", "Google Cloud" */
  /* A first name alone may be a town ("Taylor, Texas"); a first name
   * and another word before a region are a person's ("Ann Lee, Texas
   * governor"). */
  if (last - first <= 2 && before_its_region(c, last) &&
      !(first > 0 && based_tail(c, first - 1)) &&
      !(last - first == 2 &&
        kgb_lexicon_find(c->lex, toks, first, 1, KGB_LEX_FIRSTNAME)))
    return KGB_CLASS_PLACE;
  /* "... Water Authority", "... Workers Union": a body's last word. */
  if (last - first >= 2 && kgb_ner_word_is(c, last - 1, KGB_WORDS_BODY_HEAD))
    return KGB_CLASS_ORGANIZATION;
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
          is_connector(c, *last - 1)))
    (*last)--;
}

/* A capitalised run the tagger passed over ("Systra, filiale de ..."):
 * a name of no class, which a fact pattern may type by its context
 * and which is written out only then.  The tokens used from I, 0 when
 * I opens no such run. */
size_t kgb_ner_untyped_run(ner_ctx *c, const kgb_sentence *s, size_t i,
                           size_t limit, int *rc)
{
  const kgb_tokens *toks = &c->doc->toks;
  size_t first = i, last;
  const char *pos;
  int found;

  if (!c->pos || !is_name_token(c, i) ||
      (toks->v[i].flags & KGB_TF_ALLCAPS) ||
      kgb_lexicon_find(c->lex, toks, i, 1, KGB_LEX_STOPWORD) ||
      kgb_lexicon_trigger_at(c->lex, toks, i, i + 1, KGB_TRIG_HONORIFIC) ||
      kgb_ner_shouting(toks, s->first_tok, s->last_tok - s->first_tok))
    return 0;
  /* The tagger of parts of speech tells "Systra" from a capitalised
   * word opening a sentence ("Outre", « Aujourd'hui »); it is asked
   * last, as it tags the whole sentence. */
  if (i == s->first_tok &&
      (!(pos = kgb_pos_at(c->pos, i)) || strcmp(pos, "propn")))
    return 0;
  last = run_end(c, i, limit, 0);
  trim_run(c, &first, &last);
  if (last <= first)
    return 0;
  if (last - first == 1 &&
      (found = kgb_ner_add_short_name(c, first, KGB_CLASS_UNKNOWN)) != 0) {
    *rc = found < 0 ? found : KGB_OK;
    return 1;
  }
  *rc = kgb_ner_add_guessed(c, first, last);
  return last - i;
}

/* Do tokens [K, END) read "of France", « de France »: a connector, then
 * a known place and nothing more? */
static int firm_of_place(const ner_ctx *c, size_t k, size_t end)
{
  const kgb_tokens *toks = &c->doc->toks;

  if (k + 1 >= end || !kgb_ner_word_is(c, k, KGB_WORDS_OF))
    return 0;
  return kgb_lexicon_longest(c->lex, toks, k + 1, end - k - 1, KGB_LEX_PLACE,
                             NULL) == end - k - 1;
}

/* Try the gazetteers at I; returns the tokens used, 0 when none. */
static size_t gazetteer_at(ner_ctx *c, size_t i, size_t limit,
                           size_t min_tokens, int *rc)
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
  size_t run = is_name_token(c, i) ? name_run_end(c, i, limit) - i : 0;

  /* A longer capitalised run ("Amazon France", "Paris Saint-Germain")
   * is a name of its own; the run rules decide it.  Not "Schneider
   * Electric of France": a known firm, "of", and the country it is from. */
  if (run > np && run > nc && run > 1 && !(nc && firm_of_place(c, i + nc, i + run)))
    return 0;
  if (np < min_tokens)
    np = 0;
  if (nc < min_tokens)
    nc = 0;
  if (nd < min_tokens)
    nd = 0;
  if (nc && nc >= np) {
    *rc = kgb_ner_add_known(c, KGB_CLASS_ORGANIZATION, lex->companies[company->value],
                    i, i + nc, -1, 0);
    return nc;
  }
  if (np) {
    *rc = kgb_ner_add_known(c, KGB_CLASS_PLACE, lex->places[place->value].name, i,
                    i + np, place->value, 0);
    return np;
  }
  if (nd) {
    *rc = kgb_ner_add_known(c, KGB_CLASS_PLACE, lex->places[demonym->value].name, i,
                    i + nd, demonym->value, KGB_MF_DEMONYM);
    return nd;
  }
  return 0;
}

int kgb_ner_is_open_quote(const char *f)
{
  return !strcmp(f, "\"") || !strcmp(f, "\xE2\x80\x9C") ||
         !strcmp(f, "\xC2\xAB") || !strcmp(f, "\xE2\x80\x98");
}

int kgb_ner_is_close_quote(const char *f)
{
  return !strcmp(f, "\"") || !strcmp(f, "\xE2\x80\x9D") ||
         !strcmp(f, "\xC2\xBB") || !strcmp(f, "\xE2\x80\x99");
}

/* Is an event noun ("summit", "événement") within WINDOW tokens of
 * [FIRST, LAST) in sentence S? */
int kgb_ner_event_noun_near(const ner_ctx *c, const kgb_sentence *s,
                           size_t first, size_t last, size_t window)
{
  size_t from = first > s->first_tok + window ? first - window : s->first_tok;
  size_t to = last + window < s->last_tok ? last + window : s->last_tok;

  for (size_t k = from; k < to; k++)
    if ((k < first || k >= last) &&
        kgb_lexicon_trigger_at(c->lex, &c->doc->toks, k, s->last_tok,
                               KGB_TRIG_EVENTNOUN))
      return 1;
  return 0;
}

/* “Choose Europe” next to "summit" / « événement »: a quoted name that
 * an event noun qualifies.  Returns the tokens used, 0 when none. */
static size_t quoted_event_at(ner_ctx *c, const kgb_sentence *s, size_t i,
                              int *rc)
{
  const kgb_tokens *toks = &c->doc->toks;
  size_t end;

  if (!kgb_ner_is_open_quote(kgb_tok_fold(toks, i)) || i + 2 >= s->last_tok ||
      !is_name_token(c, i + 1))
    return 0;
  end = name_run_end(c, i + 1, s->last_tok);
  if (end >= s->last_tok || !kgb_ner_is_close_quote(kgb_tok_fold(toks, end)) ||
      !kgb_ner_event_noun_near(c, s, i, end + 1, 4))
    return 0;
  *rc = kgb_ner_add_named(c, KGB_CLASS_EVENT, i + 1, end, -1);
  return end + 1 - i;
}

/* "the Aero Expo 2005 air show": a capitalised run, a year, and an event
 * noun within the next three words name an event, year included.  The
 * end of the event's name (after the year), or 0. */
static size_t year_event_end(const ner_ctx *c, const kgb_sentence *s,
                             size_t last)
{
  int year;

  if (last >= s->last_tok ||
      !kgb_token_is_year(&c->doc->toks, c->doc->text, last, &year))
    return 0;
  for (size_t k = last + 1; k < s->last_tok && k <= last + 3; k++) {
    if (kgb_lexicon_trigger_at(c->lex, &c->doc->toks, k, s->last_tok,
                               KGB_TRIG_EVENTNOUN))
      return last + 1;
    if (c->doc->toks.v[k].type != KGB_TOK_WORD)
      return 0;
  }
  return 0;
}

/* "Shares of Orvia", "Sales of Temsa" opening a sentence: the first
 * word is capitalised only by its place; the name follows the connector.
 * A name the tables know whole ("Bank of America") never gets here. */
static size_t after_leading_noun(const ner_ctx *c, size_t first, size_t last)
{
  const kgb_tokens *toks = &c->doc->toks;

  if (last - first >= 3 && kgb_ner_word_is(c, first + 1, KGB_WORDS_OF) &&
      !kgb_lexicon_find(c->lex, toks, first, 1, KGB_LEX_COMPANY) &&
      !kgb_ner_has_legal_suffix(c, first, last))
    return first + 2;
  /* "Rival Castlegate Engineering", "Investment firm Vistula",
   * "Carmaker Ostrale": a cue word or a noun only firms are called
   * (words.txt @firmnoun) the sentence opens with. */
  if (last - first >= 2 &&
      (kgb_lexicon_token_is(c->lex, toks, first, KGB_LEX_TRIGGER) ||
       kgb_ner_word_is(c, first, KGB_WORDS_FIRM_NOUN)) &&
      !kgb_lexicon_find(c->lex, toks, first, 1, KGB_LEX_COMPANY))
    return first + 1;
  return first;
}

/* "Munich-based", "New York-based", "Texas-headquartered": a place,
 * capitalised word by word, glued to a word that makes it the seat of
 * what follows.  The tokens used, or 0. */
size_t kgb_ner_based_adjective(ner_ctx *c, size_t i, size_t limit,
                              size_t min_tokens, int *rc)
{
  const kgb_tokens *toks = &c->doc->toks;

  for (size_t j = i + min_tokens - 1; j < limit && j < i + 4; j++) {
    const kgb_lex_entry *e;
    if (!(toks->v[j].flags & KGB_TF_CAP))
      return 0;
    if (owner_adjective(c, i, j, rc))
      return j + 1 - i;
    if (!based_tail(c, j))
      continue;
    if (!(e = based_place(c, i, j)))
      return 0;
    *rc = kgb_ner_add_known(c, KGB_CLASS_PLACE, c->lex->places[e->value].name, i,
                    j + 1, e->value, KGB_MF_BASED);
    return j + 1 - i;
  }
  return 0;
}

/* "CEO of Iratica Health", « PDG de Ferravel »: a capitalised title and
 * its "of" open no name; the firm after them is one.  The length of the
 * title and its connector, or 0. */
static size_t title_before_of(ner_ctx *c, size_t i, size_t limit)
{
  const kgb_tokens *toks = &c->doc->toks;
  size_t n = kgb_lexicon_longest(c->lex, toks, i, limit - i, KGB_LEX_TITLE,
                                 NULL);

  if (n == 0 || i + n + 1 >= limit)
    return 0;
  return kgb_ner_word_is(c, i + n, KGB_WORDS_TITLE_JOIN) ? n + 1 : 0;
}

/* "Klenk Corp of Canada": a legal form, then "of" and a known place to
 * the run's end; the firm's name ends with its legal form and the place
 * is a mention of its own.  Not after a legal form that is a word of the
 * name ("Aluminium Company of Portugal", words.txt @legalnoun).  The
 * run's new end. */
static size_t before_legal_of_place(const ner_ctx *c, size_t first,
                                    size_t last)
{
  for (size_t k = first + 1; k + 2 < last; k++)
    if (kgb_lexicon_find(c->lex, &c->doc->toks, k, 1, KGB_LEX_LEGAL) &&
        !kgb_ner_word_is(c, k, KGB_WORDS_LEGAL_NOUN) && firm_of_place(c, k + 1, last))
      return k + 1;
  return last;
}

/* In a headline in capitals ("ACME TO PROCEED WITH ZENTRA <ZNT> BID"),
 * a run of capitals ends before its first word the text writes in lower
 * case elsewhere ("PROCEED", "WITH"): such words are no name.  The run's
 * new end (FIRST when its first word is one). */
static size_t headline_run_end(const ner_ctx *c, size_t first, size_t last)
{
  for (size_t k = first; k < last; k++)
    if (kgb_tok_written_lower(&c->doc->toks, k))
      return k;
  return last;
}

static int ner_sentence(ner_ctx *c, const kgb_sentence *s)
{
  const kgb_tokens *toks = &c->doc->toks;
  size_t i = s->first_tok;
  int shout = kgb_ner_shouting(toks, s->first_tok, s->last_tok - s->first_tok);
  int rc = KGB_OK;

  while (i < s->last_tok && rc == KGB_OK) {
    size_t used, first, last, min_tokens = 1;
    if (kgb_lexicon_trigger_at(c->lex, toks, i, i + 1, KGB_TRIG_HONORIFIC) ||
        kgb_token_is_ticker(c->doc->text, &toks->v[i])) {
      i++;
      continue;
    }
    /* A stop word names nothing alone, but may open a known name of
     * several words: "New Zealand", "New York-based". */
    if (kgb_lexicon_find(c->lex, toks, i, 1, KGB_LEX_STOPWORD)) {
      min_tokens = 2;
      if (!(toks->v[i].flags & KGB_TF_CAP)) {
        i++;
        continue;
      }
    }
    used = kgb_ner_based_adjective(c, i, s->last_tok, min_tokens, &rc);
    if (!used && min_tokens == 1)
      used = quoted_event_at(c, s, i, &rc);
    if (!used)
      used = gazetteer_at(c, i, s->last_tok, min_tokens, &rc);
    if (!used && min_tokens > 1) {
      i++;
      continue;
    }
    if (used) {
      i += used;
      continue;
    }
    if (!is_name_token(c, i)) {
      i++;
      continue;
    }
    if ((used = title_before_of(c, i, s->last_tok))) {
      i += used;
      continue;
    }
    first = i;
    last = name_run_end(c, i, s->last_tok);
    last = before_legal_of_place(c, first, last);
    if (shout && (last = headline_run_end(c, first, last)) == first) {
      i = first + 1;
      continue;
    }
    i = last;
    trim_run(c, &first, &last);
    used = kgb_ner_firm_title_person(c, first, last, &rc);
    if (rc != KGB_OK)
      break;
    if (used)
      continue;
    first = kgb_ner_after_roles(c, first, last, &rc);
    if (rc != KGB_OK)
      break;
    if (first == s->first_tok)
      first = after_leading_noun(c, first, last);
    if (first >= last)
      continue;
    if (last - first == 1) {
      int found = kgb_ner_add_short_name(c, first, KGB_CLASS_UNKNOWN);
      if (found) {
        rc = found < 0 ? found : KGB_OK;
        continue;
      }
    }
    if ((used = year_event_end(c, s, last))) {
      i = used;
      rc = kgb_ner_add_named(c, KGB_CLASS_EVENT, first, used, -1);
      continue;
    }
    rc = kgb_ner_add_named(c, classify_run(c, first, last), first, last, -1);
    if (rc == KGB_OK)
      rc = kgb_ner_acronym_after(c, first, last,
                         c->fs->mentions[c->fs->n_mentions - 1].entity);
  }
  return rc;
}

/* "MUNICH, April 20 - ...", "LONDON (Reuters) - ...": a place opening a
 * sentence and followed shortly by a dash is where the story was filed,
 * not where its facts happen.  FIRST is the sentence's first mention. */
static void mark_dateline(ner_ctx *c, const kgb_sentence *s, size_t first)
{
  const kgb_tokens *toks = &c->doc->toks;
  kgb_mention *mn;

  /* The sentence may name nothing, and the list may not exist yet. */
  if (first >= c->fs->n_mentions)
    return;
  mn = &c->fs->mentions[first];
  if (mn->first != s->first_tok ||
      c->fs->entities[mn->entity].cls != KGB_CLASS_PLACE)
    return;
  for (size_t k = mn->last + 1; k < s->last_tok && k < mn->last + 8; k++) {
    const char *f = kgb_tok_fold(toks, k);
    if (!strcmp(f, "-") || !strcmp(f, "\xE2\x80\x93") ||
        !strcmp(f, "\xE2\x80\x94")) {
      mn->flags |= KGB_MF_DATELINE;
      return;
    }
  }
}

int kgb_ner_run(const kgb_document *doc,
                kgb_lexicon *const lex[KGB_LANG_COUNT],
                struct kgb_models *const models[KGB_LANG_COUNT],
                struct kgb_pos *pos, kgb_factset *fs)
{
  ner_ctx c = {doc, lex[doc->lang], fs, 0, {0}, {NULL}, NULL, 0, 0, 0, pos};
  int rc = KGB_OK;

  kgb_map_init(&c.short_names);
  if (models)
    rc = kgb_ner_tag_document(&c, lex, models);
  for (size_t s = 0; s < doc->n_sentences && rc == KGB_OK; s++) {
    c.sentence = s;
    c.lex = lex[doc->sentences[s].lang];
    size_t first = fs->n_mentions;
    const kgb_models *m = models ? models[doc->sentences[s].lang] : NULL;
    if (doc->sentences[s].furniture)
      continue;
    if (c.pos)
      kgb_pos_sentence(c.pos, s);
    rc = m && m->ner ? kgb_ner_tagged_sentence(&c, &doc->sentences[s])
                     : ner_sentence(&c, &doc->sentences[s]);
    if (rc == KGB_OK)
      mark_dateline(&c, &doc->sentences[s], first);
  }
  kgb_map_release(&c.short_names);
  for (size_t l = 0; l < KGB_LANG_COUNT; l++)
    kgb_tagfeat_free(c.tf[l]);
  kgb_free(c.spans);
  if (rc == KGB_OK)
    rc = kgb_ner_merge_legal_variants(lex[doc->lang], fs);
  return rc;
}
