/* kgb_publish.c - upload a graph to a SPARQL 1.1 Graph Store HTTP
 * Protocol endpoint with libcurl: PUT replaces the graph, POST adds. */
#include <stdio.h>
#include <string.h>

#include <curl/curl.h>

#include "kgb_alloc.h"
#include "kgb_buf.h"
#include "kgb_world_internal.h"

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

/* What the server said, kept short for the message. */
static size_t keep_reply(char *data, size_t size, size_t n, void *user)
{
  kgb_buf *reply = user;

  if (reply->len < 300)
    kgb_buf_append(reply, data, size * n < 300 ? size * n : 300);
  return size * n;
}

int kgb_publish(kgb_world *world, const kgb_publish_options *o, FILE *body)
{
  CURL *curl = curl_easy_init();
  struct curl_slist *headers = NULL;
  char *url = curl ? target_url(curl, o->endpoint, o->graph) : NULL;
  char err[CURL_ERROR_SIZE] = "";
  kgb_buf reply;
  long status = 0, size;
  CURLcode res = CURLE_OUT_OF_MEMORY;
  int rc = KGB_OK;

  kgb_buf_init(&reply);
  if (!url || fseek(body, 0, SEEK_END) || (size = ftell(body)) < 0 ||
      fseek(body, 0, SEEK_SET))
    rc = kgb_report(world, KGB_ENOMEM, "%s: cannot prepare the upload",
                    o->endpoint);
  if (rc == KGB_OK) {
    headers = curl_slist_append(NULL, "Content-Type: application/n-triples");
    curl_easy_setopt(curl, CURLOPT_URL, url);
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
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, keep_reply);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &reply);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, err);
    res = curl_easy_perform(curl);
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  }
  if (rc == KGB_OK && res != CURLE_OK)
    rc = kgb_report(world, KGB_EIO, "%s: %s", url,
                    err[0] ? err : curl_easy_strerror(res));
  else if (rc == KGB_OK && (status < 200 || status > 299))
    rc = kgb_report(world, KGB_EIO, "%s: the server answered %ld: %.*s", url,
                    status, (int)reply.len, reply.data ? reply.data : "");
  curl_slist_free_all(headers);
  kgb_buf_release(&reply);
  kgb_free(url);
  if (curl)
    curl_easy_cleanup(curl);
  return rc;
}
