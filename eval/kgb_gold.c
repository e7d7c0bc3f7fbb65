/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_gold.c - loading gold files and matching labels to gold names. */
#include "kgb_gold.h"

#include <string.h>

#include "kgb_alloc.h"
#include "kgb_utf8.h"
#include "kgb_world_internal.h"

char *kgb_gold_norm(const char *label)
{
  static const char *const articles[] = {"the ", "la ", "le ", "les ", "l'",
                                         NULL};
  char *fold = kgb_utf8_fold(label, strlen(label));
  char *out, *p;
  size_t skip = 0, j = 0;
  int space = 0;

  if (!fold)
    return NULL;
  p = fold;
  while (*p == ' ')
    p++;
  for (size_t i = 0; articles[i]; i++)
    if (strncmp(p, articles[i], strlen(articles[i])) == 0) {
      skip = strlen(articles[i]);
      break;
    }
  p += skip;
  out = kgb_malloc(strlen(p) + 1);
  if (out) {
    for (; *p; p++) {
      if (*p == ' ' || *p == '\t' || *p == '\n') {
        space = j > 0;
        continue;
      }
      if (space)
        out[j++] = ' ';
      space = 0;
      out[j++] = *p;
    }
    out[j] = '\0';
  }
  kgb_free(fold);
  return out;
}

static int add_alias(kgb_gold *g, const char *label, const char *name)
{
  char *key = kgb_gold_norm(label);
  size_t n = g->n_alias;
  int rc = KGB_ENOMEM;

  if (!key)
    return KGB_ENOMEM;
  if (n == g->cap_alias) {
    size_t cap = g->cap_alias;
    if (kgb_grow(&g->alias_name, &cap, n + 1, sizeof *g->alias_name) ||
        kgb_grow(&g->alias_next, &g->cap_alias, n + 1, sizeof *g->alias_next))
      goto done;
  }
  g->alias_name[n] = name;
  g->alias_next[n] = kgb_map_get(&g->alias, key, strlen(key));
  rc = kgb_map_put(&g->alias, key, strlen(key), (int)n);
  if (rc == KGB_OK)
    g->n_alias++;
done:
  kgb_free(key);
  return rc;
}

static int index_entities(kgb_world *world, const char *path, kgb_gold *g)
{
  json_t *entities = json_object_get(g->root, "entities"), *ent;
  const char *name;
  int rc = KGB_OK;

  if (!json_is_object(entities) || !json_is_object(json_object_get(g->root,
                                                                   "docs")))
    return kgb_report(world, KGB_EPARSE,
                      "%s: expected an object with \"entities\" and \"docs\"",
                      path);
  json_object_foreach(entities, name, ent) {
    json_t *labels = json_object_get(ent, "labels"), *label;
    size_t i;
    rc = add_alias(g, name, name);
    json_array_foreach(labels, i, label)
      if (rc == KGB_OK && json_is_string(label))
        rc = add_alias(g, json_string_value(label), name);
    if (rc)
      return rc;
  }
  return KGB_OK;
}

int kgb_gold_load(kgb_world *world, const char *path, kgb_gold *g)
{
  json_error_t err;
  int rc;

  memset(g, 0, sizeof *g);
  kgb_map_init(&g->alias);
  g->root = json_load_file(path, 0, &err);
  if (!g->root)
    return kgb_report(world, KGB_EPARSE, "%s:%d:%d: %s", path, err.line,
                      err.column, err.text);
  rc = index_entities(world, path, g);
  if (rc)
    kgb_gold_release(g);
  return rc;
}

void kgb_gold_release(kgb_gold *g)
{
  json_decref(g->root);
  kgb_map_release(&g->alias);
  kgb_free(g->alias_next);
  kgb_free(g->alias_name);
  memset(g, 0, sizeof *g);
}

int kgb_gold_names(const kgb_gold *g, const char *const *labels, size_t count,
                   const char *name)
{
  for (size_t i = 0; i < count; i++) {
    char *key = kgb_gold_norm(labels[i]);
    int idx = key ? kgb_map_get(&g->alias, key, strlen(key)) : -1;
    kgb_free(key);
    for (; idx >= 0; idx = g->alias_next[idx])
      if (strcmp(g->alias_name[idx], name) == 0)
        return 1;
  }
  return 0;
}

const char *kgb_gold_class(const kgb_gold *g, const char *name)
{
  json_t *ent = json_object_get(json_object_get(g->root, "entities"), name);
  const char *cls = json_string_value(json_object_get(ent, "class"));

  return cls ? cls : "";
}
