/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_formats.c - every output format: byte-for-byte against golden
 * files, re-parsed by raptor and by independent parsers (python3-rdflib,
 * jsonld.js, graphviz), and the Turtle validated against the SHACL shapes
 * by an independent validator (rdf-validate-shacl).  JSON-LD, which
 * kgbuild writes itself, must be the Turtle's graph for rdflib and for
 * jsonld.js alike. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <raptor2.h>

#include "kgb_alloc.h"
#include "kgb_graph_internal.h"
#include "test_util.h"

static const struct {
  const char *format, *ext, *raptor;  /* raptor: parser name, or NULL */
  const char *rdflib;                 /* rdflib format, or NULL */
} formats[] = {
  {"turtle", "ttl", "turtle", "turtle"},
  {"ntriples", "nt", "ntriples", "nt"},
  {"nquads", "nq", "nquads", "nquads"},
  {"rdfxml", "rdf", "rdfxml", "xml"},
  {"json", "json", "json", NULL},
  {"jsonld", "jsonld", NULL, "json-ld"},
  {"dot", "dot", NULL, NULL},
};

#define N_FORMATS (sizeof formats / sizeof *formats)

/* The first line where A and B differ, for a readable failure. */
static void fail_at_first_difference(const char *what, const char *a,
                                     const char *b)
{
  size_t line = 1;
  const char *la = a, *lb = b;

  for (size_t i = 0; a[i] && a[i] == b[i]; i++)
    if (a[i] == '\n') {
      line++;
      la = a + i + 1;
      lb = b + i + 1;
    }
  fail_msg("%s differs at line %zu:\n  got:      %.*s\n  expected: %.*s\n"
           "If the change is intended, run tests/golden/update.sh and "
           "review the diff.", what, line, (int)strcspn(la, "\n"), la,
           (int)strcspn(lb, "\n"), lb);
}

static void test_golden_files(void **state)
{
  char *dir = test_src_path("tests/golden");
  char *cwd = getcwd(NULL, 0);

  (void)state;
  assert_int_equal(chdir(dir), 0);
  for (size_t i = 0; i < N_FORMATS; i++) {
    char name[64], *expected;
    test_result r = test_run((const char *[]){"-q", "-f", formats[i].format,
                                              "input", NULL}, NULL);
    snprintf(name, sizeof name, "expected.%s", formats[i].ext);
    expected = test_read_file(name, NULL);
    assert_non_null(expected);
    assert_int_equal(r.status, 0);
    if (strcmp(r.out, expected) != 0)
      fail_at_first_difference(name, r.out, expected);
    free(expected);
    test_result_release(&r);
  }
  assert_int_equal(chdir(cwd), 0);
  free(cwd);
  free(dir);
}

/* Write TEXT to a new temporary file; the caller unlinks and frees. */
static char *temp_file(const char *text, const char *suffix)
{
  char *path;

  assert_true(asprintf(&path, "/tmp/kgb-format-%d-%s", (int)getpid(),
                       suffix) > 0);
  test_write_file(path, text, strlen(text));
  return path;
}

/* The number COMMAND prints, or -1. */
static int number_from(char *command)
{
  char *out = test_capture(command);
  int n = out ? atoi(out) : -1;

  free(out);
  free(command);
  return n;
}

/* Triples (quads) python3-rdflib reads from PATH in FORMAT, or -1. */
static int rdflib_count(const char *path, const char *format)
{
  char *cmd;

  assert_true(asprintf(&cmd,
                       "/usr/bin/python3 -c 'import rdflib,sys; "
                       "g=rdflib.Dataset() if sys.argv[2]==\"nquads\" else "
                       "rdflib.Graph(); g.parse(sys.argv[1], format=sys.argv[2]);"
                       " print(len(list(g.quads((None,)*4))) if sys.argv[2]==\"nquads\" "
                       "else len(g))' %s %s", path, format) > 0);
  return number_from(cmd);
}

