/* kgb_document_internal.h - the body of kgb_document. */
#ifndef KGB_DOCUMENT_INTERNAL_H
#define KGB_DOCUMENT_INTERNAL_H

#include "kgb_lang.h"
#include "kgb_limits.h"
#include "kgb_token.h"
#include "kgbuild.h"


/* A sentence: its tokens, and its span in bytes and in code points. */
typedef struct {
  size_t first_tok, last_tok;  /* tokens [first_tok, last_tok) */
  size_t begin, end;           /* bytes */
  size_t cp_begin, cp_end;     /* code points, as NIF counts */
  int furniture;               /* page furniture: no facts from here */
  kgb_lang lang;               /* of its paragraph */
} kgb_sentence;

struct kgb_document {
  kgb_world *world;            /* borrowed */
  char *source;                /* owned: path, "-" shown as <stdin> */
  char *text;                  /* owned, valid UTF-8, no NUL inside */
  size_t len;
  char *title;                 /* owned: the headline, or NULL */
  char sha256[65];             /* of the input bytes as read */
  size_t size;                 /* of the input as read, in bytes */
  int html;                    /* read as HTML: TEXT is the page's text */
  kgb_lang lang;
  int lang_forced;
  int analysed;                /* tokens and sentences are ready */
  int cut_reported;            /* a too-long sentence was reported */
  kgb_tokens toks;
  kgb_sentence *sentences;
  size_t n_sentences, cap_sentences;
};

/* Tokenize, detect the language and split sentences, once. */
int kgb_document_analyse(kgb_document *doc);

#endif
