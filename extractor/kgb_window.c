/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_window.c - a long document cut into windows, analysed one at a
 * time, so that the tables extraction holds (16 bytes a token, an entity
 * and a mention for every capitalised run) are those of one window and
 * not of a whole 64 MB dump.  Each window is a document of its own for
 * kgb_extract and kgb_graph_add that keeps the whole's identity and knows
 * where its slice starts, so the graph still describes one document. */
#include "kgb_document_internal.h"

#include <string.h>

#include "kgb_alloc.h"
#include "kgb_utf8.h"
#include "kgb_world_internal.h"

int kgb_document_first_report(const kgb_document *doc, unsigned what)
{
  kgb_document *whole = doc->whole ? doc->whole : (kgb_document *)doc;

  if (whole->reported & what)
    return 0;
  whole->reported |= what;
  return 1;
}

static int is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/* The last position in (LO, HI] where a window may end, by the first
 * test that finds one: after a blank line, after a line break, after a
 * sentence's closing mark, before a space; 0 when none does. */
static size_t last_break(const char *t, size_t lo, size_t hi, int kind)
{
  for (size_t i = hi; i > lo; i--) {
    char c = t[i - 1];
    if (kind == 0 && c == '\n') {
      size_t k = i - 1;
      while (k > lo && is_blank(t[k - 1]))
        k--;
      if (k > lo && t[k - 1] == '\n')
        return i;
    } else if (kind == 1 && c == '\n') {
      return i;
    } else if (kind == 2 && (c == '.' || c == '!' || c == '?') &&
               is_blank(t[i])) {
      return i;
    } else if (kind == 3 && c == ' ') {
      return i - 1;
    }
  }
  return 0;
}

/* Where the window starting at FROM ends in TEXT[0..LEN): the whole rest
 * when it fits, else the best break in its second half (so no window is
 * small), else the window's size, moved back to a character's start. */
static size_t window_end(const char *text, size_t len, size_t from)
{
  size_t hi = from + KGB_WINDOW_BYTES, lo = from + KGB_WINDOW_BYTES / 2;

  if (len - from <= KGB_WINDOW_BYTES)
    return len;
  for (int kind = 0; kind < 4; kind++) {
    size_t at = last_break(text, lo, hi, kind);
    if (at > from)
      return at;
  }
  while (hi > lo && ((unsigned char)text[hi] & 0xC0) == 0x80)
    hi--;
  return hi;
}

/* A window of WHOLE over its text [FROM, TO). */
static int window_new(kgb_document *whole, size_t from, size_t to,
                      kgb_document **out)
{
  kgb_document *w = kgb_calloc(1, sizeof *w);

  if (!w)
    return KGB_ENOMEM;
  *w = (kgb_document){.world = whole->world, .whole = whole,
                      .size = whole->size, .html = whole->html,
                      .lang = whole->lang, .lang_forced = whole->lang_forced,
                      .lang_known = whole->windows_begun > 0,
                      .base = from, .cp_base = whole->next_cp,
                      .continues = whole->windows_begun > 0,
                      .more = to < whole->len};
  memcpy(w->sha256, whole->sha256, sizeof w->sha256);
  kgb_tokens_init(&w->toks);
  w->source = kgb_strdup(whole->source);
  w->title = whole->title ? kgb_strdup(whole->title) : NULL;
  /* The last window ends where the whole's text does, at its NUL. */
  w->text_borrowed = to == whole->len;
  w->text = w->text_borrowed ? whole->text + from
                             : kgb_strndup(whole->text + from, to - from);
  w->len = to - from;
  if (!w->source || (whole->title && !w->title) || !w->text) {
    kgb_document_free(w);
    return KGB_ENOMEM;
  }
  *out = w;
  return KGB_OK;
}

int kgb_document_next_window(kgb_document *doc, kgb_document **window)
{
  size_t from = doc->next_window, to;
  int rc;

  *window = NULL;
  if (doc->whole)
    return kgb_report(doc->world, KGB_EINVAL, "%s: a window has no windows",
                      doc->source);
  if (doc->windows_done)
    return KGB_OK;
  to = window_end(doc->text, doc->len, from);
  rc = window_new(doc, from, to, window);
  if (rc)
    return rc;
  doc->windows_begun++;
  doc->next_window = to;
  doc->next_cp += kgb_utf8_cp_count(doc->text + from, to - from);
  doc->windows_done = to == doc->len;
  return KGB_OK;
}
