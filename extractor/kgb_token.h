/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_token.h - tokens with byte offsets into the document text.
 *
 * Tokenisation keeps what later stages need whole: numbers with their
 * thousands separators ("3 000", "3,000", "1,2"), hyphenated names,
 * acronyms with dots ("U.S."), tickers ("AMZN.O") and dotted names
 * ("Amazon.com"); it splits elisions ("d'" + "euros"), possessives
 * ("Acme" + "'s") and figures glued to a unit ("1.2" + "bn"). */
#ifndef KGB_TOKEN_H
#define KGB_TOKEN_H

#include <stddef.h>
#include <stdint.h>

#include "kgb_lang.h"

typedef enum {
  KGB_TOK_WORD,
  KGB_TOK_NUMBER,
  KGB_TOK_SYMBOL,   /* currency and other symbols: € $ £ % & */
  KGB_TOK_PUNCT
} kgb_tok_type;

enum {
  KGB_TF_CAP = 1 << 0,        /* first letter upper case */
  KGB_TF_ALLCAPS = 1 << 1,    /* two or more letters, all upper case */
  KGB_TF_NL_BEFORE = 1 << 2,  /* a line break precedes it */
  KGB_TF_PARA_BEFORE = 1 << 3,/* a blank line precedes it */
  KGB_TF_SPACE_BEFORE = 1 << 4,
  KGB_TF_ELISION = 1 << 5,    /* d' l' qu' ... */
  KGB_TF_DIGIT = 1 << 6       /* holds a digit */
};

/* A token: 16 bytes, as a text of 10 MB may hold 10 million of them.
 * Offsets are 32 bits: kgb_tokenize refuses a text of 4 GiB or more. */
typedef struct {
  uint32_t begin, end; /* bytes in the text */
  uint32_t fold;       /* offset of the folded form in kgb_tokens.folds */
  uint8_t type;        /* kgb_tok_type */
  uint8_t flags;       /* KGB_TF_* */
} kgb_token;

/* What is kept in front of each folded form (4-byte aligned), shared by
 * the tokens that read so. */
typedef struct {
  /* The lexicon's cache, per language: 0 when not looked up yet, -1 when
   * no phrase starts with the form, else 1 + the index of what phrases
   * may start with it (see kgb_lexicon.c). */
  int32_t lex_cache[KGB_LANG_COUNT];
  uint32_t flags;   /* KGB_FORM_* */
} kgb_tok_form;

enum {
  KGB_FORM_LOWER_WORD = 1 << 0   /* some word token reads so in lower case */
};

typedef struct kgb_tokens {
  kgb_token *v;
  size_t n, cap;
  /* Each distinct folded form once, NUL-terminated, after its
   * kgb_tok_form: equal words share it, so a long text of few words
   * costs its tokens, not their folds. */
  char *folds;
  size_t folds_len, folds_cap;
  uint32_t *fold_index;   /* hash table: 1 + offset of a form, 0 empty */
  size_t fold_index_cap, n_folds;
} kgb_tokens;

void kgb_tokens_init(kgb_tokens *toks);
void kgb_tokens_release(kgb_tokens *toks);
/* Append the tokens of TEXT[0..LEN) (valid UTF-8, no NUL).  KGB_ELIMIT
 * for a text of 4 GiB or more, KGB_ENOMEM. */
int kgb_tokenize(const char *text, size_t len, kgb_tokens *toks);

/* Text cut at a fixed width (wire copy): when lines often open in lower
 * case after a single line break, such breaks are spaces, unless the
 * next line is indented (a new paragraph) or the line ended a sentence.
 * Clears their KGB_TF_NL_BEFORE.  TEXT is the tokens' text. */
void kgb_tokens_unwrap(kgb_tokens *toks, const char *text);

/* Append one token for each of the N WORDS, which TEXT holds one after
 * another, each followed by one space: a tagger's training sentence read
 * as the lexicon reads a document.  KGB_EINVAL when TEXT does not. */
int kgb_tokens_from_words(const char *text, const char *const *words,
                          size_t n, kgb_tokens *toks);

/* Borrowed: the case- and accent-folded form of token I. */
static inline const char *kgb_tok_fold(const kgb_tokens *toks, size_t i)
{
  return toks->folds + toks->v[i].fold;
}

/* What is known of the folded form of token I (the tokens stay const to
 * their readers: it holds caches). */
static inline kgb_tok_form *kgb_tok_form_of(const kgb_tokens *toks, size_t i)
{
  return (kgb_tok_form *)(void *)(toks->folds + toks->v[i].fold -
                                  sizeof(kgb_tok_form));
}

/* Is the word of token I written in lower case somewhere in the text?
 * Then a capital at the start of a sentence made it look like a name. */
static inline int kgb_tok_written_lower(const kgb_tokens *toks, size_t i)
{
  return (kgb_tok_form_of(toks, i)->flags & KGB_FORM_LOWER_WORD) != 0;
}

/* 1 when S[0..N) is a stock symbol with its exchange code: "GSK.L",
 * "7203.T", "SIEGn.DE" (Reuters writes a share class in lower case). */
int kgb_ticker_shape(const char *s, size_t n);
/* 1 for a token shaped so (see kgb_ticker_shape). */
int kgb_token_is_ticker(const char *text, const kgb_token *tok);

/* The texts of tokens [FIRST, FIRST + N) of TEXT, NUL-terminated one
 * after another in *BUF (the caller frees it, also after a failure), into
 * WORDS[0..N).  With RECASE (a headline in capitals), a word in capitals
 * is given in lower case when the text writes it so elsewhere, else as a
 * name ("CANCEL" -> "cancel", "ACME" -> "Acme"). */
int kgb_tokens_texts(const kgb_tokens *toks, const char *text, size_t first,
                     size_t n, int recase, char **buf, char **words);

#endif
