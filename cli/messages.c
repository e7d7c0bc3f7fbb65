/* SPDX-License-Identifier: GPL-3.0-or-later */
/* messages.c - how the program talks on standard error.  A message may
 * carry a file name or text from elsewhere: its control characters are
 * shown as \xHH, so none can move the cursor or rewrite the screen. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

static void put_visible(const char *s)
{
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c < 0x20 || c == 0x7F)
      fprintf(stderr, "\\x%02X", c);
    else
      fputc(c, stderr);
  }
}

static void say(const char *prefix, const char *message)
{
  cli_progress_hide();
  fputs("kgbuild: ", stderr);
  fputs(prefix, stderr);
  put_visible(message);
  fputc('\n', stderr);
}

void cli_error(const char *fmt, ...)
{
  char message[2048];
  va_list ap;

  va_start(ap, fmt);
  vsnprintf(message, sizeof message, fmt, ap);
  va_end(ap);
  say("", message);
}

void cli_on_message(void *data, kgb_level level, const char *message)
{
  const cli_messages *m = data;

  if (level == KGB_LEVEL_INFO && m->verbose < 1)
    return;
  if (level == KGB_LEVEL_WARNING && m->verbose < 0)
    return;
  say(level == KGB_LEVEL_WARNING ? "warning: " : "", message);
}

int cli_parse_confidence(const char *arg, double *out)
{
  char *end;

  *out = strtod(arg, &end);
  if (end == arg || *end || !(*out >= 0 && *out <= 1)) {
    cli_error("--min-confidence needs a number from 0 to 1, such as 0.8, "
              "not '%s'", arg);
    return -1;
  }
  return 0;
}
