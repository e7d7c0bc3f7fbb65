/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_query_engine.c - the embedded engine's own guards: a fact with two
 * sources keeps its own figure under UNION and OPTIONAL (rasqal alone
 * pairs it with another fact's); crashes and runaway queries end as
 * messages within their bounds; nothing goes to the network; several
 * --data files are one graph, in any syntax kgbuild writes; a broken
 * file fails the query; DESCRIBE describes; what rasqal cannot parse or
 * answers wrongly is refused by name; "10-3" subtracts. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "test_util.h"

#define PREFIXES                                                          \
  "PREFIX kgo: <https://w3id.org/kgbuild/ontology#> "                     \
  "PREFIX schema: <https://schema.org/> "                                 \
  "PREFIX prov: <http://www.w3.org/ns/prov#> "

static char dir[] = "/tmp/kgb-qengine-XXXXXX";

static char *path_in(const char *name)
{
  char *p;

  assert_true(asprintf(&p, "%s/%s", dir, name) > 0);
  return p;
}

static void write_text(const char *name, const char *text)
{
  char *p = path_in(name);

  test_write_file(p, text, strlen(text));
  free(p);
}

/* Extract the texts named to the graph file OUT in FORMAT. */
static void extract(const char *format, const char *out, const char *a,
                    const char *b, const char *c)
{
  char *o = path_in(out), *pa = path_in(a), *pb = b ? path_in(b) : NULL,
       *pc = c ? path_in(c) : NULL;
  test_result r = test_run((const char *[]){"-q", "-f", format, "-o", o, pa,
                                            pb, pc, NULL}, NULL);

  assert_int_equal(r.status, 0);
  test_result_release(&r);
  free(o);
  free(pa);
  free(pb);
  free(pc);
}

static test_result query(const char *data, const char *text)
{
  char *d = path_in(data);
  test_result r = test_run((const char *[]){"query", "-r", "csv", "--data",
                                            d, text, NULL}, NULL);

  free(d);
  return r;
}

static int setup(void **state)
{
  (void)state;
  assert_non_null(mkdtemp(dir));
  /* One job cut stated in two texts, and an investment whose amount is
   * the other schema:value in the graph. */
  write_text("cut-a.txt", "Brantel Corp will cut 400 jobs.\n");
  write_text("cut-b.txt", "On Tuesday, Brantel Corp said it will cut 400 "
                          "jobs.\n");
  write_text("invest.txt", "Korvane Ltd will invest 3 million euros.\n");
  extract("turtle", "two.ttl", "cut-a.txt", "cut-b.txt", "invest.txt");
  extract("ntriples", "cut.nt", "cut-a.txt", NULL, NULL);
  extract("ntriples", "invest.nt", "invest.txt", NULL, NULL);
  extract("nquads", "two.nq", "cut-a.txt", "cut-b.txt", "invest.txt");
  extract("jsonld", "two.jsonld", "cut-a.txt", "cut-b.txt", "invest.txt");
  return 0;
}

static int teardown(void **state)
{
  char *cmd;

  (void)state;
  assert_true(asprintf(&cmd, "rm -rf %s", dir) > 0);
  test_sh(cmd);
  free(cmd);
  return 0;
}

/* The rows rdflib gives for QUERY over the graph file DATA. */
static size_t rdflib_rows(const char *data, const char *text)
{
  char *d = path_in(data), *q = path_in("q.rq"), *cmd, *out;
  size_t n;

  write_text("q.rq", text);
  assert_true(asprintf(&cmd, "/usr/bin/python3 -c 'import rdflib,sys; "
                       "g=rdflib.Graph(); g.parse(sys.argv[1]); "
                       "print(len(list(g.query(open(sys.argv[2]).read()))))' "
                       "%s %s", d, q) > 0);
  out = test_capture(cmd);
  assert_non_null(out);
  n = (size_t)strtoul(out, NULL, 10);
  free(out);
  free(cmd);
  free(q);
  free(d);
  return n;
}

static size_t rows_of(const char *csv)
{
  return test_count_lines(csv, "", NULL) - 1;   /* less the header */
}

static void assert_own_figures(const char *text)
{
  test_result r = query("two.ttl", text);

  assert_int_equal(r.status, 0);
  /* Each source of the cut gives a row with the cut's own 400. */
  assert_int_equal(rows_of(r.out), 2);
  assert_null(strstr(r.out, "3000000"));
  assert_int_equal(rows_of(r.out), rdflib_rows("two.ttl", text));
  test_result_release(&r);
}

static void test_union_keeps_own_figure(void **state)
{
  (void)state;
  assert_own_figures(PREFIXES "SELECT ?f ?jobs ?m WHERE { ?f a kgo:JobCut ; "
                     "kgo:jobs ?q ; prov:wasDerivedFrom ?m . "
                     "{ ?q schema:value ?jobs } UNION "
                     "{ ?q schema:minValue ?jobs } }");
}

static void test_optional_keeps_own_figure(void **state)
{
  (void)state;
  assert_own_figures(PREFIXES "SELECT ?f ?jobs ?m WHERE { ?f a kgo:JobCut ; "
                     "kgo:jobs ?q ; prov:wasDerivedFrom ?m . "
                     "OPTIONAL { ?q schema:value ?jobs } }");
}

/* rasqal 0.9.33 crashes on a VALUES joined with a UNION whose branches
 * bind its variable or not: a message, no answer. */
static void test_crash_is_an_error(void **state)
{
  test_result r = query("two.ttl", "SELECT (COUNT(*) AS ?n) WHERE { { ?s a "
                        "?c } UNION { ?x a ?c } VALUES ?x {1 2} }");

  (void)state;
  if (r.status == 0) {   /* a rasqal that does not crash */
    assert_int_equal(rows_of(r.out), 1);
  } else {
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.err, "crashed"));
    assert_non_null(strstr(r.err, "SPARQL 1.1 server"));
    assert_string_equal(r.out, "");
  }
  test_result_release(&r);
}

