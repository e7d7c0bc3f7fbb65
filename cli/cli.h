/* cli.h - what the subcommands of the kgbuild program share. */
#ifndef KGB_CLI_H
#define KGB_CLI_H

#include <stddef.h>

#include "kgbuild.h"

enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2 };

typedef struct {
  int verbose;   /* -1 quiet, 0 normal, 1 verbose */
} cli_messages;

/* The message handler every subcommand installs on its world. */
void cli_on_message(void *data, kgb_level level, const char *message);
/* Print "kgbuild: MESSAGE" to standard error. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Expand FILE|DIR arguments: directories are walked (sorted) for .txt,
 * .html and .htm files; "-" stays as is.  Returns 0, or EXIT_INPUT after
 * naming the argument that cannot be read. */
typedef struct {
  char **paths;
  size_t n, cap;
} cli_inputs;

int cli_inputs_collect(cli_inputs *in, char **args, int count);
void cli_inputs_release(cli_inputs *in);

int cmd_extract(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_load(int argc, char **argv);
int cmd_query(int argc, char **argv);
int cmd_publish(int argc, char **argv);

#endif
