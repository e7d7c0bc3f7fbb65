/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_publish.c - `kgbuild publish --endpoint URL FILE|DIR...`: extract,
 * then upload the graph to a SPARQL 1.1 Graph Store endpoint. */
#define _DEFAULT_SOURCE
#include <stdlib.h>

#include "extract.h"

enum {
  OPT_ENDPOINT = CLI_EXTRACT_OPT_OWN, OPT_GRAPH, OPT_REPLACE, OPT_TIMEOUT
};

static const cli_option options[] = {
  {OPT_ENDPOINT, 0, "endpoint", "URL", "the Graph Store endpoint"},
  {OPT_GRAPH, 0, "graph", "IRI",
   "the named graph (default: the default graph)"},
  {OPT_REPLACE, 0, "replace", NULL,
   "PUT: replace the graph (default: POST, add)"},
  {OPT_TIMEOUT, 0, "timeout", "S", "give up after S seconds to connect, "
   "without progress, or waiting for the answer (60)"},
  {CLI_OPT_END, 0, NULL, NULL, NULL},
};

/* Where to publish, from A into O; -1 to go on, or the exit status. */
static int take_endpoint(const cli_args *a, kgb_publish_options *o,
                         char **owned)
{
  const char *timeout = cli_args_get(a, OPT_TIMEOUT);

  o->endpoint = cli_args_get(a, OPT_ENDPOINT);
  o->graph = cli_args_get(a, OPT_GRAPH);
  o->replace = cli_args_has(a, OPT_REPLACE);
  if (!o->endpoint) {
    cli_usage_error("publish", "publish needs --endpoint URL");
    return EXIT_USAGE;
  }
  if (timeout && cli_parse_number("publish", "--timeout", "number of "
                                   "seconds", timeout, 1, 86400,
                                   &o->timeout))
    return EXIT_USAGE;
  return cli_take_credentials(a, &o->user, &o->password, owned);
}

static int run(const cli_args *a)
{
  cli_extract_options o;
  char *password = NULL;
  int status;

  cli_extract_options_init(&o, CLI_PUBLISH);
  if ((status = cli_extract_take(a, &o)) < 0 &&
      (status = take_endpoint(a, &o.publish, &password)) < 0)
    status = cli_extract_run(&o, a);
  free(password);
  return status;
}

const cli_command cli_cmd_publish = {
  .name = "publish",
  .summary = "extract and upload the graph to a Graph Store endpoint",
  .synopsis = "publish --endpoint URL [--graph IRI] [--user U\n"
              "                       [--password-file F]] [--replace] "
              "[OPTIONS]\n"
              "                       FILE|DIR...",
  .about = "Extract facts from English and French news text and upload the\n"
           "graph to a SPARQL 1.1 Graph Store HTTP Protocol endpoint (for\n"
           "Virtuoso: http://HOST:8890/sparql-graph-crud-auth).  Nothing is\n"
           "sent unless every input was read (see --keep-going).\n",
  .notes = cli_extract_notes,
  .options = {options, cli_credential_options, cli_extract_jobs_option,
              cli_extract_shared_options},
  .run = run,
};
