/* SPDX-License-Identifier: GPL-3.0-or-later */
/* commands.c - the table of kgbuild's commands: the one list a new
 * command is added to (as tmux's cmd_table), read by main, by the help
 * and by the parser's hints. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const cli_command *const commands[] = {
  &cli_cmd_extract, &cli_cmd_load, &cli_cmd_query, &cli_cmd_publish,
  &cli_cmd_eval, &cli_cmd_train, &cli_cmd_tag, &cli_cmd_help,
};

enum { N_COMMANDS = sizeof commands / sizeof *commands };

const cli_command *cli_command_at(size_t i)
{
  return i < N_COMMANDS ? commands[i] : NULL;
}

const cli_command *cli_command_find(const char *name)
{
  for (size_t i = 0; i < N_COMMANDS; i++)
    if (strcmp(commands[i]->name, name) == 0)
      return commands[i];
  return NULL;
}

enum { WORD_MAX = 32 };

/* Edits from A to B: letters put in, taken out, changed, or two side by
 * side swapped ("qeury"), each one edit. */
static size_t distance(const char *a, const char *b)
{
  size_t la = strlen(a), lb = strlen(b);
  size_t d[WORD_MAX + 1][WORD_MAX + 1];

  for (size_t i = 0; i <= la; i++)
    d[i][0] = i;
  for (size_t j = 0; j <= lb; j++)
    d[0][j] = j;
  for (size_t i = 1; i <= la; i++)
    for (size_t j = 1; j <= lb; j++) {
      size_t best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
      if (d[i - 1][j] + 1 < best)
        best = d[i - 1][j] + 1;
      if (d[i][j - 1] + 1 < best)
        best = d[i][j - 1] + 1;
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
          d[i - 2][j - 2] + 1 < best)
        best = d[i - 2][j - 2] + 1;
      d[i][j] = best;
    }
  return d[la][lb];
}

/* A word is taken for a slip when it begins a command's name, or is
 * two edits from it at most, and not all of it changed: "ab" is two
 * edits from "tag" but shares nothing with it. */
const cli_command *cli_command_nearest(const char *word)
{
  const cli_command *best = NULL;
  size_t len = strlen(word), best_d = 3;

  if (!len || len > WORD_MAX)
    return NULL;
  for (size_t i = 0; i < N_COMMANDS; i++) {
    const char *name = commands[i]->name;
    size_t d = strlen(name) <= WORD_MAX ? distance(word, name) : best_d;
    int begins = strncmp(name, word, len) == 0;
    if ((begins || (d <= 2 && d < len)) && (d < best_d || !best)) {
      best = commands[i];
      best_d = d;
    }
  }
  return best;
}

void cli_commands_help(FILE *to)
{
  size_t widest = 0;

  for (size_t i = 0; i < N_COMMANDS; i++)
    if (strlen(commands[i]->name) > widest)
      widest = strlen(commands[i]->name);
  fputs("Usage: kgbuild [COMMAND] [OPTIONS] ARGUMENTS...\n"
        "Turn English and French news text into an RDF knowledge graph.\n"
        "Without a command, the arguments are those of extract:\n"
        "'kgbuild FILE|DIR...' writes the graph of the inputs.\n"
        "\n"
        "Commands:\n", to);
  for (size_t i = 0; i < N_COMMANDS; i++)
    fprintf(to, "  %-*s  %s\n", (int)widest, commands[i]->name,
            commands[i]->summary);
  fputs("\n"
        "'kgbuild help COMMAND' or 'kgbuild COMMAND --help' shows a\n"
        "command's options; -q is --quiet wherever it is taken.\n"
        "  -h, --help     show this help\n"
        "  -V, --version  show the version\n", to);
}
