/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_output.c - `-o PATH` never damages what is at PATH: a FIFO, a
 * device or a link stays what it is, a file keeps its mode and owner,
 * and a graph is replaced only by a whole one. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "test_util.h"

static void write_article(const char *path, const char *company)
{
  char text[256];

  snprintf(text, sizeof text, "%s Corp will invest 3 million euros in "
           "Italy.\n", company);
  test_write_file(path, text, strlen(text));
}

/* Temporary files left in the test folder. */
static size_t leftovers(void)
{
  DIR *d = opendir(test_tmpdir);
  struct dirent *e;
  size_t n = 0;

  assert_non_null(d);
  while ((e = readdir(d)))
    n += strstr(e->d_name, ".tmp.") != NULL;
  closedir(d);
  return n;
}

/* A FIFO is written through and stays a FIFO: a reader gets the graph. */
static void test_fifo_is_written_through(void **state)
{
  char *fifo = test_tmpdir_path("graph.fifo"), *copy = test_tmpdir_path("copy.nt");
  char *article = test_tmpdir_path("fifo.txt"), *cmd, *got;
  struct stat st;

  (void)state;
  write_article(article, "Velmora");
  assert_int_equal(mkfifo(fifo, 0600), 0);
  assert_true(asprintf(&cmd, "cat '%s' > '%s' & '%s' -f ntriples -o '%s' "
                       "'%s'; s=$?; wait; exit $s", fifo, copy,
                       getenv("KGB_PROGRAM"), fifo, article) > 0);
  assert_int_equal(test_sh(cmd), 0);
  assert_int_equal(lstat(fifo, &st), 0);
  assert_true(S_ISFIFO(st.st_mode));
  got = test_read_file(copy, NULL);
  assert_non_null(got);
  assert_true(test_raptor_count(got, "ntriples") > 0);
  assert_non_null(strstr(got, "velmora"));
  assert_int_equal(leftovers(), 0);
  free(got);
  free(cmd);
  free(fifo);
  free(copy);
  free(article);
}

/* A character device (a private /dev/null) stays a device.  Making one
 * needs root and a folder not mounted nodev. */
static void test_device_stays_a_device(void **state)
{
  char *null = test_tmpdir_path("null"), *article = test_tmpdir_path("dev.txt");
  struct stat st;
  int fd;

  (void)state;
  if (mknod(null, S_IFCHR | 0666, makedev(1, 3)) != 0 ||
      (fd = open(null, O_WRONLY)) < 0) {
    fprintf(stderr, "note: no private device here (%s); part skipped\n",
            strerror(errno));
    unlink(null);
    free(null);
    free(article);
    return;
  }
  close(fd);
  write_article(article, "Corvane");
  test_result r = test_run((const char *[]){"-o", null, article, NULL}, NULL);
  assert_int_equal(r.status, 0);
  assert_int_equal(lstat(null, &st), 0);
  assert_true(S_ISCHR(st.st_mode));
  assert_int_equal(leftovers(), 0);
  test_result_release(&r);
  unlink(null);
  free(null);
  free(article);
}

/* A link stays a link and its target gets the graph; the target's mode
 * (and, as root, its owner) is kept. */
static void test_link_mode_and_owner_kept(void **state)
{
  char *target = test_tmpdir_path("target.ttl"), *link = test_tmpdir_path("link.ttl");
  char *article = test_tmpdir_path("link.txt");
  int root = geteuid() == 0;
  struct stat st;

  (void)state;
  write_article(article, "Brixtel");
  test_write_file(target, "old\n", 4);
  assert_int_equal(chmod(target, 0604), 0);
  if (root)
    assert_int_equal(chown(target, 4321, 4322), 0);
  assert_int_equal(symlink("target.ttl", link), 0);
  test_result r = test_run((const char *[]){"-o", link, article, NULL}, NULL);
  assert_int_equal(r.status, 0);
  assert_int_equal(lstat(link, &st), 0);
  assert_true(S_ISLNK(st.st_mode));
  assert_int_equal(stat(target, &st), 0);
  assert_int_equal(st.st_mode & 07777, 0604);
  if (root) {
    assert_int_equal(st.st_uid, 4321);
    assert_int_equal(st.st_gid, 4322);
  }
  char *got = test_read_file(target, NULL);
  assert_non_null(strstr(got, "brixtel"));
  free(got);
  test_result_release(&r);
  free(target);
  free(link);
  free(article);
}

/* An input that cannot be read leaves the graph as it was; --keep-going
 * writes the graph of the others and says so; both exit 1. */
