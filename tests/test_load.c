/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_load.c - `kgbuild load` into an sqlite: store survives being
 * killed: SIGKILL at 20 moments, and the store holds exactly the
 * documents committed, each with its entities' types and names; a reload
 * ends where an uninterrupted load does.  Two loads at once both finish;
 * a writer waits for a lock, up to a bound; errors name the store and the
 * cause, never a password; the summary counts what was added.
 *
 * Stores are compared by tests/load/same-stores.py, which reads them
 * with Python's sqlite3 module and compares them with rdflib. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "kgb_store.h"
#include "test_util.h"

enum { N_DOCS = 30, N_KILLS = 20 };

static char workdir[] = "/tmp/kgb-load-XXXXXX";
static char *docs[N_DOCS];
static char *compare_script;

/* Names that come back in several forms, so labels move from one
 * document to the next ("Acme" -> "Acme Corp" -> "Acme Corporation"). */
static const char *const firms[] = {
  "Acme", "Acme Corp", "Borel Industries", "Acme Corporation",
  "Calvix Group", "Borel", "Dunmore Steel Plc", "Calvix",
  "Dunmore Steel", "Estrava Foods Inc",
};
static const char *const places[] = {
  "Lyon", "Madrid", "Bordeaux", "Spain", "Poland", "Toulouse", "Porto",
};

static void write_doc(size_t i)
{
  const char *a = firms[i % 10], *b = firms[(i * 7 + 3) % 10];
  const char *p = places[i % 7], *q = places[(i * 3 + 1) % 7];
  char text[1024];
  int n;

  if (i % 3 == 2)
    n = snprintf(text, sizeof text,
                 "%s va supprimer %zu emplois\n\n"
                 "%s va supprimer %zu emplois à %s, a annoncé le groupe "
                 "lundi. %s va investir %zu millions d'euros à %s.\n",
                 a, 100 + i, a, 100 + i, p, b, 20 + i, q);
  else
    n = snprintf(text, sizeof text,
                 "%s to cut jobs\n\n"
                 "%s will cut %zu jobs in %s, the company said on Monday. "
                 "%s will invest %zu million euros in %s. %s agreed to buy "
                 "%s for %zu million dollars.\n",
                 a, a, 200 + i, p, b, 30 + i, q, b, firms[(i + 5) % 10],
                 40 + i);
  assert_true(asprintf(&docs[i], "%s/doc-%02zu.txt", workdir, i) > 0);
  test_write_file(docs[i], text, (size_t)n);
}

static char *db_path(const char *name)
{
  char *path;

  assert_true(asprintf(&path, "%s/%s.db", workdir, name) > 0);
  return path;
}

static char *store_uri(const char *name)
{
  char *uri;

  assert_true(asprintf(&uri, "sqlite:%s/%s.db", workdir, name) > 0);
  return uri;
}

/* The argument list of `kgbuild load ... OPTION --store STORE` for the
 * documents FIRST to FIRST+N (argv[0] is the program). */
static void load_args(const char *argv[], const char *option,
                      const char *uri, size_t first, size_t n)
{
  size_t k = 0;

  argv[k++] = getenv("KGB_PROGRAM");
  argv[k++] = "load";
  argv[k++] = option;
  argv[k++] = "--store";
  argv[k++] = uri;
  for (size_t i = first; i < first + n; i++)
    argv[k++] = docs[i];
  argv[k] = NULL;
}

/* Load documents FIRST to FIRST+N into the store NAME; the summary. */
static test_result load(const char *name, size_t first, size_t n)
{
  const char *argv[N_DOCS + 8];
  char *uri = store_uri(name);
  test_result r;

  load_args(argv, "-q", uri, first, n);
  r = test_run(argv + 1, NULL);
  free(uri);
  return r;
}

static void load_ok(const char *name, size_t first, size_t n)
{
  test_result r = load(name, first, n);

  if (r.status != 0)
    fail_msg("load into %s failed (%d): %s", name, r.status, r.err);
  test_result_release(&r);
}

