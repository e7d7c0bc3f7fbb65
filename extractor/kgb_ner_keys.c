/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_ner_keys.c - the names that identify entities across documents
 * (without legal form), and the merging of a firm named with and without
 * its legal form in one text ("Nordwind Energy AG", "Nordwind Energy"). */
#define _GNU_SOURCE   /* memrchr */
#include "kgb_ner.h"
#include "kgb_ner_internal.h"

#include <string.h>

#include "kgb_alloc.h"
#include "kgb_pattern.h"
#include "kgb_utf8.h"

/* Is NAME[B, E) a word that only restates the firm after its short name
 * ("Stores", "Industries": words.txt @sametail)? */
static int same_tail(const kgb_lexicon *lex, const char *name, size_t b,
                     size_t e)
{
  char *fold = kgb_utf8_fold(name + b, e - b);
  int yes = fold && kgb_patterns_word_is(lex->patterns, KGB_WORDS_SAME_TAIL,
                                         fold);

  kgb_free(fold);
  return yes;
}

/* Length of NAME without its trailing legal-form words and words that
 * restate the firm ("Brightleaf Botanicals Ltd" -> "Brightleaf
 * Botanicals", "Velmar Industries Corp" -> "Velmar"). */
size_t kgb_ner_short_name_len(const kgb_lexicon *lex, const char *name)
{
  size_t n = strlen(name);

  for (;;) {
    const char *space;
    size_t end = n;
    while (end > 0 && (name[end - 1] == '.' || name[end - 1] == ','))
      end--;
    /* A web suffix is glued to the name: "Amazon.com". */
    space = end ? memrchr(name, '.', end) : NULL;
    if (space && space > name &&
        kgb_lexicon_lookup(lex, space, end - (size_t)(space - name),
                           KGB_LEX_LEGAL)) {
      n = (size_t)(space - name);
      continue;
    }
    space = end ? memrchr(name, ' ', end) : NULL;
    if (!space ||
        (!kgb_lexicon_lookup(lex, space + 1, end - (size_t)(space + 1 - name),
                             KGB_LEX_LEGAL) &&
         !same_tail(lex, name, (size_t)(space + 1 - name), end)))
      return n;
    n = (size_t)(space - name);
  }
}

/* An organisation is known across documents by its name without legal
 * form, so "Nordwind Energy AG" here and "Nordwind Energy" elsewhere get
 * one IRI. */
int kgb_ner_set_keys(const kgb_lexicon *lex, kgb_factset *fs)
{
  for (size_t i = 0; i < fs->n_entities; i++) {
    kgb_entity *e = &fs->entities[i];
    size_t n;
    if (e->cls != KGB_CLASS_ORGANIZATION || e->key)
      continue;
    n = kgb_ner_short_name_len(lex, e->name);
    if (n == strlen(e->name) || n == 0)
      continue;
    if (!(e->key = kgb_strndup(e->name, n)))
      return KGB_ENOMEM;
  }
  return KGB_OK;
}

/* Give entity FROM's names to INTO and note that FROM's mentions are
 * INTO's (REDIRECT[FROM] = INTO; the mentions themselves are moved once,
 * for every merge, by move_merged_mentions).  FROM is left untyped and
 * nameless to the output. */
static int merge_entity(kgb_factset *fs, int from, int into, int *redirect)
{
  kgb_entity *f = &fs->entities[from];
  int rc = kgb_factset_add_alias(fs, into, f->name, strlen(f->name));

  for (size_t a = 0; rc == KGB_OK && a < f->n_aliases; a++)
    rc = kgb_factset_add_alias(fs, into, f->aliases[a], strlen(f->aliases[a]));
  redirect[from] = into;
  f->mentions = 0;
  f->cls = KGB_CLASS_UNKNOWN;
  if (fs->entities[into].cls == KGB_CLASS_UNKNOWN)
    fs->entities[into].cls = KGB_CLASS_ORGANIZATION;
  return rc;
}

/* One pass over the mentions for all merges: moving them merge by merge
 * cost the mentions times the organisations, quadratic in the text.  No
 * entity is both merged and merged into (a name without its legal form
 * has none left to strip), so REDIRECT has no chains. */
