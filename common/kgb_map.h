/* kgb_map.h - string -> int map with open addressing; keys are copied. */
#ifndef KGB_MAP_H
#define KGB_MAP_H

#include <stddef.h>

typedef struct {
  char **keys;     /* owned copies; NULL marks an empty slot */
  int *values;
  size_t count;
  size_t cap;      /* a power of two, or 0 */
} kgb_map;

void kgb_map_init(kgb_map *map);
void kgb_map_release(kgb_map *map);
/* Store VALUE under KEY[0..LEN), replacing any previous value. */
int kgb_map_put(kgb_map *map, const char *key, size_t len, int value);
/* The value under KEY[0..LEN), or -1. */
int kgb_map_get(const kgb_map *map, const char *key, size_t len);

#endif
