/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_error.c - status phrases and the message path to the caller. */
#include <stdarg.h>
#include <stdio.h>

#include "kgb_world_internal.h"

const char *kgb_strerror(int status)
{
  switch (status) {
  case KGB_OK: return "success";
  case KGB_ENOMEM: return "out of memory";
  case KGB_EIO: return "input/output error";
  case KGB_EINVAL: return "invalid argument";
  case KGB_EPARSE: return "malformed input";
  case KGB_ERDF: return "RDF library error";
  case KGB_ENOTFOUND: return "not found";
  case KGB_ELIMIT: return "limit exceeded";
  default: return "unknown error";
  }
}

__attribute__((format(printf, 3, 0)))
static void emit(kgb_world *world, kgb_level level, const char *fmt,
                 va_list ap)
{
  char msg[1024];

  if (!world || !world->message_fn)
    return;
  vsnprintf(msg, sizeof msg, fmt, ap);
  world->message_fn(world->message_data, level, msg);
}

int kgb_report(kgb_world *world, int status, const char *fmt, ...)
{
  va_list ap;

  va_start(ap, fmt);
  emit(world, KGB_LEVEL_ERROR, fmt, ap);
  va_end(ap);
  return status;
}

void kgb_warn(kgb_world *world, const char *fmt, ...)
{
  va_list ap;

  va_start(ap, fmt);
  emit(world, KGB_LEVEL_WARNING, fmt, ap);
  va_end(ap);
}

void kgb_info(kgb_world *world, const char *fmt, ...)
{
  va_list ap;

  va_start(ap, fmt);
  emit(world, KGB_LEVEL_INFO, fmt, ap);
  va_end(ap);
}
