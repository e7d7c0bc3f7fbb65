/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_alloc.h - the one allocation path of the library.
 *
 * Every allocation goes through these wrappers so that tests can make the
 * Nth one fail (kgb_alloc_fail_after) and check that errors propagate. */
#ifndef KGB_ALLOC_H
#define KGB_ALLOC_H

#include <stddef.h>

void *kgb_malloc(size_t size);
void *kgb_calloc(size_t count, size_t size);
void *kgb_realloc(void *ptr, size_t size);
/* Grow *PTR (an array of *CAP elements of SIZE bytes) to hold at least
 * NEED elements; 0 or KGB_ENOMEM.  *PTR is kept on failure. */
int kgb_grow(void *ptr, size_t *cap, size_t need, size_t size);
char *kgb_strdup(const char *s);
char *kgb_strndup(const char *s, size_t n);
void kgb_free(void *ptr);

/* Test hook: the next N allocations succeed, then all fail; -1 disables. */
void kgb_alloc_fail_after(long n);

#endif
