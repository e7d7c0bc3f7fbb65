/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_number.c - figures, scales, currencies and bounds. */
#include "kgb_number.h"

#include <stdio.h>
#include <string.h>

#include "kgb_pattern.h"
#include "kgbuild.h"

#define MAX_DIGITS 18

/* Is the separator at S[i] followed by exactly three digits, then no
 * more digits?  Then it groups thousands. */
static int groups_thousands(const char *s, size_t len, size_t i)
{
  size_t digits = 0;

  for (size_t j = i; j < len; j++) {
    if (s[j] >= '0' && s[j] <= '9')
      digits++;
    else
      break;
  }
  return digits == 3;
}

/* Byte length of a separator at S: ASCII or a UTF-8 space (no-break,
 * thin, narrow no-break). */
static size_t separator_len(const char *s, size_t left)
{
  if (*s == ',' || *s == '.' || *s == ' ')
    return 1;
  if (left >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0)
    return 2;
  if (left >= 3 && (unsigned char)s[0] == 0xE2 &&
      (unsigned char)s[1] == 0x80 &&
      ((unsigned char)s[2] == 0xAF || (unsigned char)s[2] == 0x89))
    return 3;
  return 0;
}

int kgb_decimal_parse(const char *s, size_t len, kgb_lang lang,
                      kgb_decimal *out)
{
  char decimal_mark = lang == KGB_LANG_FR ? ',' : '.';
  int digits = 0, in_fraction = 0;
  size_t i = 0;

  out->mant = 0;
  out->scale = 0;
  while (i < len) {
    size_t sep;
    if (s[i] >= '0' && s[i] <= '9') {
      if (++digits > MAX_DIGITS)
        return KGB_ELIMIT;
      out->mant = out->mant * 10 + (s[i] - '0');
      out->scale += in_fraction;
      i++;
      continue;
    }
    sep = separator_len(s + i, len - i);
    if (!sep || digits == 0)
      return KGB_EPARSE;
    if (s[i] == decimal_mark ||
        (!groups_thousands(s, len, i + sep) && (s[i] == '.' || s[i] == ','))) {
      if (in_fraction)
        return KGB_EPARSE;
      in_fraction = 1;
    }
    i += sep;
  }
  return digits ? KGB_OK : KGB_EPARSE;
}

int kgb_decimal_shift(kgb_decimal *d, int exp)
{
  while (exp > 0 && d->scale > 0) {
    d->scale--;
    exp--;
  }
  while (exp-- > 0) {
    if (d->mant > INT64_MAX / 10)
      return KGB_ELIMIT;
    d->mant *= 10;
  }
  while (d->scale > 0 && d->mant % 10 == 0) {
    d->mant /= 10;
    d->scale--;
  }
  return KGB_OK;
}

void kgb_decimal_format(kgb_decimal d, char *buf, size_t size)
{
  char digits[32];
  int n = snprintf(digits, sizeof digits, "%lld", (long long)d.mant);

  if (d.scale <= 0)
    snprintf(buf, size, "%s.0", digits);
  else if (n > d.scale)
    snprintf(buf, size, "%.*s.%s", n - d.scale, digits, digits + n - d.scale);
  else
    snprintf(buf, size, "0.%.*s%s", d.scale - n, "000000000000000000",
             digits);
}

int kgb_token_is_year(const kgb_tokens *toks, const char *text, size_t i,
                      int *year)
{
  const kgb_token *t = &toks->v[i];
  int y = 0;

  if (t->type != KGB_TOK_NUMBER || t->end - t->begin != 4)
    return 0;
  for (size_t k = t->begin; k < t->end; k++)
    y = y * 10 + (text[k] - '0');
  if (y < 1900 || y > 2100)
    return 0;
  *year = y;
  return 1;
}

/* A currency phrase at token I, optionally after "de"/"d'"/"of" when
 * ALLOW_OF is set ("milliards d'euros"); returns tokens used. */
static size_t currency_at(const kgb_lexicon *lex, const kgb_tokens *toks,
                          size_t i, size_t limit, int allow_of, int *currency)
{
  const kgb_lex_entry *e = NULL;
  size_t skip = 0, n;

  if (i >= limit)
    return 0;
  if (allow_of && i + 1 < limit &&
      kgb_patterns_word_is(lex->patterns, KGB_WORDS_OF, kgb_tok_fold(toks, i)))
    skip = 1;
  n = kgb_lexicon_longest(lex, toks, i + skip, limit - i - skip,
                          KGB_LEX_CURRENCY, &e);
  if (!n && skip) {
    skip = 0;
    n = kgb_lexicon_longest(lex, toks, i, limit - i, KGB_LEX_CURRENCY, &e);
  }
  if (!n)
    return 0;
  *currency = e->value;
  return skip + n;
}

int kgb_quantity_at(const kgb_lexicon *lex, const kgb_tokens *toks,
                    const char *text, size_t i, size_t limit,
                    kgb_quantity *q)
{
  const kgb_lex_entry *e = NULL;
  size_t j = i, n;
  int currency = -1;

  memset(q, 0, sizeof *q);
  q->currency = -1;
  q->first = i;
  n = kgb_lexicon_longest(lex, toks, j, limit - j, KGB_LEX_BOUND, &e);
  if (n) {
    q->bound = (kgb_bound)e->value;
    j += n;
  }
  n = currency_at(lex, toks, j, limit, 0, &currency);
  if (n && j + n < limit && toks->v[j + n].type == KGB_TOK_NUMBER) {
    q->currency = currency;
    j += n;
  }
  if (j >= limit || toks->v[j].type != KGB_TOK_NUMBER ||
      kgb_decimal_parse(text + toks->v[j].begin,
                        toks->v[j].end - toks->v[j].begin, lex->lang,
                        &q->value))
    return 0;
  j++;
  n = kgb_lexicon_longest(lex, toks, j, limit - j, KGB_LEX_SCALE, &e);
  if (n) {
    if (kgb_decimal_shift(&q->value, e->value))
      return 0;
    q->has_scale = 1;
    j += n;
  }
  if (q->currency < 0) {
    n = currency_at(lex, toks, j, limit, q->has_scale, &currency);
    if (n) {
      q->currency = currency;
      j += n;
    }
  }
  q->last = j;
  return 1;
}
