/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_buf.c - growable byte strings. */
#include "kgb_buf.h"

#include <stdio.h>
#include <string.h>

#include "kgb_alloc.h"
#include "kgbuild.h"

void kgb_buf_init(kgb_buf *buf)
{
  buf->data = NULL;
  buf->len = 0;
  buf->cap = 0;
}

void kgb_buf_release(kgb_buf *buf)
{
  kgb_free(buf->data);
  kgb_buf_init(buf);
}

void kgb_buf_clear(kgb_buf *buf)
{
  buf->len = 0;
  if (buf->data)
    buf->data[0] = '\0';
}

int kgb_buf_append(kgb_buf *buf, const char *bytes, size_t len)
{
  if (kgb_grow(&buf->data, &buf->cap, buf->len + len + 1, 1))
    return KGB_ENOMEM;
  memcpy(buf->data + buf->len, bytes, len);
  buf->len += len;
  buf->data[buf->len] = '\0';
  return KGB_OK;
}

int kgb_buf_puts(kgb_buf *buf, const char *s)
{
  return kgb_buf_append(buf, s, strlen(s));
}

int kgb_buf_putc(kgb_buf *buf, char c) { return kgb_buf_append(buf, &c, 1); }

int kgb_buf_printf(kgb_buf *buf, const char *fmt, ...)
{
  va_list ap;
  int n;

  va_start(ap, fmt);
  n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0)
    return KGB_EINVAL;
  if (kgb_grow(&buf->data, &buf->cap, buf->len + (size_t)n + 1, 1))
    return KGB_ENOMEM;
  va_start(ap, fmt);
  vsnprintf(buf->data + buf->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  buf->len += (size_t)n;
  return KGB_OK;
}

char *kgb_buf_to_string(kgb_buf *buf)
{
  char *s;

  if (!buf->data && kgb_buf_append(buf, "", 0))
    return NULL;
  s = buf->data;
  kgb_buf_init(buf);
  return s;
}
