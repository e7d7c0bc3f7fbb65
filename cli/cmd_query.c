/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_query.c - `kgbuild query`: SPARQL over a store or a graph file. */
#define _DEFAULT_SOURCE
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void usage(FILE *to)
{
  fputs("Usage: kgbuild query (--store URI | --data FILE) "
        "(QUERY | -q FILE.rq) [-r FORMAT]\n"
        "Run a SPARQL 1.1 query over a store that 'kgbuild load' filled, or\n"
        "over a graph file (.ttl, .nt, .nq, .rdf, .json).\n"
        "\n"
        "      --store URI      sqlite:FILE, postgresql:... or virtuoso:...\n"
        "      --data FILE      a graph file instead of a store\n"
        "  -q, --query-file F   read the query from F ('-': standard input)\n"
        "  -r, --results FMT    table (default, aligned), csv, tsv, json\n"
        "                       (SPARQL 1.1 JSON) or xml; CONSTRUCT and\n"
        "                       DESCRIBE queries give Turtle\n"
        "  -h, --help           show this help\n"
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
  const char *store, *data, *query_file, *format;
} query_options;

/* Returns -1 to go on, or the exit status. */
static int parse_options(int argc, char **argv, query_options *o)
{
  static const struct option options[] = {
    {"store", required_argument, NULL, 's'},
    {"data", required_argument, NULL, 'd'},
    {"query-file", required_argument, NULL, 'q'},
    {"results", required_argument, NULL, 'r'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0},
  };
  int c;

  opterr = 0;
  optind = 1;
  while ((c = getopt_long(argc, argv, ":q:r:h", options, NULL)) != -1) {
    switch (c) {
    case 's': o->store = optarg; break;
    case 'd': o->data = optarg; break;
    case 'q': o->query_file = optarg; break;
    case 'r': o->format = optarg; break;
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
  if (!o->store == !o->data) {
    cli_error("give one of --store URI or --data FILE; try 'kgbuild query "
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

int cmd_query(int argc, char **argv)
{
  query_options o = {NULL, NULL, NULL, "table"};
  cli_messages messages = {0};
  kgb_world *world;
  char *query;
  int status = parse_options(argc, argv, &o);

  if (status >= 0)
    return status;
  query = o.query_file ? read_query(o.query_file) : strdup(argv[optind]);
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
