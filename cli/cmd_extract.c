/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cmd_extract.c - `kgbuild [extract] [OPTIONS] FILE|DIR...`: text in,
 * one merged RDF graph out; `kgbuild load`, the same into a store; and
 * `kgbuild publish`, the same uploaded to a Graph Store endpoint. */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "config.h"

typedef struct {
  const char *format;
  const char *output;
  const char *base;
  const char *lang;
  const char *data_dir;
  const char *model_dir;
  int no_models;        /* rules alone */
  const char *ontology;
  const char *store;    /* load: the store URI */
  kgb_publish_options publish;   /* publish: where to */
  int mentions;
  int keep_going;       /* write (or publish) what could be read */
  const char *password_file;     /* publish: where the password is */
  char *password;       /* owned: read from PASSWORD_FILE */
  size_t jobs;          /* worker processes; 1 runs in this one */
  double max_input;     /* MB an input may have; 0 for the default */
  double min_confidence;   /* facts below are left out */
  int load;             /* into a store, not a file */
  int publishing;       /* to an endpoint, not a file */
  size_t skipped;       /* load: documents the store held already */
  cli_messages messages;
} extract_options;

static void usage(FILE *to, int load, int publishing)
{
  if (publishing)
    fputs("Usage: kgbuild publish --endpoint URL [--graph IRI] [--user U\n"
          "                       [--password-file F]] [--replace] [OPTIONS]\n"
          "                       FILE|DIR...\n"
          "Extract facts from English and French news text and upload the\n"
          "graph to a SPARQL 1.1 Graph Store HTTP Protocol endpoint (for\n"
          "Virtuoso: http://HOST:8890/sparql-graph-crud-auth).  Nothing is\n"
          "sent unless every input was read (see --keep-going).\n"
          "\n"
          "      --endpoint URL   the Graph Store endpoint\n"
          "      --graph IRI      the named graph (default: the default graph)\n"
          "      --user U         HTTP basic or digest authentication; the\n"
          "                       password is the first line of\n"
          "      --password-file F  (- for standard input), or else\n"
          "                       $KGBUILD_PASSWORD\n"
          "      --replace        PUT: replace the graph (default: POST, add)\n"
          "      --timeout S      give up after S seconds to connect, without\n"
          "                       progress, or waiting for the answer (60)\n",
          to);
  else if (load)
    fputs("Usage: kgbuild load [--store URI] [OPTIONS] FILE|DIR...\n"
          "Extract facts from English and French news text into a triple\n"
          "store; a document the store holds already (same SHA-256) is\n"
          "skipped.  FILE may be '-' for standard input; a DIR is walked\n"
          "for *.txt, *.html and *.htm files.\n"
          "\n"
          "      --store URI      sqlite:FILE (default sqlite:graph.db),\n"
          "                       postgresql:host=H,database=D,user=U,password=P\n"
          "                       or virtuoso:dsn=D,user=U,password=P\n",
          to);
  else
    fputs("Usage: kgbuild [extract] [OPTIONS] FILE|DIR...\n"
          "Extract facts from English and French news text into an RDF\n"
          "graph.  FILE may be '-' for standard input; a DIR is walked for\n"
          "*.txt, *.html and *.htm files.\n"
          "\n"
          "  -f, --format FORMAT  turtle (default), ntriples, nquads, rdfxml,\n"
          "                       json (RDF/JSON), jsonld (JSON-LD 1.1) or\n"
          "                       dot (a Graphviz picture of entities and\n"
          "                       facts)\n"
          "  -o, --output FILE    write the graph to FILE (default: stdout);\n"
          "                       a file is replaced only when the run\n"
          "                       succeeds, keeping its mode and owner\n",
          to);
  fputs("      --base IRI       base of resource IRIs\n"
        "                       (default: https://w3id.org/kgbuild/resource/)\n"
        "      --lang LANG      auto (default), en or fr\n"
        "      --data-dir DIR   language tables (default: installed copy)\n"
        "      --model-dir DIR  trained models DIR/en/ner.kgbtag, DIR/fr/...\n"
        "                       (default: those of the data folder)\n"
        "      --no-models      find names by rules alone, no tagger\n"
        "      --ontology FILE  ontology in Turtle (default: installed copy)\n"
        "      --mentions       also write every entity mention as a NIF 2.0\n"
        "                       annotation (itsrdf:taIdentRef, taClassRef),\n"
        "                       and each text as a nif:Context\n"
        "      --min-confidence X  leave out facts whose confidence\n"
        "                       (0 to 1) is below X\n"
        "      --max-input MB   refuse inputs larger than MB megabytes\n"
        "                       (default 64)\n"
        "      --keep-going     write (or publish) the graph of the inputs\n"
        "                       that could be read when some could not;\n"
        "                       the exit status is still 1\n"
        "  -j, --jobs N         extract in N worker processes (0: one per\n"
        "                       processor); the output is the same\n"
        "  -q, --quiet          no warnings, no progress\n"
        "  -v, --verbose        one line per document, and a summary\n"
        "  -h, --help           show this help\n"
        "  -V, --version        show the version\n"
        "\n"
        "Exit status: 0 success, 1 an input could not be read or processed,\n"
        "2 bad usage.  Environment: KGBUILD_DATA_DIR, KGBUILD_ONTOLOGY,\n"
        "KGBUILD_NO_MODELS.\n",
        to);
}