static double seconds(void)
{
  struct timespec t;

  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Every fifth power of the triples, one by one: minutes of work in
 * little memory. */
#define RUNAWAY                                                           \
  "ASK { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n ?o . "         \
  "FILTER(?a = <urn:x:never>) }"

static void test_wall_time_bound(void **state)
{
  char *d = path_in("two.ttl");
  double t0 = seconds();
  test_result r = test_run((const char *[]){"query", "--data", d,
                                            "--timeout", "1", "--max-cpu",
                                            "0", "--max-memory", "0",
                                            RUNAWAY, NULL}, NULL);

  (void)state;
  assert_int_equal(r.status, 1);
  assert_non_null(strstr(r.err, "--timeout"));
  assert_true(seconds() - t0 < 30);
  assert_string_equal(r.out, "");
  test_result_release(&r);
  free(d);
}

static void test_cpu_bound(void **state)
{
  char *d = path_in("two.ttl");
  test_result r = test_run((const char *[]){"query", "--data", d,
                                            "--max-cpu", "1", "--max-memory",
                                            "0", RUNAWAY, NULL}, NULL);

  (void)state;
  assert_int_equal(r.status, 1);
  assert_non_null(strstr(r.err, "--max-cpu"));
  test_result_release(&r);
  free(d);
}

static void test_bad_bound_is_usage(void **state)
{
  char *d = path_in("two.ttl");
  test_result r = test_run((const char *[]){"query", "--data", d,
                                            "--timeout", "soon", "ASK {}",
                                            NULL}, NULL);

  (void)state;
  assert_int_equal(r.status, 2);
  assert_non_null(strstr(r.err, "--timeout"));
  test_result_release(&r);
  free(d);
}

static void test_no_network(void **state)
{
  test_result service = query("two.ttl", "SELECT * WHERE { SERVICE "
                              "<http://192.0.2.1/sparql> { ?s ?p ?o } }");
  test_result from = query("two.ttl", "SELECT * FROM <http://192.0.2.1/g> "
                           "WHERE { ?s ?p ?o }");

  (void)state;
  assert_int_equal(service.status, 1);
  assert_non_null(strstr(service.err, "SERVICE"));
  assert_non_null(strstr(service.err, "SPARQL 1.1 server"));
  assert_int_equal(from.status, 1);
  assert_non_null(strstr(from.err, "FROM"));
  test_result_release(&service);
  test_result_release(&from);
}

static long count_of(test_result *r)
{
  const char *nl = strchr(r->out, '\n');

  assert_int_equal(r->status, 0);
  assert_non_null(nl);
  return strtol(nl + 1, NULL, 10);
}

#define COUNT_TYPED "SELECT (COUNT(*) AS ?n) WHERE { ?s a ?t }"

static void test_several_files_are_one_graph(void **state)
{
  char *cut = path_in("cut.nt"), *inv = path_in("invest.nt");
  test_result a = query("cut.nt", COUNT_TYPED);
  test_result b = query("invest.nt", COUNT_TYPED);
  test_result both = test_run((const char *[]){"query", "-r", "csv",
                                               "--data", cut, "--data", inv,
                                               COUNT_TYPED, NULL}, NULL);

  (void)state;
  assert_true(count_of(&a) > 0 && count_of(&b) > 0);
  /* The two texts share only the ontology's classes, not subjects. */
  assert_int_equal(count_of(&both), count_of(&a) + count_of(&b));
  test_result_release(&a);
  test_result_release(&b);
  test_result_release(&both);
  free(cut);
  free(inv);
}

/* A triple read twice is one triple (the set drops duplicates when it
 * indexes them, not as they come). */
static void test_same_file_twice_counts_once(void **state)
{
  const char *all = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
  char *cut = path_in("cut.nt");
  test_result once = query("cut.nt", all);
  test_result twice = test_run((const char *[]){"query", "-r", "csv",
                                                "--data", cut, "--data", cut,
                                                all, NULL}, NULL);

  (void)state;
  assert_true(count_of(&once) > 10);
  assert_int_equal(count_of(&twice), count_of(&once));
  test_result_release(&once);
  test_result_release(&twice);
  free(cut);
}

static void test_nquads_read_as_union(void **state)
{
  const char *all = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
  test_result nq = query("two.nq", all);
  test_result ttl = query("two.ttl", all);

  (void)state;
  assert_true(count_of(&nq) > 10);
  assert_int_equal(count_of(&nq), count_of(&ttl));
  test_result_release(&nq);
  test_result_release(&ttl);
}

/* kgbuild reads the JSON-LD it writes as the graph of its Turtle
 * (rdflib compares the two as graphs, blank nodes and all). */
static void test_jsonld_read_as_turtle(void **state)
{
  const char *all = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }";
  test_result js = query("two.jsonld", all), ttl = query("two.ttl", all);
  char *a = path_in("from-jsonld.ttl"), *b = path_in("from-turtle.ttl"),
       *cmd;

  (void)state;
  assert_int_equal(js.status, 0);
  assert_int_equal(ttl.status, 0);
  write_text("from-jsonld.ttl", js.out);
  write_text("from-turtle.ttl", ttl.out);
  assert_true(asprintf(&cmd, "/usr/bin/python3 -c 'import sys, rdflib; "
                       "from rdflib.compare import isomorphic; "
                       "g = [rdflib.Graph().parse(f) for f in sys.argv[1:]]; "
                       "sys.exit(not (len(g[0]) > 20 and "
                       "isomorphic(g[0], g[1])))' %s %s", a, b) > 0);
  assert_int_equal(test_sh(cmd), 0);
  test_result_release(&js);
  test_result_release(&ttl);
  free(cmd);
  free(a);
  free(b);
}

