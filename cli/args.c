/* SPDX-License-Identifier: GPL-3.0-or-later */
/* args.c - every command's options parsed in one place, from the
 * command's tables (as tmux's args_parse does), and its help made from
 * the same tables, so that --help shows just what the command takes.
 * Options may come before, between or after the operands; "--" ends
 * them; a long name may be cut short while it stays unambiguous, and
 * take its value as --name=VALUE; short flags group (-qv, -j2). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "config.h"

enum { HELP_WIDTH = 79, HELP_LABEL_MAX = 22 };

static const cli_option everyones[] = {
  {CLI_OPT_HELP, 'h', "help", NULL, "show this help"},
  {CLI_OPT_VERSION, 'V', "version", NULL, "show the version"},
  {CLI_OPT_END, 0, NULL, NULL, NULL},
};

/* CMD's K-th table, its own first and then everyone's; NULL past the
 * last. */
static const cli_option *table(const cli_command *cmd, size_t k)
{
  size_t own = 0;

  while (own < sizeof cmd->options / sizeof *cmd->options &&
         cmd->options[own])
    own++;
  return k < own ? cmd->options[k] : k == own ? everyones : NULL;
}

static const cli_option *find_letter(const cli_command *cmd, char c)
{
  const cli_option *t;

  for (size_t k = 0; (t = table(cmd, k)) != NULL; k++)
    for (; t->id; t++)
      if (t->letter == c)
        return t;
  return NULL;
}

/* The option NAME (LEN bytes) names: the one spelt so, else the only one
 * it begins.  *AMBIGUOUS is set when it begins several. */
static const cli_option *find_long(const cli_command *cmd, const char *name,
                                   size_t len, int *ambiguous)
{
  const cli_option *t, *begun = NULL;
  size_t count = 0;

  for (size_t k = 0; (t = table(cmd, k)) != NULL; k++)
    for (; t->id; t++) {
      if (strncmp(t->name, name, len))
        continue;
      if (!t->name[len])
        return t;
      begun = t;
      count++;
    }
  *ambiguous = count > 1;
  return count == 1 ? begun : NULL;
}

/* Whether CMD takes the option spelt SPELLING ("-x" or "--name"). */
static int takes(const cli_command *cmd, const char *spelling)
{
  int ambiguous;

  if (spelling[1] != '-')
    return find_letter(cmd, spelling[1]) != NULL;
  return find_long(cmd, spelling + 2, strlen(spelling + 2), &ambiguous) !=
         NULL;
}

/* An option CMD does not take: say which commands take it, since a user
 * who typed it most likely meant one of them. */
static int unknown(const cli_command *cmd, const char *spelling)
{
  char others[256] = "";
  const cli_command *c, *last = NULL;
  size_t len = 0, count = 0;

  for (size_t i = 0; (c = cli_command_at(i)) != NULL; i++) {
    if (c == cmd || !takes(c, spelling))
      continue;
    if (last)
      len += (size_t)snprintf(others + len, sizeof others - len, "%s%s",
                              len ? ", " : "", last->name);
    last = c;
    count++;
    if (len >= sizeof others)
      break;
  }
  if (!last)
    cli_usage_error(cmd->name, "unknown option '%s'", spelling);
  else
    cli_usage_error(cmd->name, "%s goes with %s%s%s, not %s", spelling,
                    others, count > 1 ? " and " : "", last->name, cmd->name);
  return EXIT_USAGE;
}

/* Record OPT with VALUE; -h and -V are answered at once. */
static int add(cli_args *a, const cli_option *opt, const char *value)
{
  a->given[a->n].option = opt;
  a->given[a->n++].value = value;
  if (opt->id == CLI_OPT_HELP) {
    cli_command_help(a->command, stdout);
    return EXIT_OK;
  }
  if (opt->id == CLI_OPT_VERSION) {
    printf("kgbuild %s\n", PACKAGE_VERSION);
    return EXIT_OK;
  }
  return -1;
}

/* ARGV[*I], a long option; its value may be the next word. */
static int take_long(cli_args *a, int argc, char **argv, int *i)
{
  const char *word = argv[*i], *eq = strchr(word, '=');
  size_t len = eq ? (size_t)(eq - word) : strlen(word);
  char spelling[128];
  int ambiguous;
  const cli_option *opt = find_long(a->command, word + 2, len - 2,
                                    &ambiguous);

  snprintf(spelling, sizeof spelling, "%.*s", (int)len, word);
  if (!opt && ambiguous) {
    cli_usage_error(a->command->name, "option '%s' is ambiguous",
                    spelling);
    return EXIT_USAGE;
  }
  if (!opt)
    return unknown(a->command, spelling);
  if (!opt->value && eq) {
    cli_usage_error(a->command->name, "option '--%s' takes no value",
                    opt->name);
    return EXIT_USAGE;
  }
  if (opt->value && !eq && *i + 1 >= argc) {
    cli_usage_error(a->command->name, "option '%s' needs a value",
                    spelling);
    return EXIT_USAGE;
  }
  return add(a, opt, !opt->value ? NULL : eq ? eq + 1 : argv[++*i]);
}

/* ARGV[*I], one or more short options; a value is the rest of the word,
 * or the next word. */
