/* kgb_iri.c - slugs and hashes for minted IRIs. */
#include "kgb_iri.h"

#include <string.h>

#include "kgb_alloc.h"
#include "kgb_sha256.h"
#include "kgb_utf8.h"
#include "kgbuild.h"

int kgb_iri_append_slug(kgb_buf *out, const char *name)
{
  char *fold = kgb_utf8_fold(name, strlen(name));
  size_t start = out->len, n, w;
  int dash = 0, rc = KGB_OK;

  if (!fold)
    return KGB_ENOMEM;
  n = strlen(fold);
  for (size_t i = 0; i < n && rc == KGB_OK; i += w) {
    int32_t cp;
    w = kgb_utf8_next(fold + i, n - i, &cp);
    if (kgb_utf8_is_letter(cp) || kgb_utf8_is_digit(cp)) {
      if (dash && out->len > start)
        rc = kgb_buf_putc(out, '-');
      if (rc == KGB_OK)
        rc = kgb_buf_append(out, fold + i, w);
      dash = 0;
    } else {
      dash = 1;
    }
  }
  if (rc == KGB_OK && out->len == start)
    rc = kgb_buf_puts(out, "unnamed");
  kgb_free(fold);
  return rc;
}

int kgb_iri_append_hash(kgb_buf *out, const char *key, size_t len)
{
  char hex[65];

  kgb_sha256_hex(key, len, hex);
  return kgb_buf_append(out, hex, 16);
}
