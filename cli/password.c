/* SPDX-License-Identifier: GPL-3.0-or-later */
/* password.c - where `publish` and `query --endpoint` take their
 * credentials from.  A password on
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

const cli_option cli_credential_options[] = {
  {CLI_OPT_USER, 0, "user", "U", "HTTP basic or digest authentication; the "
   "password is the first line of --password-file, or else "
   "$KGBUILD_PASSWORD"},
  {CLI_OPT_PASSWORD_FILE, 0, "password-file", "F",
   "where the password is ('-': standard input)"},
  /* Still taken, so scripts keep working, but not shown, and never
   * silently. */
  {CLI_OPT_PASSWORD, 0, "password", "P", NULL},
  {CLI_OPT_END, 0, NULL, NULL, NULL},
};

int cli_take_credentials(const cli_args *a, const char **user,
                         const char **password, char **owned)
{
  const char *file = cli_args_get(a, CLI_OPT_PASSWORD_FILE);

  *user = cli_args_get(a, CLI_OPT_USER);
  *password = cli_args_get(a, CLI_OPT_PASSWORD);
  if (*password)
    cli_error("warning: --password is visible to every user of this "
              "machine (ps); use --password-file or KGBUILD_PASSWORD");
  if (file && !(*owned = cli_password_from_file(file)))
    return EXIT_USAGE;
  if (*owned)
    *password = *owned;
  else if (!*password && *user && getenv("KGBUILD_PASSWORD"))
    *password = getenv("KGBUILD_PASSWORD");   /* ambient: for --user only */
  if (*password && !*user) {
    cli_error("a password needs --user");
    return EXIT_USAGE;
  }
  return -1;
}
