/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_commands.c - the program's commands as a whole: the help lists
 * each one the sources define, a slip of the first word is named, every
 * option a command's help shows is one it takes, -q is --quiet. */
#define _DEFAULT_SOURCE
#include "test_util.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { MAX_COMMANDS = 32 };

/* The names the descriptors in cli/cmd_*.c give, read from the sources
 * so that a command left out of the table is caught. */
static size_t command_names(char names[][32])
{
  char *dir = test_src_path("cli");
  DIR *d = opendir(dir);
  struct dirent *e;
  size_t n = 0;

  assert_non_null(d);
  while ((e = readdir(d)) != NULL && n < MAX_COMMANDS) {
    char path[1024], *text, *at;
    if (strncmp(e->d_name, "cmd_", 4) || !strstr(e->d_name, ".c"))
      continue;
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    text = test_read_file(path, NULL);
    assert_non_null(text);
    at = strstr(text, ".name = \"");
    if (!at)
      fail_msg("%s has no descriptor", e->d_name);
    at += strlen(".name = \"");
    snprintf(names[n++], 32, "%.*s", (int)strcspn(at, "\""), at);
    free(text);
  }
  closedir(d);
  free(dir);
  assert_true(n >= 8);
  return n;
}

static void test_help_lists_every_command(void **state)
{
  char names[MAX_COMMANDS][32], line[64];
  size_t n = command_names(names);
  test_result all = test_run((const char *[]){"--help", NULL}, NULL);

  (void)state;
  assert_int_equal(all.status, 0);
  for (size_t i = 0; i < n; i++) {
    test_result own = test_run((const char *[]){names[i], "--help", NULL},
                               NULL);
    test_result help = test_run((const char *[]){"help", names[i], NULL},
                                NULL);
    snprintf(line, sizeof line, "\n  %s ", names[i]);
    if (!strstr(all.out, line))
      fail_msg("kgbuild --help does not list '%s':\n%s", names[i], all.out);
    assert_int_equal(own.status, 0);
    assert_int_equal(help.status, 0);
    assert_string_equal(own.out, help.out);
    assert_non_null(strstr(own.out, "Usage: kgbuild "));
    test_result_release(&own);
    test_result_release(&help);
  }
  test_result_release(&all);
}

static void check_slip(const char *const *args, const char *want)
{
  test_result r = test_run(args, NULL);
  char message[128];

  snprintf(message, sizeof message, "; did you mean '%s'?", want);
  assert_int_equal(r.status, 2);
  if (!strstr(r.err, message) || strstr(r.err, "cannot"))
    fail_msg("'%s' gives '%s'", args[0], r.err);
  assert_string_equal(r.out, "");
  test_result_release(&r);
}

static void test_mistyped_command(void **state)
{
  test_result r;

  (void)state;
  check_slip((const char *[]){"qeury", "--data", "g.ttl", "ASK {}", NULL},
             "query");
  check_slip((const char *[]){"laod", "x.txt", NULL}, "load");
  check_slip((const char *[]){"extarct", NULL}, "extract");
  check_slip((const char *[]){"publsh", NULL}, "publish");
  check_slip((const char *[]){"trian", NULL}, "train");
  check_slip((const char *[]){"help", "qeury", NULL}, "query");
  /* A word near nothing is an input still, missing here. */
  r = test_run((const char *[]){"zqxwvy", NULL}, NULL);
  assert_int_equal(r.status, 1);
  assert_non_null(strstr(r.err, "zqxwvy: cannot open"));
  test_result_release(&r);
}

/* A file whose name is a slip's is read as an input: what is on disk
 * wins. */
static void test_file_named_like_a_command(void **state)
{
  char *path = test_tmpdir_path("qeury"), cwd[4096];
  const char *text = "Brennholt Industries will cut 40 jobs in Leeds.\n";
  test_result r;

  (void)state;
  test_write_file(path, text, strlen(text));
  assert_non_null(getcwd(cwd, sizeof cwd));
  assert_int_equal(chdir(test_tmpdir), 0);
  /* First, where a slip would be caught; its options may follow. */
  r = test_run((const char *[]){"qeury", "-q", "-f", "ntriples", NULL},
               NULL);
  assert_int_equal(chdir(cwd), 0);
  assert_int_equal(r.status, 0);
  assert_string_equal(r.err, "");
  assert_non_null(strstr(r.out, "Brennholt"));
  test_result_release(&r);
  free(path);
}

/* The spellings of the options COMMAND's help shows ("-f", "--format"),
 * with 1 in WANTS_VALUE for those that take one; how many. */
static size_t shown_options(const char *command, char spell[][40],
                            int *wants_value, size_t max)
{
  test_result r = test_run((const char *[]){command, "--help", NULL}, NULL);
  size_t n = 0;

  assert_int_equal(r.status, 0);
  for (char *line = strtok(r.out, "\n"); line && n + 2 <= max;
       line = strtok(NULL, "\n")) {
    char label[80], *word, *save, *start = line + strspn(line, " "), *end;
    int value;
    if (strncmp(line, "  -", 3) && strncmp(line, "      --", 8))
      continue;
    end = strstr(start, "  ");
    snprintf(label, sizeof label, "%.*s",
             (int)(end ? (size_t)(end - start) : strlen(start)), start);
    value = strchr(strstr(label, "--"), ' ') != NULL;
    for (word = strtok_r(label, " ,", &save); word && word[0] == '-';
         word = strtok_r(NULL, " ,", &save)) {
      snprintf(spell[n], 40, "%s", word);
      wants_value[n++] = value;
    }
  }
  test_result_release(&r);
  return n;
}

