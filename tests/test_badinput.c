/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_badinput.c - inputs that are not clean text: each gives a clear
 * message and the graph of what could be read, never a crash or a hang. */
#define _DEFAULT_SOURCE
#include "test_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Write LEN bytes to a temporary file and run kgbuild on it. */
static test_result run_on_bytes(const char *bytes, size_t len,
                               const char *format, char *path, size_t size)
{
  test_result r;
  int fd;

  snprintf(path, size, "/tmp/kgb-bad-XXXXXX");
  fd = mkstemp(path);
  assert_true(fd >= 0);
  assert_true(write(fd, bytes, len) == (ssize_t)len);
  close(fd);
  r = test_run((const char *[]){"-f", format, path, NULL}, NULL);
  return r;
}

static void release(test_result *r, const char *path)
{
  test_result_release(r);
  unlink(path);
}

static void test_invalid_utf8_replaced_offsets_kept(void **state)
{
  static const char bytes[] =
      "Intro \xFF\xFE. Zentra va investir 2 milliards d'euros en Espagne.";
  char path[64];
  test_result r = run_on_bytes(bytes, sizeof bytes - 1, "ntriples", path,
                              sizeof path);

  (void)state;
  assert_int_equal(r.status, 0);
  assert_non_null(strstr(r.err, path));
  assert_non_null(strstr(r.err, "invalid UTF-8"));
  assert_true(test_raptor_count(r.out, "ntriples") > 10);
  /* Two bad bytes became two code points: the sentence starts at 10. */
  assert_non_null(strstr(r.out, "beginIndex> \"10\"^^"));
  release(&r, path);
}

static void test_nul_bytes(void **state)
{
  static const char bytes[] =
      "Zentra will invest 5 million euros in Portugal.\0\0 More text.";
  char path[64];
  test_result r = run_on_bytes(bytes, sizeof bytes - 1, "turtle", path,
                              sizeof path);

  (void)state;
  assert_int_equal(r.status, 0);
  assert_non_null(strstr(r.err, "NUL"));
  assert_non_null(strstr(r.out, "kgo:Investment"));
  assert_true(test_raptor_count(r.out, "turtle") > 10);
  release(&r, path);
}

static void test_empty_file(void **state)
{
  char path[64];
  test_result r = run_on_bytes("", 0, "turtle", path, sizeof path);

  (void)state;
  assert_int_equal(r.status, 0);
  assert_non_null(strstr(r.err, "empty"));
  assert_non_null(strstr(r.out, "kgo:Document"));
  assert_true(test_raptor_count(r.out, "turtle") > 0);
  release(&r, path);
}

static void test_binary_file(void **state)
{
  size_t len = 200000;
  char *bytes = malloc(len);
  char path[64];
  test_result r;

  (void)state;
  srand(7);
  for (size_t i = 0; i < len; i++)
    bytes[i] = (char)(rand() & 0xFF);
  r = run_on_bytes(bytes, len, "ntriples", path, sizeof path);
  assert_int_equal(r.status, 0);
  assert_non_null(strstr(r.err, "binary"));
  assert_true(test_raptor_count(r.out, "ntriples") > 0);
  free(bytes);
  release(&r, path);
}

/* 50 MB on one line: the sentence bound and the fact bound are reported,
 * the run ends, and the graph holds the facts read before the bound. */
static void test_fifty_megabytes_no_newline(void **state)
{
  static const char unit[] =
      "Zentra said it will invest 12 million euros in Portugal and hire 40 "
      "people, and analysts expect more deals in the sector this year ";
  size_t target = 50u << 20, n = 0, u = sizeof unit - 1;
  char *bytes = malloc(target + u);
  char path[64];
  test_result r;

  (void)state;
  while (n < target) {
    memcpy(bytes + n, unit, u);
    n += u;
  }
  r = run_on_bytes(bytes, n, "ntriples", path, sizeof path);
  assert_int_equal(r.status, 0);
  assert_non_null(strstr(r.err, "cut in pieces"));
  assert_non_null(strstr(r.err, "facts"));
  assert_true(test_raptor_count(r.out, "ntriples") > 1000);
  free(bytes);
  release(&r, path);
}

