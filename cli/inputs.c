/* inputs.c - turning FILE|DIR arguments into a sorted list of files. */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static int add_path(cli_inputs *in, const char *path)
{
  char *copy;

  if (in->n == in->cap) {
    size_t cap = in->cap ? in->cap * 2 : 16;
    char **grown = realloc(in->paths, cap * sizeof *grown);
    if (!grown)
      return -1;
    in->paths = grown;
    in->cap = cap;
  }
  copy = strdup(path);
  if (!copy)
    return -1;
  in->paths[in->n++] = copy;
  return 0;
}

static int has_input_suffix(const char *name)
{
  static const char *const suffixes[] = {".txt", ".html", ".htm", NULL};
  size_t n = strlen(name);

  for (size_t i = 0; suffixes[i]; i++) {
    size_t m = strlen(suffixes[i]);
    if (n > m && strcasecmp(name + n - m, suffixes[i]) == 0)
      return 1;
  }
  return 0;
}

static int compare_paths(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int walk(cli_inputs *in, const char *dir)
{
  struct dirent **entries;
  int n = scandir(dir, &entries, NULL, alphasort);
  int rc = 0;

  if (n < 0) {
    cli_error("%s: cannot read directory: %s", dir, strerror(errno));
    return EXIT_INPUT;
  }
  /* "examples/" and "examples" name files alike: examples/a.txt. */
  size_t dir_len = strlen(dir);
  while (dir_len > 1 && dir[dir_len - 1] == '/')
    dir_len--;
  for (int i = 0; i < n; i++) {
    const char *name = entries[i]->d_name;
    size_t len = dir_len + strlen(name) + 2;
    char *path = malloc(len);
    struct stat st;

    if (rc == 0 && name[0] != '.' && path) {
      snprintf(path, len, "%.*s/%s", (int)dir_len, dir, name);
      if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        rc = walk(in, path);
      else if (has_input_suffix(name) && add_path(in, path))
        rc = EXIT_INPUT;
    }
    free(path);
    free(entries[i]);
  }
  free(entries);
  return rc;
}

int cli_inputs_collect(cli_inputs *in, char **args, int count)
{
  for (int i = 0; i < count; i++) {
    struct stat st;
    size_t before = in->n;

    if (strcmp(args[i], "-") != 0 && stat(args[i], &st) == 0 &&
        S_ISDIR(st.st_mode)) {
      int rc = walk(in, args[i]);
      if (rc)
        return rc;
      if (in->n == before) {
        cli_error("%s: no .txt, .html or .htm files in this directory",
                  args[i]);
        return EXIT_INPUT;
      }
      qsort(in->paths + before, in->n - before, sizeof *in->paths,
            compare_paths);
    } else if (add_path(in, args[i])) {
      cli_error("out of memory");
      return EXIT_INPUT;
    }
  }
  return 0;
}

void cli_inputs_release(cli_inputs *in)
{
  for (size_t i = 0; i < in->n; i++)
    free(in->paths[i]);
  free(in->paths);
  in->paths = NULL;
  in->n = in->cap = 0;
}
