/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_publish.c - upload a graph to a SPARQL 1.1 Graph Store HTTP
 * Protocol endpoint with libcurl: PUT replaces the graph, POST adds.
 *
 * A server may be slow, silent or hostile: every wait is bounded (the
 * connection, any stretch without progress, the answer after the
 * upload), the answer kept is short, and what is printed of it is made
 * safe for a terminal.  Credentials never appear in a message. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>

#include "kgb_alloc.h"
#include "kgb_buf.h"
#include "kgb_redact.h"
#include "kgb_world_internal.h"

enum {
  DEFAULT_TIMEOUT = 60,   /* seconds */
  LOW_SPEED = 100,        /* bytes per second below which time runs out */
  REPLY_SHOWN = 300,      /* bytes of the server's answer in a message */
  REPLY_MAX = 1 << 20     /* a longer answer is no Graph Store's */
};

/* One transfer: what the server said, and the clock of its answer. */
typedef struct {
  kgb_buf reply;          /* the start of the answer's body */
  size_t reply_len;       /* all of it so far */
  char status_line[128];  /* "HTTP/1.1 403 Forbidden" */
  long timeout;
  double sent_at;         /* when the upload was done; 0 before */
  int timed_out, too_long;
} transfer;

static double now(void)
{
  struct timespec ts;

  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

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

static size_t keep_reply(char *data, size_t size, size_t n, void *user)
{
  transfer *t = user;
  size_t len = size * n;

  if (t->reply.len < REPLY_SHOWN)
    kgb_buf_append(&t->reply, data,
                   len < REPLY_SHOWN - t->reply.len ? len
                                                    : REPLY_SHOWN - t->reply.len);
  t->reply_len += len;
  if (t->reply_len > REPLY_MAX) {
    t->too_long = 1;
    return 0;   /* stops the transfer */
  }
  return len;
}

/* The status line of the last answer: digest authentication makes two. */
static size_t keep_status_line(char *data, size_t size, size_t n, void *user)
{
  transfer *t = user;
  size_t len = size * n;

  if (len > 5 && memcmp(data, "HTTP/", 5) == 0) {
    size_t keep = len < sizeof t->status_line - 1 ? len
                                                  : sizeof t->status_line - 1;
    while (keep > 0 && (data[keep - 1] == '\r' || data[keep - 1] == '\n'))
      keep--;
    memcpy(t->status_line, data, keep);
    t->status_line[keep] = '\0';
  }
  return len;
}

/* The answer must come within the timeout of the upload's end. */
static int watch_clock(void *user, curl_off_t dltotal, curl_off_t dlnow,
                       curl_off_t ultotal, curl_off_t ulnow)
{
  transfer *t = user;

  (void)dltotal;
  (void)dlnow;
  if (t->sent_at == 0 && ulnow >= ultotal && ultotal > 0)
    t->sent_at = now();
  if (t->sent_at > 0 && now() - t->sent_at > (double)t->timeout) {
    t->timed_out = 1;
    return 1;
  }
  return 0;
}

int kgb_publish_check(kgb_world *world, const kgb_publish_options *o)
{
  CURLU *u = curl_url();
  char *scheme = NULL, *shown = o->endpoint ? kgb_redact(o->endpoint) : NULL;
  int rc = KGB_OK;

  if (!u || (o->endpoint && !shown))
    rc = kgb_report(world, KGB_ENOMEM, "out of memory");
  else if (!o->endpoint || curl_url_set(u, CURLUPART_URL, o->endpoint, 0) ||
           curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) ||
           (strcmp(scheme, "http") && strcmp(scheme, "https")))
    rc = kgb_report(world, KGB_EINVAL, "endpoint '%s' is not an http:// or "
                    "https:// URL", shown ? shown : "");
  else if (o->timeout < 0)
    rc = kgb_report(world, KGB_EINVAL, "the timeout must be a number of "
                    "seconds");
  curl_free(scheme);
  curl_url_cleanup(u);
  free(shown);
  return rc;
}