/* JSON-LD that needs more than prefixes (a remote context, a list, a
 * term definition) is refused by name, not read in part. */
static void test_jsonld_beyond_prefixes_refused(void **state)
{
  static const char *const cases[][2] = {
    {"{\"@context\": \"http://x/c.jsonld\", \"@id\": \"http://x/a\"}",
     "remote @context"},
    {"{\"@id\": \"http://x/a\", \"http://x/p\": {\"@list\": [1]}}",
     "@list"},
    {"{\"@context\": {\"p\": {\"@id\": \"http://x/p\"}}, \"p\": 1}",
     "term definition"},
    {"{\"@id\": \"http://x/a\", \"p\": 1}", "'p' is no IRI"},
    {"{\"@id\": \"http://x/a\",", "bad.jsonld:"},
    /* Found by fuzz_jsonld: RDF has no blank predicates or datatypes. */
    {"{\"@id\": \"http://x/a\", \"_::n\": 4}", "blank node as a property"},
    {"{\"@id\": \"http://x/a\", \"http://x/p\": {\"@value\": \"1\", "
     "\"@type\": \"_:d\"}}", "blank node as a property, a type or a datatype"},
  };

  (void)state;
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    test_result r;
    write_text("bad.jsonld", cases[i][0]);
    r = query("bad.jsonld", "ASK { ?s ?p ?o }");
    if (r.status != 1 || !strstr(r.err, cases[i][1]))
      fail_msg("%s: status %d, %s", cases[i][0], r.status, r.err);
    assert_string_equal(r.out, "");
    test_result_release(&r);
  }
}