static void remove_store(const char *name)
{
  char *path = db_path(name), *journal;

  assert_true(asprintf(&journal, "%s-journal", path) > 0);
  unlink(path);
  unlink(journal);
  free(journal);
  free(path);
}

/* An SQL answer (one number) about the store NAME, read by Python; 0
 * when the store, or its tables, are not there (a load killed before it
 * made them).  A connection that may write, as any reader of the store
 * has, rolls back what a killed load left half-done. */
static long sql_number(const char *name, const char *query)
{
  char *path = db_path(name), *cmd, *out;
  long n;

  assert_true(asprintf(&cmd, "/usr/bin/python3 -c 'import os,sqlite3,sys\n"
                       "try: print(sqlite3.connect(sys.argv[1]).execute("
                       "\"%s\").fetchone()[0] if os.path.exists(sys.argv[1])"
                       " else 0)\n"
                       "except sqlite3.OperationalError: print(0)' %s",
                       query, path) > 0);
  out = test_capture(cmd);
  assert_non_null(out);
  n = atol(out);
  free(out);
  free(cmd);
  free(path);
  return n;
}

static long documents_in(const char *name)
{
  return sql_number(name, "SELECT COUNT(*) FROM triples t JOIN uris u ON "
                          "u.id = t.predicateUri WHERE u.uri LIKE "
                          "\\\"%#sha256\\\"");
}

static long rows_in(const char *name)
{
  return sql_number(name, "SELECT COUNT(*) FROM triples");
}

/* Run `load -v` of every document into the store NAME and SIGKILL it
 * DELAY_US microseconds after it has said it took AFTER documents (the
 * line comes once the document is committed). */
static void kill_load(const char *name, int after, long delay_us)
{
  const char *argv[N_DOCS + 8];
  char *uri = store_uri(name), line[4096];
  int err[2], said = 0, status;
  pid_t pid;
  FILE *f;

  load_args(argv, "-v", uri, 0, N_DOCS);
  assert_int_equal(pipe(err), 0);
  pid = fork();
  assert_true(pid >= 0);
  if (pid == 0) {
    dup2(err[1], 2);
    close(err[0]);
    close(err[1]);
    execv(argv[0], (char *const *)argv);
    _exit(127);
  }
  close(err[1]);
  f = fdopen(err[0], "r");
  assert_non_null(f);
  while (said < after && fgets(line, sizeof line, f))
    said += strstr(line, " facts\n") != NULL;
  if (delay_us > 0) {
    struct timespec t = {delay_us / 1000000, (delay_us % 1000000) * 1000};
    nanosleep(&t, NULL);
  }
  kill(pid, SIGKILL);
  fclose(f);
  assert_int_equal(waitpid(pid, &status, 0), pid);
  free(uri);
}

/* Are the stores pairwise alike (NAMES: a1 b1 a2 b2 ...)? */
static void assert_same_stores(const char *const *names, size_t n)
{
  char *cmd, *arg;
  size_t len = 0;
  FILE *f = open_memstream(&cmd, &len);

  fprintf(f, "/usr/bin/python3 %s", compare_script);
  for (size_t i = 0; i < n; i++) {
    arg = db_path(names[i]);
    fprintf(f, " %s", arg);
    free(arg);
  }
  fclose(f);
  assert_int_equal(test_sh(cmd), 0);
  free(cmd);
}

/* Killed at 20 moments: what is left is the load of the documents it
 * holds, and a reload gives the uninterrupted load. */
