/* SPDX-License-Identifier: GPL-3.0-or-later */
/* workers.c - `-j N`: documents extracted by N worker processes.
 *
 * Worker K takes documents K, K+N, K+2N...  and writes one record per
 * document into its pipe; the parent reads the records back in input
 * order, so what it writes does not depend on which worker ran faster.
 * Processes rather than threads: the library's RDF worlds are not shared
 * between threads, and a worker that crashes takes only itself down. */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"

struct cli_pool {
  size_t n;
  pid_t *pids;
  int *fds;        /* read ends, one per worker */
};

/* What travels before the part's bytes. */
typedef struct {
  int status;
  char lang[4];
  size_t size, sentences, facts, part_len;
} record_head;

int cli_write_all(int fd, const void *p, size_t n)
{
  const char *c = p;

  while (n > 0) {
    ssize_t w = write(fd, c, n);
    if (w < 0 && errno == EINTR)
      continue;
    if (w <= 0)
      return -1;
    c += w;
    n -= (size_t)w;
  }
  return 0;
}

/* 0, or -1 at the end of the pipe or on an error. */
static int read_all(int fd, void *p, size_t n)
{
  char *c = p;

  while (n > 0) {
    ssize_t r = read(fd, c, n);
    if (r < 0 && errno == EINTR)
      continue;
    if (r <= 0)
      return -1;
    c += r;
    n -= (size_t)r;
  }
  return 0;
}

int cli_result_send(int fd, const cli_result *r)
{
  record_head h = {r->status, {0}, r->size, r->sentences, r->facts,
                   r->part_len};

  snprintf(h.lang, sizeof h.lang, "%s", r->lang);
  if (cli_write_all(fd, &h, sizeof h) ||
      (r->part_len && cli_write_all(fd, r->part, r->part_len)))
    return -1;
  return 0;
}

static int result_receive(int fd, cli_result *r)
{
  record_head h;

  memset(r, 0, sizeof *r);
  if (read_all(fd, &h, sizeof h))
    return -1;
  r->status = h.status;
  memcpy(r->lang, h.lang, sizeof r->lang);
  r->lang[sizeof r->lang - 1] = '\0';
  r->size = h.size;
  r->sentences = h.sentences;
  r->facts = h.facts;
  if (h.part_len) {
    if (!(r->part = malloc(h.part_len)))
      return -1;
    r->part_len = h.part_len;
    if (read_all(fd, r->part, h.part_len)) {
      cli_result_release(r);
      return -1;
    }
  }
  return 0;
}

void cli_result_release(cli_result *r)
{
  free(r->part);
  r->part = NULL;
  r->part_len = 0;
}

static cli_pool *pool_alloc(size_t n)
{
  cli_pool *p = calloc(1, sizeof *p);

  if (p) {
    p->pids = calloc(n, sizeof *p->pids);
    p->fds = calloc(n, sizeof *p->fds);
  }
  if (!p || !p->pids || !p->fds) {
    if (p) {
      free(p->pids);
      free(p->fds);
    }
    free(p);
    return NULL;
  }
  for (size_t k = 0; k < n; k++)
    p->fds[k] = -1;
  return p;
}

cli_pool *cli_pool_start(size_t n, cli_worker_fn fn, void *data)
{
  cli_pool *p = pool_alloc(n);

  if (!p) {
    cli_error("out of memory");
    return NULL;
  }
  /* Whatever stdio holds would otherwise be written once per process. */
  fflush(stdout);
  fflush(stderr);
  for (size_t k = 0; k < n; k++) {
    int ends[2];
    if (pipe(ends)) {
      cli_error("cannot start worker %zu: %s", k + 1, strerror(errno));
      cli_pool_stop(p, 1);
      return NULL;
    }
    p->pids[k] = fork();
    if (p->pids[k] == 0) {
      int status;
      close(ends[0]);
      /* The read ends of earlier workers are the parent's alone. */
      for (size_t j = 0; j < k; j++)
        close(p->fds[j]);
      status = fn(data, k, n, ends[1]);
      close(ends[1]);
      free(p->pids);
      free(p->fds);
      free(p);
      _exit(status);
    }
    close(ends[1]);
    if (p->pids[k] < 0) {
      close(ends[0]);
      cli_error("cannot start worker %zu: %s", k + 1, strerror(errno));
      cli_pool_stop(p, 1);
      return NULL;
    }
    p->fds[k] = ends[0];
    p->n = k + 1;
  }
  return p;
}

int cli_pool_next(cli_pool *p, size_t i, cli_result *r)
{
  size_t k = i % p->n;

  if (result_receive(p->fds[k], r)) {
    cli_error("worker %zu stopped before it sent document %zu", k + 1, i + 1);
    return -1;
  }
  return 0;
}

int cli_pool_stop(cli_pool *p, int abandon)
{
  int ok = 1;

  if (!p)
    return 0;
  for (size_t k = 0; k < p->n; k++) {
    close(p->fds[k]);
    if (abandon)
      kill(p->pids[k], SIGTERM);
  }
  for (size_t k = 0; k < p->n; k++) {
    int status;
    while (waitpid(p->pids[k], &status, 0) < 0 && errno == EINTR)
      ;
    if (abandon)
      continue;
    if (WIFSIGNALED(status)) {
      cli_error("worker %zu was killed by signal %d (%s)", k + 1,
                WTERMSIG(status), strsignal(WTERMSIG(status)));
      ok = 0;
    } else if (WEXITSTATUS(status) != EXIT_OK) {
      ok = 0;
    }
  }
  free(p->pids);
  free(p->fds);
  free(p);
  return ok ? 0 : -1;
}
