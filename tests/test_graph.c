/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_graph.c - one graph across documents: entity identity and labels,
 * one node per fact with a provenance link per source, named graphs,
 * streaming, and outputs of separate runs that concatenate. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_util.h"

static kgb_world *world;

#define KGR "<https://w3id.org/kgbuild/resource/"
#define KGO "<https://w3id.org/kgbuild/ontology#"
#define TYPE "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
#define LABEL "<http://www.w3.org/2000/01/rdf-schema#label> "
#define ALT "<http://www.w3.org/2004/02/skos/core#altLabel> "
#define DERIVED "<http://www.w3.org/ns/prov#wasDerivedFrom> "
#define IN_DOC KGO "document> "
#define TITLE "<http://purl.org/dc/terms/title> "

static const char said_a[] =
    "Valdora Foods Inc to invest $300 million in Poland\n\n"
    "Valdora Foods Inc said on Wednesday it will invest $300 million in "
    "Poland.\n";
static const char said_b[] =
    "Valdora Foods said it will invest $300 million in Poland. The snack "
    "maker employs 2,000 people.\n";
static const char said_c[] =
    "Valdora Foods said it will invest $350 million in Poland.\n";
static const char said_fr[] =
    "Valdora Foods va investir 300 millions d'euros en Espagne.\n";

/* The subject of the first line holding A and B, into BUF. */
static const char *subject_of(const char *nt, const char *a, const char *b,
                              char *buf, size_t size)
{
  for (const char *line = nt; line && *line;) {
    const char *end = strchr(line, '\n');
    size_t len = end ? (size_t)(end - line) : strlen(line);
    if (memmem(line, len, a, strlen(a)) && memmem(line, len, b, strlen(b))) {
      const char *sp = memchr(line, ' ', len);
      snprintf(buf, size, "%.*s ", (int)(sp - line), line);
      return buf;
    }
    line = end ? end + 1 : NULL;
  }
  fail_msg("no line with %s and %s in:\n%s", a, b, nt);
  return NULL;
}

/* How many different objects SUBJECT (a prefix) has for PREDICATE. */
static size_t distinct_objects(const char *nt, const char *subject,
                               const char *predicate)
{
  char seen[8][256];
  size_t n = 0;

  for (const char *line = nt; *line;) {
    const char *end = strchr(line, '\n');
    const char *p = strstr(line, predicate);
    size_t k = 0;
    if (strncmp(line, subject, strlen(subject)) == 0 && p && p < end) {
      const char *o = p + strlen(predicate);
      int len = (int)(strchr(o, ' ') - o);
      while (k < n && strncmp(seen[k], o, (size_t)len))
        k++;
      if (k == n && n < 8)
        snprintf(seen[n++], sizeof seen[0], "%.*s", len, o);
    }
    line = end + 1;
  }
  return n;
}

static void test_same_fact_one_node_two_sources(void **state)
{
  const char *texts[] = {said_a, said_b};
  char *nt = test_graph_of(world, texts, 2, "ntriples");
  char fact[256];

  (void)state;
  /* Both documents state it: one node (typed once after merging) with a
   * derivation from each sentence; the title is a third. */
  assert_int_equal(test_count_lines(nt, TYPE, KGO "Investment>"), 2);
  subject_of(nt, TYPE, KGO "Investment>", fact, sizeof fact);
  assert_int_equal(test_count_lines(nt, fact, DERIVED), 3);
  fact[strlen(fact) - 2] = '\0';
  assert_int_equal(distinct_objects(nt, fact, IN_DOC), 2);
  free(nt);
  nt = test_graph_of(world, texts, 2, "turtle");
  assert_int_equal(test_count_lines(nt, "a kgo:Investment", NULL), 1);
  free(nt);
}

static void test_conflicting_figures_both_kept(void **state)
{
  const char *texts[] = {said_b, said_c};
  char *nt = test_graph_of(world, texts, 2, "turtle");
  char *nq = test_graph_of(world, texts, 2, "nquads");
  char fact[256];

  (void)state;
  assert_int_equal(test_count_lines(nt, "a kgo:Investment", NULL), 2);
  assert_int_equal(test_count_lines(nt, "schema:value 300000000.0", NULL), 1);
  assert_int_equal(test_count_lines(nt, "schema:value 350000000.0", NULL), 1);
  /* Each figure is traced to its own document. */
  subject_of(nq, "\"350000000.0\"", "", fact, sizeof fact);
  fact[strlen(fact) - strlen("/amount> ")] = '\0';
  assert_int_equal(test_count_lines(nq, fact, DERIVED), 1);
  free(nt);
  free(nq);
}

