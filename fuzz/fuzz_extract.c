/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_extract.c - libFuzzer target: any bytes, as an article, through
 * the whole pipeline (clean, split, extract, graph, serialize), and the
 * output must read back.  Built by ./configure --enable-fuzzing; run by
 * fuzz/run.sh with KGBUILD_DATA_DIR and KGBUILD_ONTOLOGY set. */
#include <raptor2.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kgbuild.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Opened once: loading the tables is what costs, and every input reads
 * them the same way. */
static kgb_world *world;

/* The RDF syntaxes kgbuild writes, and the raptor parser that reads each
 * back (NULL: not read back).  Turtle reads N-Triples too, and raptor's
 * own N-Triples parser cannot serve: it leaks the datatype of every typed
 * literal (tests/lsan.supp), which libFuzzer would stop at.  N-Quads is
 * not read back; raptor writes its terms as in N-Triples. */
static const struct {
  const char *format, *parser;
} formats[] = {{"turtle", "turtle"},
               {"ntriples", "turtle"},
               {"nquads", NULL},
               {"rdfxml", "rdfxml"},
               {"json", "json"}};
#define N_FORMATS (sizeof formats / sizeof *formats)

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
  (void)argc;
  (void)argv;
  world = kgb_world_new();
  if (!world || kgb_world_open(world) != KGB_OK) {
    fprintf(stderr, "fuzz_extract: cannot open the world; set "
                    "KGBUILD_DATA_DIR and KGBUILD_ONTOLOGY\n");
    abort();
  }
  return 0;
}

static void count_statement(void *data, raptor_statement *st)
{
  (void)st;
  (*(size_t *)data)++;
}

static void note_error(void *data, raptor_log_message *msg)
{
  if (msg->level >= RAPTOR_LOG_LEVEL_ERROR) {
    fprintf(stderr, "fuzz_extract: raptor cannot read the output back: %s\n",
            msg->text);
    *(int *)data = 1;
  }
}

/* Whatever the input, kgbuild must write RDF that parses.  Aborts when
 * raptor's parser SYNTAX rejects TEXT or finds no triple in it. */
static void check_reads_back(const char *text, size_t len, const char *syntax)
{
  raptor_world *rw = raptor_new_world();
  raptor_parser *p;
  raptor_uri *base;
  size_t count = 0;
  int failed = 0;

  raptor_world_set_log_handler(rw, &failed, note_error);
  p = raptor_new_parser(rw, syntax);
  base = raptor_new_uri(rw, (const unsigned char *)"http://fuzz/");
  if (!p || !base)
    abort();
  raptor_parser_set_statement_handler(p, &count, count_statement);
  if (raptor_parser_parse_start(p, base) ||
      raptor_parser_parse_chunk(p, (const unsigned char *)text, len, 1))
    failed = 1;
  raptor_free_uri(base);
  raptor_free_parser(p);
  raptor_free_world(rw);
  if (failed || count == 0)
    abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  /* The length picks the format and whether mentions are written, so the
   * bytes themselves stay plain text the mutator can work on. */
  size_t f_index = size % N_FORMATS;
  const char *format = formats[f_index].format;
  int mentions = (size / N_FORMATS) % 2;
  kgb_document *doc = NULL;
  kgb_factset *facts = NULL;
  kgb_graph *graph = NULL;
  char *out = NULL;
  size_t out_len = 0;
  FILE *f = open_memstream(&out, &out_len);
  int rc;

  if (!f)
    return 0;
  rc = kgb_document_new_from_buffer(world, "fuzz.txt", (const char *)data,
                                    size, &doc);
  if (rc == KGB_OK)
    rc = kgb_extract(world, doc, &facts);
  if (rc == KGB_OK)
    rc = kgb_graph_new(world, &graph);
  if (rc == KGB_OK) {
    kgb_graph_set_mentions(graph, mentions);
    rc = kgb_graph_set_output(graph, format, f);
  }
  if (rc == KGB_OK)
    rc = kgb_graph_add(graph, doc, facts);
  if (rc == KGB_OK)
    rc = kgb_graph_finish(graph);
  fclose(f);
  /* Memory aside, nothing in the pipeline may fail on any text: it
   * reads what it can and says what it skipped. */
  if (rc != KGB_OK && rc != KGB_ENOMEM) {
    fprintf(stderr, "fuzz_extract: %s on a %zu-byte input\n",
            kgb_strerror(rc), size);
    abort();
  }
  if (rc == KGB_OK && formats[f_index].parser)
    check_reads_back(out, out_len, formats[f_index].parser);
  free(out);
  kgb_graph_free(graph);
  kgb_factset_free(facts);
  kgb_document_free(doc);
  return 0;
}