static void test_missing_input_keeps_the_graph(void **state)
{
  char *graph = test_tmpdir_path("kept.ttl"), *article = test_tmpdir_path("kept.txt");
  char *missing = test_tmpdir_path("no-such-article.txt"), *before, *after;

  (void)state;
  write_article(article, "Quorvex");
  test_result first = test_run((const char *[]){"-o", graph, article, NULL},
                               NULL);
  assert_int_equal(first.status, 0);
  before = test_read_file(graph, NULL);
  test_result typo = test_run(
      (const char *[]){"-o", graph, missing, article, NULL}, NULL);
  after = test_read_file(graph, NULL);
  assert_int_equal(typo.status, 1);
  assert_string_equal(before, after);
  assert_non_null(strstr(typo.err, "no-such-article.txt"));
  assert_non_null(strstr(typo.err, "--keep-going"));
  free(after);
  test_result going = test_run(
      (const char *[]){"--keep-going", "-o", graph, missing, article, NULL},
      NULL);
  after = test_read_file(graph, NULL);
  assert_int_equal(going.status, 1);
  assert_non_null(strstr(going.err, "1 of 2 inputs"));
  assert_non_null(strstr(after, "quorvex"));
  assert_int_equal(leftovers(), 0);
  test_result_release(&first);
  test_result_release(&typo);
  test_result_release(&going);
  free(before);
  free(after);
  free(graph);
  free(article);
  free(missing);
}

/* A directory is refused; a full device is named with the cause. */
static void test_refusals_name_the_cause(void **state)
{
  char *article = test_tmpdir_path("refused.txt");

  (void)state;
  write_article(article, "Tessaro");
  test_result d = test_run((const char *[]){"-o", test_tmpdir, article, NULL}, NULL);
  assert_int_equal(d.status, 1);
  assert_non_null(strstr(d.err, "is a directory"));
  test_result_release(&d);
  if (access("/dev/full", W_OK) == 0) {
    test_result full = test_run(
        (const char *[]){"-o", "/dev/full", article, NULL}, NULL);
    assert_int_equal(full.status, 1);
    assert_non_null(strstr(full.err, "/dev/full: cannot write the output: "));
    assert_non_null(strstr(full.err, strerror(ENOSPC)));
    test_result_release(&full);
  }
  free(article);
}

/* Start the program on standard input from a pipe kept open, writing
 * to GRAPH; *FEED is the pipe's write end. */
static pid_t start_waiting(const char *graph, int *feed)
{
  int fds[2];
  pid_t pid;

  assert_int_equal(pipe(fds), 0);
  pid = fork();
  assert_true(pid >= 0);
  if (pid == 0) {
    int devnull = open("/dev/null", O_WRONLY);
    dup2(fds[0], 0);
    dup2(devnull, 2);
    close(fds[1]);
    /* The test runner may have ignored these; the program must see them. */
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    execl(getenv("KGB_PROGRAM"), "kgbuild", "-o", graph, "-", (char *)NULL);
    _exit(127);
  }
  close(fds[0]);
  *feed = fds[1];
  return pid;
}

/* Ctrl-C or a kill while the graph is written removes the temporary
 * file and leaves the old graph. */
static void test_signal_removes_the_temporary_file(void **state)
{
  static const int signals[] = {SIGINT, SIGTERM};
  char *graph = test_tmpdir_path("signalled.ttl");

  (void)state;
  for (size_t i = 0; i < sizeof signals / sizeof *signals; i++) {
    int feed, status;
    test_write_file(graph, "old\n", 4);
    pid_t pid = start_waiting(graph, &feed);
    /* Wait (at most ~10 s) for the temporary file to appear. */
    for (int tries = 0; leftovers() == 0 && tries < 1000; tries++)
      nanosleep(&(struct timespec){0, 10000000}, NULL);
    assert_int_equal(leftovers(), 1);
    assert_int_equal(kill(pid, signals[i]), 0);
    assert_int_equal(waitpid(pid, &status, 0), pid);
    close(feed);
    assert_true(WIFSIGNALED(status));
    assert_int_equal(WTERMSIG(status), signals[i]);
    assert_int_equal(leftovers(), 0);
    char *got = test_read_file(graph, NULL);
    assert_string_equal(got, "old\n");
    free(got);
  }
  free(graph);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_fifo_is_written_through),
    cmocka_unit_test(test_device_stays_a_device),
    cmocka_unit_test(test_link_mode_and_owner_kept),
    cmocka_unit_test(test_missing_input_keeps_the_graph),
    cmocka_unit_test(test_refusals_name_the_cause),
    cmocka_unit_test(test_signal_removes_the_temporary_file),
  };
  return cmocka_run_group_tests(tests, test_tmpdir_make, test_tmpdir_remove);
}
