/* cmd_extract.c - `kgbuild [extract] [OPTIONS] FILE|DIR...`: text in,
 * one merged RDF graph out. */
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
  const char *ontology;
  int mentions;
  cli_messages messages;
} extract_options;

static void usage(FILE *to)
{
  fputs("Usage: kgbuild [extract] [OPTIONS] FILE|DIR...\n"
        "Extract facts from English and French news text into an RDF graph.\n"
        "FILE may be '-' for standard input; a DIR is walked for *.txt,\n"
        "*.html and *.htm files.\n"
        "\n"
        "  -f, --format FORMAT  turtle (default), ntriples, nquads, rdfxml,\n"
        "                       json (RDF/JSON) or dot\n"
        "  -o, --output FILE    write the graph to FILE (default: stdout)\n"
        "      --base IRI       base of resource IRIs\n"
        "                       (default: https://w3id.org/kgbuild/resource/)\n"
        "      --lang LANG      auto (default), en or fr\n"
        "      --data-dir DIR   language tables (default: installed copy)\n"
        "      --ontology FILE  ontology in Turtle (default: installed copy)\n"
        "      --mentions       also write every entity mention as a NIF 2.0\n"
        "                       annotation (itsrdf:taIdentRef, taClassRef)\n"
        "  -q, --quiet          no warnings\n"
        "  -v, --verbose        one line per document\n"
        "  -h, --help           show this help\n"
        "  -V, --version        show the version\n"
        "\n"
        "Exit status: 0 success, 1 an input could not be read or processed,\n"
        "2 bad usage.  Environment: KGBUILD_DATA_DIR, KGBUILD_ONTOLOGY.\n",
        to);
}

enum { OPT_BASE = 256, OPT_LANG, OPT_DATA_DIR, OPT_ONTOLOGY, OPT_MENTIONS };

static const struct option long_options[] = {
  {"format", required_argument, NULL, 'f'},
  {"output", required_argument, NULL, 'o'},
  {"base", required_argument, NULL, OPT_BASE},
  {"lang", required_argument, NULL, OPT_LANG},
  {"data-dir", required_argument, NULL, OPT_DATA_DIR},
  {"ontology", required_argument, NULL, OPT_ONTOLOGY},
  {"mentions", no_argument, NULL, OPT_MENTIONS},
  {"quiet", no_argument, NULL, 'q'},
  {"verbose", no_argument, NULL, 'v'},
  {"help", no_argument, NULL, 'h'},
  {"version", no_argument, NULL, 'V'},
  {NULL, 0, NULL, 0},
};