static void test_entity_named_once_across_documents(void **state)
{
  const char *texts[] = {said_b, said_a, said_fr};
  char *nt = test_graph_of(world, texts, 3, "ntriples");
  const char *org = KGR "organization/valdora-foods> ";

  (void)state;
  /* "Valdora Foods Inc" and "Valdora Foods": one IRI, without the legal
   * form, whichever document came first. */
  assert_int_equal(test_count_lines(nt, KGR "organization/", TYPE), 1);
  assert_int_equal(test_count_lines(nt, org, LABEL "\"Valdora Foods Inc\""),
                   1);
  assert_int_equal(test_count_lines(nt, org, LABEL), 1);
  assert_int_equal(test_count_lines(nt, org, ALT "\"Valdora Foods\""), 1);
  /* A gazetteer place keeps its standard name whatever the language. */
  assert_int_equal(test_count_lines(nt, KGR "place/spain> " LABEL, "Spain"),
                   1);
  assert_int_equal(test_count_lines(nt, KGR "place/spain> " ALT, "Espagne"),
                   1);
  free(nt);
}

/* Names seen together in a text are one node: an acronym in
 * parentheses, the first word of a company's name, a surname, a web
 * suffix; across texts, the name without its legal form. */
static void test_aliases_one_node(void **state)
{
  const char *texts[] = {
    "Brightleaf Botanicals Ltd (BB) will invest 20 million euros in "
    "Ireland. BB said the plant would open in 2027. Brightleaf said it "
    "expects growth. \"We are ready,\" said Orla Keane, chief executive "
    "of Brightleaf Botanicals. Keane said more jobs would follow.\n",
    "Zentrix.com Inc will invest 5 million euros in Ireland.\n",
    "Zentrix will invest 5 million euros in Ireland.\n",
  };
  char *nt = test_graph_of(world, texts, 3, "ntriples");
  const char *bb = KGR "organization/brightleaf-botanicals> ";

  (void)state;
  assert_int_equal(test_count_lines(nt, KGR "organization/", TYPE), 2);
  assert_int_equal(test_count_lines(nt, bb, LABEL), 1);
  assert_int_equal(test_count_lines(nt, bb, LABEL "\"Brightleaf Botanicals "
                                    "Ltd\""), 1);
  assert_int_equal(test_count_lines(nt, bb, ALT), 3);
  assert_int_equal(test_count_lines(nt, KGR "person/orla-keane> " ALT,
                                    "\"Keane\""), 1);
  assert_int_equal(test_count_lines(nt, KGR "organization/zentrix> " LABEL,
                                    "\"Zentrix.com Inc\""), 1);
  free(nt);
}

/* Case, accents and letters like ł fold away in IRIs. */
static void test_iri_folds_spelling(void **state)
{
  const char *texts[] = {
    "Zentra Robotics will invest 10 million euros in Wroc\xC5\x82" "aw.\n",
    "ZENTRA ROBOTICS will invest 10 million euros in Wroclaw.\n",
    "Zentra-Robotics will invest 10 million euros in M\xC3\xBC" "nchen.\n",
  };
  char *nt = test_graph_of(world, texts, 3, "ntriples");

  (void)state;
  assert_int_equal(test_count_lines(nt, KGR "place/wroclaw> " TYPE, NULL),
                   1);
  assert_int_equal(test_count_lines(nt, KGR "place/", TYPE), 2);
  assert_int_equal(
      test_count_lines(nt, KGR "organization/zentra-robotics> " TYPE, NULL),
      1);
  assert_int_equal(test_count_lines(nt, KGR "organization/", TYPE), 1);
  free(nt);
}

static void test_title_when_the_text_has_a_headline(void **state)
{
  const char *texts[] = {said_a, said_b};
  char *nt = test_graph_of(world, texts, 2, "ntriples");

  (void)state;
  assert_int_equal(test_count_lines(nt, TITLE, NULL), 1);
  assert_int_equal(
      test_count_lines(nt, TITLE,
                       "\"Valdora Foods Inc to invest $300 million in "
                       "Poland\""), 1);
  free(nt);
}