static int take_short(cli_args *a, int argc, char **argv, int *i)
{
  const char *word = argv[*i];

  for (size_t j = 1; word[j]; j++) {
    const cli_option *opt = find_letter(a->command, word[j]);
    char spelling[3] = {'-', word[j], '\0'};
    int status;

    if (!opt)
      return unknown(a->command, spelling);
    if (opt->value && !word[j + 1] && *i + 1 >= argc) {
      cli_usage_error(a->command->name, "option '%s' needs a value",
                      spelling);
      return EXIT_USAGE;
    }
    if (opt->value)
      return add(a, opt, word[j + 1] ? word + j + 1 : argv[++*i]);
    if ((status = add(a, opt, NULL)) >= 0)
      return status;
  }
  return -1;
}

int cli_args_parse(const cli_command *cmd, int argc, char **argv,
                   cli_args *a)
{
  int ended = 0, status = -1;

  memset(a, 0, sizeof *a);
  a->command = cmd;
  a->given = calloc((size_t)argc + 1, sizeof *a->given);
  a->operands = calloc((size_t)argc + 1, sizeof *a->operands);
  if (!a->given || !a->operands) {
    cli_error("out of memory");
    return EXIT_INPUT;
  }
  for (int i = 1; status < 0 && i < argc; i++) {
    const char *word = argv[i];
    if (ended || word[0] != '-' || !word[1])
      a->operands[a->count++] = argv[i];
    else if (!strcmp(word, "--"))
      ended = 1;
    else if (word[1] == '-')
      status = take_long(a, argc, argv, &i);
    else
      status = take_short(a, argc, argv, &i);
  }
  return status;
}

void cli_args_release(cli_args *a)
{
  free(a->given);
  free(a->operands);
  a->given = NULL;
  a->operands = NULL;
  a->n = 0;
  a->count = 0;
}

const char *cli_args_nth(const cli_args *a, int id, size_t k)
{
  for (size_t i = 0; i < a->n; i++)
    if (a->given[i].option->id == id && k-- == 0)
      return a->given[i].value;
  return NULL;
}

int cli_args_has(const cli_args *a, int id)
{
  for (size_t i = 0; i < a->n; i++)
    if (a->given[i].option->id == id)
      return 1;
  return 0;
}

const char *cli_args_get(const cli_args *a, int id)
{
  const char *value = NULL;

  for (size_t i = 0; i < a->n; i++)
    if (a->given[i].option->id == id)
      value = a->given[i].value;
  return value;
}

int cli_args_verbosity(const cli_args *a)
{
  int verbosity = 0;

  for (size_t i = 0; i < a->n; i++)
    if (a->given[i].option->id == CLI_OPT_QUIET)
      verbosity = -1;
    else if (a->given[i].option->id == CLI_OPT_VERBOSE)
      verbosity = 1;
  return verbosity;
}

/* "-f, --format FORMAT" into BUF; its length. */
static size_t label(const cli_option *o, char *buf, size_t size)
{
  int n = snprintf(buf, size, "%c%c%c --%s%s%s", o->letter ? '-' : ' ',
                   o->letter ? o->letter : ' ', o->letter ? ',' : ' ',
                   o->name, o->value ? " " : "", o->value ? o->value : "");

  return n < 0 ? 0 : (size_t)n >= size ? size - 1 : (size_t)n;
}

/* TEXT's words from column AT on, wrapped at HELP_WIDTH, each further
 * line indented to AT. */
static void put_wrapped(FILE *to, const char *text, size_t at)
{
  size_t x = at;

  while (*text) {
    size_t n = strcspn(text, " ");
    if (x > at && x + 1 + n > HELP_WIDTH) {
      fprintf(to, "\n%*s", (int)at, "");
      x = at;
    } else if (x > at) {
      fputc(' ', to);
      x++;
    }
    fwrite(text, 1, n, to);
    x += n;
    text += n;
    text += strspn(text, " ");
  }
  fputc('\n', to);
}

/* The column an option's help starts in: past the longest label that is
 * not too long. */
static size_t help_column(const cli_command *cmd)
{
  const cli_option *t;
  size_t widest = 0;
  char buf[128];

  for (size_t k = 0; (t = table(cmd, k)) != NULL; k++)
    for (; t->id; t++) {
      size_t n = t->help ? label(t, buf, sizeof buf) : 0;
      if (n > widest && n <= HELP_LABEL_MAX)
        widest = n;
    }
  return 2 + widest + 2;
}

void cli_command_help(const cli_command *cmd, FILE *to)
{
  const cli_option *t;
  size_t at = help_column(cmd);
  char buf[128];

  fprintf(to, "Usage: kgbuild %s\n%s\n", cmd->synopsis, cmd->about);
  for (size_t k = 0; (t = table(cmd, k)) != NULL; k++)
    for (; t->id; t++) {
      size_t n;
      if (!t->help)
        continue;
      n = label(t, buf, sizeof buf);
      fprintf(to, "  %s", buf);
      if (2 + n + 2 > at)
        fprintf(to, "\n%*s", (int)at, "");
      else
        fprintf(to, "%*s", (int)(at - 2 - n), "");
      put_wrapped(to, t->help, at);
    }
  if (cmd->notes)
    fprintf(to, "\n%s", cmd->notes);
}

int cli_parse_number(const char *command, const char *option,
                     const char *what, const char *arg, long min, long max,
                     long *out)
{
  char *end;
  long v;

  errno = 0;
  v = strtol(arg, &end, 10);
  if (errno || end == arg || *end || v < min || v > max) {
    cli_usage_error(command, "%s needs a %s from %ld to %ld, not '%s'",
                    option, what, min, max, arg);
    return -1;
  }
  *out = v;
  return 0;
}
