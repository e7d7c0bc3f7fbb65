/* kgb_ntriples.c - N-Triples and N-Quads, the formats that stream.
 *
 * raptor's writer passes every byte through a function call, which made
 * it a fifth of a whole run; these lines are written a run of plain bytes
 * at a time instead.  The bytes are raptor's: the same escapes (\uXXXX in
 * upper case for anything not ASCII, \" \\ \t \n \r in literals), the same
 * spacing; tests/test_formats.c holds the two writers to the same output. */
#include <string.h>

#include "kgb_graph_internal.h"

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

/* Decode the UTF-8 sequence at S (raptor's terms hold valid UTF-8);
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

static int put_uri(kgb_buf *out, raptor_uri *uri)
{
  size_t len;
  const unsigned char *s = raptor_uri_as_counted_string(uri, &len);

  if (kgb_buf_putc(out, '<') || put_escaped(out, s, len, 1))
    return KGB_ENOMEM;
  return kgb_buf_putc(out, '>');
}

static int put_term(kgb_buf *out, const raptor_term *t)
{
  const raptor_term_literal_value *lit = &t->value.literal;

  switch (t->type) {
  case RAPTOR_TERM_TYPE_URI:
    return put_uri(out, t->value.uri);
  case RAPTOR_TERM_TYPE_BLANK:
    return kgb_buf_append(out, "_:", 2) ||
                   kgb_buf_append(out, (const char *)t->value.blank.string,
                                  t->value.blank.string_len)
               ? KGB_ENOMEM : KGB_OK;
  case RAPTOR_TERM_TYPE_LITERAL:
    if (kgb_buf_putc(out, '"') ||
        put_escaped(out, lit->string, lit->string_len, 0) ||
        kgb_buf_putc(out, '"'))
      return KGB_ENOMEM;
    if (lit->language &&
        (kgb_buf_putc(out, '@') ||
         kgb_buf_append(out, (const char *)lit->language,
                        lit->language_len)))
      return KGB_ENOMEM;
    if (lit->datatype &&
        (kgb_buf_append(out, "^^", 2) || put_uri(out, lit->datatype)))
      return KGB_ENOMEM;
    return KGB_OK;
  default:
    return KGB_EINVAL;
  }
}

int kgb_ntriples_write(kgb_buf *out, const raptor_statement *st,
                       int with_graph)
{
  int rc;

  if (!plain_bytes['a'])
    make_plain_bytes();
  rc = put_term(out, st->subject);
  if (rc == KGB_OK && !(rc = kgb_buf_putc(out, ' ')))
    rc = put_term(out, st->predicate);
  if (rc == KGB_OK && !(rc = kgb_buf_putc(out, ' ')))
    rc = put_term(out, st->object);
  if (rc == KGB_OK && with_graph && st->graph &&
      !(rc = kgb_buf_putc(out, ' ')))
    rc = put_term(out, st->graph);
  return rc ? rc : kgb_buf_append(out, " .\n", 3);
}