/* An input past --max-input is refused unread, named, and the others
 * still make their graph; a stream is cut off at the bound. */
static void test_input_size_bound(void **state)
{
  char *nordwind = test_src_path("examples/en-nordwind.txt"),
       *acme = test_src_path("examples/en-acme-spain.txt");
  size_t small = 0, big = 0;
  char *a = test_read_file(nordwind, &small), *b = test_read_file(acme, &big);
  char limit[32];
  test_result r;

  (void)state;
  assert_true(small < big);
  /* Between the two sizes: the smaller file in, the larger out. */
  snprintf(limit, sizeof limit, "%.6f", (double)(small + big) / 2 / 1048576);
  r = test_run((const char *[]){"--max-input", limit, "-f", "ntriples",
                                acme, nordwind, NULL},
               NULL);
  assert_int_equal(r.status, 1);
  assert_non_null(strstr(r.err, "en-acme-spain.txt: "));
  assert_non_null(strstr(r.err, "KB is more than an input may have"));
  assert_null(strstr(r.err, "en-nordwind.txt: "));
  assert_true(test_count_lines(r.out, "en-nordwind.txt", NULL) == 1);
  assert_true(test_count_lines(r.out, "en-acme-spain.txt", NULL) == 0);
  test_result_release(&r);
  r = test_run((const char *[]){"--max-input", limit, "-", NULL}, b);
  assert_int_equal(r.status, 1);
  assert_non_null(strstr(r.err, "<stdin>: more than "));
  test_result_release(&r);
  r = test_run((const char *[]){"--max-input", "0", "-", NULL}, a);
  assert_int_equal(r.status, 2);
  assert_non_null(strstr(r.err, "--max-input needs a size"));
  test_result_release(&r);
  free(a);
  free(b);
  free(nordwind);
  free(acme);
}

/* A sentence naming a hundred firms: the rules pair 64 of them, say so,
 * and the facts of the next sentence are still found. */
static void test_crowded_sentence(void **state)
{
  char *text = malloc(20000), path[64];
  size_t n = 0;
  test_result r;

  (void)state;
  n += (size_t)sprintf(text + n, "Firms at the fair: ");
  for (int i = 0; i < 100; i++)
    n += (size_t)sprintf(text + n, "%sQuor%cel%c Systems Inc", i ? ", " : "",
                         'a' + i % 26, 'a' + i / 26);
  n += (size_t)sprintf(text + n, ".\n\nBrisk Motors will invest $40 million "
                       "in Ohio.\n");
  r = run_on_bytes(text, n, "ntriples", path, sizeof path);
  assert_int_equal(r.status, 0);
  assert_non_null(strstr(r.err, "a sentence names 100 entities; the rules "
                             "pair only the first 64"));
  assert_true(test_count_lines(r.out, "ontology#Investment>", NULL) == 1);
  free(text);
  release(&r, path);
}

/* 1200 firms, each in a sentence of its own: the document-wide rules
 * pair the first 1000, and say so. */
static void test_many_entities(void **state)
{
  char *text = malloc(200000), path[64];
  size_t n = 0;
  test_result r;

  (void)state;
  for (int i = 0; i < 1200; i++)
    n += (size_t)sprintf(text + n, "Quor%c%c%c Systems Inc met analysts. ",
                         'a' + i % 26, 'a' + i / 26 % 26, 'a' + i / 676);
  r = run_on_bytes(text, n, "ntriples", path, sizeof path);
  assert_int_equal(r.status, 0);
  assert_non_null(strstr(r.err, "1200 entities; places and units are "
                             "paired among the first 1000 only"));
  free(text);
  release(&r, path);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_invalid_utf8_replaced_offsets_kept),
    cmocka_unit_test(test_nul_bytes),
    cmocka_unit_test(test_empty_file),
    cmocka_unit_test(test_binary_file),
    cmocka_unit_test(test_fifty_megabytes_no_newline),
    cmocka_unit_test(test_input_size_bound),
    cmocka_unit_test(test_crowded_sentence),
    cmocka_unit_test(test_many_entities),
  };

  return cmocka_run_group_tests(tests, NULL, NULL);
}
