/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_graph_store.c - a graph written into a store, one transaction per
 * document: its statements (with its SHA-256, which marks it loaded) and
 * the types and names of the entities it names, merged with the names the
 * store holds.  An interrupted load thus leaves whole documents only, each
 * with its entities named, and a reload that skips them by SHA-256 ends
 * where an uninterrupted load would. */
#include <string.h>

#include "kgb_alloc.h"
#include "kgb_graph_internal.h"
#include "kgb_world_internal.h"
#include "../extractor/kgb_document_internal.h"

int kgb_graph_open_store(kgb_graph *g, const char *uri)
{
  if (g->format || kgb_store_is_open(&g->store))
    return kgb_report(g->world, KGB_EINVAL, "the graph has an output already");
  return kgb_store_open(g->world, g->rdf, uri, 1, &g->store);
}

const char *kgb_graph_store_name(const kgb_graph *g)
{
  return g->store.shown;
}

int kgb_graph_has_document(kgb_graph *g, const kgb_document *doc)
{
  raptor_term *p;
  int has;

  if (!kgb_store_is_open(&g->store))
    return 0;
  /* By its SHA-256, whatever path or base it was loaded under. */
  if (!(p = kgb_graph_term(g, KGB_SHA256)))
    return 0;
  has = kgb_store_has_literal(&g->store, g->rdf, p, doc->sha256);
  raptor_free_term(p);
  if (has < 0)
    kgb_report(g->world, has, "%s: cannot read the store: %s",
               g->store.shown, kgb_strerror(has));
  return has > 0;
}

/* The names one entity has in the store, as it is being merged. */
typedef struct {
  kgb_graph *g;
  const char *iri;
  kgb_term cls;
  char **labels;       /* owned: its rdfs:label values in the store */
  size_t n_labels, cap_labels;
} stored_names;

static int take_label(void *data, const char *text)
{
  stored_names *e = data;
  char *copy;

  if (kgb_grow(&e->labels, &e->cap_labels, e->n_labels + 1,
               sizeof *e->labels) ||
      !(copy = kgb_strdup(text)))
    return KGB_ENOMEM;
  e->labels[e->n_labels++] = copy;
  return kgb_entities_add(e->g->entities, e->iri, e->cls, text, 0);
}

static int take_alt(void *data, const char *text)
{
  stored_names *e = data;

  return kgb_entities_add(e->g->entities, e->iri, e->cls, text, 0);
}

/* Add (or, when REMOVE, take out) <IRI> P OBJECT (taken) in the default
 * graph. */
static int put(kgb_graph *g, const char *iri, kgb_term p, raptor_term *object,
               int remove, long *net)
{
  raptor_statement *st = raptor_new_statement_from_nodes(
      g->raptor,
      raptor_new_term_from_uri_string(g->raptor, (const unsigned char *)iri),
      kgb_graph_term(g, p), object, NULL);
  int rc;

  if (!st || !st->subject || !st->predicate || !st->object)
    rc = KGB_ENOMEM;
  else if (remove)
    rc = kgb_store_remove(&g->store, st, net);
  else
    rc = kgb_store_add(&g->store, st, net);
  if (st)
    raptor_free_statement(st);
  return rc;
}

static int put_name(kgb_graph *g, const char *iri, kgb_term p,
                    const char *text, int remove, long *net)
{
  return put(g, iri, p,
             raptor_new_term_from_literal(g->raptor,
                                          (const unsigned char *)text, NULL,
                                          NULL),
             remove, net);
}

/* Entity I of the document's table: its stored names join it, then the
 * store gets its type, the fullest name as label (a stored label that
 * lost goes) and every other name as an alternative. */
static int store_entity(kgb_graph *g, size_t i, long *net)
{
  stored_names e = {g, NULL, 0, NULL, 0, 0};
  raptor_term *subject, *pl, *pa;
  char *const *names;
  size_t n, label;
  int rc;

  e.iri = kgb_entities_iri(g->entities, i, &e.cls);
  subject = raptor_new_term_from_uri_string(g->raptor,
                                            (const unsigned char *)e.iri);
  pl = kgb_graph_term(g, KGB_RDFS_LABEL);
  pa = kgb_graph_term(g, KGB_SKOS_ALT_LABEL);
  rc = subject && pl && pa ? KGB_OK : KGB_ENOMEM;
  if (rc == KGB_OK)
    rc = kgb_store_literals(&g->store, g->rdf, subject, pl, take_label, &e);
  if (rc == KGB_OK)
    rc = kgb_store_literals(&g->store, g->rdf, subject, pa, take_alt, &e);
  kgb_entities_get(g->entities, i, &e.iri, &e.cls, &names, &n, &label);
  for (size_t k = 0; rc == KGB_OK && k < e.n_labels; k++)
    if (strcmp(e.labels[k], names[label]))
      rc = put_name(g, e.iri, KGB_RDFS_LABEL, e.labels[k], 1, net);
  if (rc == KGB_OK)
    rc = put(g, e.iri, KGB_RDF_TYPE, kgb_graph_term(g, e.cls), 0, net);
  if (rc == KGB_OK)
    rc = put_name(g, e.iri, KGB_SKOS_ALT_LABEL, names[label], 1, net);
  for (size_t k = 0; rc == KGB_OK && k < n; k++)
    rc = put_name(g, e.iri, k == label ? KGB_RDFS_LABEL : KGB_SKOS_ALT_LABEL,
                  names[k], 0, net);
  for (size_t k = 0; k < e.n_labels; k++)
    kgb_free(e.labels[k]);
  kgb_free(e.labels);
  if (subject)
    raptor_free_term(subject);
  if (pl)
    raptor_free_term(pl);
  if (pa)
    raptor_free_term(pa);
  return rc;
}

static int store_statements(kgb_graph *g, long *net)
{
  int rc = KGB_OK;

  for (size_t i = 0; rc == KGB_OK && i < g->pending.n; i++)
    rc = kgb_store_add(&g->store, g->pending.v[i], net);
  for (size_t i = 0; rc == KGB_OK && i < kgb_entities_count(g->entities);
       i++)
    rc = store_entity(g, i, net);
  return rc;
}

int kgb_graph_store_pending(kgb_graph *g)
{
  long net = 0;
  int rc = kgb_store_begin(g->world, &g->store), end;
  kgb_entities *fresh;

  if (rc == KGB_OK) {
    rc = store_statements(g, &net);
    if (rc)
      kgb_report(g->world, rc, "%s: cannot write the document: %s",
                 g->store.shown,
                 rc == KGB_ERDF && g->store.sql
                     ? kgb_sqlite_error(g->store.sql) : kgb_strerror(rc));
    end = kgb_store_end(g->world, &g->store, rc == KGB_OK);
    rc = rc ? rc : end;
  }
  if (rc == KGB_OK && g->rdf_error)
    rc = kgb_report(g->world, KGB_ERDF, "%s: cannot write the document",
                    g->store.shown);
  if (rc == KGB_OK)
    g->written = (size_t)((long)g->written + net);
  kgb_statements_release(&g->pending);
  /* The next document starts with a table of its own entities (when
   * memory is short, this one's names are merged again: no harm). */
  if ((fresh = kgb_entities_new()) != NULL) {
    kgb_entities_free(g->entities);
    g->entities = fresh;
  }
  return rc;
}
