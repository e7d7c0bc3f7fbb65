/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_emit.c - facts of one document -> triples, with provenance. */
#include <stdio.h>
#include <string.h>

#include "kgb_alloc.h"
#include "kgb_buf.h"
#include "kgb_graph_internal.h"
#include "kgb_iri.h"
#include "kgb_utf8.h"
#include "kgb_world_internal.h"
#include "../extractor/kgb_document_internal.h"
#include "../extractor/kgb_fact.h"

/* How each n-ary fact kind is written. */
static const struct {
  kgb_term cls, agent, object, figure, figure_cls;
  const char *segment;   /* path segment of its IRIs */
} nary[] = {
  [KGB_FACT_INVESTMENT] = {KGB_INVESTMENT, KGB_INVESTOR, KGB_INVESTEE,
                           KGB_AMOUNT, KGB_SCHEMA_MONETARY_AMOUNT,
                           "investment"},
  [KGB_FACT_JOB_CREATION] = {KGB_JOB_CREATION, KGB_EMPLOYER, KGB_TERM_COUNT,
                             KGB_JOBS, KGB_SCHEMA_QUANTITATIVE_VALUE,
                             "job-creation"},
  [KGB_FACT_JOB_CUT] = {KGB_JOB_CUT, KGB_EMPLOYER, KGB_TERM_COUNT, KGB_JOBS,
                        KGB_SCHEMA_QUANTITATIVE_VALUE, "job-cut"},
  [KGB_FACT_WORKFORCE] = {KGB_WORKFORCE, KGB_EMPLOYER, KGB_TERM_COUNT,
                          KGB_EMPLOYEES, KGB_SCHEMA_QUANTITATIVE_VALUE,
                          "workforce"},
  [KGB_FACT_ACQUISITION] = {KGB_ACQUISITION, KGB_ACQUIRER, KGB_ACQUIREE,
                            KGB_AMOUNT, KGB_SCHEMA_MONETARY_AMOUNT,
                            "acquisition"},
};

/* The predicate of each two-part fact kind. */
static const kgb_term link_terms[KGB_FACT_KIND_COUNT] = {
  [KGB_FACT_MANAGER_OF] = KGB_MANAGER_OF,
  [KGB_FACT_SUBSIDIARY_OF] = KGB_SUBSIDIARY_OF,
  [KGB_FACT_BASED_IN] = KGB_BASED_IN,
  [KGB_FACT_OPERATES_IN] = KGB_OPERATES_IN,
  [KGB_FACT_LOCATED_IN] = KGB_LOCATED_IN,
  [KGB_FACT_PARTICIPATES_IN] = KGB_PARTICIPATES_IN,
  [KGB_FACT_COMPETITOR_OF] = KGB_COMPETITOR_OF,
  [KGB_FACT_TICKER] = KGB_TICKER_SYMBOL,
};

static const struct {
  kgb_term cls;
  const char *segment;
} classes[] = {
  [KGB_CLASS_ORGANIZATION] = {KGB_ORGANIZATION, "organization"},
  [KGB_CLASS_PERSON] = {KGB_PERSON, "person"},
  [KGB_CLASS_PLACE] = {KGB_PLACE, "place"},
  [KGB_CLASS_EVENT] = {KGB_EVENT, "event"},
};

static const kgb_term bound_terms[] = {
  [KGB_BOUND_EXACT] = KGB_SCHEMA_VALUE,
  [KGB_BOUND_MIN] = KGB_SCHEMA_MIN_VALUE,
  [KGB_BOUND_MAX] = KGB_SCHEMA_MAX_VALUE,
};

typedef struct {
  kgb_graph *g;
  const kgb_document *doc;
  const kgb_factset *fs;
  const char *base;
  char **entity_iri;   /* owned, one per entity; NULL when not emitted */
  kgb_buf doc_iri;
} emit_ctx;

static int entity_iri(emit_ctx *c, size_t i, char **out)
{
  const kgb_entity *e = &c->fs->entities[i];
  kgb_buf iri;
  int rc;

  kgb_buf_init(&iri);
  rc = kgb_buf_printf(&iri, "%s%s/", c->base, classes[e->cls].segment);
  if (rc == KGB_OK)
    rc = kgb_iri_append_slug(&iri, e->key ? e->key : e->name);
  *out = rc == KGB_OK ? kgb_buf_to_string(&iri) : NULL;
  kgb_buf_release(&iri);
  return *out ? KGB_OK : KGB_ENOMEM;
}

