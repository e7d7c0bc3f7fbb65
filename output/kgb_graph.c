/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_graph.c - the statements facts are written into, and where they
 * go: held until the end, or streamed document by document. */
#include "kgb_graph_internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "kgb_alloc.h"
#include "kgb_world_internal.h"

static int on_rdf_log(void *data, librdf_log_message *msg)
{
  kgb_graph *g = data;

  if (librdf_log_message_level(msg) >= LIBRDF_LOG_ERROR) {
    /* Storages quote their options, a password among them. */
    char *text = kgb_redact(librdf_log_message_message(msg));
    g->rdf_error = 1;
    kgb_report(g->world, KGB_ERDF, "RDF library: %s",
               text ? text : "(out of memory)");
    kgb_free(text);
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
  g->entities = kgb_entities_new();
  if (!g->rdf || !g->entities)
    goto fail;
  librdf_world_set_logger(g->rdf, g, on_rdf_log);
  librdf_world_open(g->rdf);
  g->raptor = librdf_world_get_raptor(g->rdf);
  if (!g->raptor)
    goto fail;
  *out = g;
  return KGB_OK;
fail:
  kgb_graph_free(g);
  return kgb_report(world, KGB_ERDF, "cannot set up the RDF library");
}

void kgb_graph_free(kgb_graph *g)
{
  if (!g)
    return;
  kgb_serializer_free(g, NULL);
  kgb_buf_release(&g->obuf);
  kgb_buf_release(&g->part_names);
  kgb_graph_lines_release(g);
  for (int t = 0; t < KGB_TERM_COUNT; t++)
    kgb_free(g->term_iris[t]);
  kgb_free(g->context_iri);
  kgb_free(g->nif_context);
  kgb_statements_release(&g->pending);
  if (g->context)
    raptor_free_term(g->context);
  for (int t = 0; t < KGB_TERM_COUNT; t++)
    if (g->terms[t])
      raptor_free_uri(g->terms[t]);
  kgb_entities_free(g->entities);
  kgb_store_close(&g->store);
  if (g->rdf)
    librdf_free_world(g->rdf);
  kgb_free(g);
}

void kgb_graph_set_mentions(kgb_graph *g, int on) { g->mentions = on; }

size_t kgb_graph_triple_count(const kgb_graph *g)
{
  return g->written + g->pending.n + g->n_lines + g->run_lines;
}

int kgb_format_streams(const char *format)
{
  const char *name = kgb_format_name(format);

  return name && (strcmp(name, "ntriples") == 0 || strcmp(name, "nquads") == 0);
}

int kgb_graph_set_output(kgb_graph *g, const char *format, FILE *out)
{
  const char *name = kgb_format_name(format);

  if (kgb_store_is_open(&g->store))
    return kgb_report(g->world, KGB_EINVAL, "the graph goes to a store");
  if (!name)
    return kgb_report(g->world, KGB_EINVAL,
                      "unknown output format '%s' (expected turtle, ntriples, "
                      "nquads, rdfxml, json, jsonld or dot)", format);
  if (g->format)
    return kgb_report(g->world, KGB_EINVAL, "the graph has an output already");
  g->format = name;
  g->out = out;
  /* Documents added before the output was set are held as raptor
   * statements: raptor writes them all at the end. */
  g->streaming = kgb_format_streams(name) && g->pending.n == 0 &&
                 kgb_entities_count(g->entities) == 0;
  return KGB_OK;
}

void kgb_graph_set_output_name(kgb_graph *g, const char *name)
{
  g->out_name = name;
}

int kgb_graph_flush(kgb_graph *g)
{
  if (!g->out || g->parts)
    return KGB_OK;
  errno = 0;
  if ((g->obuf.len &&
       fwrite(g->obuf.data, 1, g->obuf.len, g->out) != g->obuf.len) ||
      fflush(g->out) || ferror(g->out))
    return kgb_report(g->world, KGB_EIO, "%s: cannot write the output: %s",
                      g->out_name ? g->out_name : "the output",
                      errno ? strerror(errno) : "write error");
  kgb_buf_clear(&g->obuf);
  return KGB_OK;
}

int kgb_graph_name_entity(kgb_graph *g, const char *iri, kgb_term cls,
                          const char *name, int standard)
{
  /* A worker only passes names on: the parent keeps the table. */
  if (g->parts)
    return kgb_graph_part_name(g, iri, cls, name, standard);
  return kgb_entities_add(g->entities, iri, cls, name, standard);
}

/* Streaming: what the document said is written now, and forgotten. */
int kgb_graph_document_done(kgb_graph *g)
{
  size_t n;
  int rc;

  if (kgb_store_is_open(&g->store))
    return kgb_graph_store_pending(g);
  if (!g->streaming)
    return KGB_OK;
  rc = kgb_graph_write_lines(g, &n);
  g->written += n;
  return rc ? rc : kgb_graph_flush(g);
}

int kgb_graph_finish(kgb_graph *g)
{
  int rc;

  /* A store took each document, with its entities, as it came. */
  if (kgb_store_is_open(&g->store))
    return kgb_graph_set_context(g, NULL);
  if (!g->format)
    return kgb_report(g->world, KGB_EINVAL,
                      "kgb_graph_finish: no output was set");
  if (g->parts)
    return KGB_OK;
  rc = kgb_graph_set_context(g, NULL);
  if (rc == KGB_OK)
    rc = kgb_graph_entity_statements(g);
  if (rc == KGB_OK && g->streaming) {
    size_t n;
    rc = kgb_graph_write_lines(g, &n);
    g->written += n;
  } else if (rc == KGB_OK) {
    kgb_statements_sort(&g->pending, kgb_format_has_graphs(g->format));
    rc = kgb_statements_serialize(g, &g->pending);
    if (rc == KGB_OK)
      g->written += g->pending.n;
  }
  kgb_statements_release(&g->pending);
  return rc ? rc : kgb_graph_flush(g);
}

int kgb_graph_serialize(kgb_graph *g, const char *format, FILE *out)
{
  int rc = kgb_graph_set_output(g, format, out);

  return rc ? rc : kgb_graph_finish(g);
}

int kgb_graph_set_context(kgb_graph *g, const char *iri)
{
  if (g->context)
    raptor_free_term(g->context);
  g->context = NULL;
  kgb_free(g->context_iri);
  g->context_iri = NULL;
  if (!iri)
    return KGB_OK;
  /* Lines carry the graph's name only in a format that has graphs. */
  if (g->streaming) {
    if (!kgb_format_has_graphs(g->format))
      return KGB_OK;
    g->context_iri = kgb_strdup(iri);
    return g->context_iri ? KGB_OK : KGB_ENOMEM;
  }
  g->context = raptor_new_term_from_uri_string(g->raptor,
                                               (const unsigned char *)iri);
  return g->context ? KGB_OK : KGB_ENOMEM;
}

static raptor_uri *term_uri(kgb_graph *g, kgb_term t)
{
  char iri[256];

  if (!g->terms[t]) {
    kgb_term_iri(t, iri, sizeof iri);
    g->terms[t] = raptor_new_uri(g->raptor, (const unsigned char *)iri);
  }
  return g->terms[t];
}

raptor_term *kgb_graph_term(kgb_graph *g, kgb_term t)
{
  raptor_uri *uri = term_uri(g, t);

  return uri ? raptor_new_term_from_uri(g->raptor, uri) : NULL;
}

int kgb_graph_add_node(kgb_graph *g, const char *s, kgb_term p,
                       raptor_term *o)
{
  raptor_term *sn, *pn, *gn;
  raptor_statement *st;

  if (!o)
    return KGB_ENOMEM;
  sn = raptor_new_term_from_uri_string(g->raptor, (const unsigned char *)s);
  pn = kgb_graph_term(g, p);
  gn = g->context ? raptor_term_copy(g->context) : NULL;
  if (!sn || !pn || (g->context && !gn)) {
    raptor_term *all[] = {sn, pn, gn, o};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++)
      if (all[i])
        raptor_free_term(all[i]);
    return KGB_ENOMEM;
  }
  /* raptor takes the four terms, whatever the outcome. */
  st = raptor_new_statement_from_nodes(g->raptor, sn, pn, o, gn);
  if (!st)
    return KGB_ENOMEM;
  if (kgb_grow(&g->pending.v, &g->pending.cap, g->pending.n + 1,
               sizeof *g->pending.v)) {
    raptor_free_statement(st);
    return KGB_ENOMEM;
  }
  g->pending.v[g->pending.n++] = st;
  return g->rdf_error ? KGB_ERDF : KGB_OK;
}

