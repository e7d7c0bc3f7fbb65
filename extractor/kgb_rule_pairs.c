/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_rule_pairs.c - the relation classifier: each pair of mentions of
 * a sentence that a two-part fact could join, and that no pattern
 * joined, is classified by the language's pairs.kgbtag (trained on
 * DWIE, training/train-pairs.sh); a class that is a fact kind whose
 * parts fit the pair, ahead of "none" by the margin, is a fact. */
#include <string.h>

#include "kgb_alloc.h"
#include "kgb_models.h"
#include "kgb_rules.h"

/* Tokens between two mentions beyond which no pair is tried (as in
 * training: training/convert.py PAIR_MAX_GAP). */
#define PAIR_MAX_GAP 40


/* Rule names, one a kind: the name a fact carries is static. */
static const char *const rule_names[KGB_FACT_KIND_COUNT] = {
#define KGB_PAIR_RULE(e, name, s, o) "pair-" name,
  KGB_FACT_KINDS(KGB_PAIR_RULE)
#undef KGB_PAIR_RULE
};

/* The type the classifier knows mention M by, or NULL for one it has no
 * type for (an untyped name). */
static const char *mention_type(const kgb_rule_ctx *c, size_t m)
{
  switch (kgb_rule_class(c, m)) {
  case KGB_CLASS_ORGANIZATION: return "ORG";
  case KGB_CLASS_PERSON: return "PER";
  case KGB_CLASS_PLACE:
    return (c->fs->mentions[m].flags & KGB_MF_DEMONYM) ? "DEM" : "LOC";
  default: return NULL;
  }
}

/* The same for a mention the classifier may pair: not a seat written
 * "Munich-based" (its pattern reads it), a dateline or a news agency. */
static const char *pair_type(const kgb_rule_ctx *c, size_t m)
{
  const kgb_mention *mn = &c->fs->mentions[m];

  if (mn->flags & (KGB_MF_BASED | KGB_MF_DATELINE) || c->agency[mn->entity])
    return NULL;
  return mention_type(c, m);
}

/* The types of the mentions of the sentence inside tokens [FROM, TO),
 * comma-separated, into BUF of SIZE bytes ("many" when they do not
 * fit). */
static void between_types(const kgb_rule_ctx *c, size_t from, size_t to,
                          char *buf, size_t size)
{
  size_t used = 0;

  buf[0] = '\0';
  for (size_t m = c->first_mention; m < c->end_mention; m++) {
    const kgb_mention *mn = &c->fs->mentions[m];
    const char *t = mention_type(c, m);
    int w;
    if (!t || mn->first < from || mn->last > to)
      continue;
    w = snprintf(buf + used, size - used, "%s%s", used ? "," : "", t);
    if (w < 0 || (size_t)w >= size - used) {
      snprintf(buf, size, "many");
      return;
    }
    used += (size_t)w;
  }
}

/* Does a fact of KIND join a subject of type S to an object of type O? */
static int kind_fits(kgb_fact_kind kind, const char *s, const char *o)
{
  static const struct {
    const char *s, *o;
    kgb_class sc, oc;
  } fits[] = {
    {"ORG", "LOC", KGB_CLASS_ORGANIZATION, KGB_CLASS_PLACE},
    {"ORG", "DEM", KGB_CLASS_ORGANIZATION, KGB_CLASS_PLACE},
    {"PER", "ORG", KGB_CLASS_PERSON, KGB_CLASS_ORGANIZATION},
    {"LOC", "LOC", KGB_CLASS_PLACE, KGB_CLASS_PLACE},
    {"LOC", "DEM", KGB_CLASS_PLACE, KGB_CLASS_PLACE},
  };

  for (size_t i = 0; i < sizeof fits / sizeof *fits; i++)
    if (strcmp(fits[i].s, s) == 0 && strcmp(fits[i].o, o) == 0)
      return kind == KGB_FACT_KIND_COUNT ||
             (kgb_fact_subject_class(kind) == fits[i].sc &&
              kgb_fact_object_class(kind) == fits[i].oc);
  return 0;
}

/* Classify the pair of mentions S and O, adding the fact it states: a
 * class ahead of "none" by its margin (pairs.tsv; a near tie is no
 * statement). */
static int classify(kgb_rule_ctx *c, const kgb_models *models,
                    kgb_featseq *seq, size_t s, size_t o, const char *st,
                    const char *ot)
{
  const kgb_mention *ms = &c->fs->mentions[s], *mo = &c->fs->mentions[o];
  size_t base = c->s->first_tok, n = c->s->last_tok - base;
  double scores[KGB_TAGSET_MAX_TYPES];
  long none = models->pair_none;
  char between[48];
  kgb_pair p = {ms->first - base, ms->last - base, mo->first - base,
                mo->last - base, st, ot, between};
  int cls, kind, rc;

  if (ms->first < mo->first)
    between_types(c, ms->last, mo->first, between, sizeof between);
  else
    between_types(c, mo->last, ms->first, between, sizeof between);
  kgb_featseq_clear(seq);
  if ((rc = kgb_pair_features(c->folded, n, &p, seq)) != KGB_OK)
    return rc == KGB_EINVAL ? KGB_OK : rc;
  cls = kgb_tagger_classify(models->pairs, seq, scores);
  if (cls < 0 || cls == none)
    return KGB_OK;
  kind = models->pair_kind[cls];
  if (kind < 0 || !kind_fits((kgb_fact_kind)kind, st, ot) ||
      !(models->pair_confidence[kind] > 0) ||
      (none >= 0 && scores[cls] - scores[none] < models->pair_margin[kind]))
    return KGB_OK;
  return kgb_rule_add_link(c, (kgb_fact_kind)kind, ms->entity, mo->entity,
                           NULL, models->pair_confidence[kind],
                           rule_names[kind]);
}

static int pair_all(kgb_rule_ctx *c, const kgb_models *models,
                    kgb_featseq *seq)
{
  int rc = KGB_OK;

  for (size_t s = c->first_mention; s < c->end_mention && rc == KGB_OK;
       s++) {
    const char *st = pair_type(c, s);
    for (size_t o = c->first_mention; st && o < c->end_mention &&
                                      rc == KGB_OK; o++) {
      const kgb_mention *ms = &c->fs->mentions[s], *mo = &c->fs->mentions[o];
      const char *ot = o == s ? NULL : pair_type(c, o);
      size_t gap;
      if (!ot || ms->entity == mo->entity ||
          (ms->first < mo->last && mo->first < ms->last))
        continue;
      gap = ms->first < mo->first ? mo->first - ms->last
                                  : ms->first - mo->last;
      if (gap <= PAIR_MAX_GAP && kind_fits(KGB_FACT_KIND_COUNT, st, ot))
        rc = classify(c, models, seq, s, o, st, ot);
    }
  }
  return rc;
}

int kgb_rules_pairs(kgb_rule_ctx *c)
{
  const struct kgb_models *models =
      c->models ? c->models[c->s->lang] : NULL;
  size_t base = c->s->first_tok, n = c->s->last_tok - base;
  kgb_featseq seq;
  int rc;

  if (!models || !models->pairs || c->end_mention - c->first_mention < 2)
    return KGB_OK;
  if (kgb_grow(&c->folded, &c->cap_folded, n + 1, sizeof *c->folded))
    return KGB_ENOMEM;
  for (size_t i = 0; i < n; i++)
    c->folded[i] = kgb_tok_fold(&c->doc->toks, base + i);
  kgb_featseq_init(&seq);
  rc = pair_all(c, models, &seq);
  kgb_featseq_release(&seq);
  return rc;
}
