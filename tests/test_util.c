/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_util.c - helpers shared by the cmocka tests. */
#define _GNU_SOURCE
#include "test_util.h"

#include <poll.h>
#include <raptor2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

char test_last_message[1024];

static void keep_message(void *data, kgb_level level, const char *msg)
{
  (void)data;
  (void)level;
  snprintf(test_last_message, sizeof test_last_message, "%s", msg);
}

kgb_world *test_world(void)
{
  kgb_world *world = kgb_world_new();

  assert_non_null(world);
  kgb_world_set_message_handler(world, keep_message, NULL);
  if (kgb_world_open(world) != KGB_OK)
    fail_msg("cannot open the world: %s", test_last_message);
  return world;
}

int test_main_with_world(const char *name, const struct CMUnitTest *tests,
                         size_t count, kgb_world **world)
{
  int failed;

  *world = test_world();
  failed = _cmocka_run_group_tests(name, tests, count, NULL, NULL);
  kgb_world_free(*world);
  *world = NULL;
  return failed;
}

char *test_graph_of_document(kgb_world *world, kgb_document *doc,
                              const char *format, int mentions)
{
  kgb_factset *facts = NULL;
  kgb_graph *graph = NULL;
  char *out = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&out, &len);

  assert_non_null(f);
  assert_int_equal(kgb_extract(world, doc, &facts), KGB_OK);
  assert_int_equal(kgb_graph_new(world, &graph), KGB_OK);
  kgb_graph_set_mentions(graph, mentions);
  assert_int_equal(kgb_graph_add(graph, doc, facts), KGB_OK);
  assert_int_equal(kgb_graph_serialize(graph, format, f), KGB_OK);
  fclose(f);
  kgb_graph_free(graph);
  kgb_factset_free(facts);
  return out;
}

char *test_extract_to_string(kgb_world *world, const char *text,
                             const char *lang, const char *format)
{
  kgb_document *doc = NULL;
  char *out;

  assert_int_equal(kgb_document_new_from_buffer(world, "test", text,
                                                strlen(text), &doc), KGB_OK);
  assert_int_equal(kgb_document_set_language(doc, lang), KGB_OK);
  out = test_graph_of_document(world, doc, format, 0);
  kgb_document_free(doc);
  return out;
}

char *test_graph_of(kgb_world *world, const char *const *texts, size_t n,
                    const char *format)
{
  kgb_graph *graph = NULL;
  char *out = NULL, source[32];
  size_t len = 0;
  FILE *f = open_memstream(&out, &len);

  assert_non_null(f);
  assert_int_equal(kgb_graph_new(world, &graph), KGB_OK);
  assert_int_equal(kgb_graph_set_output(graph, format, f), KGB_OK);
  for (size_t i = 0; i < n; i++) {
    kgb_document *doc = NULL;
    kgb_factset *facts = NULL;
    snprintf(source, sizeof source, "doc-%zu", i + 1);
    assert_int_equal(kgb_document_new_from_buffer(world, source, texts[i],
                                                  strlen(texts[i]), &doc),
                     KGB_OK);
    assert_int_equal(kgb_extract(world, doc, &facts), KGB_OK);
    assert_int_equal(kgb_graph_add(graph, doc, facts), KGB_OK);
    kgb_factset_free(facts);
    kgb_document_free(doc);
  }
  assert_int_equal(kgb_graph_finish(graph), KGB_OK);
  fclose(f);
  kgb_graph_free(graph);
  return out;
}

size_t test_count_lines(const char *text, const char *a, const char *b)
{
  size_t n = 0;

  for (const char *line = text; line && *line;) {
    const char *end = strchr(line, '\n');
    size_t len = end ? (size_t)(end - line) : strlen(line);
    const char *hit_a = memmem(line, len, a, strlen(a));
    if (hit_a && (!b || memmem(line, len, b, strlen(b))))
      n++;
    line = end ? end + 1 : NULL;
  }
  return n;
}

char *test_capture(const char *command)
{
  char *out = NULL, buf[4096];
  size_t len = 0, n;
  FILE *p = popen(command, "r"), *o = open_memstream(&out, &len);

  assert_non_null(p);
  assert_non_null(o);
  while ((n = fread(buf, 1, sizeof buf, p)) > 0)
    fwrite(buf, 1, n, o);
  fclose(o);
  if (pclose(p) != 0) {
    free(out);
    return NULL;
  }
  return out;
}