enum {
  OPT_BASE = 256, OPT_LANG, OPT_DATA_DIR, OPT_ONTOLOGY, OPT_MENTIONS,
  OPT_STORE, OPT_ENDPOINT, OPT_GRAPH, OPT_USER, OPT_PASSWORD, OPT_REPLACE,
  OPT_MAX_INPUT, OPT_KEEP_GOING, OPT_PASSWORD_FILE, OPT_TIMEOUT,
  OPT_MODEL_DIR, OPT_NO_MODELS, OPT_MIN_CONFIDENCE
};

static const struct option long_options[] = {
  {"format", required_argument, NULL, 'f'},
  {"output", required_argument, NULL, 'o'},
  {"base", required_argument, NULL, OPT_BASE},
  {"lang", required_argument, NULL, OPT_LANG},
  {"data-dir", required_argument, NULL, OPT_DATA_DIR},
  {"model-dir", required_argument, NULL, OPT_MODEL_DIR},
  {"no-models", no_argument, NULL, OPT_NO_MODELS},
  {"ontology", required_argument, NULL, OPT_ONTOLOGY},
  {"mentions", no_argument, NULL, OPT_MENTIONS},
  {"max-input", required_argument, NULL, OPT_MAX_INPUT},
  {"min-confidence", required_argument, NULL, OPT_MIN_CONFIDENCE},
  {"keep-going", no_argument, NULL, OPT_KEEP_GOING},
  {"store", required_argument, NULL, OPT_STORE},
  {"endpoint", required_argument, NULL, OPT_ENDPOINT},
  {"graph", required_argument, NULL, OPT_GRAPH},
  {"user", required_argument, NULL, OPT_USER},
  {"password", required_argument, NULL, OPT_PASSWORD},
  {"password-file", required_argument, NULL, OPT_PASSWORD_FILE},
  {"timeout", required_argument, NULL, OPT_TIMEOUT},
  {"replace", no_argument, NULL, OPT_REPLACE},
  {"jobs", required_argument, NULL, 'j'},
  {"quiet", no_argument, NULL, 'q'},
  {"verbose", no_argument, NULL, 'v'},
  {"help", no_argument, NULL, 'h'},
  {"version", no_argument, NULL, 'V'},
  {NULL, 0, NULL, 0},
};

enum { MAX_JOBS = 64 };

static int parse_jobs(const char *arg, size_t *jobs)
{
  char *end;
  long n;

  errno = 0;
  n = strtol(arg, &end, 10);
  if (errno || end == arg || *end || n < 0 || n > MAX_JOBS) {
    cli_error("-j needs a number of processes from 0 to %d, not '%s'",
              MAX_JOBS, arg);
    return -1;
  }
  if (n == 0) {
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    n = cpus < 1 ? 1 : cpus > MAX_JOBS ? MAX_JOBS : cpus;
  }
  *jobs = (size_t)n;
  return 0;
}

static int parse_megabytes(const char *arg, double *mb)
{
  char *end;

  errno = 0;
  *mb = strtod(arg, &end);
  if (errno || end == arg || *end || !(*mb > 0) || *mb > 1e6) {
    cli_error("--max-input needs a size in megabytes, such as 64 or 0.5, "
              "not '%s'", arg);
    return -1;
  }
  return 0;
}

static int parse_seconds(const char *arg, long *seconds)
{
  char *end;

  errno = 0;
  *seconds = strtol(arg, &end, 10);
  if (errno || end == arg || *end || *seconds < 1 || *seconds > 86400) {
    cli_error("--timeout needs a number of seconds from 1 to 86400, not "
              "'%s'", arg);
    return -1;
  }
  return 0;
}

