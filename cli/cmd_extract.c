/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_extract.c - `kgbuild [extract] [OPTIONS] FILE|DIR...`: text in,
 * one merged RDF graph out, to standard output or a file. */
#include <string.h>

#include "extract.h"

enum { OPT_FORMAT = CLI_EXTRACT_OPT_OWN, OPT_OUTPUT };

static const cli_option options[] = {
  {OPT_FORMAT, 'f', "format", "FORMAT", "turtle (default), ntriples, "
   "nquads, rdfxml, json (RDF/JSON), jsonld (JSON-LD 1.1) or dot (a "
   "Graphviz picture of entities and facts)"},
  {OPT_OUTPUT, 'o', "output", "FILE", "write the graph to FILE (default: "
   "stdout); a file is replaced only when the run succeeds, keeping its "
   "mode and owner"},
  {CLI_OPT_END, 0, NULL, NULL, NULL},
};

static int run(const cli_args *a)
{
  cli_extract_options o;
  const char *format = cli_args_get(a, OPT_FORMAT);
  int status;

  cli_extract_options_init(&o, CLI_EXTRACT);
  if ((status = cli_extract_take(a, &o)) >= 0)
    return status;
  if (format)
    o.format = format;
  o.output = cli_args_get(a, OPT_OUTPUT);
  if (!kgb_format_is_known(o.format)) {
    cli_usage_error(a->command->name, "unknown format '%s' (expected "
                    "turtle, ntriples, nquads, rdfxml, json, jsonld or dot)",
                    o.format);
    return EXIT_USAGE;
  }
  return cli_extract_run(&o, a);
}

const cli_command cli_cmd_extract = {
  .name = "extract",
  .summary = "text in, one RDF graph out (the default command)",
  .synopsis = "[extract] [OPTIONS] FILE|DIR...",
  .about = "Extract facts from English and French news text into an RDF\n"
           "graph.  FILE may be '-' for standard input; a DIR is walked for\n"
           "*.txt, *.html and *.htm files.\n",
  .notes = cli_extract_notes,
  .options = {options, cli_extract_jobs_option, cli_extract_shared_options},
  .run = run,
};
