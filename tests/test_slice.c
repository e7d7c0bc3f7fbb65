/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_slice.c - one sentence in, the Investment node of the contract
 * out, with provenance, read back through librdf and SPARQL. */
#include "test_util.h"

#include <redland.h>
#include <stdlib.h>
#include <string.h>

#include "kgb_utf8.h"

static kgb_world *world;

#define PREFIXES                                                       \
  "PREFIX kgo: <https://w3id.org/kgbuild/ontology#>\n"                 \
  "PREFIX schema: <https://schema.org/>\n"                             \
  "PREFIX prov: <http://www.w3.org/ns/prov#>\n"                        \
  "PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>\n" \
  "PREFIX dct: <http://purl.org/dc/terms/>\n"                          \
  "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"

typedef struct {
  librdf_world *rdf;
  librdf_storage *storage;
  librdf_model *model;
} rdf_graph;

static void parse_turtle(rdf_graph *g, const char *turtle)
{
  librdf_parser *p;
  librdf_uri *base;

  g->rdf = librdf_new_world();
  librdf_world_open(g->rdf);
  g->storage = librdf_new_storage(g->rdf, "memory", NULL, NULL);
  g->model = librdf_new_model(g->rdf, g->storage, NULL);
  p = librdf_new_parser(g->rdf, "turtle", NULL, NULL);
  base = librdf_new_uri(g->rdf, (const unsigned char *)"http://example.org/");
  assert_int_equal(librdf_parser_parse_string_into_model(
                       p, (const unsigned char *)turtle, base, g->model), 0);
  librdf_free_uri(base);
  librdf_free_parser(p);
}

static void free_graph(rdf_graph *g)
{
  librdf_free_model(g->model);
  librdf_free_storage(g->storage);
  librdf_free_world(g->rdf);
}

/* Run a SELECT and return the rows as "a|b|c\n" lines, sorted by the
 * query's ORDER BY; the caller frees. */
static char *select_rows(rdf_graph *g, const char *sparql)
{
  librdf_query *q = librdf_new_query(g->rdf, "sparql", NULL,
                                     (const unsigned char *)sparql, NULL);
  librdf_query_results *r;
  char *out = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&out, &len);

  assert_non_null(q);
  r = librdf_query_execute(q, g->model);
  assert_non_null(r);
  while (!librdf_query_results_finished(r)) {
    int n = librdf_query_results_get_bindings_count(r);
    for (int i = 0; i < n; i++) {
      librdf_node *v = librdf_query_results_get_binding_value(r, i);
      const char *s = "";
      if (v && librdf_node_is_literal(v))
        s = (const char *)librdf_node_get_literal_value(v);
      else if (v && librdf_node_is_resource(v))
        s = (const char *)librdf_uri_as_string(librdf_node_get_uri(v));
      fprintf(f, "%s%s", i ? "|" : "", s);
      if (v)
        librdf_free_node(v);
    }
    fputc('\n', f);
    librdf_query_results_next(r);
  }
  fclose(f);
  librdf_free_query_results(r);
  librdf_free_query(q);
  return out;
}

static const char investment_query[] =
    PREFIXES
    "SELECT ?investor ?bound ?value ?currency ?place WHERE {\n"
    "  ?f a kgo:Investment ; kgo:investor ?o ; kgo:amount ?a ;\n"
    "     kgo:location ?p .\n"
    "  ?o a kgo:Organization ; rdfs:label ?investor .\n"
    "  ?a a schema:MonetaryAmount ; ?b ?value ; schema:currency ?currency .\n"
    "  FILTER(?b IN (schema:value, schema:minValue, schema:maxValue))\n"
    "  BIND(REPLACE(STR(?b), '^.*/', '') AS ?bound)\n"
    "  ?p a kgo:Place ; rdfs:label ?place .\n"
    "} ORDER BY ?investor ?value";

static void check_investment(const char *text, const char *lang,
                             const char *want)
{
  char *turtle = test_extract_to_string(world, text, lang, "turtle");
  rdf_graph g;
  char *rows;

  parse_turtle(&g, turtle);
  rows = select_rows(&g, investment_query);
  if (strcmp(rows, want) != 0)
    fail_msg("'%s' gave rows:\n%s\nexpected:\n%s\nTurtle:\n%s", text, rows,
             want, turtle);
  free(rows);
  free_graph(&g);
  free(turtle);
}

