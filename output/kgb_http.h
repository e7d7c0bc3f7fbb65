/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_http.h - one HTTP request with libcurl, every wait bounded, for
 * publish (a graph to a Graph Store) and query --endpoint (a query to a
 * SPARQL server). */
#ifndef KGB_HTTP_H
#define KGB_HTTP_H

#include <stdio.h>

#include <curl/curl.h>

#include "kgb_buf.h"
#include "kgb_world_internal.h"

typedef struct {
  const char *url;          /* as sent */
  const char *shown;        /* as said in messages: without a password */
  const char *user, *password;   /* HTTP basic or digest, or NULL */
  long timeout;             /* seconds to connect, without progress, and
                               for the answer once the request is sent */
  const char *method;       /* "PUT" or "POST" */
  struct curl_slist *headers;
  FILE *body;               /* the body from a seekable file, or NULL */
  long body_size;
  const char *fields;       /* else the body in memory (POST), or NULL */
  size_t reply_max;         /* a longer answer is an error */
  const char *too_long;     /* what is said then, after the size */
} kgb_http_request;

/* Send R; KGB_OK when the server answered 2xx, its body in REPLY (an
 * initialised buffer).  Otherwise KGB_EIO after a message naming
 * R->shown and what went wrong: no answer in time, an answer too long,
 * or the status line and the start of the answer, made safe for a
 * terminal. */
int kgb_http_send(kgb_world *world, const kgb_http_request *r,
                  kgb_buf *reply);

/* KGB_OK when URL is an http:// or https:// URL and TIMEOUT is not
 * negative; else KGB_EINVAL after saying which, of SHOWN. */
int kgb_http_check(kgb_world *world, const char *url, const char *shown,
                   long timeout);

#endif
