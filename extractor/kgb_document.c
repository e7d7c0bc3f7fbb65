/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_document.c - reading an input into clean UTF-8 text. */
#include "kgb_document_internal.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "kgb_alloc.h"
#include "kgb_buf.h"
#include "kgb_bytes.h"
#include "kgb_html.h"
#include "kgb_sentence.h"
#include "kgb_sha256.h"
#include "kgb_utf8.h"
#include "kgb_world_internal.h"

/* "12.5 MB", or "700.0 KB" for less than a megabyte. */
static void size_text(double bytes, char *out, size_t size)
{
  if (bytes >= 1048576.0)
    snprintf(out, size, "%.1f MB", bytes / 1048576.0);
  else
    snprintf(out, size, "%.1f KB", bytes / 1024.0);
}

/* BYTES is the input's size, or 0 when a stream went on past the bound. */
static int too_large(kgb_world *world, const char *name, double bytes)
{
  char have[32], most[32];

  size_text(bytes, have, sizeof have);
  size_text((double)world->max_input, most, sizeof most);
  if (bytes == 0)
    return kgb_report(world, KGB_ELIMIT, "%s: more than %s, the most an "
                      "input may have; not read", name, most);
  return kgb_report(world, KGB_ELIMIT, "%s: %s is more than an input may "
                    "have (%s); not read", name, have, most);
}

/* A document of BYTES with no text yet: its source, its digest. */
static int document_alloc(kgb_world *world, const char *source,
                          const char *bytes, size_t len, kgb_document **out)
{
  kgb_document *doc;

  *out = NULL;
  if (len > world->max_input)
    return too_large(world, source, (double)len);
  doc = kgb_calloc(1, sizeof *doc);
  if (!doc)
    return KGB_ENOMEM;
  doc->world = world;
  doc->source = kgb_strdup(source);
  if (!doc->source) {
    kgb_document_free(doc);
    return KGB_ENOMEM;
  }
  kgb_sha256_hex(bytes, len, doc->sha256);
  doc->size = len;
  kgb_tokens_init(&doc->toks);
  *out = doc;
  return KGB_OK;
}

/* TEXT[0..LEN), made valid UTF-8, becomes DOC's text; RAW_LEN is the
 * size of the input it came from, for the warnings. */
static int document_set_text(kgb_document *doc, const char *text, size_t len,
                             size_t raw_len)
{
  kgb_buf clean;
  size_t replaced = 0;

  kgb_buf_init(&clean);
  if (kgb_utf8_clean(text, len, &clean, &replaced)) {
    kgb_buf_release(&clean);
    return KGB_ENOMEM;
  }
  if (raw_len == 0)
    kgb_warn(doc->world, "%s: empty input", doc->source);
  else if (replaced * 10 > len)
    kgb_warn(doc->world, "%s: looks like a binary file (%zu of %zu bytes "
             "are not text); replaced by U+FFFD, few facts are likely",
             doc->source, replaced, len);
  else if (replaced)
    kgb_warn(doc->world, "%s: %zu invalid UTF-8 sequence(s), NUL byte(s) or "
             "control character(s) replaced by U+FFFD", doc->source,
             replaced);
  doc->len = clean.len;
  /* The text is held while the document is read, window by window: not
   * the buffer's doubled capacity (up to twice the text) with it. */
  if (clean.cap > clean.len + 1 + 65536) {
    char *fit = kgb_realloc(clean.data, clean.len + 1);
    if (fit) {
      clean.data = fit;
      clean.cap = clean.len + 1;
    }
  }
  doc->text = kgb_buf_to_string(&clean);
  return doc->text ? KGB_OK : KGB_ENOMEM;
}

/* Plain text BYTES[0..LEN) becomes DOC's text, decoded first when it is
 * not UTF-8 (as a page is, see kgb_html_decode), its byte-order mark
 * dropped so that offsets count from the first character. */
static int document_set_plain(kgb_document *doc, const char *bytes,
                              size_t len)
{
  size_t skip = 0, bad = 0;
  const char *enc = kgb_bytes_text_encoding(bytes, len, &skip);
  kgb_buf utf8;
  int rc;

  if (strcmp(enc, "UTF-8") == 0)
    return document_set_text(doc, bytes + skip, len - skip, len);
  kgb_buf_init(&utf8);
  rc = kgb_bytes_decode(enc, bytes + skip, len - skip, &utf8, &bad);
  if (rc == KGB_EINVAL) {
    /* A system without that converter (a minimal libc). */
    kgb_warn(doc->world, "%s: looks like %s text, which this system cannot "
             "decode; read as UTF-8", doc->source, enc);
    rc = document_set_text(doc, bytes, len, len);
  } else if (rc == KGB_OK) {
    kgb_warn(doc->world, "%s: not UTF-8 text; decoded from %s%s",
             doc->source, enc, skip ? " (byte-order mark)" : "");
    if (bad)
      kgb_warn(doc->world, "%s: %zu byte sequence(s) not valid in %s "
               "replaced by U+FFFD", doc->source, bad, enc);
    rc = document_set_text(doc, utf8.data ? utf8.data : "", utf8.len, len);
  }
  kgb_buf_release(&utf8);
  return rc;
}

/* KGB_EPARSE, with a hint, when BYTES are a format that holds no plain
 * text (a PDF, a .docx...): read as text, its bytes would give invented
 * entities.  FILE in the hint becomes the input's name. */