static void set_request(CURL *curl, const kgb_publish_options *o,
                        const char *url, struct curl_slist *headers,
                        FILE *body, long size)
{
  curl_easy_setopt(curl, CURLOPT_URL, url);
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_READDATA, body);
  curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, (curl_off_t)size);
  /* UPLOAD makes a PUT; POST keeps the streamed body. */
  if (!o->replace)
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, "POST");
  if (o->user) {
    curl_easy_setopt(curl, CURLOPT_USERNAME, o->user);
    curl_easy_setopt(curl, CURLOPT_PASSWORD, o->password ? o->password : "");
    curl_easy_setopt(curl, CURLOPT_HTTPAUTH, CURLAUTH_ANY);
  }
}

static void set_limits(CURL *curl, transfer *t)
{
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, t->timeout);
  curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, (long)LOW_SPEED);
  curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, t->timeout);
  curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, watch_clock);
  curl_easy_setopt(curl, CURLOPT_XFERINFODATA, t);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, keep_reply);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, t);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, keep_status_line);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, t);
}

/* Say what went wrong with the transfer to SHOWN (the redacted URL). */
static int report_failure(kgb_world *world, const char *shown, transfer *t,
                          CURLcode res, const char *err, long status)
{
  kgb_buf text;
  int rc;

  kgb_buf_init(&text);
  if (t->timed_out || res == CURLE_OPERATION_TIMEDOUT)
    rc = kgb_report(world, KGB_EIO, "%s: no answer within %ld s (raise "
                    "--timeout for a slow server)", shown, t->timeout);
  else if (t->too_long)
    rc = kgb_report(world, KGB_EIO, "%s: the server's answer is longer than "
                    "%d bytes; not a Graph Store endpoint?", shown, REPLY_MAX);
  else if (res != CURLE_OK) {
    kgb_buf_put_printable(&text, err[0] ? err : curl_easy_strerror(res),
                          strlen(err[0] ? err : curl_easy_strerror(res)), 300);
    rc = kgb_report(world, KGB_EIO, "%s: %s", shown,
                    text.data ? text.data : "");
  } else {
    kgb_buf_put_printable(&text, t->status_line, strlen(t->status_line), 100);
    kgb_buf_puts(&text, ": ");
    kgb_buf_put_printable(&text, t->reply.data ? t->reply.data : "",
                          t->reply.len, REPLY_SHOWN);
    rc = kgb_report(world, KGB_EIO, "%s: the server answered %ld (%s)", shown,
                    status, text.data ? text.data : "");
  }
  kgb_buf_release(&text);
  return rc;
}

int kgb_publish(kgb_world *world, const kgb_publish_options *o, FILE *body)
{
  CURL *curl = NULL;
  struct curl_slist *headers = NULL;
  char *url = NULL, *shown = NULL;
  char err[CURL_ERROR_SIZE] = "";
  transfer t;
  long status = 0, size = -1;
  CURLcode res = CURLE_OK;
  int rc = kgb_publish_check(world, o);

  if (rc != KGB_OK)
    return rc;
  memset(&t, 0, sizeof t);
  kgb_buf_init(&t.reply);
  t.timeout = o->timeout > 0 ? o->timeout : DEFAULT_TIMEOUT;
  curl = curl_easy_init();
  url = curl ? target_url(curl, o->endpoint, o->graph) : NULL;
  shown = url ? kgb_redact(url) : NULL;
  headers = curl_slist_append(NULL, "Content-Type: application/n-triples");
  if (!shown || !headers)
    rc = kgb_report(world, KGB_ENOMEM, "out of memory");
  else if (fflush(body) || fseek(body, 0, SEEK_END) ||
           (size = ftell(body)) < 0 || fseek(body, 0, SEEK_SET))
    rc = kgb_report(world, KGB_EIO, "cannot read back the graph to upload: "
                    "%s", strerror(errno));
  if (rc == KGB_OK) {
    set_request(curl, o, url, headers, body, size);
    set_limits(curl, &t);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, err);
    res = curl_easy_perform(curl);
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    if (res != CURLE_OK || status < 200 || status > 299)
      rc = report_failure(world, shown, &t, res, err, status);
  }
  curl_slist_free_all(headers);
  kgb_buf_release(&t.reply);
  kgb_free(url);
  free(shown);
  if (curl)
    curl_easy_cleanup(curl);
  return rc;
}
