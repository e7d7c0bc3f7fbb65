/* SPDX-License-Identifier: GPL-3.0-or-later */
/* extract.h - what extract, load and publish share: text in, a graph
 * out, written to a file, a store or an endpoint. */
#ifndef KGB_CLI_EXTRACT_H
#define KGB_CLI_EXTRACT_H

#include "cli.h"

typedef enum { CLI_EXTRACT, CLI_LOAD, CLI_PUBLISH } cli_extract_mode;

typedef struct {
  const char *format;
  const char *output;
  const char *base;
  const char *lang;
  const char *data_dir;
  const char *model_dir;
  int no_models;        /* rules alone */
  const char *ontology;
  const char *store;    /* load: the store URI */
  kgb_publish_options publish;   /* publish: where to */
  int mentions;
  int keep_going;       /* write (or publish) what could be read */
  size_t jobs;          /* worker processes; 1 runs in this one */
  double max_input;     /* MB an input may have; 0 for the default */
  double min_confidence;   /* facts below are left out */
  int load;             /* into a store, not a file */
  int publishing;       /* to an endpoint, not a file */
  size_t skipped;       /* load: documents the store held already */
  cli_messages messages;
} cli_extract_options;

/* Ids of the options in the tables below; a command's own follow
 * CLI_EXTRACT_OPT_OWN. */
enum {
  CLI_EXTRACT_OPT_JOBS = CLI_OPT_OWN, CLI_EXTRACT_OPT_BASE,
  CLI_EXTRACT_OPT_LANG, CLI_EXTRACT_OPT_DATA_DIR, CLI_EXTRACT_OPT_MODEL_DIR,
  CLI_EXTRACT_OPT_NO_MODELS, CLI_EXTRACT_OPT_ONTOLOGY,
  CLI_EXTRACT_OPT_MENTIONS, CLI_EXTRACT_OPT_MIN_CONFIDENCE,
  CLI_EXTRACT_OPT_MAX_INPUT, CLI_EXTRACT_OPT_KEEP_GOING,
  CLI_EXTRACT_OPT_OWN
};

/* The options of extract, load and publish alike. */
extern const cli_option cli_extract_shared_options[];
/* -j: extract and publish; load writes its store from one process. */
extern const cli_option cli_extract_jobs_option[];
/* What follows their options in --help. */
extern const char cli_extract_notes[];

/* Defaults for MODE. */
void cli_extract_options_init(cli_extract_options *o, cli_extract_mode mode);
/* The shared options of A into O; -1 to go on, or EXIT_USAGE after
 * saying why. */
int cli_extract_take(const cli_args *a, cli_extract_options *o);
/* Extract A's operands as O says; the exit status. */
int cli_extract_run(cli_extract_options *o, const cli_args *a);

#endif
