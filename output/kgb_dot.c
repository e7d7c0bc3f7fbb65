/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_dot.c - the graph as a picture to read (Graphviz), not as RDF.
 *
 * Drawn are the entities, by their names, and the n-ary facts, by their
 * kind with their figure and years; edges are the facts' roles and the
 * two-part facts between entities, labelled with the property's local
 * name.  Provenance (documents, mentions, reified statements) is left
 * out, and so is every IRI: nodes are named n1, n2... in the order of the
 * sorted statements, so the bytes are the same from run to run. */
#include <stdio.h>
#include <string.h>

#include "kgb_alloc.h"
#include "kgb_graph_internal.h"
#include "kgb_map.h"

typedef enum { NODE_OTHER, NODE_ENTITY, NODE_FACT, NODE_VALUE } node_kind;

/* The statements of one subject. */
typedef struct {
  size_t first, end;
  node_kind kind;
  kgb_term cls;
  int id;            /* n<id> in the output; drawn nodes only */
} dot_node;

typedef struct {
  kgb_graph *g;
  const kgb_statements *l;
  kgb_buf *out;
  dot_node *nodes;
  size_t n;
  kgb_map by_iri;    /* subject IRI -> index in NODES */
} dot_ctx;

/* How each entity class is drawn. */
static const struct {
  kgb_term cls;
  const char *style;
} looks[] = {
  {KGB_ORGANIZATION, "shape=box, style=\"rounded,filled\", "
                     "fillcolor=\"#dbe9f6\""},
  {KGB_PERSON, "shape=ellipse, style=filled, fillcolor=\"#fde2cf\""},
  {KGB_PLACE, "shape=hexagon, style=filled, fillcolor=\"#dff0d8\""},
  {KGB_EVENT, "shape=octagon, style=filled, fillcolor=\"#efe1f5\""},
};

static const char fact_look[] =
    "shape=note, style=filled, fillcolor=\"#fff6cc\"";

static const char *uri_text(raptor_uri *u, size_t *len)
{
  return (const char *)raptor_uri_as_counted_string(u, len);
}

static kgb_term term_of(raptor_uri *u)
{
  size_t len;
  const char *s = uri_text(u, &len);

  return kgb_term_of_iri(s, len);
}

/* What past the last '#' or '/' of the predicate of ST. */
static const char *local_name(const raptor_statement *st)
{
  size_t len;
  const char *s = uri_text(st->predicate->value.uri, &len);
  const char *end = s + len;

  while (end > s && end[-1] != '#' && end[-1] != '/')
    end--;
  return end;
}

static int is_predicate(const raptor_statement *st, kgb_term t)
{
  return term_of(st->predicate->value.uri) == t;
}

/* The node ST's object is, or NULL. */
static const dot_node *object_node(const dot_ctx *c, const raptor_statement *st)
{
  size_t len;
  const char *s;
  int i;

  if (st->object->type != RAPTOR_TERM_TYPE_URI)
    return NULL;
  s = uri_text(st->object->value.uri, &len);
  i = kgb_map_get(&c->by_iri, s, len);
  return i < 0 ? NULL : &c->nodes[i];
}

static void classify(dot_ctx *c, dot_node *d)
{
  for (size_t i = d->first; i < d->end; i++) {
    const raptor_statement *st = c->l->v[i];
    kgb_term t;
    if (st->object->type != RAPTOR_TERM_TYPE_URI ||
        !is_predicate(st, KGB_RDF_TYPE))
      continue;
    t = term_of(st->object->value.uri);
    d->cls = t;
    d->kind = kgb_term_is_entity_class(t) ? NODE_ENTITY
              : kgb_term_is_fact_class(t) ? NODE_FACT
              : kgb_term_is_value_class(t) ? NODE_VALUE
                                           : NODE_OTHER;
    if (d->kind != NODE_OTHER)
      return;
  }
}