static int refuse_binary(kgb_world *world, const char *source,
                         const char *bytes, size_t len)
{
  const kgb_bytes_format *f = kgb_bytes_binary_format(bytes, len);
  int stream = strcmp(source, "<stdin>") == 0;
  kgb_buf hint;
  int rc = KGB_OK;

  if (!f)
    return KGB_OK;
  kgb_buf_init(&hint);
  for (const char *h = f->hint; *h && rc == KGB_OK;) {
    if (!stream && strncmp(h, "FILE", 4) == 0) {
      rc = kgb_buf_puts(&hint, source);
      h += 4;
    } else {
      rc = kgb_buf_putc(&hint, *h++);
    }
  }
  if (rc == KGB_OK)
    rc = kgb_report(world, KGB_EPARSE, "%s: %s, not text; convert it first, "
                    "e.g. with %s", source, f->what, hint.data);
  kgb_buf_release(&hint);
  return rc;
}

/* The page BYTES[0..LEN) becomes DOC's text: its article text. */
static int document_set_page(kgb_document *doc, const char *bytes,
                             size_t len)
{
  kgb_buf text;
  int rc;

  kgb_buf_init(&text);
  rc = kgb_html_to_text(doc->world, doc->source, bytes, len, &text,
                        &doc->title);
  if (rc == KGB_OK)
    rc = document_set_text(doc, text.data ? text.data : "", text.len, len);
  if (rc == KGB_OK && len > 0 && doc->len == 0)
    kgb_warn(doc->world, "%s: no article text in this HTML page",
             doc->source);
  kgb_buf_release(&text);
  return rc;
}

static int document_new(kgb_world *world, const char *source,
                        const char *bytes, size_t len, int html,
                        kgb_document **out)
{
  kgb_document *doc;
  int rc = document_alloc(world, source, bytes, len, &doc);

  if (rc)
    return rc;
  doc->html = html;
  rc = refuse_binary(world, doc->source, bytes, len);
  if (rc == KGB_OK)
    rc = html ? document_set_page(doc, bytes, len)
              : document_set_plain(doc, bytes, len);
  if (rc) {
    kgb_document_free(doc);
    return rc;
  }
  *out = doc;
  return KGB_OK;
}

int kgb_document_new_from_buffer(kgb_world *world, const char *source,
                                 const char *bytes, size_t len,
                                 kgb_document **out)
{
  return document_new(world, source, bytes, len, kgb_html_sniff(bytes, len),
                      out);
}

int kgb_document_new_from_html(kgb_world *world, const char *source,
                               const char *bytes, size_t len,
                               kgb_document **out)
{
  return document_new(world, source, bytes, len, 1, out);
}

/* Read F whole, but no more than the world's largest input: a stream
 * that is not a file says its size only by going on. */
static int read_stream(kgb_world *world, FILE *f, const char *name,
                       kgb_buf *into)
{
  char chunk[65536];
  size_t n;

  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
    if (into->len + n > world->max_input)
      return too_large(world, name, 0);
    if (kgb_buf_append(into, chunk, n))
      return KGB_ENOMEM;
  }
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
  struct stat st;
  int rc;

  *out = NULL;
  if (!f)
    return kgb_report(world, errno == ENOENT ? KGB_ENOTFOUND : KGB_EIO,
                      "%s: cannot open: %s", path, strerror(errno));
  /* A file says its size at once: a huge one is refused unread. */
  if (!is_stdin && fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) &&
      (unsigned long long)st.st_size > world->max_input) {
    fclose(f);
    return too_large(world, name, (double)st.st_size);
  }
  kgb_buf_init(&raw);
  rc = read_stream(world, f, name, &raw);
  if (!is_stdin)
    fclose(f);
  /* A page named .html is HTML whatever it opens with (a fragment);
   * any other input is HTML when it opens like a page. */
  if (rc == KGB_OK)
    rc = document_new(world, name, raw.data ? raw.data : "", raw.len,
                      (!is_stdin && kgb_html_is_html_name(path)) ||
                          kgb_html_sniff(raw.data ? raw.data : "", raw.len),
                      out);
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
  if (!doc->text_borrowed)
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
  return doc->analysed || doc->lang_forced || doc->lang_known
             ? kgb_lang_code(doc->lang)
             : NULL;
}

const char *kgb_document_as_source(const kgb_document *doc)
{
  return doc->source;
}

const char *kgb_document_as_media_type(const kgb_document *doc)
{
  return doc->html ? KGB_MEDIA_HTML : KGB_MEDIA_TEXT;
}

const char *kgb_document_as_title(const kgb_document *doc)
{
  return doc->title;
}

size_t kgb_document_sentence_count(const kgb_document *doc)
{
  return doc->n_sentences;
}

size_t kgb_document_size(const kgb_document *doc) { return doc->size; }

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
  if (!doc->html)
    kgb_tokens_unwrap(&doc->toks, doc->text);
  /* A window after the first reads in the language of the first. */
  if (!doc->lang_forced && !doc->lang_known)
    doc->lang = kgb_lang_detect(w->lexicon, &doc->toks, 0, doc->toks.n);
  if (doc->whole && !doc->continues) {
    doc->whole->lang = doc->lang;
    doc->whole->lang_known = 1;
  }
  rc = kgb_sentences_split(doc, w->lexicon[doc->lang]);
  /* A page's title is in its markup; the text's first line is not
   * second-guessed; a later window does not open the text. */
  if (rc == KGB_OK && !doc->title && !doc->html && !doc->continues)
    rc = find_title(doc);
  if (rc == KGB_OK) {
    kgb_sentences_mark_furniture(doc, w->lexicon[doc->lang]);
    kgb_sentences_set_languages(doc, w->lexicon);
    doc->analysed = 1;
  }
  return rc;
}
