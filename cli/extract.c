/* SPDX-License-Identifier: GPL-3.0-or-later */
/* extract.c - what extract, load and publish share: their common
 * options, and the run itself: text in, one merged RDF graph out, to a
 * file (extract), a store (load) or a Graph Store endpoint (publish). */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "extract.h"

enum { MAX_JOBS = 64 };

static int parse_jobs(const char *cmd, const char *arg, size_t *jobs)
{
  long n;

  if (cli_parse_number(cmd, "-j", "number of processes", arg, 0, MAX_JOBS,
                       &n))
    return -1;
  if (n == 0) {
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    n = cpus < 1 ? 1 : cpus > MAX_JOBS ? MAX_JOBS : cpus;
  }
  *jobs = (size_t)n;
  return 0;
}

static int parse_megabytes(const char *cmd, const char *arg, double *mb)
{
  char *end;

  errno = 0;
  *mb = strtod(arg, &end);
  if (errno || end == arg || *end || !(*mb > 0) || *mb > 1e6) {
    cli_usage_error(cmd, "--max-input needs a size in megabytes, such as "
                    "64 or 0.5, not '%s'", arg);
    return -1;
  }
  return 0;
}

const cli_option cli_extract_jobs_option[] = {
  {CLI_EXTRACT_OPT_JOBS, 'j', "jobs", "N", "extract in N worker processes "
   "(0: one per processor); the output is the same"},
  {CLI_OPT_END, 0, NULL, NULL, NULL},
};

const cli_option cli_extract_shared_options[] = {
  {CLI_EXTRACT_OPT_BASE, 0, "base", "IRI", "base of resource IRIs "
   "(default: https://w3id.org/kgbuild/resource/)"},
  {CLI_EXTRACT_OPT_LANG, 0, "lang", "LANG", "auto (default), en or fr"},
  {CLI_EXTRACT_OPT_DATA_DIR, 0, "data-dir", "DIR",
   "language tables (default: installed copy)"},
  {CLI_EXTRACT_OPT_MODEL_DIR, 0, "model-dir", "DIR", "trained models "
   "DIR/en/ner.kgbtag, DIR/fr/... (default: those of the data folder)"},
  {CLI_EXTRACT_OPT_NO_MODELS, 0, "no-models", NULL,
   "find names by rules alone, no tagger"},
  {CLI_EXTRACT_OPT_ONTOLOGY, 0, "ontology", "FILE",
   "ontology in Turtle (default: installed copy)"},
  {CLI_EXTRACT_OPT_MENTIONS, 0, "mentions", NULL, "also write every entity "
   "mention as a NIF 2.0 annotation (itsrdf:taIdentRef, taClassRef), and "
   "each text as a nif:Context"},
  {CLI_EXTRACT_OPT_MIN_CONFIDENCE, 0, "min-confidence", "X",
   "leave out facts whose confidence (0 to 1) is below X"},
  {CLI_EXTRACT_OPT_MAX_INPUT, 0, "max-input", "MB",
   "refuse inputs larger than MB megabytes (default 64)"},
  {CLI_EXTRACT_OPT_KEEP_GOING, 0, "keep-going", NULL, "write (or publish) "
   "the graph of the inputs that could be read when some could not; the "
   "exit status is still 1"},
  CLI_OPTION_QUIET,
  {CLI_OPT_VERBOSE, 'v', "verbose", NULL,
   "one line per document, and a summary"},
  {CLI_OPT_END, 0, NULL, NULL, NULL},
};

const char cli_extract_notes[] =
    "Exit status: 0 success, 1 an input could not be read or processed,\n"
    "2 bad usage.  Environment: KGBUILD_DATA_DIR, KGBUILD_ONTOLOGY,\n"
    "KGBUILD_NO_MODELS.\n";

void cli_extract_options_init(cli_extract_options *o, cli_extract_mode mode)
{
  memset(o, 0, sizeof *o);
  o->format = "turtle";
  o->lang = "auto";
  o->store = mode == CLI_LOAD ? "sqlite:graph.db" : NULL;
  o->jobs = 1;
  o->load = mode == CLI_LOAD;
  o->publishing = mode == CLI_PUBLISH;
}