/* Entities are written once for the whole graph, from the table of
 * names every document adds to. */
static int emit_entity(emit_ctx *c, size_t i)
{
  const kgb_entity *e = &c->fs->entities[i];
  int rc;

  if (e->cls == KGB_CLASS_UNKNOWN)
    return KGB_OK;
  if ((rc = entity_iri(c, i, &c->entity_iri[i])))
    return rc;
  /* A gazetteer place has a standard name, whatever language the text
   * is in. */
  rc = kgb_graph_name_entity(c->g, c->entity_iri[i], classes[e->cls].cls,
                             e->name, e->place >= 0);
  for (size_t a = 0; rc == KGB_OK && a < e->n_aliases; a++)
    rc = kgb_graph_name_entity(c->g, c->entity_iri[i], classes[e->cls].cls,
                               e->aliases[a], 0);
  return rc;
}

/* dct:source: the input's name, escaped where it holds what no IRI, and
 * so no RDF/XML or N-Triples, may (bytes that are not UTF-8, control
 * characters, spaces...).  "<stdin>" names no file and is kept. */
static int add_source(kgb_graph *g, const char *iri, const char *source)
{
  kgb_buf name;
  int rc;

  if (strcmp(source, "<stdin>") == 0)
    return kgb_graph_add_text(g, iri, KGB_DCT_SOURCE, source, strlen(source),
                              NULL);
  kgb_buf_init(&name);
  rc = kgb_iri_append_escaped(&name, source);
  if (rc == KGB_OK)
    rc = kgb_graph_add_text(g, iri, KGB_DCT_SOURCE, name.data ? name.data : "",
                            name.len, NULL);
  kgb_buf_release(&name);
  return rc;
}

/* Code-point offsets CB and CE as NIF counts them, and the document the
 * span IRI is in. */
static int emit_offsets(emit_ctx *c, const char *iri, size_t cb, size_t ce)
{
  char num[32];
  int rc;

  snprintf(num, sizeof num, "%zu", cb);
  rc = kgb_graph_add_typed(c->g, iri, KGB_NIF_BEGIN_INDEX, num,
                           KGB_XSD_NON_NEGATIVE_INTEGER);
  snprintf(num, sizeof num, "%zu", ce);
  if (rc == KGB_OK)
    rc = kgb_graph_add_typed(c->g, iri, KGB_NIF_END_INDEX, num,
                             KGB_XSD_NON_NEGATIVE_INTEGER);
  if (rc == KGB_OK)
    rc = kgb_graph_add_iri(c->g, iri, KGB_DOCUMENT_OF, c->doc_iri.data);
  return rc;
}

/* With --mentions, the document's text as a NIF 2.0 nif:Context, the
 * string every offset counts in, named the RFC 5147 way as its
 * annotations are: <doc#char=0,N>.  The whole document's text, also when
 * this is its first window; later windows find its IRI in the graph. */
static int emit_context(emit_ctx *c)
{
  const kgb_document *whole = KGB_DOCUMENT_WHOLE(c->doc);
  size_t n = kgb_utf8_cp_count(whole->text, whole->len);
  const char *iri;
  kgb_buf b;
  int rc;

  kgb_buf_init(&b);
  kgb_free(c->g->nif_context);
  rc = kgb_buf_printf(&b, "%s#char=0,%zu", c->doc_iri.data, n);
  c->g->nif_context = rc == KGB_OK ? kgb_buf_to_string(&b) : NULL;
  kgb_buf_release(&b);
  if (!(iri = c->g->nif_context))
    return KGB_ENOMEM;
  rc = kgb_graph_add_term(c->g, iri, KGB_RDF_TYPE, KGB_NIF_CONTEXT);
  if (rc == KGB_OK)
    rc = kgb_graph_add_term(c->g, iri, KGB_RDF_TYPE, KGB_NIF_RFC5147_STRING);
  if (rc == KGB_OK)
    rc = kgb_graph_add_text(c->g, iri, KGB_NIF_IS_STRING, whole->text,
                            whole->len, NULL);
  return rc ? rc : emit_offsets(c, iri, 0, n);
}

