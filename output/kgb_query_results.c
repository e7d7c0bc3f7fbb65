/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_query_results.c - a query's answer on the way out: bindings as an
 * aligned table or in the W3C result formats, a boolean, or a graph as
 * Turtle with kgbuild's prefixes. */
#define _GNU_SOURCE   /* memmem, open_memstream */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kgb_alloc.h"
#include "kgb_buf.h"
#include "kgb_graph_internal.h"
#include "kgb_mend.h"
#include "kgb_query_internal.h"
#include "kgb_utf8.h"

/* A cell of the table: an IRI shortened by the ontology's prefixes (or
 * the resource base, as kgr:), a literal's text, a blank node's label. */
static int cell_text(kgb_world *world, rasqal_literal *v, kgb_buf *out)
{
  const char *base = kgb_world_as_base(world), *text;
  rasqal_literal_type type;

  if (!v)
    return KGB_OK;
  type = rasqal_literal_get_rdf_term_type(v);
  text = (const char *)rasqal_literal_as_string(v);
  if (!text)
    return KGB_OK;
  if (type == RASQAL_LITERAL_BLANK)
    return kgb_buf_printf(out, "_:%s", text);
  if (type != RASQAL_LITERAL_URI)
    return kgb_buf_puts(out, text);
  if (strncmp(text, base, strlen(base)) == 0)
    return kgb_buf_printf(out, "kgr:%s", text + strlen(base));
  for (int ns = 0; ns < KGB_NS_COUNT; ns++) {
    const char *n = kgb_ns_iri((kgb_ns)ns);
    if (strncmp(text, n, strlen(n)) == 0)
      return kgb_buf_printf(out, "%s:%s", kgb_ns_prefix((kgb_ns)ns),
                            text + strlen(n));
  }
  return kgb_buf_printf(out, "<%s>", text);
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

typedef struct {
  char **v;
  size_t n, cap;
} cells;

static int add_cell(cells *c, kgb_buf *text)
{
  if (kgb_grow(&c->v, &c->cap, c->n + 1, sizeof *c->v))
    return KGB_ENOMEM;
  c->v[c->n] = kgb_buf_to_string(text);
  return c->v[c->n++] ? KGB_OK : KGB_ENOMEM;
}

/* The variables' names, then every row's cells, COLS a row. */
static int gather(kgb_world *world, rasqal_query_results *r, int cols,
                  cells *c)
{
  kgb_buf cell;
  int rc = KGB_OK;

  kgb_buf_init(&cell);
  for (int i = 0; rc == KGB_OK && i < cols; i++) {
    const char *name =
        (const char *)rasqal_query_results_get_binding_name(r, i);
    kgb_buf_clear(&cell);
    rc = kgb_buf_puts(&cell, name ? name : "");
    if (rc == KGB_OK)
      rc = add_cell(c, &cell);
  }
  for (; rc == KGB_OK && !rasqal_query_results_finished(r);
       rasqal_query_results_next(r))
    for (int i = 0; rc == KGB_OK && i < cols; i++) {
      kgb_buf_clear(&cell);
      rc = cell_text(world, rasqal_query_results_get_binding_value(r, i),
                     &cell);
      if (rc == KGB_OK)
        rc = add_cell(c, &cell);
    }
  kgb_buf_release(&cell);
  return rc;
}

/* Bindings as an aligned table: the variables, a rule, a row each. */
static int write_table(kgb_world *world, rasqal_query_results *r, FILE *out)
{
  int cols = rasqal_query_results_get_bindings_count(r);
  size_t *w = kgb_calloc((size_t)(cols > 0 ? cols : 1), sizeof *w);
  cells c = {0};
  int rc = w ? gather(world, r, cols, &c) : KGB_ENOMEM;

  for (size_t i = 0; rc == KGB_OK && cols > 0 && i < c.n; i++)
    if (width(c.v[i]) > w[i % (size_t)cols])
      w[i % (size_t)cols] = width(c.v[i]);
  for (size_t i = 0; rc == KGB_OK && cols > 0 && i < c.n; i++) {
    int col = (int)(i % (size_t)cols);
    put_padded(out, c.v[i], w[col], col == cols - 1);
    if (col == cols - 1 && i + 1 == (size_t)cols)
      put_rule(out, w, cols);
    else if (col == cols - 1)
      fputc('\n', out);
  }
  if (rc == KGB_OK) {
    size_t rows = cols > 0 ? c.n / (size_t)cols - 1 : 0;
    fprintf(out, "(%zu row%s)\n", rows, rows == 1 ? "" : "s");
  }
  for (size_t i = 0; i < c.n; i++)
    kgb_free(c.v[i]);
  kgb_free(c.v);
  kgb_free(w);
  return rc;
}

/* Everything written through IO, mended as kgbuild's own output is
 * (kgb_mend.h) when FORMAT needs it. */
typedef struct {
  raptor_iostream *file;
  kgb_mend *mend;
} sink;

static raptor_iostream *open_sink(raptor_world *raptor, const char *format,
                                  FILE *out, sink *s)
{
  s->file = raptor_new_iostream_to_file_handle(raptor, out);
  s->mend = NULL;
  if (s->file && kgb_mend_needed(format)) {
    s->mend = kgb_mend_new(raptor, format, s->file);
    return s->mend ? kgb_mend_iostream(s->mend) : NULL;
  }
  return s->file;
}

static void close_sink(sink *s)
{
  kgb_mend_free(s->mend);   /* writes what it held back */
  if (s->file)
    raptor_free_iostream(s->file);
}

/* Turtle with kgbuild's prefixes, statement by statement. */
typedef struct {
  sink s;
  raptor_serializer *ser;
  int failed;
} turtle;

static int turtle_open(kgb_world *world, raptor_world *raptor, FILE *out,
                       turtle *t)
{
  raptor_iostream *io = open_sink(raptor, "turtle", out, &t->s);

  t->ser = io ? raptor_new_serializer(raptor, "turtle") : NULL;
  if (!t->ser || raptor_serializer_start_to_iostream(t->ser, NULL, io))
    return KGB_ERDF;
  return kgb_declare_prefixes(world, raptor, t->ser);
}

static int turtle_close(turtle *t, int rc)
{
  if (t->ser) {
    if (rc == KGB_OK && raptor_serializer_serialize_end(t->ser))
      rc = KGB_ERDF;
    raptor_free_serializer(t->ser);
  }
  close_sink(&t->s);
  return rc;
}

/* A CONSTRUCT's graph. */
static int write_graph(kgb_world *world, raptor_world *raptor,
                       rasqal_query_results *r, FILE *out)
{
  turtle t;
  int rc = turtle_open(world, raptor, out, &t);
  raptor_statement *st;

  while (rc == KGB_OK && (st = rasqal_query_results_get_triple(r))) {
    if (raptor_serializer_serialize_statement(t.ser, st))
      rc = KGB_ERDF;
    if (rasqal_query_results_next_triple(r))
      break;
  }
  return turtle_close(&t, rc);
}

/* The raptor term of rasqal's L, or NULL. */
static raptor_term *term_of(raptor_world *raptor, rasqal_literal *l)
{
  const unsigned char *text = rasqal_literal_as_string(l);

  switch (rasqal_literal_get_rdf_term_type(l)) {
  case RASQAL_LITERAL_URI:
    return raptor_new_term_from_uri_string(raptor, text);
  case RASQAL_LITERAL_BLANK:
    return raptor_new_term_from_blank(raptor, text);
  case RASQAL_LITERAL_STRING:
    return raptor_new_term_from_literal(
        raptor, text, l->language ? NULL : rasqal_literal_datatype(l),
        (const unsigned char *)l->language);
  default:
    return NULL;
  }
}

int kgb_query_write_terms(kgb_world *world, rasqal_world *rq,
                          kgb_tripleset *ts,
                          int (*next)(void *data, int parts[3]), void *data,
                          FILE *out)
{
  raptor_world *raptor = rasqal_world_get_raptor(rq);
  turtle t;
  int rc = turtle_open(world, raptor, out, &t), parts[3];

  while (rc == KGB_OK && next(data, parts)) {
    raptor_statement st = {0};
    st.world = raptor;
    st.subject = term_of(raptor, kgb_tripleset_literal(ts, parts[0]));
    st.predicate = term_of(raptor, kgb_tripleset_literal(ts, parts[1]));
    st.object = term_of(raptor, kgb_tripleset_literal(ts, parts[2]));
    if (!st.subject || !st.predicate || !st.object ||
        raptor_serializer_serialize_statement(t.ser, &st))
      rc = KGB_ERDF;
    raptor_free_term(st.subject);
    raptor_free_term(st.predicate);
    raptor_free_term(st.object);
  }
  return turtle_close(&t, rc);
}

/* csv, tsv, xml and json by rasqal's own writers. */
static int write_w3c(rasqal_world *rq, rasqal_query_results *r,
                     const char *format, FILE *out)
{
  raptor_world *raptor = rasqal_world_get_raptor(rq);
  sink s;
  raptor_iostream *io = open_sink(raptor, format, out, &s);
  int rc = io && !rasqal_query_results_write(io, r, format, NULL, NULL, NULL)
               ? KGB_OK : KGB_ERDF;

  close_sink(&s);
  return rc;
}

/* TEXT, rasqal's JSON results, to OUT without its unbound variables:
 * rasqal 0.9.33 writes each as {"type": "unbound", "value": null},
 * which SPARQL 1.1 JSON results leave out.  Each binding is a line of
 * its own; a comma left before a closing brace goes with it. */
static int drop_unbound(const char *text, FILE *out)
{
  static const char unbound[] = "{ \"type\": \"unbound\", \"value\": null }";
  const char *held = NULL;   /* a line ending in ',', not yet written */
  size_t held_len = 0;

  for (const char *line = text; *line;) {
    size_t len = strcspn(line, "\n") + (line[strcspn(line, "\n")] != 0);
    const char *first = line + strspn(line, " ");
    if (!memmem(line, len, unbound, sizeof unbound - 1)) {
      if (held) {
        /* Before a closing brace, the comma was the dropped line's. */
        int closes = *first == '}';
        fwrite(held, 1, held_len - (closes ? 2 : 0), out);
        if (closes)
          fputc('\n', out);
        held = NULL;
      }
      if (len >= 2 && line[len - 2] == ',' && line[len - 1] == '\n') {
        held = line;
        held_len = len;
      } else {
        fwrite(line, 1, len, out);
      }
    }
    line += len;
  }
  if (held)
    fwrite(held, 1, held_len, out);
  return ferror(out) ? KGB_EIO : KGB_OK;
}

static int write_json(rasqal_world *rq, rasqal_query_results *r, FILE *out)
{
  char *text = NULL;
  size_t len = 0;
  FILE *mem = open_memstream(&text, &len);
  int rc = mem ? write_w3c(rq, r, "json", mem) : KGB_ENOMEM;

  if (mem && fclose(mem) && rc == KGB_OK)
    rc = KGB_ENOMEM;
  if (rc == KGB_OK)
    rc = drop_unbound(text ? text : "", out);
  free(text);
  return rc;
}

int kgb_query_write(kgb_world *world, rasqal_world *rq, rasqal_query *q,
                    rasqal_query_results *r, const char *format, FILE *out)
{
  (void)q;
  if (rasqal_query_results_is_graph(r))
    return write_graph(world, rasqal_world_get_raptor(rq), r, out);
  if (rasqal_query_results_is_boolean(r) && strcmp(format, "table") == 0) {
    fprintf(out, "%s\n",
            rasqal_query_results_get_boolean(r) > 0 ? "true" : "false");
    return KGB_OK;
  }
  if (strcmp(format, "table") == 0)
    return write_table(world, r, out);
  if (strcmp(format, "json") == 0)
    return write_json(rq, r, out);
  return write_w3c(rq, r, format, out);
}

static void serialize_parsed(void *data, raptor_statement *st)
{
  turtle *t = data;

  if (raptor_serializer_serialize_statement(t->ser, st))
    t->failed = 1;
}

int kgb_query_write_turtle_text(kgb_world *world, rasqal_world *rq,
                                const char *text, size_t len,
                                const char *base, FILE *out)
{
  raptor_world *raptor = rasqal_world_get_raptor(rq);
  raptor_parser *p = raptor_new_parser(raptor, "turtle");
  raptor_uri *uri = raptor_new_uri(raptor, (const unsigned char *)base);
  turtle t = {0};
  int rc = p && uri ? turtle_open(world, raptor, out, &t) : KGB_ENOMEM;

  if (rc == KGB_OK) {
    raptor_parser_set_option(p, RAPTOR_OPTION_NO_NET, NULL, 1);
    raptor_parser_set_option(p, RAPTOR_OPTION_NO_FILE, NULL, 1);
    raptor_parser_set_statement_handler(p, &t, serialize_parsed);
    if (raptor_parser_parse_start(p, uri) ||
        raptor_parser_parse_chunk(p, (const unsigned char *)text, len, 1) ||
        t.failed)
      rc = kgb_report(world, KGB_EPARSE, "%s: the server's graph is not "
                      "Turtle", base);
  }
  rc = turtle_close(&t, rc);
  if (p)
    raptor_free_parser(p);
  if (uri)
    raptor_free_uri(uri);
  return rc;
}
