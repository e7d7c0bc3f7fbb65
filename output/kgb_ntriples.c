/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_ntriples.c - the terms of N-Triples and N-Quads lines, the formats
 * that stream.
 *
 * A streaming graph renders each statement as its line at once instead of
 * building raptor terms (five allocations a statement) and passing them to
 * raptor's writer, which writes a byte per call: the two were half of a
 * whole run.  Plain bytes are copied a run at a time.  The bytes are
 * raptor's: the same escapes (\uXXXX in upper case for anything not
 * ASCII, \" \\ \t \n \r in literals), the same spacing;
 * tests/test_formats.c holds the two to the same output. */
#include <string.h>

#include "kgb_graph_internal.h"
#include "kgbuild.h"

static const char hex[] = "0123456789ABCDEF";

/* Append \uXXXX or \UXXXXXXXX for code point CP. */
static int put_code_point(kgb_buf *out, unsigned long cp)
{
  char esc[10];
  int digits = cp > 0xFFFF ? 8 : 4;

  esc[0] = '\\';
  esc[1] = digits == 8 ? 'U' : 'u';
  for (int i = 0; i < digits; i++)
    esc[2 + i] = hex[(cp >> (4 * (digits - 1 - i))) & 0xF];
  return kgb_buf_append(out, esc, (size_t)(2 + digits));
}

/* Decode the UTF-8 sequence at S (document text is valid UTF-8);
 * *N gets its length. */
static unsigned long decode(const unsigned char *s, size_t left, size_t *n)
{
  unsigned long cp = s[0];
  size_t len = cp >= 0xF0 ? 4 : cp >= 0xE0 ? 3 : cp >= 0xC0 ? 2 : 1;

  if (len > left)
    len = 1;
  if (len > 1) {
    cp &= 0x3Fu >> (len - 1);
    for (size_t k = 1; k < len; k++)
      cp = cp << 6 | (s[k] & 0x3Fu);
  }
  *n = len;
  return cp;
}

/* Bytes written as they are: bit 0 inside <> (an IRI), bit 1 inside ""
 * (a literal); made once, as the test is made for every byte written. */
static unsigned char plain_bytes[256];

static void make_plain_bytes(void)
{
  for (int c = 0x20; c < 0x7F; c++)
    plain_bytes[c] = (unsigned char)((c != ' ' && !strchr("<>\"{}|^`\\", c))
                                     | (c != '"' && c != '\\') << 1);
}

static int plain(unsigned char c, int iri)
{
  return (plain_bytes[c] >> (iri ? 0 : 1)) & 1;
}

static int put_escape(kgb_buf *out, const unsigned char *s, size_t left,
                      int iri, size_t *used)
{
  unsigned char c = s[0];
  const char *two = NULL;

  *used = 1;
  if (c == '\\')
    two = "\\\\";
  else if (!iri && c == '"')
    two = "\\\"";
  else if (!iri && c == '\n')
    two = "\\n";
  else if (!iri && c == '\r')
    two = "\\r";
  else if (!iri && c == '\t')
    two = "\\t";
  if (two)
    return kgb_buf_append(out, two, 2);
  return put_code_point(out, c < 0x80 ? c : decode(s, left, used));
}

static int put_escaped(kgb_buf *out, const unsigned char *s, size_t len,
                       int iri)
{
  size_t i = 0;

  while (i < len) {
    size_t run = i, used;
    while (run < len && plain(s[run], iri))
      run++;
    if (run > i && kgb_buf_append(out, (const char *)s + i, run - i))
      return KGB_ENOMEM;
    i = run;
    if (i < len) {
      if (put_escape(out, s + i, len - i, iri, &used))
        return KGB_ENOMEM;
      i += used;
    }
  }
  return KGB_OK;
}

int kgb_ntriples_put_iri(kgb_buf *out, const char *iri, size_t len)
{
  if (!plain_bytes['a'])
    make_plain_bytes();
  if (kgb_buf_putc(out, '<') ||
      put_escaped(out, (const unsigned char *)iri, len, 1))
    return KGB_ENOMEM;
  return kgb_buf_putc(out, '>');
}

int kgb_ntriples_put_literal(kgb_buf *out, const char *text, size_t len,
                             const char *lang, const char *datatype)
{
  if (!plain_bytes['a'])
    make_plain_bytes();
  if (kgb_buf_putc(out, '"') ||
      put_escaped(out, (const unsigned char *)text, len, 0) ||
      kgb_buf_putc(out, '"'))
    return KGB_ENOMEM;
  if (lang && (kgb_buf_putc(out, '@') || kgb_buf_puts(out, lang)))
    return KGB_ENOMEM;
  if (datatype && (kgb_buf_append(out, "^^", 2) ||
                   kgb_ntriples_put_iri(out, datatype, strlen(datatype))))
    return KGB_ENOMEM;
  return KGB_OK;
}
