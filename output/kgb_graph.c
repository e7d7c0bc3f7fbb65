/* kgb_graph.c - the librdf model that facts are written into. */
#include "kgb_graph_internal.h"

#include <string.h>

#include "kgb_alloc.h"
#include "kgb_world_internal.h"

static int on_rdf_log(void *data, librdf_log_message *msg)
{
  kgb_graph *g = data;

  if (librdf_log_message_level(msg) >= LIBRDF_LOG_ERROR) {
    g->rdf_error = 1;
    kgb_report(g->world, KGB_ERDF, "RDF library: %s",
               librdf_log_message_message(msg));
  }
  return 1;
}

int kgb_graph_new(kgb_world *world, kgb_graph **out)
{
  kgb_graph *g = kgb_calloc(1, sizeof *g);

  *out = NULL;
  if (!g)
    return KGB_ENOMEM;
  g->world = world;
  g->rdf = librdf_new_world();
  if (!g->rdf)
    goto fail;
  librdf_world_set_logger(g->rdf, g, on_rdf_log);
  librdf_world_open(g->rdf);
  /* Hashes in memory: a triple stated twice is stored once. */
  g->storage = librdf_new_storage(g->rdf, "hashes", "kgbuild",
                                  "hash-type='memory'");
  if (!g->storage)
    goto fail;
  g->model = librdf_new_model(g->rdf, g->storage, NULL);
  if (!g->model)
    goto fail;
  *out = g;
  return KGB_OK;
fail:
  kgb_graph_free(g);
  return kgb_report(world, KGB_ERDF, "cannot create an in-memory RDF model");
}

void kgb_graph_free(kgb_graph *g)
{
  if (!g)
    return;
  if (g->model)
    librdf_free_model(g->model);
  if (g->storage)
    librdf_free_storage(g->storage);
  if (g->rdf)
    librdf_free_world(g->rdf);
  kgb_free(g);
}

void kgb_graph_set_mentions(kgb_graph *g, int on) { g->mentions = on; }

size_t kgb_graph_triple_count(const kgb_graph *g)
{
  int n = librdf_model_size(g->model);

  return n < 0 ? 0 : (size_t)n;
}

static librdf_node *term_node(kgb_graph *g, kgb_term t)
{
  char iri[256];

  kgb_term_iri(t, iri, sizeof iri);
  return librdf_new_node_from_uri_string(g->rdf, (const unsigned char *)iri);
}

int kgb_graph_add_node(kgb_graph *g, const char *s, kgb_term p,
                       librdf_node *o)
{
  librdf_node *sn, *pn;

  if (!o)
    return KGB_ENOMEM;
  sn = librdf_new_node_from_uri_string(g->rdf, (const unsigned char *)s);
  pn = term_node(g, p);
  if (!sn || !pn) {
    if (sn)
      librdf_free_node(sn);
    if (pn)
      librdf_free_node(pn);
    librdf_free_node(o);
    return KGB_ENOMEM;
  }
  /* librdf takes the three nodes, whatever the outcome. */
  if (librdf_model_add(g->model, sn, pn, o) || g->rdf_error)
    return KGB_ERDF;
  return KGB_OK;
}

int kgb_graph_add_iri(kgb_graph *g, const char *s, kgb_term p, const char *o)
{
  return kgb_graph_add_node(
      g, s, p,
      librdf_new_node_from_uri_string(g->rdf, (const unsigned char *)o));
}

int kgb_graph_add_term(kgb_graph *g, const char *s, kgb_term p, kgb_term o)
{
  return kgb_graph_add_node(g, s, p, term_node(g, o));
}

int kgb_graph_add_text(kgb_graph *g, const char *s, kgb_term p,
                       const char *text, size_t len, const char *lang)
{
  char *copy = kgb_strndup(text, len);
  librdf_node *o;

  if (!copy)
    return KGB_ENOMEM;
  o = librdf_new_node_from_literal(g->rdf, (const unsigned char *)copy, lang,
                                   0);
  kgb_free(copy);
  return kgb_graph_add_node(g, s, p, o);
}

int kgb_graph_add_typed(kgb_graph *g, const char *s, kgb_term p,
                        const char *lexical, kgb_term datatype)
{
  char iri[256];
  librdf_uri *dt;
  librdf_node *o;

  kgb_term_iri(datatype, iri, sizeof iri);
  dt = librdf_new_uri(g->rdf, (const unsigned char *)iri);
  if (!dt)
    return KGB_ENOMEM;
  o = librdf_new_node_from_typed_literal(g->rdf,
                                         (const unsigned char *)lexical, NULL,
                                         dt);
  librdf_free_uri(dt);
  return kgb_graph_add_node(g, s, p, o);
}
