/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_http.c - one HTTP request with libcurl.
 *
 * A server may be slow, silent or hostile: every wait is bounded (the
 * connection, any stretch without progress, the answer after the
 * request), the answer kept has a bound, and what is printed of it is
 * made safe for a terminal.  Credentials never appear in a message. */
#include <string.h>
#include <time.h>

#include "kgb_http.h"
#include "kgb_redact.h"

enum {
  LOW_SPEED = 100,        /* bytes per second below which time runs out */
  REPLY_SHOWN = 300       /* bytes of the server's answer in a message */
};

/* One transfer: what the server said, and the clock of its answer. */
typedef struct {
  kgb_buf *reply;
  size_t reply_max;
  char status_line[128];  /* "HTTP/1.1 403 Forbidden" */
  long timeout;
  double sent_at;         /* when the request was sent; 0 before */
  int timed_out, too_long, no_memory;
} transfer;

static double now(void)
{
  struct timespec ts;

  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static size_t keep_reply(char *data, size_t size, size_t n, void *user)
{
  transfer *t = user;
  size_t len = size * n;

  if (t->reply->len + len > t->reply_max) {
    t->too_long = 1;
    return 0;   /* stops the transfer */
  }
  if (kgb_buf_append(t->reply, data, len)) {
    t->no_memory = 1;
    return 0;
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

/* The answer must come within the timeout of the request's end. */
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

int kgb_http_check(kgb_world *world, const char *url, const char *shown,
                   long timeout)
{
  CURLU *u = curl_url();
  char *scheme = NULL;
  int rc = KGB_OK;

  if (!u)
    rc = kgb_report(world, KGB_ENOMEM, "out of memory");
  else if (!url || curl_url_set(u, CURLUPART_URL, url, 0) ||
           curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) ||
           (strcmp(scheme, "http") && strcmp(scheme, "https")))
    rc = kgb_report(world, KGB_EINVAL, "endpoint '%s' is not an http:// or "
                    "https:// URL", shown ? shown : "");
  else if (timeout < 0)
    rc = kgb_report(world, KGB_EINVAL, "the timeout must be a number of "
                    "seconds");
  curl_free(scheme);
  curl_url_cleanup(u);
  return rc;
}

static void set_request(CURL *curl, const kgb_http_request *r)
{
  curl_easy_setopt(curl, CURLOPT_URL, r->url);
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, r->headers);
  if (r->body) {
    /* UPLOAD makes a PUT; a POST keeps the streamed body. */
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_READDATA, r->body);
    curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE,
                     (curl_off_t)r->body_size);
  } else if (r->fields) {
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, r->fields);
  }
  if (strcmp(r->method, "PUT"))
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, r->method);
  if (r->user) {
    curl_easy_setopt(curl, CURLOPT_USERNAME, r->user);
    curl_easy_setopt(curl, CURLOPT_PASSWORD, r->password ? r->password : "");
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

/* Say what went wrong with the transfer to R->shown. */
static int report_failure(kgb_world *world, const kgb_http_request *r,
                          transfer *t, CURLcode res, const char *err,
                          long status)
{
  const char *shown = r->shown;
  kgb_buf text;
  int rc;

  kgb_buf_init(&text);
  if (t->timed_out || res == CURLE_OPERATION_TIMEDOUT)
    rc = kgb_report(world, KGB_EIO, "%s: no answer within %ld s (raise "
                    "--timeout for a slow server)", shown, t->timeout);
  else if (t->too_long)
    rc = kgb_report(world, KGB_EIO, "%s: the server's answer is longer than "
                    "%zu bytes; %s", shown, r->reply_max, r->too_long);
  else if (t->no_memory)
    rc = kgb_report(world, KGB_ENOMEM, "%s: out of memory for the answer",
                    shown);
  else if (res != CURLE_OK) {
    kgb_buf_put_printable(&text, err[0] ? err : curl_easy_strerror(res),
                          strlen(err[0] ? err : curl_easy_strerror(res)), 300);
    rc = kgb_report(world, KGB_EIO, "%s: %s", shown,
                    text.data ? text.data : "");
  } else {
    kgb_buf_put_printable(&text, t->status_line, strlen(t->status_line), 100);
    kgb_buf_puts(&text, ": ");
    kgb_buf_put_printable(&text, t->reply->data ? t->reply->data : "",
                          t->reply->len, REPLY_SHOWN);
    rc = kgb_report(world, KGB_EIO, "%s: the server answered %ld (%s)", shown,
                    status, text.data ? text.data : "");
  }
  kgb_buf_release(&text);
  return rc;
}

int kgb_http_send(kgb_world *world, const kgb_http_request *r,
                  kgb_buf *reply)
{
  CURL *curl = curl_easy_init();
  char err[CURL_ERROR_SIZE] = "";
  transfer t;
  long status = 0;
  CURLcode res;
  int rc = KGB_OK;

  if (!curl)
    return kgb_report(world, KGB_ENOMEM, "out of memory");
  memset(&t, 0, sizeof t);
  t.reply = reply;
  t.reply_max = r->reply_max;
  t.timeout = r->timeout;
  set_request(curl, r);
  set_limits(curl, &t);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, err);
  res = curl_easy_perform(curl);
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  if (res != CURLE_OK || status < 200 || status > 299)
    rc = report_failure(world, r, &t, res, err, status);
  curl_easy_cleanup(curl);
  return rc;
}
