/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_token.c - the tokenizer. */
#include "kgb_token.h"

#include <string.h>

#include "kgb_alloc.h"
#include "kgb_limits.h"
#include "kgb_map.h"
#include "kgb_utf8.h"
#include "kgbuild.h"

/* French elided forms; the tokenizer runs before the language is known,
 * and none of these is an English word before an apostrophe. */
static const char *const elisions[] = {
  "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu",
  "puisqu", "quoiqu", NULL
};

void kgb_tokens_init(kgb_tokens *toks) { memset(toks, 0, sizeof *toks); }

void kgb_tokens_release(kgb_tokens *toks)
{
  kgb_free(toks->v);
  kgb_free(toks->folds);
  kgb_free(toks->fold_index);
  kgb_tokens_init(toks);
}

typedef struct {
  const char *s;
  size_t len;
} text_view;

static int32_t cp_at(text_view t, size_t i, size_t *width)
{
  int32_t cp = 0;
  size_t w = i < t.len ? kgb_utf8_next(t.s + i, t.len - i, &cp) : 0;

  if (width)
    *width = w;
  return i < t.len ? cp : 0;
}

static int is_apostrophe(int32_t cp) { return cp == '\'' || cp == 0x2019; }

static int is_hyphen(int32_t cp) { return cp == '-' || cp == 0x2010; }

static int is_word_cp(int32_t cp)
{
  return kgb_utf8_is_letter(cp) || kgb_utf8_is_digit(cp) ||
         (cp >= 0x300 && cp <= 0x36F);
}

static int is_group_space(int32_t cp)
{
  return cp == ' ' || cp == 0xA0 || cp == 0x202F || cp == 0x2009;
}

static int is_symbol(int32_t cp)
{
  return cp == '$' || cp == 0x20AC || cp == 0xA3 || cp == 0xA5 ||
         cp == '%' || cp == '&' || cp == '+' || cp == 0x20B9;
}

static int is_elision(const char *fold, size_t n)
{
  for (size_t k = 0; elisions[k]; k++)
    if (strlen(elisions[k]) == n && memcmp(elisions[k], fold, n) == 0)
      return 1;
  return 0;
}

/* The slot of FORM[0..N) in the index of folded forms: its own, or the
 * empty one where it goes. */
static size_t fold_slot(const kgb_tokens *toks, const char *form, size_t n)
{
  size_t mask = toks->fold_index_cap - 1;
  size_t i = (size_t)kgb_map_hash_more(KGB_MAP_HASH_INIT, form, n) & mask;
  uint32_t at;

  while ((at = toks->fold_index[i]) != 0) {
    const char *other = toks->folds + at - 1;
    if (strncmp(other, form, n) == 0 && other[n] == '\0')
      return i;
    i = (i + 1) & mask;
  }
  return i;
}

static int grow_fold_index(kgb_tokens *toks)
{
  size_t cap = toks->fold_index_cap ? toks->fold_index_cap * 2 : 256;
  uint32_t *old = toks->fold_index;
  size_t old_cap = toks->fold_index_cap;

  toks->fold_index = kgb_calloc(cap, sizeof *toks->fold_index);
  if (!toks->fold_index) {
    toks->fold_index = old;
    return KGB_ENOMEM;
  }
  toks->fold_index_cap = cap;
  for (size_t k = 0; k < old_cap; k++)
    if (old[k]) {
      const char *form = toks->folds + old[k] - 1;
      toks->fold_index[fold_slot(toks, form, strlen(form))] = old[k];
    }
  kgb_free(old);
  return KGB_OK;
}

/* The offset of FORM[0..N) (no NUL inside) in TOKS->folds, added after
 * a zeroed kgb_tok_form when new. */
