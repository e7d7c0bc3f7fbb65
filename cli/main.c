/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c - the kgbuild program: picks the subcommand and runs it. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

typedef int (*command_fn)(int argc, char **argv);

/* Subcommands; a first argument that names none is an input of the
 * default command, extract. */
static const struct {
  const char *name;
  command_fn run;
} commands[] = {
  {"extract", cmd_extract},
  {"eval", cmd_eval},
  {"load", cmd_load},
  {"query", cmd_query},
  {"publish", cmd_publish},
  {"train", cmd_train},
  {"tag", cmd_tag},
};

int main(int argc, char **argv)
{
  if (argc > 1)
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
      if (strcmp(argv[1], commands[i].name) == 0)
        return commands[i].run(argc - 1, argv + 1);
  return cmd_extract(argc, argv);
}
