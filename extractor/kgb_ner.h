/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_ner.h - entity recognition: gazetteers first, then capitalised
 * names typed by their shape (first names, legal suffixes). */
#ifndef KGB_NER_H
#define KGB_NER_H

#include "kgb_document_internal.h"
#include "kgb_fact.h"
#include "kgb_lexicon.h"

struct kgb_models;
struct kgb_pos;

/* Add to FS one mention per name found in DOC, in text order, reading
 * each sentence with the tables of its language, and with its entity
 * tagger when MODELS (may be NULL) has one (see kgb_ner_tagged.c); POS
 * (borrowed, may be NULL) gives the parts of speech of DOC.  Names no
 * rule could type get KGB_CLASS_UNKNOWN; relation rules may type them. */
int kgb_ner_run(const kgb_document *doc,
                kgb_lexicon *const lex[KGB_LANG_COUNT],
                struct kgb_models *const models[KGB_LANG_COUNT],
                struct kgb_pos *pos, kgb_factset *fs);
/* Length of NAME without its trailing legal-form words and words that
 * only restate the firm ("Velmar Industries Corp" -> "Velmar"). */
size_t kgb_ner_short_name_len(const kgb_lexicon *lex, const char *name);
/* Give every organisation of FS the name that identifies it across
 * documents: its name without legal form ("Foo Inc" -> "Foo"). */
int kgb_ner_set_keys(const kgb_lexicon *lex, kgb_factset *fs);

#endif
