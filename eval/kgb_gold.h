/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_gold.h - gold facts for evaluation, read from JSON in the format
 * of the project's gold files (entities with labels, documents with
 * required / optional / neutral entities and facts). */
#ifndef KGB_GOLD_H
#define KGB_GOLD_H

#include <jansson.h>

#include "kgb_map.h"
#include "kgbuild.h"

typedef struct {
  json_t *root;          /* owned */
  kgb_map alias;         /* normalised label -> first alias entry */
  int *alias_next;       /* chain of entries with the same label */
  const char **alias_name;  /* entry -> canonical name (borrowed) */
  size_t n_alias, cap_alias;
} kgb_gold;

int kgb_gold_load(kgb_world *world, const char *path, kgb_gold *gold);
void kgb_gold_release(kgb_gold *gold);

/* Case-, accent- and article-insensitive form of a label; caller frees. */
char *kgb_gold_norm(const char *label);
/* 1 when one of LABELS (COUNT of them) names the gold entity NAME. */
int kgb_gold_names(const kgb_gold *gold, const char *const *labels,
                   size_t count, const char *name);
/* The class ("Organization", ...) of gold entity NAME, or "". */
const char *kgb_gold_class(const kgb_gold *gold, const char *name);

#endif
