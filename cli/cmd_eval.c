/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_eval.c - `kgbuild eval`: score the extractor against gold files. */
#define _DEFAULT_SOURCE
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define MAX_GOLD 16

enum {
  OPT_CORPUS = CLI_OPT_OWN, OPT_MIN_FACTS, OPT_MIN_ENTITIES,
  OPT_MIN_CONFIDENCE, OPT_CALIBRATION
};

static const cli_option options[] = {
  {OPT_CORPUS, 'c', "corpus", "DIR", "folder of the documents"},
  {OPT_MIN_FACTS, 0, "min-facts", "F1", "exit 1 when facts F1 is below this"},
  {OPT_MIN_ENTITIES, 0, "min-entities", "F1",
   "exit 1 when entities F1 is below this"},
  {OPT_MIN_CONFIDENCE, 0, "min-confidence", "X",
   "score only facts of confidence X or more"},
  {OPT_CALIBRATION, 0, "calibration", NULL, "also count right and false "
   "facts by confidence and by the rule that made them"},
  {CLI_OPT_VERBOSE, 'v', "verbose", NULL, "list misses and false facts"},
  {CLI_OPT_END, 0, NULL, NULL, NULL},
};

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

typedef struct {
  const char *corpus;
  double min_facts, min_entities, min_confidence;
} eval_options;

static int take_options(const cli_args *a, eval_options *o)
{
  const char *facts = cli_args_get(a, OPT_MIN_FACTS);
  const char *entities = cli_args_get(a, OPT_MIN_ENTITIES);
  const char *confidence = cli_args_get(a, OPT_MIN_CONFIDENCE);

  o->corpus = cli_args_get(a, OPT_CORPUS);
  if ((facts && parse_floor(facts, &o->min_facts)) ||
      (entities && parse_floor(entities, &o->min_entities)) ||
      (confidence && cli_parse_confidence(confidence, &o->min_confidence)))
    return EXIT_USAGE;
  if (a->count < 1 || a->count > MAX_GOLD) {
    cli_usage_error("eval", "give 1 to %d gold files", MAX_GOLD);
    return EXIT_USAGE;
  }
  return -1;
}

static int run(const cli_args *a)
{
  eval_options o = {NULL, 0, 0, 0};
  cli_messages messages = {0};
  kgb_world *world = NULL;
  kgb_eval *ev = NULL;
  int status = take_options(a, &o);

  if (status >= 0)
    return status;
  status = EXIT_INPUT;
  world = kgb_world_new();
  if (!world || kgb_eval_new(world, &ev))
    goto done;
  kgb_world_set_message_handler(world, cli_on_message, &messages);
  kgb_world_set_min_confidence(world, o.min_confidence);
  if (kgb_world_open(world))
    goto done;
  for (int i = 0; i < a->count; i++) {
    char *copy = strdup(a->operands[i]);
    int rc = copy ? kgb_eval_run(ev, a->operands[i],
                                 o.corpus ? o.corpus : dirname(copy))
                  : KGB_ENOMEM;
    free(copy);
    if (rc)
      goto done;
  }
  kgb_eval_print(ev, stdout, cli_args_verbosity(a) > 0);
  if (cli_args_has(a, OPT_CALIBRATION)) {
    fputc('\n', stdout);
    kgb_eval_print_calibration(ev, stdout);
  }
  status = EXIT_OK;
  if (kgb_eval_f1(ev, 0) < o.min_facts ||
      kgb_eval_f1(ev, 1) < o.min_entities) {
    cli_error("below the floor: facts F1 %.2f (floor %.2f), entities F1 "
              "%.2f (floor %.2f)", kgb_eval_f1(ev, 0), o.min_facts,
              kgb_eval_f1(ev, 1), o.min_entities);
    status = EXIT_INPUT;
  }
done:
  kgb_eval_free(ev);
  kgb_world_free(world);
  return status;
}

const cli_command cli_cmd_eval = {
  .name = "eval",
  .summary = "score the extractor against gold facts",
  .synopsis = "eval [OPTIONS] GOLD.json...",
  .about = "Score the extractor against gold facts: precision, recall and F1\n"
           "per fact kind and for entities.  Documents are looked up beside\n"
           "each gold file unless --corpus says where.\n",
  .options = {options},
  .run = run,
};
