/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_number.h - numbers and amounts of money in English and French.
 *
 * Values are exact decimals (mantissa and scale), never doubles, so
 * "1,2 milliard" is exactly 1200000000 in the output. */
#ifndef KGB_NUMBER_H
#define KGB_NUMBER_H

#include <stddef.h>
#include <stdint.h>

#include "kgb_lang.h"
#include "kgb_lexicon.h"
#include "kgb_token.h"

typedef struct {
  int64_t mant;   /* value = mant / 10^scale */
  int scale;
} kgb_decimal;

typedef struct {
  size_t first, last;   /* tokens [first, last) */
  kgb_decimal value;
  kgb_bound bound;
  int currency;         /* index into the lexicon's currencies, or -1 */
  int has_scale;        /* a "million" / "bn" word was read */
} kgb_quantity;

/* Parse the digits of S[0..LEN) with LANG's decimal mark; the other
 * mark and spaces group thousands.  0, or KGB_EPARSE / KGB_ELIMIT. */
int kgb_decimal_parse(const char *s, size_t len, kgb_lang lang,
                      kgb_decimal *out);
/* Multiply by 10^EXP; KGB_ELIMIT when it would overflow. */
int kgb_decimal_shift(kgb_decimal *d, int exp);
/* Write the canonical xsd:decimal form ("1200000000.0", "1.5"): the
 * point is always there, so Turtle keeps the datatype. */
void kgb_decimal_format(kgb_decimal d, char *buf, size_t size);

/* Read a quantity starting at token I (bound words, currency before or
 * after, number, scale) within tokens [I, LIMIT).  1 when one is there. */
int kgb_quantity_at(const kgb_lexicon *lex, const kgb_tokens *toks,
                    const char *text, size_t i, size_t limit,
                    kgb_quantity *q);

/* 1 when token I is a plain year such as 2024. */
int kgb_token_is_year(const kgb_tokens *toks, const char *text, size_t i,
                      int *year);

#endif
