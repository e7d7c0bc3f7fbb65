/* SPDX-License-Identifier: GPL-3.0-or-later */
/* messages.c - how the program talks on standard error.  A message may
 * carry a file name or text from elsewhere: its control characters are
 * shown as \xHH, so none can move the cursor or rewrite the screen. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli.h"

/* Append S to LINE (of SIZE bytes, LEN used) with its control characters
 * shown as \xHH; what does not fit is cut. */
static size_t put_visible(char *line, size_t size, size_t len, const char *s)
{
  for (; *s && len + 5 < size; s++) {
    unsigned char c = (unsigned char)*s;
    if (c < 0x20 || c == 0x7F)
      len += (size_t)snprintf(line + len, size - len, "\\x%02X", c);
    else
      line[len++] = (char)c;
  }
  line[len] = '\0';
  return len;
}

/* The whole line goes out in one write: worker processes (-j) share
 * standard error, and lines written piece by piece would mix their
 * letters. */
static void say(const char *command, const char *prefix,
                const char *message)
{
  char line[4 * 2048 + 64];
  size_t len = (size_t)snprintf(line, sizeof line, "kgbuild%s%s: %s",
                                command ? " " : "", command ? command : "",
                                prefix);

  cli_progress_hide();
  if (len >= sizeof line)
    len = sizeof line - 1;
  len = put_visible(line, sizeof line - 1, len, message);
  line[len++] = '\n';
  fflush(stderr);
  (void)cli_write_all(STDERR_FILENO, line, len);
}

void cli_error(const char *fmt, ...)
{
  char message[2048];
  va_list ap;

  va_start(ap, fmt);
  vsnprintf(message, sizeof message, fmt, ap);
  va_end(ap);
  say(NULL, "", message);
}

void cli_usage_error(const char *command, const char *fmt, ...)
{
  char message[2048];
  va_list ap;
  int len;

  va_start(ap, fmt);
  len = vsnprintf(message, sizeof message, fmt, ap);
  va_end(ap);
  if (len >= 0 && (size_t)len < sizeof message)
    snprintf(message + len, sizeof message - (size_t)len,
             "; try 'kgbuild %s --help'", command);
  say(command, "", message);
}

void cli_on_message(void *data, kgb_level level, const char *message)
{
  const cli_messages *m = data;

  if (level == KGB_LEVEL_INFO && m->verbose < 1)
    return;
  if (level == KGB_LEVEL_WARNING && m->verbose < 0)
    return;
  say(NULL, level == KGB_LEVEL_WARNING ? "warning: " : "", message);
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
