/* SPDX-License-Identifier: GPL-3.0-or-later */
/* progress.c - one line on standard error that says how far a long run
 * has come, redrawn at most four times a second. */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

/* The line messages must clear first; one run draws at a time. */
static cli_progress *on_screen;

double cli_now(void)
{
  struct timespec t;

  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

void cli_progress_start(cli_progress *p, int enabled, size_t total)
{
  *p = (cli_progress){.enabled = enabled && isatty(STDERR_FILENO),
                      .total = total, .start = cli_now()};
}

static void draw(cli_progress *p, double t)
{
  double mb = p->bytes / 1e6, secs = t - p->start;

  fprintf(stderr, "\rkgbuild: %zu/%zu documents, %.1f MB, %zu facts, "
          "%.1f MB/s\033[K", p->docs, p->total, mb, p->facts,
          secs > 0 ? mb / secs : 0.0);
  fflush(stderr);
  p->shown = 1;
  on_screen = p;
  p->last = t;
}

void cli_progress_add(cli_progress *p, const cli_result *r)
{
  double t;

  p->docs++;
  p->failed += r->status != EXIT_OK;
  p->bytes += (double)r->size;
  p->facts += r->facts;
  if (!p->enabled)
    return;
  t = cli_now();
  if (t - p->last >= 0.25)
    draw(p, t);
}

void cli_progress_hide(void)
{
  if (on_screen && on_screen->shown) {
    fputs("\r\033[K", stderr);
    on_screen->shown = 0;
  }
}

void cli_progress_end(cli_progress *p, int summary)
{
  double secs = cli_now() - p->start, mb = p->bytes / 1e6;

  cli_progress_hide();
  on_screen = NULL;
  if (!summary)
    return;
  fprintf(stderr, "kgbuild: %zu documents", p->docs);
  if (p->failed)
    fprintf(stderr, " (%zu could not be read)", p->failed);
  fprintf(stderr, ", %.1f MB, %zu facts in %.1f s (%.1f MB/s)\n", mb,
          p->facts, secs, secs > 0 ? mb / secs : 0.0);
}