/* Triples in RDF/JSON, counted with python's own json module. */
static int json_count(const char *path)
{
  char *cmd;

  assert_true(asprintf(&cmd,
                       "/usr/bin/python3 -c 'import json,sys; d=json.load("
                       "open(sys.argv[1])); print(sum(len(o) for p in "
                       "d.values() for o in p.values()))' %s", path) > 0);
  return number_from(cmd);
}

/* raptor and an independent reader agree on what each format holds. */
static void test_formats_reparse(void **state)
{
  char *dir = test_src_path("examples");
  int distinct = -1;

  (void)state;
  for (size_t i = 0; i < N_FORMATS; i++) {
    test_result r = test_run((const char *[]){"-q", "-f", formats[i].format,
                                              dir, NULL}, NULL);
    const char *name = formats[i].format;
    char *path = temp_file(r.out, formats[i].ext), *cmd;
    int n;
    assert_int_equal(r.status, 0);
    if (!formats[i].raptor && formats[i].rdflib) {
      /* Written by kgbuild itself: rdflib alone reads it. */
      assert_int_equal(rdflib_count(path, formats[i].rdflib), distinct);
    } else if (!formats[i].raptor) {
      /* Graphviz draws it; the test command installs graphviz. */
      assert_true(asprintf(&cmd, "dot -Tsvg %s | grep -q '<svg'", path) > 0);
      assert_int_equal(test_sh(cmd), 0);
      free(cmd);
    } else {
      n = test_raptor_count(r.out, formats[i].raptor);
      if (i == 0)
        distinct = n;
      assert_true(n > 100);
      /* Streamed N-Triples may state a triple once per document that
       * says it; as a set they are the same graph. */
      if (strcmp(name, "ntriples") == 0)
        assert_true(n >= distinct);
      else if (strcmp(name, "nquads") != 0)
        assert_int_equal(n, distinct);
      if (strcmp(name, "nquads") == 0)
        assert_int_equal(rdflib_count(path, "nquads"), n);
      else if (formats[i].rdflib)
        assert_int_equal(rdflib_count(path, formats[i].rdflib), distinct);
      else
        assert_int_equal(json_count(path), distinct);
    }
    unlink(path);
    free(path);
    test_result_release(&r);
  }
  free(dir);
}

/* $KGB_SHACL_DIR/validate.mjs SHAPES DATA; its exit status. */
static int shacl_validate(const char *data)
{
  const char *tools = getenv("KGB_SHACL_DIR");
  char *shapes = test_src_path("ontology/kgbuild-shapes.ttl"), *cmd;
  int status;

  if (!tools || access(tools, R_OK))
    fail_msg("no SHACL validator in KGB_SHACL_DIR (%s); run "
             "./install-deps.sh --test", tools ? tools : "unset");
  assert_true(asprintf(&cmd, "node %s/validate.mjs %s %s", tools, shapes,
                       data) > 0);
  status = test_sh(cmd);
  free(cmd);
  free(shapes);
  return status;
}

static void test_examples_conform_to_shapes(void **state)
{
  char *examples = test_src_path("examples");
  char *corpus = test_src_path("tests/corpus");
  test_result r = test_run((const char *[]){"-q", examples, corpus, NULL},
                           NULL);
  char *path = temp_file(r.out, "shapes.ttl"), *broken, *at;

  (void)state;
  assert_int_equal(r.status, 0);
  assert_int_equal(shacl_validate(path), 0);
  /* The validator does see a violation: a mention without its document. */
  at = strstr(r.out, "kgo:document <");
  assert_non_null(at);
  memcpy(at, "kgo:documenX", 12);
  broken = temp_file(r.out, "broken.ttl");
  assert_int_equal(shacl_validate(broken), 1);
  unlink(path);
  unlink(broken);
  free(path);
  free(broken);
  test_result_release(&r);
  free(examples);
  free(corpus);
}

