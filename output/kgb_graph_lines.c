/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_graph_lines.c - a streaming graph's lines of one document: sorted,
 * repeats dropped, written.  A document of megabytes of facts sorts its
 * lines in runs on disk and merges them at its end, so its output is
 * never all in memory; the bytes written are the same either way. */
#include "kgb_graph_internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "kgb_alloc.h"
#include "kgb_world_internal.h"

/* The output buffer goes to OUT past this many bytes while a document's
 * lines are written, rather than holding them all a second time. */
#define LINES_FLUSH_AT ((size_t)1 << 20)

static int compare_lines(const void *a, const void *b)
{
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The held lines, sorted, in a new array (*OUT, NULL when none). */
static int sorted_lines(kgb_graph *g, const char ***out)
{
  const char **v;

  *out = NULL;
  if (g->n_lines == 0)
    return KGB_OK;
  v = kgb_malloc(g->n_lines * sizeof *v);
  if (!v)
    return KGB_ENOMEM;
  for (size_t i = 0; i < g->n_lines; i++)
    v[i] = g->lines.data + g->line_at[i];
  qsort(v, g->n_lines, sizeof *v, compare_lines);
  *out = v;
  return KGB_OK;
}

static void forget_lines(kgb_graph *g)
{
  kgb_buf_clear(&g->lines);
  g->n_lines = 0;
}

static void close_runs(kgb_graph *g)
{
  for (size_t i = 0; i < g->n_runs; i++)
    fclose(g->runs[i]);
  g->n_runs = 0;
  g->run_lines = 0;
}

void kgb_graph_lines_release(kgb_graph *g)
{
  close_runs(g);
  kgb_free(g->runs);
  g->runs = NULL;
  g->cap_runs = 0;
  kgb_buf_release(&g->lines);
  kgb_free(g->line_at);
  g->line_at = NULL;
  g->n_lines = g->cap_lines = 0;
}

/* Write the N sorted lines V to F, once each; *WRITTEN counts them. */
static int write_run(FILE *f, const char **v, size_t n, size_t *written)
{
  *written = 0;
  for (size_t i = 0; i < n; i++) {
    if (i > 0 && strcmp(v[i], v[i - 1]) == 0)
      continue;
    if (fputs(v[i], f) == EOF || putc('\n', f) == EOF)
      return KGB_EIO;
    (*written)++;
  }
  return fflush(f) || ferror(f) || fseek(f, 0, SEEK_SET) ? KGB_EIO : KGB_OK;
}

int kgb_graph_spill_lines(kgb_graph *g)
{
  const char **v;
  FILE *f;
  size_t written;
  int rc;

  if (g->no_runs || g->n_lines == 0)
    return KGB_OK;
  if (kgb_grow(&g->runs, &g->cap_runs, g->n_runs + 1, sizeof *g->runs))
    return KGB_ENOMEM;
  rc = sorted_lines(g, &v);
  if (rc)
    return rc;
  /* A file that cannot be made or written costs memory, not output. */
  f = tmpfile();
  if (!f || write_run(f, v, g->n_lines, &written)) {
    if (f)
      fclose(f);
    g->no_runs = 1;
    kgb_free(v);
    return KGB_OK;
  }
  kgb_free(v);
  g->runs[g->n_runs++] = f;
  g->run_lines += written;
  forget_lines(g);
  return KGB_OK;
}

/* Append LINE and a line break to the output, sending it on when full. */
static int put_line(kgb_graph *g, const char *line, size_t len)
{
  if (kgb_buf_append(&g->obuf, line, len) || kgb_buf_putc(&g->obuf, '\n'))
    return KGB_ENOMEM;
  if (!g->parts && g->obuf.len >= LINES_FLUSH_AT)
    return kgb_graph_flush(g);
  return KGB_OK;
}

/* The next line of a run, its '\n' dropped, into *LINE; NULL at its
 * end.  KGB_EIO when the file cannot be read. */
static int run_next(FILE *f, char **line, size_t *cap, const char **head)
{
  ssize_t len;

  errno = 0;
  len = getline(line, cap, f);
  if (len < 0) {
    *head = NULL;
    return ferror(f) ? KGB_EIO : KGB_OK;
  }
  if (len > 0 && (*line)[len - 1] == '\n')
    (*line)[len - 1] = '\0';
  *head = *line;
  return KGB_OK;
}

/* Merge the runs and the N sorted held lines V into the output, each
 * line once. */
static int merge_runs(kgb_graph *g, const char **v, size_t n, size_t *out)
{
  size_t k = g->n_runs, next = 0;
  char **buf = kgb_calloc(k, sizeof *buf);
  size_t *cap = kgb_calloc(k, sizeof *cap);
  const char **head = kgb_calloc(k + 1, sizeof *head);
  kgb_buf last;
  int rc = buf && cap && head ? KGB_OK : KGB_ENOMEM, have_last = 0;
  int unread = 0;   /* a run could not be read back */

  kgb_buf_init(&last);
  for (size_t i = 0; rc == KGB_OK && i < k; i++)
    unread = (rc = run_next(g->runs[i], &buf[i], &cap[i], &head[i])) != 0;
  if (head)
    head[k] = n ? v[next++] : NULL;   /* the held lines come last */
  while (rc == KGB_OK) {
    size_t best = k + 1;
    for (size_t i = 0; i <= k; i++)
      if (head[i] && (best > k || strcmp(head[i], head[best]) < 0))
        best = i;
    if (best > k)
      break;
    if (!have_last || strcmp(head[best], last.data) != 0) {
      size_t len = strlen(head[best]);
      kgb_buf_clear(&last);
      rc = kgb_buf_append(&last, head[best], len) ? KGB_ENOMEM
                                                  : put_line(g, head[best], len);
      have_last = 1;
      (*out)++;
    }
    if (rc == KGB_OK && best < k)
      unread = (rc = run_next(g->runs[best], &buf[best], &cap[best],
                              &head[best])) != 0;
    else if (rc == KGB_OK)
      head[k] = next < n ? v[next++] : NULL;
  }
  for (size_t i = 0; buf && i < k; i++)
    free(buf[i]);   /* getline's, from malloc */
  kgb_free(buf);
  kgb_free(cap);
  kgb_free(head);
  kgb_buf_release(&last);
  if (unread)
    return kgb_report(g->world, KGB_EIO, "cannot read back a temporary "
                      "file of sorted output lines");
  return rc;
}

int kgb_graph_write_lines(kgb_graph *g, size_t *n)
{
  const char **v;
  int rc = sorted_lines(g, &v);

  *n = 0;
  if (rc == KGB_OK && g->n_runs) {
    rc = merge_runs(g, v, g->n_lines, n);
  } else {
    for (size_t i = 0; rc == KGB_OK && i < g->n_lines; i++) {
      if (i > 0 && strcmp(v[i], v[i - 1]) == 0)
        continue;
      rc = put_line(g, v[i], strlen(v[i]));
      if (rc == KGB_OK)
        (*n)++;
    }
  }
  kgb_free(v);
  close_runs(g);
  forget_lines(g);
  return rc;
}
