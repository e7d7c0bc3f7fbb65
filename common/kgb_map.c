/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_map.c - FNV-1a hashed, linearly probed string map. */
#include "kgb_map.h"

#include <string.h>

#include "kgb_alloc.h"
#include "kgbuild.h"

void kgb_map_init(kgb_map *map) { memset(map, 0, sizeof *map); }

void kgb_map_release(kgb_map *map)
{
  kgb_free(map->slots);
  kgb_free(map->keys);
  kgb_map_init(map);
}

static size_t slot_of(const kgb_map *map, const char *key, size_t len,
                      uint64_t hash)
{
  size_t mask = map->cap - 1, i = (size_t)(hash ^ (hash >> 29)) & mask;
  const kgb_map_slot *s;

  while ((s = &map->slots[i])->key &&
         (s->hash != hash || s->len != len ||
          memcmp(map->keys + s->key - 1, key, len)))
    i = (i + 1) & mask;
  return i;
}

static int rehash(kgb_map *map, size_t cap)
{
  kgb_map bigger = *map;

  bigger.slots = kgb_calloc(cap, sizeof(kgb_map_slot));
  bigger.cap = cap;
  if (!bigger.slots)
    return KGB_ENOMEM;
  for (size_t i = 0; i < map->cap; i++) {
    const kgb_map_slot *s = &map->slots[i];
    if (s->key)
      bigger.slots[slot_of(&bigger, map->keys + s->key - 1, s->len,
                           s->hash)] = *s;
  }
  kgb_free(map->slots);
  *map = bigger;
  return KGB_OK;
}

/* Copy KEY[0..LEN) and a NUL to the end of MAP's keys; its offset + 1
 * in *AT. */
static int store_key(kgb_map *map, const char *key, size_t len, uint32_t *at)
{
  size_t end = map->keys_len + len + 1;

  if (end >= UINT32_MAX || len >= UINT32_MAX)
    return KGB_ENOMEM;
  if (kgb_grow(&map->keys, &map->keys_cap, end, 1))
    return KGB_ENOMEM;
  memcpy(map->keys + map->keys_len, key, len);
  map->keys[end - 1] = '\0';
  *at = (uint32_t)map->keys_len + 1;
  map->keys_len = end;
  return KGB_OK;
}

int kgb_map_put(kgb_map *map, const char *key, size_t len, int value)
{
  uint64_t hash = kgb_map_hash_more(KGB_MAP_HASH_INIT, key, len);
  kgb_map_slot *s;

  if ((map->count + 1) * 2 > map->cap &&
      rehash(map, map->cap ? map->cap * 2 : 64))
    return KGB_ENOMEM;
  s = &map->slots[slot_of(map, key, len, hash)];
  if (!s->key) {
    if (store_key(map, key, len, &s->key))
      return KGB_ENOMEM;
    s->len = (uint32_t)len;
    s->hash = hash;
    map->count++;
  }
  s->value = value;
  return KGB_OK;
}

int kgb_map_get_hashed(const kgb_map *map, const char *key, size_t len,
                       uint64_t hash)
{
  const kgb_map_slot *s;

  if (!map->cap)
    return -1;
  s = &map->slots[slot_of(map, key, len, hash)];
  return s->key ? s->value : -1;
}

int kgb_map_get(const kgb_map *map, const char *key, size_t len)
{
  return kgb_map_get_hashed(map, key, len,
                            kgb_map_hash_more(KGB_MAP_HASH_INIT, key, len));
}
