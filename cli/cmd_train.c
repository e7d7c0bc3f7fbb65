/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_train.c - `kgbuild train`: a tagger model from annotated files. */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

enum {
  OPT_OUTPUT = CLI_OPT_OWN, OPT_LANG, OPT_DATA_DIR, OPT_DEV, OPT_EPOCHS,
  OPT_SEED, OPT_DECODER
};

static const cli_option options[] = {
  {OPT_OUTPUT, 'o', "output", "MODEL", "the model file to write "
   "(required)"},
  {OPT_LANG, 'l', "lang", "L", "the language of the data, en or fr: its "
   "gazetteers and word clusters become features (without it, the words "
   "alone)"},
  {OPT_DATA_DIR, 0, "data-dir", "DIR", "language tables (default: "
   "installed)"},
  {OPT_DEV, 0, "dev", "FILE", "score this file after each epoch"},
  {OPT_EPOCHS, 0, "epochs", "N", "passes over the data (10)"},
  {OPT_SEED, 0, "seed", "S", "the shuffle's seed (1)"},
  {OPT_DECODER, 0, "decoder", "D", "greedy or viterbi (the default)"},
  {CLI_OPT_VERBOSE, 'v', "verbose", NULL, "print each epoch's scores"},
  {CLI_OPT_END, 0, NULL, NULL, NULL},
};

/* A whole number from MIN to MAX in ARG, or EXIT_USAGE. */
static int parse_number(const char *what, const char *arg,
                        unsigned long long min, unsigned long long max,
                        unsigned long long *out)
{
  char *end;

  *out = strtoull(arg, &end, 10);
  if (!*arg || *end || *arg == '-' || *out < min || *out > max) {
    cli_error("'%s' is not a valid %s", arg, what);
    return EXIT_USAGE;
  }
  return 0;
}

static void print_epoch(void *data, const kgb_train_epoch *e)
{
  (void)data;
  cli_progress_hide();
  fprintf(stderr, "kgbuild: epoch %u/%u: training accuracy %.4f", e->epoch,
          e->epochs, e->train_accuracy);
  if (e->has_dev)
    fprintf(stderr, ", dev accuracy %.4f", e->dev_accuracy);
  if (e->has_dev && e->dev_f1 >= 0)
    fprintf(stderr, ", dev F1 %.4f", e->dev_f1);
  fputc('\n', stderr);
}

/* The options of A into O; -1 to go on, or EXIT_USAGE. */
static int take_options(const cli_args *a, kgb_train_options *o)
{
  const char *epochs = cli_args_get(a, OPT_EPOCHS);
  const char *seed = cli_args_get(a, OPT_SEED);
  unsigned long long n;

  if (cli_args_has(a, OPT_LANG))
    o->lang = cli_args_get(a, OPT_LANG);
  if (cli_args_has(a, OPT_DEV))
    o->dev = cli_args_get(a, OPT_DEV);
  if (cli_args_has(a, OPT_DECODER))
    o->decoder = cli_args_get(a, OPT_DECODER);
  if (epochs) {
    if (parse_number("number of epochs", epochs, 1, 100000, &n))
      return EXIT_USAGE;
    o->epochs = (unsigned)n;
  }
  if (seed) {
    if (parse_number("seed", seed, 0, ~0ULL, &n))
      return EXIT_USAGE;
    o->seed = n;
  }
  return -1;
}

/* What is wrong with the command line once parsed, or NULL. */
static const char *misuse(const cli_args *a, const kgb_train_options *o,
                          const char *output)
{
  const char *task = a->count > 0 ? a->operands[0] : "";

  if (strcmp(task, "ner") && strcmp(task, "pos") && strcmp(task, "pairs"))
    return "say what to train: ner, pos or pairs";
  if (a->count < 2)
    return "give one or more training files";
  if (!output)
    return "say where the model goes with -o MODEL";
  if (o->lang && strcmp(o->lang, "en") && strcmp(o->lang, "fr"))
    return "the language is en or fr";
  if (strcmp(o->decoder, "greedy") && strcmp(o->decoder, "viterbi"))
    return "the decoder is greedy or viterbi";
  return NULL;
}

static int run(const cli_args *a)
{
  cli_messages messages = {0};
  kgb_train_options o;
  const char *output = cli_args_get(a, OPT_OUTPUT);
  const char *data_dir = cli_args_get(a, OPT_DATA_DIR), *why;
  cli_output out;
  kgb_world *world;
  int verbose = cli_args_verbosity(a) > 0, rc, status;

  kgb_train_options_init(&o);
  if ((rc = take_options(a, &o)) >= 0)
    return rc;
  if ((why = misuse(a, &o, output)) != NULL) {
    cli_usage_error("train", "%s", why);
    return EXIT_USAGE;
  }
  o.task = a->operands[0];
  if (verbose || isatty(STDERR_FILENO))
    o.on_epoch = print_epoch;
  messages.verbose = verbose;
  if (!(world = kgb_world_new())) {
    cli_error("out of memory");
    return EXIT_INPUT;
  }
  kgb_world_set_message_handler(world, cli_on_message, &messages);
  if (data_dir && kgb_world_set_data_dir(world, data_dir) != KGB_OK) {
    cli_error("out of memory");
    kgb_world_free(world);
    return EXIT_INPUT;
  }
  if ((status = cli_output_open(&out, output)) != 0) {
    kgb_world_free(world);
    return status;
  }
  rc = kgb_train(world, &o, (const char *const *)a->operands + 1,
                 (size_t)(a->count - 1), out.f, output);
  status = cli_output_close(&out, rc == KGB_OK);
  kgb_world_free(world);
  return rc == KGB_OK ? status : EXIT_INPUT;
}

const cli_command cli_cmd_train = {
  .name = "train",
  .summary = "train a tagger or relation classifier on annotated files",
  .synopsis = "train ner|pos|pairs -o MODEL [OPTIONS] FILE...",
  .about = "Train a sequence tagger on annotated files: CoNLL-style columns\n"
           "(the token first, the tag last; IOB1, IOB2 or BILOU for ner) or\n"
           "CoNLL-U (FORM and UPOS).  pairs trains a relation classifier on\n"
           "pairs of mentions, one a line: LABEL, 'TYPE FIRST END' of the\n"
           "subject and of the object, the types of the mentions between\n"
           "them, the sentence's tokens (TAB between fields;\n"
           "training/convert.py dwie-pairs writes them).\n",
  .options = {options},
  .run = run,
};