static void move_merged_mentions(kgb_factset *fs, const int *redirect)
{
  for (size_t m = 0; m < fs->n_mentions; m++) {
    int into = redirect[fs->mentions[m].entity];
    if (into >= 0) {
      fs->mentions[m].entity = into;
      fs->entities[into].mentions++;
    }
  }
}

/* Can entity E be merged into a fuller name? */
static int is_base_candidate(const kgb_entity *e)
{
  return e->mentions &&
         (e->cls == KGB_CLASS_ORGANIZATION || e->cls == KGB_CLASS_UNKNOWN);
}

/* The length of the short name of entity E, without its legal form,
 * when E is an organisation named with one; else 0. */
static size_t short_name_len(const kgb_lexicon *lex, const kgb_entity *e)
{
  size_t n;

  if (e->cls != KGB_CLASS_ORGANIZATION || !e->mentions)
    return 0;
  n = kgb_ner_short_name_len(lex, e->name);
  return n == strlen(e->name) ? 0 : n;
}

/* Index by exact name the candidates some fuller name wants: BY_NAME
 * maps a short name to 1 + the first entity of that name (0 while none
 * is), NEXT[i] is the next one after entity i (or -1), so each chain runs
 * in entity order, the order merges were made in.  Only wanted names are
 * indexed: a text of many names and no legal forms costs nothing here. */
static int index_bases(const kgb_lexicon *lex, const kgb_factset *fs,
                       kgb_map *by_name, int *next)
{
  for (size_t a = 0; a < fs->n_entities; a++) {
    size_t n = short_name_len(lex, &fs->entities[a]);
    const char *name = fs->entities[a].name;
    if (n && kgb_map_get(by_name, name, n) < 0 &&
        kgb_map_put(by_name, name, n, 0))
      return KGB_ENOMEM;
  }
  for (size_t i = fs->n_entities; i-- > 0;) {
    const kgb_entity *e = &fs->entities[i];
    size_t len = strlen(e->name);
    int head = -1;
    next[i] = -1;
    if (!is_base_candidate(e) ||
        (head = kgb_map_get(by_name, e->name, len)) < 0)
      continue;
    next[i] = head - 1;
    if (kgb_map_put(by_name, e->name, len, (int)i + 1))
      return KGB_ENOMEM;
  }
  return KGB_OK;
}

/* Merge into FULL (entity A) every candidate named NAME[0..N). */
static int merge_bases_of(kgb_factset *fs, const kgb_map *by_name,
                          const int *next, int *redirect, size_t a, size_t n)
{
  const char *name = fs->entities[a].name;
  int rc = KGB_OK;

  for (int b = kgb_map_get(by_name, name, n) - 1; b >= 0 && rc == KGB_OK;
       b = next[b])
    if ((size_t)b != a && is_base_candidate(&fs->entities[b]))
      rc = merge_entity(fs, b, (int)a, redirect);
  return rc;
}

/* "Pfizer Inc" and "Pfizer" in one text are one organisation, named by
 * the fuller form.  Each fuller form, in entity order, takes the
 * candidates of its short name not taken yet; the index by name keeps
 * this linear in the number of entities. */
int kgb_ner_merge_legal_variants(const kgb_lexicon *lex, kgb_factset *fs)
{
  size_t count = fs->n_entities ? fs->n_entities : 1;
  int *next = kgb_calloc(count, sizeof *next);
  int *redirect = kgb_calloc(count, sizeof *redirect);
  kgb_map by_name;
  int rc = next && redirect ? KGB_OK : KGB_ENOMEM;

  kgb_map_init(&by_name);
  for (size_t i = 0; redirect && i < fs->n_entities; i++)
    redirect[i] = -1;
  if (rc == KGB_OK)
    rc = index_bases(lex, fs, &by_name, next);
  for (size_t a = 0; a < fs->n_entities && rc == KGB_OK; a++) {
    size_t n = short_name_len(lex, &fs->entities[a]);
    if (n)
      rc = merge_bases_of(fs, &by_name, next, redirect, a, n);
  }
  /* Moved even after a failure, so that no mention is left on an entity
   * whose count was zeroed. */
  if (redirect)
    move_merged_mentions(fs, redirect);
  kgb_map_release(&by_name);
  kgb_free(next);
  kgb_free(redirect);
  return rc;
}