static void test_killed_load_resumes_whole(void **state)
{
  const char *pairs[4 * N_KILLS];
  char *names[2 * N_KILLS];
  long killed_mid_way = 0;

  (void)state;
  load_ok("whole", 0, N_DOCS);
  for (int i = 0; i < N_KILLS; i++) {
    char *journal;
    long held;
    int in_transaction;
    assert_true(asprintf(&names[2 * i], "killed-%d", i) > 0);
    assert_true(asprintf(&names[2 * i + 1], "prefix-%d", i) > 0);
    /* After 0 to 28 documents, at once or up to 3.5 ms later: in the
     * world's start, between documents and inside a transaction. */
    kill_load(names[2 * i], (i * 3) % 29, (i % 6) * 700);
    journal = db_path(names[2 * i]);
    journal = realloc(journal, strlen(journal) + 9);
    assert_non_null(journal);
    in_transaction = access(strcat(journal, "-journal"), F_OK) == 0;
    free(journal);
    held = documents_in(names[2 * i]);
    print_message("kill %d: after %d documents + %ld us: %ld committed%s\n",
                  i, (i * 3) % 29, (long)(i % 6) * 700, held,
                  in_transaction ? ", one cut half-way" : "");
    assert_true(held >= 0 && held <= N_DOCS);
    killed_mid_way += held < N_DOCS;
    /* Documents are taken in order: the store holds the first HELD. */
    if (held > 0)
      load_ok(names[2 * i + 1], 0, (size_t)held);
    pairs[4 * i] = names[2 * i];
    pairs[4 * i + 1] = names[2 * i + 1];
    /* What a kill left must match the load of those documents alone:
     * with their entities' names, and no names lost from before. */
    if (held > 0)
      assert_same_stores(pairs + 4 * i, 2);
    else
      assert_int_equal(rows_in(names[2 * i]), 0);
    load_ok(names[2 * i], 0, N_DOCS);
    pairs[4 * i + 2] = names[2 * i];
    pairs[4 * i + 3] = "whole";
  }
  assert_true(killed_mid_way >= N_KILLS / 2);
  /* After the reload, each one is the uninterrupted load. */
  for (int i = 0; i < N_KILLS; i++)
    assert_same_stores(pairs + 4 * i + 2, 2);
  for (int i = 0; i < 2 * N_KILLS; i++) {
    remove_store(names[i]);
    free(names[i]);
  }
}

static pid_t start_load(const char *uri, char *const err_path)
{
  const char *argv[N_DOCS + 8];
  pid_t pid;

  load_args(argv, "-v", uri, 0, N_DOCS);
  pid = fork();
  assert_true(pid >= 0);
  if (pid == 0) {
    if (!freopen(err_path, "w", stderr))
      _exit(126);
    execv(argv[0], (char *const *)argv);
    _exit(127);
  }
  return pid;
}

/* The number before " statements added" in the file PATH. */
static long added_in(const char *path)
{
  char *text = test_read_file(path, NULL), *at;
  long n;

  assert_non_null(text);
  at = strstr(text, " statements added");
  if (!at)
    fail_msg("no summary in: %s", text);
  while (at > text && at[-1] >= '0' && at[-1] <= '9')
    at--;
  n = atol(at);
  free(text);
  return n;
}

/* Two loads of the same documents into one new store at once: both
 * finish, the store is the one load's, and the two summaries add up to
 * what it holds. */
static void test_concurrent_loads_both_finish(void **state)
{
  char *uri = store_uri("both"), *err_a, *err_b;
  const char *pair[] = {"both", "whole"};
  int status_a, status_b;
  pid_t a, b;

  (void)state;
  assert_true(asprintf(&err_a, "%s/a.err", workdir) > 0);
  assert_true(asprintf(&err_b, "%s/b.err", workdir) > 0);
  a = start_load(uri, err_a);
  b = start_load(uri, err_b);
  assert_int_equal(waitpid(a, &status_a, 0), a);
  assert_int_equal(waitpid(b, &status_b, 0), b);
  if (!WIFEXITED(status_a) || WEXITSTATUS(status_a) != 0 ||
      !WIFEXITED(status_b) || WEXITSTATUS(status_b) != 0)
    fail_msg("a load failed: %s / %s", test_read_file(err_a, NULL),
             test_read_file(err_b, NULL));
  assert_same_stores(pair, 2);
  assert_int_equal(added_in(err_a) + added_in(err_b), rows_in("both"));
  free(err_a);
  free(err_b);
  free(uri);
}