/* Whether COMMAND's parser takes OPTION: then --help after it answers. */
static int takes(const char *command, const char *option, int wants_value)
{
  const char *args[] = {command, option, wants_value ? "x" : "--help",
                        "--help", NULL};
  test_result r = test_run(args, NULL);
  int ok = r.status == 0 && r.err[0] == '\0';

  test_result_release(&r);
  return ok;
}

static void test_help_shows_what_is_taken(void **state)
{
  char names[MAX_COMMANDS][32], spell[64][40];
  int value[64];
  size_t n = command_names(names);

  (void)state;
  for (size_t i = 0; i < n; i++) {
    size_t k = shown_options(names[i], spell, value, 64);
    assert_true(k >= 2);
    for (size_t j = 0; j < k; j++)
      if (!takes(names[i], spell[j], value[j]))
        fail_msg("'kgbuild %s --help' shows %s, which it refuses", names[i],
                 spell[j]);
  }
}

/* What extract shows and load does not, load refuses: -f, -o, -j. */
static void test_load_help_only_what_load_takes(void **state)
{
  char spell[64][40], theirs[64][40];
  int value[64], their_value[64];
  size_t mine = shown_options("load", spell, value, 64);
  size_t k = shown_options("extract", theirs, their_value, 64);
  size_t refused = 0;

  (void)state;
  for (size_t j = 0; j < k; j++) {
    int shown = 0;
    for (size_t i = 0; i < mine; i++)
      shown |= strcmp(spell[i], theirs[j]) == 0;
    if (shown)
      continue;
    if (takes("load", theirs[j], their_value[j]))
      fail_msg("load takes %s but does not show it", theirs[j]);
    refused++;
  }
  assert_true(refused >= 6);
  assert_false(takes("load", "--format", 1));
}

static void check_quiet(const char *const *loud, const char *const *quiet,
                        const char *text)
{
  test_result a = test_run(loud, text), b = test_run(quiet, text);

  if (!strstr(a.err, "warning: "))
    fail_msg("'%s' gives no warning: %s", loud[0], a.err);
  if (strstr(b.err, "warning: "))
    fail_msg("'%s -q' still warns: %s", quiet[0], b.err);
  assert_int_equal(a.status, b.status);
  test_result_release(&a);
  test_result_release(&b);
}

/* -q is --quiet in every command whose help shows it, and in none is
 * it anything else. */
static void test_quiet_everywhere(void **state)
{
  char names[MAX_COMMANDS][32];
  const char *bad = "Brennholt Industries will cut 40 jobs in Leeds \xff.\n";
  const char *closed = "http://127.0.0.1:1/sparql-graph-crud-auth";
  char *graph = test_tmpdir_path("quiet.ttl");
  size_t n = command_names(names), quiet = 0;
  test_result r;

  (void)state;
  for (size_t i = 0; i < n; i++) {
    test_result h = test_run((const char *[]){names[i], "--help", NULL},
                             NULL);
    char *q = strstr(h.out, "\n  -q, ");
    if (q && strncmp(q, "\n  -q, --quiet ", 15))
      fail_msg("-q of %s is not --quiet", names[i]);
    quiet += q != NULL;
    test_result_release(&h);
  }
  assert_int_equal(quiet, 4);
  check_quiet((const char *[]){"extract", "-", NULL},
              (const char *[]){"extract", "-q", "-", NULL}, bad);
  check_quiet((const char *[]){"load", "--store", "memory:", "-", NULL},
              (const char *[]){"load", "-q", "--store", "memory:", "-", NULL},
              bad);
  check_quiet((const char *[]){"publish", "--endpoint", closed, "-", NULL},
              (const char *[]){"publish", "--endpoint", closed, "-q", "-",
                               NULL}, bad);
  /* query: -q takes no value, so the query stays the query. */
  test_write_file(graph, "<a:x> <a:p> <a:y> .\n", 20);
  r = test_run((const char *[]){"query", "-q", "--data", graph,
                                "ASK { ?s ?p ?o }", NULL}, NULL);
  assert_int_equal(r.status, 0);
  assert_string_equal(r.err, "");
  assert_non_null(strstr(r.out, "true"));
  test_result_release(&r);
  free(graph);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_help_lists_every_command),
    cmocka_unit_test(test_mistyped_command),
    cmocka_unit_test(test_file_named_like_a_command),
    cmocka_unit_test(test_help_shows_what_is_taken),
    cmocka_unit_test(test_load_help_only_what_load_takes),
    cmocka_unit_test(test_quiet_everywhere),
  };

  return cmocka_run_group_tests(tests, test_tmpdir_make,
                                test_tmpdir_remove);
}
