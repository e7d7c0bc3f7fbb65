/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_eval.c - score the extractor against gold facts, document by
 * document, the way the project's scorer reads the RDF: precision,
 * recall and F1 per fact kind and for entities. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "kgb_alloc.h"
#include "kgb_buf.h"
#include "kgb_gold.h"
#include "kgb_world_internal.h"
#include "../extractor/kgb_fact.h"

enum { TALLY_ENTITY = KGB_FACT_KIND_COUNT, TALLY_COUNT };

/* The gold key of each n-ary fact's agent (the kinds' names are
 * kgb_fact_kind_names). */
static const char *const agent_keys[KGB_FACT_KIND_COUNT] = {
  [KGB_FACT_INVESTMENT] = "investor",
  [KGB_FACT_JOB_CREATION] = "employer",
  [KGB_FACT_JOB_CUT] = "employer",
  [KGB_FACT_WORKFORCE] = "employer",
  [KGB_FACT_ACQUISITION] = "acquirer",
};

static const char *const class_names[] = {"Organization", "Person", "Place",
                                          "Event"};
static const char *const bound_names[] = {"exact", "min", "max"};

typedef struct {
  size_t tp, fp, found, req, dup;
} tally;

/* Right and false facts of one rule, or of one band of confidence. */
typedef struct {
  const char *rule;   /* borrowed: static, or owned by the world's data */
  size_t tp, fp;
} rule_tally;

#define CONFIDENCE_BANDS 10

struct kgb_eval {
  kgb_world *world;
  tally t[TALLY_COUNT];
  rule_tally *rules;
  size_t n_rules, cap_rules;
  rule_tally bands[CONFIDENCE_BANDS];   /* [0, 0.1), ..., [0.9, 1] */
  size_t bound_right, bound_asked, docs;
  kgb_buf log;   /* misses and false facts, one per line */
};

typedef struct {
  const kgb_gold *gold;
  const kgb_factset *fs;
  const char *doc_id;
  kgb_eval *ev;
} doc_ctx;

#define MAX_LABELS 32

static size_t labels_of(const kgb_factset *fs, int entity,
                        const char **out)
{
  const kgb_entity *e;
  size_t n = 0;

  if (entity < 0)
    return 0;
  e = &fs->entities[entity];
  out[n++] = e->name;
  for (size_t a = 0; a < e->n_aliases && n < MAX_LABELS; a++)
    out[n++] = e->aliases[a];
  return n;
}

static int names(const doc_ctx *d, int entity, const char *name)
{
  const char *labels[MAX_LABELS];
  size_t n = labels_of(d->fs, entity, labels);

  return name && kgb_gold_names(d->gold, labels, n, name);
}

static const char *gstr(json_t *gf, const char *key)
{
  return json_string_value(json_object_get(gf, key));
}

static int places_match(const doc_ctx *d, const kgb_fact *f, json_t *gf)
{
  json_t *wanted = json_object_get(gf, "place"), *p;
  size_t i;

  if (f->location < 0)
    return json_array_size(wanted) == 0 ||
           json_is_true(json_object_get(gf, "place_optional"));
  if (json_array_size(wanted) == 0)
    return 1;
  json_array_foreach(wanted, i, p)
    if (names(d, f->location, json_string_value(p)))
      return 1;
  return 0;
}

static double figure_of(const kgb_fact *f)
{
  return (double)f->figure.mant / pow(10.0, f->figure.scale);
}

static int match_nary(const doc_ctx *d, const kgb_fact *f, json_t *gf)
{
  json_t *value = json_object_get(gf, "value");
  const char *cur = gstr(gf, "currency"), *object;
  json_int_t year;

  if (!names(d, f->agent, gstr(gf, agent_keys[f->kind])))
    return 0;
  if (value && (!f->has_figure ||
                fabs(figure_of(f) - json_number_value(value)) >
                    0.01 * fabs(json_number_value(value))))
    return 0;
  if (!value && f->has_figure)
    return 0;
  if (cur && f->currency[0] && strcmp(cur, f->currency) != 0)
    return 0;
  if (!places_match(d, f, gf))
    return 0;
  object = gstr(gf, f->kind == KGB_FACT_ACQUISITION ? "acquiree" : "investee");
  if (object && (f->object >= 0 || f->kind == KGB_FACT_ACQUISITION) &&
      !names(d, f->object, object))
    return 0;
  year = json_integer_value(json_object_get(gf, "startYear"));
  if (year && f->start_year && f->start_year != year)
    return 0;
  year = json_integer_value(json_object_get(gf, "year"));
  return !(year && f->year && f->year != year);
}

