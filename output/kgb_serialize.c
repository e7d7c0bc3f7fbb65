/* kgb_serialize.c - statements in every raptor syntax, byte-identical
 * from run to run: statements are sorted before they are written. */
#include <stdlib.h>
#include <string.h>

#include "kgb_alloc.h"
#include "kgb_graph_internal.h"
#include "kgb_mend.h"
#include "kgb_world_internal.h"

static const struct {
  const char *name;     /* as users write it */
  const char *raptor;   /* raptor's serializer name */
} formats[] = {
  {"turtle", "turtle"},   {"ntriples", "ntriples"}, {"nquads", "nquads"},
  {"rdfxml", "rdfxml-abbrev"}, {"json", "json"},    {"dot", "dot"},
};

static int format_index(const char *format)
{
  for (size_t i = 0; format && i < sizeof formats / sizeof *formats; i++)
    if (strcmp(format, formats[i].name) == 0)
      return (int)i;
  return -1;
}

const char *kgb_format_name(const char *format)
{
  int i = format_index(format);

  return i < 0 ? NULL : formats[i].name;
}

int kgb_format_is_known(const char *name) { return format_index(name) >= 0; }

int kgb_format_has_graphs(const char *format)
{
  return format && strcmp(format, "nquads") == 0;
}

void kgb_statements_release(kgb_statements *l)
{
  for (size_t i = 0; i < l->n; i++)
    raptor_free_statement(l->v[i]);
  kgb_free(l->v);
  l->v = NULL;
  l->n = l->cap = 0;
}

/* A missing graph name (the default graph) sorts first. */
static int compare_graphs(const raptor_statement *a, const raptor_statement *b)
{
  if (!a->graph || !b->graph)
    return (a->graph != NULL) - (b->graph != NULL);
  return raptor_term_compare(a->graph, b->graph);
}

static int compare_triples(const raptor_statement *a,
                           const raptor_statement *b)
{
  int d = raptor_term_compare(a->subject, b->subject);

  if (!d)
    d = raptor_term_compare(a->predicate, b->predicate);
  if (!d)
    d = raptor_term_compare(a->object, b->object);
  return d;
}

static int compare_quads(const void *x, const void *y)
{
  const raptor_statement *a = *(raptor_statement *const *)x;
  const raptor_statement *b = *(raptor_statement *const *)y;
  int d = compare_graphs(a, b);

  return d ? d : compare_triples(a, b);
}

static int compare_plain(const void *x, const void *y)
{
  return compare_triples(*(raptor_statement *const *)x,
                         *(raptor_statement *const *)y);
}

void kgb_statements_sort(kgb_statements *l, int with_graph)
{
  int (*cmp)(const void *, const void *) =
      with_graph ? compare_quads : compare_plain;
  size_t kept = 0;

  /* Nothing held (a streamed document named no entity): qsort must not
   * see the list's NULL array, even for no element. */
  if (l->n == 0)
    return;
  if (!with_graph)
    for (size_t i = 0; i < l->n; i++)
      if (l->v[i]->graph) {
        raptor_free_term(l->v[i]->graph);
        l->v[i]->graph = NULL;
      }
  qsort(l->v, l->n, sizeof *l->v, cmp);
  for (size_t i = 0; i < l->n; i++) {
    if (kept && cmp(&l->v[kept - 1], &l->v[i]) == 0)
      raptor_free_statement(l->v[i]);
    else
      l->v[kept++] = l->v[i];
  }
  l->n = kept;
}

int kgb_statements_write(const kgb_statements *l, raptor_serializer *ser)
{
  for (size_t i = 0; i < l->n; i++)
    if (raptor_serializer_serialize_statement(ser, l->v[i]))
      return KGB_ERDF;
  return KGB_OK;
}

static int declare_prefixes(kgb_graph *g, raptor_serializer *ser)
{
  raptor_uri *uri;

  for (int ns = 0; ns < KGB_NS_COUNT; ns++) {
    uri = raptor_new_uri(g->raptor,
                         (const unsigned char *)kgb_ns_iri((kgb_ns)ns));
    if (!uri)
      return KGB_ENOMEM;
    raptor_serializer_set_namespace(
        ser, uri, (const unsigned char *)kgb_ns_prefix((kgb_ns)ns));
    raptor_free_uri(uri);
  }
  uri = raptor_new_uri(g->raptor,
                       (const unsigned char *)kgb_world_as_base(g->world));
  if (!uri)
    return KGB_ENOMEM;
  raptor_serializer_set_namespace(ser, uri, (const unsigned char *)"kgr");
  raptor_free_uri(uri);
  return KGB_OK;
}

/* Start SER on OUT: straight to the file, or through a stream that
 * mends what raptor writes wrong in FORMAT (kgb_mend.h). */
static int start_output(kgb_graph *g, raptor_serializer *ser,
                        const char *format, FILE *out)
{
  if (!kgb_mend_needed(format))
    return raptor_serializer_start_to_file_handle(ser, NULL, out);
  g->mend = kgb_mend_new(g->raptor, format, out);
  return !g->mend || raptor_serializer_start_to_iostream(
                         ser, NULL, kgb_mend_iostream(g->mend));
}

int kgb_serializer_start(kgb_graph *g, const char *format, FILE *out,
                         raptor_serializer **ser)
{
  int i = format_index(format);

  *ser = i < 0 ? NULL : raptor_new_serializer(g->raptor, formats[i].raptor);
  if (!*ser || start_output(g, *ser, formats[i].name, out)) {
    kgb_serializer_free(g, *ser);
    *ser = NULL;
    return kgb_report(g->world, KGB_ERDF, "raptor cannot start '%s' output",
                      format);
  }
  return declare_prefixes(g, *ser);
}

void kgb_serializer_free(kgb_graph *g, raptor_serializer *ser)
{
  if (ser)
    raptor_free_serializer(ser);
  /* After the serializer, which may still hold its stream. */
  kgb_mend_free(g->mend);
  g->mend = NULL;
}

int kgb_serializer_end(kgb_graph *g, raptor_serializer *ser, FILE *out)
{
  if (raptor_serializer_serialize_end(ser) || g->rdf_error)
    return kgb_report(g->world, KGB_ERDF, "raptor cannot finish the output");
  if (fflush(out) || ferror(out))
    return kgb_report(g->world, KGB_EIO, "cannot write the output");
  return KGB_OK;
}
