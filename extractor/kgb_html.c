/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_html.c - the article text of an HTML page.
 *
 * kgb_html_bytes.c first makes the page UTF-8 (after its BOM or its
 * <meta charset>); libxml2's HTML parser then reads it (it repairs tag
 * soup and decodes entities) and calls back for every element and run
 * of text; we keep the text that is the article's.  No tree is built: a
 * page of 100 000 nested <div> costs a counter here.
 *
 * Every handler, errors included, is set on this parse's own context,
 * never through libxml2's process-wide error functions, which would
 * change what other users of libxml2 in the process (raptor) see. */
#include "kgb_html.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "kgb_alloc.h"
#include "kgb_utf8.h"
#include "kgb_world_internal.h"

/* ==================================================================
 * Tables: which elements break the text, which hold no article text,
 * and which class, id and role words name page furniture.  Edit these,
 * not the code below.
 * ================================================================== */

enum {
  KGB_HTML_LINE = 1 << 0,      /* ends a line */
  KGB_HTML_PARA = 1 << 1,      /* ends a paragraph */
  KGB_HTML_DROP = 1 << 2,      /* never article text */
  KGB_HTML_PAGE_PART = 1 << 3, /* dropped unless inside an article */
  KGB_HTML_ARTICLE = 1 << 4,   /* holds the article */
  KGB_HTML_FRAME = 1 << 5      /* its class and id describe the whole page */
};

/* Elements not listed are inline: a, b, i, em, strong, span... join the
 * text around them. */
static const struct {
  const char *tag;   /* lower case, as libxml2 names HTML elements */
  unsigned flags;
} kgb_html_elements[] = {
  /* Never article text.  <head> holds the <title>, read apart. */
  {"head", KGB_HTML_PARA | KGB_HTML_DROP},
  {"title", KGB_HTML_PARA | KGB_HTML_DROP},
  {"script", KGB_HTML_DROP},
  {"style", KGB_HTML_DROP},
  {"noscript", KGB_HTML_DROP},
  {"template", KGB_HTML_DROP},
  {"svg", KGB_HTML_DROP},
  {"iframe", KGB_HTML_PARA | KGB_HTML_DROP},
  {"object", KGB_HTML_DROP},
  {"embed", KGB_HTML_DROP},
  {"canvas", KGB_HTML_DROP},
  {"audio", KGB_HTML_DROP},
  {"video", KGB_HTML_DROP},
  {"button", KGB_HTML_DROP},
  {"select", KGB_HTML_DROP},
  {"textarea", KGB_HTML_DROP},
  {"form", KGB_HTML_PARA | KGB_HTML_DROP},
  {"nav", KGB_HTML_PARA | KGB_HTML_DROP},
  {"aside", KGB_HTML_PARA | KGB_HTML_DROP},
  {"footer", KGB_HTML_PARA | KGB_HTML_DROP},
  {"dialog", KGB_HTML_PARA | KGB_HTML_DROP},
  /* The page's <header> is its banner; an article's own <header> holds
   * its headline and byline (HTML's sectioning rules). */
  {"header", KGB_HTML_PARA | KGB_HTML_PAGE_PART},
  /* Where the article is.  Sites put words such as "category-social" in
   * these elements' class, which say nothing about a box of links. */
  {"html", KGB_HTML_PARA | KGB_HTML_FRAME},
  {"body", KGB_HTML_PARA | KGB_HTML_FRAME},
  {"main", KGB_HTML_PARA | KGB_HTML_ARTICLE | KGB_HTML_FRAME},
  {"article", KGB_HTML_PARA | KGB_HTML_ARTICLE | KGB_HTML_FRAME},
  /* Paragraph breaks. */
  {"address", KGB_HTML_PARA},   {"blockquote", KGB_HTML_PARA},
  {"caption", KGB_HTML_PARA},   {"center", KGB_HTML_PARA},
  {"details", KGB_HTML_PARA},   {"div", KGB_HTML_PARA},
  {"dl", KGB_HTML_PARA},        {"fieldset", KGB_HTML_PARA},
  {"figcaption", KGB_HTML_PARA}, {"figure", KGB_HTML_PARA},
  {"h1", KGB_HTML_PARA},        {"h2", KGB_HTML_PARA},
  {"h3", KGB_HTML_PARA},        {"h4", KGB_HTML_PARA},
  {"h5", KGB_HTML_PARA},        {"h6", KGB_HTML_PARA},
  {"hgroup", KGB_HTML_PARA},    {"hr", KGB_HTML_PARA},
  {"legend", KGB_HTML_PARA},    {"ol", KGB_HTML_PARA},
  {"p", KGB_HTML_PARA},         {"pre", KGB_HTML_PARA},
  {"section", KGB_HTML_PARA},   {"summary", KGB_HTML_PARA},
  {"table", KGB_HTML_PARA},     {"tbody", KGB_HTML_PARA},
  {"tfoot", KGB_HTML_PARA},     {"thead", KGB_HTML_PARA},
  {"tr", KGB_HTML_PARA},        {"ul", KGB_HTML_PARA},
  /* Line breaks: items of one list, cells of one row. */
  {"br", KGB_HTML_LINE},        {"dd", KGB_HTML_LINE},
  {"dt", KGB_HTML_LINE},        {"li", KGB_HTML_LINE},
  {"td", KGB_HTML_LINE},        {"th", KGB_HTML_LINE},
};

