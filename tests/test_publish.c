/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_publish.c - `kgbuild publish`: usage and network errors here; the
 * upload itself against a real Virtuoso that tests/publish/virtuoso-check.sh
 * starts on 127.0.0.1 with a private database under the build folder.
 * Where Virtuoso cannot start, the test says SKIP and why. */
#define _GNU_SOURCE
#include <libgen.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

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

/* A server of tests/publish/fake-server.py in MODE, logging to a file
 * of its own. */
typedef struct {
  pid_t pid;
  int port;
  char log[64];
  char url[128];
} fake_server;

static void start_server(fake_server *s, const char *mode)
{
  char *script = test_src_path("tests/publish/fake-server.py");
  int fds[2];
  FILE *from;

  snprintf(s->log, sizeof s->log, "/tmp/kgb-publish-%d-%s.log", (int)getpid(),
           mode);
  unlink(s->log);
  assert_int_equal(pipe(fds), 0);
  s->pid = fork();
  assert_true(s->pid >= 0);
  if (s->pid == 0) {
    dup2(fds[1], 1);
    close(fds[0]);
    execl("/usr/bin/python3", "python3", script, mode, s->log, (char *)NULL);
    _exit(127);
  }
  close(fds[1]);
  from = fdopen(fds[0], "r");
  assert_int_equal(fscanf(from, "%d", &s->port), 1);
  fclose(from);
  snprintf(s->url, sizeof s->url, "http://127.0.0.1:%d/crud", s->port);
  free(script);
}

static char *stop_server(fake_server *s)
{
  char *log;

  kill(s->pid, SIGKILL);
  waitpid(s->pid, NULL, 0);
  log = test_read_file(s->log, NULL);
  unlink(s->log);
  return log ? log : strdup("");
}

/* Silent, slow and endless servers: each wait ends with a message. */
static void test_misbehaving_servers_time_out(void **state)
{
  static const char *const modes[] = {"silent", "slow", "endless"};
  char *article = test_src_path("examples/en-nordwind.txt");

  (void)state;
  for (size_t i = 0; i < sizeof modes / sizeof *modes; i++) {
    fake_server s;
    start_server(&s, modes[i]);
    test_result r = test_run((const char *[]){"publish", "--timeout", "2",
                                              "--endpoint", s.url, article,
                                              NULL}, NULL);
    free(stop_server(&s));
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.err, s.url));
    assert_null(strstr(r.err, "published"));
    if (strcmp(modes[i], "endless"))
      assert_non_null(strstr(r.err, "no answer within 2 s"));
    else
      assert_non_null(strstr(r.err, "answer is longer than"));
    test_result_release(&r);
  }
  free(article);
}

/* query --endpoint: a silent server is a timeout, a hostile answer is
 * shown harmless, and --endpoint does not mix with the local engine's
 * options. */
static void test_query_endpoint_errors(void **state)
{
  fake_server s;
  test_result r;

  (void)state;
  start_server(&s, "silent");
  r = test_run((const char *[]){"query", "--timeout", "2", "--endpoint",
                                s.url, "ASK {}", NULL}, NULL);
  free(stop_server(&s));
  assert_int_equal(r.status, 1);
  assert_non_null(strstr(r.err, "no answer within 2 s"));
  assert_string_equal(r.out, "");
  test_result_release(&r);

  start_server(&s, "hostile");
  r = test_run((const char *[]){"query", "--endpoint", s.url,
                                "SELECT * WHERE { ?s ?p ?o }", NULL}, NULL);
  free(stop_server(&s));
  assert_int_equal(r.status, 1);
  assert_non_null(strstr(r.err, "403"));
  assert_null(strchr(r.err, '\033'));
  test_result_release(&r);

  r = test_run((const char *[]){"query", "--endpoint", "http://127.0.0.1:1/",
                                "--data", "x.ttl", "ASK {}", NULL}, NULL);
  assert_int_equal(r.status, 2);
  assert_non_null(strstr(r.err, "--endpoint"));
  test_result_release(&r);
  r = test_run((const char *[]){"query", "--endpoint", "ftp://host/sparql",
                                "ASK {}", NULL}, NULL);
  assert_int_equal(r.status, 1);
  assert_non_null(strstr(r.err, "not an http:// or https:// URL"));
  test_result_release(&r);
}

/* What the server says is shown with its status line, and nothing of it
 * can drive the terminal. */
