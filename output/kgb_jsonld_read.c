/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_jsonld_read.c - JSON-LD read into statements, for `query --data`.
 *
 * raptor 2.0.15 reads no JSON-LD, yet kgbuild writes it (kgb_jsonld.c),
 * and a user expects to query what kgbuild wrote.  This reads the part
 * of JSON-LD 1.1 that such files use, and what hand-made files commonly
 * add: a context of prefixes (and @vocab), a @graph of node objects or
 * one node object, @id, @type, values as strings, numbers, booleans,
 * value objects with @type or @language, node references and embedded
 * node objects, arrays and @set.  Everything else (term definitions,
 * remote contexts, @list, @reverse, named graphs...) is refused by
 * name: dropping it would answer over part of the file, and fetching a
 * remote context would touch the network. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kgb_buf.h"
#include "kgb_query_internal.h"

typedef struct {
  kgb_world *world;
  raptor_world *raptor;
  const char *path;
  json_t *context;           /* borrowed: the prefixes, or NULL */
  json_t *top_node;          /* borrowed: a top-level node object */
  raptor_statement_handler fn;
  void *data;
  unsigned long blanks;      /* node objects without @id so far */
  kgb_buf iri;               /* scratch */
} reader;

static int refuse(reader *r, const char *what)
{
  return kgb_report(r->world, KGB_EPARSE, "%s: this JSON-LD uses %s, which "
                    "kgbuild does not read; convert it to Turtle or N-Quads "
                    "first (for example with rdflib or jsonld.js)", r->path,
                    what);
}

/* Each entry of the context must be a prefix: "term": "IRI". */
static int check_context(reader *r, json_t *ctx)
{
  const char *key;
  json_t *v;

  if (!ctx)
    return KGB_OK;
  if (!json_is_object(ctx))
    return refuse(r, json_is_string(ctx) ? "a remote @context"
                                         : "a @context that is no object");
  json_object_foreach(ctx, key, v) {
    if (!json_is_string(v) || (key[0] == '@' && strcmp(key, "@vocab") != 0))
      return refuse(r, key[0] == '@' ? key
                                     : "a term definition in @context");
  }
  r->context = ctx;
  return KGB_OK;
}

/* NAME expanded into R->iri: a prefixed name, an absolute IRI, or (when
 * VOCAB) a term under @vocab.  0 when it cannot be expanded. */
static int expand(reader *r, const char *name, int vocab)
{
  const char *colon = strchr(name, ':'), *vocab_iri;
  json_t *prefix;

  kgb_buf_clear(&r->iri);
  if (colon && r->context) {
    char head[128];
    size_t n = (size_t)(colon - name);
    if (n < sizeof head) {
      memcpy(head, name, n);
      head[n] = '\0';
      prefix = json_object_get(r->context, head);
      if (prefix && head[0] != '@')
        return !kgb_buf_puts(&r->iri, json_string_value(prefix)) &&
               !kgb_buf_puts(&r->iri, colon + 1);
    }
  }
  if (colon && colon > name)
    return !kgb_buf_puts(&r->iri, name);   /* absolute */
  vocab_iri = r->context && vocab
                  ? json_string_value(json_object_get(r->context, "@vocab"))
                  : NULL;
  return vocab_iri && !kgb_buf_puts(&r->iri, vocab_iri) &&
         !kgb_buf_puts(&r->iri, name);
}

/* The IRI or blank node NAME names; NULL with an error reported.  A
 * property or a datatype (VOCAB) is an IRI: RDF has no blank ones. */
static raptor_term *node_term(reader *r, const char *name, int vocab)
{
  raptor_term *t;

  if (vocab && strncmp(name, "_:", 2) == 0) {
    refuse(r, "a blank node as a property, a type or a datatype");
    return NULL;
  }
  if (strncmp(name, "_:", 2) == 0)
    t = raptor_new_term_from_blank(r->raptor,
                                   (const unsigned char *)name + 2);
  else if (!expand(r, name, vocab)) {
    kgb_report(r->world, KGB_EPARSE, "%s: '%s' is no IRI: no prefix of the "
               "@context, no scheme%s", r->path, name,
               vocab ? ", no @vocab" : " (relative IRIs are not read)");
    return NULL;
  } else
    t = raptor_new_term_from_uri_string(r->raptor,
                                        (const unsigned char *)r->iri.data);
  if (!t)
    kgb_report(r->world, KGB_ENOMEM, "%s: out of memory", r->path);
  return t;
}

static void emit(reader *r, raptor_term *s, raptor_term *p, raptor_term *o)
{
  raptor_statement st = {.world = r->raptor, .usage = 1};

  st.subject = s;
  st.predicate = p;
  st.object = o;
  r->fn(r->data, &st);
}