static void test_broken_file_fails(void **state)
{
  char *whole = path_in("cut.nt"), *text;
  size_t len;
  test_result r;

  (void)state;
  text = test_read_file(whole, &len);
  /* Cut inside the second statement. */
  text[strchr(strchr(text, '\n') + 1, '\n') - text - 3] = '\0';
  write_text("broken.nt", text);
  r = query("broken.nt", "SELECT * WHERE { ?s ?p ?o }");
  assert_int_equal(r.status, 1);
  assert_non_null(strstr(r.err, "broken.nt:2:"));
  assert_string_equal(r.out, "");
  test_result_release(&r);
  free(text);
  free(whole);
}

/* rasqal gives no row; SPARQL gives one, COUNT 0. */
static void test_count_over_nothing(void **state)
{
  test_result r = query("two.ttl", "SELECT (COUNT(*) AS ?n) (MAX(?o) AS ?m) "
                        "WHERE { ?s <urn:kgb:none> ?o }");
  test_result grouped = query("two.ttl", "SELECT ?o (COUNT(*) AS ?n) WHERE "
                              "{ ?s <urn:kgb:none> ?o } GROUP BY ?o");
  /* A variable named like the keyword does not make a grouped query. */
  test_result named = query("two.ttl", "SELECT (COUNT(*) AS ?n) WHERE "
                            "{ ?s <urn:kgb:none> ?group }");

  (void)state;
  assert_int_equal(r.status, 0);
  assert_int_equal(rows_of(r.out), 1);
  assert_non_null(strstr(r.out, "n,m"));
  assert_non_null(strstr(r.out, "\n0,"));
  /* With GROUP BY there is no group, so no row. */
  assert_int_equal(grouped.status, 0);
  assert_int_equal(rows_of(grouped.out), 0);
  assert_int_equal(named.status, 0);
  assert_int_equal(rows_of(named.out), 1);
  test_result_release(&r);
  test_result_release(&grouped);
  test_result_release(&named);
}

static void test_separator_refused(void **state)
{
  test_result r = query("two.ttl", "SELECT (GROUP_CONCAT(?t; separator=\"|\")"
                        " AS ?g) WHERE { ?s a ?t }");

  (void)state;
  assert_int_equal(r.status, 1);
  assert_non_null(strstr(r.err, "GROUP_CONCAT"));
  assert_non_null(strstr(r.err, "SPARQL 1.1 server"));
  test_result_release(&r);
}

