/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_parallel.c - `-j N`: worker processes give the output one process
 * gives, byte for byte; and the library's parts, which carry a document
 * from a worker's graph to the parent's. */
#define _DEFAULT_SOURCE
#include "test_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static kgb_world *world;

/* Three articles of our own, and an entity (Brennholt) named in two. */
static const char *const texts[] = {
  "Brennholt Industries to invest 800 million euros in Portugal\n\n"
  "Brennholt Industries said on Tuesday it would invest 800 million euros "
  "in a new plant near Porto, creating 1,200 jobs. \"Portugal gives us "
  "skilled engineers,\" said Marta Quintela, Brennholt's country manager "
  "for Portugal.\n",
  "Le groupe Valmorin va supprimer 350 postes en Bretagne\n\n"
  "Le groupe Valmorin va supprimer 350 postes dans son usine de Lorient, "
  "a annoncé jeudi son directeur général, Paul Agnelet.\n",
  "Ostwind Logistics buys Brennholt's rail unit for $95 million\n\n"
  "Ostwind Logistics agreed to buy the rail unit of Brennholt Industries "
  "for $95 million, the companies said.\n",
};
enum { N_TEXTS = sizeof texts / sizeof *texts };

/* The graph of TEXTS made as a parent makes it from workers' parts: each
 * document through a worker graph of its own (worker K takes K, K+2...). */
static char *graph_from_parts(const char *format, size_t workers)
{
  kgb_graph *parent = NULL, *w[2] = {NULL, NULL};
  char *out = NULL, source[32];
  size_t len = 0;
  FILE *f = open_memstream(&out, &len);

  assert_true(workers <= 2);
  assert_int_equal(kgb_graph_new(world, &parent), KGB_OK);
  assert_int_equal(kgb_graph_set_output(parent, format, f), KGB_OK);
  for (size_t k = 0; k < workers; k++) {
    assert_int_equal(kgb_graph_new(world, &w[k]), KGB_OK);
    assert_int_equal(kgb_graph_set_output_parts(w[k], format), KGB_OK);
  }
  for (size_t i = 0; i < N_TEXTS; i++) {
    kgb_document *doc = NULL;
    kgb_factset *facts = NULL;
    char *part = NULL;
    size_t part_len = 0;
    snprintf(source, sizeof source, "doc-%zu", i + 1);
    assert_int_equal(kgb_document_new_from_buffer(world, source, texts[i],
                                                  strlen(texts[i]), &doc),
                     KGB_OK);
    assert_int_equal(kgb_extract(world, doc, &facts), KGB_OK);
    assert_int_equal(kgb_graph_add(w[i % workers], doc, facts), KGB_OK);
    assert_int_equal(kgb_graph_take_part(w[i % workers], &part, &part_len),
                     KGB_OK);
    assert_true(part_len > 0);
    assert_int_equal(kgb_graph_add_part(parent, part, part_len), KGB_OK);
    free(part);
    kgb_factset_free(facts);
    kgb_document_free(doc);
  }
  assert_int_equal(kgb_graph_finish(parent), KGB_OK);
  fclose(f);
  for (size_t k = 0; k < workers; k++)
    kgb_graph_free(w[k]);
  kgb_graph_free(parent);
  return out;
}

static void test_parts_make_the_same_graph(void **state)
{
  static const char *const formats[] = {"ntriples", "nquads", "turtle"};

  (void)state;
  for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
    char *one = test_graph_of(world, texts, N_TEXTS, formats[i]);
    for (size_t workers = 1; workers <= 2; workers++) {
      char *parts = graph_from_parts(formats[i], workers);
      assert_string_equal(parts, one);
      free(parts);
    }
    /* The entity named in two documents has one label (its key drops
     * "Industries", which only restates the firm). */
    if (strcmp(formats[i], "ntriples") == 0)
      assert_int_equal(test_count_lines(one, "organization/brennholt>",
                                        "rdf-schema#label"), 1);
    free(one);
  }
}

static void test_damaged_part_is_refused(void **state)
{
  kgb_graph *w = NULL, *parent = NULL;
  kgb_document *doc = NULL;
  kgb_factset *facts = NULL;
  char *part = NULL, *out = NULL;
  size_t part_len = 0, out_len = 0;
  FILE *f = open_memstream(&out, &out_len);

  (void)state;
  assert_int_equal(kgb_graph_new(world, &w), KGB_OK);
  assert_int_equal(kgb_graph_new(world, &parent), KGB_OK);
  /* Parts go only to a graph that has its output. */
  assert_int_equal(kgb_graph_add_part(parent, "KGBP", 4), KGB_EINVAL);
  assert_int_equal(kgb_graph_set_output_parts(w, "ntriples"), KGB_OK);
  assert_int_equal(kgb_graph_set_output(parent, "ntriples", f), KGB_OK);
  assert_int_equal(kgb_document_new_from_buffer(world, "doc-1", texts[0],
                                                strlen(texts[0]), &doc),
                   KGB_OK);
  assert_int_equal(kgb_extract(world, doc, &facts), KGB_OK);
  assert_int_equal(kgb_graph_add(w, doc, facts), KGB_OK);
  assert_int_equal(kgb_graph_take_part(w, &part, &part_len), KGB_OK);
  /* Cut inside its head or its last name, or with a wrong mark, a part
   * is damaged. */
  {
    const size_t cuts[] = {1, 3, 4, 11, 20, part_len - 1};
    for (size_t c = 0; c < sizeof cuts / sizeof *cuts; c++)
      assert_int_equal(kgb_graph_add_part(parent, part, cuts[c]), KGB_EPARSE);
  }
  part[0] = 'X';
  assert_int_equal(kgb_graph_add_part(parent, part, part_len), KGB_EPARSE);
  part[0] = 'K';
  assert_int_equal(kgb_graph_add_part(parent, part, part_len), KGB_OK);
  /* A graph writing to a file keeps no parts to take. */
  assert_int_equal(kgb_graph_take_part(parent, &out, &out_len), KGB_EINVAL);
  free(part);
  kgb_factset_free(facts);
  kgb_document_free(doc);
  kgb_graph_free(w);
  kgb_graph_free(parent);
  fclose(f);
  free(out);
}

