/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_rule_document.c - facts read off the whole document rather than
 * one sentence: places within places (from the gazetteer), units named
 * after their parent, and where investors and employers operate. */
#include <string.h>

#include "kgb_ner.h"
#include "kgb_rules.h"
#include "kgb_utf8.h"
#include "kgb_alloc.h"
#include "kgb_world_internal.h"

/* The sentence of the first mention of ENTITY, or -1. */
static long first_sentence(const kgb_factset *fs, int entity)
{
  const kgb_entity *e = &fs->entities[entity];

  return e->mentions ? (long)e->first_sentence : -1;
}

static void at_sentence(kgb_rule_ctx *c, long s)
{
  c->sentence = (size_t)s;
  c->s = &c->doc->sentences[s];
}

/* Does NAME start with the whole words of PREFIX ("Zentra Cloud" and
 * "Zentra")?  Returns the rest, or NULL. */
static const char *rest_after(const char *name, const char *prefix)
{
  size_t n = strlen(prefix);

  if (strncmp(name, prefix, n) != 0 || name[n] != ' ')
    return NULL;
  return name + n + 1;
}

/* NAME after one of the names of entity E ("Zentra Cloud" after "Zentra",
 * an alias of "Zentra Industries"): the rest, or NULL. */
static const char *rest_after_entity(const char *name, const kgb_entity *e)
{
  const char *rest = rest_after(name, e->name);

  for (size_t k = 0; !rest && k < e->n_aliases; k++)
    rest = rest_after(name, e->aliases[k]);
  return rest;
}

/* Does REST, what NAME adds to its parent's name, name a part of a
 * firm?  Not when it opens with a small word (a verb or a phrase the
 * name ran into: « Maison des arts et de la culture »), nor when it only
 * restates the firm (legal forms, words.txt @sametail: "Zentra
 * Industries Corp" is Zentra itself, kgb_ner_short_name_len). */
static int names_a_part(const kgb_rule_ctx *c, const char *name,
                        const char *rest)
{
  int32_t cp;

  if (!kgb_utf8_next(rest, strlen(rest), &cp) || !kgb_utf8_is_upper(cp))
    return 0;
  return kgb_ner_short_name_len(c->lex, name) >= (size_t)(rest - name);
}

/* "Zentra Cloud" and "Zentra" both named: the first is a unit of the
 * second; "Zentra Spain" is also based in Spain. */
static int units_of_parents(kgb_rule_ctx *c, size_t n)
{
  kgb_factset *fs = c->fs;
  int rc = KGB_OK;

  for (size_t a = 0; a < n && rc == KGB_OK; a++) {
    long s = first_sentence(fs, (int)a);
    if (fs->entities[a].cls != KGB_CLASS_ORGANIZATION || s < 0)
      continue;
    at_sentence(c, s);
    for (size_t b = 0; b < n && rc == KGB_OK; b++) {
      const char *rest;
      if (b == a || fs->entities[b].cls != KGB_CLASS_ORGANIZATION ||
          !(rest = rest_after_entity(fs->entities[a].name,
                                     &fs->entities[b])) ||
          !names_a_part(c, fs->entities[a].name, rest))
        continue;
      rc = kgb_rule_add_link(c, KGB_FACT_SUBSIDIARY_OF, (int)a, (int)b, NULL,
                             0.6, "unit-named-after-parent");
      for (size_t p = 0; p < n && rc == KGB_OK; p++)
        if (fs->entities[p].cls == KGB_CLASS_PLACE &&
            strcmp(fs->entities[p].name, rest) == 0)
          rc = kgb_rule_add_link(c, KGB_FACT_BASED_IN, (int)a, (int)p, NULL,
                                 0.6, "unit-named-after-place");
    }
  }
  return rc;
}

/* Who invests or hires in a country operates there (a city or region
 * says where a site is, not a market). */
/* A fact other facts are drawn from must be at least this sure. */
#define KGB_DERIVE_MIN_CONFIDENCE 0.7

/* Does FS hold a two-part fact KIND from AGENT to OBJECT? */
static int has_link(const kgb_factset *fs, kgb_fact_kind kind, int agent,
                    int object)
{
  for (size_t i = 0; i < fs->n_facts; i++)
    if (fs->facts[i].kind == kind && fs->facts[i].agent == agent &&
        fs->facts[i].object == object)
      return 1;
  return 0;
}

static int operations_from_facts(kgb_rule_ctx *c)
{
  size_t n = c->fs->n_facts;
  int rc = KGB_OK;

  for (size_t i = 0; i < n && rc == KGB_OK; i++) {
    kgb_fact f = c->fs->facts[i];
    if (!KGB_FACT_IS_NARY(f.kind) || f.kind == KGB_FACT_ACQUISITION ||
        f.location < 0 || f.agent < 0 ||
        c->fs->entities[f.location].place < 0 ||
        c->lex->places[c->fs->entities[f.location].place].type !=
            KGB_PLACE_COUNTRY ||
        /* Only from a fact that is likely right (its confidence is capped
         * by its rule's measured precision), and not the firm's own
         * country, which is no operation elsewhere. */
        f.confidence < KGB_DERIVE_MIN_CONFIDENCE ||
        has_link(c->fs, KGB_FACT_BASED_IN, f.agent, f.location))
      continue;
    at_sentence(c, (long)f.sentence);
    rc = kgb_rule_add_link(c, KGB_FACT_OPERATES_IN, f.agent, f.location, NULL,
                           f.confidence * 0.6, "operates-where-it-invests");
  }
  return rc;
}

int kgb_rules_document(const kgb_document *doc, const kgb_lexicon *lex,
                       kgb_factset *fs)
{
  kgb_rule_ctx c = {doc, lex, fs, 0, NULL, 0, 0, -1, -1, NULL, 0, NULL, NULL,
                    NULL, NULL, 0};
  size_t n = fs->n_entities;
  int rc;

  if (doc->n_sentences == 0)
    return KGB_OK;
  if (n > KGB_MAX_PAIRED_ENTITIES) {
    if (kgb_document_first_report(doc, KGB_REPORTED_PAIRED))
      kgb_warn(doc->world, "%s: %zu entities; places and units are "
               "paired among the first %d only", doc->source, n,
               KGB_MAX_PAIRED_ENTITIES);
    n = KGB_MAX_PAIRED_ENTITIES;
  }
  /* No place is put in another from the place table alone: a reader
   * takes "Lyon locatedIn France" only where the text writes it
   * ("Lyon, France"; the patterns), and the tables' links between two
   * places named in one sentence were right 5 times in 38 on real news. */
  rc = units_of_parents(&c, n);
  if (rc == KGB_OK)
    rc = operations_from_facts(&c);
  return rc;
}
