/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_store.c - from a store URI to a librdf storage and model. */
#include "kgb_store.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kgb_alloc.h"
#include "kgb_buf.h"
#include "kgb_world_internal.h"

/* The librdf storage modules a URI scheme names, and what the part after
 * the colon is. */
static const struct {
  const char *scheme;
  const char *module;     /* librdf storage name */
  int keyed;              /* KEY=VALUE,... options; else a file name */
} schemes[] = {
  {"sqlite", "sqlite", 0},
  {"postgresql", "postgresql", 1},
  {"virtuoso", "virtuoso", 1},
  {"memory", "hashes", 0},
};

/* "host=h,database=d" -> librdf's "host='h',database='d'"; the value of
 * database (or dsn) is also the storage's name. */
static int keyed_options(const char *spec, kgb_buf *opts, kgb_buf *name)
{
  int rc = KGB_OK;

  while (*spec && rc == KGB_OK) {
    size_t len = strcspn(spec, ",");
    const char *eq = memchr(spec, '=', len);
    if (!eq || eq == spec || memchr(spec, '\'', len))
      return KGB_EINVAL;
    rc = kgb_buf_printf(opts, "%s%.*s='%.*s'", opts->len ? "," : "",
                        (int)(eq - spec), spec, (int)(len - (size_t)(eq - spec) - 1),
                        eq + 1);
    if (rc == KGB_OK && name->len == 0 &&
        ((eq - spec == 8 && strncmp(spec, "database", 8) == 0) ||
         (eq - spec == 3 && strncmp(spec, "dsn", 3) == 0)))
      rc = kgb_buf_append(name, eq + 1, len - (size_t)(eq - spec) - 1);
    spec += len + (spec[len] == ',');
  }
  return rc;
}

static int store_options(const char *uri, int write, int *which,
                         kgb_buf *opts, kgb_buf *name)
{
  const char *colon = strchr(uri, ':'), *rest;
  size_t n = sizeof schemes / sizeof *schemes;

  for (*which = 0; colon && *which < (int)n; (*which)++)
    if (strlen(schemes[*which].scheme) == (size_t)(colon - uri) &&
        strncmp(uri, schemes[*which].scheme, (size_t)(colon - uri)) == 0)
      break;
  if (!colon || *which == (int)n)
    return KGB_EINVAL;
  rest = colon + 1;
  if (schemes[*which].keyed)
    return keyed_options(rest, opts, name);
  if (strcmp(schemes[*which].module, "hashes") == 0)
    return kgb_buf_puts(opts, "hash-type='memory'") ||
           kgb_buf_puts(name, "kgbuild");
  if (!*rest)
    return KGB_EINVAL;
  if (kgb_buf_puts(name, rest))
    return KGB_ENOMEM;
  if (access(rest, F_OK) == 0)
    return kgb_buf_puts(opts, "synchronous='normal'");
  if (!write)
    return KGB_ENOTFOUND;
  return kgb_buf_puts(opts, "new='yes',synchronous='normal'");
}

/* How long a writer waits for another: $KGBUILD_STORE_WAIT seconds. */
static int wait_ms(void)
{
  const char *env = getenv("KGBUILD_STORE_WAIT");
  char *end;
  double s = env ? strtod(env, &end) : 60;

  if (env && (end == env || *end || !(s >= 0) || s > 86400))
    s = 60;
  return (int)(s * 1000);
}

static int is_module(librdf_world *rdf, const char *module)
{
  const char *name;

  for (unsigned i = 0; !librdf_storage_enumerate(rdf, i, &name, NULL); i++)
    if (strcmp(name, module) == 0)
      return 1;
  return 0;
}

/* An sqlite: store to write: our own connection, no librdf storage. */
static int open_sqlite(kgb_world *world, const char *path, kgb_store *out)
{
  int ms = wait_ms(), rc = kgb_sqlite_open(path, 1, ms, &out->sql);

  if (rc == KGB_OK)
    return KGB_OK;
  if (kgb_sqlite_is_busy(out->sql))
    return kgb_report(world, rc, "%s: cannot open the store: another "
                      "program kept it locked for %g s; try again when it "
                      "is done", out->shown, ms / 1000.0);
  return kgb_report(world, rc, "%s: cannot open the store: %s (is it an "
                    "SQLite file 'kgbuild load' made, and writable?)",
                    out->shown, kgb_sqlite_error(out->sql));
}

