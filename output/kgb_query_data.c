/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_query_data.c - the data of a query, read into memory: graph files
 * in any syntax kgbuild writes, and stores.  A file that does not parse
 * fails the query: an answer over part of the data would look whole. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <redland.h>

#include "kgb_query_internal.h"
#include "kgb_redact.h"
#include "kgb_store.h"
#include "kgb_alloc.h"

/* Syntaxes by file name ending; a parser that may fetch (GRDDL, RDFa)
 * is never chosen. */
static const struct {
  const char *ending;
  const char *parser;
} syntaxes[] = {
  {".ttl", "turtle"}, {".turtle", "turtle"}, {".nt", "ntriples"},
  {".nq", "nquads"}, {".trig", "trig"},      {".rdf", "rdfxml"},
  {".owl", "rdfxml"}, {".xml", "rdfxml"},    {".json", "json"},
};

static int ends_with(const char *s, const char *end)
{
  size_t n = strlen(s), m = strlen(end);

  return n >= m && strcasecmp(s + n - m, end) == 0;
}

static const char *parser_by_name(const char *path)
{
  for (size_t i = 0; i < sizeof syntaxes / sizeof *syntaxes; i++)
    if (ends_with(path, syntaxes[i].ending))
      return syntaxes[i].parser;
  return NULL;
}

/* raptor's guess from the first bytes, if it is one of the syntaxes. */
static const char *parser_by_content(raptor_world *raptor, FILE *f)
{
  unsigned char head[1024];
  size_t n = fread(head, 1, sizeof head, f);
  const char *guess;

  rewind(f);
  if (n == 0)
    return "ntriples";   /* an empty graph */
  guess = raptor_world_guess_parser_name(raptor, NULL, NULL, head, n, NULL);
  for (size_t i = 0; guess && i < sizeof syntaxes / sizeof *syntaxes; i++)
    if (strcmp(guess, syntaxes[i].parser) == 0)
      return guess;
  return NULL;
}

void kgb_query_log_handler(void *data, raptor_log_message *msg)
{
  kgb_query_log *log = data;
  raptor_locator *at = msg->locator;
  char *text;

  if (msg->level < RAPTOR_LOG_LEVEL_ERROR)
    return;
  log->failed = 1;
  /* A storage's message may quote a password. */
  text = kgb_redact(msg->text ? msg->text : "error");
  if (at && at->line > 0 && at->column > 0)
    kgb_report(log->world, KGB_EPARSE, "%s:%d:%d: %s", log->what, at->line,
               at->column, text ? text : "(out of memory)");
  else if (at && at->line > 0)
    kgb_report(log->world, KGB_EPARSE, "%s:%d: %s", log->what, at->line,
               text ? text : "(out of memory)");
  else
    kgb_report(log->world, KGB_EPARSE, "%s: %s", log->what,
               text ? text : "(out of memory)");
  kgb_free(text);
}

typedef struct {
  kgb_tripleset *ts;
  int source;
  int rc;
} reading;

static void on_statement(void *data, raptor_statement *st)
{
  reading *r = data;

  if (r->rc == KGB_OK)
    r->rc = kgb_tripleset_add(r->ts, st, r->source);
}

static raptor_parser *new_parser(raptor_world *raptor, const char *name,
                                 reading *r)
{
  raptor_parser *p = raptor_new_parser(raptor, name);

  if (!p)
    return NULL;
  raptor_parser_set_option(p, RAPTOR_OPTION_NO_NET, NULL, 1);
  raptor_parser_set_option(p, RAPTOR_OPTION_NO_FILE, NULL, 1);
  raptor_parser_set_option(p, RAPTOR_OPTION_LOAD_EXTERNAL_ENTITIES, NULL, 0);
  raptor_parser_set_statement_handler(p, r, on_statement);
  return p;
}

static int parse_stream(kgb_query_log *log, raptor_world *raptor, FILE *f,
                        const char *path, const char *name, reading *r)
{
  unsigned char *file_uri = raptor_uri_filename_to_uri_string(path);
  raptor_uri *base = file_uri ? raptor_new_uri(raptor, file_uri) : NULL;
  raptor_parser *p = base ? new_parser(raptor, name, r) : NULL;
  int failed;

  if (!p) {
    if (base)
      raptor_free_uri(base);
    raptor_free_memory(file_uri);
    return kgb_report(log->world, KGB_ENOMEM, "%s: cannot start the %s "
                      "parser", path, name);
  }
  log->failed = 0;
  failed = raptor_parser_parse_file_stream(p, f, path, base) != 0;
  raptor_free_parser(p);
  raptor_free_uri(base);
  raptor_free_memory(file_uri);
  if (r->rc)
    return kgb_report(log->world, r->rc, "%s: out of memory holding its "
                      "triples", path);
  if (failed || log->failed || ferror(f))
    return log->failed ? KGB_EPARSE
                       : kgb_report(log->world, KGB_EPARSE, "%s: cannot read "
                                    "it as %s", path, name);
  return KGB_OK;
}

int kgb_query_read_file(kgb_query_log *log, raptor_world *raptor,
                        kgb_tripleset *ts, const char *path, int source)
{
  FILE *f = fopen(path, "rb");
  const char *name;
  reading r = {ts, source, KGB_OK};
  int rc;

  if (!f)
    return kgb_report(log->world, KGB_EIO, "%s: %s", path, strerror(errno));
  if (ends_with(path, ".jsonld")) {
    rc = kgb_jsonld_read(log->world, raptor, f, path, on_statement, &r);
    fclose(f);
    if (rc == KGB_OK && r.rc)
      rc = kgb_report(log->world, r.rc, "%s: out of memory holding its "
                      "triples", path);
    return rc;
  }
  name = parser_by_name(path);
  if (!name)
    name = parser_by_content(raptor, f);
  if (!name) {
    fclose(f);
    return kgb_report(log->world, KGB_EINVAL, "%s: cannot tell its syntax; "
                      "name it .ttl, .nt, .nq, .trig, .rdf, .json or "
                      ".jsonld", path);
  }
  log->what = path;
  rc = parse_stream(log, raptor, f, path, name, &r);
  log->what = "query";
  fclose(f);
  return rc;
}

typedef struct {
  kgb_world *world;
  kgb_tripleset *ts;
  const char *shown;
  int source;
} store_reading;

static int add_stored(void *data, const raptor_statement *st)
{
  store_reading *r = data;

  if (kgb_tripleset_add(r->ts, st, r->source))
    return kgb_report(r->world, KGB_ENOMEM, "%s: out of memory holding its "
                      "triples", r->shown);
  return KGB_OK;
}

int kgb_query_read_store(kgb_world *world, kgb_tripleset *ts,
                         const char *uri, int source)
{
  librdf_world *rdf = librdf_new_world();
  kgb_store stored = {0};
  int rc = rdf ? KGB_OK : KGB_ENOMEM;

  if (rc == KGB_OK) {
    librdf_world_open(rdf);
    rc = kgb_store_open(world, rdf, uri, 0, &stored);
  }
  if (rc == KGB_OK) {
    store_reading r = {world, ts, stored.shown, source};
    rc = kgb_store_each(world, rdf, &stored, add_stored, &r);
  }
  kgb_store_close(&stored);
  if (rdf)
    librdf_free_world(rdf);
  return rc;
}
