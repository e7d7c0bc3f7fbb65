/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_jsonld.c - libFuzzer target for the JSON-LD reader of `query
 * --data` (output/kgb_jsonld_read.c): any bytes read as a .jsonld file
 * are statements or a message, never a crash, a leak or a hang.  Every
 * statement given must have its three parts. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "kgb_query_internal.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static kgb_world *world;
static raptor_world *raptor;

static void quiet(void *data, kgb_level level, const char *message)
{
  (void)data;
  (void)level;
  (void)message;
}

static void check_statement(void *data, raptor_statement *st)
{
  (void)data;
  if (!st->subject || !st->predicate || !st->object ||
      st->predicate->type != RAPTOR_TERM_TYPE_URI)
    abort();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
  (void)argc;
  (void)argv;
  world = kgb_world_new();
  raptor = raptor_new_world();
  if (!world || !raptor || raptor_world_open(raptor)) {
    fprintf(stderr, "fuzz_jsonld: out of memory at start\n");
    abort();
  }
  kgb_world_set_message_handler(world, quiet, NULL);
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  FILE *f = size ? fmemopen((void *)data, size, "rb") : NULL;

  if (!f)
    return 0;
  kgb_jsonld_read(world, raptor, f, "fuzz.jsonld", check_statement, NULL);
  fclose(f);
  return 0;
}
