/* SPDX-License-Identifier: GPL-3.0-or-later */
/* password.c - where `publish` takes its password from.  A password on
 * the command line is visible to every local user (ps, /proc), so it
 * comes from a file or from the environment instead. */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

enum { PASSWORD_MAX = 4096 };

/* The first line of PATH ("-": standard input), without its newline. */
char *cli_password_from_file(const char *path)
{
  FILE *f = strcmp(path, "-") ? fopen(path, "r") : stdin;
  char *line = NULL;
  size_t cap = 0;
  ssize_t n;

  if (!f) {
    cli_error("%s: cannot read the password file: %s", path, strerror(errno));
    return NULL;
  }
  errno = 0;
  n = getline(&line, &cap, f);
  if (n < 0 || n > PASSWORD_MAX) {
    cli_error("%s: %s", path, n < 0 && errno ? strerror(errno)
                              : n < 0 ? "the password file is empty"
                                      : "the first line is too long for a "
                                        "password");
    free(line);
    line = NULL;
  } else {
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
      line[--n] = '\0';
  }
  if (f != stdin)
    fclose(f);
  return line;
}