/* One node a subject, in the order of the statements. */
static int find_nodes(dot_ctx *c)
{
  size_t cap = 0, len;
  int drawn = 0;

  for (size_t i = 0, end; i < c->l->n; i = end) {
    raptor_term *s = c->l->v[i]->subject;
    const char *iri;
    dot_node *d;
    for (end = i + 1; end < c->l->n &&
                      raptor_term_equals(c->l->v[end]->subject, s);)
      end++;
    if (s->type != RAPTOR_TERM_TYPE_URI)
      continue;
    if (kgb_grow(&c->nodes, &cap, c->n + 1, sizeof *c->nodes))
      return KGB_ENOMEM;
    d = &c->nodes[c->n];
    *d = (dot_node){i, end, NODE_OTHER, KGB_TERM_COUNT, 0};
    classify(c, d);
    if (d->kind == NODE_ENTITY || d->kind == NODE_FACT)
      d->id = ++drawn;
    iri = uri_text(s->value.uri, &len);
    if (kgb_map_put(&c->by_iri, iri, len, (int)c->n++))
      return KGB_ENOMEM;
  }
  return KGB_OK;
}

/* TEXT inside a double-quoted DOT string: quotes and backslashes (which
 * would start \N, \G... escapes) escaped, control characters as spaces. */
static int put_text(kgb_buf *out, const char *text, size_t len)
{
  int rc = KGB_OK;

  for (size_t i = 0; rc == KGB_OK && i < len; i++) {
    char ch = text[i];
    if (ch == '"' || ch == '\\')
      rc = kgb_buf_putc(out, '\\');
    if (rc == KGB_OK)
      rc = kgb_buf_putc(out, (unsigned char)ch < 0x20 ? ' ' : ch);
  }
  return rc;
}

static int put_literal(kgb_buf *out, const raptor_term *t)
{
  return put_text(out, (const char *)t->value.literal.string,
                  t->value.literal.string_len);
}

/* A decimal as people read it: "1800.0" as "1,800", "0.25" as it is. */
static int put_number(kgb_buf *out, const raptor_term *t)
{
  const char *s = (const char *)t->value.literal.string;
  size_t len = t->value.literal.string_len, digits = strspn(s, "0123456789");
  size_t frac = digits < len && s[digits] == '.' ? len - digits - 1 : 0;
  int rc = KGB_OK;

  if (!digits || digits + (frac ? frac + 1 : 0) != len)
    return put_literal(out, t);
  for (size_t i = 0; rc == KGB_OK && i < digits; i++) {
    if (i && (digits - i) % 3 == 0)
      rc = kgb_buf_putc(out, ',');
    if (rc == KGB_OK)
      rc = kgb_buf_putc(out, s[i]);
  }
  if (rc == KGB_OK && frac && strspn(s + digits + 1, "0") != frac)
    rc = kgb_buf_append(out, s + digits, frac + 1);
  return rc;
}

/* A value a fact gives: "≥ 500", "1,100,000,000 EUR". */
static int put_value(const dot_ctx *c, const dot_node *v)
{
  static const struct {
    kgb_term p;
    const char *before;
  } bounds[] = {{KGB_SCHEMA_VALUE, ""},
                {KGB_SCHEMA_MIN_VALUE, "\xe2\x89\xa5 "},
                {KGB_SCHEMA_MAX_VALUE, "\xe2\x89\xa4 "}};
  int rc = KGB_OK;

  for (size_t b = 0; rc == KGB_OK && b < 3; b++)
    for (size_t i = v->first; rc == KGB_OK && i < v->end; i++)
      if (c->l->v[i]->object->type == RAPTOR_TERM_TYPE_LITERAL &&
          is_predicate(c->l->v[i], bounds[b].p)) {
        rc = kgb_buf_puts(c->out, bounds[b].before);
        if (rc == KGB_OK)
          rc = put_number(c->out, c->l->v[i]->object);
      }
  for (size_t i = v->first; rc == KGB_OK && i < v->end; i++)
    if (is_predicate(c->l->v[i], KGB_SCHEMA_CURRENCY) &&
        c->l->v[i]->object->type == RAPTOR_TERM_TYPE_LITERAL) {
      rc = kgb_buf_putc(c->out, ' ');
      if (rc == KGB_OK)
        rc = put_literal(c->out, c->l->v[i]->object);
    }
  return rc;
}

/* "\nname: value" for ST. */
static int put_line(kgb_buf *out, const raptor_statement *st)
{
  const char *name = local_name(st);
  int rc = kgb_buf_puts(out, "\\n");

  if (rc == KGB_OK)
    rc = put_text(out, name, strlen(name));
  return rc ? rc : kgb_buf_puts(out, ": ");
}

