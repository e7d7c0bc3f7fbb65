/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_help.c - `kgbuild help [COMMAND]`: the commands, or one's options. */
#include <stdio.h>

#include "cli.h"

static int run(const cli_args *a)
{
  const cli_command *cmd, *near;

  if (a->count == 0) {
    cli_commands_help(stdout);
    return EXIT_OK;
  }
  if (a->count > 1) {
    cli_usage_error("help", "name one command");
    return EXIT_USAGE;
  }
  if ((cmd = cli_command_find(a->operands[0])) != NULL) {
    cli_command_help(cmd, stdout);
    return EXIT_OK;
  }
  near = cli_command_nearest(a->operands[0]);
  if (near)
    cli_error("unknown command '%s'; did you mean '%s'?", a->operands[0],
              near->name);
  else
    cli_error("unknown command '%s'; try 'kgbuild --help'", a->operands[0]);
  return EXIT_USAGE;
}

const cli_command cli_cmd_help = {
  .name = "help",
  .summary = "list the commands, or show one's options",
  .synopsis = "help [COMMAND]",
  .about = "List the commands, or show the options of COMMAND.\n",
  .run = run,
};