static int match_link(const doc_ctx *d, const kgb_fact *f, json_t *gf)
{
  const char *s = gstr(gf, "s"), *o = gstr(gf, "o");

  if (f->kind == KGB_FACT_TICKER)
    return names(d, f->agent, gstr(gf, "org")) &&
           strcmp(f->literal, gstr(gf, "symbol") ? gstr(gf, "symbol") : "") == 0;
  if (names(d, f->agent, s) && names(d, f->object, o))
    return 1;
  return f->kind == KGB_FACT_COMPETITOR_OF && names(d, f->agent, o) &&
         names(d, f->object, s);
}

static int is_kind(json_t *gf, kgb_fact_kind kind)
{
  const char *k = gstr(gf, "kind");

  if (!k)
    return 0;
  if (strcmp(k, "rel") == 0)
    return gstr(gf, "pred") && strcmp(gstr(gf, "pred"),
                                      kgb_fact_kind_names[kind]) == 0;
  return strcmp(k, kgb_fact_kind_names[kind]) == 0;
}

/* Count F, right or not, for its rule and its band of confidence. */
static void count_fact(kgb_eval *ev, const kgb_fact *f, int right)
{
  int band = (int)(f->confidence * CONFIDENCE_BANDS);
  size_t r = 0;

  band = band < 0 ? 0 : band >= CONFIDENCE_BANDS ? CONFIDENCE_BANDS - 1 : band;
  *(right ? &ev->bands[band].tp : &ev->bands[band].fp) += 1;
  while (r < ev->n_rules && strcmp(ev->rules[r].rule, f->rule) != 0)
    r++;
  if (r == ev->n_rules) {
    if (kgb_grow(&ev->rules, &ev->cap_rules, r + 1, sizeof *ev->rules))
      return;   /* the table then misses this rule; the scores do not */
    ev->rules[r] = (rule_tally){f->rule, 0, 0};
    ev->n_rules++;
  }
  *(right ? &ev->rules[r].tp : &ev->rules[r].fp) += 1;
}

static void score_kind(doc_ctx *d, json_t *facts, kgb_fact_kind kind)
{
  tally *t = &d->ev->t[kind];
  size_t n = json_array_size(facts);
  char *hit = kgb_calloc(n ? n : 1, 1);
  json_t *gf;
  size_t i;

  if (!hit)
    return;
  for (size_t k = 0; k < d->fs->n_facts; k++) {
    const kgb_fact *f = &d->fs->facts[k];
    if (f->kind != kind)
      continue;
    for (i = 0; i < n; i++) {
      gf = json_array_get(facts, i);
      if (is_kind(gf, kind) && (KGB_FACT_IS_NARY(kind) ? match_nary(d, f, gf)
                                                       : match_link(d, f, gf)))
        break;
    }
    if (i == n || !hit[i])
      count_fact(d->ev, f, i < n);
    if (i == n) {
      t->fp++;
      kgb_buf_printf(&d->ev->log, "  false: %s %s %s\n", d->doc_id,
                     kgb_fact_kind_names[kind],
                     f->agent >= 0 ? d->fs->entities[f->agent].name : "?");
    } else if (hit[i]) {
      t->dup++;
    } else {
      json_t *b = json_object_get(json_array_get(facts, i), "bound");
      hit[i] = 1;
      t->tp++;
      if (KGB_FACT_IS_NARY(kind) && json_is_string(b)) {
        int right = strcmp(json_string_value(b), bound_names[f->bound]) == 0;
        d->ev->bound_asked++;
        d->ev->bound_right += right;
        if (!right)
          kgb_buf_printf(&d->ev->log, "  bound: %s %s %s is %s, gold says %s\n",
                         d->doc_id, kgb_fact_kind_names[kind],
                         f->agent >= 0 ? d->fs->entities[f->agent].name : "?",
                         bound_names[f->bound], json_string_value(b));
      }
    }
  }
  json_array_foreach(facts, i, gf) {
    if (!is_kind(gf, kind) || json_is_true(json_object_get(gf, "opt")))
      continue;
    t->req++;
    if (hit[i]) {
      t->found++;
    } else {
      char *text = json_dumps(gf, JSON_COMPACT);
      kgb_buf_printf(&d->ev->log, "  miss: %s %s\n", d->doc_id,
                     text ? text : "?");
      free(text);
    }
  }
  kgb_free(hit);
}