static void rewrite_statement(void *ser, raptor_statement *st)
{
  raptor_serializer_serialize_statement(ser, st);
}

/* TEXT parsed by raptor and written again by raptor's own SYNTAX writer,
 * statement by statement in the order read. */
static char *raptor_rewrite(const char *text, const char *syntax)
{
  raptor_world *w = raptor_new_world();
  void *out = NULL;
  size_t len = 0;
  raptor_iostream *io = raptor_new_iostream_to_string(w, &out, &len, malloc);
  raptor_serializer *ser = raptor_new_serializer(w, syntax);
  raptor_parser *parser = raptor_new_parser(w, syntax);
  raptor_uri *base =
      raptor_new_uri(w, (const unsigned char *)"http://example.org/");

  assert_non_null(io);
  assert_non_null(parser);
  assert_int_equal(raptor_serializer_start_to_iostream(ser, NULL, io), 0);
  raptor_parser_set_statement_handler(parser, ser, rewrite_statement);
  assert_int_equal(raptor_parser_parse_start(parser, base), 0);
  assert_int_equal(raptor_parser_parse_chunk(parser,
                                             (const unsigned char *)text,
                                             strlen(text), 1),
                   0);
  raptor_serializer_serialize_end(ser);
  raptor_free_serializer(ser);
  raptor_free_iostream(io);   /* ends the string */
  raptor_free_parser(parser);
  raptor_free_uri(base);
  raptor_free_world(w);
  return out;
}

/* Texts whose output needs every escape: quotes, backslashes, control
 * characters, characters beyond the first plane. */
static const char *const escape_texts[] = {
  "Qu\"ote \\ Ltd: a \x01 \x7f caf\xc3\xa9 \xe4\xb8\xad \xf0\x9f\x98\x80\n\n"
  "Brisk\tMotors will invest $40 million in Ohio, said Ana \"Nan\" "
  "Ruiz\\Ortega, Brisk Motors's chief executive. Stra\xc3\x9f""e "
  "\xef\xbf\xbd \x1f done.\r\n",
  "La soci\xc3\xa9t\xc3\xa9 Ferrand va cr\xc3\xa9""er 120 emplois \xc3\xa0 "
  "Lyon \xc2\xab vite \xc2\xbb.\n",
};

/* N-Triples and N-Quads are written by kgbuild itself, for speed; raptor
 * must write the very same bytes, escapes included. */
static void test_streams_write_as_raptor_does(void **state)
{
  kgb_world *world = test_world();
  static const char *const syntaxes[] = {"ntriples", "nquads"};

  (void)state;
  for (size_t i = 0; i < 2; i++) {
    char *ours = test_graph_of(world, escape_texts, 2, syntaxes[i]);
    char *theirs = raptor_rewrite(ours, syntaxes[i]);
    assert_non_null(strstr(ours, "\\uFFFD"));   /* \x01 too, when read */
    assert_non_null(strstr(ours, "\\t"));
    assert_non_null(strstr(ours, "\\U0001F600"));
    assert_non_null(strstr(ours, "\\\""));
    if (strcmp(ours, theirs) != 0)
      fail_at_first_difference(syntaxes[i], ours, theirs);
    free(ours);
    free(theirs);
  }
  kgb_world_free(world);
}


/* rdflib reads A (in its format FA) and B (in FB) as the same graph: the
 * number of triples, or -1 when they differ or one cannot be read.
 * Language tags compare without case, as RDF 1.1 says (jsonld.js writes
 * them in lower case). */
