/* SPDX-License-Identifier: GPL-3.0-or-later */
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
  unsigned reported;           /* KGB_REPORTED_* bounds said already */
  kgb_tokens toks;
  kgb_sentence *sentences;
  size_t n_sentences, cap_sentences;
  /* A window of a longer document (kgb_document_next_window): its text
   * is a slice of the whole's, and its identity (source, SHA-256,
   * format, title) the whole's. */
  kgb_document *whole;         /* borrowed; NULL for a whole document */
  size_t base, cp_base;        /* where the slice starts, bytes and code
                                  points of the whole's text */
  int continues;               /* not the first window: the document's
                                  own statements are made already */
  int more;                    /* windows follow: the document goes on */
  int text_borrowed;           /* TEXT is the whole's, not owned */
  int lang_known;              /* LANG is the whole's, not detected */
  /* The whole document's side of its windows. */
  size_t next_window, next_cp; /* where the next window starts */
  int windows_begun, windows_done;
  size_t facts_kept;           /* by the windows so far */
  int in_footer;               /* a window found the page's footer */
};

/* Bounds reported once per document, whatever window reached them. */
enum {
  KGB_REPORTED_CUT = 1,        /* a too-long sentence was cut */
  KGB_REPORTED_FACTS = 2,      /* KGB_MAX_FACTS */
  KGB_REPORTED_PAIRED = 4,     /* KGB_MAX_PAIRED_ENTITIES */
  KGB_REPORTED_CROWDED = 8     /* KGB_MAX_SENTENCE_MENTIONS */
};

/* 1 the first time DOC (or the document it is a window of) reaches the
 * bound WHAT, so that it is reported then and only then.  The rules see
 * a const document: what was reported is bookkeeping of the messages,
 * not the document's content, so it may change under them. */
int kgb_document_first_report(const kgb_document *doc, unsigned what);

/* The document DOC is a window of, or DOC itself. */
#define KGB_DOCUMENT_WHOLE(doc) ((doc)->whole ? (doc)->whole : (doc))

/* Tokenize, detect the language and split sentences, once. */
int kgb_document_analyse(kgb_document *doc);

#endif
