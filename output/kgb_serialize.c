/* kgb_serialize.c - the graph in every raptor syntax, byte-identical
 * from run to run: statements are sorted before they are written. */
#include <stdlib.h>
#include <string.h>

#include "kgb_alloc.h"
#include "kgb_graph_internal.h"
#include "kgb_world_internal.h"

static const struct {
  const char *name;     /* as users write it */
  const char *raptor;   /* raptor's serializer name */
} formats[] = {
  {"turtle", "turtle"},   {"ntriples", "ntriples"}, {"nquads", "nquads"},
  {"rdfxml", "rdfxml-abbrev"}, {"json", "json"},    {"dot", "dot"},
};

static const char *raptor_name(const char *format)
{
  for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
    if (strcmp(format, formats[i].name) == 0)
      return formats[i].raptor;
  return NULL;
}

int kgb_format_is_known(const char *name) { return raptor_name(name) != NULL; }

static int compare_statements(const void *a, const void *b)
{
  return raptor_statement_compare(*(raptor_statement *const *)a,
                                  *(raptor_statement *const *)b);
}

typedef struct {
  raptor_statement **v;
  size_t n, cap;
} statement_list;

static void release_list(statement_list *l)
{
  for (size_t i = 0; i < l->n; i++)
    raptor_free_statement(l->v[i]);
  kgb_free(l->v);
}

static int collect_sorted(kgb_graph *g, statement_list *l)
{
  librdf_stream *stream = librdf_model_as_stream(g->model);
  int rc = KGB_OK;

  if (!stream)
    return KGB_ERDF;
  for (; rc == KGB_OK && !librdf_stream_end(stream);
       librdf_stream_next(stream)) {
    raptor_statement *st = librdf_stream_get_object(stream);
    if (kgb_grow(&l->v, &l->cap, l->n + 1, sizeof *l->v))
      rc = KGB_ENOMEM;
    else if (!(l->v[l->n] = raptor_statement_copy(st)))
      rc = KGB_ENOMEM;
    else
      l->n++;
  }
  librdf_free_stream(stream);
  if (rc == KGB_OK)
    qsort(l->v, l->n, sizeof *l->v, compare_statements);
  return rc;
}

static int declare_prefixes(kgb_graph *g, raptor_serializer *ser)
{
  raptor_world *rw = librdf_world_get_raptor(g->rdf);
  raptor_uri *uri;

  for (int ns = 0; ns < KGB_NS_COUNT; ns++) {
    uri = raptor_new_uri(rw, (const unsigned char *)kgb_ns_iri((kgb_ns)ns));
    if (!uri)
      return KGB_ENOMEM;
    raptor_serializer_set_namespace(
        ser, uri, (const unsigned char *)kgb_ns_prefix((kgb_ns)ns));
    raptor_free_uri(uri);
  }
  uri = raptor_new_uri(rw, (const unsigned char *)kgb_world_as_base(g->world));
  if (!uri)
    return KGB_ENOMEM;
  raptor_serializer_set_namespace(ser, uri, (const unsigned char *)"kgr");
  raptor_free_uri(uri);
  return KGB_OK;
}

int kgb_graph_serialize(kgb_graph *g, const char *format, FILE *out)
{
  const char *name = raptor_name(format);
  raptor_serializer *ser;
  statement_list list = {NULL, 0, 0};
  int rc;

  if (!name)
    return kgb_report(g->world, KGB_EINVAL,
                      "unknown output format '%s' (expected turtle, ntriples, "
                      "nquads, rdfxml, json or dot)", format);
  rc = collect_sorted(g, &list);
  if (rc) {
    release_list(&list);
    return kgb_report(g->world, rc, "cannot read the graph back: %s",
                      kgb_strerror(rc));
  }
  ser = raptor_new_serializer(librdf_world_get_raptor(g->rdf), name);
  if (!ser || raptor_serializer_start_to_file_handle(ser, NULL, out)) {
    rc = kgb_report(g->world, KGB_ERDF, "raptor cannot start '%s' output",
                    name);
    goto done;
  }
  rc = declare_prefixes(g, ser);
  for (size_t i = 0; rc == KGB_OK && i < list.n; i++)
    if (raptor_serializer_serialize_statement(ser, list.v[i]))
      rc = KGB_ERDF;
  if (raptor_serializer_serialize_end(ser) && rc == KGB_OK)
    rc = KGB_ERDF;
  if (rc == KGB_OK && (fflush(out) || ferror(out)))
    rc = kgb_report(g->world, KGB_EIO, "cannot write the output");
done:
  if (ser)
    raptor_free_serializer(ser);
  release_list(&list);
  return rc;
}
