/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_patterns.c - the fact patterns of extractor/data/<lang>/patterns.txt
 * against the cases of tests/patterns/<lang>.test, read as data (adding a
 * case touches no C), and the pattern reader's errors.
 *
 * A case file holds blocks separated by blank lines ('#' starts a
 * comment line):
 *
 *   match NAME                    the pattern NAME must give the fact
 *   > a sentence of our own
 *   = kind subject | object
 *
 *   miss NAME                     a near miss of pattern NAME: no rule
 *   > another sentence            may give the fact
 *   ! kind subject | object
 *
 * An empty object ("! jobs Acme |") stands for any.  <lang>-polarity.test
 * holds the same kind of cases for the rules written in C: denials,
 * losses and deals called off; <lang>-pos.test cases are run with the
 * shipped models, so that patterns read parts of speech.  Every pattern must have at least one
 * match case and one miss case. */
#include "test_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kgb_fact.h"
#include "kgb_pattern.h"

static kgb_world *world;

typedef struct {
  int miss;               /* a near miss */
  char name[64];          /* the pattern */
  char text[1024];
  char kind[32], subject[128], object[128];
  unsigned long line;
} test_case;

static char *trim(char *s)
{
  size_t n;

  while (*s == ' ')
    s++;
  n = strlen(s);
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\n'))
    s[--n] = '\0';
  return s;
}

/* "kind subject | object" into C. */
static int parse_fact(char *s, test_case *c)
{
  char *bar, *sp;

  s = trim(s);
  bar = strchr(s, '|');
  sp = strchr(s, ' ');
  if (!bar || !sp || sp > bar)
    return 0;
  *bar = '\0';
  *sp = '\0';
  snprintf(c->kind, sizeof c->kind, "%s", s);
  snprintf(c->subject, sizeof c->subject, "%s", trim(sp + 1));
  snprintf(c->object, sizeof c->object, "%s", trim(bar + 1));
  return 1;
}

/* Read PATH's cases; *N of them. */
static test_case *read_cases(const char *path, size_t *n)
{
  FILE *f = fopen(path, "r");
  char line[1200];
  test_case *v = NULL, *c = NULL;
  unsigned long lineno = 0;

  *n = 0;
  if (!f)
    fail_msg("%s: cannot open", path);
  while (fgets(line, sizeof line, f)) {
    char *s = trim(line);
    lineno++;
    if (*s == '#' || *s == '\0')
      continue;
    if (strncmp(s, "match ", 6) == 0 || strncmp(s, "miss ", 5) == 0) {
      v = realloc(v, (*n + 1) * sizeof *v);
      assert_non_null(v);
      c = &v[(*n)++];
      memset(c, 0, sizeof *c);
      c->miss = s[1] == 'i';
      c->line = lineno;
      snprintf(c->name, sizeof c->name, "%s", trim(s + (c->miss ? 5 : 6)));
    } else if (c && *s == '>') {
      snprintf(c->text, sizeof c->text, "%s", trim(s + 1));
    } else if (c && (*s == '=' || *s == '!') && (*s == '!') == c->miss &&
               parse_fact(s + 1, c)) {
    } else {
      fail_msg("%s:%lu: not a case line: %s", path, lineno, s);
    }
  }
  fclose(f);
  return v;
}

static const char *name_of(const kgb_factset *fs, int entity)
{
  return entity >= 0 ? fs->entities[entity].name : "";
}

static int fact_is(const kgb_factset *fs, const kgb_fact *f,
                   const test_case *c)
{
  const char *object = f->object >= 0 ? name_of(fs, f->object) : f->literal;

  return strcmp(kgb_fact_kind_names[f->kind], c->kind) == 0 &&
         strcmp(name_of(fs, f->agent), c->subject) == 0 &&
         (!c->object[0] || strcmp(object, c->object) == 0);
}

static void print_facts(const kgb_factset *fs)
{
  for (size_t i = 0; i < fs->n_facts; i++) {
    const kgb_fact *f = &fs->facts[i];
    print_message("  got %s %s | %s (%s)\n", kgb_fact_kind_names[f->kind],
                  name_of(fs, f->agent),
                  f->object >= 0 ? name_of(fs, f->object) : f->literal,
                  f->rule);
  }
}

/* 1 when the case holds. */
static int check_case(const char *path, const test_case *c, const char *lang)
{
  kgb_document *doc = NULL;
  kgb_factset *fs = NULL;
  int found = 0;

  assert_int_equal(kgb_document_new_from_buffer(world, "t", c->text,
                                                strlen(c->text), &doc),
                   KGB_OK);
  assert_int_equal(kgb_document_set_language(doc, lang), KGB_OK);
  assert_int_equal(kgb_extract(world, doc, &fs), KGB_OK);
  for (size_t i = 0; i < fs->n_facts && !found; i++)
    found = fact_is(fs, &fs->facts[i], c) &&
            (c->miss || strcmp(fs->facts[i].rule, c->name) == 0);
  if (found == c->miss) {
    print_message("%s:%lu: %s %s: %s %s | %s %s\n", path, c->line,
                  c->miss ? "miss" : "match", c->name, c->kind, c->subject,
                  c->object, c->miss ? "was given" : "was not given");
    print_facts(fs);
  }
  kgb_factset_free(fs);
  kgb_document_free(doc);
  return found != c->miss;
}