static void test_server_errors_are_sanitised(void **state)
{
  char *article = test_src_path("examples/en-nordwind.txt");
  fake_server s;

  (void)state;
  start_server(&s, "hostile");
  test_result r = test_run((const char *[]){"publish", "--endpoint", s.url,
                                            article, NULL}, NULL);
  free(stop_server(&s));
  assert_int_equal(r.status, 1);
  assert_non_null(strstr(r.err, "403 Forbidden"));
  assert_non_null(strstr(r.err, "denied"));
  assert_null(strchr(r.err, '\x1b'));
  assert_null(strchr(r.err, '\x07'));
  assert_null(strstr(r.err, "\xc2\x9b"));
  test_result_release(&r);
  free(article);
}

/* An input that cannot be read: nothing is sent (a PUT would empty the
 * remote graph), unless --keep-going. */
static void test_nothing_sent_unless_whole(void **state)
{
  char *article = test_src_path("examples/en-nordwind.txt"), *log;
  fake_server s;

  (void)state;
  start_server(&s, "ok");
  test_result r = test_run(
      (const char *[]){"publish", "--replace", "--endpoint", s.url,
                       "/nonexistent/typo.txt", article, NULL}, NULL);
  log = stop_server(&s);
  assert_int_equal(r.status, 1);
  assert_null(strstr(log, "request"));
  assert_non_null(strstr(r.err, "nothing published"));
  assert_null(strstr(r.err, "published to"));
  free(log);
  test_result_release(&r);
  start_server(&s, "ok");
  test_result going = test_run(
      (const char *[]){"publish", "--keep-going", "--replace", "--endpoint",
                       s.url, "/nonexistent/typo.txt", article, NULL}, NULL);
  log = stop_server(&s);
  assert_int_equal(going.status, 1);
  assert_non_null(strstr(log, "request PUT"));
  free(log);
  test_result_release(&going);
  free(article);
}

/* The password comes from a file or the environment, reaches the server,
 * and never appears in a message, nor does one inside the URL. */
static void test_password_from_file_never_shown(void **state)
{
  char *article = test_src_path("examples/en-nordwind.txt"), *log, *url;
  char secret_file[64];
  fake_server s;

  (void)state;
  snprintf(secret_file, sizeof secret_file, "/tmp/kgb-secret-%d",
           (int)getpid());
  test_write_file(secret_file, "Zq7-file-secret\n", 16);
  start_server(&s, "ok");
  test_result r = test_run(
      (const char *[]){"publish", "--endpoint", s.url, "--user", "dba",
                       "--password-file", secret_file, article, NULL}, NULL);
  log = stop_server(&s);
  assert_int_equal(r.status, 0);
  assert_non_null(strstr(log, "password Zq7-file-secret\n"));
  assert_non_null(strstr(r.err, "published to"));
  free(log);
  test_result_release(&r);
  /* A refused connection names the endpoint without its password. */
  assert_true(asprintf(&url, "http://dba:Zq7-url-secret@127.0.0.1:%d/crud",
                       s.port) > 0);
  test_result gone = test_run((const char *[]){"publish", "--endpoint", url,
                                               article, NULL}, NULL);
  assert_int_equal(gone.status, 1);
  assert_non_null(strstr(gone.err, "dba:***@127.0.0.1"));
  assert_null(strstr(gone.err, "Zq7-url-secret"));
  test_result_release(&gone);
  unlink(secret_file);
  free(url);
  free(article);
}

/* kgb_redact: passwords of URLs, of store option lists and of librdf's
 * messages about them, quoted or not. */
static void test_redact(void **state)
{
  static const char *const cases[][2] = {
    {"http://u:p@ss@h:1/x?graph=a", "http://u:***@h:1/x?graph=a"},
    {"http://h/x", "http://h/x"},
    {"http://u@h/x", "http://u@h/x"},
    {"postgresql:host=h,password=pw,user=u", "postgresql:host=h,password=***,user=u"},
    {"virtuoso:dsn=D;UID=u;PWD=pw", "virtuoso:dsn=D;UID=u;PWD=***"},
    {"sqlite:graph.db", "sqlite:graph.db"},
    {"virtuoso:dsn=D,password=P1", "virtuoso:dsn=D,password=***"},
    {"x password='P 1' y password=\"P,2\" z password=P3 w",
     "x password='***' y password=\"***\" z password=*** w"},
    {"", ""},
  };

  (void)state;
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char *got = kgb_redact(cases[i][0]);
    assert_string_equal(got, cases[i][1]);
    free(got);
  }
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_usage_and_errors),
    cmocka_unit_test(test_redact),
    cmocka_unit_test(test_misbehaving_servers_time_out),
    cmocka_unit_test(test_server_errors_are_sanitised),
    cmocka_unit_test(test_nothing_sent_unless_whole),
    cmocka_unit_test(test_password_from_file_never_shown),
    cmocka_unit_test(test_query_endpoint_errors),
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
