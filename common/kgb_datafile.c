/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_datafile.c - line-oriented TSV tables with file:line errors. */
#include "kgb_datafile.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "kgb_world_internal.h"

size_t kgb_split(char *s, char sep, char **pieces, size_t max)
{
  size_t n = 0;

  while (n < max) {
    char *end = strchr(s, sep);
    pieces[n++] = s;
    if (!end)
      break;
    *end = '\0';
    s = end + 1;
  }
  return n;
}

static void chomp(char *line)
{
  size_t n = strlen(line);

  while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
    line[--n] = '\0';
}

int kgb_datafile_read(kgb_world *world, const char *path, size_t min_fields,
                      size_t max_fields, int optional, kgb_record_fn fn,
                      void *ctx)
{
  return kgb_datafile_read_why(world, path, min_fields, max_fields, optional,
                               fn, ctx, NULL, 0);
}

int kgb_datafile_read_why(kgb_world *world, const char *path,
                          size_t min_fields, size_t max_fields, int optional,
                          kgb_record_fn fn, void *ctx, char *why,
                          size_t why_len)
{
  char line[4096];
  char *fields[KGB_DATAFILE_MAX_FIELDS];
  unsigned long lineno = 0;
  int rc = KGB_OK;
  FILE *f = fopen(path, "r");

  if (!f) {
    if (optional && errno == ENOENT)
      return KGB_OK;
    return kgb_report(world, errno == ENOENT ? KGB_ENOTFOUND : KGB_EIO,
                      "%s: cannot open: %s", path, strerror(errno));
  }
  while (rc == KGB_OK && fgets(line, sizeof line, f)) {
    size_t count;

    lineno++;
    if (!strchr(line, '\n') && !feof(f)) {
      rc = kgb_report(world, KGB_EPARSE, "%s:%lu: line longer than %zu bytes",
                      path, lineno, sizeof line - 2);
      break;
    }
    chomp(line);
    if (line[0] == '#' || line[0] == '\0')
      continue;
    count = kgb_split(line, '\t', fields, KGB_DATAFILE_MAX_FIELDS);
    if (count < min_fields || count > max_fields) {
      rc = kgb_report(world, KGB_EPARSE,
                      "%s:%lu: expected %zu to %zu TAB-separated fields, found %zu",
                      path, lineno, min_fields, max_fields, count);
      break;
    }
    if (why && why_len)
      why[0] = '\0';
    rc = fn(ctx, fields, count);
    if (rc)
      kgb_report(world, rc, "%s:%lu: %s", path, lineno,
                 why && why_len && why[0] ? why : kgb_strerror(rc));
  }
  if (rc == KGB_OK && ferror(f))
    rc = kgb_report(world, KGB_EIO, "%s: read error", path);
  fclose(f);
  return rc;
}
