/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_html_bytes.c - what the bytes of an input are: an HTML page or
 * not, and the page as clean UTF-8 before libxml2 sees it.
 *
 * libxml2 2.9 can decode a page itself, but when the bytes are not valid
 * in the encoding the page declares, it stops the parse and reports the
 * failure through its process-wide error handler, with no parse to tie
 * it to.  In kgbuild that handler is raptor's: the failure would become
 * an RDF error that fails this document, every later one and the whole
 * output.  So the page is decoded here, the way libxml2 and browsers
 * find the encoding (byte-order mark, then <meta charset>), every bad
 * byte becomes U+FFFD, and libxml2 reads UTF-8 it cannot fail on. */
#define _GNU_SOURCE   /* memmem */
#include "kgb_html.h"

#include <iconv.h>
#include <string.h>
#include <strings.h>

#include "kgb_bytes.h"
#include "kgb_utf8.h"
#include "kgb_world_internal.h"

/* How far into the page a <meta charset> is looked for.  HTML asks for
 * it in the first 1024 bytes; pages with long heads get some slack. */
#define KGB_HTML_PRESCAN 4096

/* Longest encoding label kept. */
#define KGB_HTML_LABEL 40

/* Labels read as another encoding, as browsers do (WHATWG Encoding):
 * Latin-1 pages are written with Windows-1252's quotes and dashes, and a
 * <meta> cannot declare UTF-16 in bytes it could be read from. */
static const struct {
  const char *label, *encoding;
} kgb_html_label_aliases[] = {
  {"iso-8859-1", "WINDOWS-1252"}, {"iso8859-1", "WINDOWS-1252"},
  {"latin1", "WINDOWS-1252"},     {"l1", "WINDOWS-1252"},
  {"us-ascii", "WINDOWS-1252"},   {"ascii", "WINDOWS-1252"},
  {"utf8", "UTF-8"},              {"unicode-1-1-utf-8", "UTF-8"},
  {"utf-16", "UTF-8"},            {"utf-16le", "UTF-8"},
  {"utf-16be", "UTF-8"},          {"utf-32", "UTF-8"},
};

/* Where no encoding is declared and the bytes are not UTF-8. */
#define KGB_HTML_FALLBACK "WINDOWS-1252"

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; }

/* Case-insensitive search for NEEDLE (lower case) in S[0..N). */
static const char *find_ci(const char *s, size_t n, const char *needle)
{
  size_t m = strlen(needle);

  for (size_t i = 0; i + m <= n; i++) {
    size_t k = 0;
    while (k < m && lower((unsigned char)s[i + k]) == needle[k])
      k++;
    if (k == m)
      return s + i;
  }
  return NULL;
}

/* The value after "charset" and '=' in TAG[0..N), into LABEL. */
static int charset_in(const char *tag, size_t n, char *label)
{
  const char *end = tag + n, *p = find_ci(tag, n, "charset");
  size_t k = 0;
  char quote = 0;

  if (!p)
    return 0;
  for (p += 7; p < end && (*p == ' ' || *p == '\t'); p++)
    ;
  if (p >= end || *p != '=')
    return 0;
  for (p++; p < end && (*p == ' ' || *p == '\t'); p++)
    ;
  if (p < end && (*p == '"' || *p == '\''))
    quote = *p++;
  while (p < end && k + 1 < KGB_HTML_LABEL && *p != quote && *p != ';' &&
         *p != ' ' && *p != '>' && *p != '"' && *p != '\'' && *p != '/')
    label[k++] = (char)lower((unsigned char)*p++);
  label[k] = '\0';
  return k > 0;
}

/* <meta charset="X"> or <meta http-equiv=... content="...; charset=X">
 * early in the page, into LABEL. */
static int meta_charset(const char *bytes, size_t len, char *label)
{
  size_t n = len < KGB_HTML_PRESCAN ? len : KGB_HTML_PRESCAN;
  const char *p = bytes, *end = bytes + n;

  while ((p = find_ci(p, (size_t)(end - p), "<meta")) != NULL) {
    const char *close = memchr(p, '>', (size_t)(end - p));
    size_t tag_len = close ? (size_t)(close - p) : (size_t)(end - p);
    if (charset_in(p, tag_len, label))
      return 1;
    p += 5;
  }
  return 0;
}