/* The document IRI a mention's line names in N-Quads is its graph. */
static void test_nquads_one_graph_per_document(void **state)
{
  const char *texts[] = {said_a, said_b, said_fr};
  char *nq = test_graph_of(world, texts, 3, "nquads");
  size_t docs = test_count_lines(nq, TYPE, KGO "Document>");

  (void)state;
  assert_int_equal(docs, 3);
  for (const char *line = nq; *line;) {
    const char *end = strchr(line, '\n');
    char doc[128];
    const char *at = strstr(line, " " KGR "document/");
    assert_non_null(end);
    if (memmem(line, (size_t)(end - line), TYPE KGO "Document>",
               strlen(TYPE KGO "Document>"))) {
      /* <doc> a kgo:Document <doc> . : the document is in its own graph */
      snprintf(doc, sizeof doc, "%.*s", (int)(strchr(line, ' ') - line),
               line);
      assert_true(at && at < end);
      assert_memory_equal(end - 2 - strlen(doc), doc, strlen(doc));
    }
    line = end + 1;
  }
  /* Entities are named once, in the default graph. */
  assert_int_equal(test_count_lines(nq, LABEL, "\"Valdora Foods Inc\" ."),
                   1);
  free(nq);
}

/* N-Triples leave each document as soon as it is added. */
static void test_ntriples_stream(void **state)
{
  kgb_graph *graph = NULL;
  kgb_document *doc = NULL;
  kgb_factset *facts = NULL;
  char *out = NULL;
  size_t len = 0, after_first;
  FILE *f = open_memstream(&out, &len);

  (void)state;
  assert_int_equal(kgb_graph_new(world, &graph), KGB_OK);
  assert_int_equal(kgb_graph_set_output(graph, "ntriples", f), KGB_OK);
  assert_int_equal(kgb_document_new_from_buffer(world, "one", said_a,
                                                strlen(said_a), &doc), KGB_OK);
  assert_int_equal(kgb_extract(world, doc, &facts), KGB_OK);
  assert_int_equal(kgb_graph_add(graph, doc, facts), KGB_OK);
  fflush(f);
  after_first = len;
  assert_true(after_first > 0);
  assert_non_null(strstr(out, "Investment>"));
  /* Names wait for the end: a later document may give a fuller one. */
  assert_null(strstr(out, LABEL));
  assert_int_equal(kgb_graph_finish(graph), KGB_OK);
  fclose(f);
  assert_true(len > after_first);
  assert_non_null(strstr(out + after_first, LABEL));
  kgb_graph_free(graph);
  kgb_factset_free(facts);
  kgb_document_free(doc);
  free(out);
}

/* Made-up name I: two words of syllables, distinct for each I. */
static void org_name(size_t i, char *buf, size_t size)
{
  static const char *syl[] = {"ka", "ri", "mo", "de", "lu", "ba", "zo",
                              "ne", "vi", "ta", "so", "pe", "gu", "la",
                              "fi", "ro"};
  char w[2][16];

  for (int k = 0; k < 2; k++, i /= 4096)
    snprintf(w[k], sizeof w[k], "%c%s%s%s", 'K' + k, syl[i % 16],
             syl[i / 16 % 16], syl[i / 256 % 16]);
  snprintf(buf, size, "%s %s", w[0], w[1]);
}

/* A document whose lines pass KGB_LINES_RUN_BYTES is sorted in runs on
 * disk and merged: its lines still come out sorted and once each, the
 * first sentence's fact and the last's among them. */
static void test_huge_document_lines_sorted_once(void **state)
{
  enum { ORGS = 12000 };
  kgb_graph *graph = NULL;
  kgb_document *doc = NULL;
  kgb_factset *facts = NULL;
  char *text = NULL, *out = NULL, name[64], want[128];
  size_t text_len = 0, len = 0, lines = 0;
  FILE *t = open_memstream(&text, &text_len);
  FILE *f = open_memstream(&out, &len);
  const char *prev = NULL;

  (void)state;
  /* Twice the same sentences: the second half repeats the first's
   * facts, in other runs. */
  for (int half = 0; half < 2; half++)
    for (size_t i = 0; i < ORGS; i++) {
      org_name(i, name, sizeof name);
      fprintf(t, "%s AG will invest $%zu million in its plant. %s said the "
              "plant would open in May.\n", name, 100 + i % 900, name);
    }
  fclose(t);
  assert_int_equal(kgb_graph_new(world, &graph), KGB_OK);
  kgb_graph_set_mentions(graph, 1);
  assert_int_equal(kgb_graph_set_output(graph, "ntriples", f), KGB_OK);
  assert_int_equal(kgb_document_new_from_buffer(world, "huge", text,
                                                text_len, &doc), KGB_OK);
  assert_int_equal(kgb_extract(world, doc, &facts), KGB_OK);
  assert_int_equal(kgb_graph_add(graph, doc, facts), KGB_OK);
  fflush(f);
  assert_true(len > ((size_t)8 << 20));   /* more than one run */
  for (char *line = out; line < out + len;) {
    char *end = memchr(line, '\n', (size_t)(out + len - line));
    assert_non_null(end);
    *end = '\0';
    if (prev && strcmp(prev, line) >= 0)
      fail_msg("out of order or repeated:\n%s\n%s", prev, line);
    prev = line;
    lines++;
    line = end + 1;
  }
  for (size_t i = 0; i < ORGS; i += ORGS - 1) {
    org_name(i, name, sizeof name);
    snprintf(want, sizeof want, "\"%s AG\"", name);
    for (size_t k = 0; k < len; k++)
      if (out[k] == '\0')
        out[k] = '\n';
    assert_non_null(strstr(out, want));
  }
  assert_true(lines > 2 * ORGS);
  kgb_graph_free(graph);
  kgb_factset_free(facts);
  kgb_document_free(doc);
  free(text);
  fclose(f);
  free(out);
}

