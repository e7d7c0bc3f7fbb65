/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_util.h - helpers shared by the cmocka tests. */
#ifndef KGB_TEST_UTIL_H
#define KGB_TEST_UTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "kgbuild.h"

/* A world opened on the source tree's tables; messages are kept in
 * test_last_message.  Fails the test when it cannot open. */
kgb_world *test_world(void);
extern char test_last_message[1024];

/* Open *WORLD, run the group TESTS (COUNT of them), free the world;
 * returns the number of failures, as a test's main does. */
int test_main_with_world(const char *name, const struct CMUnitTest *tests,
                         size_t count, kgb_world **world);
#define TEST_MAIN_WITH_WORLD(tests, world)                                  \
  test_main_with_world(#tests, tests, sizeof tests / sizeof *tests, &world)

/* Extract DOC (borrowed) into a graph of its own, with entity mentions
 * when MENTIONS is set, and serialize it in FORMAT; the caller frees the
 * result. */
char *test_graph_of_document(kgb_world *world, kgb_document *doc,
                              const char *format, int mentions);
/* Extract TEXT (LANG or NULL for auto) and serialize it in FORMAT; the
 * caller frees the result. */
char *test_extract_to_string(kgb_world *world, const char *text,
                             const char *lang, const char *format);

/* Extract each of the N TEXTS as a document named doc-1, doc-2, ... into
 * one graph written in FORMAT (N-Triples and N-Quads stream); the caller
 * frees the result. */
char *test_graph_of(kgb_world *world, const char *const *texts, size_t n,
                    const char *format);
/* Lines of TEXT that contain A and, unless B is NULL, also B. */
size_t test_count_lines(const char *text, const char *a, const char *b);

/* Run the kgbuild program ($KGB_PROGRAM) with ARGS (NULL-terminated),
 * feeding STDIN_TEXT (may be NULL); OUT and ERR receive what it printed
 * (free them).  Returns its exit status, or -1. */
int test_run_program(const char *const *args, const char *stdin_text,
                     char **out, char **err);
/* What a run of the program gave; release with test_result_release. */
typedef struct {
  int status;
  char *out, *err;
} test_result;

/* test_run_program, keeping the whole result. */
test_result test_run(const char *const *args, const char *stdin_text);
void test_result_release(test_result *r);

/* What COMMAND (through /bin/sh) prints, or NULL when it fails; the
 * caller frees it. */
char *test_capture(const char *command);
/* Run any command line through /bin/sh; returns its exit status. */
int test_sh(const char *command);

/* Parse TEXT in raptor syntax SYNTAX; the number of triples, or -1 when
 * raptor reports an error. */
int test_raptor_count(const char *text, const char *syntax);

/* A private folder under /tmp for a group's files, so names can be odd
 * and nothing outside it is touched: test_tmpdir_make is the group's
 * setup, test_tmpdir_remove (all of it, whatever its modes) its teardown. */
extern char test_tmpdir[64];
int test_tmpdir_make(void **state);
int test_tmpdir_remove(void **state);
/* test_tmpdir/NAME, which the caller frees. */
char *test_tmpdir_path(const char *name);

/* Write LEN BYTES to PATH, failing the test on any error. */
void test_write_file(const char *path, const char *bytes, size_t len);
/* Whole file into a NUL-terminated string, or NULL. */
char *test_read_file(const char *path, size_t *len);
/* $KGB_TOP_SRCDIR/REL into a string the caller frees. */
char *test_src_path(const char *rel);

#endif