static int intern_fold(kgb_tokens *toks, const char *form, size_t n,
                       uint32_t *off)
{
  const size_t align = sizeof(int32_t), head = sizeof(kgb_tok_form);
  size_t slot, start, end;

  if ((toks->n_folds + 1) * 2 > toks->fold_index_cap &&
      grow_fold_index(toks))
    return KGB_ENOMEM;
  slot = fold_slot(toks, form, n);
  if (toks->fold_index[slot]) {
    *off = toks->fold_index[slot] - 1;
    return KGB_OK;
  }
  start = (toks->folds_len + align - 1) / align * align;
  end = start + head + n + 1;
  if (end >= UINT32_MAX)
    return KGB_ELIMIT;
  if (kgb_grow(&toks->folds, &toks->folds_cap, end, 1))
    return KGB_ENOMEM;
  memset(toks->folds + toks->folds_len, 0, start + head - toks->folds_len);
  memcpy(toks->folds + start + head, form, n);
  toks->folds[end - 1] = '\0';
  toks->folds_len = end;
  *off = (uint32_t)(start + head);
  toks->fold_index[slot] = *off + 1;
  toks->n_folds++;
  return KGB_OK;
}

static int push_fold(kgb_tokens *toks, const char *s, size_t n, uint32_t *off)
{
  char ascii[64];
  char *folded = NULL;
  const char *src = ascii;
  size_t m = 0, k;
  int rc;

  for (k = 0; k < n && k < sizeof ascii - 1 && !((unsigned char)s[k] & 0x80);
       k++)
    ascii[k] = (char)((s[k] >= 'A' && s[k] <= 'Z') ? s[k] + 32 : s[k]);
  if (k == n) {
    ascii[k] = '\0';
    m = k;
  } else {
    folded = kgb_utf8_fold(s, n);
    if (!folded)
      return KGB_ENOMEM;
    src = folded;
    m = strlen(folded);
  }
  rc = intern_fold(toks, src, m, off);
  kgb_free(folded);
  return rc;
}

static unsigned case_flags(text_view t, size_t b, size_t e)
{
  size_t w, letters = 0, uppers = 0;
  unsigned flags = 0;

  for (size_t i = b; i < e; i += w) {
    int32_t cp = cp_at(t, i, &w);
    if (kgb_utf8_is_letter(cp)) {
      if (letters == 0 && kgb_utf8_is_upper(cp))
        flags |= KGB_TF_CAP;
      letters++;
      uppers += kgb_utf8_is_upper(cp);
    }
    if (kgb_utf8_is_digit(cp))
      flags |= KGB_TF_DIGIT;
  }
  if (letters >= 2 && uppers == letters)
    flags |= KGB_TF_ALLCAPS;
  return flags;
}

static int push(kgb_tokens *toks, text_view t, kgb_tok_type type, size_t b,
                size_t e, unsigned flags)
{
  kgb_token *tok;
  int rc;

  if (kgb_grow(&toks->v, &toks->cap, toks->n + 1, sizeof *toks->v))
    return KGB_ENOMEM;
  tok = &toks->v[toks->n];
  tok->type = (uint8_t)type;
  tok->begin = (uint32_t)b;
  tok->end = (uint32_t)e;
  tok->flags = (uint8_t)(flags | case_flags(t, b, e));
  rc = push_fold(toks, t.s + b, e - b, &tok->fold);
  if (rc == KGB_OK)
    toks->n++;
  return rc;
}

/* Digits, with decimal marks and thousands groups: "3 000", "1,2". */
static size_t scan_number(text_view t, size_t i)
{
  size_t w, group = 0;

  for (;;) {
    int32_t cp = cp_at(t, i, &w);
    if (kgb_utf8_is_digit(cp)) {
      i += w;
      group++;
      continue;
    }
    if ((cp == '.' || cp == ',') && kgb_utf8_is_digit(cp_at(t, i + 1, NULL))) {
      i += w;
      group = 0;
      continue;
    }
    if (is_group_space(cp) && group <= 3) {
      size_t j = i + w, digits = 0, w2;
      while (kgb_utf8_is_digit(cp_at(t, j, &w2)) && digits < 4) {
        j += w2;
        digits++;
      }
      if (digits == 3) {
        i += w;
        group = 0;
        continue;
      }
    }
    return i;
  }
}