/* Words that, as one segment of an element's class or id (split at
 * spaces, '-' and '_', any case), mark page furniture: "ad" drops
 * class="ad-slot" but not "header-lead" or "shadow". */
static const char *const kgb_html_furniture_words[] = {
  "ad", "ads", "advert", "adverts", "advertisement", "advertising",
  "sponsored", "share", "sharing", "social", "related", "cookie",
  "cookies", "consent", "newsletter", "breadcrumb", "breadcrumbs",
  "comments",
};

/* ARIA roles (the role attribute) of page furniture. */
static const char *const kgb_html_furniture_roles[] = {
  "navigation", "banner", "contentinfo", "complementary", "search",
  "dialog", "alertdialog",
};

/* Title separators, after which a <title> names the site. */
static const char *const kgb_html_title_separators[] = {
  " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", /* – — */
};

/* Longest headline taken as the title, in bytes (as for text input). */
#define KGB_HTML_MAX_TITLE 300

#define KGB_COUNT(a) (sizeof(a) / sizeof *(a))

/* ==================================================================
 * Matching the tables.
 * ================================================================== */

static int ascii_lower(int c)
{
  return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Does S[0..N) equal WORD (lower case) in any case? */
static int equals_word(const char *s, size_t n, const char *word)
{
  size_t i;

  for (i = 0; i < n && word[i]; i++)
    if (ascii_lower((unsigned char)s[i]) != word[i])
      return 0;
  return i == n && word[i] == '\0';
}

static unsigned element_flags(const char *tag)
{
  for (size_t i = 0; i < KGB_COUNT(kgb_html_elements); i++)
    if (strcmp(kgb_html_elements[i].tag, tag) == 0)
      return kgb_html_elements[i].flags;
  return 0;
}

/* Is one segment of VALUE, split at any byte of SEPARATORS, in WORDS? */
static int has_segment(const char *value, const char *separators,
                       const char *const *words, size_t n_words)
{
  const char *s = value;

  while (*s) {
    size_t n = strcspn(s, separators);
    for (size_t w = 0; n > 0 && w < n_words; w++)
      if (equals_word(s, n, words[w]))
        return 1;
    s += n;
    if (*s)
      s++;
  }
  return 0;
}

/* Do the attributes ATTS (name, value, ..., NULL) mark furniture? */
static int is_furniture(const xmlChar **atts)
{
  static const char blanks[] = " \t\n\r\f";

  for (size_t i = 0; atts && atts[i]; i += 2) {
    const char *name = (const char *)atts[i];
    const char *value = atts[i + 1] ? (const char *)atts[i + 1] : "";
    if (strcmp(name, "hidden") == 0 ||
        (strcmp(name, "aria-hidden") == 0 && equals_word(value, strlen(value),
                                                         "true")))
      return 1;
    if ((strcmp(name, "class") == 0 || strcmp(name, "id") == 0) &&
        has_segment(value, " \t\n\r\f-_", kgb_html_furniture_words,
                    KGB_COUNT(kgb_html_furniture_words)))
      return 1;
    if (strcmp(name, "role") == 0 &&
        has_segment(value, blanks, kgb_html_furniture_roles,
                    KGB_COUNT(kgb_html_furniture_roles)))
      return 1;
  }
  return 0;
}

/* ==================================================================
 * The state of one parse.
 * ================================================================== */

/* A short text read apart from the body: the <title>, the first <h1>. */
typedef struct {
  kgb_buf buf;
  size_t depth;      /* of the element being read, or 0 */
  int space;         /* white space since the last character */
  int done;          /* read once; later ones do not count */
  int too_long;
} html_capture;

typedef struct {
  kgb_world *world;
  htmlParserCtxtPtr ctxt;
  int status;              /* the first failure; parsing stops there */
  kgb_buf *text;
  size_t text_start;       /* TEXT's length before this page */
  int pending_break;       /* 0, KGB_HTML_LINE or KGB_HTML_PARA */
  int pending_space;
  size_t depth;            /* open elements */
  size_t skip;             /* depth of the dropped element we are in */
  int skip_is_head;        /* ...which is <head>, where <title> counts */
  size_t article;          /* depth of the outermost open article */
  size_t pre;              /* depth of the open <pre> */
  html_capture title, h1;
  size_t h1_begin, h1_end;  /* the first <h1>'s span in TEXT, once seen */
  int h1_placed;
  unsigned long errors, warnings;
  int first_line;
  char first_message[160];
} html_state;

static void fail(html_state *st, int status)
{
  if (st->status == KGB_OK) {
    st->status = status;
    xmlStopParser(st->ctxt);
  }
}

static int is_html_space(char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Write the break or the space that waits, before a character.  Breaks
 * and spaces at the very start are dropped. */
static int flush_separator(html_state *st)
{
  const char *sep = st->pending_break == KGB_HTML_PARA   ? "\n\n"
                    : st->pending_break == KGB_HTML_LINE ? "\n"
                    : st->pending_space                  ? " "
                                                         : "";
  int rc = KGB_OK;

  if (st->text->len > st->text_start && *sep)
    rc = kgb_buf_puts(st->text, sep);
  st->pending_break = 0;
  st->pending_space = 0;
  return rc;
}

static void request_break(html_state *st, unsigned flags)
{
  if (flags & KGB_HTML_PARA)
    st->pending_break = KGB_HTML_PARA;
  else if ((flags & KGB_HTML_LINE) && st->pending_break != KGB_HTML_PARA)
    st->pending_break = KGB_HTML_LINE;
}

/* Body text: runs of white space become one space; in <pre> a line end
 * stays a line end. */
static void put_body(html_state *st, const char *s, size_t n)
{
  size_t i = 0;

  while (i < n && st->status == KGB_OK) {
    size_t run = 0;
    if (is_html_space(s[i])) {
      if (st->pre && s[i] == '\n')
        request_break(st, KGB_HTML_LINE);
      st->pending_space = 1;
      i++;
      continue;
    }
    while (i + run < n && !is_html_space(s[i + run]))
      run++;
    if (flush_separator(st))
      fail(st, KGB_ENOMEM);
    if (st->h1.depth && !st->h1_placed) {
      st->h1_begin = st->text->len;
      st->h1_placed = 1;
    }
    if (kgb_buf_append(st->text, s + i, run))
      fail(st, KGB_ENOMEM);
    i += run;
  }
}

/* A capture keeps one space between words, and no more than it can use. */
static void put_capture(html_state *st, html_capture *c, const char *s,
                        size_t n)
{
  for (size_t i = 0; i < n && st->status == KGB_OK; i++) {
    int rc = KGB_OK;
    if (is_html_space(s[i])) {
      c->space = 1;
      continue;
    }
    if (c->buf.len > KGB_HTML_MAX_TITLE) {
      c->too_long = 1;
      return;
    }
    if (c->space && c->buf.len > 0)
      rc = kgb_buf_putc(&c->buf, ' ');
    c->space = 0;
    if (rc == KGB_OK)
      rc = kgb_buf_putc(&c->buf, s[i]);
    if (rc)
      fail(st, KGB_ENOMEM);
  }
}

static void open_capture(html_capture *c, size_t depth)
{
  if (!c->done && !c->depth)
    c->depth = depth;
}

/* An empty capture (an <h1> holding a logo image) lets a later one in. */
static void close_capture(html_capture *c, size_t depth)
{
  if (!c->depth || depth > c->depth)
    return;
  c->depth = 0;
  c->space = 0;
  c->done = c->buf.len > 0;
}

/* ==================================================================
 * SAX handlers.  libxml2 passes this parse's state as their first
 * argument (ctxt->userData).
 * ================================================================== */

static void on_start(void *data, const xmlChar *name, const xmlChar **atts)
{
  html_state *st = data;
  const char *tag = (const char *)name;
  unsigned flags = element_flags(tag);

  st->depth++;
  if (strcmp(tag, "title") == 0 && (!st->skip || st->skip_is_head))
    open_capture(&st->title, st->depth);
  if (st->skip)
    return;
  if ((flags & KGB_HTML_DROP) ||
      ((flags & KGB_HTML_PAGE_PART) && !st->article) ||
      (!(flags & KGB_HTML_FRAME) && is_furniture(atts))) {
    st->skip = st->depth;
    st->skip_is_head = strcmp(tag, "head") == 0;
    request_break(st, flags);
    return;
  }
  if ((flags & KGB_HTML_ARTICLE) && !st->article)
    st->article = st->depth;
  if (!st->pre && strcmp(tag, "pre") == 0)
    st->pre = st->depth;
  if (strcmp(tag, "h1") == 0)
    open_capture(&st->h1, st->depth);
  request_break(st, flags);
}

/* libxml2 closes every element it opened, implied ones included; the
 * checks on depth keep this sound should it ever not. */
static void on_end(void *data, const xmlChar *name)
{
  html_state *st = data;
  unsigned flags = element_flags((const char *)name);

  if (st->depth == 0)
    return;
  close_capture(&st->title, st->depth);
  if (st->skip) {
    if (st->depth <= st->skip) {
      st->skip = 0;
      request_break(st, flags);
    }
  } else {
    if (st->h1.depth && st->depth <= st->h1.depth) {
      close_capture(&st->h1, st->depth);
      st->h1_end = st->text->len;
      /* An empty <h1> leaves no span; a later one may be the headline. */
      st->h1_placed = st->h1.done;
    }
    if (st->depth <= st->article)
      st->article = 0;
    if (st->depth <= st->pre)
      st->pre = 0;
    request_break(st, flags);
  }
  st->depth--;
}

static void on_text(void *data, const xmlChar *ch, int len)
{
  html_state *st = data;
  const char *s = (const char *)ch;
  size_t n = len > 0 ? (size_t)len : 0;

  if (st->title.depth)
    put_capture(st, &st->title, s, n);
  if (st->skip)
    return;
  if (st->h1.depth)
    put_capture(st, &st->h1, s, n);
  put_body(st, s, n);
}

/* Script and style bodies come as CDATA; they are never article text. */
static void on_cdata(void *data, const xmlChar *ch, int len)
{
  (void)data;
  (void)ch;
  (void)len;
}

static void note_problem(html_state *st, int warning, int line,
                         const char *message)
{
  size_t n;

  if (warning)
    st->warnings++;
  else
    st->errors++;
  if (st->errors + st->warnings > 1)
    return;
  st->first_line = line;
  snprintf(st->first_message, sizeof st->first_message, "%s",
           message ? message : "(no message)");
  n = strlen(st->first_message);
  while (n > 0 && is_html_space(st->first_message[n - 1]))
    st->first_message[--n] = '\0';
}

static void on_structured_error(void *data, xmlErrorPtr err)
{
  html_state *st = data;

  if (err->code == XML_ERR_NO_MEMORY)
    fail(st, KGB_ENOMEM);
  note_problem(st, err->level == XML_ERR_WARNING, err->line, err->message);
}

/* libxml2 uses the structured handler above; these two stand by for
 * any path that calls the old ones, so nothing reaches stderr. */
static void on_error(void *data, const char *msg, ...)
{
  html_state *st = data;

  (void)msg;
  note_problem(st, 0, st->ctxt->lastError.line, st->ctxt->lastError.message);
}

static void on_warning(void *data, const char *msg, ...)
{
  html_state *st = data;

  (void)msg;
  note_problem(st, 1, st->ctxt->lastError.line, st->ctxt->lastError.message);
}

static void set_handlers(htmlSAXHandler *sax)
{
  memset(sax, 0, sizeof *sax);
  sax->startElement = on_start;
  sax->endElement = on_end;
  sax->characters = on_text;
  /* White space libxml2 thinks ignorable still separates two words. */
  sax->ignorableWhitespace = on_text;
  sax->cdataBlock = on_cdata;
  sax->warning = on_warning;
  sax->error = on_error;
  sax->fatalError = on_error;
  sax->serror = on_structured_error;
  /* libxml2 reads serror only from a handler marked as SAX2. */
  sax->initialized = XML_SAX2_MAGIC;
}

/* ==================================================================
 * The title, and the whole parse.
 * ================================================================== */

/* "Acme opens a plant | The Daily Site" -> "Acme opens a plant": cut at
 * the last separator when what follows is shorter than what precedes. */
static size_t strip_site_name(const char *t, size_t n)
{
  size_t best = n;

  for (size_t k = 0; k < KGB_COUNT(kgb_html_title_separators); k++) {
    const char *sep = kgb_html_title_separators[k];
    size_t m = strlen(sep);
    for (size_t i = n; i-- > 0;) {
      if (i + m <= n && memcmp(t + i, sep, m) == 0) {
        if (i > 0 && n - i - m < i && (best == n || i > best))
          best = i;
        break;
      }
    }
  }
  return best;
}

/* The first <h1>, else the <title>; a valid UTF-8 copy, or NULL. */
static int choose_title(html_state *st, char **title)
{
  const html_capture *c = st->h1.done && !st->h1.too_long ? &st->h1
                          : st->title.done && !st->title.too_long
                              ? &st->title
                              : NULL;
  kgb_buf clean;
  size_t n, replaced = 0;

  *title = NULL;
  if (!c)
    return KGB_OK;
  n = c == &st->title ? strip_site_name(c->buf.data, c->buf.len)
                      : c->buf.len;
  kgb_buf_init(&clean);
  if (kgb_utf8_clean(c->buf.data, n, &clean, &replaced)) {
    kgb_buf_release(&clean);
    return KGB_ENOMEM;
  }
  *title = kgb_buf_to_string(&clean);
  return *title ? KGB_OK : KGB_ENOMEM;
}

static size_t trim_breaks_end(const char *s, size_t n)
{
  while (n > 0 && s[n - 1] == '\n')
    n--;
  return n;
}

/* The headline opens the text, as the first line of a text article does,
 * even when a kicker or a date comes before the <h1> on the page. */
static int headline_first(html_state *st)
{
  kgb_buf *t = st->text;
  size_t start = st->text_start, begin = st->h1_begin, end = st->h1_end;
  size_t before, after;
  kgb_buf moved;
  int rc;

  if (!st->h1_placed || !st->h1.done || st->h1.too_long || begin <= start ||
      end <= begin)
    return KGB_OK;
  before = trim_breaks_end(t->data + start, begin - start);
  for (after = end; after < t->len && t->data[after] == '\n'; after++)
    ;
  kgb_buf_init(&moved);
  rc = kgb_buf_append(&moved, t->data + begin, end - begin);
  if (rc == KGB_OK)
    rc = kgb_buf_puts(&moved, "\n\n");
  if (rc == KGB_OK)
    rc = kgb_buf_append(&moved, t->data + start, before);
  if (rc == KGB_OK && after < t->len)
    rc = kgb_buf_puts(&moved, "\n\n");
  if (rc == KGB_OK)
    rc = kgb_buf_append(&moved, t->data + after, t->len - after);
  if (rc == KGB_OK) {
    t->len = start;
    rc = kgb_buf_append(t, moved.data, moved.len);
  }
  kgb_buf_release(&moved);
  return rc;
}

static void report_problems(const html_state *st, const char *source)
{
  if (st->errors + st->warnings == 0)
    return;
  /* Tag soup is the rule on the web: information, not a warning. */
  kgb_info(st->world, "%s: the HTML parser repaired %lu error(s) and %lu "
           "warning(s); the first, line %d: %s", source, st->errors,
           st->warnings, st->first_line, st->first_message);
}

/* Parse UTF8, which kgb_html_decode made: libxml2 is told to keep to
 * UTF-8 (a <meta charset> there is already applied) so that it never
 * converts, and never fails where only its global handler would hear. */
static int parse(html_state *st, const kgb_buf *utf8)
{
  if (utf8->len == 0)
    return KGB_OK;
  xmlInitParser();
  st->ctxt = htmlCreateMemoryParserCtxt(utf8->data, (int)utf8->len);
  if (!st->ctxt)
    return KGB_ENOMEM;
  set_handlers(st->ctxt->sax);
  st->ctxt->userData = st;
  /* No network, whatever the page links to. */
  htmlCtxtUseOptions(st->ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NONET |
                                   HTML_PARSE_IGNORE_ENC);
  /* UTF-8 is libxml2's own: no converter is set up, none can fail. */
  if (xmlSwitchEncoding(st->ctxt, XML_CHAR_ENCODING_UTF8) != 0) {
    htmlFreeParserCtxt(st->ctxt);
    st->ctxt = NULL;
    return KGB_ENOMEM;
  }
  htmlParseDocument(st->ctxt);
  /* No handler builds a tree; free one should libxml2 have begun it. */
  if (st->ctxt->myDoc)
    xmlFreeDoc(st->ctxt->myDoc);
  st->ctxt->myDoc = NULL;
  htmlFreeParserCtxt(st->ctxt);
  st->ctxt = NULL;
  return st->status;
}

static void state_release(html_state *st)
{
  kgb_buf_release(&st->title.buf);
  kgb_buf_release(&st->h1.buf);
}

/* libxml2 2.9 counts a buffer's bytes in an int. */
static int too_big(kgb_world *world, const char *source, size_t len)
{
  return kgb_report(world, KGB_ELIMIT, "%s: an HTML page of %zu bytes (as "
                    "UTF-8) is over the parser's bound of %d; split it, or "
                    "pass its text alone", source, len, INT_MAX);
}

int kgb_html_to_text(kgb_world *world, const char *source, const char *bytes,
                     size_t len, kgb_buf *text, char **title)
{
  html_state st;
  kgb_buf utf8;
  int rc;

  *title = NULL;
  if (len > INT_MAX)
    return too_big(world, source, len);
  if (len == 0)
    return KGB_OK;
  memset(&st, 0, sizeof st);
  st.world = world;
  st.text = text;
  st.text_start = text->len;
  kgb_buf_init(&st.title.buf);
  kgb_buf_init(&st.h1.buf);
  kgb_buf_init(&utf8);
  rc = kgb_html_decode(world, source, bytes, len, &utf8);
  if (rc == KGB_OK && utf8.len > 0) {
    utf8.len = kgb_html_cap_attributes(utf8.data, utf8.len);
    utf8.data[utf8.len] = '\0';
  }
  if (rc == KGB_OK && utf8.len > INT_MAX)
    rc = too_big(world, source, utf8.len);
  else if (rc == KGB_OK)
    rc = parse(&st, &utf8);
  kgb_buf_release(&utf8);
  if (rc == KGB_OK)
    rc = headline_first(&st);
  if (rc == KGB_OK && text->len > st.text_start && kgb_buf_putc(text, '\n'))
    rc = KGB_ENOMEM;
  if (rc == KGB_OK)
    rc = choose_title(&st, title);
  if (rc == KGB_OK)
    report_problems(&st, source);
  else if (rc != KGB_ELIMIT)   /* too_big said it already */
    kgb_report(world, rc, "%s: HTML: %s", source, kgb_strerror(rc));
  state_release(&st);
  return rc;
}
