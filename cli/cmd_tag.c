/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_tag.c - `kgbuild tag`: a tagger model's tags for annotated files,
 * beside their own, for measuring a model on a test set. */
#define _DEFAULT_SOURCE
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void usage(FILE *to)
{
  fputs("Usage: kgbuild tag -m MODEL [OPTIONS] FILE...\n"
        "Tag the sentences of annotated files (as 'kgbuild train' reads\n"
        "them) with MODEL; print TOKEN<TAB>GOLD<TAB>PREDICTED a line, a\n"
        "blank line after each sentence.  With --pairs, MODEL is a relation\n"
        "classifier and the files hold pairs ('kgbuild train pairs'):\n"
        "print GOLD<TAB>PREDICTED<TAB>MARGIN a pair, MARGIN being how far\n"
        "the predicted class scores above \"none\".\n"
        "\n"
        "  -m, --model MODEL       the model file (required)\n"
        "  -l, --lang L            the language the model was trained with\n"
        "                          (en or fr; none: the words alone)\n"
        "      --data-dir DIR      language tables (default: installed)\n"
        "  -o, --output FILE       write there (default: stdout)\n"
        "      --pairs             the files hold pairs of mentions\n"
        "  -h, --help              show this help\n",
        to);
}

typedef struct {
  const char *model, *lang, *data_dir, *output;
  int pairs;
} tag_options;

/* 0, -1 after --help, or EXIT_USAGE. */
static int parse_options(int argc, char **argv, tag_options *o)
{
  static const struct option options[] = {
    {"model", required_argument, NULL, 'm'},
    {"lang", required_argument, NULL, 'l'},
    {"data-dir", required_argument, NULL, 'T'},
    {"output", required_argument, NULL, 'o'},
    {"pairs", no_argument, NULL, 'P'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
  };
  int c;

  opterr = 0;
  optind = 1;
  while ((c = getopt_long(argc, argv, ":m:l:o:h", options, NULL)) != -1) {
    switch (c) {
    case 'm': o->model = optarg; break;
    case 'l': o->lang = optarg; break;
    case 'T': o->data_dir = optarg; break;
    case 'o': o->output = optarg; break;
    case 'P': o->pairs = 1; break;
    case 'h': usage(stdout); return -1;
    default:
      cli_error("bad option '%s'; try 'kgbuild tag --help'",
                argv[optind - 1]);
      return EXIT_USAGE;
    }
  }
  if (o->lang && strcmp(o->lang, "en") && strcmp(o->lang, "fr")) {
    cli_error("the language is en or fr; try 'kgbuild tag --help'");
    return EXIT_USAGE;
  }
  if (!o->model || optind >= argc) {
    cli_error("%s; try 'kgbuild tag --help'",
              o->model ? "give one or more files to tag"
                       : "say which model with -m MODEL");
    return EXIT_USAGE;
  }
  return 0;
}

int cmd_tag(int argc, char **argv)
{
  cli_messages messages = {0};
  tag_options o = {0};
  cli_output out;
  kgb_world *world;
  int rc, status;

  if ((rc = parse_options(argc, argv, &o)) != 0)
    return rc < 0 ? EXIT_OK : rc;
  if (!(world = kgb_world_new()) ||
      (o.data_dir && kgb_world_set_data_dir(world, o.data_dir))) {
    cli_error("out of memory");
    kgb_world_free(world);
    return EXIT_INPUT;
  }
  kgb_world_set_message_handler(world, cli_on_message, &messages);
  if ((status = cli_output_open(&out, o.output)) != 0) {
    kgb_world_free(world);
    return status;
  }
  if (o.pairs)
    rc = kgb_tag_pair_files(world, o.model,
                            (const char *const *)argv + optind,
                            (size_t)(argc - optind), out.f);
  else
    rc = kgb_tag_files(world, o.model, o.lang,
                       (const char *const *)argv + optind,
                       (size_t)(argc - optind), out.f);
  status = cli_output_close(&out, rc == KGB_OK);
  kgb_world_free(world);
  return rc == KGB_OK ? status : EXIT_INPUT;
}
