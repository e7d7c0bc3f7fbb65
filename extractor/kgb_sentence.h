/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_sentence.h - sentence segmentation over tokens. */
#ifndef KGB_SENTENCE_H
#define KGB_SENTENCE_H

#include "kgb_document_internal.h"
#include "kgb_lexicon.h"

/* Fill DOC->sentences from DOC->toks.  A line break always ends a
 * sentence (titles carry no full stop); '.', '!', '?' and '…' end one
 * when what follows can start a sentence, except after an abbreviation
 * of LEX or an initial. */
int kgb_sentences_split(kgb_document *doc, const kgb_lexicon *lex);

/* Flag the sentences that are page furniture: a line such as "Also
 * read:" or "Share", and, late in the page, everything after it. */
void kgb_sentences_mark_furniture(kgb_document *doc, const kgb_lexicon *lex);

/* Give each sentence the language of its paragraph: the document's,
 * unless the paragraph clearly reads as the other language (a quote, a
 * summary in English under a French article). */
void kgb_sentences_set_languages(kgb_document *doc,
                                 struct kgb_lexicon *const lex[KGB_LANG_COUNT]);

#endif
