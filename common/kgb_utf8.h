/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_utf8.h - the few Unicode operations the pipeline needs, on top of
 * utf8proc (validation, code-point counting, case and accent folding). */
#ifndef KGB_UTF8_H
#define KGB_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "kgb_buf.h"

/* Copy LEN bytes into OUT as valid UTF-8 with no NUL: every invalid
 * sequence, every NUL and every control character or noncharacter that
 * RDF/XML cannot hold (all C0 but tab, LF and CR; DEL, U+FFFE, U+FFFF)
 * becomes one U+FFFD, so code-point offsets of the rest stay meaningful.
 * *REPLACED counts the replacements. */
int kgb_utf8_clean(const char *in, size_t len, kgb_buf *out, size_t *replaced);

/* Decode one code point at S (valid UTF-8 assumed); returns its length
 * in bytes (>= 1) and stores the code point in *CP. */
size_t kgb_utf8_next(const char *s, size_t len, int32_t *cp);
size_t kgb_utf8_cp_count(const char *s, size_t len);

int kgb_utf8_is_upper(int32_t cp);
int kgb_utf8_is_lower(int32_t cp);
int kgb_utf8_is_letter(int32_t cp);
int kgb_utf8_is_digit(int32_t cp);
int kgb_utf8_is_space(int32_t cp);   /* includes no-break and thin spaces */

/* Case-folded, accent-free, NFC copy of S[0..LEN) with typographic
 * apostrophes made straight; the caller frees it. NULL on failure. */
char *kgb_utf8_fold(const char *s, size_t len);
/* Copy of S[0..LEN) in lower case, with its first letter upper case when
 * TITLE ("PARIS" -> "Paris"); the caller frees it.  NULL on failure. */
char *kgb_utf8_recase(const char *s, size_t len, int title);

#endif
