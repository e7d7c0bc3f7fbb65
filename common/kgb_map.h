/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_map.h - string -> int map with open addressing; keys are copied.
 *
 * Every slot keeps its key's hash and length, so a probe compares bytes
 * only when both agree.  The keys live one after another in one buffer
 * of the map's (no allocation each): a map of a million names costs
 * 24 bytes a slot and the names.  The hash is exposed because lexicon
 * lookups grow a phrase a token at a time and extend its hash as they
 * go. */
#ifndef KGB_MAP_H
#define KGB_MAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
  uint64_t hash;
  uint32_t key;    /* 1 + offset of the key in kgb_map.keys; 0: empty */
  uint32_t len;
  int value;
} kgb_map_slot;

typedef struct {
  kgb_map_slot *slots;
  size_t count;
  size_t cap;      /* a power of two, or 0 */
  char *keys;      /* the keys, each NUL-terminated */
  size_t keys_len, keys_cap;
} kgb_map;

#define KGB_MAP_HASH_INIT 14695981039346656037ULL

/* Extend hash H (start from KGB_MAP_HASH_INIT) by BYTES[0..LEN). */
static inline uint64_t kgb_map_hash_more(uint64_t h, const char *bytes,
                                         size_t len)
{
  for (size_t i = 0; i < len; i++) {
    h ^= (unsigned char)bytes[i];
    h *= 1099511628211ULL;
  }
  return h;
}

void kgb_map_init(kgb_map *map);
void kgb_map_release(kgb_map *map);
/* Store VALUE under KEY[0..LEN), replacing any previous value. */
int kgb_map_put(kgb_map *map, const char *key, size_t len, int value);
/* The value under KEY[0..LEN), or -1. */
int kgb_map_get(const kgb_map *map, const char *key, size_t len);
/* The same, with HASH = kgb_map_hash_more(KGB_MAP_HASH_INIT, KEY, LEN). */
int kgb_map_get_hashed(const kgb_map *map, const char *key, size_t len,
                       uint64_t hash);

#endif
