/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_mend.c - byte filters between a raptor serializer and the file. */
#include "kgb_mend.h"

#include <stdlib.h>
#include <string.h>

#include "kgb_alloc.h"

struct kgb_mend {
  raptor_iostream *io;   /* owned: writes through the functions below */
  raptor_iostream *out;  /* borrowed: where mended bytes go */
  char held[10];         /* JSON: "\" or "\U" and hex digits, not written */
  size_t n_held;
};

int kgb_mend_needed(const char *format)
{
  return strcmp(format, "turtle") == 0 || strcmp(format, "json") == 0;
}

static int put(kgb_mend *m, const char *p, size_t n)
{
  return n == 0 || raptor_iostream_write_bytes(p, 1, n, m->out) == (int)n;
}

/* Turtle: raptor puts a literal that holds a carriage return but no line
 * feed between plain quotes with the CR raw, which Turtle forbids there,
 * and the whole output no longer parses (a text with a lone CR gives such
 * a sentence).  The escape \r is the same character in "..." and in
 * """...""", and raptor writes no CR outside literals, so every raw CR is
 * written as \r. */
static int turtle_write_bytes(void *ctx, const void *ptr, size_t size,
                              size_t nmemb)
{
  kgb_mend *m = ctx;
  const char *p = ptr, *end = p + size * nmemb;

  while (p < end) {
    const char *cr = memchr(p, '\r', (size_t)(end - p));
    if (!put(m, p, (size_t)((cr ? cr : end) - p)))
      return 0;
    if (!cr)
      break;
    if (!put(m, "\\r", 2))
      return 0;
    p = cr + 1;
  }
  return (int)nmemb;
}

/* A code point as JSON writes it: \uXXXX, or a UTF-16 surrogate pair
 * beyond the first plane. */
static int put_json_code_point(kgb_mend *m, unsigned long cp)
{
  char buf[16];
  int n;

  if (cp > 0x10FFFF)
    cp = 0xFFFD;
  if (cp < 0x10000)
    n = snprintf(buf, sizeof buf, "\\u%04lX", cp);
  else
    n = snprintf(buf, sizeof buf, "\\u%04lX\\u%04lX",
                 0xD800 + ((cp - 0x10000) >> 10),
                 0xDC00 + ((cp - 0x10000) & 0x3FF));
  return put(m, buf, (size_t)n);
}

/* One byte after a backslash: "\U" and its eight hex digits are held
 * back until complete, anything else goes out as it came. */
static int json_escape_byte(kgb_mend *m, char c)
{
  int is_hex = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') ||
               (c >= 'a' && c <= 'f');

  if ((m->n_held == 1 && c != 'U') || (m->n_held > 1 && !is_hex)) {
    int ok = put(m, m->held, m->n_held) && put(m, &c, 1);
    m->n_held = 0;
    return ok;
  }
  m->held[m->n_held++] = c;
  if (m->n_held < sizeof m->held)
    return 1;
  m->n_held = 0;
  return put_json_code_point(m, strtoul(m->held + 2, NULL, 16));
}

/* JSON: raptor writes a character beyond the first plane (an emoji) as
 * \UXXXXXXXX, the N-Triples escape, which JSON does not have: parsers
 * reject the whole output.  It becomes the surrogate pair JSON spells it
 * with.  "\\U" (a backslash, then U) is left alone. */
static int json_write_bytes(void *ctx, const void *ptr, size_t size,
                            size_t nmemb)
{
  kgb_mend *m = ctx;
  const char *p = ptr, *end = p + size * nmemb, *bs;

  while (p < end) {
    if (m->n_held) {
      if (!json_escape_byte(m, *p++))
        return 0;
      continue;
    }
    bs = memchr(p, '\\', (size_t)(end - p));
    if (!put(m, p, (size_t)((bs ? bs : end) - p)))
      return 0;
    if (!bs)
      break;
    m->held[m->n_held++] = '\\';
    p = bs + 1;
  }
  return (int)nmemb;
}

static int turtle_write_byte(void *ctx, const int byte)
{
  char c = (char)byte;

  return turtle_write_bytes(ctx, &c, 1, 1) == 1 ? 0 : 1;
}

static int json_write_byte(void *ctx, const int byte)
{
  char c = (char)byte;

  return json_write_bytes(ctx, &c, 1, 1) == 1 ? 0 : 1;
}

static const raptor_iostream_handler turtle_handler = {
  .version = 2,
  .write_byte = turtle_write_byte,
  .write_bytes = turtle_write_bytes,
};

static const raptor_iostream_handler json_handler = {
  .version = 2,
  .write_byte = json_write_byte,
  .write_bytes = json_write_bytes,
};

kgb_mend *kgb_mend_new(raptor_world *world, const char *format,
                       raptor_iostream *out)
{
  kgb_mend *m = kgb_calloc(1, sizeof *m);

  if (!m)
    return NULL;
  m->out = out;
  m->io = raptor_new_iostream_from_handler(
      world, m, strcmp(format, "json") == 0 ? &json_handler : &turtle_handler);
  if (!m->io) {
    kgb_free(m);
    return NULL;
  }
  return m;
}

raptor_iostream *kgb_mend_iostream(kgb_mend *m) { return m->io; }

void kgb_mend_free(kgb_mend *m)
{
  if (!m)
    return;
  put(m, m->held, m->n_held);
  raptor_free_iostream(m->io);
  kgb_free(m);
}
