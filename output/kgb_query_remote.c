/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_query_remote.c - `kgbuild query --endpoint URL`: the query goes to
 * a SPARQL 1.1 Protocol server as it is (POST, form-encoded), and its
 * answer is written in the formats of the embedded engine, so a script
 * reads both alike.  SELECT and ASK ask for SPARQL XML results, read by
 * rasqal; CONSTRUCT and DESCRIBE for Turtle, read by raptor. */
#include <stdlib.h>
#include <string.h>

#include "kgb_alloc.h"
#include "kgb_buf.h"
#include "kgb_http.h"
#include "kgb_query_internal.h"
#include "kgb_redact.h"

enum {
  DEFAULT_TIMEOUT = 300   /* seconds */
};

/* The largest answer kept: it is held in memory to be written again. */
#define REPLY_MAX ((size_t)1 << 30)

/* "query=...&default-graph-uri=..." (owned), or NULL. */
static char *form_body(CURL *curl, const char *query, const char *graph)
{
  char *q = curl_easy_escape(curl, query, 0);
  char *g = graph ? curl_easy_escape(curl, graph, 0) : NULL;
  kgb_buf b;
  char *out = NULL;

  kgb_buf_init(&b);
  if (q && (!graph || g) &&
      kgb_buf_printf(&b, "query=%s%s%s", q, g ? "&default-graph-uri=" : "",
                     g ? g : "") == KGB_OK)
    out = kgb_buf_to_string(&b);
  kgb_buf_release(&b);
  curl_free(q);
  curl_free(g);
  return out;
}

/* Send the query; its answer into REPLY. */
static int ask_server(kgb_world *world, const kgb_endpoint_options *o,
                      const char *query, const char *accept,
                      const char *shown, kgb_buf *reply)
{
  CURL *curl = curl_easy_init();
  char *body = curl ? form_body(curl, query, o->graph) : NULL;
  kgb_http_request r = {0};
  kgb_buf header;
  int rc = KGB_OK;

  kgb_buf_init(&header);
  if (!body || kgb_buf_printf(&header, "Accept: %s", accept) ||
      !(r.headers = curl_slist_append(NULL, header.data)) ||
      !curl_slist_append(r.headers, "Content-Type: application/"
                                    "x-www-form-urlencoded"))
    rc = kgb_report(world, KGB_ENOMEM, "out of memory");
  if (rc == KGB_OK) {
    r.url = o->endpoint;
    r.shown = shown;
    r.user = o->user;
    r.password = o->password;
    r.timeout = o->timeout > 0 ? o->timeout : DEFAULT_TIMEOUT;
    r.method = "POST";
    r.fields = body;
    r.reply_max = REPLY_MAX;
    r.too_long = "ask for less (LIMIT) or page with OFFSET";
    rc = kgb_http_send(world, &r, reply);
  }
  curl_slist_free_all(r.headers);
  kgb_buf_release(&header);
  kgb_free(body);
  if (curl)
    curl_easy_cleanup(curl);
  return rc;
}

/* SPARQL XML results in REPLY, written in FORMAT. */
static int write_results(kgb_world *world, rasqal_world *rq, int boolean,
                         const kgb_buf *reply, const char *shown,
                         const char *format, FILE *out)
{
  raptor_uri *base = raptor_new_uri(rasqal_world_get_raptor(rq),
                                    (const unsigned char *)"urn:kgbuild:");
  rasqal_query_results *r =
      base ? rasqal_new_query_results_from_string(
                 rq, boolean ? RASQAL_QUERY_RESULTS_BOOLEAN
                             : RASQAL_QUERY_RESULTS_BINDINGS,
                 base, reply->data ? reply->data : "", reply->len)
           : NULL;
  int rc = r ? kgb_query_write(world, rq, NULL, r, format, out)
             : kgb_report(world, KGB_EPARSE, "%s: the server's answer is "
                          "not SPARQL XML results", shown);

  if (r)
    rasqal_free_query_results(r);
  if (base)
    raptor_free_uri(base);
  return rc;
}

/* KGB_OK when the query can be sent as O says, with FORM its form. */
static int check_request(kgb_world *world, const kgb_endpoint_options *o,
                         const char *form, const char *format,
                         const char *shown)
{
  int rc = kgb_query_check_format(world, format);

  if (rc == KGB_OK)
    rc = kgb_http_check(world, o->endpoint, shown, o->timeout);
  if (rc == KGB_OK && !form)
    rc = kgb_report(world, KGB_EPARSE, "query: no SELECT, ASK, CONSTRUCT or "
                    "DESCRIBE in it");
  return rc;
}

int kgb_query_remote(kgb_world *world, const kgb_endpoint_options *o,
                     const char *query, const char *format, FILE *out)
{
  const char *form = kgb_query_form(query);
  int graph = form && (!strcmp(form, "CONSTRUCT") ||
                       !strcmp(form, "DESCRIBE"));
  char *shown = kgb_redact(o->endpoint ? o->endpoint : "");
  rasqal_world *rq = NULL;
  kgb_buf reply;
  int rc;

  if (!shown)
    return kgb_report(world, KGB_ENOMEM, "out of memory");
  kgb_buf_init(&reply);
  rc = check_request(world, o, form, format, shown);
  if (rc == KGB_OK)
    rc = ask_server(world, o, query,
                    graph ? "text/turtle, application/n-triples;q=0.9"
                          : "application/sparql-results+xml",
                    shown, &reply);
  if (rc == KGB_OK && (!(rq = rasqal_new_world()) || rasqal_world_open(rq)))
    rc = kgb_report(world, KGB_ENOMEM, "query: cannot start rasqal");
  if (rc == KGB_OK && graph)
    rc = kgb_query_write_turtle_text(world, rq, reply.data ? reply.data : "",
                                     reply.len, shown, out);
  else if (rc == KGB_OK)
    rc = write_results(world, rq, !strcmp(form, "ASK"), &reply, shown,
                       format, out);
  if (rq)
    rasqal_free_world(rq);
  kgb_buf_release(&reply);
  free(shown);
  return rc;
}
