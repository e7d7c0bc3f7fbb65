/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_pairs.c - the relation classifier: the features of a pair of
 * mentions, training on pairs (`kgbuild train pairs`), classifying them
 * back (`kgbuild tag --pairs`), bad pair files named by file and line,
 * and the classifier in extraction: a model trained on invented
 * sentences states what no pattern reads, with the confidence its
 * pairs.tsv gives, and nothing without the model or without its table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kgb_tagger.h"
#include "test_util.h"

/* A firm's seat and a boss said in words no pattern knows ("whose head
 * office sits in", "who steers"), against near misses. */
static const char training[] =
  "basedIn\tORG 0 2\tLOC 8 9\t-\tVelmora Corp , whose head office sits in "
  "Lyon , hires .\n"
  "none\tORG 0 2\tLOC 6 7\t-\tVelmora Corp sold trucks to buyers in Lyon .\n"
  "basedIn\tORG 0 2\tLOC 8 9\t-\tQuintal Ltd , whose head office sits in "
  "Nantes , grows .\n"
  "none\tORG 0 2\tLOC 6 7\t-\tQuintal Ltd shipped parts to clients in "
  "Nantes .\n"
  "managerOf\tPER 0 2\tORG 5 7\t-\tAnna Berg , who steers Velmora Corp , "
  "spoke .\n"
  "none\tPER 0 2\tORG 5 7\t-\tAnna Berg , who visited Velmora Corp , "
  "spoke .\n"
  "managerOf\tPER 0 2\tORG 5 7\t-\tPaul Roux , who steers Quintal Ltd , "
  "agreed .\n"
  "none\tPER 0 2\tORG 5 7\t-\tPaul Roux , who praised Quintal Ltd , "
  "agreed .\n";

static const char text[] = "Zorvex Inc, whose head office sits in Bordeaux, "
                           "hires. Marie Lenoir, who steers Zorvex Inc, "
                           "spoke.";

static char *model_dir, *model, *table, *train_file;

static int setup(void **state)
{
  const char *const args[] = {"train", "pairs", "--epochs", "10", "-o",
                              NULL, NULL, NULL};
  const char **a = (const char **)args;
  char cmd[512];
  test_result r;
  int rc = test_tmpdir_make(state);

  if (rc)
    return rc;
  model_dir = test_tmpdir_path("models");
  model = test_tmpdir_path("models/en/pairs.kgbtag");
  table = test_tmpdir_path("models/en/pairs.tsv");
  train_file = test_tmpdir_path("pairs.tsv");
  snprintf(cmd, sizeof cmd, "mkdir -p '%s/en'", model_dir);
  if (test_sh(cmd) != 0)
    return -1;
  test_write_file(train_file, training, strlen(training));
  test_write_file(table, "basedIn\t0\t0.9\nmanagerOf\t0\t0.75\n", 31);
  a[5] = model;
  a[6] = train_file;
  r = test_run(args, NULL);
  rc = r.status == 0 ? 0 : -1;
  if (rc)
    fprintf(stderr, "train failed: %s\n", r.err);
  test_result_release(&r);
  setenv("KGBUILD_NO_MODELS", "0", 1);
  return rc;
}

static int teardown(void **state)
{
  free(model_dir);
  free(model);
  free(table);
  free(train_file);
  return test_tmpdir_remove(state);
}

/* The hashes of pair P's features over WORDS. */
static int features(const char *const *words, size_t n, const kgb_pair *p,
                    kgb_featseq *seq)
{
  kgb_featseq_init(seq);
  return kgb_pair_features(words, n, p, seq);
}

static void test_features_need_two_spans_apart(void **state)
{
  const char *const w[] = {"acme", "of", "lyon", "."};
  kgb_pair overlap = {0, 2, 1, 3, "ORG", "LOC", ""};
  kgb_pair outside = {0, 1, 3, 5, "ORG", "LOC", ""};
  kgb_pair empty = {1, 1, 2, 3, "ORG", "LOC", ""};
  kgb_featseq seq;

  (void)state;
  assert_int_equal(features(w, 4, &overlap, &seq), KGB_EINVAL);
  kgb_featseq_release(&seq);
  assert_int_equal(features(w, 4, &outside, &seq), KGB_EINVAL);
  kgb_featseq_release(&seq);
  assert_int_equal(features(w, 4, &empty, &seq), KGB_EINVAL);
  kgb_featseq_release(&seq);
}