static int by_string(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The sorted, distinct subjects of the lines of TEXT that contain NEEDLE,
 * one per line. */
static char *lines_with(const char *text, const char *needle)
{
  char **v = NULL, *out = NULL;
  size_t n = 0, len = 0;
  FILE *f = open_memstream(&out, &len);

  for (const char *line = text; *line;) {
    const char *end = strchr(line, '\n');
    size_t l = (size_t)(end - line);
    if (memmem(line, l, needle, strlen(needle))) {
      v = realloc(v, (n + 1) * sizeof *v);
      v[n++] = strndup(line, strchr(line, ' ') - line);
    }
    line = end + 1;
  }
  qsort(v, n, sizeof *v, by_string);
  for (size_t i = 0; i < n; i++)
    if (i == 0 || strcmp(v[i], v[i - 1]))
      fprintf(f, "%s\n", v[i]);
  /* Freed only now: each line is compared with the one before it. */
  for (size_t i = 0; i < n; i++)
    free(v[i]);
  free(v);
  fclose(f);
  return out;
}

/* Separate runs over disjoint documents, concatenated, name the same
 * entities and facts as one run over all of them. */
static void test_separate_runs_concatenate(void **state)
{
  char *dir = test_src_path("examples");
  const char *names[] = {"en-acme-spain.txt", "fr-acme-espagne.txt",
                         "en-nordwind.txt", "fr-solaria.txt"};
  char *paths[4], *joined, *one_run, *parts;
  test_result part[2], all;
  size_t len;

  (void)state;
  for (size_t i = 0; i < 4; i++)
    assert_true(asprintf(&paths[i], "%s/%s", dir, names[i]) > 0);
  qsort(paths, 4, sizeof *paths, by_string);
  part[0] = test_run((const char *[]){"-f", "ntriples", paths[0], paths[2],
                                      NULL}, NULL);
  part[1] = test_run((const char *[]){"-f", "ntriples", paths[1], paths[3],
                                      NULL}, NULL);
  all = test_run((const char *[]){"-f", "ntriples", paths[0], paths[1],
                                  paths[2], paths[3], NULL}, NULL);
  assert_int_equal(part[0].status, 0);
  assert_int_equal(part[1].status, 0);
  assert_int_equal(all.status, 0);
  len = strlen(part[0].out) + strlen(part[1].out) + 1;
  joined = malloc(len);
  snprintf(joined, len, "%s%s", part[0].out, part[1].out);
  assert_true(test_raptor_count(joined, "ntriples") > 100);
  for (size_t k = 0; k < 2; k++) {
    const char *kind = k == 0 ? TYPE KGO "Organization>" : TYPE KGO "Invest";
    one_run = lines_with(all.out, kind);
    parts = lines_with(joined, kind);
    assert_true(strlen(one_run) > 0);
    assert_string_equal(parts, one_run);
    free(one_run);
    free(parts);
  }
  for (size_t i = 0; i < 4; i++)
    free(paths[i]);
  free(joined);
  test_result_release(&part[0]);
  test_result_release(&part[1]);
  test_result_release(&all);
  free(dir);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_same_fact_one_node_two_sources),
    cmocka_unit_test(test_conflicting_figures_both_kept),
    cmocka_unit_test(test_entity_named_once_across_documents),
    cmocka_unit_test(test_aliases_one_node),
    cmocka_unit_test(test_iri_folds_spelling),
    cmocka_unit_test(test_title_when_the_text_has_a_headline),
    cmocka_unit_test(test_nquads_one_graph_per_document),
    cmocka_unit_test(test_ntriples_stream),
    cmocka_unit_test(test_huge_document_lines_sorted_once),
    cmocka_unit_test(test_separate_runs_concatenate),
  };

  return TEST_MAIN_WITH_WORLD(tests, world);
}
