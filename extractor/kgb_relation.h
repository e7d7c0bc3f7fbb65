/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_relation.h - relation rules: from mentions and trigger words to
 * facts.  Each fact kind has its own rule function; a trained model can
 * replace this stage behind the same signature. */
#ifndef KGB_RELATION_H
#define KGB_RELATION_H

#include "kgb_document_internal.h"
#include "kgb_fact.h"
#include "kgb_lexicon.h"

struct kgb_models;
struct kgb_pos;

/* The facts of DOC, from its mentions in FS, by the rules and patterns of
 * each sentence's language; POS (borrowed, may be NULL) gives the
 * patterns parts of speech. */
int kgb_relation_run(const kgb_document *doc,
                     kgb_lexicon *const lex[KGB_LANG_COUNT],
                     struct kgb_models *const models[KGB_LANG_COUNT],
                     struct kgb_pos *pos, kgb_factset *fs);

#endif
