/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_load.c - `kgbuild load [--store URI] FILE|DIR...`: extract into a
 * triple store, skipping the documents it holds already. */
#include "extract.h"

enum { OPT_STORE = CLI_EXTRACT_OPT_OWN };

static const cli_option options[] = {
  {OPT_STORE, 0, "store", "URI", "sqlite:FILE (default sqlite:graph.db), "
   "postgresql:host=H,database=D,user=U,password=P or "
   "virtuoso:dsn=D,user=U,password=P"},
  {CLI_OPT_END, 0, NULL, NULL, NULL},
};

static int run(const cli_args *a)
{
  cli_extract_options o;
  int status;

  cli_extract_options_init(&o, CLI_LOAD);
  if ((status = cli_extract_take(a, &o)) >= 0)
    return status;
  if (cli_args_has(a, OPT_STORE))
    o.store = cli_args_get(a, OPT_STORE);
  return cli_extract_run(&o, a);
}

const cli_command cli_cmd_load = {
  .name = "load",
  .summary = "extract into a triple store (sqlite, PostgreSQL, Virtuoso)",
  .synopsis = "load [--store URI] [OPTIONS] FILE|DIR...",
  .about = "Extract facts from English and French news text into a triple\n"
           "store; a document the store holds already (same SHA-256) is\n"
           "skipped.  FILE may be '-' for standard input; a DIR is walked\n"
           "for *.txt, *.html and *.htm files.\n",
  .notes = cli_extract_notes,
  .options = {options, cli_extract_shared_options},
  .run = run,
};
