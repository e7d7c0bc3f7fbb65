/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_datafile.h - reader for the TAB-separated data tables.
 *
 * One record per line; '#' starts a comment line; blank lines are
 * skipped.  Errors name the file and line. */
#ifndef KGB_DATAFILE_H
#define KGB_DATAFILE_H

#include <stddef.h>

#include "kgbuild.h"

#define KGB_DATAFILE_MAX_FIELDS 8

/* Called once per record; FIELDS are NUL-terminated and borrowed for the
 * call only.  A non-zero return stops the reading and is passed on. */
typedef int (*kgb_record_fn)(void *ctx, char **fields, size_t count);

/* Read PATH, checking that each record has between MIN and MAX fields.
 * A missing file is an error unless OPTIONAL is set. */
int kgb_datafile_read(kgb_world *world, const char *path, size_t min_fields,
                      size_t max_fields, int optional, kgb_record_fn fn,
                      void *ctx);
/* The same; when FN fails after writing a reason into WHY (WHY_LEN
 * bytes, cleared before each record), the error gives that reason
 * after the file and line rather than the status's generic text. */
int kgb_datafile_read_why(kgb_world *world, const char *path,
                          size_t min_fields, size_t max_fields, int optional,
                          kgb_record_fn fn, void *ctx, char *why,
                          size_t why_len);

/* Split S in place at each SEP; stores up to MAX pieces; returns count. */
size_t kgb_split(char *s, char sep, char **pieces, size_t max);

#endif
