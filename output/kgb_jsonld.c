/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_jsonld.c - JSON-LD 1.1, which raptor 2.0.15 cannot write.
 *
 * The statements come sorted, so each subject's are together: each
 * becomes one node object of "@graph", its properties in the sorted
 * order, and the bytes are the same from run to run.  The context holds
 * the prefixes the Turtle output declares, and IRIs are written compact
 * through them.  Literals keep their lexical form: a value object with
 * "@type" for a typed literal, never a JSON number, whose reading would
 * change "320000000.0" into another literal. */
#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

#include "kgb_alloc.h"
#include "kgb_graph_internal.h"
#include "kgb_world_internal.h"

typedef struct {
  kgb_graph *g;
  kgb_buf *out;
  /* The namespaces, "kgr" (the base) last, then NULL. */
  const char *prefix[KGB_NS_COUNT + 2], *iri[KGB_NS_COUNT + 2];
  char rdf_type[64];
} jsonld_ctx;

/* Bytes copied as they are: printable ASCII but the quote and the
 * backslash. */
static int plain(unsigned char c)
{
  return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
}

/* LEN bytes of S as a JSON string, after HEAD (a prefix and its colon,
 * or ""), which needs no escape.  Bytes that are not UTF-8 (none should
 * reach here: texts are cleaned when read) become U+FFFD, so the output
 * is always UTF-8. */
static int put_string_after(kgb_buf *out, const char *head, const char *s,
                            size_t len)
{
  static const char hex[] = "0123456789abcdef";
  int rc = kgb_buf_putc(out, '"') || kgb_buf_puts(out, head);

  for (size_t i = 0, run; rc == KGB_OK && i < len; i = run) {
    unsigned char c = (unsigned char)s[i];
    utf8proc_int32_t cp;
    utf8proc_ssize_t n;
    for (run = i; run < len && plain((unsigned char)s[run]); run++)
      ;
    if (run > i) {
      rc = kgb_buf_append(out, s + i, run - i);
    } else if (c == '"' || c == '\\') {
      char esc[2] = {'\\', (char)c};
      rc = kgb_buf_append(out, esc, 2);
      run = i + 1;
    } else if (c < 0x20) {
      char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
      rc = c == '\n'   ? kgb_buf_append(out, "\\n", 2)
           : c == '\t' ? kgb_buf_append(out, "\\t", 2)
           : c == '\r' ? kgb_buf_append(out, "\\r", 2)
                       : kgb_buf_append(out, esc, 6);
      run = i + 1;
    } else {
      n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                           (utf8proc_ssize_t)(len - i), &cp);
      rc = n > 0 ? kgb_buf_append(out, s + i, (size_t)n)
                 : kgb_buf_append(out, "\xef\xbf\xbd", 3);
      run = i + (n > 0 ? (size_t)n : 1);
    }
  }
  return rc ? KGB_ENOMEM : kgb_buf_putc(out, '"');
}

static int put_string(kgb_buf *out, const char *s, size_t len)
{
  return put_string_after(out, "", s, len);
}

/* IRI as "prefix:rest" through the longest namespace it starts with, or
 * whole.  A rest that opens with "//" would be read as an IRI, not a
 * compact one: such an IRI is written whole. */
static int put_iri(const jsonld_ctx *c, const char *iri, size_t len)
{
  size_t best = 0, best_len = 0;
  char head[32];

  for (size_t i = 0; c->prefix[i]; i++) {
    size_t n = strlen(c->iri[i]);
    if (n > best_len && n <= len && memcmp(iri, c->iri[i], n) == 0 &&
        !(len - n >= 2 && iri[n] == '/' && iri[n + 1] == '/')) {
      best = i;
      best_len = n;
    }
  }
  if (!best_len)
    return put_string(c->out, iri, len);
  snprintf(head, sizeof head, "%s:", c->prefix[best]);
  return put_string_after(c->out, head, iri + best_len, len - best_len);
}

static int put_uri(const jsonld_ctx *c, raptor_uri *uri)
{
  size_t len;
  const unsigned char *s = raptor_uri_as_counted_string(uri, &len);

  return put_iri(c, (const char *)s, len);
}

/* A subject, or an object that is no literal: "kgr:x" or "_:b1". */
static int put_node_id(const jsonld_ctx *c, const raptor_term *t)
{
  if (t->type == RAPTOR_TERM_TYPE_URI)
    return put_uri(c, t->value.uri);
  return put_string_after(c->out, "_:", (const char *)t->value.blank.string,
                          t->value.blank.string_len);
}

static int put_literal(const jsonld_ctx *c, const raptor_term *t)
{
  const raptor_term_literal_value *l = &t->value.literal;
  kgb_buf *out = c->out;
  int rc;

  if (!l->datatype && !l->language)
    return put_string(out, (const char *)l->string, l->string_len);
  rc = kgb_buf_puts(out, "{\"@value\": ");
  if (rc == KGB_OK)
    rc = put_string(out, (const char *)l->string, l->string_len);
  if (rc == KGB_OK && l->datatype)
    rc = kgb_buf_puts(out, ", \"@type\": ") || put_uri(c, l->datatype);
  if (rc == KGB_OK && !l->datatype)
    rc = kgb_buf_puts(out, ", \"@language\": ") ||
         put_string(out, (const char *)l->language, l->language_len);
  return rc ? KGB_ENOMEM : kgb_buf_putc(out, '}');
}

