/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_ner_roles.c - titles and roles written next to names in a run of
 * capitalised words ("Economist Marta Ellison", "Adidas CEO Jane Roe"):
 * they are no part of the names, and they tell the names apart. */
#include "kgb_ner_internal.h"

#include "kgb_pattern.h"

/* Is [FIRST, LAST) a place or a nationality the tables know whole? */
static int place_whole(const ner_ctx *c, size_t first, size_t last)
{
  return kgb_ner_whole_in_table(c, first, last, KGB_LEX_PLACE) ||
         kgb_ner_whole_in_table(c, first, last, KGB_LEX_DEMONYM);
}

/* The length of the longest title (titles.txt) starting at token K and
 * ending by LAST, or 0. */
static size_t title_at(const ner_ctx *c, size_t k, size_t last)
{
  return kgb_lexicon_longest(c->lex, &c->doc->toks, k, last - k,
                             KGB_LEX_TITLE, NULL);
}

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
    else if (!(n = title_at(c, k, last)))
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

/* Does a title or a role start in [FIRST, K) (a title may go on up to
 * LAST)?  Then the words before the person are titles too ("Chief
 * Executive Jane Roe", "Board Chairman Jane Roe"), no firm.  A word that
 * ends firms' names is the firm's, even where a title may start with it
 * ("Acme Group Chief Executive"). */
static int holds_title(const ner_ctx *c, size_t first, size_t k, size_t last)
{
  for (size_t j = first; j < k; j++)
    if (kgb_ner_word_is(c, j, KGB_WORDS_ROLE) ||
        (!kgb_ner_word_is(c, j, KGB_WORDS_FIRM_TAIL) &&
         title_at(c, j, last)))
      return 1;
  return 0;
}

/* The title in (FIRST, LAST) that ends last, the earlier of two that end
 * together ("Vice Chairman", not "Chairman"); a title never starts at a
 * word that ends firms' names: in "Acme Group Chief Executive Officer
 * Jane Roe" the firm ends at "Group" and the person starts after
 * "Officer".  Its first token, or 0; its end into *END. */
static size_t last_title(const ner_ctx *c, size_t first, size_t last,
                         size_t *end)
{
  size_t best = 0;

  *end = 0;
  for (size_t k = first + 1; k + 1 < last; k++) {
    size_t n =
        kgb_ner_word_is(c, k, KGB_WORDS_FIRM_TAIL) ? 0 : title_at(c, k, last);
    if (n && k + n < last && k + n > *end) {
      best = k;
      *end = k + n;
    }
  }
  return best;
}

size_t kgb_ner_firm_title_person(ner_ctx *c, size_t first, size_t last,
                                 int *rc)
{
  size_t name, k = last_title(c, first, last, &name);

  *rc = KGB_OK;
  if (!k)
    return 0;
  /* A person's name: a first name, or two or three words. */
  if (!kgb_lexicon_find(c->lex, &c->doc->toks, name, 1, KGB_LEX_FIRSTNAME) &&
      (last - name < 2 || last - name > 3))
    return 0;
  /* "UK Chancellor Peter Okafor": a place's officer, see after_roles. */
  if (place_whole(c, first, k) || holds_title(c, first, k, last))
    return 0;
  *rc = kgb_ner_add_named(c, KGB_CLASS_ORGANIZATION, first, k, -1);
  if (*rc == KGB_OK)
    *rc = kgb_ner_add_named(c, KGB_CLASS_PERSON, name, last, -1);
  return last - first;
}