static int emit_document(emit_ctx *c)
{
  const kgb_document *d = c->doc;
  const char *iri;
  int rc = kgb_buf_printf(&c->doc_iri, "%sdocument/%.16s", c->base,
                          d->sha256);

  if (rc == KGB_OK)
    rc = kgb_graph_set_context(c->g, c->doc_iri.data);
  /* A later window of a long document adds to the node the first made. */
  if (rc || d->continues)
    return rc;
  iri = c->doc_iri.data;
  rc = kgb_graph_add_term(c->g, iri, KGB_RDF_TYPE, KGB_DOCUMENT);
  if (rc == KGB_OK)
    rc = add_source(c->g, iri, d->source);
  if (rc == KGB_OK)
    rc = kgb_graph_add_text(c->g, iri, KGB_DCT_LANGUAGE,
                            kgb_lang_code(d->lang), 2, NULL);
  if (rc == KGB_OK)
    rc = kgb_graph_add_text(c->g, iri, KGB_SHA256, d->sha256, 64, NULL);
  /* Offsets count in the text read from the input: the input itself
   * for text/plain, the page's extracted text for text/html. */
  if (rc == KGB_OK)
    rc = kgb_graph_add_text(c->g, iri, KGB_DCT_FORMAT,
                            kgb_document_as_media_type(d),
                            strlen(kgb_document_as_media_type(d)), NULL);
  if (rc == KGB_OK && d->title)
    rc = kgb_graph_add_text(c->g, iri, KGB_DCT_TITLE, d->title,
                            strlen(d->title), NULL);
  if (rc == KGB_OK && c->g->mentions)
    rc = emit_context(c);
  return rc;
}

/* Canonical xsd:decimal with two places at most: 0.9, 0.85, 1.0. */
static void format_confidence(double c, char *buf, size_t size)
{
  size_t n;

  snprintf(buf, size, "%.2f", c < 0 ? 0.0 : c > 1 ? 1.0 : c);
  n = strlen(buf);
  while (n > 3 && buf[n - 1] == '0')
    buf[--n] = '\0';
}

/* A span of the document: its text, code-point offsets as NIF counts
 * them, and the document it is in.  B and E are bytes, CB and CE code
 * points. */
static int emit_span(emit_ctx *c, const char *iri, size_t b, size_t e,
                     size_t cb, size_t ce)
{
  int rc = kgb_graph_add_text(c->g, iri, KGB_NIF_ANCHOR_OF, c->doc->text + b,
                              e - b, NULL);

  if (rc == KGB_OK)
    rc = emit_offsets(c, iri, cb, ce);
  if (rc == KGB_OK && c->g->mentions && c->g->nif_context)
    rc = kgb_graph_add_iri(c->g, iri, KGB_NIF_REFERENCE_CONTEXT,
                           c->g->nif_context);
  return rc;
}

/* The mention node: the sentence a fact came from, with NIF offsets. */
static int emit_mention(emit_ctx *c, const char *fact_iri, const kgb_fact *f)
{
  const kgb_sentence *s = &c->doc->sentences[f->sentence];
  size_t cb = c->doc->cp_base + s->cp_begin;
  size_t ce = c->doc->cp_base + s->cp_end;
  kgb_buf iri;
  char num[32];
  int rc;

  kgb_buf_init(&iri);
  rc = kgb_buf_printf(&iri, "%s/source/%.16s-%zu-%zu", fact_iri,
                      c->doc->sha256, cb, ce);
  if (rc == KGB_OK)
    rc = kgb_graph_add_iri(c->g, fact_iri, KGB_PROV_WAS_DERIVED_FROM,
                           iri.data);
  if (rc == KGB_OK)
    rc = kgb_graph_add_term(c->g, iri.data, KGB_RDF_TYPE, KGB_MENTION);
  if (rc == KGB_OK)
    rc = emit_span(c, iri.data, s->begin, s->end, cb, ce);
  format_confidence(f->confidence, num, sizeof num);
  if (rc == KGB_OK)
    rc = kgb_graph_add_typed(c->g, iri.data, KGB_CONFIDENCE, num,
                             KGB_XSD_DECIMAL);
  if (rc == KGB_OK)
    rc = kgb_graph_add_text(c->g, iri.data, KGB_RULE, f->rule,
                            strlen(f->rule), NULL);
  /* Where the sentence only reports talk of the deal. */
  if (rc == KGB_OK && f->rumoured)
    rc = kgb_graph_add_text(c->g, iri.data, KGB_STATUS, "rumoured", 8,
                            NULL);
  kgb_buf_release(&iri);
  return rc;
}

