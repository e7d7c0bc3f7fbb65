/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_tag.c - `kgbuild tag`: a tagger model's tags for annotated files,
 * beside their own, for measuring a model on a test set. */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

enum { OPT_MODEL = CLI_OPT_OWN, OPT_LANG, OPT_DATA_DIR, OPT_OUTPUT,
       OPT_PAIRS };

static const cli_option options[] = {
  {OPT_MODEL, 'm', "model", "MODEL", "the model file (required)"},
  {OPT_LANG, 'l', "lang", "L", "the language the model was trained with "
   "(en or fr; none: the words alone)"},
  {OPT_DATA_DIR, 0, "data-dir", "DIR", "language tables (default: "
   "installed)"},
  {OPT_OUTPUT, 'o', "output", "FILE", "write there (default: stdout)"},
  {OPT_PAIRS, 0, "pairs", NULL, "the files hold pairs of mentions"},
  {CLI_OPT_END, 0, NULL, NULL, NULL},
};

typedef struct {
  const char *model, *lang, *data_dir, *output;
  int pairs;
} tag_options;

/* -1 to go on, or EXIT_USAGE. */
static int take_options(const cli_args *a, tag_options *o)
{
  o->model = cli_args_get(a, OPT_MODEL);
  o->lang = cli_args_get(a, OPT_LANG);
  o->data_dir = cli_args_get(a, OPT_DATA_DIR);
  o->output = cli_args_get(a, OPT_OUTPUT);
  o->pairs = cli_args_has(a, OPT_PAIRS);
  if (o->lang && strcmp(o->lang, "en") && strcmp(o->lang, "fr")) {
    cli_usage_error("tag", "the language is en or fr");
    return EXIT_USAGE;
  }
  if (!o->model || a->count == 0) {
    cli_usage_error("tag", "%s", o->model ? "give one or more files to tag"
                                          : "say which model with -m MODEL");
    return EXIT_USAGE;
  }
  return -1;
}

static int run(const cli_args *a)
{
  cli_messages messages = {0};
  tag_options o = {0};
  cli_output out;
  kgb_world *world;
  int rc, status;

  if ((rc = take_options(a, &o)) >= 0)
    return rc;
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
                            (const char *const *)a->operands,
                            (size_t)a->count, out.f);
  else
    rc = kgb_tag_files(world, o.model, o.lang,
                       (const char *const *)a->operands,
                       (size_t)a->count, out.f);
  status = cli_output_close(&out, rc == KGB_OK);
  kgb_world_free(world);
  return rc == KGB_OK ? status : EXIT_INPUT;
}

const cli_command cli_cmd_tag = {
  .name = "tag",
  .summary = "a tagger model's tags for annotated files, beside their own",
  .synopsis = "tag -m MODEL [OPTIONS] FILE...",
  .about = "Tag the sentences of annotated files (as 'kgbuild train' reads\n"
           "them) with MODEL; print TOKEN<TAB>GOLD<TAB>PREDICTED a line, a\n"
           "blank line after each sentence.  With --pairs, MODEL is a\n"
           "relation classifier and the files hold pairs ('kgbuild train\n"
           "pairs'): print GOLD<TAB>PREDICTED<TAB>MARGIN a pair, MARGIN\n"
           "being how far the predicted class scores above \"none\".\n",
  .options = {options},
  .run = run,
};