static int read_node(reader *r, json_t *node, raptor_term **subject);

/* X in xsd:double's canonical form, as JSON-LD writes a JSON number that
 * is not an integer: "1.5E0", "-2.0E-3". */
static void double_text(double x, char *text, size_t size)
{
  char mantissa[40], *e, *end;
  long exp;

  snprintf(mantissa, sizeof mantissa, "%.15E", x);
  e = strchr(mantissa, 'E');
  if (!e) {   /* inf, nan: JSON has none */
    snprintf(text, size, "%s", mantissa);
    return;
  }
  exp = strtol(e + 1, NULL, 10);
  *e = '\0';
  for (end = e - 1; *end == '0' && end[-1] != '.'; end--)
    *end = '\0';
  snprintf(text, size, "%sE%ld", mantissa, exp);
}

/* A literal of a JSON string, number or boolean, as JSON-LD reads them. */
static raptor_term *native_literal(reader *r, json_t *v)
{
  static const char xsd[] = "http://www.w3.org/2001/XMLSchema#";
  char text[64], dt[64];
  raptor_uri *type;
  raptor_term *t;

  if (json_is_string(v))
    return raptor_new_term_from_literal(
        r->raptor, (const unsigned char *)json_string_value(v), NULL, NULL);
  if (json_is_integer(v)) {
    snprintf(text, sizeof text, "%" JSON_INTEGER_FORMAT,
             json_integer_value(v));
    snprintf(dt, sizeof dt, "%sinteger", xsd);
  } else if (json_is_real(v)) {
    double_text(json_real_value(v), text, sizeof text);
    snprintf(dt, sizeof dt, "%sdouble", xsd);
  } else {
    snprintf(text, sizeof text, "%s", json_is_true(v) ? "true" : "false");
    snprintf(dt, sizeof dt, "%sboolean", xsd);
  }
  type = raptor_new_uri(r->raptor, (const unsigned char *)dt);
  t = type ? raptor_new_term_from_literal(r->raptor,
                                          (const unsigned char *)text, type,
                                          NULL)
           : NULL;
  if (type)
    raptor_free_uri(type);
  return t;
}

/* A value object: {"@value": V, "@type": T} or {"@value": V,
 * "@language": L}. */
static raptor_term *value_object(reader *r, json_t *v)
{
  json_t *value = json_object_get(v, "@value"), *type, *lang;
  raptor_uri *dt = NULL;
  raptor_term *t;

  type = json_object_get(v, "@type");
  lang = json_object_get(v, "@language");
  if (json_object_size(v) > 1u + (type != NULL) + (lang != NULL) ||
      (type && !json_is_string(type)) || (lang && !json_is_string(lang)) ||
      !(json_is_string(value) || json_is_number(value) ||
        json_is_boolean(value))) {
    refuse(r, "a value object other than @value with @type or @language");
    return NULL;
  }
  if (!type && !lang)
    return native_literal(r, value);
  if (type && !json_is_string(value)) {
    refuse(r, "a typed @value that is no string");
    return NULL;
  }
  if (type) {
    raptor_term *dt_term = node_term(r, json_string_value(type), 1);
    if (!dt_term)
      return NULL;
    dt = raptor_uri_copy(dt_term->value.uri);
    raptor_free_term(dt_term);
  }
  t = raptor_new_term_from_literal(
      r->raptor, (const unsigned char *)json_string_value(value), dt,
      lang ? (const unsigned char *)json_string_value(lang) : NULL);
  if (dt)
    raptor_free_uri(dt);
  return t;
}

/* The object term of value V; NULL with *RC set (KGB_OK: a null). */
static raptor_term *object_of(reader *r, json_t *v, int *rc)
{
  raptor_term *t = NULL;

  *rc = KGB_OK;
  if (json_is_null(v))
    return NULL;   /* JSON-LD drops nulls */
  if (!json_is_object(v))
    t = native_literal(r, v);
  else if (json_object_get(v, "@value"))
    t = value_object(r, v);
  else if (json_object_get(v, "@list"))
    *rc = refuse(r, "@list");
  else if ((*rc = read_node(r, v, &t)) != KGB_OK)
    return NULL;
  if (!t && *rc == KGB_OK)
    *rc = KGB_EPARSE;   /* reported where it failed, or out of memory */
  return t;
}

static int read_values(reader *r, raptor_term *s, raptor_term *p, json_t *v)
{
  size_t i;
  json_t *item;
  int rc = KGB_OK;

  if (json_is_object(v) && json_object_get(v, "@set"))
    v = json_object_get(v, "@set");
  if (json_is_array(v)) {
    json_array_foreach(v, i, item) {
      if ((rc = read_values(r, s, p, item)) != KGB_OK)
        return rc;
    }
    return KGB_OK;
  }
  raptor_term *o = object_of(r, v, &rc);
  if (o) {
    emit(r, s, p, o);
    raptor_free_term(o);
  }
  return rc;   /* KGB_OK for a null, which gives no statement */
}