static const char *iri_or_empty(const emit_ctx *c, int entity)
{
  return entity >= 0 && c->entity_iri[entity] ? c->entity_iri[entity] : "";
}

/* The IRI of an n-ary fact hashes all its parts, so the same fact read
 * twice (a title and its body, two articles) is one node. */
static int nary_iri(const emit_ctx *c, const kgb_fact *f, kgb_buf *iri)
{
  kgb_buf key;
  char fig[48] = "";
  int rc;

  if (f->has_figure)
    kgb_decimal_format(f->figure, fig, sizeof fig);
  kgb_buf_init(&key);
  rc = kgb_buf_printf(&key, "%d|%s|%s|%s|%s|%d|%s|%d|%d", (int)f->kind,
                      iri_or_empty(c, f->agent), iri_or_empty(c, f->object),
                      iri_or_empty(c, f->location), fig, (int)f->bound,
                      f->currency, f->year, f->start_year);
  if (rc == KGB_OK)
    rc = kgb_buf_printf(iri, "%s%s/", c->base, nary[f->kind].segment);
  if (rc == KGB_OK)
    rc = kgb_iri_append_hash(iri, key.data, key.len);
  kgb_buf_release(&key);
  return rc;
}

static int emit_figure(emit_ctx *c, const char *fact_iri, const kgb_fact *f)
{
  kgb_buf iri;
  char value[48];
  int rc;

  kgb_buf_init(&iri);
  kgb_decimal_format(f->figure, value, sizeof value);
  rc = kgb_buf_printf(&iri, "%s/%s", fact_iri,
                      kgb_term_local(nary[f->kind].figure));
  if (rc == KGB_OK)
    rc = kgb_graph_add_iri(c->g, fact_iri, nary[f->kind].figure, iri.data);
  if (rc == KGB_OK)
    rc = kgb_graph_add_term(c->g, iri.data, KGB_RDF_TYPE,
                            nary[f->kind].figure_cls);
  if (rc == KGB_OK)
    rc = kgb_graph_add_typed(c->g, iri.data, bound_terms[f->bound], value,
                             KGB_XSD_DECIMAL);
  if (rc == KGB_OK && f->currency[0])
    rc = kgb_graph_add_text(c->g, iri.data, KGB_SCHEMA_CURRENCY, f->currency,
                            strlen(f->currency), NULL);
  kgb_buf_release(&iri);
  return rc;
}

static int emit_year(emit_ctx *c, const char *iri, kgb_term p, int year)
{
  char y[16];

  if (!year)
    return KGB_OK;
  snprintf(y, sizeof y, "%04d", year);
  return kgb_graph_add_typed(c->g, iri, p, y, KGB_XSD_GYEAR);
}

static int emit_role(emit_ctx *c, const char *iri, kgb_term p, int entity)
{
  if (entity < 0 || p == KGB_TERM_COUNT || !c->entity_iri[entity])
    return KGB_OK;
  return kgb_graph_add_iri(c->g, iri, p, c->entity_iri[entity]);
}

static int emit_nary(emit_ctx *c, const kgb_fact *f, const char *iri)
{
  int rc = kgb_graph_add_term(c->g, iri, KGB_RDF_TYPE, nary[f->kind].cls);

  if (rc == KGB_OK)
    rc = emit_role(c, iri, nary[f->kind].agent, f->agent);
  if (rc == KGB_OK)
    rc = emit_role(c, iri, nary[f->kind].object, f->object);
  if (rc == KGB_OK)
    rc = emit_role(c, iri, KGB_LOCATION, f->location);
  if (rc == KGB_OK && f->has_figure)
    rc = emit_figure(c, iri, f);
  if (rc == KGB_OK)
    rc = emit_year(c, iri, KGB_YEAR, f->year);
  if (rc == KGB_OK)
    rc = emit_year(c, iri, KGB_START_YEAR, f->start_year);
  if (rc == KGB_OK)
    rc = emit_mention(c, iri, f);
  return rc;
}

/* One entity mention as a NIF 2.0 annotation, the form entity-linking
 * benchmarks read: <doc#char=b,e> with its anchor and the entity. */
