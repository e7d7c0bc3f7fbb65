/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_query.c - `kgbuild query`: SPARQL over a store or a graph file. */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

enum {
  OPT_STORE = CLI_OPT_OWN, OPT_DATA, OPT_QUERY_FILE, OPT_RESULTS
};

/* -q was --query-file here once; it is --quiet now, as everywhere, and
 * the query file is -Q. */
static const cli_option options[] = {
  {OPT_STORE, 0, "store", "URI", "sqlite:FILE, postgresql:... or "
   "virtuoso:..."},
  {OPT_DATA, 0, "data", "FILE", "a graph file instead of a store"},
  {OPT_QUERY_FILE, 'Q', "query-file", "F",
   "read the query from F ('-': standard input)"},
  {OPT_RESULTS, 'r', "results", "FMT", "table (default, aligned), csv, tsv, "
   "json (SPARQL 1.1 JSON) or xml; CONSTRUCT and DESCRIBE queries give "
   "Turtle"},
  CLI_OPTION_QUIET,
  {CLI_OPT_END, 0, NULL, NULL, NULL},
};

/* The whole of PATH ("-" for standard input), or NULL after a message. */
static char *read_query(const char *path)
{
  FILE *f = strcmp(path, "-") ? fopen(path, "r") : stdin;
  char *text = NULL;
  size_t len = 0, n;
  char buf[4096];
  FILE *mem;

  if (!f) {
    cli_error("%s: cannot read the query", path);
    return NULL;
  }
  mem = open_memstream(&text, &len);
  while (mem && (n = fread(buf, 1, sizeof buf, f)) > 0)
    fwrite(buf, 1, n, mem);
  if (mem)
    fclose(mem);
  if (ferror(f)) {
    cli_error("%s: cannot read the query", path);
    free(text);
    text = NULL;
  }
  if (f != stdin)
    fclose(f);
  return text;
}

typedef struct {
  const char *store, *data, *query_file, *format;
} query_options;

/* A query given as a word that is a file's name, and could be no query:
 * most likely the FILE.rq of the old `-q FILE.rq`. */
static int is_file_name(const char *query)
{
  struct stat st;

  return !strchr(query, '{') && stat(query, &st) == 0 && S_ISREG(st.st_mode);
}

/* Returns -1 to go on, or the exit status. */
static int take_options(const cli_args *a, query_options *o)
{
  o->store = cli_args_get(a, OPT_STORE);
  o->data = cli_args_get(a, OPT_DATA);
  o->query_file = cli_args_get(a, OPT_QUERY_FILE);
  if (cli_args_has(a, OPT_RESULTS))
    o->format = cli_args_get(a, OPT_RESULTS);
  if (!o->store == !o->data) {
    cli_usage_error("query", "give one of --store URI or --data FILE");
    return EXIT_USAGE;
  }
  if ((o->query_file != NULL) == (a->count > 0) || a->count > 1) {
    cli_usage_error("query", "give the query as one argument or with -Q "
                    "FILE");
    return EXIT_USAGE;
  }
  if (!o->query_file && is_file_name(a->operands[0])) {
    cli_usage_error("query", "'%s' is a file: give it with -Q FILE (-q is "
                    "--quiet)", a->operands[0]);
    return EXIT_USAGE;
  }
  if (!kgb_result_format_is_known(o->format)) {
    cli_usage_error("query", "unknown result format '%s' (expected table, "
                    "csv, tsv, json or xml)", o->format);
    return EXIT_USAGE;
  }
  return -1;
}

static int run(const cli_args *a)
{
  query_options o = {NULL, NULL, NULL, "table"};
  cli_messages messages = {cli_args_verbosity(a)};
  kgb_world *world;
  char *query;
  int status = take_options(a, &o);

  if (status >= 0)
    return status;
  query = o.query_file ? read_query(o.query_file) : strdup(a->operands[0]);
  if (!query)
    return EXIT_INPUT;
  world = kgb_world_new();
  if (!world) {
    free(query);
    return EXIT_INPUT;
  }
  kgb_world_set_message_handler(world, cli_on_message, &messages);
  status = kgb_query_run(world, o.store, o.data, query, o.format, stdout)
               ? EXIT_INPUT : EXIT_OK;
  kgb_world_free(world);
  free(query);
  return status;
}

const cli_command cli_cmd_query = {
  .name = "query",
  .summary = "run a SPARQL query over a store or a graph file",
  .synopsis = "query (--store URI | --data FILE) (QUERY | -Q FILE.rq)\n"
              "                     [-r FORMAT]",
  .about = "Run a SPARQL 1.1 query over a store that 'kgbuild load' filled, "
           "or\nover a graph file (.ttl, .nt, .nq, .rdf, .json).\n",
  .notes = "Exit status: 0 success, 1 the query or the store failed (the\n"
           "message gives the query's line and column), 2 bad usage.\n",
  .options = {options},
  .run = run,
};