/* The gold entity of LIST (an array of names) that ENTITY names with the
 * right class, or NULL. */
static const char *named_in(const doc_ctx *d, int entity, json_t *list,
                            int any_class)
{
  json_t *name;
  size_t i;

  json_array_foreach(list, i, name) {
    const char *n = json_string_value(name);
    if (names(d, entity, n) &&
        (any_class || strcmp(kgb_gold_class(d->gold, n),
                             class_names[d->fs->entities[entity].cls]) == 0))
      return n;
  }
  return NULL;
}

static void score_entities(doc_ctx *d, json_t *ents)
{
  tally *t = &d->ev->t[TALLY_ENTITY];
  json_t *req = json_object_get(ents, "req"), *opt = json_object_get(ents, "opt");
  json_t *name;
  kgb_map matched;
  size_t i;

  kgb_map_init(&matched);
  for (size_t e = 0; e < d->fs->n_entities; e++) {
    const char *hit;
    if (d->fs->entities[e].cls == KGB_CLASS_UNKNOWN ||
        named_in(d, (int)e, json_object_get(ents, "neutral"), 1))
      continue;
    hit = named_in(d, (int)e, req, 0);
    if (!hit)
      hit = named_in(d, (int)e, opt, 0);
    if (!hit) {
      t->fp++;
      kgb_buf_printf(&d->ev->log, "  false: %s entity %s %s\n", d->doc_id,
                     class_names[d->fs->entities[e].cls],
                     d->fs->entities[e].name);
    } else if (kgb_map_get(&matched, hit, strlen(hit)) >= 0) {
      t->dup++;
    } else {
      t->tp++;
      kgb_map_put(&matched, hit, strlen(hit), 1);
    }
  }
  json_array_foreach(req, i, name) {
    const char *n = json_string_value(name);
    t->req++;
    if (n && kgb_map_get(&matched, n, strlen(n)) >= 0)
      t->found++;
    else
      kgb_buf_printf(&d->ev->log, "  miss: %s entity %s\n", d->doc_id, n);
  }
  kgb_map_release(&matched);
}

int kgb_eval_new(kgb_world *world, kgb_eval **out)
{
  kgb_eval *ev = kgb_calloc(1, sizeof *ev);

  *out = ev;
  if (!ev)
    return KGB_ENOMEM;
  ev->world = world;
  kgb_buf_init(&ev->log);
  return KGB_OK;
}

void kgb_eval_free(kgb_eval *ev)
{
  if (!ev)
    return;
  kgb_buf_release(&ev->log);
  kgb_free(ev->rules);
  kgb_free(ev);
}

static int score_document(kgb_eval *ev, const kgb_gold *gold,
                          const char *doc_id, json_t *doc, const char *dir)
{
  kgb_document *kd = NULL;
  kgb_factset *fs = NULL;
  kgb_buf path;
  int rc;

  kgb_buf_init(&path);
  rc = kgb_buf_printf(&path, "%s/%s", dir,
                      gstr(doc, "file") ? gstr(doc, "file") : doc_id);
  if (rc == KGB_OK)
    rc = kgb_document_load(ev->world, path.data, &kd);
  if (rc == KGB_OK)
    rc = kgb_extract(ev->world, kd, &fs);
  if (rc == KGB_OK) {
    doc_ctx d = {gold, fs, doc_id, ev};
    score_entities(&d, json_object_get(doc, "entities"));
    for (int k = 0; k < KGB_FACT_KIND_COUNT; k++)
      score_kind(&d, json_object_get(doc, "facts"), (kgb_fact_kind)k);
    ev->docs++;
  }
  kgb_factset_free(fs);
  kgb_document_free(kd);
  kgb_buf_release(&path);
  return rc;
}

