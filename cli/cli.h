/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli.h - what the subcommands of the kgbuild program share. */
#ifndef KGB_CLI_H
#define KGB_CLI_H

#include <stddef.h>
#include <stdio.h>
#include <sys/stat.h>

#include "kgbuild.h"

enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2 };

typedef struct {
  int verbose;   /* -1 quiet, 0 normal, 1 verbose */
} cli_messages;

/* The message handler every subcommand installs on its world. */
void cli_on_message(void *data, kgb_level level, const char *message);
/* Print "kgbuild: MESSAGE" to standard error. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Write all N bytes of P to FD (retrying short writes and EINTR); 0, or
 * -1 on an error. */
int cli_write_all(int fd, const void *p, size_t n);

/* Bounds on a child process; 0 means none. */
typedef struct {
  int cpu_seconds;
  int wall_seconds;
  long memory_mb;
} cli_limits;

/* Run FN in a child process within LIM.  What FN writes to its FILE
 * reaches OUT only when FN returns EXIT_OK; a crash, a bound reached or
 * a failure is EXIT_INPUT, the first two said in a message naming WHAT. */
int cli_sandbox_run(const char *what, const cli_limits *lim,
                    int (*fn)(void *data, FILE *out), void *data, FILE *out);

/* Expand FILE|DIR arguments: directories are walked (sorted) for .txt,
 * .html and .htm files, each file and directory once however many links
 * lead to it; "-" stays as is.  What cannot be read is named and counted
 * in UNREADABLE; with VERBOSE > 0 every skipped entry is named with the
 * reason.  Returns 0, or EXIT_INPUT when out of memory. */
typedef struct {
  char **paths;
  size_t n, cap;
  size_t unreadable;   /* directories and entries that could not be read */
} cli_inputs;

int cli_inputs_collect(cli_inputs *in, char **args, int count, int verbose);
void cli_inputs_release(cli_inputs *in);

/* What became of one input document. */
typedef struct {
  int status;          /* EXIT_OK, or EXIT_INPUT: it could not be read */
  char lang[4];        /* "en", "fr", or "" */
  size_t size, sentences, facts;
  char *part;          /* owned: -j, the worker graph's part, or NULL */
  size_t part_len;
} cli_result;

void cli_result_release(cli_result *r);
/* Write R to the pipe FD; 0 or -1. */
int cli_result_send(int fd, const cli_result *r);

/* -j N: worker processes.  Worker K (of N) handles the inputs K, K+N,
 * ... and sends a result for each to FD with cli_result_send; what it
 * returns is the process's exit status. */
typedef int (*cli_worker_fn)(void *data, size_t k, size_t n, int fd);
typedef struct cli_pool cli_pool;

/* Fork N workers running FN; NULL (reported) when they cannot start. */
cli_pool *cli_pool_start(size_t n, cli_worker_fn fn, void *data);
/* The result of input I, from its worker; -1 (reported) when the worker
 * stopped. */
int cli_pool_next(cli_pool *p, size_t i, cli_result *r);
/* Wait for the workers (ABANDON: stop them first) and free P; -1 when one
 * failed.  Accepts NULL. */
int cli_pool_stop(cli_pool *p, int abandon);

/* Progress on standard error while a long run goes on, when it is a
 * terminal: documents, megabytes, facts and megabytes per second. */
typedef struct {
  int shown;           /* a progress line is on the screen */
  int enabled;
  size_t total, docs, failed, facts;
  double bytes, start, last;
} cli_progress;

void cli_progress_start(cli_progress *p, int enabled, size_t total);
void cli_progress_add(cli_progress *p, const cli_result *r);
/* Clear the line; with SUMMARY, print what the run did. */
void cli_progress_end(cli_progress *p, int summary);
/* Clear the progress line, if any, before a message is printed. */
void cli_progress_hide(void);

/* Where `-o PATH` writes: see output.c. */
typedef struct {
  FILE *f;              /* where to write the graph */
  const char *path;     /* borrowed: PATH as given; NULL for stdout */
  char *target;         /* owned: the file replaced at the end, links
                           resolved; NULL when written through */
  char *tmp;            /* owned: the temporary file beside TARGET */
  struct stat keep;     /* the replaced file's mode and owner */
  int existed;          /* TARGET was there before */
  int through;          /* written as it goes: stdout, a FIFO, a device */
} cli_output;

/* Open PATH (NULL or "-": standard output) for the graph; 0, or
 * EXIT_INPUT after saying why. */
int cli_output_open(cli_output *out, const char *path);
/* Finish the output: with OK the graph replaces the file, else the file
 * is left as it was.  Returns the exit status. */
int cli_output_close(cli_output *out, int ok);

/* The first line of PATH ("-": standard input): a password; NULL after
 * saying why.  The caller frees it. */
char *cli_password_from_file(const char *path);