int cli_extract_take(const cli_args *a, cli_extract_options *o)
{
  const char *cmd = a->command->name;
  const char *lang = cli_args_get(a, CLI_EXTRACT_OPT_LANG);
  const char *jobs = cli_args_get(a, CLI_EXTRACT_OPT_JOBS);
  const char *mb = cli_args_get(a, CLI_EXTRACT_OPT_MAX_INPUT);
  const char *confidence = cli_args_get(a, CLI_EXTRACT_OPT_MIN_CONFIDENCE);

  o->base = cli_args_get(a, CLI_EXTRACT_OPT_BASE);
  o->data_dir = cli_args_get(a, CLI_EXTRACT_OPT_DATA_DIR);
  o->model_dir = cli_args_get(a, CLI_EXTRACT_OPT_MODEL_DIR);
  o->ontology = cli_args_get(a, CLI_EXTRACT_OPT_ONTOLOGY);
  o->no_models = cli_args_has(a, CLI_EXTRACT_OPT_NO_MODELS);
  o->mentions = cli_args_has(a, CLI_EXTRACT_OPT_MENTIONS);
  o->keep_going = cli_args_has(a, CLI_EXTRACT_OPT_KEEP_GOING);
  o->messages.verbose = cli_args_verbosity(a);
  if (lang)
    o->lang = lang;
  if (strcmp(o->lang, "auto") && strcmp(o->lang, "en") &&
      strcmp(o->lang, "fr")) {
    cli_usage_error(cmd, "unknown language '%s' (expected auto, en or fr)",
                    o->lang);
    return EXIT_USAGE;
  }
  if ((jobs && parse_jobs(cmd, jobs, &o->jobs)) ||
      (mb && parse_megabytes(cmd, mb, &o->max_input)) ||
      (confidence && cli_parse_confidence(confidence, &o->min_confidence)))
    return EXIT_USAGE;
  return -1;
}

/* Whole bytes, rounded up: 0.5 MB lets a file of 524288 bytes in. */
static size_t megabytes_to_bytes(double mb)
{
  double b = mb * 1048576.0;
  size_t n = (size_t)b;

  return (double)n < b ? n + 1 : n;
}

static kgb_world *open_world(const cli_extract_options *o, int *status)
{
  kgb_world *world = kgb_world_new();

  *status = EXIT_INPUT;
  if (!world) {
    cli_error("out of memory");
    return NULL;
  }
  kgb_world_set_message_handler(world, cli_on_message,
                                (void *)&o->messages);
  if (o->base && kgb_world_set_base(world, o->base)) {
    *status = EXIT_USAGE;
    goto fail;
  }
  if (o->max_input > 0 &&
      kgb_world_set_max_input(world, megabytes_to_bytes(o->max_input))) {
    *status = EXIT_USAGE;
    goto fail;
  }
  kgb_world_set_models_enabled(world, !o->no_models);
  kgb_world_set_min_confidence(world, o->min_confidence);
  if ((o->data_dir && kgb_world_set_data_dir(world, o->data_dir)) ||
      (o->model_dir && kgb_world_set_model_dir(world, o->model_dir)) ||
      (o->ontology && kgb_world_set_ontology_path(world, o->ontology)) ||
      kgb_world_open(world))
    goto fail;
  return world;
fail:
  kgb_world_free(world);
  return NULL;
}

/* Extract DOC and add it to GRAPH window by window (one window unless
 * its text is huge), each window's tables freed before the next; the
 * sentences and facts are counted in *R.  *LOST is set when the output
 * could not be written. */
static int add_windows(kgb_world *world, kgb_graph *graph, kgb_document *doc,
                       cli_result *r, int *lost)
{
  kgb_document *win = NULL;
  int rc;

  while ((rc = kgb_document_next_window(doc, &win)) == KGB_OK && win) {
    kgb_factset *facts = NULL;
    rc = kgb_extract(world, win, &facts);
    if (rc == KGB_OK)
      *lost = (rc = kgb_graph_add(graph, win, facts)) == KGB_EIO;
    r->sentences += kgb_document_sentence_count(win);
    r->facts += facts ? kgb_factset_count(facts) : 0;
    kgb_factset_free(facts);
    kgb_document_free(win);
    if (rc)
      break;
  }
  return rc;
}

/* Read, extract and add one input; what became of it goes in *R.  A
 * worker's graph keeps the document as a part, which goes in *R too.
 * Returns 0, or -1 when the output could not be written. */
