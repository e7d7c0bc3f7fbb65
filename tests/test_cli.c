/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_cli.c - the kgbuild program as users run it: options, exit
 * statuses, messages, inputs, formats, and Turtle other tools accept. */
#define _DEFAULT_SOURCE
#include "test_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void test_help_and_version(void **state)
{
  test_result r = test_run((const char *[]){"--help", NULL}, NULL);

  (void)state;
  assert_int_equal(r.status, 0);
  assert_non_null(strstr(r.out, "Usage: kgbuild"));
  assert_non_null(strstr(r.out, "extract"));
  test_result_release(&r);
  /* Options before the inputs are still extract's, --help among them. */
  r = test_run((const char *[]){"-f", "ntriples", "--help", NULL}, NULL);
  assert_int_equal(r.status, 0);
  assert_non_null(strstr(r.out, "--format"));
  test_result_release(&r);
  r = test_run((const char *[]){"-V", NULL}, NULL);
  assert_int_equal(r.status, 0);
  assert_non_null(strstr(r.out, "kgbuild "));
  test_result_release(&r);
}

static void check_usage_error(const char *const *args, const char *needle)
{
  test_result r = test_run(args, NULL);

  assert_int_equal(r.status, 2);
  if (!strstr(r.err, needle))
    fail_msg("stderr '%s' lacks '%s'", r.err, needle);
  assert_string_equal(r.out, "");
  test_result_release(&r);
}

static void test_usage_errors(void **state)
{
  (void)state;
  check_usage_error((const char *[]){NULL}, "no input");
  check_usage_error((const char *[]){"--bogus", "x.txt", NULL}, "--bogus");
  check_usage_error((const char *[]){"-f", "yaml", "-", NULL}, "yaml");
  check_usage_error((const char *[]){"--lang", "de", "-", NULL}, "de");
  check_usage_error((const char *[]){"--base", "not an iri", "-", NULL},
                    "not an iri");
  check_usage_error((const char *[]){"-o", NULL}, "-o");
  check_usage_error((const char *[]){"tag", "x.conll", NULL}, "-m MODEL");
  check_usage_error((const char *[]){"tag", "-m", "m", "--lang", "de",
                                     "x.conll", NULL}, "en or fr");
  check_usage_error((const char *[]){"tag", "-m", "m", NULL}, "files");
}

static void test_missing_input_named(void **state)
{
  test_result r = test_run((const char *[]){"/nonexistent/article.txt", NULL}, NULL);

  (void)state;
  assert_int_equal(r.status, 1);
  assert_non_null(strstr(r.err, "/nonexistent/article.txt"));
  test_result_release(&r);
}

/* A bad input among good ones: exit 1, yet the graph of the good one. */
static void test_partial_failure_keeps_graph(void **state)
{
  test_result r = test_run((const char *[]){"-f", "ntriples", "-", "/nonexistent.txt",
                                      NULL},
                     "Orvia will invest 3 million euros in Italy.\n");

  (void)state;
  assert_int_equal(r.status, 1);
  assert_non_null(strstr(r.out, "Investment>"));
  assert_non_null(strstr(r.err, "/nonexistent.txt"));
  test_result_release(&r);
}

static void test_stdin_source(void **state)
{
  test_result r = test_run((const char *[]){"-", NULL},
                     "Orvia will invest 3 million euros in Italy.\n");

  (void)state;
  assert_int_equal(r.status, 0);
  assert_non_null(strstr(r.out, "\"<stdin>\""));
  assert_true(test_raptor_count(r.out, "turtle") > 10);
  test_result_release(&r);
}