/* "U.S" becomes "U.S." when every dotted piece is one letter. */
static int is_dotted_initials(text_view t, size_t b, size_t e)
{
  size_t w, run = 0, dots = 0;

  for (size_t i = b; i < e; i += w) {
    int32_t cp = cp_at(t, i, &w);
    if (cp == '.') {
      if (run != 1)
        return 0;
      run = 0;
      dots++;
    } else {
      run++;
    }
  }
  return dots > 0 && run == 1;
}

/* A word: letters and digits joined by hyphens, inner dots and inner
 * apostrophes; stops before an elision's apostrophe is passed, and before
 * an English possessive. *ELIDED is set when the word is an elision. */
static size_t scan_word(text_view t, size_t b, int *elided)
{
  size_t i = b, w, w2;
  int32_t prev = 0, prev2 = 0;

  *elided = 0;
  for (;;) {
    int32_t cp = cp_at(t, i, &w);
    int32_t next = cp_at(t, i + w, &w2);
    if (is_word_cp(cp)) {
      i += w;
      prev2 = prev;
      prev = cp;
      continue;
    }
    /* "Amazon.com", "AMZN.O", "SIEGn.DE" stay whole, but in
     * "domestique.Le" or "l'AFP.Le" two sentences were glued: a word
     * ending in two lower-case letters or two capitals, a dot, a
     * capitalised word. */
    if ((is_hyphen(cp) || cp == '.') && i > b && is_word_cp(next) &&
        !(cp == '.' && kgb_utf8_is_digit(next)) &&
        !(cp == '.' && kgb_utf8_is_upper(next) &&
          ((kgb_utf8_is_lower(prev) && kgb_utf8_is_lower(prev2)) ||
           (kgb_utf8_is_upper(prev) && kgb_utf8_is_upper(prev2) &&
            kgb_utf8_is_lower(cp_at(t, i + w + w2, NULL)))))) {
      i += w;
      prev = cp;
      continue;
    }
    if (is_apostrophe(cp) && kgb_utf8_is_letter(next)) {
      char *fold = kgb_utf8_fold(t.s + b, i - b);
      int elision = fold && is_elision(fold, strlen(fold));
      kgb_free(fold);
      if (elision) {
        *elided = 1;
        return i + w;
      }
      if ((next == 's' || next == 'S') &&
          !is_word_cp(cp_at(t, i + w + w2, NULL)))
        return i; /* possessive: "'s" is its own token */
      i += w;
      prev = cp;
      continue;
    }
    break;
  }
  if (cp_at(t, i, &w) == '.' && is_dotted_initials(t, b, i))
    i += w;
  return i;
}

/* Does a stock symbol of digits start at I, in brackets as the wires
 * write it ("(7203.T)", "<0700.HK>")?  The number would stop at the dot
 * and leave the exchange code a name.  Outside brackets "in 2024.A new"
 * is two glued sentences. */
static int is_numeric_ticker(text_view t, size_t i)
{
  size_t e = i, w;
  int32_t cp;

  if (i == 0 || (t.s[i - 1] != '(' && t.s[i - 1] != '<'))
    return 0;
  while ((cp = cp_at(t, e, &w)) != 0 && (is_word_cp(cp) || cp == '.'))
    e += w;
  return kgb_ticker_shape(t.s + i, e - i);
}

/* The end of the run of non-space characters that goes on at I. */
static size_t chunk_end(text_view t, size_t i)
{
  size_t w;

  while (i < t.len && !kgb_utf8_is_space(cp_at(t, i, &w)))
    i += w;
  return i;
}

/* Mark the forms that tokens [FROM, N) write as lower-case words.  Done
 * once the text is cut, as a glued run may still be undone. */