/* Returns -1 to go on, or the exit status. */
static int parse_options(int argc, char **argv, extract_options *o)
{
  int c;

  opterr = 0;
  optind = 1;
  while ((c = getopt_long(argc, argv, ":f:o:qvhV", long_options, NULL)) != -1) {
    switch (c) {
    case 'f': o->format = optarg; break;
    case 'o': o->output = optarg; break;
    case OPT_BASE: o->base = optarg; break;
    case OPT_LANG: o->lang = optarg; break;
    case OPT_DATA_DIR: o->data_dir = optarg; break;
    case OPT_ONTOLOGY: o->ontology = optarg; break;
    case OPT_MENTIONS: o->mentions = 1; break;
    case 'q': o->messages.verbose = -1; break;
    case 'v': o->messages.verbose = 1; break;
    case 'h': usage(stdout); return EXIT_OK;
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
  if (!kgb_format_is_known(o->format)) {
    cli_error("unknown format '%s' (expected turtle, ntriples, nquads, "
              "rdfxml, json or dot)", o->format);
    return EXIT_USAGE;
  }
  if (strcmp(o->lang, "auto") && strcmp(o->lang, "en") && strcmp(o->lang, "fr")) {
    cli_error("unknown language '%s' (expected auto, en or fr)", o->lang);
    return EXIT_USAGE;
  }
  if (optind >= argc) {
    cli_error("no input given; try 'kgbuild --help'");
    return EXIT_USAGE;
  }
  return -1;
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
  if ((o->data_dir && kgb_world_set_data_dir(world, o->data_dir)) ||
      (o->ontology && kgb_world_set_ontology_path(world, o->ontology)) ||
      kgb_world_open(world))
    goto fail;
  return world;
fail:
  kgb_world_free(world);
  return NULL;
}

/* Read, extract and add one input; 0 or EXIT_INPUT. */
static int process(kgb_world *world, kgb_graph *graph, const char *path,
                   const extract_options *o)
{
  kgb_document *doc = NULL;
  kgb_factset *facts = NULL;
  int rc = kgb_document_load(world, path, &doc);

  if (rc == KGB_OK)
    rc = kgb_document_set_language(doc, o->lang);
  if (rc == KGB_OK)
    rc = kgb_extract(world, doc, &facts);
  if (rc == KGB_OK)
    rc = kgb_graph_add(graph, doc, facts);
  if (rc == KGB_OK && o->messages.verbose > 0)
    fprintf(stderr, "kgbuild: %s: %s, %zu sentences, %zu facts\n",
            kgb_document_as_source(doc), kgb_document_as_language(doc),
            kgb_document_sentence_count(doc), kgb_factset_count(facts));
  kgb_factset_free(facts);
  kgb_document_free(doc);
  return rc == KGB_OK ? EXIT_OK : EXIT_INPUT;
}

static mode_t current_umask(void)
{
  mode_t mask = umask(0);

  umask(mask);
  return mask;
}

/* Write to a temporary file beside OUTPUT and rename it, so a failed
 * run never leaves half a graph where a whole one was. */
static int write_graph(kgb_graph *graph, const extract_options *o)
{
  size_t n;
  char *tmp;
  FILE *f;
  int fd, rc;

  if (!o->output || strcmp(o->output, "-") == 0)
    return kgb_graph_serialize(graph, o->format, stdout) ? EXIT_INPUT : 0;
  n = strlen(o->output) + 16;
  tmp = malloc(n);
  if (!tmp)
    return EXIT_INPUT;
  snprintf(tmp, n, "%s.tmp.XXXXXX", o->output);
  fd = mkstemp(tmp);
  f = fd >= 0 ? fdopen(fd, "w") : NULL;
  if (!f) {
    cli_error("%s: cannot write: %s", o->output, strerror(errno));
    free(tmp);
    return EXIT_INPUT;
  }
  rc = kgb_graph_serialize(graph, o->format, f);
  /* mkstemp made it private; give it the mode a new file would get. */
  if (rc == 0 && fchmod(fd, 0666 & ~current_umask()))
    rc = KGB_EIO;
  if (fclose(f) && rc == 0)
    rc = KGB_EIO;
  if (rc == 0 && rename(tmp, o->output)) {
    cli_error("%s: cannot write: %s", o->output, strerror(errno));
    rc = KGB_EIO;
  }
  if (rc)
    unlink(tmp);
  free(tmp);
  return rc ? EXIT_INPUT : EXIT_OK;
}

int cmd_extract(int argc, char **argv)
{
  extract_options o = {"turtle", NULL, NULL, "auto", NULL, NULL, 0, {0}};
  cli_inputs inputs = {NULL, 0, 0};
  kgb_world *world = NULL;
  kgb_graph *graph = NULL;
  int status = parse_options(argc, argv, &o), failed = 0;

  if (status >= 0)
    return status;
  status = cli_inputs_collect(&inputs, argv + optind, argc - optind);
  if (status)
    goto done;
  world = open_world(&o, &status);
  if (!world)
    goto done;
  if (kgb_graph_new(world, &graph)) {
    status = EXIT_INPUT;
    goto done;
  }
  kgb_graph_set_mentions(graph, o.mentions);
  for (size_t i = 0; i < inputs.n; i++)
    failed |= process(world, graph, inputs.paths[i], &o) != EXIT_OK;
  status = write_graph(graph, &o);
  if (status == EXIT_OK && failed)
    status = EXIT_INPUT;
done:
  kgb_graph_free(graph);
  kgb_world_free(world);
  cli_inputs_release(&inputs);
  return status;
}