static int open_librdf(kgb_world *world, librdf_world *rdf, int which,
                       const kgb_buf *opts, const kgb_buf *name,
                       kgb_store *out)
{
  out->storage = librdf_new_storage(rdf, schemes[which].module, name->data,
                                    opts->data);
  out->model = out->storage ? librdf_new_model(rdf, out->storage, NULL)
                            : NULL;
  if (out->model)
    return KGB_OK;
  /* Only a missing module is a matter of installing something. */
  if (!is_module(rdf, schemes[which].module))
    return kgb_report(world, KGB_ERDF, "%s: cannot open the store: the "
                      "RDF library has no %s storage (install the Debian "
                      "package librdf-storage-%s)", out->shown,
                      schemes[which].scheme, schemes[which].scheme);
  return kgb_report(world, KGB_ERDF, "%s: cannot open the store (%s)",
                    out->shown,
                    schemes[which].keyed
                        ? "is the server reachable, and are the database, "
                          "user and password right?"
                        : "is it a store 'kgbuild load' made, and readable?");
}

int kgb_store_open(kgb_world *world, librdf_world *rdf, const char *uri,
                   int write, kgb_store *out)
{
  kgb_buf opts, name;
  int which, rc;

  memset(out, 0, sizeof *out);
  if (!(out->shown = kgb_redact(uri)))
    return kgb_report(world, KGB_ENOMEM, "out of memory");
  kgb_buf_init(&opts);
  kgb_buf_init(&name);
  rc = store_options(uri, write, &which, &opts, &name);
  if (rc == KGB_EINVAL)
    kgb_report(world, rc, "%s: not a store (expected sqlite:FILE, "
               "postgresql:host=H,database=D,user=U,password=P, "
               "virtuoso:dsn=D,user=U,password=P or memory:)", out->shown);
  else if (rc == KGB_ENOTFOUND)
    kgb_report(world, rc, "%s: no such store; create it with 'kgbuild load "
               "--store %s FILE...'", out->shown, out->shown);
  else if (rc)
    kgb_report(world, rc, "out of memory");
  if (rc == KGB_OK && write && strcmp(schemes[which].scheme, "sqlite") == 0)
    rc = open_sqlite(world, name.data, out);
  else if (rc == KGB_OK && strcmp(schemes[which].scheme, "sqlite") == 0)
    rc = (out->sqlite_path = kgb_strdup(name.data))
             ? KGB_OK
             : kgb_report(world, KGB_ENOMEM, "out of memory");
  else if (rc == KGB_OK)
    rc = open_librdf(world, rdf, which, &opts, &name, out);
  kgb_buf_release(&opts);
  kgb_buf_release(&name);
  if (rc)
    kgb_store_close(out);
  return rc;
}

void kgb_store_close(kgb_store *s)
{
  if (s->model)
    librdf_free_model(s->model);
  if (s->storage)
    librdf_free_storage(s->storage);
  kgb_sqlite_close(s->sql);
  kgb_free(s->sqlite_path);
  kgb_free(s->shown);
  memset(s, 0, sizeof *s);
}

int kgb_store_is_open(const kgb_store *s)
{
  return s->model || s->sql || s->sqlite_path;
}

static int each_librdf(kgb_world *world, kgb_store *s, kgb_statement_fn fn,
                       void *data)
{
  librdf_stream *all = librdf_model_as_stream(s->model);
  int rc = all ? KGB_OK
               : kgb_report(world, KGB_ERDF, "%s: cannot read the store",
                            s->shown);

  for (; rc == KGB_OK && !librdf_stream_end(all); librdf_stream_next(all)) {
    librdf_statement *st = librdf_stream_get_object(all);
    if (st)
      rc = fn(data, st);
  }
  if (all)
    librdf_free_stream(all);
  return rc;
}

int kgb_store_each(kgb_world *world, librdf_world *rdf, kgb_store *s,
                   kgb_statement_fn fn, void *data)
{
  kgb_buf why;
  int rc;

  if (!s->sqlite_path)
    return each_librdf(world, s, fn, data);
  kgb_buf_init(&why);
  rc = kgb_sqlite_read(s->sqlite_path, wait_ms(), librdf_world_get_raptor(rdf),
                       fn, data, &why);
  if (rc && why.len)   /* else FN's own error, reported */
    rc = kgb_report(world, rc, "%s: cannot read the store: %s", s->shown,
                    why.data);
  kgb_buf_release(&why);
  return rc;
}

int kgb_store_begin(kgb_world *world, kgb_store *s)
{
  if (s->sql) {
    if (kgb_sqlite_begin(s->sql) == KGB_OK)
      return KGB_OK;
    if (kgb_sqlite_is_busy(s->sql))
      return kgb_report(world, KGB_ERDF, "%s: cannot write: another "
                        "program kept the store locked for %g s; run the "
                        "load again when it is done", s->shown,
                        wait_ms() / 1000.0);
    return kgb_report(world, KGB_ERDF, "%s: cannot write: %s", s->shown,
                      kgb_sqlite_error(s->sql));
  }
  /* A storage without transactions (memory:) writes as it goes. */
  s->transactions = librdf_model_transaction_start(s->model) == 0;
  return KGB_OK;
}