static int read_types(reader *r, raptor_term *s, json_t *types)
{
  raptor_term *rdf_type = raptor_new_term_from_uri_string(
      r->raptor, (const unsigned char *)
      "http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
  json_t *list = json_is_array(types) ? types : NULL, *item;
  size_t i, n = list ? json_array_size(list) : 1;
  int rc = rdf_type ? KGB_OK : KGB_ENOMEM;

  for (i = 0; i < n && rc == KGB_OK; i++) {
    raptor_term *o;
    item = list ? json_array_get(list, i) : types;
    if (!json_is_string(item)) {
      rc = refuse(r, "a @type that is no string");
      break;
    }
    if (!(o = node_term(r, json_string_value(item), 1)))
      rc = KGB_EPARSE;
    else {
      emit(r, s, rdf_type, o);
      raptor_free_term(o);
    }
  }
  if (rdf_type)
    raptor_free_term(rdf_type);
  return rc;
}

/* The statements of NODE, a node object; its subject in *SUBJECT (the
 * caller's) when it is wanted as a value. */
static int read_node(reader *r, json_t *node, raptor_term **subject)
{
  json_t *id = json_object_get(node, "@id"), *v;
  const char *key;
  raptor_term *s;
  char label[32];
  int rc = KGB_OK;

  if (!json_is_object(node))
    return refuse(r, "a node that is no object");
  if (id && !json_is_string(id))
    return refuse(r, "an @id that is no string");
  if (id)
    s = node_term(r, json_string_value(id), 0);
  else {
    snprintf(label, sizeof label, "jsonld%lu", ++r->blanks);
    s = raptor_new_term_from_blank(r->raptor, (unsigned char *)label);
  }
  if (!s)
    return KGB_EPARSE;
  json_object_foreach(node, key, v) {
    raptor_term *p;
    if (strcmp(key, "@id") == 0)
      continue;
    if (strcmp(key, "@context") == 0)
      rc = node == r->top_node ? KGB_OK : refuse(r, "a @context in a node");
    else if (strcmp(key, "@type") == 0)
      rc = read_types(r, s, v);
    else if (key[0] == '@')
      rc = refuse(r, key);
    else if (!(p = node_term(r, key, 1)))
      rc = KGB_EPARSE;
    else {
      rc = read_values(r, s, p, v);
      raptor_free_term(p);
    }
    if (rc)
      break;
  }
  if (rc == KGB_OK && subject)
    *subject = s;
  else
    raptor_free_term(s);
  return rc;
}

static int read_top(reader *r, json_t *top)
{
  json_t *graph, *item;
  size_t i;
  int rc;

  if (json_is_array(top)) {
    json_array_foreach(top, i, item) {
      if ((rc = read_top(r, item)) != KGB_OK)
        return rc;
    }
    return KGB_OK;
  }
  if (!json_is_object(top))
    return refuse(r, "a top level that is no object or array");
  if ((rc = check_context(r, json_object_get(top, "@context"))) != KGB_OK)
    return rc;
  graph = json_object_get(top, "@graph");
  r->top_node = top;
  if (!graph)
    return read_node(r, top, NULL);
  if (json_object_size(top) > 1 + (json_object_get(top, "@context") != NULL))
    return refuse(r, "a @graph beside other properties (a named graph)");
  if (!json_is_array(graph))
    graph = json_pack("[O]", graph);
  else
    json_incref(graph);
  rc = KGB_OK;
  json_array_foreach(graph, i, item) {
    if (json_is_object(item) && json_object_get(item, "@graph"))
      rc = refuse(r, "a named graph");
    else
      rc = read_node(r, item, NULL);
    if (rc)
      break;
  }
  json_decref(graph);
  return rc;
}

int kgb_jsonld_read(kgb_world *world, raptor_world *raptor, FILE *f,
                    const char *path, raptor_statement_handler fn,
                    void *data)
{
  reader r = {.world = world, .raptor = raptor, .path = path, .fn = fn,
              .data = data};
  json_error_t err;
  json_t *top = json_loadf(f, JSON_REJECT_DUPLICATES, &err);
  int rc;

  if (!top)
    return kgb_report(world, KGB_EPARSE, "%s:%d:%d: %s", path, err.line,
                      err.column, err.text);
  kgb_buf_init(&r.iri);
  rc = read_top(&r, top);
  kgb_buf_release(&r.iri);
  json_decref(top);
  return rc;
}
