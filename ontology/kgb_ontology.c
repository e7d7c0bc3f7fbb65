/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_ontology.c - load kgbuild.ttl with raptor and check the vocabulary. */
#include "kgb_ontology.h"

#include <raptor2.h>
#include <stdlib.h>
#include <string.h>

#include "kgb_alloc.h"
#include "kgb_vocab.h"
#include "../common/kgb_world_internal.h"

struct kgb_ontology {
  char **declared;   /* owned, sorted IRIs typed in the file */
  size_t count;
  size_t cap;
};

typedef struct {
  kgb_world *world;
  kgb_ontology *onto;
  const char *path;
  int status;
} load_ctx;

static int add_declared(kgb_ontology *onto, const char *iri)
{
  char *copy;

  if (kgb_grow(&onto->declared, &onto->cap, onto->count + 1,
               sizeof *onto->declared))
    return KGB_ENOMEM;
  copy = kgb_strdup(iri);
  if (!copy)
    return KGB_ENOMEM;
  onto->declared[onto->count++] = copy;
  return KGB_OK;
}

static void on_statement(void *data, raptor_statement *st)
{
  load_ctx *ctx = data;
  static const char rdf_type[] =
      "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

  if (ctx->status || st->subject->type != RAPTOR_TERM_TYPE_URI ||
      strcmp((const char *)raptor_uri_as_string(st->predicate->value.uri),
             rdf_type) != 0)
    return;
  ctx->status = add_declared(
      ctx->onto, (const char *)raptor_uri_as_string(st->subject->value.uri));
}

static void on_log(void *data, raptor_log_message *msg)
{
  load_ctx *ctx = data;

  if (msg->level < RAPTOR_LOG_LEVEL_ERROR)
    return;
  ctx->status = kgb_report(ctx->world, KGB_EPARSE, "%s:%d: %s", ctx->path,
                           msg->locator ? msg->locator->line : 0,
                           msg->text ? msg->text : "parse error");
}

static int compare_strings(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int parse_file(load_ctx *ctx)
{
  raptor_world *rw = raptor_new_world();
  raptor_parser *parser = NULL;
  unsigned char *uri_string = NULL;
  raptor_uri *uri = NULL;
  int rc = KGB_ENOMEM;

  if (!rw || raptor_world_open(rw))
    goto done;
  raptor_world_set_log_handler(rw, ctx, on_log);
  parser = raptor_new_parser(rw, "turtle");
  uri_string = raptor_uri_filename_to_uri_string(ctx->path);
  if (!parser || !uri_string)
    goto done;
  uri = raptor_new_uri(rw, uri_string);
  if (!uri)
    goto done;
  raptor_parser_set_statement_handler(parser, ctx, on_statement);
  if (raptor_parser_parse_file(parser, uri, uri) && !ctx->status)
    ctx->status = kgb_report(ctx->world, KGB_EPARSE, "%s: cannot parse",
                             ctx->path);
  rc = ctx->status;
done:
  raptor_free_uri(uri);
  raptor_free_memory(uri_string);
  raptor_free_parser(parser);
  raptor_free_world(rw);
  return rc;
}

static int check_terms(kgb_world *world, const kgb_ontology *onto,
                       const char *path)
{
  char iri[256];

  for (int t = 0; t < KGB_TERM_COUNT; t++) {
    if (kgb_term_ns((kgb_term)t) != KGB_NS_KGO)
      continue;
    kgb_term_iri((kgb_term)t, iri, sizeof iri);
    if (!kgb_ontology_declares(onto, iri))
      return kgb_report(world, KGB_EPARSE,
                        "%s: does not declare kgo:%s, which kgbuild emits",
                        path, kgb_term_local((kgb_term)t));
  }
  return KGB_OK;
}

int kgb_ontology_load(kgb_world *world, const char *path, kgb_ontology **out)
{
  kgb_ontology *onto = kgb_calloc(1, sizeof *onto);
  load_ctx ctx = {world, onto, path, KGB_OK};
  FILE *probe;
  int rc;

  *out = NULL;
  if (!onto)
    return KGB_ENOMEM;
  probe = fopen(path, "r");
  if (!probe) {
    kgb_ontology_free(onto);
    return kgb_report(world, KGB_ENOTFOUND,
                      "%s: cannot open the ontology; set KGBUILD_ONTOLOGY "
                      "or --ontology", path);
  }
  fclose(probe);
  rc = parse_file(&ctx);
  if (rc == KGB_OK) {
    qsort(onto->declared, onto->count, sizeof *onto->declared,
          compare_strings);
    rc = check_terms(world, onto, path);
  }
  if (rc) {
    kgb_ontology_free(onto);
    return rc;
  }
  *out = onto;
  return KGB_OK;
}

void kgb_ontology_free(kgb_ontology *onto)
{
  if (!onto)
    return;
  for (size_t i = 0; i < onto->count; i++)
    kgb_free(onto->declared[i]);
  kgb_free(onto->declared);
  kgb_free(onto);
}

int kgb_ontology_declares(const kgb_ontology *onto, const char *iri)
{
  return bsearch(&iri, onto->declared, onto->count, sizeof *onto->declared,
                 compare_strings) != NULL;
}

size_t kgb_ontology_term_count(const kgb_ontology *onto)
{
  return onto->count;
}