/* The program: -j 1, 2 and 3 over the examples and the corpus. */
static void test_jobs_give_the_same_bytes(void **state)
{
  static const char *const formats[] = {"ntriples", "nquads", "turtle"};
  char *examples = test_src_path("examples"), *corpus =
                                                  test_src_path("tests/corpus");

  (void)state;
  for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
    test_result one = test_run((const char *[]){"-f", formats[i], "--mentions",
                                                examples, corpus, NULL},
                               NULL);
    assert_int_equal(one.status, 0);
    assert_true(strlen(one.out) > 10000);
    for (const char *j = "2"; j; j = strcmp(j, "2") == 0 ? "3" : NULL) {
      test_result many =
          test_run((const char *[]){"-j", j, "-f", formats[i], "--mentions",
                                    examples, corpus, NULL},
                   NULL);
      assert_int_equal(many.status, 0);
      if (strcmp(many.out, one.out) != 0)
        fail_msg("-j %s -f %s differs from -j 1", j, formats[i]);
      test_result_release(&many);
    }
    test_result_release(&one);
  }
  free(examples);
  free(corpus);
}

/* A missing input among others: both ways exit 1, name it, and write
 * the same graph of the rest; -v lists the documents in input order. */
static void test_jobs_with_a_bad_input(void **state)
{
  char *examples = test_src_path("examples");
  const char *missing = "/nonexistent/kgb-article.txt";
  test_result one = test_run((const char *[]){"-v", "-f", "ntriples", missing,
                                              examples, NULL},
                             NULL);
  test_result two = test_run((const char *[]){"-v", "-j", "2", "-f",
                                              "ntriples", missing, examples,
                                              NULL},
                             NULL);
  const char *a, *b;

  (void)state;
  assert_int_equal(one.status, 1);
  assert_int_equal(two.status, 1);
  assert_string_equal(one.out, two.out);
  assert_true(strlen(one.out) > 1000);
  assert_non_null(strstr(two.err, missing));
  /* Document lines come in the inputs' order, then the summary. */
  a = strstr(two.err, "en-acme-spain.txt:");
  b = strstr(two.err, "fr-biolys.txt:");
  assert_non_null(a);
  assert_non_null(b);
  assert_true(a < b);
  assert_non_null(strstr(two.err, " documents (1 could not be read), "));
  assert_non_null(strstr(two.err, " facts in "));
  test_result_release(&one);
  test_result_release(&two);
  free(examples);
}

static void test_jobs_usage(void **state)
{
  static const char *const bad[] = {"x", "-1", "65", ""};
  char *examples = test_src_path("examples");
  test_result r;

  (void)state;
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    r = test_run((const char *[]){"-j", bad[i], examples, NULL}, NULL);
    assert_int_equal(r.status, 2);
    assert_non_null(strstr(r.err, "-j needs a number"));
    test_result_release(&r);
  }
  r = test_run((const char *[]){"load", "-j", "2", "--store", "memory:",
                                examples, NULL},
               NULL);
  assert_int_equal(r.status, 2);
  assert_non_null(strstr(r.err, "-j goes with extract and publish"));
  test_result_release(&r);
  /* 0: one per processor; more workers than inputs is no error. */
  r = test_run((const char *[]){"-j", "0", "-q", examples, NULL}, NULL);
  assert_int_equal(r.status, 0);
  assert_string_equal(r.err, "");
  test_result_release(&r);
  r = test_run((const char *[]){"-j", "64", "-q", "-", NULL},
               "Brennholt Industries will cut 40 jobs in Leeds.\n");
  assert_int_equal(r.status, 0);
  assert_non_null(strstr(r.out, "Brennholt"));
  test_result_release(&r);
  free(examples);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_parts_make_the_same_graph),
    cmocka_unit_test(test_damaged_part_is_refused),
    cmocka_unit_test(test_jobs_give_the_same_bytes),
    cmocka_unit_test(test_jobs_with_a_bad_input),
    cmocka_unit_test(test_jobs_usage),
  };

  return TEST_MAIN_WITH_WORLD(tests, world);
}
