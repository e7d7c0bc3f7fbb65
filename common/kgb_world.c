/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_world.c - the root context: settings, data tables, ontology. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "config.h"
#include "kgb_alloc.h"
#include "kgb_buf.h"
#include "kgb_world_internal.h"
#include "../extractor/kgb_lexicon.h"
#include "../extractor/kgb_limits.h"
#include "../extractor/kgb_models.h"
#include "../ontology/kgb_ontology.h"
#include "../output/kgb_iri.h"

#define KGB_DEFAULT_BASE "https://w3id.org/kgbuild/resource/"

kgb_world *kgb_world_new(void)
{
  kgb_world *world = kgb_calloc(1, sizeof *world);

  if (!world)
    return NULL;
  world->base = kgb_strdup(KGB_DEFAULT_BASE);
  world->max_input = KGB_DEFAULT_MAX_INPUT;
  if (!world->base) {
    kgb_free(world);
    return NULL;
  }
  return world;
}

void kgb_world_free(kgb_world *world)
{
  if (!world)
    return;
  for (size_t i = 0; i < 2; i++) {
    kgb_lexicon_free(world->lexicon[i]);
    kgb_models_free(world->models[i]);
  }
  kgb_ontology_free(world->ontology);
  kgb_free(world->data_dir);
  kgb_free(world->model_dir);
  kgb_free(world->ontology_path);
  kgb_free(world->base);
  kgb_free(world);
}

void kgb_world_set_message_handler(kgb_world *world, kgb_message_fn fn,
                                   void *user_data)
{
  world->message_fn = fn;
  world->message_data = user_data;
}

static int replace_string(char **slot, const char *value)
{
  char *copy = value ? kgb_strdup(value) : NULL;

  if (value && !copy)
    return KGB_ENOMEM;
  kgb_free(*slot);
  *slot = copy;
  return KGB_OK;
}

int kgb_world_set_data_dir(kgb_world *world, const char *dir)
{
  return replace_string(&world->data_dir, dir);
}

int kgb_world_set_model_dir(kgb_world *world, const char *dir)
{
  return replace_string(&world->model_dir, dir);
}

void kgb_world_set_models_enabled(kgb_world *world, int enabled)
{
  world->no_models = !enabled;
}

int kgb_world_set_min_confidence(kgb_world *world, double min)
{
  if (!(min >= 0 && min <= 1))
    return kgb_report(world, KGB_EINVAL, "a minimum confidence is a number "
                      "from 0 to 1, not %g", min);
  world->min_confidence = min;
  return KGB_OK;
}

int kgb_world_set_ontology_path(kgb_world *world, const char *path)
{
  return replace_string(&world->ontology_path, path);
}

/* Does S open with a scheme and ':' (RFC 3986: a letter, then letters,
 * digits, '+', '-' or '.')? */
static int has_scheme(const char *s)
{
  size_t i = 0;

  if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')))
    return 0;
  while ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
         (s[i] >= '0' && s[i] <= '9') || (s[i] && strchr("+-.", s[i])))
    i++;
  return s[i] == ':';
}

/* What is wrong with BAD, the first byte of BASE an IRI may not hold,
 * into WHY. */
static void describe_bad_byte(const char *base, const char *bad, char *why,
                              size_t size)
{
  unsigned char c = (unsigned char)*bad;
  size_t at = (size_t)(bad - base);

  if (c == ' ')
    snprintf(why, size, "a space at offset %zu", at);
  else if (c < 0x20 || c == 0x7F)
    snprintf(why, size, "the control character 0x%02X at offset %zu", c, at);
  else if (c == '%')
    snprintf(why, size, "'%%' not followed by two hex digits at offset %zu",
             at);
  else if (c >= 0x80)
    snprintf(why, size, "byte 0x%02X at offset %zu is not UTF-8, or a "
             "character IRIs do not allow", c, at);
  else
    snprintf(why, size, "'%c' at offset %zu is not allowed in an IRI", c, at);
}

/* BASE as it can be shown in one line of a message: control bytes and
 * bytes beyond ASCII as \xHH. */
static void printable(const char *base, char *out, size_t size)
{
  size_t k = 0;

  for (; *base && k + 5 < size; base++) {
    unsigned char c = (unsigned char)*base;
    if (c < 0x20 || c >= 0x7F)
      k += (size_t)snprintf(out + k, size - k, "\\x%02X", c);
    else
      out[k++] = (char)c;
  }
  out[k] = '\0';
}

/* The base is pasted before every IRI the graph mints: anything an IRI
 * may not hold would make each of them, and the output, invalid. */
