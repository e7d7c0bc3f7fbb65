/* kgb_graph_store.c - a graph written into a librdf store: each document
 * in its own context, once; entity names merged with those stored. */
#include <string.h>

#include "kgb_alloc.h"
#include "kgb_graph_internal.h"
#include "kgb_world_internal.h"
#include "../extractor/kgb_document_internal.h"

int kgb_graph_open_store(kgb_graph *g, const char *uri)
{
  if (g->format || g->store.model)
    return kgb_report(g->world, KGB_EINVAL, "the graph has an output already");
  return kgb_store_open(g->world, g->rdf, uri, 1, &g->store);
}

/* The first statement matching S P O (NULL for any), or NULL; the pattern
 * is consumed, the result is the caller's. */
static librdf_statement *find_one(kgb_graph *g, librdf_node *s,
                                  librdf_node *p, librdf_node *o)
{
  librdf_statement *pattern = librdf_new_statement_from_nodes(g->rdf, s, p, o);
  librdf_stream *found;
  librdf_statement *hit = NULL;

  if (!pattern)
    return NULL;
  found = librdf_model_find_statements(g->store.model, pattern);
  if (found && !librdf_stream_end(found))
    hit = librdf_new_statement_from_statement(librdf_stream_get_object(found));
  if (found)
    librdf_free_stream(found);
  librdf_free_statement(pattern);
  return hit;
}

int kgb_graph_has_document(kgb_graph *g, const kgb_document *doc)
{
  librdf_statement *hit;

  if (!g->store.model)
    return 0;
  /* By its SHA-256, whatever path or base it was loaded under. */
  hit = find_one(g, NULL, kgb_graph_term(g, KGB_SHA256),
                 librdf_new_node_from_literal(
                     g->rdf, (const unsigned char *)doc->sha256, NULL, 0));
  if (hit)
    librdf_free_statement(hit);
  return hit != NULL;
}

int kgb_graph_store_pending(kgb_graph *g)
{
  int batch = g->store.transactions &&
              librdf_model_transaction_start(g->store.model) == 0;
  int rc = KGB_OK;

  for (size_t i = 0; rc == KGB_OK && i < g->pending.n; i++) {
    raptor_statement *st = g->pending.v[i];
    raptor_term *context = st->graph;
    st->graph = NULL;
    if (context ? librdf_model_context_add_statement(g->store.model, context, st)
                : librdf_model_add_statement(g->store.model, st))
      rc = KGB_ERDF;
    st->graph = context;
  }
  if (batch && (rc ? librdf_model_transaction_rollback(g->store.model)
                   : librdf_model_transaction_commit(g->store.model)))
    rc = KGB_ERDF;
  if (rc == KGB_OK)
    g->written += g->pending.n;
  kgb_statements_release(&g->pending);
  if (rc || g->rdf_error)
    return kgb_report(g->world, KGB_ERDF, "cannot write into the store");
  return KGB_OK;
}

/* Names of IRI stored under P join the table; the statements go, since
 * the label may change. */
static int take_names(kgb_graph *g, const char *iri, kgb_term cls, kgb_term p)
{
  librdf_statement *hit;
  int rc = KGB_OK;

  while (rc == KGB_OK &&
         (hit = find_one(g,
                         librdf_new_node_from_uri_string(
                             g->rdf, (const unsigned char *)iri),
                         kgb_graph_term(g, p), NULL))) {
    librdf_node *o = librdf_statement_get_object(hit);
    if (librdf_node_is_literal(o))
      rc = kgb_entities_add(g->entities, iri, cls,
                            (const char *)librdf_node_get_literal_value(o), 0);
    if (librdf_model_remove_statement(g->store.model, hit) && rc == KGB_OK)
      rc = KGB_ERDF;
    librdf_free_statement(hit);
  }
  return rc;
}

int kgb_graph_store_take_names(kgb_graph *g)
{
  int rc = KGB_OK;

  for (size_t i = 0; rc == KGB_OK && i < kgb_entities_count(g->entities);
       i++) {
    kgb_term cls;
    const char *iri = kgb_entities_iri(g->entities, i, &cls);
    rc = take_names(g, iri, cls, KGB_RDFS_LABEL);
    if (rc == KGB_OK)
      rc = take_names(g, iri, cls, KGB_SKOS_ALT_LABEL);
  }
  return rc;
}