static int emit_annotation(emit_ctx *c, const kgb_mention *m, size_t cb,
                           size_t ce)
{
  const kgb_token *first = &c->doc->toks.v[m->first];
  const kgb_token *last = &c->doc->toks.v[m->last - 1];
  const kgb_entity *e = &c->fs->entities[m->entity];
  kgb_buf iri;
  int rc;

  kgb_buf_init(&iri);
  rc = kgb_buf_printf(&iri, "%s#char=%zu,%zu", c->doc_iri.data, cb, ce);
  if (rc == KGB_OK)
    rc = kgb_graph_add_term(c->g, iri.data, KGB_RDF_TYPE, KGB_NIF_STRING);
  if (rc == KGB_OK)
    rc = kgb_graph_add_term(c->g, iri.data, KGB_RDF_TYPE,
                            KGB_NIF_RFC5147_STRING);
  if (rc == KGB_OK)
    rc = emit_span(c, iri.data, first->begin, last->end, cb, ce);
  if (rc == KGB_OK)
    rc = kgb_graph_add_iri(c->g, iri.data, KGB_ITSRDF_TA_IDENT_REF,
                           c->entity_iri[m->entity]);
  if (rc == KGB_OK)
    rc = kgb_graph_add_term(c->g, iri.data, KGB_ITSRDF_TA_CLASS_REF,
                            classes[e->cls].cls);
  kgb_buf_release(&iri);
  return rc;
}

/* Mentions come in text order, so code-point offsets are counted in one
 * pass over the text (a window's from where it starts in the whole). */
static int emit_annotations(emit_ctx *c)
{
  size_t byte = 0, cp = c->doc->cp_base;
  int rc = KGB_OK;

  for (size_t i = 0; rc == KGB_OK && i < c->fs->n_mentions; i++) {
    const kgb_mention *m = &c->fs->mentions[i];
    size_t b = c->doc->toks.v[m->first].begin;
    size_t e = c->doc->toks.v[m->last - 1].end, cb;
    if (!c->entity_iri[m->entity] || b < byte)
      continue;
    cp += kgb_utf8_cp_count(c->doc->text + byte, b - byte);
    cb = cp;
    cp += kgb_utf8_cp_count(c->doc->text + b, e - b);
    byte = e;
    rc = emit_annotation(c, m, cb, cp);
  }
  return rc;
}

/* The rdf:Statement of a two-part fact is named by hashing its triple;
 * none when a part has no IRI. */
static int link_iri(const emit_ctx *c, const kgb_fact *f, kgb_buf *iri)
{
  const char *s = iri_or_empty(c, f->agent), *o = iri_or_empty(c, f->object);
  char piri[256];
  kgb_buf key;
  int rc;

  if (!*s || (f->kind != KGB_FACT_TICKER && !*o))
    return KGB_OK;
  kgb_term_iri(link_terms[f->kind], piri, sizeof piri);
  kgb_buf_init(&key);
  rc = kgb_buf_printf(&key, "%s|%s|%s", s, piri,
                      f->kind == KGB_FACT_TICKER ? f->literal : o);
  if (rc == KGB_OK)
    rc = kgb_buf_printf(iri, "%sstatement/", c->base);
  if (rc == KGB_OK)
    rc = kgb_iri_append_hash(iri, key.data, key.len);
  kgb_buf_release(&key);
  return rc;
}

/* The object of a two-part fact: an entity, or the ticker's text. */
static int add_link_object(emit_ctx *c, const char *s, kgb_term p,
                           const kgb_fact *f)
{
  if (f->kind == KGB_FACT_TICKER)
    return kgb_graph_add_text(c->g, s, p, f->literal, strlen(f->literal),
                              NULL);
  return kgb_graph_add_iri(c->g, s, p, iri_or_empty(c, f->object));
}

/* A two-part fact is one triple between entities, and an rdf:Statement
 * ST that reifies it carries the provenance. */
static int emit_link(emit_ctx *c, const kgb_fact *f, const char *st)
{
  const char *s = iri_or_empty(c, f->agent);
  kgb_term p = link_terms[f->kind];
  int rc = add_link_object(c, s, p, f);

  if (rc == KGB_OK && f->kind == KGB_FACT_MANAGER_OF && f->literal[0])
    rc = kgb_graph_add_text(c->g, s, KGB_SCHEMA_JOB_TITLE, f->literal,
                            strlen(f->literal), NULL);
  if (rc == KGB_OK)
    rc = kgb_graph_add_term(c->g, st, KGB_RDF_TYPE, KGB_RDF_STATEMENT);
  if (rc == KGB_OK)
    rc = kgb_graph_add_iri(c->g, st, KGB_RDF_SUBJECT, s);
  if (rc == KGB_OK)
    rc = kgb_graph_add_term(c->g, st, KGB_RDF_PREDICATE, p);
  if (rc == KGB_OK)
    rc = add_link_object(c, st, KGB_RDF_OBJECT, f);
  if (rc == KGB_OK)
    rc = emit_mention(c, st, f);
  return rc;
}

