/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_query.c - SPARQL 1.1 through rasqal over stores and graph files,
 * read into memory first (kgb_query_data.c) and matched by kgbuild's own
 * triples source (kgb_query_source.c); results in the W3C formats or as
 * a table (kgb_query_results.c). */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "kgb_alloc.h"
#include "kgb_query_internal.h"

static const char *const result_formats[] = {"table", "csv", "tsv", "json",
                                            "xml"};

int kgb_query_check_format(kgb_world *world, const char *format)
{
  if (kgb_result_format_is_known(format))
    return KGB_OK;
  return kgb_report(world, KGB_EINVAL, "unknown result format '%s' "
                    "(expected table, csv, tsv, json or xml)", format);
}

int kgb_result_format_is_known(const char *name)
{
  for (size_t i = 0; name && i < sizeof result_formats / sizeof *result_formats;
       i++)
    if (strcmp(name, result_formats[i]) == 0)
      return 1;
  return 0;
}

/* The worlds a query runs in, and its data. */
typedef struct {
  raptor_world *raptor;   /* owned */
  rasqal_world *rq;       /* owned */
  kgb_tripleset *ts;      /* owned */
  kgb_query_log log;
} engine;

static void engine_close(engine *e)
{
  kgb_tripleset_free(e->ts);
  if (e->rq)
    rasqal_free_world(e->rq);
  if (e->raptor)
    raptor_free_world(e->raptor);
}

/* One raptor world for the data, the query and the output, so that
 * their URIs and terms mix; its messages go to the log. */
static int engine_open(kgb_world *world, engine *e)
{
  memset(e, 0, sizeof *e);
  e->log.world = world;
  e->log.what = "query";
  e->raptor = raptor_new_world();
  if (!e->raptor)
    return KGB_ENOMEM;
  raptor_world_set_log_handler(e->raptor, &e->log, kgb_query_log_handler);
  e->rq = raptor_world_open(e->raptor) ? NULL : rasqal_new_world();
  if (!e->rq)
    return KGB_ENOMEM;
  rasqal_world_set_raptor(e->rq, e->raptor);
  rasqal_world_set_log_handler(e->rq, &e->log, kgb_query_log_handler);
  if (rasqal_world_open(e->rq) || !(e->ts = kgb_tripleset_new(e->rq)))
    return KGB_ENOMEM;
  return kgb_query_source_set(e->rq, e->ts);
}

static int read_data(engine *e, const char *store, const char *const *data)
{
  int source = 0, rc = KGB_OK;

  if (store)
    rc = kgb_query_read_store(e->log.world, e->ts, store, source++);
  for (size_t i = 0; rc == KGB_OK && data && data[i]; i++)
    rc = kgb_query_read_file(&e->log, e->raptor, e->ts, data[i], source++);
  return rc;
}

/* Q prepared from TEXT, or NULL after a message. */
static rasqal_query *prepare(engine *e, const char *text)
{
  rasqal_query *q = rasqal_new_query(e->rq, "sparql11-query", NULL);

  if (!q) {
    kgb_report(e->log.world, KGB_ENOMEM, "query: cannot start rasqal");
    return NULL;
  }
  rasqal_query_set_feature(q, RASQAL_FEATURE_NO_NET, 1);
  e->log.failed = 0;
  if (!rasqal_query_prepare(q, (const unsigned char *)text, NULL) &&
      !e->log.failed)
    return q;
  if (!e->log.failed)
    kgb_report(e->log.world, KGB_EPARSE, "query: not valid SPARQL");
  rasqal_free_query(q);
  return NULL;
}