static int process(kgb_world *world, kgb_graph *graph, const char *path,
                   cli_extract_options *o, cli_result *r)
{
  kgb_document *doc = NULL;
  int rc = kgb_document_load(world, path, &doc), lost_output = 0;

  memset(r, 0, sizeof *r);
  r->status = EXIT_INPUT;
  if (rc == KGB_OK && o->load && kgb_graph_has_document(graph, doc)) {
    if (o->messages.verbose > 0)
      cli_error("%s: in the store already, skipped",
                kgb_document_as_source(doc));
    o->skipped++;
    r->status = EXIT_OK;
    r->size = kgb_document_size(doc);
    kgb_document_free(doc);
    return 0;
  }
  if (rc == KGB_OK)
    rc = kgb_document_set_language(doc, o->lang);
  if (rc == KGB_OK)
    rc = add_windows(world, graph, doc, r, &lost_output);
  if (rc == KGB_OK && o->jobs > 1)
    lost_output = kgb_graph_take_part(graph, &r->part, &r->part_len) != 0;
  if (doc) {
    r->size = kgb_document_size(doc);
    snprintf(r->lang, sizeof r->lang, "%s",
             kgb_document_as_language(doc) ? kgb_document_as_language(doc)
                                           : "");
  }
  if (rc == KGB_OK)
    r->status = EXIT_OK;
  else
    r->facts = 0;
  kgb_document_free(doc);
  return lost_output ? -1 : 0;
}

/* The parent's side of one input: add a worker's part, say what was
 * done.  Returns 0, or -1 when the output could not be written. */
static int take_result(kgb_graph *graph, const char *path,
                       const cli_extract_options *o, const cli_result *r)
{
  if (r->part && kgb_graph_add_part(graph, r->part, r->part_len))
    return -1;
  if (r->status == EXIT_OK && o->messages.verbose > 0)
    cli_error("%s: %s, %zu sentences, %zu facts",
              strcmp(path, "-") ? path : "<stdin>", r->lang, r->sentences,
              r->facts);
  return 0;
}

/* Start the graph's output: the store, or the file (OUT). */
static int start_output(kgb_graph *graph, cli_output *out,
                        const cli_extract_options *o)
{
  int status;

  if (o->load)
    return kgb_graph_open_store(graph, o->store) ? EXIT_INPUT : EXIT_OK;
  if (o->publishing) {
    /* N-Triples stream into a temporary file, uploaded at the end. */
    memset(out, 0, sizeof *out);
    out->f = tmpfile();
    if (!out->f) {
      /* tmpfile() makes it in P_tmpdir, whatever TMPDIR says. */
      cli_error("cannot make a temporary file in %s: %s", P_tmpdir,
                strerror(errno));
      return EXIT_INPUT;
    }
  } else if ((status = cli_output_open(out, o->output))) {
    return status;
  }
  kgb_graph_set_output_name(graph, o->publishing ? "the temporary file to "
                            "upload" : out->path ? out->path : "standard output");
  if (kgb_graph_set_output(graph, o->publishing ? "ntriples" : o->format,
                           out->f)) {
    if (o->publishing) {
      fclose(out->f);
      out->f = NULL;
    } else {
      cli_output_close(out, 0);
    }
    return EXIT_INPUT;
  }
  return EXIT_OK;
}

/* Upload what was written to OUT->f, then close it; the exit status.
 * Nothing is sent unless the graph is WHOLE: a PUT of half a graph would
 * replace the remote one with less than it had. */
static int publish(kgb_world *world, cli_output *out,
                   const cli_extract_options *o, int whole)
{
  int status = whole && kgb_publish(world, &o->publish, out->f) == KGB_OK
                   ? EXIT_OK : EXIT_INPUT;

  fclose(out->f);
  out->f = NULL;
  if (status == EXIT_OK && o->messages.verbose >= 0) {
    char *where = kgb_redact(o->publish.endpoint);
    cli_error("published to %s%s%s",
              where ? where : "the endpoint",
              o->publish.graph ? ", graph " : "",
              o->publish.graph ? o->publish.graph : "");
    free(where);
  }
  return status;
}

/* Say why the output is left as it was, or that it holds less than was
 * asked; FAILED of TOTAL inputs could not be read. */
static void say_partial(const cli_extract_options *o, const cli_output *out,
                        size_t failed, size_t total)
{
  const char *what = o->publishing ? "nothing published" : o->load ? NULL
                     : out->through ? NULL : "left as it was";

  if (!failed || !what)
    return;
  if (o->keep_going)
    cli_error("%s: holds the graph of %zu of %zu inputs; %zu could not be "
              "read", o->publishing ? "the upload" : out->path,
              total - failed, total, failed);
  else
    cli_error("%s: %s, because %zu of %zu inputs could not be read; "
              "--keep-going %s the graph of the others",
              o->publishing ? "the endpoint" : out->path, what, failed, total,
              o->publishing ? "publishes" : "writes");
}

/* What a worker process inherits. */
typedef struct {
  cli_extract_options *o;
  cli_inputs *inputs;
  kgb_world *world;
} job;

