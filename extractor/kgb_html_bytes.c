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
#include "kgb_html.h"

#include <iconv.h>
#include <string.h>

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
