/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_sha256.c - document digests; nettle does the hashing. */
#include "kgb_sha256.h"

#include <nettle/sha2.h>
#include <stdio.h>

void kgb_sha256_hex(const void *bytes, size_t len, char hex[65])
{
  struct sha256_ctx ctx;
  unsigned char digest[SHA256_DIGEST_SIZE];

  sha256_init(&ctx);
  sha256_update(&ctx, len, bytes);
  sha256_digest(&ctx, sizeof digest, digest);
  for (size_t i = 0; i < sizeof digest; i++)
    snprintf(hex + 2 * i, 3, "%02x", digest[i]);
}
