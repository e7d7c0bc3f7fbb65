/* SPDX-License-Identifier: GPL-3.0-or-later */
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

/* The encoding of plain text BYTES[0..LEN): its byte-order mark, else
 * UTF-16 when NUL bytes fill every other position (Latin text saved as
 * UTF-16 with no mark), else UTF-8, else "WINDOWS-1252" when the bytes
 * are not UTF-8 but read as Latin text (few control characters, bytes
 * beyond ASCII that are letters or punctuation there).  A binary file
 * is called UTF-8, for the cleaning to replace and report.  *SKIP
 * receives the mark's length. */
const char *kgb_bytes_text_encoding(const char *bytes, size_t len,
                                    size_t *skip);

/* A file format that is not text but may be fed by mistake. */
typedef struct {
  const char *what;  /* "a PDF document" */
  const char *hint;  /* how to get the text, FILE standing for the input */
} kgb_bytes_format;

/* The format whose signature BYTES[0..LEN) opens with (PDF, ZIP as in
 * .docx and .odt, an old Office file, gzip, bzip2, xz, zstd), or NULL. */
const kgb_bytes_format *kgb_bytes_binary_format(const char *bytes,
                                                size_t len);

#endif
