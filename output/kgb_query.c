/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_query.c - SPARQL 1.1 through rasqal (by way of librdf) over a
 * store or a graph file; results in the W3C formats or as a table. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <redland.h>

#include "kgb_alloc.h"
#include "kgb_buf.h"
#include "kgb_mend.h"
#include "kgb_store.h"
#include "kgb_utf8.h"
#include "kgb_vocab.h"
#include "kgb_world_internal.h"

/* The result formats users name, and rasqal's names for them. */
static const struct {
  const char *name;
  const char *rasqal;
} result_formats[] = {
  {"table", "table"}, {"csv", "csv"}, {"tsv", "tsv"}, {"json", "json"},
  {"xml", "xml"},
};

static const char *rasqal_format(const char *name)
{
  for (size_t i = 0; i < sizeof result_formats / sizeof *result_formats; i++)
    if (strcmp(name, result_formats[i].name) == 0)
      return result_formats[i].rasqal;
  return NULL;
}

int kgb_result_format_is_known(const char *name)
{
  return rasqal_format(name) != NULL;
}

typedef struct {
  kgb_world *world;
  const char *what;     /* "query" or the data file, to name in messages */
  int failed;
} query_log;

/* rasqal's messages carry where in the query they are: line and column. */
static int on_query_log(void *data, librdf_log_message *msg)
{
  query_log *log = data;
  raptor_locator *at = librdf_log_message_locator(msg);

  if (librdf_log_message_level(msg) < LIBRDF_LOG_ERROR)
    return 1;
  log->failed = 1;
  if (at && at->line > 0 && at->column > 0)
    kgb_report(log->world, KGB_EPARSE, "%s:%d:%d: %s", log->what, at->line,
               at->column, librdf_log_message_message(msg));
  else if (at && at->line > 0)   /* rasqal 0.9.33 counts no columns */
    kgb_report(log->world, KGB_EPARSE, "%s:%d: %s", log->what, at->line,
               librdf_log_message_message(msg));
  else {
    /* Not the query's: a storage's, which may quote a password. */
    char *text = kgb_redact(librdf_log_message_message(msg));
    kgb_report(log->world, KGB_EPARSE, "%s: %s", log->what,
               text ? text : "(out of memory)");
    kgb_free(text);
  }
  return 1;
}

/* Parse the graph file PATH into MODEL; the syntax is guessed from its
 * name (.ttl, .nt, .nq, .rdf, .json). */
static int load_data(librdf_world *rdf, librdf_model *model, const char *path)
{
  const char *name = librdf_parser_guess_name2(rdf, NULL, NULL,
                                               (const unsigned char *)path);
  unsigned char *file_uri = raptor_uri_filename_to_uri_string(path);
  librdf_uri *uri = file_uri ? librdf_new_uri(rdf, file_uri) : NULL;
  librdf_parser *parser = librdf_new_parser(rdf, name ? name : "turtle",
                                            NULL, NULL);
  int rc = uri && parser && !librdf_parser_parse_into_model(parser, uri,
                                                            NULL, model)
               ? KGB_OK : KGB_EPARSE;

  if (parser)
    librdf_free_parser(parser);
  if (uri)
    librdf_free_uri(uri);
  if (file_uri)
    raptor_free_memory(file_uri);
  return rc;
}

/* A cell of the table: an IRI shortened by the ontology's prefixes (or
 * the resource base, as kgr:), a literal's text, a blank node's label. */
static int cell_text(kgb_world *world, librdf_node *v, kgb_buf *out)
{
  const char *iri, *base = kgb_world_as_base(world);

  if (!v)
    return KGB_OK;
  if (librdf_node_is_literal(v))
    return kgb_buf_puts(out, (const char *)librdf_node_get_literal_value(v));
  if (librdf_node_is_blank(v))
    return kgb_buf_printf(out, "_:%s",
                          librdf_node_get_blank_identifier(v));
  iri = (const char *)librdf_uri_as_string(librdf_node_get_uri(v));
  if (strncmp(iri, base, strlen(base)) == 0)
    return kgb_buf_printf(out, "kgr:%s", iri + strlen(base));
  for (int ns = 0; ns < KGB_NS_COUNT; ns++) {
    const char *n = kgb_ns_iri((kgb_ns)ns);
    if (strncmp(iri, n, strlen(n)) == 0)
      return kgb_buf_printf(out, "%s:%s", kgb_ns_prefix((kgb_ns)ns),
                            iri + strlen(n));
  }
  return kgb_buf_printf(out, "<%s>", iri);
}

/* Width on a terminal, in characters. */
static size_t width(const char *s) { return kgb_utf8_cp_count(s, strlen(s)); }