static int rdflib_same_graph(const char *a, const char *fa, const char *b,
                             const char *fb)
{
  char *cmd;

  assert_true(asprintf(&cmd,
                       "/usr/bin/python3 -c 'import rdflib,sys\n"
                       "from rdflib.compare import isomorphic\n"
                       "def read(path, f):\n"
                       "  g=rdflib.Graph(); g.parse(path, format=f); h=rdflib.Graph()\n"
                       "  for s,p,o in g:\n"
                       "    if isinstance(o, rdflib.Literal) and o.language:\n"
                       "      o=rdflib.Literal(str(o), lang=o.language.lower())\n"
                       "    h.add((s,p,o))\n"
                       "  return h\n"
                       "a=read(sys.argv[1], sys.argv[2]); b=read(sys.argv[3], sys.argv[4])\n"
                       "print(len(a) if isomorphic(a, b) else -1)' "
                       "%s %s %s %s", a, fa, b, fb) > 0);
  return number_from(cmd);
}

/* JSON-LD in the file PATH as N-Quads in NQ, by jsonld.js
 * ($KGB_SHACL_DIR/tordf.mjs); its exit status. */
static int jsonld_js_nquads(const char *path, const char *nq)
{
  const char *tools = getenv("KGB_SHACL_DIR");
  char *cmd, *module;
  int status;

  assert_true(asprintf(&module, "%s/node_modules/jsonld",
                       tools ? tools : "") > 0);
  if (!tools || access(module, R_OK))
    fail_msg("no jsonld.js in KGB_SHACL_DIR (%s); run "
             "./install-deps.sh --test", tools ? tools : "unset");
  assert_true(asprintf(&cmd, "node %s/tordf.mjs %s > %s", tools, path, nq) >
              0);
  status = test_sh(cmd);
  free(cmd);
  free(module);
  return status;
}

/* The JSON-LD text JSONLD is the graph of the file OTHER (in rdflib's
 * FORMAT) for rdflib and for jsonld.js; returns the number of triples. */
static int check_jsonld_is(const char *jsonld, const char *other,
                           const char *format)
{
  char *path = temp_file(jsonld, "check.jsonld");
  char *nq = temp_file("", "check.nq");
  int n = rdflib_same_graph(path, "json-ld", other, format);

  assert_true(n > 0);
  assert_int_equal(jsonld_js_nquads(path, nq), 0);
  /* Read as N-Triples: a named graph jsonld.js made would not parse. */
  assert_int_equal(rdflib_same_graph(nq, "nt", other, format), n);
  unlink(path);
  unlink(nq);
  free(path);
  free(nq);
  return n;
}

/* The examples, the corpus and texts that need every escape, with entity
 * mentions and their texts: JSON-LD is the Turtle's graph, and the same
 * bytes with workers. */
static void test_jsonld_is_the_turtle_graph(void **state)
{
  char *examples = test_src_path("examples");
  char *corpus = test_src_path("tests/corpus");
  char *text1 = temp_file(escape_texts[0], "escape-1.txt");
  char *text2 = temp_file(escape_texts[1], "escape-2.txt");
  test_result ld = test_run((const char *[]){"-q", "--mentions", "-f",
                                             "jsonld", examples, corpus,
                                             text1, text2, NULL}, NULL);
  test_result ttl = test_run((const char *[]){"-q", "--mentions", examples,
                                              corpus, text1, text2, NULL},
                             NULL);
  test_result jobs = test_run((const char *[]){"-q", "-j", "2", "--mentions",
                                               "-f", "jsonld", examples,
                                               corpus, text1, text2, NULL},
                              NULL);
  char *ttl_path = temp_file(ttl.out, "same.ttl");

  (void)state;
  assert_int_equal(ld.status, 0);
  assert_int_equal(ttl.status, 0);
  assert_int_equal(jobs.status, 0);
  assert_string_equal(jobs.out, ld.out);
  /* The texts, in nif:isString, need each escape JSON has. */
  for (const char *esc = "\\\"\0\\\\\0\\t\0\\r\0\\n\0"; *esc;
       esc += strlen(esc) + 1)
    assert_non_null(strstr(ld.out, esc));
  assert_non_null(strstr(ld.out, "\xf0\x9f\x98\x80"));
  assert_true(test_raptor_count(ttl.out, "turtle") > 10000);
  assert_int_equal(check_jsonld_is(ld.out, ttl_path, "turtle"),
                   test_raptor_count(ttl.out, "turtle"));
  unlink(text1);
  unlink(text2);
  unlink(ttl_path);
  free(text1);
  free(text2);
  free(ttl_path);
  free(examples);
  free(corpus);
  test_result_release(&ld);
  test_result_release(&ttl);
  test_result_release(&jobs);
}

