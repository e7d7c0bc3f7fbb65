/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_alloc.c - allocation wrappers with a failure switch for tests. */
#include "kgb_alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kgbuild.h"

static long fail_after = -1;

void kgb_alloc_fail_after(long n) { fail_after = n; }

static int should_fail(void)
{
  if (fail_after < 0)
    return 0;
  if (fail_after == 0)
    return 1;
  fail_after--;
  return 0;
}

void *kgb_malloc(size_t size)
{
  return should_fail() ? NULL : malloc(size ? size : 1);
}

void *kgb_calloc(size_t count, size_t size)
{
  return should_fail() ? NULL : calloc(count ? count : 1, size ? size : 1);
}

void *kgb_realloc(void *ptr, size_t size)
{
  return should_fail() ? NULL : realloc(ptr, size ? size : 1);
}

int kgb_grow(void *ptr, size_t *cap, size_t need, size_t size)
{
  void **slot = ptr;
  size_t n = *cap ? *cap : 8;
  void *grown;

  if (need <= *cap)
    return KGB_OK;
  while (n < need) {
    if (n > SIZE_MAX / 2 / size)
      return KGB_ENOMEM;
    n *= 2;
  }
  grown = kgb_realloc(*slot, n * size);
  if (!grown)
    return KGB_ENOMEM;
  *slot = grown;
  *cap = n;
  return KGB_OK;
}

char *kgb_strndup(const char *s, size_t n)
{
  char *copy = kgb_malloc(n + 1);

  if (!copy)
    return NULL;
  memcpy(copy, s, n);
  copy[n] = '\0';
  return copy;
}

char *kgb_strdup(const char *s) { return kgb_strndup(s, strlen(s)); }

void kgb_free(void *ptr) { free(ptr); }