static void test_english_investment(void **state)
{
  (void)state;
  check_investment("Zentra Robotics will invest 2 billion euros in Spain.",
                   "en", "Zentra Robotics|value|2000000000.0|EUR|Spain\n");
  check_investment("Halvor said on Monday that it would invest more than "
                   "$450 million in Canada.", "en",
                   "Halvor|minValue|450000000.0|USD|Canada\n");
}

static void test_french_investment(void **state)
{
  (void)state;
  check_investment("Zentra Robotics va investir 2 milliards d'euros en "
                   "Espagne.", "fr",
                   "Zentra Robotics|value|2000000000.0|EUR|Spain\n");
  check_investment("Le groupe Orvia compte investir jusqu\xE2\x80\x99\xC3\xA0 "
                   "1,5 milliard d\xE2\x80\x99" "euros en Allemagne.", "fr",
                   "Orvia|maxValue|1500000000.0|EUR|Germany\n");
}

static void test_language_detected(void **state)
{
  (void)state;
  check_investment("Zentra Robotics va investir 2 milliards d'euros en "
                   "Espagne d'ici 2027.", NULL,
                   "Zentra Robotics|value|2000000000.0|EUR|Spain\n");
}

/* The mention's anchor is the input text between its code-point offsets,
 * and the document node says where the text came from. */
static void test_provenance(void **state)
{
  const char *text = "Bilan annuel\n\nLa soci\xC3\xA9t\xC3\xA9 Kerlann "
                     "\xC3\xA9tudie le march\xC3\xA9. Kerlann va investir 30 "
                     "millions d'euros en Bretagne.";
  char *turtle = test_extract_to_string(world, text, "fr", "turtle");
  rdf_graph g;
  char *rows, *anchor, *b, *e, *cpy;
  long begin, end;
  size_t off = 0, n = 0, w;
  int32_t cp;

  (void)state;
  parse_turtle(&g, turtle);
  rows = select_rows(&g, PREFIXES
      "SELECT ?anchor ?b ?e ?c ?src ?lang ?rule WHERE {\n"
      "  ?f a kgo:Investment ; prov:wasDerivedFrom ?m .\n"
      "  ?m nif:anchorOf ?anchor ; nif:beginIndex ?b ; nif:endIndex ?e ;\n"
      "     kgo:confidence ?c ; kgo:document ?d ; kgo:rule ?rule .\n"
      "  ?d a kgo:Document ; dct:source ?src ; dct:language ?lang .\n"
      "}");
  cpy = strdup(rows);
  anchor = strtok(cpy, "|");
  b = strtok(NULL, "|");
  e = strtok(NULL, "|");
  assert_non_null(e);
  begin = strtol(b, NULL, 10);
  end = strtol(e, NULL, 10);
  assert_string_equal(anchor,
                      "Kerlann va investir 30 millions d'euros en Bretagne.");
  /* Walk to the code point BEGIN and compare the text there. */
  while (n < (size_t)begin) {
    w = kgb_utf8_next(text + off, strlen(text + off), &cp);
    off += w;
    n++;
  }
  assert_int_equal(end - begin, (long)kgb_utf8_cp_count(anchor, strlen(anchor)));
  assert_memory_equal(text + off, anchor, strlen(anchor));
  assert_non_null(strstr(rows, "|test|fr|"));
  free(cpy);
  free(rows);
  free_graph(&g);
  free(turtle);
}

static void test_turtle_prefixes(void **state)
{
  static const char *const prefixes[] = {"kgo", "kgr", "schema", "prov",
                                         "nif", "rdfs", "xsd"};
  char *turtle = test_extract_to_string(
      world, "Zentra will invest 5 million euros in Portugal.", "en",
      "turtle");
  char want[64];

  (void)state;
  for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
    snprintf(want, sizeof want, "@prefix %s: <", prefixes[i]);
    if (!strstr(turtle, want))
      fail_msg("no '%s' in:\n%s", want, turtle);
  }
  free(turtle);
}

static void test_no_fact_without_trigger(void **state)
{
  char *turtle = test_extract_to_string(
      world, "Zentra sold 2 billion euros of bonds in Spain.", "en",
      "ntriples");

  (void)state;
  assert_null(strstr(turtle, "Investment>"));
  free(turtle);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_english_investment),
    cmocka_unit_test(test_french_investment),
    cmocka_unit_test(test_language_detected),
    cmocka_unit_test(test_provenance),
    cmocka_unit_test(test_turtle_prefixes),
    cmocka_unit_test(test_no_fact_without_trigger),
  };
  return TEST_MAIN_WITH_WORLD(tests, world);
}