/* Hold the store NAME locked (a writer's transaction, from Python)
 * until release_lock; returns once the lock is taken. */
static void hold_lock(const char *name)
{
  char *path = db_path(name), *cmd;

  assert_true(asprintf(&cmd, "/usr/bin/python3 -c 'import os,sqlite3,sys,"
                       "time\n"
                       "c=sqlite3.connect(sys.argv[1], isolation_level=None)\n"
                       "c.execute(\"BEGIN IMMEDIATE\")\n"
                       "open(sys.argv[1] + \".held\", \"w\").close()\n"
                       "for i in range(6000):\n"
                       "  if os.path.exists(sys.argv[1] + \".release\"): break\n"
                       "  time.sleep(0.02)\n"
                       "c.execute(\"COMMIT\")\n"
                       "os.unlink(sys.argv[1] + \".release\")\n"
                       "os.unlink(sys.argv[1] + \".held\")' %s &",
                       path) > 0);
  assert_int_equal(test_sh(cmd), 0);
  free(cmd);
  assert_true(asprintf(&cmd, "for i in $(seq 1000); do [ -e %s.held ] && "
                       "exit 0; sleep 0.01; done; exit 1", path) > 0);
  assert_int_equal(test_sh(cmd), 0);
  free(cmd);
  free(path);
}

/* Let the holder commit, and wait until it has. */
static void release_lock(const char *name)
{
  char *path = db_path(name), *cmd;

  assert_true(asprintf(&cmd, "touch %s.release; for i in $(seq 1000); do "
                       "[ -e %s.held ] || exit 0; sleep 0.01; done; exit 1",
                       path, path) > 0);
  assert_int_equal(test_sh(cmd), 0);
  free(cmd);
  free(path);
}

/* A writer waits for a lock, up to $KGBUILD_STORE_WAIT seconds; past
 * that the message says which store and why, with no package to
 * install.  (The first part proves the wait only when the load reaches
 * the lock within the 1.5 s it is held; on a loaded machine it may not,
 * and then it passes without having shown it.) */
static void test_locked_store_waits_then_says_so(void **state)
{
  char *uri = store_uri("locked"), *err_path;
  int status;
  pid_t pid;
  test_result r;

  (void)state;
  load_ok("locked", 0, 1);
  assert_true(asprintf(&err_path, "%s/locked.err", workdir) > 0);
  hold_lock("locked");
  pid = start_load(uri, err_path);
  usleep(1500000);
  release_lock("locked");
  assert_int_equal(waitpid(pid, &status, 0), pid);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    fail_msg("the load did not wait for the lock: %s",
             test_read_file(err_path, NULL));
  assert_int_equal(documents_in("locked"), N_DOCS);

  load_ok("locked-2", 0, 1);
  hold_lock("locked-2");
  setenv("KGBUILD_STORE_WAIT", "0.5", 1);
  r = load("locked-2", 1, 2);
  unsetenv("KGBUILD_STORE_WAIT");
  release_lock("locked-2");
  assert_int_equal(r.status, 1);
  assert_non_null(strstr(r.err, "locked-2.db"));
  assert_non_null(strstr(r.err, "locked for"));
  assert_null(strstr(r.err, "Debian"));
  assert_int_equal(documents_in("locked-2"), 1);
  test_result_release(&r);
  free(err_path);
  free(uri);
}

static void test_corrupt_store_says_so(void **state)
{
  char *path = db_path("corrupt");
  static const char junk[] = "This is no SQLite database, only some text "
                             "a user saved under the wrong name.\n";
  test_result r;

  (void)state;
  test_write_file(path, junk, sizeof junk - 1);
  r = load("corrupt", 0, 1);
  assert_int_equal(r.status, 1);
  assert_non_null(strstr(r.err, "corrupt.db"));
  assert_non_null(strstr(r.err, "not a database"));
  assert_null(strstr(r.err, "Debian"));
  test_result_release(&r);
  free(path);
}