/* The password of publish, from a file or the environment. */
static int take_password(extract_options *o)
{
  if (o->password_file && !(o->password = cli_password_from_file(o->password_file)))
    return EXIT_USAGE;
  if (o->password)
    o->publish.password = o->password;
  else if (!o->publish.password && getenv("KGBUILD_PASSWORD"))
    o->publish.password = getenv("KGBUILD_PASSWORD");
  if (o->publish.password && !o->publish.user) {
    cli_error("a password needs --user");
    return EXIT_USAGE;
  }
  return -1;
}

/* Returns -1 to go on, or the exit status. */
static int parse_options(int argc, char **argv, extract_options *o)
{
  int c;

  opterr = 0;
  optind = 1;
  while ((c = getopt_long(argc, argv, ":f:o:j:qvhV", long_options, NULL)) != -1) {
    switch (c) {
    case 'f': o->format = optarg; break;
    case 'o': o->output = optarg; break;
    case OPT_BASE: o->base = optarg; break;
    case OPT_LANG: o->lang = optarg; break;
    case OPT_DATA_DIR: o->data_dir = optarg; break;
    case OPT_MODEL_DIR: o->model_dir = optarg; break;
    case OPT_NO_MODELS: o->no_models = 1; break;
    case OPT_ONTOLOGY: o->ontology = optarg; break;
    case OPT_MENTIONS: o->mentions = 1; break;
    case OPT_KEEP_GOING: o->keep_going = 1; break;
    case OPT_MAX_INPUT:
      if (parse_megabytes(optarg, &o->max_input))
        return EXIT_USAGE;
      break;
    case OPT_MIN_CONFIDENCE:
      if (cli_parse_confidence(optarg, &o->min_confidence))
        return EXIT_USAGE;
      break;
    case OPT_STORE: o->store = optarg; break;
    case OPT_ENDPOINT: o->publish.endpoint = optarg; break;
    case OPT_GRAPH: o->publish.graph = optarg; break;
    case OPT_USER: o->publish.user = optarg; break;
    case OPT_PASSWORD:
      /* Still taken, so scripts keep working, but never silently. */
      cli_error("warning: --password is visible to every user of this "
                "machine (ps); use --password-file or KGBUILD_PASSWORD");
      o->publish.password = optarg;
      break;
    case OPT_PASSWORD_FILE: o->password_file = optarg; break;
    case OPT_TIMEOUT:
      if (parse_seconds(optarg, &o->publish.timeout))
        return EXIT_USAGE;
      break;
    case OPT_REPLACE: o->publish.replace = 1; break;
    case 'j':
      if (parse_jobs(optarg, &o->jobs))
        return EXIT_USAGE;
      break;
    case 'q': o->messages.verbose = -1; break;
    case 'v': o->messages.verbose = 1; break;
    case 'h': usage(stdout, o->load, o->publishing); return EXIT_OK;
    case 'V': printf("kgbuild %s\n", PACKAGE_VERSION); return EXIT_OK;
    case ':':
      cli_error("option '%s' needs a value; try 'kgbuild --help'",
                argv[optind - 1]);
      return EXIT_USAGE;
    default:
      cli_error("unknown option '%s'; try 'kgbuild --help'", argv[optind - 1]);
      return EXIT_USAGE;
    }
  }
  if (o->load && (o->output || strcmp(o->format, "turtle"))) {
    cli_error("load writes into --store, not to a file; try "
              "'kgbuild load --help'");
    return EXIT_USAGE;
  }
  if (o->load && o->jobs > 1) {
    cli_error("load writes into its store from one process; -j goes with "
              "extract and publish");
    return EXIT_USAGE;
  }
  if (!o->load && o->store) {
    cli_error("--store goes with 'kgbuild load'");
    return EXIT_USAGE;
  }
  if (o->publishing != (o->publish.endpoint != NULL) ||
      (o->publishing && (o->output || strcmp(o->format, "turtle")))) {
    cli_error(o->publishing ? "publish needs --endpoint URL and writes no "
                              "file; try 'kgbuild publish --help'"
                            : "--endpoint goes with 'kgbuild publish'");
    return EXIT_USAGE;
  }
  if (!kgb_format_is_known(o->format)) {
    cli_error("unknown format '%s' (expected turtle, ntriples, nquads, "
              "rdfxml, json or dot)", o->format);
    return EXIT_USAGE;
  }
  if (strcmp(o->lang, "auto") && strcmp(o->lang, "en") && strcmp(o->lang, "fr")) {
    cli_error("unknown language '%s' (expected auto, en or fr)", o->lang);
    return EXIT_USAGE;
  }
  if (!o->publishing && (o->password_file || o->publish.password ||
                         o->publish.user || o->publish.timeout)) {
    cli_error("--user, --password-file and --timeout go with 'kgbuild "
              "publish'");
    return EXIT_USAGE;
  }
  if (optind >= argc) {
    cli_error("no input given; try 'kgbuild --help'");
    return EXIT_USAGE;
  }
  return o->publishing ? take_password(o) : -1;
}

