/* kgb_map.c - FNV-1a hashed, linearly probed string map. */
#include "kgb_map.h"

#include <stdint.h>
#include <string.h>

#include "kgb_alloc.h"
#include "kgbuild.h"

static uint64_t hash(const char *key, size_t len)
{
  uint64_t h = 14695981039346656037ULL;

  for (size_t i = 0; i < len; i++) {
    h ^= (unsigned char)key[i];
    h *= 1099511628211ULL;
  }
  return h;
}

void kgb_map_init(kgb_map *map) { memset(map, 0, sizeof *map); }

void kgb_map_release(kgb_map *map)
{
  for (size_t i = 0; i < map->cap; i++)
    kgb_free(map->keys[i]);
  kgb_free(map->keys);
  kgb_free(map->values);
  kgb_map_init(map);
}

static size_t slot_of(const kgb_map *map, const char *key, size_t len)
{
  size_t i = hash(key, len) & (map->cap - 1);

  while (map->keys[i] &&
         (strlen(map->keys[i]) != len || memcmp(map->keys[i], key, len)))
    i = (i + 1) & (map->cap - 1);
  return i;
}

static int rehash(kgb_map *map, size_t cap)
{
  kgb_map bigger = {kgb_calloc(cap, sizeof(char *)),
                    kgb_calloc(cap, sizeof(int)), map->count, cap};

  if (!bigger.keys || !bigger.values) {
    kgb_free(bigger.keys);
    kgb_free(bigger.values);
    return KGB_ENOMEM;
  }
  for (size_t i = 0; i < map->cap; i++) {
    if (map->keys[i]) {
      size_t s = slot_of(&bigger, map->keys[i], strlen(map->keys[i]));
      bigger.keys[s] = map->keys[i];
      bigger.values[s] = map->values[i];
    }
  }
  kgb_free(map->keys);
  kgb_free(map->values);
  *map = bigger;
  return KGB_OK;
}

int kgb_map_put(kgb_map *map, const char *key, size_t len, int value)
{
  size_t s;

  if ((map->count + 1) * 2 > map->cap &&
      rehash(map, map->cap ? map->cap * 2 : 64))
    return KGB_ENOMEM;
  s = slot_of(map, key, len);
  if (!map->keys[s]) {
    map->keys[s] = kgb_strndup(key, len);
    if (!map->keys[s])
      return KGB_ENOMEM;
    map->count++;
  }
  map->values[s] = value;
  return KGB_OK;
}

int kgb_map_get(const kgb_map *map, const char *key, size_t len)
{
  size_t s;

  if (!map->cap)
    return -1;
  s = slot_of(map, key, len);
  return map->keys[s] ? map->values[s] : -1;
}