static void mark_lower_words(kgb_tokens *toks, size_t from)
{
  for (size_t k = from; k < toks->n; k++)
    if (toks->v[k].type == KGB_TOK_WORD && !(toks->v[k].flags & KGB_TF_CAP))
      kgb_tok_form_of(toks, k)->flags |= KGB_FORM_LOWER_WORD;
}

int kgb_tokenize(const char *text, size_t len, kgb_tokens *toks)
{
  text_view t = {text, len};
  unsigned pending = 0, glued_flags = 0;
  size_t i = 0, w, n0 = toks->n, glued = toks->n, glued_begin = 0;
  int newlines = 0, rc = KGB_OK;

  /* Offsets are 32 bits (kgb_token); no news text comes near. */
  if (len >= UINT32_MAX)
    return KGB_ELIMIT;
  while (i < len && rc == KGB_OK) {
    int32_t cp = cp_at(t, i, &w);
    size_t b = i;
    int elided = 0;

    if (kgb_utf8_is_space(cp)) {
      if (cp == '\n')
        newlines++;
      pending |= KGB_TF_SPACE_BEFORE;
      i += w;
      continue;
    }
    if (newlines)
      pending |= KGB_TF_NL_BEFORE | (newlines > 1 ? KGB_TF_PARA_BEFORE : 0);
    if (pending || toks->n == n0) {   /* a run of glued tokens starts */
      glued = toks->n;
      glued_begin = b;
      glued_flags = pending;
    }
    if (toks->n - glued >= KGB_MAX_GLUED_TOKENS) {
      /* "((((...", "a(b(c(...": no prose; the run is one token, so that
       * a text of a token a byte costs a token per run. */
      toks->n = glued;
      i = chunk_end(t, b);
      rc = push(toks, t, KGB_TOK_PUNCT, glued_begin, i, glued_flags);
    } else if (kgb_utf8_is_digit(cp) && is_numeric_ticker(t, i)) {
      i = scan_word(t, i, &elided);   /* "7203.T": a symbol, not 7203 */
      rc = push(toks, t, KGB_TOK_WORD, b, i, pending);
    } else if (kgb_utf8_is_digit(cp)) {
      i = scan_number(t, i);
      rc = push(toks, t, KGB_TOK_NUMBER, b, i, pending);
    } else if (kgb_utf8_is_letter(cp)) {
      i = scan_word(t, i, &elided);
      rc = push(toks, t, KGB_TOK_WORD, b, i,
                pending | (elided ? KGB_TF_ELISION : 0));
    } else if (is_apostrophe(cp) && (cp_at(t, i + w, NULL) == 's') &&
               !is_word_cp(cp_at(t, i + w + 1, NULL))) {
      i += w + 1; /* the possessive "'s" */
      rc = push(toks, t, KGB_TOK_WORD, b, i, pending);
    } else {
      i += w;
      rc = push(toks, t, is_symbol(cp) ? KGB_TOK_SYMBOL : KGB_TOK_PUNCT, b, i,
                pending);
    }
    pending = 0;
    newlines = 0;
  }
  mark_lower_words(toks, n0);
  return rc;
}

/* Does the line of the token beginning at B open with white space? */
static int indented(const char *text, size_t b)
{
  return b > 0 && (text[b - 1] == ' ' || text[b - 1] == '\t');
}

void kgb_tokens_unwrap(kgb_tokens *toks, const char *text)
{
  size_t evidence = 0;

  for (size_t i = 1; i < toks->n; i++) {
    const kgb_token *t = &toks->v[i];
    if ((t->flags & KGB_TF_NL_BEFORE) && !(t->flags & KGB_TF_PARA_BEFORE) &&
        t->type == KGB_TOK_WORD && !(t->flags & KGB_TF_CAP))
      evidence++;
  }
  /* A line or two may open in lower case anywhere; wire copy cut at a
   * fixed width does it all the time. */
  if (evidence < 3)
    return;
  for (size_t i = 1; i < toks->n; i++) {
    kgb_token *t = &toks->v[i];
    const char *prev = kgb_tok_fold(toks, i - 1);
    if ((t->flags & KGB_TF_NL_BEFORE) && !(t->flags & KGB_TF_PARA_BEFORE) &&
        !indented(text, t->begin) && strcmp(prev, ".") && strcmp(prev, "!") &&
        strcmp(prev, "?") && strcmp(prev, ":"))
      t->flags &= (uint8_t)~KGB_TF_NL_BEFORE;
  }
}