/* The results the SPARQL XML results TEXT give, or else R. */
static rasqal_query_results *with_row(rasqal_world *rq,
                                      rasqal_query_results *r,
                                      const char *text)
{
  /* rasqal's reader insists on a base, which nothing here refers to. */
  raptor_uri *base = raptor_new_uri(rasqal_world_get_raptor(rq),
                                    (const unsigned char *)"urn:kgbuild:");
  rasqal_query_results *one =
      base ? rasqal_new_query_results_from_string(
                 rq, RASQAL_QUERY_RESULTS_BINDINGS, base, text, strlen(text))
           : NULL;

  if (base)
    raptor_free_uri(base);
  if (!one)
    return r;
  if (r)
    rasqal_free_query_results(r);
  return one;
}

rasqal_query_results *kgb_query_execute_text(rasqal_world *rq,
                                             const char *text,
                                             rasqal_query **q)
{
  *q = rasqal_new_query(rq, "sparql11-query", NULL);
  if (!*q || rasqal_query_prepare(*q, (const unsigned char *)text, NULL))
    return NULL;
  return rasqal_query_execute(*q);
}

/* Does the WHERE group of the SELECT query TEXT match?  1, 0, or -1
 * when that cannot be told. */
static int matches(engine *e, const char *text)
{
  char *ask = kgb_query_as_ask(text);
  rasqal_query *q = NULL;
  rasqal_query_results *r = ask ? kgb_query_execute_text(e->rq, ask, &q)
                                : NULL;
  int answer = r ? rasqal_query_results_get_boolean(r) > 0 : -1;

  if (r)
    rasqal_free_query_results(r);
  if (q)
    rasqal_free_query(q);
  kgb_free(ask);
  return answer;
}

static int execute(engine *e, rasqal_query *q, const char *text,
                   const char *format, FILE *out)
{
  rasqal_query_results *r;
  char *empty;
  int rc;

  if (rasqal_query_get_verb(q) == RASQAL_QUERY_VERB_DESCRIBE)
    return kgb_query_describe(e->log.world, e->rq, e->ts, q, text, out);
  empty = kgb_query_empty_answer(q, text);
  if (empty && matches(e, text) != 0) {
    kgb_free(empty);
    empty = NULL;
  }
  e->log.failed = 0;
  r = empty ? with_row(e->rq, NULL, empty) : rasqal_query_execute(q);
  if (!r || e->log.failed) {
    kgb_free(empty);
    if (r)
      rasqal_free_query_results(r);
    return e->log.failed ? KGB_EPARSE
                         : kgb_report(e->log.world, KGB_ERDF, "query: the "
                                      "engine failed");
  }
  kgb_free(empty);
  rc = kgb_query_write(e->log.world, e->rq, q, r, format, out);
  rasqal_free_query_results(r);
  return rc;
}

int kgb_query_run(kgb_world *world, const char *store,
                  const char *const *data, const char *text,
                  const char *format, FILE *out)
{
  engine e;
  rasqal_query *q = NULL;
  char *mended;
  int rc;

  rc = kgb_query_check_format(world, format);
  if (rc == KGB_OK)
    rc = kgb_query_check_text(world, text);
  if (rc != KGB_OK)
    return rc;
  if (!(mended = kgb_query_mend_text(text)))
    return kgb_report(world, KGB_ENOMEM, "query: out of memory");
  text = mended;
  rc = engine_open(world, &e);
  if (rc == KGB_ENOMEM)
    kgb_report(world, rc, "query: out of memory starting raptor and rasqal");
  if (rc == KGB_OK)
    rc = read_data(&e, store, data);
  if (rc == KGB_OK && !(q = prepare(&e, text)))
    rc = KGB_EPARSE;
  if (rc == KGB_OK)
    rc = kgb_query_check(world, q);
  errno = 0;
  if (rc == KGB_OK && (rc = execute(&e, q, text, format, out)) == KGB_OK &&
      (fflush(out) || ferror(out)))
    rc = kgb_report(world, KGB_EIO, "cannot write the results: %s",
                    errno ? strerror(errno) : "write error");
  if (q)
    rasqal_free_query(q);
  engine_close(&e);
  kgb_free(mended);
  return rc;
}
