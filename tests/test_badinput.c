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

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_invalid_utf8_replaced_offsets_kept),
    cmocka_unit_test(test_nul_bytes),
    cmocka_unit_test(test_empty_file),
    cmocka_unit_test(test_binary_file),
    cmocka_unit_test(test_fifty_megabytes_no_newline),
  };

  return cmocka_run_group_tests(tests, NULL, NULL);
}