static raptor_term *iri(kgb_graph *g, const char *s)
{
  return raptor_new_term_from_uri_string(g->raptor, (const unsigned char *)s);
}

static raptor_term *literal(kgb_graph *g, const char *text, const char *lang,
                            const char *datatype)
{
  raptor_uri *dt = datatype ? raptor_new_uri(g->raptor,
                                             (const unsigned char *)datatype)
                            : NULL;
  raptor_term *t = raptor_new_term_from_literal(
      g->raptor, (const unsigned char *)text, dt,
      (const unsigned char *)lang);

  if (dt)
    raptor_free_uri(dt);
  return t;
}

static raptor_term *blank(kgb_graph *g, const char *id)
{
  return raptor_new_term_from_blank(g->raptor, (const unsigned char *)id);
}

/* Held by G as if a document had said it. */
static void hold(kgb_graph *g, raptor_term *s, const char *p, raptor_term *o)
{
  raptor_statement *st = raptor_new_statement_from_nodes(g->raptor, s,
                                                         iri(g, p), o, NULL);

  assert_non_null(st);
  assert_int_equal(kgb_grow(&g->pending.v, &g->pending.cap, g->pending.n + 1,
                            sizeof *g->pending.v), KGB_OK);
  g->pending.v[g->pending.n++] = st;
}

#define KGR "https://w3id.org/kgbuild/resource/"
#define RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define RDFS "http://www.w3.org/2000/01/rdf-schema#"
#define EX "http://example.org/"

/* What kgbuild's extraction never writes, but a JSON-LD writer must get
 * right: blank nodes, language tags, datatypes and IRIs of no known
 * namespace, a literal rdf:type, an IRI a prefix would misread. */
static void odd_statements(kgb_graph *g)
{
  hold(g, iri(g, KGR "person/zoe"), RDF "type",
       iri(g, "https://w3id.org/kgbuild/ontology#Person"));
  hold(g, iri(g, KGR "person/zoe"), RDF "type", iri(g, EX "Author"));
  hold(g, iri(g, KGR "person/zoe"), RDFS "label", literal(g, "Zo\xc3\xa9", "fr",
                                                          NULL));
  hold(g, iri(g, KGR "person/zoe"), RDFS "label", literal(g, "Zoe", "en-GB",
                                                          NULL));
  hold(g, iri(g, KGR "person/zoe"), RDFS "label",
       literal(g, "\"q\" \\ \x01\t\xe2\x80\xa8", NULL, NULL));
  hold(g, iri(g, KGR "person/zoe"), EX "knows", blank(g, "b1"));
  hold(g, blank(g, "b1"), RDF "type", blank(g, "b2"));
  hold(g, blank(g, "b1"), RDF "type", literal(g, "not a class", NULL, NULL));
  hold(g, blank(g, "b1"), EX "p", iri(g, EX "a"));
  hold(g, blank(g, "b1"), EX "p", literal(g, "12.50", NULL, EX "dt#money"));
  hold(g, blank(g, "b1"), EX "p",
       literal(g, "2024", NULL, "http://www.w3.org/2001/XMLSchema#gYear"));
  hold(g, iri(g, KGR "//x"), EX "p", iri(g, KGR));
  hold(g, blank(g, "b2"), RDFS "label", literal(g, "", NULL, NULL));
}

