/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_pos.h - parts of speech of a document's sentences, for the fact
 * patterns: a sentence is tagged by its language's model the first time
 * a pattern asks. */
#ifndef KGB_POS_H
#define KGB_POS_H

#include "kgb_document_internal.h"

struct kgb_models;
struct kgb_lexicon;
typedef struct kgb_pos kgb_pos;

/* Parts of speech for DOC from MODELS and LEX (per language, borrowed;
 * MODELS may be NULL: no parts of speech). */
int kgb_pos_new(const kgb_document *doc, struct kgb_models *const *models,
                struct kgb_lexicon *const *lex, kgb_pos **out);
void kgb_pos_free(kgb_pos *pos);
/* The sentence the next questions are about. */
void kgb_pos_sentence(kgb_pos *pos, size_t sentence);
/* The part of speech of token TOK of that sentence, lower case ("noun",
 * "adj"), or NULL when the language has no model. */
const char *kgb_pos_at(kgb_pos *pos, size_t tok);

#endif