/* However a store URI with a password fails, the password is not shown;
 * the store is, with its cause. */
static void test_passwords_are_redacted(void **state)
{
  static const char *const uris[] = {
    "postgresql:host=127.0.0.1,port=9,database=kgb,user=u,"
    "password=S3cretPW",
    "virtuoso:dsn=KGB,user=dba,password=S3cretPW,host=127.0.0.1:9",
    "mysql:database=kgb,password=S3cretPW",
  };

  (void)state;
  for (size_t i = 0; i < sizeof uris / sizeof *uris; i++) {
    test_result l = test_run((const char *[]){"load", "--store", uris[i],
                                              docs[0], NULL}, NULL);
    test_result q = test_run((const char *[]){"query", "--store", uris[i],
                                              "ASK {}", NULL}, NULL);
    test_result *both[] = {&l, &q};
    for (size_t k = 0; k < 2; k++) {
      assert_int_equal(both[k]->status, 1);
      if (strstr(both[k]->err, "S3cretPW") || strstr(both[k]->out, "S3cretPW"))
        fail_msg("the password is shown: %s", both[k]->err);
      assert_non_null(strstr(both[k]->err, "password=***"));
      assert_true(strstr(both[k]->err, "cannot open the store") ||
                  strstr(both[k]->err, "not a store"));
    }
    test_result_release(&l);
    test_result_release(&q);
  }
}

/* Passwords go from URIs and from the RDF library's messages, which
 * quote them; the rest stays. */
/* The summary says how many statements the store gained. */
static void test_summary_counts_what_was_added(void **state)
{
  test_result r = load("count", 0, N_DOCS / 2);
  long before;

  (void)state;
  assert_int_equal(r.status, 0);
  test_result_release(&r);
  before = rows_in("count");
  assert_true(before > 100);
  {
    const char *argv[N_DOCS + 8];
    char *uri = store_uri("count");
    load_args(argv, "-v", uri, 0, N_DOCS);   /* not -q: with the summary */
    r = test_run(argv + 1, NULL);
    free(uri);
  }
  assert_int_equal(r.status, 0);
  assert_non_null(strstr(r.err, "15 of 30 documents there already"));
  {
    char *err_path;
    assert_true(asprintf(&err_path, "%s/count.err", workdir) > 0);
    test_write_file(err_path, r.err, strlen(r.err));
    assert_int_equal(added_in(err_path), rows_in("count") - before);
    free(err_path);
  }
  test_result_release(&r);
}

static int have_rdflib(void)
{
  return test_sh("/usr/bin/python3 -c 'import rdflib, sqlite3' "
                 ">/dev/null 2>&1") == 0;
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_killed_load_resumes_whole),
    cmocka_unit_test(test_concurrent_loads_both_finish),
    cmocka_unit_test(test_locked_store_waits_then_says_so),
    cmocka_unit_test(test_corrupt_store_says_so),
    cmocka_unit_test(test_passwords_are_redacted),
    cmocka_unit_test(test_summary_counts_what_was_added),
  };
  int failed;
  char *cmd;

  if (!have_rdflib()) {
    fprintf(stderr, "test_load: skipped: /usr/bin/python3 with rdflib "
                    "(Debian package python3-rdflib) is needed\n");
    return 77;
  }
  assert_non_null(mkdtemp(workdir));
  compare_script = test_src_path("tests/load/same-stores.py");
  for (size_t i = 0; i < N_DOCS; i++)
    write_doc(i);
  failed = cmocka_run_group_tests(tests, NULL, NULL);
  if (asprintf(&cmd, "rm -rf %s", workdir) > 0) {
    test_sh(cmd);
    free(cmd);
  }
  for (size_t i = 0; i < N_DOCS; i++)
    free(docs[i]);
  free(compare_script);
  return failed;
}