/* The IRI of every fact, or NULL for a fact with a part that has none.
 * Two rules may find the same fact in the same sentence; only the most
 * confident is written, so a mention has one confidence and one rule. */
static int name_facts(emit_ctx *c, char **iris)
{
  kgb_map best;   /* fact IRI + sentence -> fact */
  kgb_buf iri;
  int rc = KGB_OK;

  kgb_map_init(&best);
  kgb_buf_init(&iri);
  for (size_t i = 0; rc == KGB_OK && i < c->fs->n_facts; i++) {
    const kgb_fact *f = &c->fs->facts[i];
    size_t len;
    int seen;
    iri.len = 0;
    rc = KGB_FACT_IS_NARY(f->kind) ? nary_iri(c, f, &iri)
                                   : link_iri(c, f, &iri);
    if (rc || iri.len == 0)
      continue;
    len = iri.len;
    rc = kgb_buf_printf(&iri, "#%zu", f->sentence);
    seen = rc == KGB_OK ? kgb_map_get(&best, iri.data, iri.len) : -1;
    if (rc == KGB_OK && seen >= 0 &&
        c->fs->facts[seen].confidence >= f->confidence)
      continue;
    if (rc == KGB_OK && seen >= 0) {
      kgb_free(iris[seen]);
      iris[seen] = NULL;
    }
    if (rc == KGB_OK)
      rc = kgb_map_put(&best, iri.data, iri.len, (int)i);
    if (rc == KGB_OK && !(iris[i] = kgb_strndup(iri.data, len)))
      rc = KGB_ENOMEM;
  }
  kgb_buf_release(&iri);
  kgb_map_release(&best);
  return rc;
}

static int emit_facts(emit_ctx *c)
{
  char **iris = kgb_calloc(c->fs->n_facts + 1, sizeof *iris);
  int rc = iris ? name_facts(c, iris) : KGB_ENOMEM;

  for (size_t i = 0; rc == KGB_OK && i < c->fs->n_facts; i++) {
    const kgb_fact *f = &c->fs->facts[i];
    if (iris[i])
      rc = KGB_FACT_IS_NARY(f->kind) ? emit_nary(c, f, iris[i])
                                     : emit_link(c, f, iris[i]);
  }
  for (size_t i = 0; iris && i < c->fs->n_facts; i++)
    kgb_free(iris[i]);
  kgb_free(iris);
  return rc;
}

int kgb_graph_add(kgb_graph *g, const kgb_document *doc,
                  const kgb_factset *fs)
{
  emit_ctx c = {g, doc, fs, kgb_world_as_base(g->world), NULL, {0}};
  size_t mark = g->pending.n;
  int rc;

  if (!doc->continues)
    g->document_mark = mark;
  kgb_buf_init(&c.doc_iri);
  c.entity_iri = kgb_calloc(fs->n_entities, sizeof *c.entity_iri);
  if (!c.entity_iri)
    return KGB_ENOMEM;
  rc = emit_document(&c);
  for (size_t i = 0; rc == KGB_OK && i < fs->n_entities; i++)
    rc = emit_entity(&c, i);
  if (rc == KGB_OK && g->mentions)
    rc = emit_annotations(&c);
  if (rc == KGB_OK)
    rc = emit_facts(&c);
  for (size_t i = 0; i < fs->n_entities; i++)
    kgb_free(c.entity_iri[i]);
  kgb_free(c.entity_iri);
  kgb_buf_release(&c.doc_iri);
  if (rc == KGB_OK)
    rc = kgb_graph_set_context(g, NULL);
  if (rc) {
    /* Half a document is not written: its statements are dropped, those
     * of its earlier windows with them. */
    if (doc->continues)
      mark = g->document_mark < mark ? g->document_mark : mark;
    while (g->pending.n > mark)
      raptor_free_statement(g->pending.v[--g->pending.n]);
    return kgb_report(g->world, rc, "%s: cannot build the graph: %s",
                      doc->source, kgb_strerror(rc));
  }
  /* The document is done with its last window: it is written (sorted,
   * without repeats) or stored (one transaction) as a whole. */
  return doc->more ? KGB_OK : kgb_graph_document_done(g);
}
