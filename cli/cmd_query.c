/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_query.c - `kgbuild query`: SPARQL over a store or a graph file. */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void usage(FILE *to)
{
  fputs("Usage: kgbuild query (--store URI | --data FILE) "
        "(QUERY | -q FILE.rq) [-r FORMAT]\n"
        "Run a SPARQL 1.1 query over a store that 'kgbuild load' filled,\n"
        "over graph files (.ttl, .nt, .nq, .trig, .rdf, .json), or both:\n"
        "they are read together into memory.  Nothing is fetched from the\n"
        "network: SERVICE and FROM are refused.\n"
        "\n"
        "      --store URI      sqlite:FILE, postgresql:... or virtuoso:...\n"
        "      --data FILE      a graph file; give it again for more files\n"
        "  -q, --query-file F   read the query from F ('-': standard input)\n"
        "  -r, --results FMT    table (default, aligned), csv, tsv, json\n"
        "                       (SPARQL 1.1 JSON) or xml; CONSTRUCT and\n"
        "                       DESCRIBE queries give Turtle\n"
        "      --timeout S      stop the query after S seconds (default 300)\n"
        "      --max-cpu S      ... after S seconds of processor time\n"
        "                       (default 300)\n"
        "      --max-memory MB  ... when it needs more than MB megabytes\n"
        "                       (default 8192); 0 lifts a bound\n"
        "  -h, --help           show this help\n"
        "\n"
        "The query runs in a child process within those bounds: a crash\n"
        "or a bound reached is a message and exit status 1, with no\n"
        "partial answer written.\n"
        "\n"
        "Exit status: 0 success, 1 the query or the store failed (the\n"
        "message gives the query's line and column), 2 bad usage.\n",
        to);
}

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
  size_t n_data;
  cli_limits limits;
} query_options;

/* A bound's value: a whole number from 0 to MAX, or -1. */
static long bound_value(const char *text, long max)
{
  char *end;
  long v;

  errno = 0;
  v = strtol(text, &end, 10);
  return errno || end == text || *end || v < 0 || v > max ? -1 : v;
}

static int set_bound(const char *option, const char *text, long max,
                     long *out)
{
  long v = bound_value(text, max);

  if (v < 0) {
    cli_error("%s needs a whole number from 0 to %ld, not '%s'", option, max,
              text);
    return EXIT_USAGE;
  }
  *out = v;
  return -1;
}

static int add_data(query_options *o, const char *path)
{
  const char **grown = realloc(o->data, (o->n_data + 2) * sizeof *grown);

  if (!grown)
    return -1;
  o->data = grown;
  o->data[o->n_data++] = path;
  o->data[o->n_data] = NULL;
  return 0;
}

/* Returns -1 to go on, or the exit status. */
static int parse_options(int argc, char **argv, query_options *o)
{
  static const struct option options[] = {
    {"store", required_argument, NULL, 's'},
    {"data", required_argument, NULL, 'd'},
    {"query-file", required_argument, NULL, 'q'},
    {"results", required_argument, NULL, 'r'},
    {"timeout", required_argument, NULL, 'T'},
    {"max-cpu", required_argument, NULL, 'C'},
    {"max-memory", required_argument, NULL, 'M'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
  };
  int c, status = -1;
  long v = 0;

  opterr = 0;
  optind = 1;
  while ((c = getopt_long(argc, argv, ":q:r:h", options, NULL)) != -1) {
    switch (c) {
    case 's': o->store = optarg; break;
    case 'd':
      if (add_data(o, optarg)) {
        cli_error("out of memory");
        return EXIT_INPUT;
      }
      break;
    case 'q': o->query_file = optarg; break;
    case 'r': o->format = optarg; break;
    case 'T':
      if ((status = set_bound("--timeout", optarg, 86400 * 7, &v)) >= 0)
        return status;
      o->limits.wall_seconds = (int)v;
      break;
    case 'C':
      if ((status = set_bound("--max-cpu", optarg, 86400 * 7, &v)) >= 0)
        return status;
      o->limits.cpu_seconds = (int)v;
      break;
    case 'M':
      if ((status = set_bound("--max-memory", optarg, 1L << 30, &v)) >= 0)
        return status;
      o->limits.memory_mb = v;
      break;
    case 'h': usage(stdout); return EXIT_OK;
    case ':':
      cli_error("option '%s' needs a value; try 'kgbuild query --help'",
                argv[optind - 1]);
      return EXIT_USAGE;
    default:
      cli_error("unknown option '%s'; try 'kgbuild query --help'",
                argv[optind - 1]);
      return EXIT_USAGE;
    }
  }
  if (!o->store && !o->data) {
    cli_error("give --store URI or --data FILE; try 'kgbuild query "
              "--help'");
    return EXIT_USAGE;
  }
  if ((o->query_file != NULL) == (optind < argc) || optind + 1 < argc) {
    cli_error("give the query as one argument or with -q FILE; try "
              "'kgbuild query --help'");
    return EXIT_USAGE;
  }
  if (!kgb_result_format_is_known(o->format)) {
    cli_error("unknown result format '%s' (expected table, csv, tsv, json "
              "or xml)", o->format);
    return EXIT_USAGE;
  }
  return -1;
}

typedef struct {
  const query_options *o;
  const char *query;
} query_job;

/* In the sandbox's child: the whole query, its answer into OUT. */
static int run_query(void *data, FILE *out)
{
  const query_job *job = data;
  cli_messages messages = {0};
  kgb_world *world = kgb_world_new();
  int status = EXIT_INPUT;

  if (world) {
    kgb_world_set_message_handler(world, cli_on_message, &messages);
    status = kgb_query_run(world, job->o->store, job->o->data, job->query,
                           job->o->format, out)
                 ? EXIT_INPUT : EXIT_OK;
  }
  kgb_world_free(world);
  return status;
}

int cmd_query(int argc, char **argv)
{
  query_options o = {NULL, NULL, "table", NULL, 0, {300, 300, 8192}};
  query_job job;
  char *query;
  int status = parse_options(argc, argv, &o);

  if (status >= 0) {
    free(o.data);
    return status;
  }
  query = o.query_file ? read_query(o.query_file) : strdup(argv[optind]);
  if (!query) {
    free(o.data);
    return EXIT_INPUT;
  }
  job.o = &o;
  job.query = query;
  status = cli_sandbox_run("query", &o.limits, run_query, &job, stdout);
  free(query);
  free(o.data);
  return status;
}