/* Names of the patterns in PATTERNS_PATH without a match case and a
 * miss case in CASES; 0 when none. */
static int uncovered(const char *patterns_path, const test_case *cases,
                     size_t n)
{
  FILE *f = fopen(patterns_path, "r");
  char line[4096];
  int missing = 0;

  assert_non_null(f);
  while (fgets(line, sizeof line, f)) {
    char *tab, *name;
    int has[2] = {0, 0};
    if (line[0] == '#' || line[0] == '@' || !(tab = strchr(line, '\t')))
      continue;
    name = tab + 1;
    if (!(tab = strchr(name, '\t')))
      continue;
    *tab = '\0';
    for (size_t i = 0; i < n; i++)
      if (strcmp(cases[i].name, name) == 0)
        has[cases[i].miss] = 1;
    if (!has[0] || !has[1]) {
      print_message("%s: pattern %s has no %s case\n", patterns_path, name,
                    has[0] ? "miss" : "match");
      missing++;
    }
  }
  fclose(f);
  return missing;
}

/* Every case of FILE (under tests/patterns/) must hold; the number of
 * cases that do not. */
static size_t run_file(const char *file, const char *lang)
{
  const char *top = getenv("KGB_TOP_SRCDIR");
  char path[4096];
  size_t n, failed = 0;
  test_case *cases;

  snprintf(path, sizeof path, "%s/tests/patterns/%s", top ? top : ".", file);
  cases = read_cases(path, &n);
  assert_true(n > 0);
  for (size_t i = 0; i < n; i++)
    failed += !check_case(path, &cases[i], lang);
  free(cases);
  return failed;
}

/* With the models (parts of speech), the cases of <lang>-pos.test. */
static void test_parts_of_speech(void **state)
{
  const char *saved = getenv("KGBUILD_NO_MODELS");
  char *copy = saved ? strdup(saved) : NULL;
  kgb_world *rules = world;
  size_t failed = 0;

  (void)state;
  unsetenv("KGBUILD_NO_MODELS");
  world = test_world();
  failed += run_file("en-pos.test", "en");
  failed += run_file("fr-pos.test", "fr");
  kgb_world_free(world);
  world = rules;
  if (copy)
    setenv("KGBUILD_NO_MODELS", copy, 1);
  free(copy);
  if (failed)
    fail_msg("%zu cases read with parts of speech fail", failed);
}

static void test_polarity(void **state)
{
  size_t failed = 0;

  (void)state;
  failed += run_file("en-polarity.test", "en");
  failed += run_file("fr-polarity.test", "fr");
  if (failed)
    fail_msg("%zu polarity cases fail", failed);
}

static void run_language(const char *lang)
{
  const char *top = getenv("KGB_TOP_SRCDIR");
  char path[4096], patterns[4096];
  size_t n, failed = 0;
  test_case *cases;

  snprintf(path, sizeof path, "%s/tests/patterns/%s.test", top ? top : ".",
           lang);
  snprintf(patterns, sizeof patterns, "%s/extractor/data/%s/patterns.txt",
           top ? top : ".", lang);
  cases = read_cases(path, &n);
  assert_true(n > 0);
  for (size_t i = 0; i < n; i++)
    failed += !check_case(path, &cases[i], lang);
  failed += (size_t)uncovered(patterns, cases, n);
  free(cases);
  if (failed)
    fail_msg("%s: %zu of %zu cases or patterns fail", path, failed, n);
}

static void test_english(void **state)
{
  (void)state;
  run_language("en");
}

static void test_french(void **state)
{
  (void)state;
  run_language("fr");
}

/* A pattern file with FIELDS on its one line must fail to load, with a
 * message naming the file, the line and WHY. */
static void expect_error(const char *line, const char *why)
{
  char path[] = "/tmp/kgb-patterns-XXXXXX";
  int fd = mkstemp(path);
  FILE *f = fdopen(fd, "w");
  kgb_patterns *ps = (kgb_patterns *)1;
  char where[sizeof path + 8];

  assert_non_null(f);
  fprintf(f, "# a comment\n%s\n", line);
  fclose(f);
  assert_int_equal(kgb_patterns_load(world, NULL, path, &ps), KGB_EPARSE);
  assert_null(ps);
  snprintf(where, sizeof where, "%s:2:", path);
  if (!strstr(test_last_message, where) || !strstr(test_last_message, why))
    fail_msg("'%s': message '%s' lacks '%s' or '%s'", line,
             test_last_message, where, why);
  unlink(path);
}

