/* kgb_store.c - from a store URI to a librdf storage and model. */
#include "kgb_store.h"

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

int kgb_store_open(kgb_world *world, librdf_world *rdf, const char *uri,
                   int write, kgb_store *out)
{
  kgb_buf opts, name;
  int which, rc;

  memset(out, 0, sizeof *out);
  kgb_buf_init(&opts);
  kgb_buf_init(&name);
  rc = store_options(uri, write, &which, &opts, &name);
  if (rc == KGB_EINVAL)
    kgb_report(world, rc, "%s: not a store (expected sqlite:FILE, "
               "postgresql:host=H,database=D,user=U,password=P, "
               "virtuoso:dsn=D,user=U,password=P or memory:)", uri);
  else if (rc == KGB_ENOTFOUND)
    kgb_report(world, rc, "%s: no such store; create it with 'kgbuild load "
               "--store %s FILE...'", uri, uri);
  if (rc == KGB_OK) {
    out->storage = librdf_new_storage(rdf, schemes[which].module, name.data,
                                      opts.data);
    out->model = out->storage ? librdf_new_model(rdf, out->storage, NULL)
                              : NULL;
    if (!out->model)
      rc = kgb_report(world, KGB_ERDF, "%s: cannot open the store (is the "
                      "Debian package librdf-storage-%s installed, and the "
                      "server reachable?)", uri, schemes[which].scheme);
    out->transactions = strcmp(schemes[which].scheme, "sqlite") == 0;
  }
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
  memset(s, 0, sizeof *s);
}
