/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_query.c - `kgbuild query`: SPARQL over a store or a graph file. */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

enum {
  OPT_STORE = CLI_OPT_OWN, OPT_DATA, OPT_QUERY_FILE, OPT_RESULTS,
  OPT_TIMEOUT, OPT_MAX_CPU, OPT_MAX_MEMORY, OPT_ENDPOINT, OPT_GRAPH
};

/* -q was --query-file here once; it is --quiet now, as everywhere, and
 * the query file is -Q. */
static const cli_option options[] = {
  {OPT_STORE, 0, "store", "URI", "sqlite:FILE, postgresql:... or "
   "virtuoso:..."},
  {OPT_DATA, 0, "data", "FILE", "a graph file (.ttl, .nt, .nq, .trig, .rdf, "
   ".json, .jsonld); give it again for more files"},
  {OPT_ENDPOINT, 0, "endpoint", "URL", "run the query on this SPARQL 1.1 "
   "server instead (for Virtuoso: http://HOST:8890/sparql)"},
  {OPT_GRAPH, 0, "graph", "IRI", "with --endpoint: the graph to query "
   "(default-graph-uri)"},
  {OPT_QUERY_FILE, 'Q', "query-file", "F",
   "read the query from F ('-': standard input)"},
  {OPT_RESULTS, 'r', "results", "FMT", "table (default, aligned), csv, tsv, "
   "json (SPARQL 1.1 JSON) or xml; CONSTRUCT and DESCRIBE queries give "
   "Turtle"},
  {OPT_TIMEOUT, 0, "timeout", "S", "stop the query after S seconds "
   "(default 300); with --endpoint, give up after S seconds to connect, "
   "without progress or waiting for the answer"},
  {OPT_MAX_CPU, 0, "max-cpu", "S", "... after S seconds of processor time "
   "(default 300)"},
  {OPT_MAX_MEMORY, 0, "max-memory", "MB", "... when it needs more than MB "
   "megabytes (default 8192); 0 lifts a bound"},
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
  const char *store, *query_file, *format;
  const char **data;    /* the --data files, NULL-terminated; owned */
  cli_limits limits;
  kgb_endpoint_options remote;   /* used when remote.endpoint is set */
  char *password;       /* read from --password-file; owned */
} query_options;

/* A bound's value into *OUT: a whole number from 0 to MAX.  Returns -1
 * to go on, or the exit status after a message. */
static int take_bound(const cli_args *a, int id, const char *option,
                      long max, long *out)
{
  const char *text = cli_args_get(a, id);

  if (text && cli_parse_number("query", option, "whole number", text, 0,
                               max, out))
    return EXIT_USAGE;
  return -1;
}

static int take_bounds(const cli_args *a, cli_limits *lim)
{
  long cpu = lim->cpu_seconds, wall = lim->wall_seconds;
  int status;

  if ((status = take_bound(a, OPT_TIMEOUT, "--timeout", 86400 * 7,
                           &wall)) >= 0 ||
      (status = take_bound(a, OPT_MAX_CPU, "--max-cpu", 86400 * 7,
                           &cpu)) >= 0 ||
      (status = take_bound(a, OPT_MAX_MEMORY, "--max-memory", 1L << 30,
                           &lim->memory_mb)) >= 0)
    return status;
  lim->cpu_seconds = (int)cpu;
  lim->wall_seconds = (int)wall;
  return -1;
}

/* Every --data, in order, into O->data. */
static int take_data(const cli_args *a, query_options *o)
{
  size_t n = 0;

  while (cli_args_nth(a, OPT_DATA, n))
    n++;
  o->data = calloc(n + 1, sizeof *o->data);
  if (!o->data) {
    cli_error("out of memory");
    return EXIT_INPUT;
  }
  for (size_t k = 0; k < n; k++)
    o->data[k] = cli_args_nth(a, OPT_DATA, k);
  return -1;
}

