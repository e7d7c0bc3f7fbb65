/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_lang.c - language codes and stop-word language identification. */
#include "kgb_lang.h"

#include <string.h>

#include "kgb_lexicon.h"
#include "kgb_token.h"

static const char *const codes[KGB_LANG_COUNT] = {"en", "fr"};

const char *kgb_lang_code(kgb_lang lang) { return codes[lang]; }

int kgb_lang_from_code(const char *code)
{
  for (int i = 0; i < KGB_LANG_COUNT; i++)
    if (strcmp(code, codes[i]) == 0)
      return i;
  return -1;
}

kgb_lang kgb_lang_detect(struct kgb_lexicon *const lex[KGB_LANG_COUNT],
                         const kgb_tokens *toks, size_t first, size_t last)
{
  size_t margin;

  return kgb_lang_detect_margin(lex, toks, first, last, &margin);
}

kgb_lang kgb_lang_detect_margin(struct kgb_lexicon *const lex[KGB_LANG_COUNT],
                                const kgb_tokens *toks, size_t first,
                                size_t last, size_t *margin)
{
  size_t hits[KGB_LANG_COUNT] = {0};
  kgb_lang best = KGB_LANG_EN;

  for (size_t i = first; i < last; i++) {
    if (toks->v[i].type != KGB_TOK_WORD)
      continue;
    for (int l = 0; l < KGB_LANG_COUNT; l++)
      hits[l] += kgb_lexicon_token_is(lex[l], toks, i, KGB_LEX_STOPWORD);
  }
  for (int l = 1; l < KGB_LANG_COUNT; l++)
    if (hits[l] > hits[best])
      best = (kgb_lang)l;
  *margin = hits[best] - hits[1 - best];
  return best;
}
