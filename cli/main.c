/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c - the kgbuild program: picks the command, has its options
 * parsed and runs it. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static int run(const cli_command *cmd, int argc, char **argv)
{
  cli_args args;
  int status = cli_args_parse(cmd, argc, argv, &args);

  if (status < 0)
    status = cmd->run(&args);
  cli_args_release(&args);
  return status;
}

/* A first word that names no command is an input of extract; but one
 * that names nothing on disk and is near a command's name is a slip,
 * better caught than read as a missing file. */
static const cli_command *slip(const char *word)
{
  struct stat st;

  if (word[0] == '-' || lstat(word, &st) == 0)
    return NULL;
  return cli_command_nearest(word);
}

int main(int argc, char **argv)
{
  const char *first = argc > 1 ? argv[1] : NULL;
  const cli_command *cmd;

  if (!first) {
    cli_error("no input given; try 'kgbuild --help'");
    return EXIT_USAGE;
  }
  if ((cmd = cli_command_find(first)) != NULL)
    return run(cmd, argc - 1, argv + 1);
  if (!strcmp(first, "--help") || !strcmp(first, "-h")) {
    cli_commands_help(stdout);
    return EXIT_OK;
  }
  if ((cmd = slip(first)) != NULL) {
    cli_error("unknown command '%s'; did you mean '%s'?", first, cmd->name);
    return EXIT_USAGE;
  }
  return run(&cli_cmd_extract, argc, argv);
}
