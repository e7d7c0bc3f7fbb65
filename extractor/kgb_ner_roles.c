/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_ner_roles.c - titles and roles written next to names in a run of
 * capitalised words ("Economist Marta Ellison", "Adidas CEO Jane Roe"):
 * they are no part of the names, and they tell the names apart. */
#include "kgb_ner_internal.h"

#include "kgb_pattern.h"

/* "Economist Marta Ellison", "UK Chancellor Peter Okafor", "CEO Jane
 * Roe": roles (words.txt @role, titles.txt), maybe after a place, opening
 * a run before a first name are no part of the name.  The name's first
 * token. */
size_t kgb_ner_after_roles(ner_ctx *c, size_t first, size_t last, int *rc)
{
  const kgb_tokens *toks = &c->doc->toks;
  const kgb_lex_entry *place = NULL;
  size_t k = first, n, place_len = 0;
  unsigned flags = 0;

  n = kgb_lexicon_longest(c->lex, toks, k, last - k, KGB_LEX_PLACE, &place);
  if (!n) {   /* "French President Jean Roe" */
    n = kgb_lexicon_longest(c->lex, toks, k, last - k, KGB_LEX_DEMONYM,
                            &place);
    flags = KGB_MF_DEMONYM;
  }
  if (n && k + n < last && kgb_ner_word_is(c, k + n, KGB_WORDS_ROLE))
    k += place_len = n;

  while (k + 2 <= last) {
    if (kgb_ner_word_is(c, k, KGB_WORDS_ROLE))
      n = 1;
    else if (!(n = kgb_lexicon_longest(c->lex, toks, k, last - k,
                                       KGB_LEX_TITLE, NULL)))
      break;
    if (k + n >= last)
      break;
    k += n;
  }
  if (k == first || !kgb_lexicon_find(c->lex, toks, k, 1, KGB_LEX_FIRSTNAME))
    return first;
  /* The place is named still: "UK" in "UK Chancellor Peter Okafor". */
  if (place_len)
    *rc = kgb_ner_add_known(c, KGB_CLASS_PLACE,
                            c->lex->places[place->value].name, first,
                            first + place_len, place->value, flags);
  return k;
}

/* Is [FIRST, LAST) a place or a nationality the tables know whole? */
static int place_whole(const ner_ctx *c, size_t first, size_t last)
{
  const kgb_tokens *toks = &c->doc->toks;

  return kgb_lexicon_longest(c->lex, toks, first, last - first,
                             KGB_LEX_PLACE, NULL) == last - first ||
         kgb_lexicon_longest(c->lex, toks, first, last - first,
                             KGB_LEX_DEMONYM, NULL) == last - first;
}

size_t kgb_ner_firm_title_person(ner_ctx *c, size_t first, size_t last,
                                 int *rc)
{
  const kgb_tokens *toks = &c->doc->toks;

  *rc = KGB_OK;
  for (size_t k = first + 1; k + 1 < last; k++) {
    size_t n = kgb_lexicon_longest(c->lex, toks, k, last - k, KGB_LEX_TITLE,
                                   NULL), name = k + n;
    if (n == 0 || name >= last)
      continue;
    /* A person's name: a first name, or two or three words. */
    if (!kgb_lexicon_find(c->lex, toks, name, 1, KGB_LEX_FIRSTNAME) &&
        (last - name < 2 || last - name > 3))
      return 0;
    /* "UK Chancellor Peter Okafor": a place's officer, see after_roles. */
    if (place_whole(c, first, k))
      return 0;
    *rc = kgb_ner_add_named(c, KGB_CLASS_ORGANIZATION, first, k, -1);
    if (*rc == KGB_OK)
      *rc = kgb_ner_add_named(c, KGB_CLASS_PERSON, name, last, -1);
    return last - first;
  }
  return 0;
}
