/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_utf8.c - Unicode helpers over utf8proc. */
#include "kgb_utf8.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "kgb_alloc.h"
#include "kgbuild.h"

static const char replacement[] = "\xEF\xBF\xBD";

/* Is CP text every RDF syntax can hold?  XML 1.0 (RDF/XML) has no C0
 * control but tab, line feed and carriage return, and raptor's XML writer
 * also refuses DEL, U+FFFE and U+FFFF: one of them in a sentence made the
 * whole RDF/XML output fail.  NUL would end the text early. */
static int is_text(utf8proc_int32_t cp)
{
  if (cp < 0x20)
    return cp == '\t' || cp == '\n' || cp == '\r';
  return cp != 0x7F && cp != 0xFFFE && cp != 0xFFFF;
}

int kgb_utf8_clean(const char *in, size_t len, kgb_buf *out, size_t *replaced)
{
  size_t i = 0, start = 0;

  *replaced = 0;
  while (i < len) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)in + i,
                                          (utf8proc_ssize_t)(len - i), &cp);
    if (n > 0 && is_text(cp)) {
      i += (size_t)n;
      continue;
    }
    if (kgb_buf_append(out, in + start, i - start) ||
        kgb_buf_append(out, replacement, 3))
      return KGB_ENOMEM;
    (*replaced)++;
    /* A refused code point is one U+FFFD, as one code point it was; a
     * bad byte is one too. */
    i += n > 0 ? (size_t)n : 1;
    start = i;
  }
  return kgb_buf_append(out, in + start, len - start);
}

size_t kgb_utf8_next(const char *s, size_t len, int32_t *cp)
{
  utf8proc_int32_t c;

  /* Most of the text is ASCII: no need to ask utf8proc. */
  if (len > 0 && !((unsigned char)s[0] & 0x80)) {
    *cp = (unsigned char)s[0];
    return 1;
  }
  utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s,
                                        (utf8proc_ssize_t)len, &c);
  if (n <= 0) {
    *cp = 0xFFFD;
    return 1;
  }
  *cp = c;
  return (size_t)n;
}

size_t kgb_utf8_cp_count(const char *s, size_t len)
{
  size_t count = 0;

  /* Count the bytes that start a code point: all but 10xxxxxx. */
  for (size_t i = 0; i < len; i++)
    count += ((unsigned char)s[i] & 0xC0) != 0x80;
  return count;
}

/* The ASCII answers, where most questions end. */
static int ascii_upper(int32_t cp) { return cp >= 'A' && cp <= 'Z'; }
static int ascii_lower(int32_t cp) { return cp >= 'a' && cp <= 'z'; }

int kgb_utf8_is_upper(int32_t cp)
{
  utf8proc_category_t c;

  if (cp >= 0 && cp < 0x80)
    return ascii_upper(cp);
  c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

int kgb_utf8_is_lower(int32_t cp)
{
  if (cp >= 0 && cp < 0x80)
    return ascii_lower(cp);
  return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

int kgb_utf8_is_letter(int32_t cp)
{
  utf8proc_category_t c;

  if (cp >= 0 && cp < 0x80)
    return ascii_upper(cp) || ascii_lower(cp);
  c = utf8proc_category(cp);
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

int kgb_utf8_is_digit(int32_t cp)
{
  if (cp >= 0 && cp < 0x80)
    return cp >= '0' && cp <= '9';
  return utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
}

int kgb_utf8_is_space(int32_t cp)
{
  utf8proc_category_t c;

  if (cp >= 0 && cp < 0x80)
    return cp == ' ' || (cp >= '\t' && cp <= '\r');
  c = utf8proc_category(cp);
  return cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
         cp == '\v' || c == UTF8PROC_CATEGORY_ZS;
}

/* Latin letters that Unicode does not decompose into a base letter and
 * a mark, so STRIPMARK leaves them: folded here to what a reader without
 * them types ("Wrocław" = "Wroclaw").  Case is already folded. */
static const struct {
  const char *from, *to;  /* from is two UTF-8 bytes, to at most two */
} unmarked[] = {
  {"\xC5\x82", "l"},  /* ł */
  {"\xC3\xB8", "o"},  /* ø */
  {"\xC3\xA6", "ae"}, /* æ */
  {"\xC5\x93", "oe"}, /* œ */
  {"\xC4\x91", "d"},  /* đ */
  {"\xC3\xB0", "d"},  /* ð */
  {"\xC3\xBE", "th"}, /* þ */
  {"\xC4\xB1", "i"},  /* ı */
};

/* Append the ASCII form of the unmarked letter at P (N bytes left) to
 * OUT at *J; 0 when there is none. */
static size_t fold_unmarked(const utf8proc_uint8_t *p, utf8proc_ssize_t n,
                            char *out, size_t *j)
{
  if (n < 2)
    return 0;
  for (size_t k = 0; k < sizeof unmarked / sizeof *unmarked; k++)
    if (memcmp(p, unmarked[k].from, 2) == 0) {
      for (const char *t = unmarked[k].to; *t; t++)
        out[(*j)++] = *t;
      return 2;
    }
  return 0;
}

char *kgb_utf8_fold(const char *s, size_t len)
{
  utf8proc_uint8_t *mapped = NULL;
  utf8proc_ssize_t n;
  char *out;
  size_t j = 0;

  n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len,
                   &mapped,
                   UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
  if (n < 0)
    return NULL;
  out = kgb_malloc((size_t)n + 1);
  if (!out) {
    free(mapped);
    return NULL;
  }
  for (utf8proc_ssize_t i = 0; i < n; i++) {
    size_t used = fold_unmarked(mapped + i, n - i, out, &j);
    if (used) {
      i += (utf8proc_ssize_t)used - 1;
      continue;
    }
    /* U+2019 and U+2018 (E2 80 99 / 98) fold to an ASCII apostrophe. */
    if (i + 2 < n && mapped[i] == 0xE2 && mapped[i + 1] == 0x80 &&
        (mapped[i + 2] == 0x99 || mapped[i + 2] == 0x98)) {
      out[j++] = '\'';
      i += 2;
      continue;
    }
    out[j++] = (char)mapped[i];
  }
  out[j] = '\0';
  free(mapped);
  return out;
}

char *kgb_utf8_recase(const char *s, size_t len, int title)
{
  /* A code point's other case takes at most 4 bytes, as any does. */
  char *out = kgb_malloc(len * 4 + 1);
  size_t n = 0;
  int first = 1;

  if (!out)
    return NULL;
  for (size_t i = 0; i < len;) {
    int32_t cp;
    i += kgb_utf8_next(s + i, len - i, &cp);
    if (kgb_utf8_is_letter(cp)) {
      cp = first && title ? utf8proc_toupper(cp) : utf8proc_tolower(cp);
      first = 0;
    }
    n += (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out + n);
  }
  out[n] = '\0';
  return out;
}
