/* test_publish.c - `kgbuild publish`: usage and network errors here; the
 * upload itself against a real Virtuoso that tests/publish/virtuoso-check.sh
 * starts on 127.0.0.1 with a private database under the build folder.
 * Where Virtuoso cannot start, the test says SKIP and why. */
#define _GNU_SOURCE
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "test_util.h"

static void test_usage_and_errors(void **state)
{
  char *article = test_src_path("examples/en-nordwind.txt");
  test_result none = test_run((const char *[]){"publish", article, NULL},
                              NULL);
  test_result closed = test_run(
      (const char *[]){"publish", "--endpoint",
                       "http://127.0.0.1:1/sparql-graph-crud-auth", article,
                       NULL},
      NULL);

  (void)state;
  assert_int_equal(none.status, 2);
  assert_non_null(strstr(none.err, "--endpoint"));
  assert_int_equal(closed.status, 1);
  assert_non_null(strstr(closed.err, "127.0.0.1:1"));
  test_result_release(&none);
  test_result_release(&closed);
  free(article);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_usage_and_errors),
  };
  char *program = strdup(getenv("KGB_PROGRAM"));
  char *script = test_src_path("tests/publish/virtuoso-check.sh"), *cmd;
  int failed = cmocka_run_group_tests(tests, NULL, NULL), status;

  if (failed)
    return failed;
  /* The database lives in the build folder, beside the program. */
  if (asprintf(&cmd, "%s %s/tests/virtuoso-db", script, dirname(program)) < 0)
    return 1;
  status = test_sh(cmd);
  free(cmd);
  free(script);
  free(program);
  if (status == 77)
    fprintf(stderr, "SKIP: Virtuoso could not be started (see above)\n");
  return status;
}
