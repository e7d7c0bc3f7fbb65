/* kgb_bytes.h - what the bytes of an input are, before any parse: their
 * byte-order mark, their encoding, and their conversion to UTF-8.  HTML
 * pages and plain text share these, so both read an encoding the same
 * way.
 *
 * Internal to the library; no RDF here. */
#ifndef KGB_BYTES_H
#define KGB_BYTES_H

#include <stddef.h>

#include "kgb_buf.h"

/* The encoding named by the byte-order mark at B[0..LEN) ("UTF-8",
 * "UTF-16LE" or "UTF-16BE") with the mark's length in *SKIP; NULL and 0
 * when there is none. */
const char *kgb_bytes_bom(const unsigned char *b, size_t len, size_t *skip);

/* Is there more well-formed UTF-8 beyond ASCII than bytes that are not?
 * Then a stray byte is a slip in UTF-8 text, not a Latin encoding. */
int kgb_bytes_mostly_utf8(const char *bytes, size_t len);

/* Append IN[0..LEN), decoded from ENCODING, to OUT as UTF-8; each byte
 * (each two bytes in UTF-16) iconv refuses becomes U+FFFD and counts in
 * *BAD.  KGB_EINVAL when iconv does not know ENCODING, KGB_ENOMEM. */
int kgb_bytes_decode(const char *encoding, const char *in, size_t len,
                     kgb_buf *out, size_t *bad);

#endif