/* An entity's name: its rdfs:label, else its first other name. */
static int put_name(const dot_ctx *c, const dot_node *d)
{
  for (int pass = 0; pass < 2; pass++)
    for (size_t i = d->first; i < d->end; i++)
      if (c->l->v[i]->object->type == RAPTOR_TERM_TYPE_LITERAL &&
          is_predicate(c->l->v[i],
                       pass ? KGB_SKOS_ALT_LABEL : KGB_RDFS_LABEL))
        return put_literal(c->out, c->l->v[i]->object);
  return put_text(c->out, "?", 1);
}

/* The label of an entity (its name) or of a fact (its kind), then a line
 * a literal it has (a job title, a year) or a value it gives. */
static int put_label(const dot_ctx *c, const dot_node *d)
{
  const char *kind = kgb_term_local(d->cls);
  int rc = d->kind == NODE_ENTITY ? put_name(c, d)
                                  : put_text(c->out, kind, strlen(kind));

  for (size_t i = d->first; rc == KGB_OK && i < d->end; i++) {
    const raptor_statement *st = c->l->v[i];
    const dot_node *o = object_node(c, st);
    if (o && o->kind == NODE_VALUE) {
      rc = put_line(c->out, st);
      if (rc == KGB_OK)
        rc = put_value(c, o);
    } else if (st->object->type == RAPTOR_TERM_TYPE_LITERAL &&
               !is_predicate(st, KGB_RDFS_LABEL) &&
               !is_predicate(st, KGB_SKOS_ALT_LABEL)) {
      rc = put_line(c->out, st);
      if (rc == KGB_OK)
        rc = put_literal(c->out, st->object);
    }
  }
  return rc;
}

static const char *look_of(const dot_node *d)
{
  for (size_t i = 0; d->kind == NODE_ENTITY && i < sizeof looks / sizeof *looks;
       i++)
    if (looks[i].cls == d->cls)
      return looks[i].style;
  return fact_look;
}

static int put_node(const dot_ctx *c, const dot_node *d)
{
  int rc = kgb_buf_printf(c->out, "  n%d [label=\"", d->id);

  if (rc == KGB_OK)
    rc = put_label(c, d);
  return rc ? rc : kgb_buf_printf(c->out, "\", %s];\n", look_of(d));
}

/* Edges from D to the entities and facts its IRI objects are. */
static int put_edges(const dot_ctx *c, const dot_node *d)
{
  int rc = KGB_OK;

  for (size_t i = d->first; rc == KGB_OK && i < d->end; i++) {
    const dot_node *o = object_node(c, c->l->v[i]);
    const char *name = local_name(c->l->v[i]);
    if (!o || !o->id)
      continue;
    rc = kgb_buf_printf(c->out, "  n%d -> n%d [label=\"", d->id, o->id);
    if (rc == KGB_OK)
      rc = put_text(c->out, name, strlen(name));
    if (rc == KGB_OK)
      rc = kgb_buf_puts(c->out, "\"];\n");
  }
  return rc;
}

static int put_graph(dot_ctx *c)
{
  int rc = kgb_buf_puts(
      c->out, "digraph kgbuild {\n  rankdir=LR;\n  charset=\"UTF-8\";\n"
              "  node [fontname=\"Helvetica\", fontsize=11];\n"
              "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\"];\n");

  for (size_t i = 0; rc == KGB_OK && i < c->n; i++)
    if (c->nodes[i].id && (rc = put_node(c, &c->nodes[i])) == KGB_OK)
      rc = kgb_graph_flush_some(c->g);
  for (size_t i = 0; rc == KGB_OK && i < c->n; i++)
    if (c->nodes[i].id && (rc = put_edges(c, &c->nodes[i])) == KGB_OK)
      rc = kgb_graph_flush_some(c->g);
  return rc ? rc : kgb_buf_puts(c->out, "}\n");
}

int kgb_dot_write(kgb_graph *g, const kgb_statements *l)
{
  dot_ctx c = {.g = g, .l = l, .out = &g->obuf};
  int rc;

  kgb_map_init(&c.by_iri);
  rc = find_nodes(&c);
  if (rc == KGB_OK)
    rc = put_graph(&c);
  kgb_map_release(&c.by_iri);
  kgb_free(c.nodes);
  return rc;
}
