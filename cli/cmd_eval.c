/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_eval.c - `kgbuild eval`: score the extractor against gold files. */
#define _DEFAULT_SOURCE
#include <getopt.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define MAX_GOLD 16

static void usage(FILE *to)
{
  fputs("Usage: kgbuild eval [OPTIONS] GOLD.json...\n"
        "Score the extractor against gold facts: precision, recall and F1\n"
        "per fact kind and for entities.  Documents are looked up beside\n"
        "each gold file unless --corpus says where.\n"
        "\n"
        "  -c, --corpus DIR        folder of the documents\n"
        "      --min-facts F1      exit 1 when facts F1 is below this\n"
        "      --min-entities F1   exit 1 when entities F1 is below this\n"
        "      --min-confidence X  score only facts of confidence X or more\n"
        "      --calibration       also count right and false facts by\n"
        "                          confidence and by the rule that made them\n"
        "  -v, --verbose           list misses and false facts\n"
        "  -h, --help              show this help\n",
        to);
}

static int parse_floor(const char *arg, double *out)
{
  char *end;

  *out = strtod(arg, &end);
  if (*end || *out < 0 || *out > 1) {
    cli_error("'%s' is not an F1 between 0 and 1", arg);
    return EXIT_USAGE;
  }
  return 0;
}

int cmd_eval(int argc, char **argv)
{
  static const struct option options[] = {
    {"corpus", required_argument, NULL, 'c'},
    {"min-facts", required_argument, NULL, 'F'},
    {"min-entities", required_argument, NULL, 'E'},
    {"verbose", no_argument, NULL, 'v'},
    {"min-confidence", required_argument, NULL, 'C'},
    {"calibration", no_argument, NULL, 'K'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
  };
  cli_messages messages = {0};
  const char *corpus = NULL;
  double min_facts = 0, min_entities = 0;
  kgb_world *world = NULL;
  kgb_eval *ev = NULL;
  int c, status = EXIT_INPUT, verbose = 0, calibration = 0;
  double min_confidence = 0;

  opterr = 0;
  optind = 1;
  while ((c = getopt_long(argc, argv, ":c:vh", options, NULL)) != -1) {
    switch (c) {
    case 'c': corpus = optarg; break;
    case 'F': if (parse_floor(optarg, &min_facts)) return EXIT_USAGE; break;
    case 'E': if (parse_floor(optarg, &min_entities)) return EXIT_USAGE; break;
    case 'v': verbose = 1; break;
    case 'K': calibration = 1; break;
    case 'C':
      if (cli_parse_confidence(optarg, &min_confidence))
        return EXIT_USAGE;
      break;
    case 'h': usage(stdout); return EXIT_OK;
    default:
      cli_error("bad option '%s'; try 'kgbuild eval --help'", argv[optind - 1]);
      return EXIT_USAGE;
    }
  }
  if (optind >= argc || argc - optind > MAX_GOLD) {
    cli_error("give 1 to %d gold files; try 'kgbuild eval --help'", MAX_GOLD);
    return EXIT_USAGE;
  }
  world = kgb_world_new();
  if (!world || kgb_eval_new(world, &ev))
    goto done;
  kgb_world_set_message_handler(world, cli_on_message, &messages);
  kgb_world_set_min_confidence(world, min_confidence);
  if (kgb_world_open(world))
    goto done;
  for (int i = optind; i < argc; i++) {
    char *copy = strdup(argv[i]);
    int rc = copy ? kgb_eval_run(ev, argv[i], corpus ? corpus : dirname(copy))
                  : KGB_ENOMEM;
    free(copy);
    if (rc)
      goto done;
  }
  kgb_eval_print(ev, stdout, verbose);
  if (calibration) {
    fputc('\n', stdout);
    kgb_eval_print_calibration(ev, stdout);
  }
  status = EXIT_OK;
  if (kgb_eval_f1(ev, 0) < min_facts || kgb_eval_f1(ev, 1) < min_entities) {
    cli_error("below the floor: facts F1 %.2f (floor %.2f), entities F1 "
              "%.2f (floor %.2f)", kgb_eval_f1(ev, 0), min_facts,
              kgb_eval_f1(ev, 1), min_entities);
    status = EXIT_INPUT;
  }
done:
  kgb_eval_free(ev);
  kgb_world_free(world);
  return status;
}