/* Whole bytes, rounded up: 0.5 MB lets a file of 524288 bytes in. */
static size_t megabytes_to_bytes(double mb)
{
  double b = mb * 1048576.0;
  size_t n = (size_t)b;

  return (double)n < b ? n + 1 : n;
}

static kgb_world *open_world(const extract_options *o, int *status)
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
                   extract_options *o, cli_result *r)
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
                       const extract_options *o, const cli_result *r)
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
                        const extract_options *o)
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
static int publish(kgb_world *world, cli_output *out, const extract_options *o,
                   int whole)
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
static void say_partial(const extract_options *o, const cli_output *out,
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

enum { MODE_EXTRACT, MODE_LOAD, MODE_PUBLISH };

/* What a worker process inherits. */
typedef struct {
  extract_options *o;
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
                      const cli_inputs *inputs, extract_options *o,
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

static int run(int argc, char **argv, int mode)
{
  extract_options o = {.format = "turtle", .lang = "auto",
                       .store = mode == MODE_LOAD ? "sqlite:graph.db" : NULL,
                       .jobs = 1, .load = mode == MODE_LOAD,
                       .publishing = mode == MODE_PUBLISH};
  cli_inputs inputs = {NULL, 0, 0, 0};
  kgb_world *world = NULL;
  kgb_graph *graph = NULL;
  cli_pool *pool = NULL;
  cli_output out = {0};
  size_t failed = 0;
  int status = parse_options(argc, argv, &o), written, whole;

  if (status >= 0) {
    free(o.password);
    return status;
  }
  status = cli_inputs_collect(&inputs, argv + optind, argc - optind,
                              o.messages.verbose);
  if (status)
    goto done;
  world = open_world(&o, &status);
  if (!world)
    goto done;
  /* The endpoint is checked before any work is done. */
  if (o.publishing && kgb_publish_check(world, &o.publish) != KGB_OK) {
    status = EXIT_USAGE;
    goto done;
  }
  if (o.jobs > inputs.n)
    o.jobs = inputs.n;
  /* Workers start before the graph is made: they share only the world. */
  if (o.jobs > 1) {
    job j = {&o, &inputs, world};
    if (!(pool = cli_pool_start(o.jobs, work, &j))) {
      status = EXIT_INPUT;
      goto done;
    }
  }
  if (kgb_graph_new(world, &graph)) {
    status = EXIT_INPUT;
    goto done;
  }
  kgb_graph_set_mentions(graph, o.mentions);
  if ((status = start_output(graph, &out, &o)))
    goto done;
  written = run_inputs(world, graph, pool, &inputs, &o, &failed);
  if (pool && cli_pool_stop(pool, !written))
    written = 0;
  pool = NULL;
  written = written && kgb_graph_finish(graph) == KGB_OK;
  failed += inputs.unreadable;
  whole = written && (failed == 0 || o.keep_going);
  if (written)
    say_partial(&o, &out, failed, inputs.n + inputs.unreadable);
  if (o.publishing)
    status = publish(world, &out, &o, whole);
  else
    status = o.load ? (written ? EXIT_OK : EXIT_INPUT)
                    : cli_output_close(&out, out.through ? written : whole);
  if (status == EXIT_OK && failed)
    status = EXIT_INPUT;
  if (o.load && o.messages.verbose >= 0)
    fprintf(stderr, "kgbuild: %s: %zu statements added, %zu of %zu "
            "documents there already\n", kgb_graph_store_name(graph)
                                             ? kgb_graph_store_name(graph)
                                             : "the store",
            kgb_graph_triple_count(graph), o.skipped, inputs.n);
done:
  if (out.f && !o.publishing)
    cli_output_close(&out, 0);
  else if (out.f)
    fclose(out.f);
  cli_pool_stop(pool, 1);
  kgb_graph_free(graph);
  kgb_world_free(world);
  cli_inputs_release(&inputs);
  free(o.password);
  return status;
}

int cmd_extract(int argc, char **argv)
{
  return run(argc, argv, MODE_EXTRACT);
}

int cmd_load(int argc, char **argv) { return run(argc, argv, MODE_LOAD); }

int cmd_publish(int argc, char **argv)
{
  return run(argc, argv, MODE_PUBLISH);
}