static int put_object(const jsonld_ctx *c, const raptor_term *t)
{
  int rc;

  if (t->type == RAPTOR_TERM_TYPE_LITERAL)
    return put_literal(c, t);
  rc = kgb_buf_puts(c->out, "{\"@id\": ");
  if (rc == KGB_OK)
    rc = put_node_id(c, t);
  return rc ? rc : kgb_buf_putc(c->out, '}');
}

/* Does ST go to "@type"?  Only a class named by an IRI does: JSON-LD
 * processors differ on a blank node there. */
static int is_type(const jsonld_ctx *c, const raptor_statement *st)
{
  return st->object->type == RAPTOR_TERM_TYPE_URI &&
         strcmp((const char *)raptor_uri_as_string(st->predicate->value.uri),
                c->rdf_type) == 0;
}

/* One key of a node object: V[0..N) share the predicate (or are all
 * its rdf:type statements, under "@type"). */
static int put_values(const jsonld_ctx *c, raptor_statement *const *v,
                      size_t n, int types)
{
  kgb_buf *out = c->out;
  int rc = kgb_buf_puts(out, ",\n      ");

  if (rc == KGB_OK)
    rc = types ? kgb_buf_puts(out, "\"@type\"")
               : put_uri(c, v[0]->predicate->value.uri);
  if (rc == KGB_OK)
    rc = kgb_buf_puts(out, n > 1 ? ": [" : ": ");
  for (size_t i = 0; rc == KGB_OK && i < n; i++) {
    if (i)
      rc = kgb_buf_puts(out, ", ");
    if (rc == KGB_OK)
      rc = types ? put_uri(c, v[i]->object->value.uri)
                 : put_object(c, v[i]->object);
  }
  if (rc == KGB_OK && n > 1)
    rc = kgb_buf_putc(out, ']');
  return rc;
}

/* Where the key of V[K] ends: the next statement with another predicate,
 * or that goes to "@type" when V[K] does not, or the reverse. */
static size_t key_end(const jsonld_ctx *c, raptor_statement *const *v,
                      size_t n, size_t k)
{
  size_t end = k + 1;

  while (end < n && raptor_term_equals(v[end]->predicate, v[k]->predicate) &&
         is_type(c, v[end]) == is_type(c, v[k]))
    end++;
  return end;
}

/* The node object of the statements V[0..N), which share a subject:
 * "@id", then "@type", then the other predicates in their sorted order. */
static int put_node(const jsonld_ctx *c, raptor_statement *const *v, size_t n)
{
  int rc = kgb_buf_puts(c->out, "    {\n      \"@id\": ");

  if (rc == KGB_OK)
    rc = put_node_id(c, v[0]->subject);
  for (int types = 1; types >= 0; types--)
    for (size_t k = 0, end; rc == KGB_OK && k < n; k = end) {
      end = key_end(c, v, n, k);
      if (is_type(c, v[k]) == types)
        rc = put_values(c, v + k, end - k, types);
    }
  return rc ? rc : kgb_buf_puts(c->out, "\n    }");
}

static int put_context(const jsonld_ctx *c)
{
  int rc = kgb_buf_puts(c->out, "{\n  \"@context\": {");

  for (size_t i = 0; rc == KGB_OK && c->prefix[i]; i++) {
    rc = kgb_buf_puts(c->out, i ? ",\n    " : "\n    ");
    if (rc == KGB_OK)
      rc = put_string(c->out, c->prefix[i], strlen(c->prefix[i]));
    if (rc == KGB_OK)
      rc = kgb_buf_puts(c->out, ": ");
    if (rc == KGB_OK)
      rc = put_string(c->out, c->iri[i], strlen(c->iri[i]));
  }
  return rc ? rc : kgb_buf_puts(c->out, "\n  },\n  \"@graph\": [");
}

int kgb_jsonld_write(kgb_graph *g, const kgb_statements *l)
{
  jsonld_ctx c = {.g = g, .out = &g->obuf};
  size_t ns = 0;
  int rc;

  for (; ns < KGB_NS_COUNT; ns++) {
    c.prefix[ns] = kgb_ns_prefix((kgb_ns)ns);
    c.iri[ns] = kgb_ns_iri((kgb_ns)ns);
  }
  c.prefix[ns] = "kgr";
  c.iri[ns] = kgb_world_as_base(g->world);
  kgb_term_iri(KGB_RDF_TYPE, c.rdf_type, sizeof c.rdf_type);
  rc = put_context(&c);
  for (size_t i = 0, end; rc == KGB_OK && i < l->n; i = end) {
    end = i + 1;
    while (end < l->n &&
           raptor_term_equals(l->v[end]->subject, l->v[i]->subject))
      end++;
    rc = kgb_buf_puts(c.out, i ? ",\n" : "\n");
    if (rc == KGB_OK)
      rc = put_node(&c, l->v + i, end - i);
    if (rc == KGB_OK)
      rc = kgb_graph_flush_some(g);
  }
  if (rc == KGB_OK)
    rc = kgb_buf_puts(c.out, l->n ? "\n  ]\n}\n" : "]\n}\n");
  return rc;
}
