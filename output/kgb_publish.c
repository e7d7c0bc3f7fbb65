/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_publish.c - upload a graph to a SPARQL 1.1 Graph Store HTTP
 * Protocol endpoint: PUT replaces the graph, POST adds.  The request and
 * its bounds are kgb_http.c's. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kgb_alloc.h"
#include "kgb_buf.h"
#include "kgb_http.h"
#include "kgb_redact.h"
#include "kgb_world_internal.h"

enum {
  DEFAULT_TIMEOUT = 60,   /* seconds */
  REPLY_MAX = 1 << 20     /* a longer answer is no Graph Store's */
};

/* The target URL: ENDPOINT?graph=IRI (percent-encoded), or ?default. */
static char *target_url(CURL *curl, const char *endpoint, const char *graph)
{
  const char *sep = strchr(endpoint, '?') ? "&" : "?";
  char *escaped = graph ? curl_easy_escape(curl, graph, 0) : NULL;
  kgb_buf url;
  char *out = NULL;

  kgb_buf_init(&url);
  if ((graph && !escaped) ||
      kgb_buf_printf(&url, "%s%s%s%s", endpoint, sep,
                     graph ? "graph=" : "default", graph ? escaped : "") ==
          KGB_OK)
    out = kgb_buf_to_string(&url);
  kgb_buf_release(&url);
  curl_free(escaped);
  return out;
}

int kgb_publish_check(kgb_world *world, const kgb_publish_options *o)
{
  char *shown = o->endpoint ? kgb_redact(o->endpoint) : NULL;
  int rc;

  if (o->endpoint && !shown)
    return kgb_report(world, KGB_ENOMEM, "out of memory");
  rc = kgb_http_check(world, o->endpoint, shown, o->timeout);
  free(shown);
  return rc;
}

int kgb_publish(kgb_world *world, const kgb_publish_options *o, FILE *body)
{
  CURL *curl = NULL;
  kgb_http_request r = {0};
  kgb_buf reply;
  char *url = NULL, *shown = NULL;
  int rc = kgb_publish_check(world, o);

  if (rc != KGB_OK)
    return rc;
  kgb_buf_init(&reply);
  curl = curl_easy_init();
  url = curl ? target_url(curl, o->endpoint, o->graph) : NULL;
  shown = url ? kgb_redact(url) : NULL;
  r.headers = curl_slist_append(NULL, "Content-Type: application/n-triples");
  if (!shown || !r.headers)
    rc = kgb_report(world, KGB_ENOMEM, "out of memory");
  else if (fflush(body) || fseek(body, 0, SEEK_END) ||
           (r.body_size = ftell(body)) < 0 || fseek(body, 0, SEEK_SET))
    rc = kgb_report(world, KGB_EIO, "cannot read back the graph to upload: "
                    "%s", strerror(errno));
  if (rc == KGB_OK) {
    r.url = url;
    r.shown = shown;
    r.user = o->user;
    r.password = o->password;
    r.timeout = o->timeout > 0 ? o->timeout : DEFAULT_TIMEOUT;
    r.method = o->replace ? "PUT" : "POST";
    r.body = body;
    r.reply_max = REPLY_MAX;
    r.too_long = "not a Graph Store endpoint?";
    rc = kgb_http_send(world, &r, &reply);
  }
  curl_slist_free_all(r.headers);
  kgb_buf_release(&reply);
  kgb_free(url);
  free(shown);
  if (curl)
    curl_easy_cleanup(curl);
  return rc;
}
