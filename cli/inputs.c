/* SPDX-License-Identifier: GPL-3.0-or-later */
/* inputs.c - turning FILE|DIR arguments into a sorted list of files.
 *
 * Links are followed, so a directory or file is known by its device and
 * inode: one reached a second time (a link back to a parent, two links
 * to one place) is walked or read once.  An entry that cannot be read is
 * skipped with a message and counted, never the end of the walk. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <search.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

typedef struct {
  dev_t dev;
  ino_t ino;
} file_id;

/* One walk: the list being made and what it has seen. */
typedef struct {
  cli_inputs *in;
  void *seen;            /* tsearch tree of file_id */
  int verbose;
} walker;

static int compare_ids(const void *a, const void *b)
{
  const file_id *x = a, *y = b;

  if (x->dev != y->dev)
    return x->dev < y->dev ? -1 : 1;
  return x->ino < y->ino ? -1 : x->ino > y->ino;
}

/* 1 when ST was seen before, 0 when it is new (now remembered), -1 when
 * out of memory. */
static int seen_before(walker *w, const struct stat *st)
{
  file_id *id = malloc(sizeof *id), **found;

  if (!id)
    return -1;
  id->dev = st->st_dev;
  id->ino = st->st_ino;
  found = tsearch(id, &w->seen, compare_ids);
  if (!found) {
    free(id);
    return -1;
  }
  if (*found != id) {
    free(id);
    return 1;
  }
  return 0;
}

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

/* A skipped entry: named with -v; an unreadable one always, and counted. */
static void skip(walker *w, const char *path, const char *why, int unreadable)
{
  if (unreadable) {
    w->in->unreadable++;
    cli_error("%s: skipped: %s", path, why);
  } else if (w->verbose > 0) {
    cli_error("%s: skipped: %s", path, why);
  }
}

static int walk(walker *w, const char *dir);

/* One entry NAME of directory DIR (DIR_LEN bytes of it). */
static int visit(walker *w, const char *dir, size_t dir_len, const char *name)
{
  size_t len = dir_len + strlen(name) + 2;
  char *path = malloc(len);
  struct stat st;
  int rc = 0, again;

  if (!path)
    return -1;
  snprintf(path, len, "%.*s/%s", (int)dir_len, dir, name);
  if (name[0] == '.')
    skip(w, path, "a hidden file", 0);
  else if (stat(path, &st) != 0)
    skip(w, path, strerror(errno), has_input_suffix(name));
  else if (!S_ISDIR(st.st_mode) && !has_input_suffix(name))
    skip(w, path, "not a .txt, .html or .htm file", 0);
  else if ((again = seen_before(w, &st)) < 0)
    rc = -1;
  else if (again)
    skip(w, path, S_ISDIR(st.st_mode) ? "a directory walked already (a link "
                                        "loop or a second link to it)"
                                      : "the same file as one read already",
         0);
  else if (S_ISDIR(st.st_mode))
    rc = walk(w, path);
  else if (!S_ISREG(st.st_mode))
    skip(w, path, "not a regular file", 0);
  else
    rc = add_path(w->in, path);
  free(path);
  return rc;
}

/* Returns 0, or -1 when out of memory. */
static int walk(walker *w, const char *dir)
{
  struct dirent **entries;
  int n = scandir(dir, &entries, NULL, alphasort);
  int rc = 0;

  if (n < 0) {
    skip(w, dir, strerror(errno), 1);
    return 0;
  }
  /* "examples/" and "examples" name files alike: examples/a.txt. */
  size_t dir_len = strlen(dir);
  while (dir_len > 1 && dir[dir_len - 1] == '/')
    dir_len--;
  for (int i = 0; i < n; i++) {
    const char *name = entries[i]->d_name;
    if (rc == 0 && strcmp(name, ".") && strcmp(name, ".."))
      rc = visit(w, dir, dir_len, name);
    free(entries[i]);
  }
  free(entries);
  return rc;
}

static int collect_dir(walker *w, const char *dir, const struct stat *st)
{
  size_t before = w->in->n, unreadable = w->in->unreadable;
  int again = seen_before(w, st);

  if (again < 0 || (!again && walk(w, dir)))
    return -1;
  if (again)
    skip(w, dir, "a directory walked already", 0);
  else if (w->in->n == before && w->in->unreadable == unreadable)
    skip(w, dir, "no .txt, .html or .htm files in this directory", 1);
  qsort(w->in->paths + before, w->in->n - before, sizeof *w->in->paths,
        compare_paths);
  return 0;
}

int cli_inputs_collect(cli_inputs *in, char **args, int count, int verbose)
{
  walker w = {in, NULL, verbose};
  int rc = 0;

  for (int i = 0; rc == 0 && i < count; i++) {
    struct stat st;

    /* A file named on the command line is read even if it was listed
     * before: the user asked for it. */
    if (strcmp(args[i], "-") != 0 && stat(args[i], &st) == 0 &&
        S_ISDIR(st.st_mode))
      rc = collect_dir(&w, args[i], &st);
    else
      rc = add_path(in, args[i]);
  }
  tdestroy(w.seen, free);
  if (rc)
    cli_error("out of memory");
  return rc ? EXIT_INPUT : 0;
}

void cli_inputs_release(cli_inputs *in)
{
  for (size_t i = 0; i < in->n; i++)
    free(in->paths[i]);
  free(in->paths);
  in->paths = NULL;
  in->n = in->cap = in->unreadable = 0;
}
