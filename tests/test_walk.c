/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_walk.c - directory walks: each file read once however many links
 * lead to it, loops detected and named, what cannot be read skipped with
 * a message while the rest is read. */
#define _GNU_SOURCE
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test_util.h"

/* DIR/REL, made with its parents; a file when TEXT is given. */
static char *make(const char *rel, const char *text)
{
  char *path, *cmd;

  assert_true(asprintf(&path, "%s/%s", test_tmpdir, rel) > 0);
  assert_true(asprintf(&cmd, "mkdir -p \"$(dirname '%s')\"", path) > 0);
  assert_int_equal(test_sh(cmd), 0);
  free(cmd);
  if (text)
    test_write_file(path, text, strlen(text));
  return path;
}

static void link_to(const char *target, const char *rel)
{
  char *path = make(rel, NULL);

  assert_int_equal(symlink(target, path), 0);
  free(path);
}

/* Lines of -v output that say a document was read. */
static size_t documents_read(const char *err)
{
  return test_count_lines(err, " sentences, ", NULL);
}

/* Links back to the walk's own folders (one, then two of them, which
 * made the old walk run without end) read each file once. */
static void test_link_loops_read_each_file_once(void **state)
{
  char *top = make("loops", NULL);
  free(make("loops/a.txt", "Orvia Corp will cut 500 jobs in Lyon.\n"));
  free(make("loops/sub/b.txt", "Tessaro Ltd will invest 2 million euros "
                               "in Spain.\n"));
  link_to(".", "loops/self");
  link_to("..", "loops/sub/up");
  link_to("../sub", "loops/sub/again");

  (void)state;
  test_result r = test_run((const char *[]){"-v", "-f", "ntriples", top,
                                            NULL}, NULL);
  assert_int_equal(r.status, 0);
  assert_int_equal(documents_read(r.err), 2);
  assert_int_equal(test_count_lines(r.err, "self: skipped", "walked already"),
                   1);
  assert_int_equal(test_count_lines(r.err, "up: skipped", "walked already"),
                   1);
  test_result_release(&r);
  free(top);
}

/* A file reached by a second link is read once; a file with no input
 * suffix is named with the reason only with -v. */
static void test_second_links_and_verbose_reasons(void **state)
{
  char *top = make("links", NULL);
  free(make("links/a.txt", "Orvia Corp will cut 500 jobs in Lyon.\n"));
  free(make("links/notes.md", "not an article\n"));
  link_to("a.txt", "links/b.txt");

  (void)state;
  test_result loud = test_run((const char *[]){"-v", "-f", "ntriples", top,
                                               NULL}, NULL);
  test_result quiet = test_run((const char *[]){"-f", "ntriples", top, NULL},
                               NULL);
  assert_int_equal(loud.status, 0);
  assert_int_equal(documents_read(loud.err), 1);
  assert_int_equal(test_count_lines(loud.err, "b.txt: skipped",
                                    "same file"), 1);
  assert_int_equal(test_count_lines(loud.err, "notes.md: skipped",
                                    ".txt, .html or .htm"), 1);
  assert_int_equal(quiet.status, 0);
  assert_null(strstr(quiet.err, "skipped"));
  test_result_release(&loud);
  test_result_release(&quiet);
  free(top);
}

/* An entry that cannot be read (a link loop named like an article, a
 * folder without permission when not root) is skipped with a message,
 * the others are read, and the run says it was not whole. */
static void test_unreadable_entries_are_skipped(void **state)
{
  char *top = make("unreadable", NULL), *locked;
  free(make("unreadable/a.txt", "Orvia Corp will cut 500 jobs in Lyon.\n"));
  free(make("unreadable/z/c.txt", "Brixtel Inc will invest 4 million "
                                  "dollars in Texas.\n"));
  link_to("loop2.txt", "unreadable/loop1.txt");
  link_to("loop1.txt", "unreadable/loop2.txt");
  locked = make("unreadable/locked/b.txt", "Velmora SA will cut 40 jobs.\n");
  if (geteuid() != 0)
    assert_int_equal(chmod(strrchr(locked, '/') ? dirname(locked) : locked,
                           0), 0);

  (void)state;
  test_result r = test_run((const char *[]){"-v", "-f", "ntriples", top,
                                            NULL}, NULL);
  assert_int_equal(r.status, 1);
  assert_int_equal(test_count_lines(r.err, "loop1.txt: skipped", NULL), 1);
  assert_int_equal(test_count_lines(r.err, "loop2.txt: skipped", NULL), 1);
  assert_non_null(strstr(r.out, "orvia"));
  assert_non_null(strstr(r.out, "brixtel"));
  if (geteuid() != 0)
    assert_int_equal(test_count_lines(r.err, "locked: skipped", NULL), 1);
  test_result_release(&r);
  free(locked);
  free(top);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_link_loops_read_each_file_once),
    cmocka_unit_test(test_second_links_and_verbose_reasons),
    cmocka_unit_test(test_unreadable_entries_are_skipped),
  };
  return cmocka_run_group_tests(tests, test_tmpdir_make, test_tmpdir_remove);
}