/* Pair features are hashed in pieces; they must be the hashes of the
 * joined strings the model was trained on ("ORG<ORG|bs" and the whole
 * gap ", a unit of"), or a trained model would read other features. */
static void test_features_hash_the_joined_strings(void **state)
{
  const char *const w[] = {"acme", ",", "a", "unit", "of", "halvane"};
  kgb_pair p = {0, 1, 5, 6, "ORG", "ORG", ""};
  const char *const want[][2] = {{"ORG<ORG|bs", ", a unit of"},
                                 {"ORG<ORG|bb", "unit of"},
                                 {"ORG<ORG|bw", "a"},
                                 {"ORG<ORG|gap", "4"},
                                 {"ORG<ORG|bias", ""}};
  kgb_featseq seq;

  (void)state;
  assert_int_equal(features(w, 6, &p, &seq), KGB_OK);
  for (size_t k = 0; k < sizeof want / sizeof *want; k++) {
    uint64_t h = kgb_feature_hash(want[k][0], want[k][1], strlen(want[k][1]));
    size_t i = 0;
    while (i < seq.n_feats && seq.feats[i] != h)
      i++;
    assert_true(i < seq.n_feats);
  }
  kgb_featseq_release(&seq);
}

/* Which of the two comes first, and the names between, change the
 * features: "Lyon, France" is not "France, Lyon". */
static void test_features_see_order_and_names_between(void **state)
{
  const char *const w[] = {"lyon", ",", "france"};
  kgb_pair ab = {0, 1, 2, 3, "LOC", "LOC", ""};
  kgb_pair ba = {2, 3, 0, 1, "LOC", "LOC", ""};
  kgb_pair named = {0, 1, 2, 3, "LOC", "LOC", "ORG"};
  kgb_featseq x, y, z;

  (void)state;
  assert_int_equal(features(w, 3, &ab, &x), KGB_OK);
  assert_int_equal(features(w, 3, &ba, &y), KGB_OK);
  assert_int_equal(features(w, 3, &named, &z), KGB_OK);
  assert_int_equal(x.n_tokens, 1);
  assert_true(x.n_feats > 5);
  assert_int_equal(x.n_feats, z.n_feats);
  assert_true(memcmp(x.feats, y.feats, x.n_feats * sizeof *x.feats) != 0);
  assert_true(memcmp(x.feats, z.feats, x.n_feats * sizeof *x.feats) != 0);
  kgb_featseq_release(&x);
  kgb_featseq_release(&y);
  kgb_featseq_release(&z);
}

static void test_classifies_its_training_pairs(void **state)
{
  const char *const args[] = {"tag", "--pairs", "-m", model, train_file,
                              NULL};
  test_result r = test_run(args, NULL);

  (void)state;
  assert_int_equal(r.status, 0);
  assert_int_equal(test_count_lines(r.out, "\t", NULL), 8);
  assert_int_equal(test_count_lines(r.out, "basedIn\tbasedIn\t", NULL), 2);
  assert_int_equal(test_count_lines(r.out, "managerOf\tmanagerOf\t", NULL),
                   2);
  assert_int_equal(test_count_lines(r.out, "none\tnone\t0.000", NULL), 4);
  test_result_release(&r);
}

static void test_bad_pair_lines_are_named(void **state)
{
  static const char *const bad[] = {
    "basedIn\tORG 2 1\tLOC 3 4\t-\ta b c d e\n",       /* END before FIRST */
    "basedIn\tORG 0 1\tLOC 3 4\ta b c d e\n",          /* a field short */
    "basedIn\tORG 0 1\tLOC 3 9\t-\ta b c d e\n",       /* past the words */
    "basedIn\tORG 0 2\tLOC 1 3\t-\ta b c d e\n",       /* overlapping */
  };
  char *file = test_tmpdir_path("bad.tsv"), *out = test_tmpdir_path("m");

  (void)state;
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    char where[600];
    const char *const args[] = {"train", "pairs", "-o", out, file, NULL};
    test_result r;
    test_write_file(file, "# a comment\n", 12);
    FILE *f = fopen(file, "a");
    assert_non_null(f);
    fputs(bad[i], f);
    fclose(f);
    r = test_run(args, NULL);
    assert_int_equal(r.status, 1);
    snprintf(where, sizeof where, "%s:2:", file);
    assert_non_null(strstr(r.err, where));
    test_result_release(&r);
  }
  free(file);
  free(out);
}

