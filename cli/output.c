/* SPDX-License-Identifier: GPL-3.0-or-later */
/* output.c - where `-o PATH` writes the graph.
 *
 * A regular file (or a new one) is written to a temporary file beside it
 * and renamed over it at the end, so a failed or interrupted run never
 * leaves half a graph where a whole one was; its mode and owner are kept.
 * A symbolic link is followed, so the link stays and its target is
 * replaced.  Anything else that can be opened for writing (a FIFO, a
 * terminal, /dev/null) is written through: renaming over it would replace
 * the device or pipe itself.  A directory or socket is refused. */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* The temporary file a signal must remove, and the process that made it
 * (a forked worker inherits the handler but owns no file). */
static char *volatile pending_tmp;
static volatile pid_t pending_owner;

static void remove_pending(int sig)
{
  if (pending_tmp && getpid() == pending_owner)
    unlink(pending_tmp);
  signal(sig, SIG_DFL);
  raise(sig);
}

static const int watched[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};

/* Hold (HOLD set) or let through the signals watch_signals handles: a
 * signal between creating the temporary file and watching for it would
 * leave the file behind. */
static sigset_t mask_before_hold;   /* restored when the hold ends */

static void hold_signals(int hold)
{
  sigset_t set;

  if (!hold) {
    sigprocmask(SIG_SETMASK, &mask_before_hold, NULL);
    return;
  }
  sigemptyset(&set);
  for (size_t i = 0; i < sizeof watched / sizeof *watched; i++)
    sigaddset(&set, watched[i]);
  sigprocmask(SIG_BLOCK, &set, &mask_before_hold);
}

static void watch_signals(char *tmp)
{
  const int *signals = watched;
  struct sigaction sa;

  pending_owner = getpid();
  pending_tmp = tmp;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = tmp ? remove_pending : SIG_DFL;
  sigemptyset(&sa.sa_mask);
  for (size_t i = 0; i < sizeof watched / sizeof *watched; i++) {
    struct sigaction old;
    /* A signal ignored by whoever started us stays ignored. */
    if (sigaction(signals[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
      continue;
    sigaction(signals[i], &sa, NULL);
  }
}

static mode_t current_umask(void)
{
  mode_t mask = umask(0);

  umask(mask);
  return mask;
}

/* PATH is something to write through: open it as it is. */
static int open_through(cli_output *out, const char *path)
{
  int fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);

  out->f = fd >= 0 ? fdopen(fd, "w") : NULL;
  if (!out->f) {
    cli_error("%s: cannot write: %s", path, strerror(errno));
    if (fd >= 0)
      close(fd);
    return EXIT_INPUT;
  }
  out->through = 1;
  return EXIT_OK;
}

static int open_replacing(cli_output *out, const char *path)
{
  size_t n = strlen(out->target) + 16;
  int fd;

  if (!(out->tmp = malloc(n))) {
    cli_error("out of memory");
    return EXIT_INPUT;
  }
  snprintf(out->tmp, n, "%s.tmp.XXXXXX", out->target);
  hold_signals(1);
  fd = mkstemp(out->tmp);
  out->f = fd >= 0 ? fdopen(fd, "w") : NULL;
  if (!out->f) {
    cli_error("%s: cannot write a temporary file beside it: %s", path,
              strerror(errno));
    if (fd >= 0) {
      close(fd);
      unlink(out->tmp);
    }
    free(out->tmp);
    out->tmp = NULL;
    hold_signals(0);
    return EXIT_INPUT;
  }
  watch_signals(out->tmp);
  hold_signals(0);
  return EXIT_OK;
}

int cli_output_open(cli_output *out, const char *path)
{
  struct stat st, lst;

  memset(out, 0, sizeof *out);
  out->f = stdout;
  out->through = 1;
  if (!path || strcmp(path, "-") == 0)
    return EXIT_OK;
  out->f = NULL;
  out->through = 0;
  out->path = path;
  if (stat(path, &st) != 0) {
    /* Nothing there yet, unless a link to nothing: its target unknown. */
    if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode)) {
      cli_error("%s: a symbolic link to a file that does not exist; give "
                "the target's path instead", path);
      return EXIT_INPUT;
    }
    out->target = strdup(path);
  } else if (S_ISDIR(st.st_mode)) {
    cli_error("%s: is a directory; -o needs a file name", path);
    return EXIT_INPUT;
  } else if (S_ISSOCK(st.st_mode)) {
    cli_error("%s: is a socket, which cannot be written as a file", path);
    return EXIT_INPUT;
  } else if (!S_ISREG(st.st_mode)) {
    return open_through(out, path);
  } else {
    /* The file its links lead to is replaced, so a link stays a link. */
    if (!(out->target = realpath(path, NULL))) {
      cli_error("%s: cannot resolve: %s", path, strerror(errno));
      return EXIT_INPUT;
    }
    out->keep = st;
    out->existed = 1;
  }
  if (!out->target) {
    cli_error("out of memory");
    return EXIT_INPUT;
  }
  return open_replacing(out, path);
}

/* Give the temporary file the mode and owner of the file it replaces,
 * or the mode a new file would get. */
static int take_over_attributes(cli_output *out)
{
  int fd = fileno(out->f);

  if (!out->existed)
    return fchmod(fd, 0666 & ~current_umask()) ? -1 : 0;
  if ((out->keep.st_uid != geteuid() || out->keep.st_gid != getegid()) &&
      fchown(fd, out->keep.st_uid, out->keep.st_gid) != 0) {
    cli_error("%s: cannot keep its owner (%s); the file is left as it was",
              out->path, strerror(errno));
    return -1;
  }
  return fchmod(fd, out->keep.st_mode & 07777) ? -1 : 0;
}

static int finish_replacing(cli_output *out, int ok)
{
  int closed;

  if (ok && take_over_attributes(out))
    ok = 0;
  /* fflush first: fclose's own error would hide which step failed. */
  closed = fflush(out->f) == 0 && fsync(fileno(out->f)) == 0;
  if (!closed && ok)
    cli_error("%s: cannot write the output: %s", out->path, strerror(errno));
  ok = ok && closed;
  if (fclose(out->f) && ok) {
    cli_error("%s: cannot write the output: %s", out->path, strerror(errno));
    ok = 0;
  }
  if (ok && rename(out->tmp, out->target)) {
    cli_error("%s: cannot replace it: %s", out->path, strerror(errno));
    ok = 0;
  }
  if (!ok)
    unlink(out->tmp);
  watch_signals(NULL);
  return ok;
}

int cli_output_close(cli_output *out, int ok)
{
  if (out->tmp) {
    ok = finish_replacing(out, ok);
  } else if (out->f) {
    int flushed = fflush(out->f) == 0;
    if (!flushed && ok)
      cli_error("%s: cannot write the output: %s",
                out->path ? out->path : "standard output", strerror(errno));
    ok = ok && flushed;
    if (out->f != stdout && fclose(out->f) && ok) {
      cli_error("%s: cannot write the output: %s", out->path,
                strerror(errno));
      ok = 0;
    }
  }
  free(out->tmp);
  free(out->target);
  memset(out, 0, sizeof *out);
  return ok ? EXIT_OK : EXIT_INPUT;
}