int kgb_world_set_base(kgb_world *world, const char *base_iri)
{
  static const char expected[] = "expected an absolute IRI ending in '/' "
                                 "or '#', such as https://example.org/kg/";
  size_t n = base_iri ? strlen(base_iri) : 0;
  const char *bad = base_iri ? kgb_iri_first_bad(base_iri) : NULL;
  char why[128], shown[256];

  if (bad)
    describe_bad_byte(base_iri, bad, why, sizeof why);
  else if (n == 0)
    snprintf(why, sizeof why, "it is empty");
  else if (!has_scheme(base_iri))
    snprintf(why, sizeof why, "no scheme (such as https:) opens it");
  else if (base_iri[n - 1] != '/' && base_iri[n - 1] != '#')
    snprintf(why, sizeof why, "it does not end in '/' or '#'");
  else
    return replace_string(&world->base, base_iri);
  printable(base_iri ? base_iri : "", shown, sizeof shown);
  return kgb_report(world, KGB_EINVAL, "base IRI '%s' refused: "
                    "%s; %s", shown, why, expected);
}

int kgb_world_set_max_input(kgb_world *world, size_t bytes)
{
  if (bytes == 0)
    return kgb_report(world, KGB_EINVAL, "the largest input must be at "
                      "least one byte");
  world->max_input = bytes;
  return KGB_OK;
}

const char *kgb_world_as_data_dir(const kgb_world *world)
{
  return world->data_dir;
}

const char *kgb_world_as_base(const kgb_world *world) { return world->base; }

static int is_file(const char *path)
{
  struct stat st;

  return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int holds_tables(const char *dir)
{
  kgb_buf path;
  int found;

  kgb_buf_init(&path);
  found = kgb_buf_printf(&path, "%s/places.tsv", dir) == KGB_OK &&
          is_file(path.data);
  kgb_buf_release(&path);
  return found;
}

/* The tables come from, in order: the caller, $KGBUILD_DATA_DIR, the
 * installed $(pkgdatadir), then the source tree this binary was built
 * from, so ./kgbuild works in a build tree before `make install`. */
static int find_data_dir(kgb_world *world)
{
  const char *env = getenv("KGBUILD_DATA_DIR");

  if (world->data_dir) {
    if (!holds_tables(world->data_dir))
      return kgb_report(world, KGB_ENOTFOUND,
                        "%s: no data tables there (expected places.tsv)",
                        world->data_dir);
    return KGB_OK;
  }
  if (env && *env) {
    if (!holds_tables(env))
      return kgb_report(world, KGB_ENOTFOUND,
                        "KGBUILD_DATA_DIR=%s: no data tables there "
                        "(expected places.tsv)", env);
    return replace_string(&world->data_dir, env);
  }
  if (holds_tables(KGB_PKGDATADIR))
    return replace_string(&world->data_dir, KGB_PKGDATADIR);
  if (holds_tables(KGB_SRCDATADIR))
    return replace_string(&world->data_dir, KGB_SRCDATADIR);
  return kgb_report(world, KGB_ENOTFOUND,
                    "no data tables found in %s or %s; set KGBUILD_DATA_DIR",
                    KGB_PKGDATADIR, KGB_SRCDATADIR);
}

/* The ontology sits beside the tables once installed, and in ontology/
 * of the source tree before. */
static int find_ontology(kgb_world *world)
{
  const char *env = getenv("KGBUILD_ONTOLOGY");
  kgb_buf path;
  int rc;

  if (world->ontology_path)
    return KGB_OK;
  if (env && *env)
    return replace_string(&world->ontology_path, env);
  kgb_buf_init(&path);
  rc = kgb_buf_printf(&path, "%s/kgbuild.ttl", world->data_dir);
  if (rc == KGB_OK && !is_file(path.data) && is_file(KGB_SRCONTOLOGY)) {
    kgb_buf_clear(&path);
    rc = kgb_buf_puts(&path, KGB_SRCONTOLOGY);
  }
  if (rc == KGB_OK)
    rc = replace_string(&world->ontology_path, path.data);
  kgb_buf_release(&path);
  return rc;
}

/* Rules alone: asked by the caller, or by $KGBUILD_NO_MODELS (the test
 * suite checks the rules so). */
static int models_disabled(const kgb_world *world)
{
  const char *env = getenv("KGBUILD_NO_MODELS");

  return world->no_models || (env && *env && strcmp(env, "0") != 0);
}

int kgb_world_open(kgb_world *world)
{
  int rc;

  if (world->opened)
    return KGB_OK;
  if ((rc = find_data_dir(world)) || (rc = find_ontology(world)))
    return rc;
  for (int lang = 0; lang < 2; lang++) {
    rc = kgb_lexicon_load(world, (kgb_lang)lang, world->data_dir,
                          &world->lexicon[lang]);
    if (rc == KGB_OK && !models_disabled(world))
      rc = kgb_models_load(world, (kgb_lang)lang, world->data_dir,
                           world->model_dir, &world->models[lang]);
    if (rc)
      return rc;
  }
  rc = kgb_ontology_load(world, world->ontology_path, &world->ontology);
  if (rc)
    return rc;
  world->opened = 1;
  return KGB_OK;
}
