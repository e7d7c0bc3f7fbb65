/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sandbox.c - a piece of work in a child process with bounds on its
 * processor time, memory and wall time.  The embedded SPARQL engine can
 * crash or loop on valid queries; in a child, that is a message and exit
 * status 1, never a core dump or a stuck terminal.  What the child writes
 * to standard output waits in a temporary file and reaches the real one
 * only when the child succeeds, so a crash leaves no half answer. */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

/* AddressSanitizer reserves terabytes of address space: a bound on it
 * would stop every sanitized run. */
#if defined(__SANITIZE_ADDRESS__)
#define BOUND_ADDRESS_SPACE 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define BOUND_ADDRESS_SPACE 0
#endif
#endif
#ifndef BOUND_ADDRESS_SPACE
#define BOUND_ADDRESS_SPACE 1
#endif

static void set_limit(int resource, rlim_t value)
{
  struct rlimit r = {value, value};

  setrlimit(resource, &r);
}

/* The child's exit status once it has said what went wrong.  Any other
 * non-zero status (a sanitizer's report, an abort in a library) is a
 * crash the child could not explain. */
#define CHILD_REPORTED 75

/* In the child: the bounds, then the work, its answer into TMP. */
static int run_child(const cli_limits *lim, FILE *tmp, int (*fn)(void *,
                     FILE *), void *data)
{
  int status;

  set_limit(RLIMIT_CORE, 0);
  if (lim->cpu_seconds > 0)
    set_limit(RLIMIT_CPU, (rlim_t)lim->cpu_seconds);
  if (BOUND_ADDRESS_SPACE && lim->memory_mb > 0)
    set_limit(RLIMIT_AS, (rlim_t)lim->memory_mb << 20);
  status = fn(data, tmp);
  if (status == EXIT_OK && (fflush(tmp) || ferror(tmp))) {
    cli_error("cannot write the results: %s", strerror(errno));
    status = EXIT_INPUT;
  }
  return status == EXIT_OK ? EXIT_OK : CHILD_REPORTED;
}

/* The child's status, killing it once it has run WALL seconds (0: no
 * bound); *TIMED_OUT says it was. */
static int wait_child(pid_t pid, double wall, int *timed_out)
{
  double until = cli_now() + wall;
  struct timespec tick = {0, 5 * 1000 * 1000};
  int status;
  pid_t got;

  *timed_out = 0;
  while ((got = waitpid(pid, &status, wall > 0 ? WNOHANG : 0)) == 0 ||
         (got < 0 && errno == EINTR)) {
    if (got == 0 && cli_now() >= until) {
      kill(pid, SIGKILL);
      *timed_out = 1;
      waitpid(pid, &status, 0);
      return status;
    }
    nanosleep(&tick, NULL);
  }
  return got < 0 ? -1 : status;
}

static int copy_out(FILE *tmp, FILE *out)
{
  char buf[1 << 16];
  size_t n;

  rewind(tmp);
  while ((n = fread(buf, 1, sizeof buf, tmp)) > 0)
    if (fwrite(buf, 1, n, out) != n)
      return -1;
  return ferror(tmp) || fflush(out) ? -1 : 0;
}

/* Why the child ended, said so a user can act on it. */
static int explain(const char *what, const cli_limits *lim, int status,
                   int timed_out)
{
  char why[64];

  if (timed_out) {
    cli_error("%s: stopped after %d s (bound: --timeout)", what,
              lim->wall_seconds);
    return EXIT_INPUT;
  }
  if (status == -1) {
    cli_error("%s: lost track of the worker process", what);
    return EXIT_INPUT;
  }
  if (WIFEXITED(status) && (WEXITSTATUS(status) == EXIT_OK ||
                            WEXITSTATUS(status) == CHILD_REPORTED))
    return WEXITSTATUS(status) == EXIT_OK ? EXIT_OK : EXIT_INPUT;
  if (WIFSIGNALED(status) && (WTERMSIG(status) == SIGXCPU ||
                              WTERMSIG(status) == SIGKILL)) {
    cli_error("%s: stopped after %d s of processor time (bound: "
              "--max-cpu)", what, lim->cpu_seconds);
    return EXIT_INPUT;
  }
  if (WIFSIGNALED(status))
    snprintf(why, sizeof why, "%s", strsignal(WTERMSIG(status)));
  else
    snprintf(why, sizeof why, "exit status %d", WEXITSTATUS(status));
  cli_error("%s: the embedded engine crashed (%s), or ran out of the "
            "memory --max-memory allows; no answer was written. Run it on "
            "a SPARQL 1.1 server with --endpoint URL", what, why);
  return EXIT_INPUT;
}

int cli_sandbox_run(const char *what, const cli_limits *lim,
                    int (*fn)(void *data, FILE *out), void *data, FILE *out)
{
  FILE *tmp = tmpfile();
  int status, timed_out;
  pid_t pid;

  if (!tmp) {
    cli_error("%s: cannot make a temporary file: %s", what, strerror(errno));
    return EXIT_INPUT;
  }
  fflush(NULL);   /* nothing buffered is written twice */
  pid = fork();
  if (pid < 0) {
    cli_error("%s: cannot start a process: %s", what, strerror(errno));
    fclose(tmp);
    return EXIT_INPUT;
  }
  if (pid == 0)
    _exit(run_child(lim, tmp, fn, data));
  status = wait_child(pid, lim->wall_seconds, &timed_out);
  status = explain(what, lim, status, timed_out);
  if (status == EXIT_OK && copy_out(tmp, out)) {
    cli_error("cannot write the results: %s", strerror(errno));
    status = EXIT_INPUT;
  }
  fclose(tmp);
  return status;
}
