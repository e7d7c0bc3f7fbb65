/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_ner_model.c - the entity tagger in the pipeline: a model trained
 * on invented sentences decides which words are names (a name in lower
 * case, which no rule takes for one); --no-models gives the rules back;
 * a missing model folder or a damaged model is an error naming it; the
 * rules cut names the model runs together, join a name to the legal
 * form it tagged apart, and type a name after a noun only firms are
 * called or after a title and "de"; and
 * `kgbuild tag` prints the model's tags beside the gold ones. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_util.h"

/* "velmora" is a firm, written in lower case as some brands are; rules
 * look for capitals and cannot find it. */
static const char training[] =
  "# doc: a\n"
  "velmora\tU-ORG\nouvre\tO\nune\tO\nusine\tO\nà\tO\nLyon\tU-LOC\n.\tO\n\n"
  "# doc: b\n"
  "Le\tO\ngroupe\tO\nvelmora\tU-ORG\nembauche\tO\n.\tO\n\n"
  "# doc: c\n"
  "Marc\tB-PER\nDorval\tL-PER\ndirige\tO\nvelmora\tU-ORG\n.\tO\n\n"
  "# doc: d\n"
  "La\tO\nville\tO\nde\tO\nLyon\tU-LOC\nrecrute\tO\n.\tO\n\n";

static const char text[] = "velmora ouvre une usine à Lyon.";

static char *model_dir, *train_file;

static int setup(void **state)
{
  char *fr, *model;
  int rc = test_tmpdir_make(state);
  const char *const args[] = {"train", "ner", "--lang", "fr", "--epochs",
                              "5", "-o", NULL, NULL, NULL};
  const char **a = (const char **)args;

  if (rc)
    return rc;
  model_dir = test_tmpdir_path("models");
  fr = test_tmpdir_path("models/fr");
  model = test_tmpdir_path("models/fr/ner.kgbtag");
  train_file = test_tmpdir_path("train.conll");
  {
    char cmd[512];
    snprintf(cmd, sizeof cmd, "mkdir -p '%s'", fr);
    if (test_sh(cmd) != 0)
      return -1;
  }
  test_write_file(train_file, training, strlen(training));
  a[7] = model;
  a[8] = train_file;
  {
    test_result r = test_run(args, NULL);
    rc = r.status == 0 ? 0 : -1;
    if (rc)
      fprintf(stderr, "train failed: %s\n", r.err);
    test_result_release(&r);
  }
  free(fr);
  free(model);
  /* The suite runs with the rules alone; these tests want the model. */
  setenv("KGBUILD_NO_MODELS", "0", 1);
  return rc;
}

static int teardown(void **state)
{
  free(model_dir);
  free(train_file);
  return test_tmpdir_remove(state);
}

static test_result extract(const char *extra)
{
  const char *const args[] = {"--lang", "fr", "--model-dir", model_dir,
                              "-f", "ntriples", extra, "-", NULL};
  const char *const plain[] = {"--lang", "fr", "--model-dir", model_dir,
                               "-f", "ntriples", "-", NULL};

  return test_run(extra ? args : plain, text);
}

static void test_tagger_decides_names(void **state)
{
  test_result r = extract(NULL);

  (void)state;
  assert_int_equal(r.status, 0);
  /* The lower-case firm is an organisation, named as written. */
  assert_true(test_count_lines(r.out, "\"velmora\"", NULL) > 0);
  assert_true(test_count_lines(r.out, "Organization", NULL) > 0);
  test_result_release(&r);
}

static void test_no_models_gives_rules(void **state)
{
  test_result r = extract("--no-models");

  (void)state;
  assert_int_equal(r.status, 0);
  assert_int_equal(test_count_lines(r.out, "\"velmora\"", NULL), 0);
  test_result_release(&r);
}

static void test_missing_model_dir(void **state)
{
  const char *const args[] = {"--model-dir", "/nonexistent/models", "-",
                              NULL};
  test_result r = test_run(args, text);

  (void)state;
  assert_int_equal(r.status, 1);
  assert_non_null(strstr(r.err, "/nonexistent/models"));
  test_result_release(&r);
}

static void test_damaged_model(void **state)
{
  char *bad = test_tmpdir_path("bad"), *file, cmd[1024];
  const char *const args[] = {"--model-dir", bad, "-", NULL};
  test_result r;

  (void)state;
  file = test_tmpdir_path("bad/fr/ner.kgbtag");
  snprintf(cmd, sizeof cmd, "mkdir -p '%s/fr' && head -c 100 '%s/fr/ner.kgbtag'"
           " > '%s'", bad, model_dir, file);
  assert_int_equal(test_sh(cmd), 0);
  r = test_run(args, text);
  assert_int_equal(r.status, 1);
  assert_non_null(strstr(r.err, file));
  test_result_release(&r);
  free(bad);
  free(file);
}

/* Names the model runs together, as a tiny model trained so does, and
 * the rules that cut them: a firm of the company table before a first
 * name, a conjunction between two names, an honorific. */
