/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_buf.h - a growable byte string, always NUL-terminated. */
#ifndef KGB_BUF_H
#define KGB_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct {
  char *data;   /* owned; NUL-terminated when len > 0 or after any append */
  size_t len;
  size_t cap;
} kgb_buf;

void kgb_buf_init(kgb_buf *buf);
void kgb_buf_release(kgb_buf *buf);
void kgb_buf_clear(kgb_buf *buf);
int kgb_buf_append(kgb_buf *buf, const char *bytes, size_t len);
int kgb_buf_puts(kgb_buf *buf, const char *s);
int kgb_buf_putc(kgb_buf *buf, char c);
int kgb_buf_printf(kgb_buf *buf, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Give the bytes to the caller (to free with kgb_free); BUF is emptied. */
char *kgb_buf_to_string(kgb_buf *buf);

#endif