/* Drain two pipes while writing a third, so no child blocks. */
static void pump(int in_fd, const char *input, int out_fd, int err_fd,
                 char **out, char **err)
{
  size_t in_left = input ? strlen(input) : 0, out_len = 0, err_len = 0;
  FILE *o = open_memstream(out, &out_len), *e = open_memstream(err, &err_len);
  struct pollfd fds[3] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0},
                          {in_fd, POLLOUT, 0}};
  int open_fds = 2;
  char buf[65536];

  if (!in_left) {
    close(in_fd);
    fds[2].fd = -1;
  }
  while (open_fds > 0) {
    poll(fds, 3, -1);
    for (int k = 0; k < 2; k++) {
      if (fds[k].fd >= 0 && fds[k].revents) {
        ssize_t n = read(fds[k].fd, buf, sizeof buf);
        if (n <= 0) {
          close(fds[k].fd);
          fds[k].fd = -1;
          open_fds--;
        } else {
          fwrite(buf, 1, (size_t)n, k == 0 ? o : e);
        }
      }
    }
    if (fds[2].fd >= 0 && fds[2].revents) {
      ssize_t n = write(in_fd, input, in_left);
      if (n > 0) {
        input += n;
        in_left -= (size_t)n;
      }
      if (n <= 0 || !in_left) {
        close(in_fd);
        fds[2].fd = -1;
      }
    }
  }
  fclose(o);
  fclose(e);
}

int test_run_program(const char *const *args, const char *stdin_text,
                     char **out, char **err)
{
  const char *program = getenv("KGB_PROGRAM");
  int in[2], o[2], e[2], status;
  const char *argv[64];
  size_t n = 0;
  pid_t pid;

  assert_non_null(program);
  argv[n++] = program;
  while (args[n - 1] && n < 63) {
    argv[n] = args[n - 1];
    n++;
  }
  argv[n] = NULL;
  if (pipe(in) || pipe(o) || pipe(e))
    return -1;
  pid = fork();
  if (pid == 0) {
    dup2(in[0], 0);
    dup2(o[1], 1);
    dup2(e[1], 2);
    close(in[1]);
    close(o[0]);
    close(e[0]);
    execv(program, (char *const *)argv);
    _exit(127);
  }
  close(in[0]);
  close(o[1]);
  close(e[1]);
  pump(in[1], stdin_text, o[0], e[0], out, err);
  if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status))
    return -1;
  return WEXITSTATUS(status);
}

test_result test_run(const char *const *args, const char *stdin_text)
{
  test_result r = {0, NULL, NULL};

  r.status = test_run_program(args, stdin_text, &r.out, &r.err);
  return r;
}

void test_result_release(test_result *r)
{
  free(r->out);
  free(r->err);
  r->out = r->err = NULL;
}

int test_sh(const char *command)
{
  int status = system(command);

  return status >= 0 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void test_write_file(const char *path, const char *bytes, size_t len)
{
  FILE *f = fopen(path, "wb");

  if (!f)
    fail_msg("cannot write %s", path);
  assert_true(fwrite(bytes, 1, len, f) == len);
  assert_int_equal(fclose(f), 0);
}

char *test_read_file(const char *path, size_t *len)
{
  FILE *f = fopen(path, "rb");
  char *data = NULL;
  size_t n = 0;
  FILE *m;
  char buf[65536];
  size_t got;

  if (!f)
    return NULL;
  m = open_memstream(&data, &n);
  while ((got = fread(buf, 1, sizeof buf, f)) > 0)
    fwrite(buf, 1, got, m);
  fclose(f);
  fclose(m);
  if (len)
    *len = n;
  return data;
}

char *test_src_path(const char *rel)
{
  const char *top = getenv("KGB_TOP_SRCDIR");
  size_t n;
  char *path;

  assert_non_null(top);
  n = strlen(top) + strlen(rel) + 2;
  path = malloc(n);
  assert_non_null(path);
  snprintf(path, n, "%s/%s", top, rel);
  return path;
}

static void count_statement(void *data, raptor_statement *st)
{
  (void)st;
  (*(int *)data)++;
}

static void note_error(void *data, raptor_log_message *msg)
{
  if (msg->level >= RAPTOR_LOG_LEVEL_ERROR)
    *(int *)data = 1;
}

int test_raptor_count(const char *text, const char *syntax)
{
  raptor_world *w = raptor_new_world();
  raptor_parser *p;
  raptor_uri *base;
  int count = 0, failed = 0, rc;

  raptor_world_set_log_handler(w, &failed, note_error);
  p = raptor_new_parser(w, syntax);
  base = raptor_new_uri(w, (const unsigned char *)"http://x/");
  raptor_parser_set_statement_handler(p, &count, count_statement);
  rc = raptor_parser_parse_start(p, base);
  if (rc == 0)
    rc = raptor_parser_parse_chunk(p, (const unsigned char *)text,
                                   strlen(text), 1);
  raptor_free_uri(base);
  raptor_free_parser(p);
  raptor_free_world(w);
  return rc || failed ? -1 : count;
}

char test_tmpdir[64];

int test_tmpdir_make(void **state)
{
  (void)state;
  snprintf(test_tmpdir, sizeof test_tmpdir, "/tmp/kgb-test-XXXXXX");
  return mkdtemp(test_tmpdir) ? 0 : -1;
}

int test_tmpdir_remove(void **state)
{
  char cmd[200];

  (void)state;
  snprintf(cmd, sizeof cmd, "chmod -R u+rwx '%s'; rm -rf '%s'", test_tmpdir,
           test_tmpdir);
  return test_sh(cmd) == 0 ? 0 : -1;
}

char *test_tmpdir_path(const char *name)
{
  char *path;

  assert_true(asprintf(&path, "%s/%s", test_tmpdir, name) > 0);
  return path;
}