/* --endpoint and what goes with it; -1 to go on, or the exit status. */
static int take_remote(const cli_args *a, query_options *o)
{
  o->remote.endpoint = cli_args_get(a, OPT_ENDPOINT);
  o->remote.graph = cli_args_get(a, OPT_GRAPH);
  o->remote.timeout = o->limits.wall_seconds;
  if (!o->remote.endpoint) {
    if (o->remote.graph || cli_args_has(a, CLI_OPT_USER)) {
      cli_usage_error("query", "--graph and --user go with --endpoint");
      return EXIT_USAGE;
    }
    return -1;
  }
  if (o->store || o->data[0] || cli_args_has(a, OPT_MAX_CPU) ||
      cli_args_has(a, OPT_MAX_MEMORY)) {
    cli_usage_error("query", "--endpoint runs the query on the server: "
                    "--store, --data, --max-cpu and --max-memory are for "
                    "the embedded engine");
    return EXIT_USAGE;
  }
  return cli_take_credentials(a, &o->remote.user, &o->remote.password,
                              &o->password);
}

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
  int status;

  o->store = cli_args_get(a, OPT_STORE);
  o->query_file = cli_args_get(a, OPT_QUERY_FILE);
  if (cli_args_has(a, OPT_RESULTS))
    o->format = cli_args_get(a, OPT_RESULTS);
  if ((status = take_bounds(a, &o->limits)) >= 0 ||
      (status = take_data(a, o)) >= 0)
    return status;
  if ((status = take_remote(a, o)) >= 0)
    return status;
  if (!o->remote.endpoint && !o->store && !o->data[0]) {
    cli_usage_error("query", "give --store URI, --data FILE or both, or "
                    "--endpoint URL");
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

typedef struct {
  const query_options *o;
  const char *query;
  int verbosity;
} query_job;

/* In the sandbox's child: the whole query, its answer into OUT. */
static int run_query(void *data, FILE *out)
{
  const query_job *job = data;
  cli_messages messages = {job->verbosity};
  kgb_world *world = kgb_world_new();
  int status = EXIT_INPUT;

  if (world) {
    kgb_world_set_message_handler(world, cli_on_message, &messages);
    status = (job->o->remote.endpoint
                  ? kgb_query_remote(world, &job->o->remote, job->query,
                                     job->o->format, out)
                  : kgb_query_run(world, job->o->store, job->o->data,
                                  job->query, job->o->format, out))
                 ? EXIT_INPUT : EXIT_OK;
  }
  kgb_world_free(world);
  return status;
}

static int run(const cli_args *a)
{
  query_options o = {NULL, NULL, "table", NULL, {300, 300, 8192}, {0}, NULL};
  query_job job = {&o, NULL, cli_args_verbosity(a)};
  int status = take_options(a, &o);

  if (status < 0) {
    job.query = o.query_file ? read_query(o.query_file)
                             : strdup(a->operands[0]);
    if (!job.query)
      status = EXIT_INPUT;
    else if (o.remote.endpoint)   /* bounded by --timeout alone */
      status = run_query(&job, stdout);
    else
      status = cli_sandbox_run("query", &o.limits, run_query, &job, stdout);
  }
  free((char *)job.query);
  free(o.data);
  free(o.password);
  return status;
}

const cli_command cli_cmd_query = {
  .name = "query",
  .summary = "run a SPARQL query over a store or a graph file",
  .synopsis = "query [--store URI] [--data FILE]... (QUERY | -Q FILE.rq)\n"
              "                     [-r FORMAT]\n"
              "       kgbuild query --endpoint URL [--graph IRI] [--user U\n"
              "                     [--password-file F]] (QUERY | -Q FILE.rq)",
  .about = "Run a SPARQL 1.1 query over a store that 'kgbuild load' filled,\n"
           "over graph files, or both: they are read together into memory.\n"
           "Nothing is fetched from the network: SERVICE and FROM are\n"
           "refused.  What the embedded engine cannot answer right is\n"
           "refused by name; --endpoint runs any query on a SPARQL 1.1\n"
           "server instead ('kgbuild publish' sends the graph to one), and\n"
           "writes its answer in the same formats.\n",
  .notes = "The query runs in a child process within the bounds above: a\n"
           "crash or a bound reached is a message and exit status 1, with\n"
           "no partial answer written.\n"
           "\n"
           "Exit status: 0 success, 1 the query or the store failed (the\n"
           "message gives the query's line and column), 2 bad usage.\n",
  .options = {options, cli_credential_options},
  .run = run,
};
