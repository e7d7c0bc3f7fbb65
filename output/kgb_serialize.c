/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_serialize.c - statements in every raptor syntax, byte-identical
 * from run to run: statements are sorted before they are written. */
#include <stdlib.h>
#include <string.h>

#include "kgb_alloc.h"
#include "kgb_graph_internal.h"
#include "kgb_mend.h"
#include "kgb_world_internal.h"

/* Output gathers in the graph's buffer up to this many bytes. */
enum { FLUSH_AT = 1 << 20 };

/* A writer of kgbuild's own, for a format raptor lacks: it appends the
 * sorted statements of L to the graph's output buffer. */
typedef int (*statements_writer)(kgb_graph *g, const kgb_statements *l);

static const struct {
  const char *name;          /* as users write it */
  const char *raptor;        /* raptor's serializer name, or NULL */
  statements_writer write;   /* when raptor has none */
} formats[] = {
  {"turtle", "turtle", NULL},       {"ntriples", "ntriples", NULL},
  {"nquads", "nquads", NULL},       {"rdfxml", "rdfxml-abbrev", NULL},
  {"json", "json", NULL},           {"jsonld", NULL, kgb_jsonld_write},
  {"dot", NULL, kgb_dot_write},
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

  /* Nothing held (a document that named no entity): qsort must not see
   * the list's NULL array, even for no element. */
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

int kgb_declare_prefixes(kgb_world *world, raptor_world *raptor,
                         raptor_serializer *ser)
{
  raptor_uri *uri;

  for (int ns = 0; ns < KGB_NS_COUNT; ns++) {
    uri = raptor_new_uri(raptor,
                         (const unsigned char *)kgb_ns_iri((kgb_ns)ns));
    if (!uri)
      return KGB_ENOMEM;
    raptor_serializer_set_namespace(
        ser, uri, (const unsigned char *)kgb_ns_prefix((kgb_ns)ns));
    raptor_free_uri(uri);
  }
  uri = raptor_new_uri(raptor,
                       (const unsigned char *)kgb_world_as_base(world));
  if (!uri)
    return KGB_ENOMEM;
  raptor_serializer_set_namespace(ser, uri, (const unsigned char *)"kgr");
  raptor_free_uri(uri);
  return KGB_OK;
}

int kgb_graph_flush_some(kgb_graph *g)
{
  return !g->parts && g->obuf.len >= FLUSH_AT ? kgb_graph_flush(g) : KGB_OK;
}

/* raptor writes a byte at a time; through stdio each byte would take
 * the FILE lock.  Bytes gather in the graph's buffer instead, which goes
 * to the FILE a large block at a time. */
static int append_output(kgb_graph *g, const char *p, size_t n)
{
  if (kgb_graph_flush_some(g))
    return KGB_EIO;
  return kgb_buf_append(&g->obuf, p, n);
}

static int buffer_byte(void *data, const int byte)
{
  kgb_graph *g = data;
  kgb_buf *b = &g->obuf;
  char c = (char)byte;

  if (b->len + 1 < b->cap) {
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
    return 0;
  }
  return append_output(g, &c, 1) ? 1 : 0;
}

static int buffer_bytes(void *data, const void *ptr, size_t size,
                        size_t nmemb)
{
  return append_output(data, ptr, size * nmemb) ? -1 : (int)nmemb;
}

static const raptor_iostream_handler buffer_handler = {
  .version = 2, .write_byte = buffer_byte, .write_bytes = buffer_bytes,
};

int kgb_serializer_start(kgb_graph *g, const char *format,
                         raptor_serializer **ser)
{
  int i = format_index(format);
  raptor_iostream *io =
      raptor_new_iostream_from_handler(g->raptor, g, &buffer_handler);

  *ser = NULL;
  g->iostream = io;
  /* What raptor writes wrong in Turtle and JSON is mended on its way to
   * the buffer (kgb_mend.h). */
  if (io && i >= 0 && kgb_mend_needed(formats[i].name)) {
    g->mend = kgb_mend_new(g->raptor, formats[i].name, io);
    io = g->mend ? kgb_mend_iostream(g->mend) : NULL;
  }
  if (io && i >= 0)
    *ser = raptor_new_serializer(g->raptor, formats[i].raptor);
  if (!*ser || raptor_serializer_start_to_iostream(*ser, NULL, io)) {
    kgb_serializer_free(g, *ser);
    *ser = NULL;
    return kgb_report(g->world, KGB_ERDF, "raptor cannot start '%s' output",
                      format);
  }
  return kgb_declare_prefixes(g->world, g->raptor, *ser);
}

void kgb_serializer_free(kgb_graph *g, raptor_serializer *ser)
{
  /* The serializer first, which may still write; then the streams. */
  if (ser)
    raptor_free_serializer(ser);
  kgb_mend_free(g->mend);
  g->mend = NULL;
  if (g->iostream)
    raptor_free_iostream(g->iostream);
  g->iostream = NULL;
}

int kgb_serializer_end(kgb_graph *g, raptor_serializer *ser)
{
  int failed = raptor_serializer_serialize_end(ser) != 0;

  /* Freeing the mending stream writes what it held back. */
  kgb_serializer_free(g, ser);
  if (failed || g->rdf_error)
    return kgb_report(g->world, KGB_ERDF, "raptor cannot finish the output");
  return kgb_graph_flush(g);
}

int kgb_statements_serialize(kgb_graph *g, const kgb_statements *l)
{
  int i = format_index(g->format), rc, end;
  raptor_serializer *ser = NULL;

  if (i >= 0 && formats[i].write) {
    rc = formats[i].write(g, l);
    /* A failed flush said why already. */
    if (rc == KGB_ENOMEM)
      return kgb_report(g->world, rc, "cannot write the %s output: %s",
                        formats[i].name, kgb_strerror(rc));
    return rc;
  }
  rc = kgb_serializer_start(g, g->format, &ser);
  if (rc == KGB_OK)
    rc = kgb_statements_write(l, ser);
  if (!ser)
    return rc;
  end = kgb_serializer_end(g, ser);
  return rc ? rc : end;
}