static void put_padded(FILE *out, const char *s, size_t w, int last)
{
  fputs(s, out);
  if (!last)
    for (size_t k = width(s); k < w + 2; k++)
      fputc(' ', out);
}

/* The line under the variables' names, as wide as the table. */
static void put_rule(FILE *out, const size_t *w, int cols)
{
  size_t total = 0;

  for (int c = 0; c < cols; c++)
    total += w[c] + (c == cols - 1 ? 0 : 2);
  fputc('\n', out);
  for (size_t k = 0; k < total; k++)
    fputc('-', out);
  fputc('\n', out);
}

/* Bindings as an aligned table: the variables, a rule, a row each.  The
 * cells are held until the widths are known: the first COLS cells are
 * the variables' names. */
static int write_table(kgb_world *world, librdf_query_results *results,
                       FILE *out)
{
  int cols = librdf_query_results_get_bindings_count(results);
  size_t *w = kgb_calloc((size_t)(cols > 0 ? cols : 1), sizeof *w);
  char **cells = NULL;
  size_t n = 0, cap = 0;
  int rc = w ? KGB_OK : KGB_ENOMEM;

  for (int c = 0; rc == KGB_OK && c < cols; c++) {
    const char *name = librdf_query_results_get_binding_name(results, c);
    if (kgb_grow(&cells, &cap, n + 1, sizeof *cells) ||
        !(cells[n++] = kgb_strdup(name ? name : "")))
      rc = KGB_ENOMEM;
  }
  for (; rc == KGB_OK && !librdf_query_results_finished(results);
       librdf_query_results_next(results))
    for (int c = 0; rc == KGB_OK && c < cols; c++) {
      librdf_node *v = librdf_query_results_get_binding_value(results, c);
      kgb_buf cell;
      kgb_buf_init(&cell);
      rc = cell_text(world, v, &cell);
      if (v)
        librdf_free_node(v);
      if (rc == KGB_OK && (kgb_grow(&cells, &cap, n + 1, sizeof *cells) ||
                           !(cells[n++] = kgb_buf_to_string(&cell))))
        rc = KGB_ENOMEM;
      kgb_buf_release(&cell);
    }
  for (size_t i = 0; rc == KGB_OK && i < n; i++)
    if (width(cells[i]) > w[i % (size_t)cols])
      w[i % (size_t)cols] = width(cells[i]);
  for (size_t i = 0; rc == KGB_OK && i < n; i++) {
    int c = (int)(i % (size_t)cols);
    put_padded(out, cells[i], w[c], c == cols - 1);
    if (c == cols - 1 && i + 1 == (size_t)cols)
      put_rule(out, w, cols);
    else if (c == cols - 1)
      fputc('\n', out);
  }
  if (rc == KGB_OK) {
    /* With no row, librdf may not know the variables either. */
    size_t rows = cols > 0 ? n / (size_t)cols - 1 : 0;
    fprintf(out, "(%zu row%s)\n", rows, rows == 1 ? "" : "s");
  }
  for (size_t i = 0; i < n; i++)
    kgb_free(cells[i]);
  kgb_free(cells);
  kgb_free(w);
  return rc;
}

/* Write TEXT (LEN bytes, from librdf; freed here) to OUT through the
 * stream that mends raptor's FORMAT as kgbuild's own output is mended
 * (kgb_mend.h).  Through a string, as librdf frees an iostream it is
 * given to serialize to. */
static int write_mended(librdf_world *rdf, const char *format,
                        unsigned char *text, size_t len, FILE *out)
{
  raptor_world *raptor = librdf_world_get_raptor(rdf);
  raptor_iostream *file =
      text ? raptor_new_iostream_to_file_handle(raptor, out) : NULL;
  kgb_mend *mend = file ? kgb_mend_new(raptor, format, file) : NULL;
  int rc = mend && raptor_iostream_write_bytes(
                       text, 1, len, kgb_mend_iostream(mend)) == (int)len
               ? KGB_OK : KGB_ERDF;

  kgb_mend_free(mend);
  if (file)
    raptor_free_iostream(file);
  if (text)
    librdf_free_memory(text);
  return rc;
}

/* A CONSTRUCT or DESCRIBE gives a graph: written as Turtle. */
static int write_graph(librdf_world *rdf, librdf_query_results *results,
                       FILE *out)
{
  librdf_stream *stream = librdf_query_results_as_stream(results);
  librdf_serializer *ser = librdf_new_serializer(rdf, "turtle", NULL, NULL);
  unsigned char *text = NULL;
  size_t len = 0;

  if (stream && ser)
    text = librdf_serializer_serialize_stream_to_counted_string(ser, NULL,
                                                                stream, &len);
  if (ser)
    librdf_free_serializer(ser);
  if (stream)
    librdf_free_stream(stream);
  return write_mended(rdf, "turtle", text, len, out);
}

