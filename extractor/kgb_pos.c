/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_pos.c - the parts of speech of a document's sentences, tagged by
 * the language's model the first time a stage asks for one (the names
 * stage for a capitalised word, the fact patterns), and kept for the
 * whole document so that no sentence is tagged twice. */
#include "kgb_pos.h"

#include <ctype.h>
#include <string.h>

#include "kgb_alloc.h"
#include "kgb_models.h"
#include "kgb_tagfeat.h"

#define MAX_CLASSES 64
#define NOT_TAGGED (-2)
#define MAX_CLASS_NAME 16

struct kgb_pos {
  const kgb_document *doc;
  struct kgb_models *const *models;  /* borrowed, per language; may be NULL */
  struct kgb_lexicon *const *lex;    /* borrowed, per language */
  kgb_tagfeat *tf[KGB_LANG_COUNT];   /* owned: features, with a history */
  size_t sentence;
  int *tags;                /* owned: per token of the document, or
                               NOT_TAGGED */
  size_t cap_tags;
  char names[KGB_LANG_COUNT][MAX_CLASSES][MAX_CLASS_NAME];  /* folded */
};

int kgb_pos_new(const kgb_document *doc, struct kgb_models *const *models,
                struct kgb_lexicon *const *lex, kgb_pos **out)
{
  kgb_pos *p = kgb_calloc(1, sizeof *p);

  *out = p;
  if (!p)
    return KGB_ENOMEM;
  p->doc = doc;
  p->models = models;
  p->lex = lex;
  return KGB_OK;
}

void kgb_pos_free(kgb_pos *p)
{
  if (!p)
    return;
  for (size_t l = 0; l < KGB_LANG_COUNT; l++)
    kgb_tagfeat_free(p->tf[l]);
  kgb_free(p->tags);
  kgb_free(p);
}

void kgb_pos_sentence(kgb_pos *p, size_t sentence)
{
  p->sentence = sentence;
}

/* The classes of MODEL's tag set, lower-cased as pattern words are. */
static void fold_names(kgb_pos *p, kgb_lang lang, const kgb_tagger *model)
{
  const kgb_tagset *set = kgb_tagger_as_tagset(model);
  size_t n = kgb_tagset_types(set);

  for (size_t k = 0; k < n && k < MAX_CLASSES; k++) {
    const char *name = kgb_tagset_as_type(set, k);
    size_t i = 0;
    for (; name[i] && i + 1 < MAX_CLASS_NAME; i++)
      p->names[lang][k][i] = (char)tolower((unsigned char)name[i]);
    p->names[lang][k][i] = '\0';
  }
}

/* Tag the current sentence with MODEL. */
static int tag(kgb_pos *p, const kgb_sentence *s, const kgb_tagger *model)
{
  const kgb_tokens *toks = &p->doc->toks;
  size_t n = s->last_tok - s->first_tok;
  char **words = kgb_calloc(n + 1, sizeof *words), *buf = NULL;
  const struct kgb_models *m = p->models[s->lang];
  kgb_featseq seq;
  int rc = words ? KGB_OK : KGB_ENOMEM;

  kgb_featseq_init(&seq);
  seq.cache = m->pos_cache;
  if (rc == KGB_OK && !p->tf[s->lang]) {
    rc = kgb_tagfeat_new(p->lex[s->lang], &m->clusters, &p->tf[s->lang]);
    fold_names(p, s->lang, model);
  }
  if (rc == KGB_OK)
    rc = kgb_tokens_texts(toks, p->doc->text, s->first_tok, n, 0, &buf,
                          words);
  if (rc == KGB_OK)
    rc = kgb_tagfeat_tokens(p->tf[s->lang], toks, s->first_tok, n,
                            (const char *const *)words, &seq);
  if (rc == KGB_OK)
    rc = kgb_tagger_tag_cached(model, m->pos_cache, &seq,
                               p->tags + s->first_tok);
  kgb_featseq_release(&seq);
  kgb_free(buf);
  kgb_free(words);
  return rc;
}

const char *kgb_pos_at(kgb_pos *p, size_t tok)
{
  const kgb_sentence *s = &p->doc->sentences[p->sentence];
  const struct kgb_models *m = p->models ? p->models[s->lang] : NULL;
  int t;

  if (!m || !m->pos || tok < s->first_tok || tok >= s->last_tok)
    return NULL;
  if (!p->tags) {
    size_t n = p->doc->toks.n;
    if (kgb_grow(&p->tags, &p->cap_tags, n + 1, sizeof *p->tags))
      return NULL;   /* out of memory: no parts of speech are read */
    for (size_t k = 0; k < n; k++)
      p->tags[k] = NOT_TAGGED;
  }
  if (p->tags[s->first_tok] == NOT_TAGGED &&
      tag(p, s, m->pos) != KGB_OK)
    return NULL;
  t = p->tags[tok];
  return t >= 0 && t < MAX_CLASSES ? p->names[s->lang][t] : NULL;
}
