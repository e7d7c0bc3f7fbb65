/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_vocab.c - the program can emit no kgo: term the ontology does not
 * declare: every kgo: entry of the term table is declared in
 * kgbuild.ttl, and no source file outside ontology/ spells a kgo: IRI.
 * The SHACL shapes name only declared terms and cover every class. */
#define _DEFAULT_SOURCE
#include "test_util.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <ctype.h>
#include <raptor2.h>

#include "kgb_ontology.h"
#include "kgb_vocab.h"
#include "kgb_world_internal.h"

static void test_every_term_declared(void **state)
{
  kgb_world *world = test_world();
  char iri[256];
  int kgo_terms = 0;

  (void)state;
  for (int t = 0; t < KGB_TERM_COUNT; t++) {
    if (kgb_term_ns((kgb_term)t) != KGB_NS_KGO)
      continue;
    kgo_terms++;
    assert_true(kgb_term_iri((kgb_term)t, iri, sizeof iri) > 0);
    if (!kgb_ontology_declares(world->ontology, iri))
      fail_msg("kgo:%s is not declared", kgb_term_local((kgb_term)t));
  }
  assert_true(kgo_terms >= 30);
  kgb_world_free(world);
}

static void test_undeclared_term_is_an_error(void **state)
{
  char path[] = "/tmp/kgb-onto-XXXXXX";
  int fd = mkstemp(path);
  FILE *f = fdopen(fd, "w");
  kgb_ontology *onto = NULL;
  kgb_world *world = kgb_world_new();

  (void)state;
  fputs("@prefix kgo: <https://w3id.org/kgbuild/ontology#> .\n"
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        "kgo:Organization a owl:Class .\n", f);
  fclose(f);
  kgb_world_set_message_handler(world, NULL, NULL);
  assert_int_equal(kgb_ontology_load(world, path, &onto), KGB_EPARSE);
  assert_null(onto);
  unlink(path);
  kgb_world_free(world);
}

static void test_broken_ontology_names_line(void **state)
{
  char path[] = "/tmp/kgb-onto-XXXXXX";
  int fd = mkstemp(path);
  FILE *f = fdopen(fd, "w");
  kgb_world *world = test_world();
  kgb_ontology *onto = NULL;

  (void)state;
  fputs("@prefix kgo: <https://w3id.org/kgbuild/ontology#> .\n\n"
        "kgo:Organization a a a .\n", f);
  fclose(f);
  assert_int_equal(kgb_ontology_load(world, path, &onto), KGB_EPARSE);
  assert_non_null(strstr(test_last_message, path));
  assert_non_null(strstr(test_last_message, ":3:"));
  unlink(path);
  kgb_world_free(world);
}

/* 1 when FILE holds the kgo namespace IRI. */
static int spells_kgo(const char *file)
{
  char *text = test_read_file(file, NULL);
  int found;

  assert_non_null(text);
  found = strstr(text, "w3id.org/kgbuild/ontology") != NULL;
  free(text);
  return found;
}

static void test_only_ontology_names_kgo(void **state)
{
  static const char *const dirs[] = {"include", "common", "extractor",
                                     "output", "cli"};
  int scanned = 0;

  (void)state;
  for (size_t d = 0; d < sizeof dirs / sizeof *dirs; d++) {
    char *dir = test_src_path(dirs[d]);
    DIR *h = opendir(dir);
    struct dirent *e;

    assert_non_null(h);
    while ((e = readdir(h))) {
      size_t n = strlen(e->d_name);
      char file[4096];
      if (n < 3 || (strcmp(e->d_name + n - 2, ".c") &&
                    strcmp(e->d_name + n - 2, ".h")))
        continue;
      snprintf(file, sizeof file, "%s/%s", dir, e->d_name);
      if (spells_kgo(file))
        fail_msg("%s names a kgo: IRI; use the ontology/kgb_vocab.h table",
                 file);
      scanned++;
    }
    closedir(h);
    free(dir);
  }
  assert_true(scanned > 20);
}

typedef struct {
  const kgb_ontology *onto;
  char targets[64][128];    /* objects of sh:targetClass */
  size_t n_targets;
  char undeclared[256];     /* first kgo: IRI the ontology lacks */
} shapes_seen;

static void check_kgo_term(shapes_seen *seen, raptor_term *t)
{
  char kgo[256];
  const char *iri;

  if (!t || t->type != RAPTOR_TERM_TYPE_URI)
    return;
  kgb_term_iri(KGB_ORGANIZATION, kgo, sizeof kgo);
  kgo[strlen(kgo) - strlen("Organization")] = '\0';
  iri = (const char *)raptor_uri_as_string(t->value.uri);
  if (strncmp(iri, kgo, strlen(kgo)) == 0 && !seen->undeclared[0] &&
      !kgb_ontology_declares(seen->onto, iri))
    snprintf(seen->undeclared, sizeof seen->undeclared, "%s", iri);
}

static void on_shape_statement(void *data, raptor_statement *st)
{
  shapes_seen *seen = data;
  const char *p = (const char *)raptor_uri_as_string(st->predicate->value.uri);

  check_kgo_term(seen, st->subject);
  check_kgo_term(seen, st->object);
  if (strcmp(p, "http://www.w3.org/ns/shacl#targetClass") == 0 &&
      seen->n_targets < 64)
    snprintf(seen->targets[seen->n_targets++], sizeof seen->targets[0], "%s",
             raptor_uri_as_string(st->object->value.uri));
}

/* The shapes parse, name only declared kgo: terms, and every class the
 * program writes (every kgo: class but the abstract kgo:Fact) is the
 * target of a shape. */
static void test_shapes_cover_every_class(void **state)
{
  kgb_world *world = test_world();
  char *path = test_src_path("ontology/kgbuild-shapes.ttl");
  raptor_world *rw = raptor_new_world();
  raptor_parser *parser = raptor_new_parser(rw, "turtle");
  unsigned char *file_uri = raptor_uri_filename_to_uri_string(path);
  raptor_uri *uri = raptor_new_uri(rw, file_uri);
  shapes_seen seen = {world->ontology, {{0}}, 0, ""};

  (void)state;
  raptor_parser_set_statement_handler(parser, &seen, on_shape_statement);
  assert_int_equal(raptor_parser_parse_file(parser, uri, NULL), 0);
  if (seen.undeclared[0])
    fail_msg("the shapes name %s, which the ontology does not declare",
             seen.undeclared);
  for (int t = 0; t < KGB_TERM_COUNT; t++) {
    char iri[256];
    const char *local = kgb_term_local((kgb_term)t);
    size_t k = 0;
    if (kgb_term_ns((kgb_term)t) != KGB_NS_KGO ||
        !isupper((unsigned char)local[0]) || strcmp(local, "Fact") == 0)
      continue;
    kgb_term_iri((kgb_term)t, iri, sizeof iri);
    while (k < seen.n_targets && strcmp(seen.targets[k], iri))
      k++;
    if (k == seen.n_targets)
      fail_msg("no shape targets kgo:%s", local);
  }
  raptor_free_uri(uri);
  raptor_free_memory(file_uri);
  raptor_free_parser(parser);
  raptor_free_world(rw);
  free(path);
  kgb_world_free(world);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_every_term_declared),
    cmocka_unit_test(test_undeclared_term_is_an_error),
    cmocka_unit_test(test_broken_ontology_names_line),
    cmocka_unit_test(test_only_ontology_names_kgo),
    cmocka_unit_test(test_shapes_cover_every_class),
  };

  return cmocka_run_group_tests(tests, NULL, NULL);
}