/* A class of the dev file the training data never had is an error:
 * the model could never give it. */
static void test_dev_class_must_be_trained(void **state)
{
  char *dev = test_tmpdir_path("dev.tsv"), *out = test_tmpdir_path("m2");
  static const char line[] = "ownerOf\tORG 0 1\tLOC 2 3\t-\ta b c\n";
  const char *const args[] = {"train", "pairs", "--dev", dev, "-o", out,
                              train_file, NULL};
  test_result r;

  (void)state;
  test_write_file(dev, line, strlen(line));
  r = test_run(args, NULL);
  assert_int_equal(r.status, 1);
  assert_non_null(strstr(r.err, "ownerOf"));
  test_result_release(&r);
  free(dev);
  free(out);
}

static test_result extract(const char *dir, int no_models)
{
  const char *const args[] = {"--lang", "en", "--model-dir", dir, "-f",
                              "ntriples", "-", NULL};
  const char *const off[] = {"--lang", "en", "--no-models", "-f",
                             "ntriples", "-", NULL};
  return test_run(no_models ? off : args, text);
}

static void test_extraction_states_classified_pairs(void **state)
{
  test_result r = extract(model_dir, 0);

  (void)state;
  assert_int_equal(r.status, 0);
  assert_int_equal(test_count_lines(r.out, "organization/zorvex> ",
                                    "#basedIn> <"), 1);
  assert_int_equal(test_count_lines(r.out, "person/marie-lenoir> ",
                                    "#managerOf> <"), 1);
  assert_int_equal(test_count_lines(r.out, "\"pair-basedIn\"", NULL), 1);
  /* The confidence is the table's. */
  assert_true(test_count_lines(r.out, "#confidence> \"0.9\"^^", NULL) > 0);
  assert_true(test_count_lines(r.out, "#confidence> \"0.75\"^^", NULL) > 0);
  test_result_release(&r);
  r = extract(NULL, 1);
  assert_int_equal(r.status, 0);
  assert_int_equal(test_count_lines(r.out, "#basedIn> <", NULL), 0);
  assert_int_equal(test_count_lines(r.out, "#managerOf> <", NULL), 0);
  test_result_release(&r);
}

/* Without its table a classifier would state every class at any
 * margin: it is an error naming the file. */
static void test_model_needs_its_table(void **state)
{
  char *dir = test_tmpdir_path("notable"), cmd[1024];
  test_result r;

  (void)state;
  snprintf(cmd, sizeof cmd, "mkdir -p '%s/en' && cp '%s' '%s/en/'", dir,
           model, dir);
  assert_int_equal(test_sh(cmd), 0);
  r = extract(dir, 0);
  assert_int_equal(r.status, 1);
  assert_non_null(strstr(r.err, "pairs.tsv"));
  test_result_release(&r);
  snprintf(cmd, sizeof cmd, "printf 'ownerOf\\t1\\t0.5\\n' > '%s/en/pairs.tsv'",
           dir);
  assert_int_equal(test_sh(cmd), 0);
  r = extract(dir, 0);
  assert_int_equal(r.status, 1);
  assert_non_null(strstr(r.err, "pairs.tsv:1: 'ownerOf'"));
  test_result_release(&r);
  free(dir);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_features_need_two_spans_apart),
    cmocka_unit_test(test_features_hash_the_joined_strings),
    cmocka_unit_test(test_features_see_order_and_names_between),
    cmocka_unit_test(test_classifies_its_training_pairs),
    cmocka_unit_test(test_bad_pair_lines_are_named),
    cmocka_unit_test(test_dev_class_must_be_trained),
    cmocka_unit_test(test_extraction_states_classified_pairs),
    cmocka_unit_test(test_model_needs_its_table),
  };
  return cmocka_run_group_tests_name("pairs", tests, setup, teardown);
}