static void test_examples_parse_everywhere(void **state)
{
  char *dir = test_src_path("examples");
  test_result r = test_run((const char *[]){dir, NULL}, NULL);
  char tmp[] = "/tmp/kgb-examples-XXXXXX";
  int fd = mkstemp(tmp);
  char cmd[512];

  (void)state;
  assert_int_equal(r.status, 0);
  assert_true(test_raptor_count(r.out, "turtle") > 50);
  assert_non_null(strstr(r.out, "kgo:Investment"));
  assert_true(write(fd, r.out, strlen(r.out)) == (ssize_t)strlen(r.out));
  close(fd);
  /* rdflib is an independent parser; the test command installs it. */
  snprintf(cmd, sizeof cmd,
           "/usr/bin/python3 -c 'import rdflib,sys; g=rdflib.Graph(); "
           "g.parse(sys.argv[1], format=\"turtle\"); assert len(g) > 50' %s",
           tmp);
  assert_int_equal(test_sh(cmd), 0);
  unlink(tmp);
  test_result_release(&r);
  free(dir);
}

static void test_formats_and_determinism(void **state)
{
  static const struct {
    const char *format, *syntax;
  } formats[] = {{"turtle", "turtle"}, {"ntriples", "ntriples"},
                 {"nquads", "nquads"}, {"rdfxml", "rdfxml"},
                 {"json", "json"},     {"dot", NULL}};
  char *dir = test_src_path("examples");

  (void)state;
  for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
    test_result a = test_run((const char *[]){"-f", formats[i].format, dir, NULL},
                       NULL);
    test_result b = test_run((const char *[]){"-f", formats[i].format, dir, NULL},
                       NULL);
    assert_int_equal(a.status, 0);
    assert_string_equal(a.out, b.out);
    if (formats[i].syntax)
      assert_true(test_raptor_count(a.out, formats[i].syntax) > 50);
    else
      assert_non_null(strstr(a.out, "digraph"));
    test_result_release(&a);
    test_result_release(&b);
  }
  free(dir);
}

static void test_output_file(void **state)
{
  char dir[] = "/tmp/kgb-out-XXXXXX";
  char path[256], cmd[512];
  test_result r;
  char *text;

  (void)state;
  assert_non_null(mkdtemp(dir));
  snprintf(path, sizeof path, "%s/graph.ttl", dir);
  r = test_run((const char *[]){"-o", path, "-", NULL},
          "Orvia va investir 3 millions d'euros en Italie.\n");
  assert_int_equal(r.status, 0);
  assert_string_equal(r.out, "");
  text = test_read_file(path, NULL);
  assert_non_null(text);
  {
    /* A new file's usual mode, not the private one of a temporary. */
    struct stat st;
    mode_t mask = umask(0);
    umask(mask);
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0666 & ~mask);
  }
  assert_true(test_raptor_count(text, "turtle") > 10);
  free(text);
  test_result_release(&r);
  /* Only graph.ttl is left: no temporary file behind. */
  snprintf(cmd, sizeof cmd, "test $(ls %s | wc -l) -eq 1 && rm -r %s", dir,
           dir);
  assert_int_equal(test_sh(cmd), 0);
}

static void test_base_option(void **state)
{
  test_result r = test_run((const char *[]){"--base", "http://example.org/kg/", "-f",
                                      "ntriples", "-", NULL},
                     "Orvia will invest 3 million euros in Italy.\n");

  (void)state;
  assert_int_equal(r.status, 0);
  assert_non_null(strstr(r.out, "<http://example.org/kg/organization/orvia>"));
  assert_null(strstr(r.out, "w3id.org/kgbuild/resource"));
  test_result_release(&r);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_help_and_version),
    cmocka_unit_test(test_usage_errors),
    cmocka_unit_test(test_missing_input_named),
    cmocka_unit_test(test_partial_failure_keeps_graph),
    cmocka_unit_test(test_stdin_source),
    cmocka_unit_test(test_examples_parse_everywhere),
    cmocka_unit_test(test_formats_and_determinism),
    cmocka_unit_test(test_output_file),
    cmocka_unit_test(test_base_option),
  };

  return cmocka_run_group_tests(tests, NULL, NULL);
}