static void test_jsonld_odd_statements(void **state)
{
  kgb_world *world = test_world();
  char *out[2] = {NULL, NULL}, *nt;
  static const char *const syntax[] = {"jsonld", "ntriples"};

  (void)state;
  for (size_t i = 0; i < 2; i++) {
    kgb_graph *g = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out[i], &len);
    assert_int_equal(kgb_graph_new(world, &g), KGB_OK);
    odd_statements(g);
    assert_int_equal(kgb_graph_serialize(g, syntax[i], f), KGB_OK);
    fclose(f);
    kgb_graph_free(g);
  }
  assert_non_null(strstr(out[0], "\"@language\": \"fr\""));
  assert_non_null(strstr(out[0], "\"@id\": \"_:b1\""));
  assert_non_null(strstr(out[0], "\"@type\": \"xsd:gYear\""));
  assert_non_null(strstr(out[0], "\"\\\"q\\\" \\\\ \\u0001\\t"));
  assert_non_null(strstr(out[0], "\"@id\": \"kgr:\""));
  assert_null(strstr(out[0], "kgr://"));
  nt = temp_file(out[1], "odd.nt");
  assert_int_equal(check_jsonld_is(out[0], nt, "nt"), 13);
  unlink(nt);
  free(nt);
  free(out[0]);
  free(out[1]);
  kgb_world_free(world);
}

/* --mentions: each document's text is a nif:Context, the very text of the
 * input, and every mention and source sentence points to it; its anchor
 * is the text between its offsets, counted in code points, also past
 * accented letters and in a document long enough to be read in windows.
 * The graph conforms to the shapes, which check contexts too. */
static void test_nif_context_offsets(void **state)
{
  static const char opening[] =
      "\xc3\x89tude : la soci\xc3\xa9t\xc3\xa9 Kerlann, bas\xc3\xa9""e \xc3\xa0 "
      "Lyon, investit 3 millions d'euros en Espagne.\n\n";
  char *text, *longer, *cmd, *out, *ttl_path, *paths[2];
  test_result r;
  int contexts = 0, n = 0, bad = -1, same = 0, shifted = 0;
  size_t len = 0;
  FILE *f = open_memstream(&longer, &len);

  (void)state;
  assert_non_null(f);
  fputs(opening, f);
  for (int i = 0; i < 20000; i++)   /* past a window (256 KB) */
    fputs("l\xc3\xa0 o\xc3\xb9 \xc3\xa9t\xc3\xa9 d\xc3\xa9j\xc3\xa0. ", f);
  fputs("\n\n", f);
  fputs(opening, f);
  fclose(f);
  assert_true(asprintf(&text, "%sH\xc3\xa9l\xc3\xa8ne Marchand, "
                       "pr\xc3\xa9sidente de Kerlann, cr\xc3\xa9""e 120 "
                       "emplois \xc3\xa0 Montpellier.\n", opening) > 0);
  paths[0] = temp_file(text, "nif-short.txt");
  paths[1] = temp_file(longer, "nif-long.txt");
  r = test_run((const char *[]){"-q", "--mentions", "--lang", "fr", paths[0],
                                paths[1], NULL}, NULL);
  assert_int_equal(r.status, 0);
  ttl_path = temp_file(r.out, "nif.ttl");
  assert_true(asprintf(&cmd,
      "/usr/bin/python3 -c 'import rdflib,sys\n"
      "g=rdflib.Graph(); g.parse(sys.argv[1], format=\"turtle\")\n"
      "N=rdflib.Namespace(\"http://persistence.uni-leipzig.org/nlp2rdf/"
      "ontologies/nif-core#\")\n"
      "inputs=[open(p, encoding=\"utf-8\", newline=\"\").read() "
      "for p in sys.argv[2:]]\n"
      "cs=set(g.subjects(rdflib.RDF.type, N.Context)); same=0\n"
      "for c in cs:\n"
      "  t=str(g.value(c, N.isString))\n"
      "  same+=t in inputs and int(g.value(c, N.beginIndex))==0 and "
      "int(g.value(c, N.endIndex))==len(t)\n"
      "n=bad=shifted=0\n"
      "for m,c in g.subject_objects(N.referenceContext):\n"
      "  t=str(g.value(c, N.isString)); a=str(g.value(m, N.anchorOf))\n"
      "  b=int(g.value(m, N.beginIndex)); e=int(g.value(m, N.endIndex))\n"
      "  n+=1; bad+=t[b:e]!=a; shifted+=len(t[:b].encode())!=b\n"
      "print(len(cs), n, bad, same, shifted)' %s %s %s",
      ttl_path, paths[0], paths[1]) > 0);
  out = test_capture(cmd);
  assert_non_null(out);
  assert_int_equal(sscanf(out, "%d %d %d %d %d", &contexts, &n, &bad, &same,
                          &shifted), 5);
  if (contexts != 2 || same != 2 || n < 10 || bad != 0 || shifted < 5)
    fail_msg("%d context(s), %d the input's text; %d span(s), %d off "
             "their anchor, %d past accents", contexts, same, n, bad,
             shifted);
  assert_int_equal(shacl_validate(ttl_path), 0);
  for (int i = 0; i < 2; i++) {
    unlink(paths[i]);
    free(paths[i]);
  }
  unlink(ttl_path);
  free(ttl_path);
  free(out);
  free(cmd);
  free(text);
  free(longer);
  test_result_release(&r);
}

