/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_iri.c - slugs and hashes for minted IRIs; escaping and checking
 * what an IRI may hold. */
#include "kgb_iri.h"

#include <string.h>


#include "kgb_alloc.h"
#include "kgb_sha256.h"
#include "kgb_utf8.h"
#include "kgbuild.h"

int kgb_iri_append_slug(kgb_buf *out, const char *name)
{
  char *fold = kgb_utf8_fold(name, strlen(name));
  size_t start = out->len, n, w;
  int dash = 0, rc = KGB_OK;

  if (!fold)
    return KGB_ENOMEM;
  n = strlen(fold);
  for (size_t i = 0; i < n && rc == KGB_OK; i += w) {
    int32_t cp;
    w = kgb_utf8_next(fold + i, n - i, &cp);
    if (kgb_utf8_is_letter(cp) || kgb_utf8_is_digit(cp)) {
      if (dash && out->len > start)
        rc = kgb_buf_putc(out, '-');
      if (rc == KGB_OK)
        rc = kgb_buf_append(out, fold + i, w);
      dash = 0;
    } else {
      dash = 1;
    }
  }
  if (rc == KGB_OK && out->len == start)
    rc = kgb_buf_puts(out, "unnamed");
  kgb_free(fold);
  return rc;
}

int kgb_iri_append_hash(kgb_buf *out, const char *key, size_t len)
{
  char hex[65];

  kgb_sha256_hex(key, len, hex);
  return kgb_buf_append(out, hex, 16);
}

/* RFC 3987's ucschar: the code points beyond ASCII an IRI may hold as
 * they are (no C1 controls, surrogates, private use or noncharacters). */
static int is_ucschar(int32_t cp)
{
  if (cp < 0xA0 || (cp >= 0xD800 && cp <= 0xF8FF) ||
      (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp >= 0xFFF0 && cp <= 0xFFFF))
    return 0;
  if ((cp & 0xFFFE) == 0xFFFE || (cp >= 0xE0000 && cp < 0xE1000))
    return 0;
  return cp < 0xF0000;
}

/* ASCII an IRI may hold: unreserved, reserved, and '%' (escapes). */
static int is_iri_ascii(int c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || (c && strchr("-._~:/?#[]@!$&'()*+,;=%", c));
}

/* The length of the character at S[0..LEN) when an IRI may hold it, else
 * 0 (for a byte that is not UTF-8 too). */
static size_t iri_char(const char *s, size_t len)
{
  int32_t cp;
  size_t n;

  if (!((unsigned char)*s & 0x80))
    return is_iri_ascii((unsigned char)*s) ? 1 : 0;
  /* A byte that is not UTF-8 reads as U+FFFD, which is no ucschar. */
  n = kgb_utf8_next(s, len, &cp);
  return is_ucschar(cp) ? n : 0;
}

static int is_hex(char c)
{
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
         (c >= 'A' && c <= 'F');
}

int kgb_iri_append_escaped(kgb_buf *out, const char *name)
{
  static const char hex[] = "0123456789ABCDEF";
  size_t len = strlen(name), i = 0;
  int rc = KGB_OK;

  while (i < len && rc == KGB_OK) {
    size_t n = iri_char(name + i, len - i);
    /* '[' and ']' belong to a host, not a path; '%' would be ambiguous. */
    if (n > 0 && !strchr("[]%", name[i])) {
      rc = kgb_buf_append(out, name + i, n);
      i += n;
    } else {
      unsigned char c = (unsigned char)name[i++];
      char esc[3] = {'%', hex[c >> 4], hex[c & 15]};
      rc = kgb_buf_append(out, esc, 3);
    }
  }
  return rc;
}

const char *kgb_iri_first_bad(const char *s)
{
  size_t len = strlen(s), i = 0;

  while (i < len) {
    size_t n = iri_char(s + i, len - i);
    if (n == 0 ||
        (s[i] == '%' && (!is_hex(s[i + 1]) || !is_hex(s[i + 2]))))
      return s + i;
    i += n;
  }
  return NULL;
}
