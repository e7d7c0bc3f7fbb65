/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_publish.c - `kgbuild publish --endpoint URL FILE|DIR...`: extract,
 * then upload the graph to a SPARQL 1.1 Graph Store endpoint. */
#define _DEFAULT_SOURCE
#include <stdlib.h>

#include "extract.h"

enum {
  OPT_ENDPOINT = CLI_EXTRACT_OPT_OWN, OPT_GRAPH, OPT_USER, OPT_PASSWORD,
  OPT_PASSWORD_FILE, OPT_REPLACE, OPT_TIMEOUT
};

static const cli_option options[] = {
  {OPT_ENDPOINT, 0, "endpoint", "URL", "the Graph Store endpoint"},
  {OPT_GRAPH, 0, "graph", "IRI",
   "the named graph (default: the default graph)"},
  {OPT_USER, 0, "user", "U", "HTTP basic or digest authentication; the "
   "password is the first line of --password-file, or else "
   "$KGBUILD_PASSWORD"},
  {OPT_PASSWORD_FILE, 0, "password-file", "F",
   "where the password is ('-': standard input)"},
  /* Still taken, so scripts keep working, but not shown, and never
   * silently. */
  {OPT_PASSWORD, 0, "password", "P", NULL},
  {OPT_REPLACE, 0, "replace", NULL,
   "PUT: replace the graph (default: POST, add)"},
  {OPT_TIMEOUT, 0, "timeout", "S", "give up after S seconds to connect, "
   "without progress, or waiting for the answer (60)"},
  {CLI_OPT_END, 0, NULL, NULL, NULL},
};

/* The password, from --password-file, --password or the environment,
 * into O; *OWNED is what was read from the file. */
static int take_password(const cli_args *a, kgb_publish_options *o,
                         char **owned)
{
  const char *file = cli_args_get(a, OPT_PASSWORD_FILE);

  o->password = cli_args_get(a, OPT_PASSWORD);
  if (o->password)
    cli_error("warning: --password is visible to every user of this "
              "machine (ps); use --password-file or KGBUILD_PASSWORD");
  if (file && !(*owned = cli_password_from_file(file)))
    return EXIT_USAGE;
  if (*owned)
    o->password = *owned;
  else if (!o->password && getenv("KGBUILD_PASSWORD"))
    o->password = getenv("KGBUILD_PASSWORD");
  if (o->password && !o->user) {
    cli_error("a password needs --user");
    return EXIT_USAGE;
  }
  return -1;
}

/* Where to publish, from A into O; -1 to go on, or the exit status. */
static int take_endpoint(const cli_args *a, kgb_publish_options *o,
                         char **owned)
{
  const char *timeout = cli_args_get(a, OPT_TIMEOUT);

  o->endpoint = cli_args_get(a, OPT_ENDPOINT);
  o->graph = cli_args_get(a, OPT_GRAPH);
  o->user = cli_args_get(a, OPT_USER);
  o->replace = cli_args_has(a, OPT_REPLACE);
  if (!o->endpoint) {
    cli_usage_error("publish", "publish needs --endpoint URL");
    return EXIT_USAGE;
  }
  if (timeout && cli_parse_number("publish", "--timeout", "number of "
                                   "seconds", timeout, 1, 86400,
                                   &o->timeout))
    return EXIT_USAGE;
  return take_password(a, o, owned);
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
  .options = {options, cli_extract_jobs_option, cli_extract_shared_options},
  .run = run,
};
