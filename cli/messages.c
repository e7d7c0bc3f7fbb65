/* messages.c - how the program talks on standard error. */
#include <stdarg.h>
#include <stdio.h>

#include "cli.h"

void cli_error(const char *fmt, ...)
{
  va_list ap;

  cli_progress_hide();
  fputs("kgbuild: ", stderr);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
}

void cli_on_message(void *data, kgb_level level, const char *message)
{
  const cli_messages *m = data;

  if (level == KGB_LEVEL_INFO && m->verbose < 1)
    return;
  if (level == KGB_LEVEL_WARNING && m->verbose < 0)
    return;
  cli_progress_hide();
  fprintf(stderr, "kgbuild: %s%s\n",
          level == KGB_LEVEL_WARNING ? "warning: " : "", message);
}
