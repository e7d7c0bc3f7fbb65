/* kgb_document.c - reading an input into clean UTF-8 text. */
#include "kgb_document_internal.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "kgb_alloc.h"
#include "kgb_buf.h"
#include "kgb_sentence.h"
#include "kgb_sha256.h"
#include "kgb_utf8.h"
#include "kgb_world_internal.h"

int kgb_document_new_from_buffer(kgb_world *world, const char *source,
                                 const char *bytes, size_t len,
                                 kgb_document **out)
{
  kgb_document *doc = kgb_calloc(1, sizeof *doc);
  kgb_buf clean;
  size_t replaced = 0;

  *out = NULL;
  if (!doc)
    return KGB_ENOMEM;
  kgb_buf_init(&clean);
  doc->world = world;
  doc->source = kgb_strdup(source);
  if (!doc->source || kgb_utf8_clean(bytes, len, &clean, &replaced)) {
    kgb_buf_release(&clean);
    kgb_document_free(doc);
    return KGB_ENOMEM;
  }
  if (len == 0)
    kgb_warn(world, "%s: empty input", source);
  else if (replaced * 10 > len)
    kgb_warn(world, "%s: looks like a binary file (%zu of %zu bytes are not "
             "text); replaced by U+FFFD, few facts are likely", source,
             replaced, len);
  else if (replaced)
    kgb_warn(world, "%s: %zu invalid UTF-8 sequence(s), NUL byte(s) or "
             "control character(s) replaced by U+FFFD", source, replaced);
  doc->len = clean.len;
  doc->text = kgb_buf_to_string(&clean);
  if (!doc->text) {
    kgb_document_free(doc);
    return KGB_ENOMEM;
  }
  kgb_sha256_hex(bytes, len, doc->sha256);
  kgb_tokens_init(&doc->toks);
  *out = doc;
  return KGB_OK;
}

static int read_stream(kgb_world *world, FILE *f, const char *name,
                       kgb_buf *into)
{
  char chunk[65536];
  size_t n;

  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
    if (kgb_buf_append(into, chunk, n))
      return KGB_ENOMEM;
  if (ferror(f))
    return kgb_report(world, KGB_EIO, "%s: read error: %s", name,
                      strerror(errno));
  return KGB_OK;
}

int kgb_document_load(kgb_world *world, const char *path, kgb_document **out)
{
  int is_stdin = strcmp(path, "-") == 0;
  const char *name = is_stdin ? "<stdin>" : path;
  FILE *f = is_stdin ? stdin : fopen(path, "rb");
  kgb_buf raw;
  int rc;

  *out = NULL;
  if (!f)
    return kgb_report(world, errno == ENOENT ? KGB_ENOTFOUND : KGB_EIO,
                      "%s: cannot open: %s", path, strerror(errno));
  kgb_buf_init(&raw);
  rc = read_stream(world, f, name, &raw);
  if (!is_stdin)
    fclose(f);
  if (rc == KGB_OK)
    rc = kgb_document_new_from_buffer(world, name, raw.data ? raw.data : "",
                                      raw.len, out);
  kgb_buf_release(&raw);
  return rc;
}

void kgb_document_free(kgb_document *doc)
{
  if (!doc)
    return;
  kgb_tokens_release(&doc->toks);
  kgb_free(doc->sentences);
  kgb_free(doc->source);
  kgb_free(doc->title);
  kgb_free(doc->text);
  kgb_free(doc);
}

int kgb_document_set_language(kgb_document *doc, const char *lang)
{
  int code;

  if (!lang || strcmp(lang, "auto") == 0) {
    doc->lang_forced = 0;
    return KGB_OK;
  }
  code = kgb_lang_from_code(lang);
  if (code < 0)
    return kgb_report(doc->world, KGB_EINVAL,
                      "unknown language '%s' (expected auto, en or fr)", lang);
  doc->lang = (kgb_lang)code;
  doc->lang_forced = 1;
  return KGB_OK;
}

const char *kgb_document_as_language(const kgb_document *doc)
{
  return doc->analysed || doc->lang_forced ? kgb_lang_code(doc->lang) : NULL;
}

const char *kgb_document_as_source(const kgb_document *doc)
{
  return doc->source;
}

const char *kgb_document_as_title(const kgb_document *doc)
{
  return doc->title;
}

size_t kgb_document_sentence_count(const kgb_document *doc)
{
  return doc->n_sentences;
}

/* Longest headline taken as a title, in bytes. */
#define KGB_MAX_TITLE 300

static int is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/* News text opens with its headline: a first line that stands alone as
 * a paragraph and does not close like a sentence. */
static int find_title(kgb_document *doc)
{
  const char *t = doc->text, *end = doc->text + doc->len, *nl, *next;
  size_t n;

  while (t < end && (is_blank(*t) || *t == '\n'))
    t++;
  nl = memchr(t, '\n', (size_t)(end - t));
  if (!nl)
    return KGB_OK;
  for (next = nl + 1; next < end && is_blank(*next); next++)
    ;
  if (next >= end || *next != '\n')
    return KGB_OK;
  for (n = (size_t)(nl - t); n > 0 && is_blank(t[n - 1]); n--)
    ;
  if (n < 8 || n > KGB_MAX_TITLE || !memchr(t, ' ', n) ||
      strchr(".,;:", t[n - 1]))
    return KGB_OK;
  doc->title = kgb_strndup(t, n);
  return doc->title ? KGB_OK : KGB_ENOMEM;
}

int kgb_document_analyse(kgb_document *doc)
{
  kgb_world *w = doc->world;
  int rc;

  if (doc->analysed)
    return KGB_OK;
  rc = kgb_tokenize(doc->text, doc->len, &doc->toks);
  if (rc)
    return rc;
  if (!doc->lang_forced)
    doc->lang = kgb_lang_detect(w->lexicon, &doc->toks, 0, doc->toks.n);
  rc = kgb_sentences_split(doc, w->lexicon[doc->lang]);
  if (rc == KGB_OK && !doc->title)
    rc = find_title(doc);
  if (rc == KGB_OK) {
    kgb_sentences_mark_furniture(doc, w->lexicon[doc->lang]);
    kgb_sentences_set_languages(doc, w->lexicon);
    doc->analysed = 1;
  }
  return rc;
}