int kgb_eval_run(kgb_eval *ev, const char *gold_path, const char *corpus_dir)
{
  kgb_gold gold;
  const char *doc_id;
  json_t *doc;
  int rc = kgb_gold_load(ev->world, gold_path, &gold);

  if (rc)
    return rc;
  json_object_foreach(json_object_get(gold.root, "docs"), doc_id, doc) {
    rc = score_document(ev, &gold, doc_id, doc, corpus_dir);
    if (rc)
      break;
  }
  kgb_gold_release(&gold);
  return rc;
}

static void prf(const kgb_eval *ev, int first, int last, double out[3])
{
  size_t tp = 0, fp = 0, found = 0, req = 0;

  for (int k = first; k < last; k++) {
    tp += ev->t[k].tp;
    fp += ev->t[k].fp;
    found += ev->t[k].found;
    req += ev->t[k].req;
  }
  out[0] = tp + fp ? (double)tp / (double)(tp + fp) : (req ? 0.0 : 1.0);
  out[1] = req ? (double)found / (double)req : 1.0;
  out[2] = out[0] + out[1] > 0 ? 2 * out[0] * out[1] / (out[0] + out[1]) : 0;
}

double kgb_eval_f1(const kgb_eval *ev, int entities)
{
  double s[3];

  prf(ev, entities ? TALLY_ENTITY : 0,
      entities ? TALLY_COUNT : KGB_FACT_KIND_COUNT, s);
  return s[2];
}

void kgb_eval_print(const kgb_eval *ev, FILE *out, int verbose)
{
  double s[3], e[3];

  fprintf(out, "%-15s%6s%6s%6s   tp  fp found/req dup\n", "kind", "P", "R",
          "F1");
  for (int k = 0; k < TALLY_COUNT; k++) {
    const tally *t = &ev->t[k];
    if (t->tp + t->fp + t->req == 0)
      continue;
    prf(ev, k, k + 1, s);
    fprintf(out, "%-15s%6.2f%6.2f%6.2f %4zu%4zu %5zu/%-3zu %3zu\n",
            k == TALLY_ENTITY ? "entity" : kgb_fact_kind_names[k], s[0], s[1],
            s[2], t->tp, t->fp, t->found, t->req, t->dup);
  }
  if (verbose && ev->log.data)
    fputs(ev->log.data, out);
  prf(ev, 0, KGB_FACT_KIND_COUNT, s);
  prf(ev, TALLY_ENTITY, TALLY_COUNT, e);
  fprintf(out, "documents %zu  bounds %zu/%zu\n", ev->docs, ev->bound_right,
          ev->bound_asked);
  fprintf(out, "facts P=%.2f R=%.2f F1=%.2f  entities P=%.2f R=%.2f F1=%.2f\n",
          s[0], s[1], s[2], e[0], e[1], e[2]);
}

static void print_row(FILE *out, const char *what, const rule_tally *r)
{
  size_t n = r->tp + r->fp;

  if (n)
    fprintf(out, "%-34s %5zu %5zu %6.2f\n", what, r->tp, r->fp,
            (double)r->tp / (double)n);
}

void kgb_eval_print_calibration(const kgb_eval *ev, FILE *out)
{
  rule_tally above = {NULL, 0, 0};

  fprintf(out, "%-34s %5s %5s %6s\n", "confidence", "right", "false",
          "P");
  for (int b = CONFIDENCE_BANDS; b-- > 0;) {
    char band[32];
    snprintf(band, sizeof band, "[%.1f, %.1f%c", b / 10.0, (b + 1) / 10.0,
             b == CONFIDENCE_BANDS - 1 ? ']' : ')');
    print_row(out, band, &ev->bands[b]);
    if (b >= 8) {
      above.tp += ev->bands[b].tp;
      above.fp += ev->bands[b].fp;
    }
  }
  print_row(out, ">= 0.8", &above);
  fprintf(out, "\n%-34s %5s %5s %6s\n", "rule", "right", "false", "P");
  for (size_t r = 0; r < ev->n_rules; r++)
    print_row(out, ev->rules[r].rule, &ev->rules[r]);
}