int kgb_tokens_from_words(const char *text, const char *const *words,
                          size_t n, kgb_tokens *toks)
{
  text_view t = {text, strlen(text)};
  size_t b = 0, n0 = toks->n;
  int rc = KGB_OK;

  for (size_t i = 0; i < n && rc == KGB_OK; i++) {
    size_t len = strlen(words[i]);
    int32_t cp = cp_at(t, b, NULL);
    kgb_tok_type type = kgb_utf8_is_letter(cp)  ? KGB_TOK_WORD
                        : kgb_utf8_is_digit(cp) ? KGB_TOK_NUMBER
                        : is_symbol(cp)         ? KGB_TOK_SYMBOL
                                                : KGB_TOK_PUNCT;
    if (b + len > t.len || memcmp(text + b, words[i], len) != 0)
      return KGB_EINVAL;
    rc = push(toks, t, type, b, b + len, i ? KGB_TF_SPACE_BEFORE : 0);
    b += len + 1;
  }
  mark_lower_words(toks, n0);
  return rc;
}

int kgb_ticker_shape(const char *s, size_t n)
{
  size_t dot = 0;

  if (n < 3 || n > 14 || !((s[0] >= 'A' && s[0] <= 'Z') ||
                           (s[0] >= '0' && s[0] <= '9')))
    return 0;
  for (size_t k = 1; k < n; k++) {
    if (s[k] == '.' && !dot)
      dot = k;
    else if (!((s[k] >= 'A' && s[k] <= 'Z') || (s[k] >= 'a' && s[k] <= 'z') ||
               (s[k] >= '0' && s[k] <= '9') || (s[k] == '_' && !dot)))
      return 0;
  }
  /* The exchange code is what tells "SIEGn.DE" from "Amazon.com". */
  if (!dot || n - dot - 1 < 1 || n - dot - 1 > 3)
    return 0;
  for (size_t k = dot + 1; k < n; k++)
    if (!(s[k] >= 'A' && s[k] <= 'Z'))
      return 0;
  return 1;
}

int kgb_token_is_ticker(const char *text, const kgb_token *tok)
{
  return tok->type == KGB_TOK_WORD &&
         kgb_ticker_shape(text + tok->begin, tok->end - tok->begin);
}

int kgb_tokens_texts(const kgb_tokens *toks, const char *text, size_t first,
                     size_t n, int recase, char **buf, char **words)
{
  size_t len = 0;
  char *p;

  for (size_t k = first; k < first + n; k++)
    len += toks->v[k].end - toks->v[k].begin + 1;
  /* A code point's other case never takes more than 4 bytes. */
  if (!(p = *buf = kgb_malloc(recase ? len * 4 + 1 : len + 1)))
    return KGB_ENOMEM;
  for (size_t k = 0; k < n; k++) {
    const kgb_token *t = &toks->v[first + k];
    const char *w = text + t->begin;
    size_t wl = t->end - t->begin;
    char *re = NULL;
    if (recase && (t->flags & KGB_TF_ALLCAPS)) {
      if (!(re = kgb_utf8_recase(w, wl, !kgb_tok_written_lower(toks,
                                                                first + k))))
        return KGB_ENOMEM;
      w = re;
      wl = strlen(re);
    }
    memcpy(p, w, wl);
    p[wl] = '\0';
    words[k] = p;
    p += wl + 1;
    kgb_free(re);
  }
  return KGB_OK;
}