/* 1 when TEXT holds 16 hexadecimal digits in a row, as hashed IRIs do. */
static int has_hash(const char *text)
{
  size_t run = 0;

  for (; *text && run < 16; text++)
    run = strchr("0123456789abcdef", *text) ? run + 1 : 0;
  return run >= 16;
}

/* The picture: entities by name, facts by kind, roles as labelled edges;
 * no IRI, no provenance, no sentence, and the same with --mentions. */
static void test_dot_draws_entities_and_facts(void **state)
{
  char *examples = test_src_path("examples");
  test_result r = test_run((const char *[]){"-q", "-f", "dot", examples,
                                            NULL}, NULL);
  test_result m = test_run((const char *[]){"-q", "--mentions", "-f", "dot",
                                            examples, NULL}, NULL);
  char *path = temp_file(r.out, "draw.dot"), *cmd;

  (void)state;
  assert_int_equal(r.status, 0);
  assert_true(asprintf(&cmd, "dot -Tsvg %s | grep -q 'Acme Robotics'",
                       path) > 0);
  assert_int_equal(test_sh(cmd), 0);
  assert_null(strstr(r.out, "/source/"));
  assert_null(strstr(r.out, "://"));
  assert_false(has_hash(r.out));
  assert_null(strstr(r.out, "Mention"));
  assert_null(strstr(r.out, "said on Thursday"));
  assert_non_null(strstr(r.out, "[label=\"Acme Robotics\""));
  assert_non_null(strstr(r.out, "[label=\"Investment\\namount: "
                                "2,000,000,000 EUR\""));
  assert_non_null(strstr(r.out, "[label=\"investor\"]"));
  assert_non_null(strstr(r.out, "[label=\"basedIn\"]"));
  assert_string_equal(m.out, r.out);
  unlink(path);
  free(path);
  free(cmd);
  free(examples);
  test_result_release(&r);
  test_result_release(&m);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_golden_files),
    cmocka_unit_test(test_streams_write_as_raptor_does),
    cmocka_unit_test(test_formats_reparse),
    cmocka_unit_test(test_examples_conform_to_shapes),
    cmocka_unit_test(test_jsonld_is_the_turtle_graph),
    cmocka_unit_test(test_jsonld_odd_statements),
    cmocka_unit_test(test_nif_context_offsets),
    cmocka_unit_test(test_dot_draws_entities_and_facts),
  };

  return cmocka_run_group_tests(tests, NULL, NULL);
}