/* Each construct rasqal 0.9.33 cannot parse or answers wrongly is
 * refused before it runs, by name, with the way out. */
static void test_refusals_name_the_construct(void **state)
{
  static const char *const cases[][2] = {
    {"SELECT * WHERE { ?s <http://x/a>/<http://x/b> ?o }", "path"},
    {"SELECT * WHERE { ?s ^<http://x/a> ?o }", "path"},
    {"SELECT * WHERE { ?s a ?o FILTER NOT EXISTS { ?s a ?o } }", "EXISTS"},
    {"SELECT ?x WHERE { ?s a ?x VALUES ?x { } }", "VALUES"},
    {"SELECT ?x WHERE { VALUES ?x { 1 } ?s a ?x }", "VALUES"},
    {"SELECT ?x WHERE { ?s a ?x } VALUES ?x { 1 }", "VALUES"},
    {"SELECT ?s WHERE { ?s a ?t VALUES ?x { 1 } }", "VALUES"},
    {"SELECT ?n WHERE { { SELECT (COUNT(*) AS ?n) WHERE { ?s a ?t } } }",
     "subquery"},
    {"SELECT (CONCAT(STR(?s), \"x\") AS ?c) WHERE { ?s a ?t }", "CONCAT"},
    {"SELECT (UCASE(?t) AS ?u) WHERE { ?s a ?t }", "UCASE"},
    {"SELECT (IRI(\"http://x/\") AS ?u) WHERE { ?s a ?t }", "IRI"},
    {"SELECT (COUNT(?s) AS ?n) (COUNT(DISTINCT ?t) AS ?d) WHERE { ?s a ?t }",
     "DISTINCT"},
    {"SELECT ?t WHERE { ?s a ?t } GROUP BY ?t HAVING (COUNT(?s) > 1)",
     "HAVING"},
    /* rasqal loops on a REPLACE whose pattern matches no characters. */
    {"SELECT (REPLACE(\"aaa\", \"x*\", \"y\") AS ?r) WHERE {}", "REPLACE"},
    {"SELECT (REPLACE(STR(?s), '^', 'y') AS ?r) WHERE { ?s a ?t }",
     "REPLACE"},
    {"SELECT (replace(\"ab\", \"\\\\b\", \"-\", \"i\") AS ?r) WHERE {}",
     "REPLACE"},
  };

  (void)state;
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    test_result r = query("two.ttl", cases[i][0]);
    if (r.status != 1 || !strstr(r.err, cases[i][1]) ||
        !strstr(r.err, "--endpoint"))
      fail_msg("%s: status %d, %s", cases[i][0], r.status, r.err);
    assert_string_equal(r.out, "");
    test_result_release(&r);
  }
}

/* A REPLACE whose pattern always takes a character runs, and replaces. */
static void test_replace_that_moves_runs(void **state)
{
  test_result r = query("two.ttl", "SELECT (REPLACE(\"a,b,c\", \",+\", "
                        "\";\") AS ?r) (REPLACE(\"abc\", \"C$\", \"-\", \"i\") "
                        "AS ?q) WHERE {}");

  (void)state;
  assert_int_equal(r.status, 0);
  assert_non_null(strstr(r.out, "a;b;c,ab-"));
  test_result_release(&r);
}

/* Words and signs in strings, IRIs and comments are no SPARQL: nothing
 * there is refused. */
static void test_quoted_constructs_not_refused(void **state)
{
  test_result r = query("two.ttl", "# MINUS, a/b, VALUES ?x {}\n"
                        "SELECT (STRLEN(\"EXISTS a/b ^c\") AS ?n) WHERE { "
                        "?s a <http://x/a/b> } ");

  (void)state;
  assert_int_equal(r.status, 0);
  test_result_release(&r);
}

/* rasqal reads "10-3" as 10 and -3 and adds them: the sign is spaced
 * from the number before the query is parsed. */