/* The vocabulary term T as text, made once. */
static const char *term_text(kgb_graph *g, kgb_term t)
{
  char iri[256];

  if (!g->term_iris[t]) {
    kgb_term_iri(t, iri, sizeof iri);
    g->term_iris[t] = kgb_strdup(iri);
  }
  return g->term_iris[t];
}

/* A streaming graph: start the line "<S> <P> ", whose object follows. */
static int line_start(kgb_graph *g, const char *s, kgb_term p)
{
  const char *pi = term_text(g, p);

  if (!pi || kgb_grow(&g->line_at, &g->cap_lines, g->n_lines + 1,
                      sizeof *g->line_at))
    return KGB_ENOMEM;
  g->line_at[g->n_lines] = g->lines.len;
  if (kgb_ntriples_put_iri(&g->lines, s, strlen(s)) ||
      kgb_buf_putc(&g->lines, ' ') ||
      kgb_ntriples_put_iri(&g->lines, pi, strlen(pi)) ||
      kgb_buf_putc(&g->lines, ' '))
    return KGB_ENOMEM;
  return KGB_OK;
}

/* End the line begun (RC tells whether its object was written). */
static int line_end(kgb_graph *g, int rc)
{
  if (rc == KGB_OK && g->context_iri &&
      (kgb_buf_putc(&g->lines, ' ') ||
       kgb_ntriples_put_iri(&g->lines, g->context_iri,
                            strlen(g->context_iri))))
    rc = KGB_ENOMEM;
  if (rc == KGB_OK && kgb_buf_append(&g->lines, " .", 3))  /* and a NUL */
    rc = KGB_ENOMEM;
  if (rc) {
    g->lines.len = g->line_at[g->n_lines];   /* the half line goes */
    return rc;
  }
  g->n_lines++;
  /* A document with a huge output is sorted in runs on disk, so that
   * its lines are not all held at once. */
  if (g->lines.len >= KGB_LINES_RUN_BYTES)
    return kgb_graph_spill_lines(g);
  return KGB_OK;
}

