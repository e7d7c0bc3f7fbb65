/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_train.c - `kgbuild train`: a tagger model from annotated files. */
#define _DEFAULT_SOURCE
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static void usage(FILE *to)
{
  fputs("Usage: kgbuild train ner|pos|pairs -o MODEL [OPTIONS] FILE...\n"
        "Train a sequence tagger on annotated files: CoNLL-style columns\n"
        "(the token first, the tag last; IOB1, IOB2 or BILOU for ner) or\n"
        "CoNLL-U (FORM and UPOS).  pairs trains a relation classifier on\n"
        "pairs of mentions, one a line: LABEL, 'TYPE FIRST END' of the\n"
        "subject and of the object, the types of the mentions between\n"
        "them, the sentence's tokens (TAB between fields;\n"
        "training/convert.py dwie-pairs writes them).\n"
        "\n"
        "  -o, --output MODEL      the model file to write (required)\n"
        "  -l, --lang L            the language of the data, en or fr: its\n"
        "                          gazetteers and word clusters become\n"
        "                          features (without it, the words alone)\n"
        "      --data-dir DIR      language tables (default: installed)\n"
        "      --dev FILE          score this file after each epoch\n"
        "      --epochs N          passes over the data (10)\n"
        "      --seed S            the shuffle's seed (1)\n"
        "      --decoder D         greedy or viterbi (the default)\n"
        "  -v, --verbose           print each epoch's scores\n"
        "  -h, --help              show this help\n",
        to);
}

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

/* Read the options into O and *OUTPUT; 0, -1 after --help, or
 * EXIT_USAGE. */
static int parse_options(int argc, char **argv, kgb_train_options *o,
                         const char **output, const char **data_dir,
                         int *verbose)
{
  static const struct option options[] = {
    {"output", required_argument, NULL, 'o'},
    {"lang", required_argument, NULL, 'l'},
    {"dev", required_argument, NULL, 'D'},
    {"epochs", required_argument, NULL, 'E'},
    {"seed", required_argument, NULL, 'S'},
    {"decoder", required_argument, NULL, 'd'},
    {"data-dir", required_argument, NULL, 'T'},
    {"verbose", no_argument, NULL, 'v'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
  };
  unsigned long long n;
  int c;

  opterr = 0;
  optind = 1;
  while ((c = getopt_long(argc, argv, ":o:l:vh", options, NULL)) != -1) {
    switch (c) {
    case 'o': *output = optarg; break;
    case 'l': o->lang = optarg; break;
    case 'D': o->dev = optarg; break;
    case 'E':
      if (parse_number("number of epochs", optarg, 1, 100000, &n))
        return EXIT_USAGE;
      o->epochs = (unsigned)n;
      break;
    case 'S':
      if (parse_number("seed", optarg, 0, ~0ULL, &n))
        return EXIT_USAGE;
      o->seed = n;
      break;
    case 'd': o->decoder = optarg; break;
    case 'T': *data_dir = optarg; break;
    case 'v': *verbose = 1; break;
    case 'h': usage(stdout); return -1;
    default:
      cli_error("bad option '%s'; try 'kgbuild train --help'",
                argv[optind - 1]);
      return EXIT_USAGE;
    }
  }
  return 0;
}

/* What is wrong with the command line once parsed, or NULL. */
static const char *misuse(int argc, char **argv, const kgb_train_options *o,
                          const char *output)
{
  if (optind >= argc ||
      (strcmp(argv[optind], "ner") && strcmp(argv[optind], "pos") &&
       strcmp(argv[optind], "pairs")))
    return "say what to train: ner, pos or pairs";
  if (optind + 1 >= argc)
    return "give one or more training files";
  if (!output)
    return "say where the model goes with -o MODEL";
  if (o->lang && strcmp(o->lang, "en") && strcmp(o->lang, "fr"))
    return "the language is en or fr";
  if (strcmp(o->decoder, "greedy") && strcmp(o->decoder, "viterbi"))
    return "the decoder is greedy or viterbi";
  return NULL;
}

int cmd_train(int argc, char **argv)
{
  cli_messages messages = {0};
  kgb_train_options o;
  const char *output = NULL, *data_dir = NULL, *why;
  cli_output out;
  kgb_world *world;
  int verbose = 0, rc, status;

  kgb_train_options_init(&o);
  if ((rc = parse_options(argc, argv, &o, &output, &data_dir, &verbose)) != 0)
    return rc < 0 ? EXIT_OK : rc;
  if ((why = misuse(argc, argv, &o, output)) != NULL) {
    cli_error("%s; try 'kgbuild train --help'", why);
    return EXIT_USAGE;
  }
  o.task = argv[optind];
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
  rc = kgb_train(world, &o, (const char *const *)argv + optind + 1,
                 (size_t)(argc - optind - 1), out.f, output);
  status = cli_output_close(&out, rc == KGB_OK);
  kgb_world_free(world);
  return rc == KGB_OK ? status : EXIT_INPUT;
}