static const char joined[] =
  "Le\tO\npatron\tO\nde\tO\nRenault\tB-PER\nJean\tI-PER\n"
  "Dupont\tL-PER\nparle\tO\n.\tO\n\n"
  "Zorvex\tB-ORG\net\tI-ORG\nQuintal\tL-ORG\nsignent\tO\n.\tO\n\n"
  "Me\tB-PER\nDurand\tL-PER\nplaide\tO\n.\tO\n\n"
  "Le\tO\nconstructeur\tO\nOstrale\tU-PER\nrecrute\tO\n.\tO\n\n"
  "Le\tO\nministre\tO\nVarenne\tU-PER\nparle\tO\n.\tO\n\n"
  "Le\tO\nPDG\tO\nde\tO\nKelvane\tU-PER\nparle\tO\n.\tO\n\n"
  "Dorsel\tU-PER\nSAS\tU-ORG\nrecrute\tO\n.\tO\n\n"
  "Vermane\tB-LOC\nCapital\tL-LOC\ninvestit\tO\n.\tO\n\n";

static void test_rules_cut_joined_names(void **state)
{
  char *dir = test_tmpdir_path("joined"), *file, *model, cmd[1024];
  const char *const train_args[] = {"train", "ner", "--lang", "fr",
                                    "--epochs", "8", "-o", NULL, NULL,
                                    NULL};
  const char **ta = (const char **)train_args;
  const char *const args[] = {"--lang", "fr", "--model-dir", dir, "-f",
                              "ntriples", "-", NULL};
  test_result r;

  (void)state;
  file = test_tmpdir_path("joined.conll");
  model = test_tmpdir_path("joined/fr/ner.kgbtag");
  snprintf(cmd, sizeof cmd, "mkdir -p '%s/fr'", dir);
  assert_int_equal(test_sh(cmd), 0);
  for (int k = 0; k < 3; k++) {   /* a few copies, so it learns them */
    FILE *f = fopen(file, k ? "a" : "w");
    assert_non_null(f);
    fputs(joined, f);
    fclose(f);
  }
  ta[7] = model;
  ta[8] = file;
  r = test_run(train_args, NULL);
  assert_int_equal(r.status, 0);
  test_result_release(&r);
  r = test_run(args, "Le patron de Renault Jean Dupont parle. "
                     "Zorvex et Quintal signent. Me Durand plaide. "
                     "Le constructeur Ostrale recrute. "
                     "Le ministre Varenne parle. Le PDG de Kelvane parle. "
                     "Dorsel SAS recrute. Vermane Capital investit.");
  assert_int_equal(r.status, 0);
  assert_true(test_count_lines(r.out, "\"Jean Dupont\"", NULL) > 0);
  assert_int_equal(test_count_lines(r.out, "\"Renault Jean Dupont\"", NULL), 0);
  assert_true(test_count_lines(r.out, "\"Renault\"", NULL) > 0);
  assert_true(test_count_lines(r.out, "\"Zorvex\"", NULL) > 0);
  assert_true(test_count_lines(r.out, "\"Quintal\"", NULL) > 0);
  assert_int_equal(test_count_lines(r.out, "\"Zorvex et Quintal\"", NULL), 0);
  assert_true(test_count_lines(r.out, "\"Durand\"", NULL) > 0);
  assert_int_equal(test_count_lines(r.out, "\"Me Durand\"", NULL), 0);
  /* A name after a noun only firms are called is a firm, whatever the
   * model says; after a minister's title it stays a person. */
  assert_true(test_count_lines(r.out, "organization/ostrale>", NULL) > 0);
  assert_int_equal(test_count_lines(r.out, "person/ostrale>", NULL), 0);
  assert_true(test_count_lines(r.out, "person/varenne>", NULL) > 0);
  /* So is a name after a title and "de". */
  assert_true(test_count_lines(r.out, "organization/kelvane>", NULL) > 0);
  assert_int_equal(test_count_lines(r.out, "person/kelvane>", NULL), 0);
  /* A name and its legal form, tagged apart, are one firm. */
  assert_true(test_count_lines(r.out, "\"Dorsel SAS\"", NULL) > 0);
  assert_int_equal(test_count_lines(r.out, "person/dorsel>", NULL), 0);
  /* A word that ends firms' names makes a firm of a model's place. */
  assert_true(test_count_lines(r.out, "organization/vermane", NULL) > 0);
  assert_int_equal(test_count_lines(r.out, "place/vermane", NULL), 0);
  test_result_release(&r);
  free(dir);
  free(file);
  free(model);
}

static void test_tag_prints_gold_and_model(void **state)
{
  char *model = test_tmpdir_path("models/fr/ner.kgbtag");
  const char *const args[] = {"tag", "--lang", "fr", "-m", model, train_file,
                              NULL};
  test_result r = test_run(args, NULL);

  (void)state;
  assert_int_equal(r.status, 0);
  /* Every training token comes back with its gold tag, and the model
   * tags its own training data back. */
  assert_int_equal(test_count_lines(r.out, "\t", NULL), 23);
  assert_int_equal(test_count_lines(r.out, "velmora\tU-ORG\tU-ORG", NULL), 3);
  assert_int_equal(test_count_lines(r.out, "Lyon\tU-LOC\tU-LOC", NULL), 2);
  test_result_release(&r);
  free(model);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_tagger_decides_names),
    cmocka_unit_test(test_no_models_gives_rules),
    cmocka_unit_test(test_missing_model_dir),
    cmocka_unit_test(test_damaged_model),
    cmocka_unit_test(test_tag_prints_gold_and_model),
    cmocka_unit_test(test_rules_cut_joined_names),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