static const char *resolve_label(const char *label)
{
  for (size_t i = 0; i < sizeof kgb_html_label_aliases /
                             sizeof *kgb_html_label_aliases; i++)
    if (strcmp(kgb_html_label_aliases[i].label, label) == 0)
      return kgb_html_label_aliases[i].encoding;
  return label;
}

/* The encoding of the page: its BOM, its <meta>, or a guess. */
static const char *find_encoding(kgb_world *world, const char *source,
                                 const char *bytes, size_t len, size_t *skip,
                                 char *label)
{
  const char *enc = kgb_bytes_bom((const unsigned char *)bytes, len, skip);

  if (enc)
    return enc;
  if (meta_charset(bytes, len, label)) {
    const char *named = resolve_label(label);
    iconv_t cd = iconv_open("UTF-8", named);
    if (cd != (iconv_t)-1) {
      iconv_close(cd);
      return named;
    }
    kgb_warn(world, "%s: the page declares the encoding '%s', which this "
             "system cannot decode; read as UTF-8 (or Windows-1252) instead",
             source, label);
  }
  if (kgb_bytes_mostly_utf8(bytes, len))
    return "UTF-8";
  kgb_info(world, "%s: no encoding declared and the bytes are not UTF-8; "
           "read as %s", source, KGB_HTML_FALLBACK);
  return KGB_HTML_FALLBACK;
}

int kgb_html_decode(kgb_world *world, const char *source, const char *bytes,
                    size_t len, kgb_buf *utf8)
{
  char label[KGB_HTML_LABEL];
  size_t skip = 0, bad = 0, replaced = 0;
  const char *enc = find_encoding(world, source, bytes, len, &skip, label);
  kgb_buf raw;
  int rc = KGB_OK;

  kgb_buf_init(&raw);
  bytes += skip;
  len -= skip;
  /* UTF-8 needs no iconv; the cleaning below replaces what is wrong. */
  if (strcmp(enc, "UTF-8") != 0) {
    rc = kgb_bytes_decode(enc, bytes, len, &raw, &bad);
    if (rc == KGB_EINVAL) {
      /* A system without that converter (a minimal libc). */
      kgb_warn(world, "%s: this system cannot decode %s; the page is read "
               "as UTF-8", source, enc);
      enc = "UTF-8";
      rc = KGB_OK;
    } else {
      bytes = raw.data ? raw.data : "";
      len = raw.len;
    }
  }
  /* NUL bytes and whatever iconv let through become U+FFFD too. */
  if (rc == KGB_OK && kgb_utf8_clean(bytes, len, utf8, &replaced))
    rc = KGB_ENOMEM;
  kgb_buf_release(&raw);
  if (rc == KGB_OK && bad + replaced > 0)
    kgb_warn(world, "%s: %zu byte sequence(s) not valid in the page's "
             "encoding (%s) replaced by U+FFFD", source, bad + replaced, enc);
  return rc;
}

/* ==================================================================
 * Is it HTML?
 * ================================================================== */