/* SPARQL JSON results: rasqal writes a character beyond the first plane
 * as \UXXXXXXXX, as raptor's RDF/JSON does. */
static int write_json(librdf_world *rdf, librdf_query_results *results,
                      FILE *out)
{
  size_t len = 0;
  unsigned char *text = librdf_query_results_to_counted_string2(
      results, rasqal_format("json"), NULL, NULL, NULL, &len);

  return write_mended(rdf, "json", text, len, out);
}

static int write_results(kgb_world *world, librdf_world *rdf,
                         librdf_query_results *results, const char *format,
                         FILE *out)
{
  if (librdf_query_results_is_graph(results))
    return write_graph(rdf, results, out);
  if (librdf_query_results_is_boolean(results) &&
      strcmp(format, "table") == 0) {
    fprintf(out, "%s\n",
            librdf_query_results_get_boolean(results) > 0 ? "true" : "false");
    return KGB_OK;
  }
  if (strcmp(format, "table") == 0)
    return write_table(world, results, out);
  if (strcmp(format, "json") == 0)
    return write_json(rdf, results, out);
  if (librdf_query_results_to_file_handle2(results, out, rasqal_format(format),
                                           NULL, NULL, NULL))
    return KGB_ERDF;
  return KGB_OK;
}

/* The store's statements, copied into the memory model MEM.  rasqal
 * answers wrongly over a store with contexts (a triple stated in several
 * documents comes back once per document, and aggregates mix groups), so
 * queries run over the plain set of triples. */
static int copy_store(kgb_world *world, librdf_world *rdf, const char *uri,
                      kgb_store *mem)
{
  kgb_store stored = {0};
  librdf_stream *all;
  int rc = kgb_store_open(world, rdf, uri, 0, &stored);

  if (rc)
    return rc;
  all = librdf_model_as_stream(stored.model);
  if (!all || librdf_model_add_statements(mem->model, all))
    rc = kgb_report(world, KGB_ERDF, "%s: cannot read the store",
                    stored.shown);
  if (all)
    librdf_free_stream(all);
  kgb_store_close(&stored);
  return rc;
}

/* The model to query: the store, or the file, read into memory. */
static int open_model(kgb_world *world, librdf_world *rdf, const char *store,
                      const char *data, kgb_store *s, query_log *log)
{
  int rc = kgb_store_open(world, rdf, "memory:", 1, s);

  if (rc == KGB_OK && store)
    return copy_store(world, rdf, store, s);
  log->what = data;
  if (rc == KGB_OK && load_data(rdf, s->model, data))
    rc = log->failed ? KGB_EPARSE
                     : kgb_report(world, KGB_EPARSE, "%s: cannot read it as "
                                  "RDF", data);
  log->what = "query";
  return rc;
}

int kgb_query_run(kgb_world *world, const char *store, const char *data,
                  const char *query, const char *format, FILE *out)
{
  librdf_world *rdf = librdf_new_world();
  query_log log = {world, "query", 0};
  kgb_store s = {0};
  librdf_query *q = NULL;
  librdf_query_results *results = NULL;
  int rc;

  if (!rasqal_format(format))
    return kgb_report(world, KGB_EINVAL, "unknown result format '%s' "
                      "(expected table, csv, tsv, json or xml)", format);
  if (!rdf)
    return KGB_ENOMEM;
  librdf_world_set_logger(rdf, &log, on_query_log);
  librdf_world_open(rdf);
  rc = open_model(world, rdf, store, data, &s, &log);
  if (rc == KGB_OK) {
    q = librdf_new_query(rdf, "sparql", NULL, (const unsigned char *)query,
                         NULL);
    results = q ? librdf_query_execute(q, s.model) : NULL;
    if (!results)
      rc = log.failed ? KGB_EPARSE
                      : kgb_report(world, KGB_EPARSE, "query: not valid "
                                   "SPARQL");
  }
  errno = 0;
  if (rc == KGB_OK && (write_results(world, rdf, results, format, out) ||
                       fflush(out) || ferror(out)))
    rc = kgb_report(world, KGB_EIO, "cannot write the results: %s",
                    errno ? strerror(errno) : "write error");
  if (results)
    librdf_free_query_results(results);
  if (q)
    librdf_free_query(q);
  kgb_store_close(&s);
  librdf_free_world(rdf);
  return rc;
}
