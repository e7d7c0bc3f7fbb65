/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_redact.c - credentials out of what is printed, and text from a
 * server made safe for a terminal.  A message may reach a log or a
 * screen shared with others: a password in it is a password given away,
 * and an escape sequence from a server can rewrite the screen. */
#include <ctype.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "kgbuild.h"
#include "kgb_alloc.h"
#include "kgb_redact.h"
#include "kgb_utf8.h"

static const char hidden[] = "***";

/* The length of the value that starts at S: up to its closing quote
 * when quoted (librdf's messages write password='P'), else up to the
 * separator of store options (','), ODBC (';'), query strings ('&') or
 * a message (' ').  *QUOTED is 1 when S opens with a quote. */
static size_t value_length(const char *s, int *quoted)
{
  char close[2] = {s[0], '\0'};

  *quoted = s[0] == '\'' || s[0] == '"';
  return *quoted ? 1 + strcspn(s + 1, close) : strcspn(s, ",;& ");
}

/* The length of a "password=" or "pwd=" key at S, or 0. */
static size_t password_key(const char *s)
{
  static const char *const keys[] = {"password=", "pwd=", "passwd="};

  for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
    if (strncasecmp(s, keys[i], strlen(keys[i])) == 0)
      return strlen(keys[i]);
  return 0;
}

/* Where the password of SCHEME://USER:PASSWORD@HOST starts in S, and its
 * length; 0 when there is none. */
static size_t userinfo_password(const char *s, size_t *start)
{
  const char *auth = strstr(s, "://"), *end, *at, *colon;

  if (!auth)
    return 0;
  auth += 3;
  end = auth + strcspn(auth, "/?#");
  /* The last '@' ends the user part: a password may hold '@' itself. */
  for (at = end; at > auth && at[-1] != '@'; at--)
    ;
  if (at == auth)
    return 0;
  at--;
  colon = memchr(auth, ':', (size_t)(at - auth));
  if (!colon)
    return 0;
  *start = (size_t)(colon + 1 - s);
  return (size_t)(at - colon - 1);
}

char *kgb_redact(const char *s)
{
  kgb_buf out;
  size_t start = 0, skip = s ? userinfo_password(s, &start) : 0;
  int rc = KGB_OK;

  if (!s)
    return NULL;
  kgb_buf_init(&out);
  for (size_t i = 0; rc == KGB_OK && s[i];) {
    size_t key = password_key(s + i);
    if (skip && i == start) {
      rc = kgb_buf_puts(&out, hidden);
      i += skip;
    } else if (key && (i == 0 || !isalnum((unsigned char)s[i - 1]))) {
      int quoted;
      size_t len = value_length(s + i + key, &quoted);
      rc = kgb_buf_append(&out, s + i, key + (size_t)quoted);
      if (rc == KGB_OK)
        rc = kgb_buf_puts(&out, hidden);
      i += key + len;
    } else {
      rc = kgb_buf_putc(&out, s[i++]);
    }
  }
  /* Half a redaction could show the rest of a password: all or nothing. */
  if (rc != KGB_OK) {
    kgb_buf_release(&out);
    return NULL;
  }
  return out.data ? kgb_buf_to_string(&out) : kgb_strdup("");
}

static int is_shown(int32_t cp)
{
  return cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp < 0xA0) &&
         cp != 0xFFFD;
}

int kgb_buf_put_printable(kgb_buf *out, const char *in, size_t len,
                          size_t max)
{
  size_t used = 0;
  int gap = 0;

  for (size_t i = 0; i < len;) {
    int32_t cp;
    size_t n = kgb_utf8_next(in + i, len - i, &cp);
    if (!is_shown(cp)) {
      gap = used > 0;
      i += n;
      continue;
    }
    if (used + n + gap > max)
      return kgb_buf_puts(out, "...");
    if (gap && kgb_buf_putc(out, ' '))
      return KGB_ENOMEM;
    if (kgb_buf_append(out, in + i, n))
      return KGB_ENOMEM;
    used += n + gap;
    gap = 0;
    i += n;
  }
  return KGB_OK;
}