static int is_space(char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Does PATH[0..N) end in SUFFIX (lower case), after a name, in any case? */
static int ends_with(const char *path, size_t n, const char *suffix)
{
  size_t m = strlen(suffix);

  if (n <= m)
    return 0;
  for (size_t i = 0; i < m; i++)
    if (lower((unsigned char)path[n - m + i]) != suffix[i])
      return 0;
  return 1;
}

/* How many bytes of the opening are looked at. */
#define KGB_HTML_SNIFF 1024

/* The opening of BYTES as lower-case ASCII in OUT (which holds
 * KGB_HTML_SNIFF bytes and a NUL), read as UTF-16 after its BOM. */
static size_t sniff_prefix(const unsigned char *b, size_t len, char *out)
{
  size_t i = 0, n = 0;
  const char *bom = kgb_bytes_bom(b, len, &i);
  size_t step = bom && strncmp(bom, "UTF-16", 6) == 0 ? 2 : 1;
  int high_first = bom && strcmp(bom, "UTF-16BE") == 0;

  for (; i + step <= len && n < KGB_HTML_SNIFF; i += step) {
    unsigned c = step == 1 ? b[i] : high_first ? b[i + 1] : b[i];
    unsigned other = step == 1 ? 0 : high_first ? b[i] : b[i + 1];
    if (other != 0 || c == 0 || c > 0x7F)
      break;
    out[n++] = (char)lower((int)c);
  }
  out[n] = '\0';
  return n;
}

/* Skip white space, <!-- comments --> and <?xml ...?> at P. */
static const char *skip_preamble(const char *p)
{
  for (;;) {
    const char *end = NULL;
    while (is_space(*p))
      p++;
    if (strncmp(p, "<!--", 4) == 0)
      end = strstr(p + 4, "-->");
    else if (strncmp(p, "<?", 2) == 0)
      end = strstr(p + 2, "?>");
    else
      return p;
    if (!end)
      return p;
    p = end + (*end == '-' ? 3 : 2);
  }
}

static int opens_with(const char *p, const char *tag)
{
  size_t n = strlen(tag);

  return strncmp(p, tag, n) == 0 &&
         (p[n] == '>' || p[n] == '/' || is_space(p[n]));
}

int kgb_html_sniff(const char *bytes, size_t len)
{
  char prefix[KGB_HTML_SNIFF + 1];
  const char *p;

  sniff_prefix((const unsigned char *)bytes, len, prefix);
  p = skip_preamble(prefix);
  return opens_with(p, "<!doctype html") || opens_with(p, "<html");
}

int kgb_html_is_html_name(const char *path)
{
  size_t n = strlen(path);

  return ends_with(path, n, ".html") || ends_with(path, n, ".htm");
}

/* ==================================================================
 * Tags of too many attributes.
 *
 * libxml2 2.9 compares each attribute of a start tag with every earlier
 * one of the tag (a repeated name is dropped), so a tag of K attributes
 * costs K^2/2 comparisons: 200 000 attributes on one tag took half a
 * minute.  Past KGB_HTML_MAX_ATTRIBUTES, a tag keeps only the first of
 * each attribute the page reading looks at (kgb_html.c reads these, and
 * a later one of the same name is one libxml2 drops); no page of news
 * comes near the bound, and a page under it is passed on byte for byte.
 * ================================================================== */

#define KGB_HTML_MAX_ATTRIBUTES 64

static const char *const kgb_html_read_attributes[] = {
  "class", "id", "role", "hidden", "aria-hidden",
};

static int ascii_alpha(char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Does the tag end at S[I] ('>' or "/>")? */
static int tag_ends(const char *s, size_t len, size_t i)
{
  return s[i] == '>' || (s[i] == '/' && i + 1 < len && s[i + 1] == '>');
}

/* The end of the attribute at S[I] (after its leading white space): its
 * name, and "= value", quoted or not; libxml2 reads a name that does not
 * start like one only up to the next blank.  *NAME_END receives the end
 * of the name. */
static size_t attribute_end(const char *s, size_t len, size_t i,
                            size_t *name_end)
{
  int valid = ascii_alpha(s[i]) || s[i] == '_' || s[i] == ':' || s[i] == '.';

  while (i < len && !is_space(s[i]) && !tag_ends(s, len, i) &&
         (!valid || s[i] != '='))
    i++;
  *name_end = i;
  if (!valid)
    return i;
  size_t j = i;
  while (j < len && is_space(s[j]))
    j++;
  if (j >= len || s[j] != '=')
    return i;
  for (j++; j < len && is_space(s[j]); j++)
    ;
  if (j < len && (s[j] == '"' || s[j] == '\'')) {
    const char *close = memchr(s + j + 1, s[j], len - j - 1);
    return close ? (size_t)(close - s) + 1 : len;
  }
  while (j < len && !is_space(s[j]) && s[j] != '>')
    j++;
  return j;
}

/* Which of kgb_html_read_attributes is S[0..N) (any case), as a bit, or
 * 0. */
static unsigned read_attribute_bit(const char *s, size_t n)
{
  for (size_t k = 0; k < sizeof kgb_html_read_attributes /
                             sizeof *kgb_html_read_attributes; k++) {
    const char *w = kgb_html_read_attributes[k];
    size_t i = 0;
    while (i < n && w[i] && lower((unsigned char)s[i]) == w[i])
      i++;
    if (i == n && !w[i])
      return 1u << k;
  }
  return 0;
}

/* Copy the start tag at S[*R] (S[*R] is '<', then a letter) to S[*W],
 * without its attributes past the bound; both move past it.  Returns the
 * length of the tag's name, which starts at S[*W + 1] once copied. */
static size_t copy_start_tag(char *s, size_t len, size_t *r, size_t *w)
{
  size_t i = *r + 1, out = *w, count = 0, name_len;
  unsigned seen = 0;

  while (i < len && !is_space(s[i]) && !tag_ends(s, len, i))
    i++;
  name_len = i - *r - 1;
  memmove(s + out, s + *r, i - *r);
  out += i - *r;
  while (i < len) {
    size_t b = i, name_b, name_e, e;
    unsigned bit;
    while (i < len && is_space(s[i]))
      i++;
    if (i >= len || tag_ends(s, len, i)) {
      memmove(s + out, s + b, i - b);
      out += i - b;
      break;
    }
    name_b = i;
    e = attribute_end(s, len, i, &name_e);
    bit = read_attribute_bit(s + name_b, name_e - name_b);
    if (count++ < KGB_HTML_MAX_ATTRIBUTES || (bit && !(seen & bit))) {
      memmove(s + out, s + b, e - b);
      out += e - b;
    }
    seen |= bit;
    i = e;
  }
  *r = i;
  *w = out;
  return name_len;
}

/* Is S[0..N) the tag name NAME (lower case), in any case? */
static int is_tag(const char *s, size_t n, const char *name)
{
  return n == strlen(name) && strncasecmp(s, name, n) == 0;
}

/* Where the raw text of <script> or <style> ends: at "</NAME", in any
 * case, or at the end. */
static size_t raw_text_end(const char *s, size_t len, size_t i,
                           const char *name)
{
  size_t n = strlen(name);

  for (; i + 2 + n <= len; i++)
    if (s[i] == '<' && s[i + 1] == '/' && strncasecmp(s + i + 2, name, n) == 0)
      return i;
  return len;
}

/* Where the piece of S that starts at R and is copied whole ends: text,
 * a comment, or one byte of anything else (an end tag, "<!doctype"...). */
static size_t verbatim_end(const char *s, size_t len, size_t r)
{
  const char *end;

  if (s[r] != '<') {
    end = memchr(s + r, '<', len - r);
    return end ? (size_t)(end - s) : len;
  }
  if (len - r >= 4 && strncmp(s + r, "<!--", 4) == 0) {
    end = memmem(s + r + 4, len - r - 4, "-->", 3);
    return end ? (size_t)(end - s) + 3 : len;
  }
  return r + 1;
}

/* The element whose text holds no tags, whatever it looks like, named
 * S[0..N); or NULL. */
static const char *raw_text_element(const char *s, size_t n)
{
  if (is_tag(s, n, "script"))
    return "script";
  return is_tag(s, n, "style") ? "style" : NULL;
}

size_t kgb_html_cap_attributes(char *s, size_t len)
{
  size_t r = 0, w = 0;

  while (r < len) {
    size_t from = r;
    if (s[r] == '<' && r + 1 < len && ascii_alpha(s[r + 1])) {
      size_t name = w + 1, name_len = copy_start_tag(s, len, &r, &w);
      const char *raw = raw_text_element(s + name, name_len);
      if (!raw)
        continue;
      from = r;
      r = raw_text_end(s, len, r, raw);
    } else {
      r = verbatim_end(s, len, r);
    }
    memmove(s + w, s + from, r - from);
    w += r - from;
  }
  return w;
}