int kgb_graph_add_iri(kgb_graph *g, const char *s, kgb_term p, const char *o)
{
  if (g->streaming) {
    int rc = line_start(g, s, p);
    return rc ? rc : line_end(g, kgb_ntriples_put_iri(&g->lines, o, strlen(o)));
  }
  return kgb_graph_add_node(
      g, s, p,
      raptor_new_term_from_uri_string(g->raptor, (const unsigned char *)o));
}

int kgb_graph_add_term(kgb_graph *g, const char *s, kgb_term p, kgb_term o)
{
  if (g->streaming) {
    const char *oi = term_text(g, o);
    int rc = oi ? line_start(g, s, p) : KGB_ENOMEM;
    return rc ? rc
              : line_end(g, kgb_ntriples_put_iri(&g->lines, oi, strlen(oi)));
  }
  return kgb_graph_add_node(g, s, p, kgb_graph_term(g, o));
}

int kgb_graph_add_text(kgb_graph *g, const char *s, kgb_term p,
                       const char *text, size_t len, const char *lang)
{
  if (g->streaming) {
    int rc = line_start(g, s, p);
    return rc ? rc
              : line_end(g, kgb_ntriples_put_literal(&g->lines, text, len,
                                                     lang, NULL));
  }
  return kgb_graph_add_node(
      g, s, p,
      raptor_new_term_from_counted_literal(
          g->raptor, (const unsigned char *)text, len, NULL,
          (const unsigned char *)lang,
          (unsigned char)(lang ? strlen(lang) : 0)));
}

int kgb_graph_add_typed(kgb_graph *g, const char *s, kgb_term p,
                        const char *lexical, kgb_term datatype)
{
  raptor_uri *dt;

  if (g->streaming) {
    const char *di = term_text(g, datatype);
    int rc = di ? line_start(g, s, p) : KGB_ENOMEM;
    return rc ? rc
              : line_end(g, kgb_ntriples_put_literal(&g->lines, lexical,
                                                     strlen(lexical), NULL,
                                                     di));
  }
  dt = term_uri(g, datatype);
  if (!dt)
    return KGB_ENOMEM;
  return kgb_graph_add_node(
      g, s, p,
      raptor_new_term_from_counted_literal(g->raptor,
                                           (const unsigned char *)lexical,
                                           strlen(lexical), dt, NULL, 0));
}

/* Each entity once, after all documents: its class, the fullest name as
 * rdfs:label and every other name as skos:altLabel.  A streaming graph
 * writes each entity as it goes, in the table's order (that of the
 * documents, the same however many workers read them), so the names of a
 * large corpus are never all in memory twice. */
int kgb_graph_entity_statements(kgb_graph *g)
{
  int rc = KGB_OK;

  for (size_t i = 0; rc == KGB_OK && i < kgb_entities_count(g->entities);
       i++) {
    const char *iri;
    kgb_term cls;
    char *const *names;
    size_t n, label, written;
    kgb_entities_get(g->entities, i, &iri, &cls, &names, &n, &label);
    rc = kgb_graph_add_term(g, iri, KGB_RDF_TYPE, cls);
    for (size_t k = 0; rc == KGB_OK && k < n; k++)
      rc = kgb_graph_add_text(g, iri,
                              k == label ? KGB_RDFS_LABEL : KGB_SKOS_ALT_LABEL,
                              names[k], strlen(names[k]), NULL);
    if (rc == KGB_OK && g->streaming) {
      rc = kgb_graph_write_lines(g, &written);
      g->written += written;
      if (rc == KGB_OK && !g->parts && g->obuf.len >= (1 << 20))
        rc = kgb_graph_flush(g);
    }
  }
  return rc;
}
