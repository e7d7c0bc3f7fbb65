/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_query.c - `kgbuild load` and `kgbuild query`: the example queries
 * give, through rasqal, the answers an independent engine (rdflib) gives
 * on the same graph, in the store as in the file; loading twice adds
 * nothing; names merge across loads; errors say where. */
#define _GNU_SOURCE
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test_util.h"

static char workdir[] = "/tmp/kgb-query-XXXXXX";
static char *graph_ttl, *store;

static void write_text(const char *path, const char *text)
{
  test_write_file(path, text, strlen(text));
}

/* Python's json module reads ANSWER (SPARQL JSON results) as D, and
 * ASSERTION (Python, after "assert ") holds of it. */
static void assert_json_holds(const char *answer, const char *assertion)
{
  char *path, *cmd;

  assert_true(asprintf(&path, "%s/answer.json", workdir) > 0);
  write_text(path, answer);
  assert_true(asprintf(&cmd,
                       "/usr/bin/python3 -c 'import json,sys; d=json.load("
                       "open(sys.argv[1])); assert %s' %s", assertion,
                       path) > 0);
  assert_int_equal(test_sh(cmd), 0);
  free(cmd);
  free(path);
}

static int by_name(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The lines of TEXT, sorted, as one string: answers without ORDER BY
 * ties. */
static char *sorted_lines(const char *text)
{
  char *copy = strdup(text), **v = NULL, *out = NULL, *save = NULL;
  size_t n = 0, len = 0;
  FILE *f = open_memstream(&out, &len);

  for (char *l = strtok_r(copy, "\r\n", &save); l;
       l = strtok_r(NULL, "\r\n", &save)) {
    v = realloc(v, (n + 1) * sizeof *v);
    v[n++] = l;
  }
  qsort(v, n, sizeof *v, by_name);
  for (size_t i = 0; i < n; i++)
    fprintf(f, "%s\n", v[i]);
  fclose(f);
  free(v);
  free(copy);
  return out;
}

static void setup_graph(void)
{
  char *examples = test_src_path("examples");
  test_result r;

  assert_non_null(mkdtemp(workdir));
  assert_true(asprintf(&graph_ttl, "%s/graph.ttl", workdir) > 0);
  assert_true(asprintf(&store, "sqlite:%s/graph.db", workdir) > 0);
  r = test_run((const char *[]){"-q", "-o", graph_ttl, examples, NULL}, NULL);
  assert_int_equal(r.status, 0);
  test_result_release(&r);
  r = test_run((const char *[]){"load", "-q", "--store", store, examples,
                                NULL}, NULL);
  assert_int_equal(r.status, 0);
  test_result_release(&r);
  free(examples);
}

/* What rdflib answers QUERY_FILE on the Turtle, as SPARQL CSV. */
static char *rdflib_csv(const char *query_file)
{
  char *cmd, *out;

  assert_true(asprintf(&cmd,
                       "/usr/bin/python3 -c 'import rdflib,sys; "
                       "g=rdflib.Graph(); g.parse(sys.argv[1]); "
                       "sys.stdout.write(g.query(open(sys.argv[2]).read())"
                       ".serialize(format=\"csv\").decode())' %s %s",
                       graph_ttl, query_file) > 0);
  out = test_capture(cmd);
  assert_non_null(out);
  free(cmd);
  return out;
}

static void test_example_queries(void **state)
{
  char *dir = test_src_path("examples/queries"), *names[64];
  size_t n = 0;
  DIR *d = opendir(dir);
  struct dirent *e;

  (void)state;
  assert_non_null(d);
  while ((e = readdir(d)) && n < 64)
    if (strstr(e->d_name, ".rq"))
      names[n++] = strdup(e->d_name);
  closedir(d);
  qsort(names, n, sizeof *names, by_name);
  assert_true(n >= 8);
  for (size_t i = 0; i < n; i++) {
    char *path, *want, *got_file, *got_store, *expected;
    test_result file, db;
    assert_true(asprintf(&path, "%s/%s", dir, names[i]) > 0);
    /* -Q and the long name it has always had. */
    file = test_run((const char *[]){"query", "--data", graph_ttl, "-Q",
                                     path, "-r", "csv", NULL}, NULL);
    db = test_run((const char *[]){"query", "--store", store,
                                   "--query-file", path, "-r", "csv", NULL},
                  NULL);
    if (file.status != 0 || db.status != 0)
      fail_msg("%s: exit %d / %d: %s%s", names[i], file.status, db.status,
               file.err, db.err);
    /* Every example query has an answer on the example articles. */
    if (!strchr(file.out, '\n') || !strchr(strchr(file.out, '\n') + 1, '\n'))
      fail_msg("%s gives no row:\n%s", names[i], file.out);
    expected = rdflib_csv(path);
    want = sorted_lines(expected);
    got_file = sorted_lines(file.out);
    got_store = sorted_lines(db.out);
    if (strcmp(got_file, want))
      fail_msg("%s: rasqal on the file says\n%s\nrdflib says\n%s", names[i],
               got_file, want);
    if (strcmp(got_store, want))
      fail_msg("%s: rasqal on the store says\n%s\nrdflib says\n%s",
               names[i], got_store, want);
    free(expected);
    free(want);
    free(got_file);
    free(got_store);
    test_result_release(&file);
    test_result_release(&db);
    free(path);
    free(names[i]);
  }
  free(dir);
}

static int count_statements(const char *uri)
{
  test_result r = test_run((const char *[]){"query", "--store", uri, "-r",
                                            "csv",
                                            "SELECT (COUNT(*) AS ?n) WHERE "
                                            "{ ?s ?p ?o }", NULL}, NULL);
  const char *row;
  int n;

  assert_int_equal(r.status, 0);
  row = strchr(r.out, '\n');
  assert_non_null(row);
  n = atoi(row + 1);
  test_result_release(&r);
  return n;
}

static void test_load_twice_adds_nothing(void **state)
{
  char *examples = test_src_path("examples");
  int before = count_statements(store);
  test_result r = test_run((const char *[]){"load", "--store", store,
                                            examples, NULL}, NULL);

  (void)state;
  assert_true(before > 500);
  assert_int_equal(r.status, 0);
  assert_non_null(strstr(r.err, "8 of 8 documents there already"));
  assert_int_equal(count_statements(store), before);
  test_result_release(&r);
  free(examples);
}

/* A later load with a fuller name moves the label; the old one stays as
 * an alternative. */
static void test_names_merge_across_loads(void **state)
{
  char *uri, *a, *b;
  test_result r;
  static const char query[] =
      "SELECT ?p ?name WHERE { "
      "<https://w3id.org/kgbuild/resource/organization/valdora-foods> ?p "
      "?name } ORDER BY ?p ?name";

  (void)state;
  assert_true(asprintf(&uri, "sqlite:%s/names.db", workdir) > 0);
  assert_true(asprintf(&a, "%s/a.txt", workdir) > 0);
  assert_true(asprintf(&b, "%s/b.txt", workdir) > 0);
  write_text(a, "Valdora Foods will invest 30 million euros in Poland.\n");
  write_text(b, "Valdora Foods Inc will invest 30 million euros in Poland.\n");
  r = test_run((const char *[]){"load", "-q", "--store", uri, a, NULL}, NULL);
  assert_int_equal(r.status, 0);
  test_result_release(&r);
  r = test_run((const char *[]){"load", "-q", "--store", uri, b, NULL}, NULL);
  assert_int_equal(r.status, 0);
  test_result_release(&r);
  r = test_run((const char *[]){"query", "--store", uri, "-r", "tsv", query,
                                NULL}, NULL);
  assert_int_equal(r.status, 0);
  assert_int_equal(test_count_lines(r.out, "rdf-schema#label", NULL), 1);
  assert_int_equal(test_count_lines(r.out, "rdf-schema#label",
                                    "\"Valdora Foods Inc\""), 1);
  assert_int_equal(test_count_lines(r.out, "altLabel", "\"Valdora Foods\""),
                   1);
  test_result_release(&r);
  free(uri);
  free(a);
  free(b);
}

static void test_result_formats(void **state)
{
  static const char q[] =
      "PREFIX kgo: <https://w3id.org/kgbuild/ontology#> "
      "SELECT ?p WHERE { ?p a kgo:Person } ORDER BY ?p";
  test_result table = test_run((const char *[]){"query", "--data", graph_ttl,
                                                q, NULL}, NULL);
  test_result tsv = test_run((const char *[]){"query", "--data", graph_ttl,
                                              "-r", "tsv", q, NULL}, NULL);
  test_result json = test_run((const char *[]){"query", "--data", graph_ttl,
                                               "-r", "json", q, NULL}, NULL);
  (void)state;
  assert_int_equal(table.status, 0);
  assert_non_null(strstr(table.out, "\n---"));
  assert_non_null(strstr(table.out, "kgr:person/"));
  assert_non_null(strstr(table.out, " rows)\n"));
  assert_int_equal(tsv.status, 0);
  assert_memory_equal(tsv.out, "?p\n<https://w3id.org/kgbuild/resource/", 38);
  assert_int_equal(json.status, 0);
  assert_json_holds(json.out, "d[\"head\"][\"vars\"]==[\"p\"]; "
                    "assert len(d[\"results\"][\"bindings\"])>3");
  test_result_release(&table);
  test_result_release(&tsv);
  test_result_release(&json);
}

/* Answers about a sentence with an emoji and a lone carriage return:
 * rasqal's JSON and raptor's Turtle wrote them in forms their own
 * syntaxes reject (\U0001F600; a raw CR between plain quotes), found
 * with what fuzz_extract found in kgbuild's own output. */
static void test_answers_parse_with_emoji_and_cr(void **state)
{
  static const char select[] =
      "SELECT ?s WHERE { ?m <http://persistence.uni-leipzig.org/nlp2rdf/"
      "ontologies/nif-core#anchorOf> ?s }";
  static const char construct[] =
      "CONSTRUCT { ?m <http://x/said> ?s } WHERE { ?m <http://persistence."
      "uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf> ?s }";
  char *text, *ttl;
  test_result r, sel, con;

  (void)state;
  assert_true(asprintf(&text, "%s/emoji.txt", workdir) > 0);
  assert_true(asprintf(&ttl, "%s/emoji.ttl", workdir) > 0);
  write_text(text, "Zentra va investir 2 milliards d'euros en Espagne "
                   "\xF0\x9F\x98\x80 ok\rla.\n");
  r = test_run((const char *[]){"-q", "-o", ttl, text, NULL}, NULL);
  assert_int_equal(r.status, 0);
  sel = test_run((const char *[]){"query", "--data", ttl, "-r", "json",
                                  select, NULL}, NULL);
  con = test_run((const char *[]){"query", "--data", ttl, construct, NULL},
                 NULL);
  assert_int_equal(sel.status, 0);
  assert_int_equal(con.status, 0);
  assert_true(test_raptor_count(con.out, "turtle") > 0);
  assert_json_holds(sel.out, "any(\"\\U0001F600 ok\\r\" in b[\"s\"][\"value\"] "
                             "for b in d[\"results\"][\"bindings\"])");
  test_result_release(&r);
  test_result_release(&sel);
  test_result_release(&con);
  free(text);
  free(ttl);
}

static void test_errors(void **state)
{
  test_result bad = test_run((const char *[]){"query", "--data", graph_ttl,
                                              "SELECT ?s WHERE {\n ?s ?p\n}",
                                              NULL}, NULL);
  test_result none = test_run((const char *[]){"query", "--store",
                                               "sqlite:/nonexistent/x.db",
                                               "ASK {}", NULL}, NULL);
  test_result usage = test_run((const char *[]){"query", "ASK {}", NULL},
                               NULL);
  test_result scheme = test_run((const char *[]){"load", "--store",
                                                 "mysql:db", graph_ttl, NULL},
                                NULL);

  (void)state;
  assert_int_equal(bad.status, 1);
  assert_non_null(strstr(bad.err, "query:3:"));
  assert_int_equal(none.status, 1);
  assert_non_null(strstr(none.err, "no such store"));
  assert_int_equal(usage.status, 2);
  assert_int_equal(scheme.status, 1);
  assert_non_null(strstr(scheme.err, "not a store"));
  test_result_release(&bad);
  test_result_release(&none);
  test_result_release(&usage);
  test_result_release(&scheme);
}

/* A store whose triples name a node its tables lack is an error naming
 * the store and what is missing, not an answer over part of it. */
static void test_damaged_store(void **state)
{
  char *db, *cmd, *uri;
  test_result r;

  (void)state;
  assert_true(asprintf(&db, "%s/damaged.db", workdir) > 0);
  assert_true(asprintf(&cmd, "cp %s %s && /usr/bin/python3 -c 'import "
                       "sqlite3,sys; c=sqlite3.connect(sys.argv[1]); "
                       "c.execute(\"DELETE FROM uris WHERE id = (SELECT "
                       "predicateUri FROM triples LIMIT 1)\"); c.commit()' %s",
                       store + strlen("sqlite:"), db, db) > 0);
  assert_int_equal(test_sh(cmd), 0);
  assert_true(asprintf(&uri, "sqlite:%s", db) > 0);
  r = test_run((const char *[]){"query", "--store", uri, "ASK { ?s ?p ?o }",
                                NULL}, NULL);
  assert_int_equal(r.status, 1);
  assert_non_null(strstr(r.err, uri));
  assert_non_null(strstr(r.err, "damaged"));
  assert_non_null(strstr(r.err, "uris"));
  test_result_release(&r);
  free(uri);
  free(cmd);
  free(db);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_example_queries),
    cmocka_unit_test(test_load_twice_adds_nothing),
    cmocka_unit_test(test_names_merge_across_loads),
    cmocka_unit_test(test_result_formats),
    cmocka_unit_test(test_answers_parse_with_emoji_and_cr),
    cmocka_unit_test(test_errors),
    cmocka_unit_test(test_damaged_store),
  };
  int failed;
  char *cmd;

  setup_graph();
  failed = cmocka_run_group_tests(tests, NULL, NULL);
  if (asprintf(&cmd, "rm -rf %s", workdir) > 0) {
    test_sh(cmd);
    free(cmd);
  }
  free(graph_ttl);
  free(store);
  return failed;
}