static void test_reader_errors(void **state)
{
  (void)state;
  expect_error("basedOn\tx\t0.5\ts:ORG in o:LOC", "not a fact kind patterns");
  expect_error("jobs\tx\t0.5\ts:ORG in o:LOC", "not a fact kind patterns");
  expect_error("basedIn\tx\t1.5\ts:ORG in o:LOC", "confidence");
  expect_error("basedIn\tx\tabc\ts:ORG in o:LOC", "confidence");
  expect_error("basedIn\tx\t0.5\ts:ORG in LOC", "needs a subject");
  expect_error("basedIn\tx\t0.5\ts:ORG o:LOC s:ORG", "names a part twice");
  expect_error("basedIn\tx\t0.5\ts:ORG @nowhere o:LOC", "'@nowhere'");
  expect_error("basedIn\tx\t0.5\ts:ORG in o:LOC.nearby", "'.nearby'");
  expect_error("basedIn\tx\t0.5\ts:ORG in{1,9} o:LOC", "repetition");
  expect_error("basedIn\tx\t0.5\ts:ORG{0,2} in o:LOC", "repeats only");
  expect_error("ticker\tx\t0.5\ts:ORG ( o:ORG )", "literal object");
  expect_error("basedIn\tx\t0.5", "kind<TAB>name");
  expect_error("basedIn\tx\t0.5\ts:ORG near o:LOC TOPIC", "s:TOPIC");
  expect_error("basedIn\tx\t0.5\ts:ORG | o:LOC", "holds no word");
  expect_error("basedIn\tx\t0.5\ts:ORG #| o:LOC", "holds no word");
  expect_error("basedIn\tx\t0.5\ts:ORG in{0,0} o:LOC", "never match");
  expect_error("@set", "TAB-separated fields");
  expect_error("@set\ta\tb", "word set");
}

/* The engine in one sentence: a list gives one fact per member, a
 * repetition backtracks, and a pattern stops at the sentence's end. */
static void test_list_and_backtracking(void **state)
{
  (void)state;
  static const test_case cases[] = {
      {0, "demonym-firms-list", "On Monday two Danish banks, Holmfjord "
       "Bank and Skarrild Sparekasse, raised their rates.", "basedIn",
       "Skarrild Sparekasse", "Denmark", 0},
      {0, "demonym-firms-list", "On Monday two Danish banks, Holmfjord "
       "Bank and Skarrild Sparekasse, raised their rates.", "basedIn", "Holmfjord Bank",
       "Denmark", 0},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
    assert_true(check_case("(inline)", &cases[i], "en"));
}

/* A negated element ("!'s") holds at the sentence's end, where no token
 * follows: a text may end without a full stop. */
static void test_negation_at_the_end(void **state)
{
  static const test_case c = {0, "firm-legal-of-place",
                              "The bidder was Talbot Mining Corp of Canada",
                              "basedIn", "Talbot Mining Corp", "Canada", 0};

  (void)state;
  assert_true(check_case("(inline)", &c, "en"));
}

/* --min-confidence: a fact below the floor is left out, one at it kept;
 * a floor outside [0, 1] is refused. */
static void test_min_confidence(void **state)
{
  static const char text[] = "Halden Brewing, the Dutch brewer, raised "
                             "its prices on Monday.";
  double floors[] = {0.0, 0.99};
  size_t kept[2];

  (void)state;
  for (size_t i = 0; i < 2; i++) {
    kgb_document *doc = NULL;
    kgb_factset *fs = NULL;
    assert_int_equal(kgb_world_set_min_confidence(world, floors[i]), KGB_OK);
    assert_int_equal(kgb_document_new_from_buffer(world, "t", text,
                                                  strlen(text), &doc),
                     KGB_OK);
    assert_int_equal(kgb_document_set_language(doc, "en"), KGB_OK);
    assert_int_equal(kgb_extract(world, doc, &fs), KGB_OK);
    kept[i] = fs->n_facts;
    for (size_t k = 0; k < fs->n_facts; k++)
      assert_true(fs->facts[k].confidence >= floors[i]);
    kgb_factset_free(fs);
    kgb_document_free(doc);
  }
  assert_true(kept[0] > 0);
  assert_int_equal(kept[1], 0);
  assert_int_equal(kgb_world_set_min_confidence(world, 1.5), KGB_EINVAL);
  assert_int_equal(kgb_world_set_min_confidence(world, -0.1), KGB_EINVAL);
  assert_int_equal(kgb_world_set_min_confidence(world, 0), KGB_OK);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_english),
      cmocka_unit_test(test_french),
      cmocka_unit_test(test_polarity),
      cmocka_unit_test(test_parts_of_speech),
      cmocka_unit_test(test_reader_errors),
      cmocka_unit_test(test_list_and_backtracking),
      cmocka_unit_test(test_min_confidence),
      cmocka_unit_test(test_negation_at_the_end),
  };
  return TEST_MAIN_WITH_WORLD(tests, world);
}
