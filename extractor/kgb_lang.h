/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_lang.h - the languages the extractor reads, and their detection. */
#ifndef KGB_LANG_H
#define KGB_LANG_H

#include <stddef.h>

typedef enum { KGB_LANG_EN = 0, KGB_LANG_FR = 1, KGB_LANG_COUNT } kgb_lang;

/* "en" / "fr". */
const char *kgb_lang_code(kgb_lang lang);
/* Parse "en" / "fr"; -1 when unknown. */
int kgb_lang_from_code(const char *code);

struct kgb_lexicon;
struct kgb_tokens;

/* Guess the language of tokens [FIRST, LAST) by counting the function
 * words of each language's stop-word table; ties go to English. */
kgb_lang kgb_lang_detect(struct kgb_lexicon *const lex[KGB_LANG_COUNT],
                         const struct kgb_tokens *toks, size_t first,
                         size_t last);
/* The same, and *MARGIN gets how many more stop words the winner has. */
kgb_lang kgb_lang_detect_margin(struct kgb_lexicon *const lex[KGB_LANG_COUNT],
                                const struct kgb_tokens *toks, size_t first,
                                size_t last, size_t *margin);

#endif
