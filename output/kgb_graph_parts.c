/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_graph_parts.c - parallel runs.  A worker's graph keeps each
 * document as a part: the statements as the parent would write them, and
 * the entity names the document gave.  The parent adds the parts in input
 * order and names the entities itself, so its output is the one a single
 * process would write.
 *
 * A part travels between processes of one program on one machine, so its
 * integers are in the machine's own byte order:
 *   "KGBP", u64 statements, u64 text length, text,
 *   then names to the end: u8 class, u8 standard, u32 length, IRI,
 *   u32 length, name. */
#include <stdint.h>
#include <string.h>

#include "kgb_alloc.h"
#include "kgb_graph_internal.h"
#include "kgb_world_internal.h"

static const char magic[4] = {'K', 'G', 'B', 'P'};

int kgb_graph_set_output_parts(kgb_graph *g, const char *format)
{
  const char *name = kgb_format_name(format);

  if (!name)
    return kgb_report(g->world, KGB_EINVAL, "unknown output format '%s'",
                      format ? format : "(null)");
  if (g->format || kgb_store_is_open(&g->store))
    return kgb_report(g->world, KGB_EINVAL, "the graph has an output already");
  /* A format that does not stream is written by the parent from the
   * statements, which travel as N-Triples. */
  g->format = kgb_format_streams(name) ? name : kgb_format_name("ntriples");
  g->parts = 1;
  g->streaming = 1;
  return KGB_OK;
}

static int put_u32(kgb_buf *b, size_t v)
{
  uint32_t x = (uint32_t)v;

  return kgb_buf_append(b, (const char *)&x, sizeof x);
}

static int put_string(kgb_buf *b, const char *s)
{
  size_t n = strlen(s);

  return n > UINT32_MAX || put_u32(b, n) ? KGB_ENOMEM
                                         : kgb_buf_append(b, s, n);
}

int kgb_graph_part_name(kgb_graph *g, const char *iri, kgb_term cls,
                        const char *name, int standard)
{
  char head[2] = {(char)cls, (char)(standard != 0)};

  if (kgb_buf_append(&g->part_names, head, 2) ||
      put_string(&g->part_names, iri) || put_string(&g->part_names, name))
    return KGB_ENOMEM;
  return KGB_OK;
}

int kgb_graph_take_part(kgb_graph *g, char **part, size_t *len)
{
  kgb_buf b;
  uint64_t counts[2] = {g->written, g->obuf.len};
  int rc;

  *part = NULL;
  *len = 0;
  if (!g->parts)
    return kgb_report(g->world, KGB_EINVAL,
                      "kgb_graph_take_part: the graph keeps no parts");
  kgb_buf_init(&b);
  rc = kgb_buf_append(&b, magic, sizeof magic);
  if (rc == KGB_OK)
    rc = kgb_buf_append(&b, (const char *)counts, sizeof counts);
  if (rc == KGB_OK)
    rc = kgb_buf_append(&b, g->obuf.data ? g->obuf.data : "", g->obuf.len);
  if (rc == KGB_OK)
    rc = kgb_buf_append(&b, g->part_names.data ? g->part_names.data : "",
                        g->part_names.len);
  if (rc) {
    kgb_buf_release(&b);
    return KGB_ENOMEM;
  }
  kgb_buf_clear(&g->obuf);
  kgb_buf_clear(&g->part_names);
  g->written = 0;
  *len = b.len;
  *part = kgb_buf_to_string(&b);
  return KGB_OK;
}

/* Reads a part from its front; every read checks what is left. */
typedef struct {
  const char *p, *end;
} reader;

static int take(reader *r, void *into, size_t n)
{
  if ((size_t)(r->end - r->p) < n)
    return -1;
  memcpy(into, r->p, n);
  r->p += n;
  return 0;
}

static const char *take_string(reader *r, size_t *n)
{
  uint32_t len;
  const char *s;

  if (take(r, &len, sizeof len) || (size_t)(r->end - r->p) < len)
    return NULL;
  s = r->p;
  r->p += len;
  *n = len;
  return s;
}

static int add_names(kgb_graph *g, reader *r)
{
  kgb_buf iri, name;
  int rc = KGB_OK;

  kgb_buf_init(&iri);
  kgb_buf_init(&name);
  while (rc == KGB_OK && r->p < r->end) {
    unsigned char head[2];
    const char *i, *n;
    size_t il, nl;
    if (take(r, head, 2) || head[0] >= KGB_TERM_COUNT ||
        !(i = take_string(r, &il)) || !(n = take_string(r, &nl))) {
      rc = KGB_EPARSE;
      break;
    }
    kgb_buf_clear(&iri);
    kgb_buf_clear(&name);
    rc = kgb_buf_append(&iri, i, il) || kgb_buf_append(&name, n, nl)
             ? KGB_ENOMEM
             : kgb_entities_add(g->entities, iri.data, (kgb_term)head[0],
                                name.data, head[1]);
  }
  kgb_buf_release(&iri);
  kgb_buf_release(&name);
  return rc;
}

static void on_statement(void *data, raptor_statement *st)
{
  kgb_graph *g = data;
  raptor_statement *copy = raptor_statement_copy(st);

  if (!copy || kgb_grow(&g->pending.v, &g->pending.cap, g->pending.n + 1,
                        sizeof *g->pending.v)) {
    if (copy)
      raptor_free_statement(copy);
    g->rdf_error = 1;
    return;
  }
  g->pending.v[g->pending.n++] = copy;
}

/* A graph that holds its statements reads the part's N-Triples back. */
static int hold_statements(kgb_graph *g, const char *text, size_t len)
{
  raptor_parser *parser = raptor_new_parser(g->raptor, "ntriples");
  raptor_uri *base = raptor_new_uri(
      g->raptor, (const unsigned char *)kgb_world_as_base(g->world));
  int rc = KGB_ENOMEM;

  if (parser && base) {
    raptor_parser_set_statement_handler(parser, g, on_statement);
    rc = raptor_parser_parse_start(parser, base) ||
                 raptor_parser_parse_chunk(parser, (const unsigned char *)text,
                                           len, 1) ||
                 g->rdf_error
             ? KGB_ERDF
             : KGB_OK;
  }
  if (parser)
    raptor_free_parser(parser);
  if (base)
    raptor_free_uri(base);
  return rc;
}

int kgb_graph_add_part(kgb_graph *g, const char *part, size_t len)
{
  reader r = {part, part + len};
  char head[sizeof magic];
  uint64_t counts[2];
  const char *text;
  int rc;

  if (!g->format || g->parts)
    return kgb_report(g->world, KGB_EINVAL,
                      "kgb_graph_add_part: set the graph's output first");
  if (take(&r, head, sizeof head) || memcmp(head, magic, sizeof magic) ||
      take(&r, counts, sizeof counts) ||
      (uint64_t)(r.end - r.p) < counts[1])
    return kgb_report(g->world, KGB_EPARSE, "a worker's part is damaged");
  text = r.p;
  r.p += counts[1];
  rc = add_names(g, &r);
  if (rc == KGB_OK && g->streaming) {
    rc = kgb_buf_append(&g->obuf, text, (size_t)counts[1]);
    if (rc == KGB_OK)
      rc = kgb_graph_flush(g);
    g->written += (size_t)counts[0];
  } else if (rc == KGB_OK) {
    rc = hold_statements(g, text, (size_t)counts[1]);
  }
  if (rc == KGB_EPARSE)
    return kgb_report(g->world, rc, "a worker's part is damaged");
  return rc ? kgb_report(g->world, rc, "cannot add a worker's part: %s",
                         kgb_strerror(rc))
            : KGB_OK;
}