/* --min-confidence's ARG, a number from 0 to 1, into *OUT; -1 (after
 * saying why) when it is not one. */
int cli_parse_confidence(const char *arg, double *out);

/* Print "kgbuild COMMAND: MESSAGE; try 'kgbuild COMMAND --help'" to
 * standard error: every usage error says it this way. */
void cli_usage_error(const char *command, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Commands, in the manner of tmux's cmd_entry: each cli/cmd_*.c exports
 * one descriptor, commands.c lists them, args.c parses every command's
 * options from its table, so that an option is spelt, checked and shown
 * in --help from one place. */

/* Option ids every command shares; a command numbers its own from
 * CLI_OPT_OWN. */
enum {
  CLI_OPT_END = 0, CLI_OPT_HELP, CLI_OPT_VERSION, CLI_OPT_QUIET,
  CLI_OPT_VERBOSE, CLI_OPT_USER, CLI_OPT_PASSWORD, CLI_OPT_PASSWORD_FILE,
  CLI_OPT_OWN
};

typedef struct {
  int id;              /* what the command asks cli_args for; 0 ends */
  char letter;         /* -x, or 0 for the long name alone */
  const char *name;    /* --name */
  const char *value;   /* the value's name in the help, or NULL: a flag */
  const char *help;    /* one sentence, wrapped when shown; NULL: taken
                          but not shown (kept for old scripts) */
} cli_option;

/* -q is --quiet wherever it is taken. */
#define CLI_OPTION_QUIET                                                  \
  {CLI_OPT_QUIET, 'q', "quiet", NULL, "no warnings, no progress"}

typedef struct {
  const cli_option *option;
  const char *value;   /* borrowed from argv; NULL for a flag */
} cli_arg;

typedef struct cli_command cli_command;

/* A command line, parsed. */
typedef struct {
  const cli_command *command;
  cli_arg *given;      /* the options, in the order given */
  size_t n;
  char **operands;     /* the other words, in order (borrowed) */
  int count;
} cli_args;

struct cli_command {
  const char *name;
  const char *summary;     /* its line in `kgbuild --help` */
  const char *synopsis;    /* what follows "Usage: kgbuild ", the name
                              among it */
  const char *about;       /* before the options: lines ending in \n */
  const char *notes;       /* after them, or NULL */
  const cli_option *options[4];   /* its tables, then NULL; -h and -V
                                     are every command's */
  int (*run)(const cli_args *args);
};

/* Parse ARGV (ARGV[0] is the command's word) by CMD's tables into *ARGS.
 * Returns -1 to go on (release *ARGS after), or the exit status: 0 after
 * --help or --version, EXIT_USAGE after saying what is wrong. */
int cli_args_parse(const cli_command *cmd, int argc, char **argv,
                   cli_args *args);
void cli_args_release(cli_args *args);
/* Whether option ID was given. */
int cli_args_has(const cli_args *args, int id);
/* The value of option ID given last, or NULL. */
const char *cli_args_get(const cli_args *args, int id);
/* The value of the K-th ID given (from 0), or NULL: for options that may
 * come more than once. */
const char *cli_args_nth(const cli_args *args, int id, size_t k);
/* -1 when -q came last of -q and -v, 1 when -v did, else 0. */
int cli_args_verbosity(const cli_args *args);
/* ARG as a whole number from MIN to MAX into *OUT: 0, or -1 after
 * "COMMAND: OPTION needs a WHAT from MIN to MAX, not 'ARG'". */
int cli_parse_number(const char *command, const char *option,
                     const char *what, const char *arg, long min, long max,
                     long *out);

/* --user, --password-file and the hidden --password, for every command
 * that talks to a server (publish, query --endpoint). */
extern const cli_option cli_credential_options[];
/* The user and password given in A: the password from --password-file
 * (read into *OWNED, which the caller frees), --password (with a
 * warning) or $KGBUILD_PASSWORD.  -1 to go on, or the exit status. */
int cli_take_credentials(const cli_args *a, const char **user,
                         const char **password, char **owned);
/* Seconds on a clock that only goes forward. */
double cli_now(void);
/* CMD's help: usage, what it does, its options. */
void cli_command_help(const cli_command *cmd, FILE *to);

/* The table of commands (commands.c). */
const cli_command *cli_command_find(const char *name);
/* The I-th command, or NULL past the last. */
const cli_command *cli_command_at(size_t i);
/* The command WORD is most likely a slip for, or NULL. */
const cli_command *cli_command_nearest(const char *word);
/* `kgbuild --help`: the usage and every command with its summary. */
void cli_commands_help(FILE *to);

extern const cli_command cli_cmd_extract, cli_cmd_load, cli_cmd_publish,
    cli_cmd_query, cli_cmd_eval, cli_cmd_train, cli_cmd_tag, cli_cmd_help;

#endif