static void test_glued_minus_subtracts(void **state)
{
  test_result r = query("two.ttl", "SELECT (10-3 AS ?a) (?n-1 AS ?b) "
                        "(2+2 AS ?c) (1e-1 AS ?d) WHERE { BIND(5 AS ?n) }");

  (void)state;
  assert_int_equal(r.status, 0);
  assert_non_null(strstr(r.out, "7,4,4,"));
  test_result_release(&r);
}

/* SPARQL 1.1 JSON results leave an unbound variable out of its row
 * (rasqal writes it as type "unbound"), and still parse. */
static void test_json_leaves_unbound_out(void **state)
{
  char *d = path_in("two.ttl");
  test_result r = test_run((const char *[]){"query", "-r", "json", "--data",
                                            d, PREFIXES "SELECT ?f ?none ?m "
                                            "WHERE { ?f a kgo:JobCut ; "
                                            "prov:wasDerivedFrom ?m OPTIONAL "
                                            "{ ?f kgo:none ?none } }", NULL},
                           NULL);

  (void)state;
  assert_int_equal(r.status, 0);
  assert_null(strstr(r.out, "unbound"));
  assert_non_null(strstr(r.out, "\"f\""));
  assert_non_null(strstr(r.out, "\"m\""));
  assert_null(strstr(r.out, ",\n      }"));   /* no comma left hanging */
  test_result_release(&r);
  free(d);
}

static void test_describe(void **state)
{
  char *d = path_in("two.ttl"), *out = path_in("described.ttl"), *cmd, *ans;
  test_result r = test_run((const char *[]){"query", "--data", d, PREFIXES
                                            "DESCRIBE ?f WHERE { ?f a "
                                            "kgo:JobCut }", NULL}, NULL);

  (void)state;
  assert_int_equal(r.status, 0);
  test_write_file(out, r.out, strlen(r.out));
  /* Every triple is about the cut, and its type and sources are there. */
  assert_true(asprintf(&cmd, "/usr/bin/python3 -c 'import rdflib,sys; "
                       "g=rdflib.Graph(); g.parse(sys.argv[1]); "
                       "print(len(set(g.subjects())), len(g))' %s", out) > 0);
  ans = test_capture(cmd);
  assert_non_null(ans);
  assert_int_equal(strtol(ans, NULL, 10), 1);
  assert_true(strtol(strchr(ans, ' ') + 1, NULL, 10) >= 4);
  assert_non_null(strstr(r.out, "kgo:JobCut"));
  free(ans);
  free(cmd);
  test_result_release(&r);
  free(out);
  free(d);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_union_keeps_own_figure),
    cmocka_unit_test(test_optional_keeps_own_figure),
    cmocka_unit_test(test_crash_is_an_error),
    cmocka_unit_test(test_wall_time_bound),
    cmocka_unit_test(test_cpu_bound),
    cmocka_unit_test(test_bad_bound_is_usage),
    cmocka_unit_test(test_no_network),
    cmocka_unit_test(test_several_files_are_one_graph),
    cmocka_unit_test(test_same_file_twice_counts_once),
    cmocka_unit_test(test_nquads_read_as_union),
    cmocka_unit_test(test_jsonld_read_as_turtle),
    cmocka_unit_test(test_jsonld_beyond_prefixes_refused),
    cmocka_unit_test(test_broken_file_fails),
    cmocka_unit_test(test_count_over_nothing),
    cmocka_unit_test(test_separator_refused),
    cmocka_unit_test(test_refusals_name_the_construct),
    cmocka_unit_test(test_replace_that_moves_runs),
    cmocka_unit_test(test_quoted_constructs_not_refused),
    cmocka_unit_test(test_glued_minus_subtracts),
    cmocka_unit_test(test_json_leaves_unbound_out),
    cmocka_unit_test(test_describe),
  };

  return cmocka_run_group_tests(tests, setup, teardown);
}