/* A worker: its share of the inputs, each sent back as a part. */
static int work(void *data, size_t k, size_t n, int fd)
{
  job *j = data;
  kgb_graph *graph = NULL;
  int status = EXIT_OK;

  if (kgb_graph_new(j->world, &graph) ||
      kgb_graph_set_output_parts(graph, j->o->publishing ? "ntriples"
                                                         : j->o->format))
    status = EXIT_INPUT;
  else
    kgb_graph_set_mentions(graph, j->o->mentions);
  for (size_t i = k; status == EXIT_OK && i < j->inputs->n; i += n) {
    cli_result r;
    if (process(j->world, graph, j->inputs->paths[i], j->o, &r))
      r.status = EXIT_INPUT;
    /* A failed send means the parent is gone: nobody to work for. */
    if (cli_result_send(fd, &r))
      status = EXIT_INPUT;
    cli_result_release(&r);
  }
  kgb_graph_free(graph);
  kgb_world_free(j->world);
  cli_inputs_release(j->inputs);
  return status;
}

/* Every input, in order, into GRAPH: extracted here, or by the workers
 * of POOL.  Returns 1 when the output is whole; *FAILED counts the
 * inputs that could not be read. */
static int run_inputs(kgb_world *world, kgb_graph *graph, cli_pool *pool,
                      const cli_inputs *inputs, cli_extract_options *o,
                      size_t *failed)
{
  cli_progress progress;
  int written = 1;

  cli_progress_start(&progress, o->messages.verbose == 0, inputs->n);
  /* A streamed document cannot be taken back: an output that fails
   * half-way stops the run. */
  for (size_t i = 0; written && i < inputs->n; i++) {
    const char *path = inputs->paths[i];
    cli_result r;
    int rc = pool ? cli_pool_next(pool, i, &r)
                  : process(world, graph, path, o, &r);
    if (rc == 0)
      rc = take_result(graph, path, o, &r);
    written = rc == 0;
    *failed += written && r.status != EXIT_OK;
    if (written)
      cli_progress_add(&progress, &r);
    cli_result_release(&r);
  }
  cli_progress_end(&progress, written && o->messages.verbose > 0);
  return written;
}

int cli_extract_run(cli_extract_options *o, const cli_args *a)
{
  cli_inputs inputs = {NULL, 0, 0, 0};
  kgb_world *world = NULL;
  kgb_graph *graph = NULL;
  cli_pool *pool = NULL;
  cli_output out = {0};
  size_t failed = 0;
  int status, written, whole;

  if (a->count == 0) {
    cli_usage_error(a->command->name, "no input given");
    return EXIT_USAGE;
  }
  status = cli_inputs_collect(&inputs, a->operands, a->count,
                              o->messages.verbose);
  if (status)
    goto done;
  world = open_world(o, &status);
  if (!world)
    goto done;
  /* The endpoint is checked before any work is done. */
  if (o->publishing && kgb_publish_check(world, &o->publish) != KGB_OK) {
    status = EXIT_USAGE;
    goto done;
  }
  if (o->jobs > inputs.n)
    o->jobs = inputs.n;
  /* Workers start before the graph is made: they share only the world. */
  if (o->jobs > 1) {
    job j = {o, &inputs, world};
    if (!(pool = cli_pool_start(o->jobs, work, &j))) {
      status = EXIT_INPUT;
      goto done;
    }
  }
  if (kgb_graph_new(world, &graph)) {
    status = EXIT_INPUT;
    goto done;
  }
  kgb_graph_set_mentions(graph, o->mentions);
  if ((status = start_output(graph, &out, o)))
    goto done;
  written = run_inputs(world, graph, pool, &inputs, o, &failed);
  if (pool && cli_pool_stop(pool, !written))
    written = 0;
  pool = NULL;
  written = written && kgb_graph_finish(graph) == KGB_OK;
  failed += inputs.unreadable;
  whole = written && (failed == 0 || o->keep_going);
  if (written)
    say_partial(o, &out, failed, inputs.n + inputs.unreadable);
  if (o->publishing)
    status = publish(world, &out, o, whole);
  else
    status = o->load ? (written ? EXIT_OK : EXIT_INPUT)
                     : cli_output_close(&out, out.through ? written : whole);
  if (status == EXIT_OK && failed)
    status = EXIT_INPUT;
  if (o->load && o->messages.verbose >= 0)
    fprintf(stderr, "kgbuild: %s: %zu statements added, %zu of %zu "
            "documents there already\n", kgb_graph_store_name(graph)
                                             ? kgb_graph_store_name(graph)
                                             : "the store",
            kgb_graph_triple_count(graph), o->skipped, inputs.n);
done:
  if (out.f && !o->publishing)
    cli_output_close(&out, 0);
  else if (out.f)
    fclose(out.f);
  cli_pool_stop(pool, 1);
  kgb_graph_free(graph);
  kgb_world_free(world);
  cli_inputs_release(&inputs);
  return status;
}
