/* kgb_redact.c - credentials out of what is printed, and text from a
 * server made safe for a terminal.  A message may reach a log or a
 * screen shared with others: a password in it is a password given away,
 * and an escape sequence from a server can rewrite the screen. */
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "kgbuild.h"
#include "kgb_alloc.h"
#include "kgb_redact.h"
#include "kgb_utf8.h"

static const char hidden[] = "***";

/* End of the value that starts at S: store options are separated by ','
 * (librdf), ';' (ODBC) or '&' (query strings). */
static size_t value_length(const char *s)
{
  return strcspn(s, ",;&");
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

  if (!s)
    return NULL;
  kgb_buf_init(&out);
  for (size_t i = 0; s[i];) {
    size_t key = i == start && skip ? 0 : password_key(s + i);
    if (i == start && skip) {
      kgb_buf_puts(&out, hidden);
      i += skip;
    } else if (key && (i == 0 || strchr(",;&?:", s[i - 1]))) {
      kgb_buf_append(&out, s + i, key);
      kgb_buf_puts(&out, hidden);
      i += key + value_length(s + i + key);
    } else {
      kgb_buf_putc(&out, s[i++]);
    }
  }
  if (!out.data)
    return kgb_strdup("");
  return kgb_buf_to_string(&out);
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
