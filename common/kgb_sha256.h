/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_sha256.h - SHA-256 of a byte string, through nettle. */
#ifndef KGB_SHA256_H
#define KGB_SHA256_H

#include <stddef.h>

/* Write the 64 lowercase hex digits and a NUL to HEX. */
void kgb_sha256_hex(const void *bytes, size_t len, char hex[65]);

#endif