int kgb_store_end(kgb_world *world, kgb_store *s, int commit)
{
  int rc = KGB_OK;

  if (s->sql)
    rc = kgb_sqlite_end(s->sql, commit);
  else if (s->transactions)
    rc = (commit ? librdf_model_transaction_commit(s->model)
                 : librdf_model_transaction_rollback(s->model))
             ? KGB_ERDF : KGB_OK;
  s->transactions = 0;
  if (rc && commit)
    return kgb_report(world, rc, "%s: cannot commit the document: %s",
                      s->shown, s->sql ? kgb_sqlite_error(s->sql)
                                       : "the storage refused it");
  return rc;
}

/* librdf: is ST in its context (any context when it has none)? */
static int librdf_has(kgb_store *s, raptor_statement *st)
{
  raptor_term *context = st->graph;
  librdf_stream *found;
  int has;

  if (!context)
    return librdf_model_contains_statement(s->model, st) > 0;
  st->graph = NULL;
  found = librdf_model_find_statements_in_context(s->model, st, context);
  st->graph = context;
  has = found && !librdf_stream_end(found);
  if (found)
    librdf_free_stream(found);
  return has;
}

/* Add (ADD) or remove ST through librdf, counting in *NET only what
 * changed: librdf would add a statement twice. */
static int librdf_change(kgb_store *s, raptor_statement *st, int add,
                         long *net)
{
  raptor_term *context = st->graph;
  int rc;

  if (librdf_has(s, st) == add)
    return KGB_OK;
  st->graph = NULL;
  if (add)
    rc = context ? librdf_model_context_add_statement(s->model, context, st)
                 : librdf_model_add_statement(s->model, st);
  else
    rc = context ? librdf_model_context_remove_statement(s->model, context, st)
                 : librdf_model_remove_statement(s->model, st);
  st->graph = context;
  if (rc)
    return KGB_ERDF;
  *net += add ? 1 : -1;
  return KGB_OK;
}

int kgb_store_add(kgb_store *s, raptor_statement *st, long *net)
{
  return s->sql ? kgb_sqlite_add(s->sql, st, net)
                : librdf_change(s, st, 1, net);
}

int kgb_store_remove(kgb_store *s, raptor_statement *st, long *net)
{
  return s->sql ? kgb_sqlite_remove(s->sql, st, net)
                : librdf_change(s, st, 0, net);
}

int kgb_store_literals(kgb_store *s, librdf_world *rdf, raptor_term *subject,
                       raptor_term *predicate,
                       int (*fn)(void *data, const char *text), void *data)
{
  librdf_statement *pattern;
  librdf_stream *found;
  int rc = KGB_OK;

  if (s->sql)
    return kgb_sqlite_literals(s->sql, subject, predicate, fn, data);
  pattern = librdf_new_statement_from_nodes(
      rdf, librdf_new_node_from_node(subject),
      librdf_new_node_from_node(predicate), NULL);
  found = pattern ? librdf_model_find_statements(s->model, pattern) : NULL;
  if (!found)
    rc = KGB_ERDF;
  for (; rc == KGB_OK && !librdf_stream_end(found);
       librdf_stream_next(found)) {
    librdf_node *o =
        librdf_statement_get_object(librdf_stream_get_object(found));
    if (librdf_node_is_literal(o))
      rc = fn(data, (const char *)librdf_node_get_literal_value(o));
  }
  if (found)
    librdf_free_stream(found);
  if (pattern)
    librdf_free_statement(pattern);
  return rc;
}

int kgb_store_has_literal(kgb_store *s, librdf_world *rdf,
                          raptor_term *predicate, const char *value)
{
  librdf_statement *pattern;
  librdf_stream *found;
  int has;

  if (s->sql)
    return kgb_sqlite_has_literal(s->sql, predicate, value);
  pattern = librdf_new_statement_from_nodes(
      rdf, NULL, librdf_new_node_from_node(predicate),
      librdf_new_node_from_literal(rdf, (const unsigned char *)value, NULL,
                                   0));
  found = pattern ? librdf_model_find_statements(s->model, pattern) : NULL;
  has = found ? !librdf_stream_end(found) : KGB_ERDF;
  if (found)
    librdf_free_stream(found);
  if (pattern)
    librdf_free_statement(pattern);
  return has;
}
