/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_sentence.c - sentence boundaries and their code-point offsets. */
#include "kgb_sentence.h"

#include <string.h>

#include "kgb_alloc.h"
#include "kgb_utf8.h"
#include "kgb_world_internal.h"

static int is_terminal(const char *fold)
{
  return strcmp(fold, ".") == 0 || strcmp(fold, "!") == 0 ||
         strcmp(fold, "?") == 0 || strcmp(fold, "\xE2\x80\xA6") == 0;
}

static int is_closing(const char *fold)
{
  static const char *const closers[] = {"\"", "'", ")", "]",
                                        "\xE2\x80\x9D", /* ” */
                                        "\xE2\x80\x99", /* ’ */
                                        "\xC2\xBB",     /* » */
                                        NULL};
  for (size_t i = 0; closers[i]; i++)
    if (strcmp(fold, closers[i]) == 0)
      return 1;
  return 0;
}

static int can_start_sentence(const kgb_token *t, const char *fold)
{
  return (t->flags & (KGB_TF_CAP | KGB_TF_DIGIT)) ||
         strcmp(fold, "\"") == 0 || strcmp(fold, "\xE2\x80\x9C") == 0 ||
         strcmp(fold, "\xC2\xAB") == 0 || strcmp(fold, "'") == 0 ||
         strcmp(fold, "\xE2\x80\x98") == 0;
}

/* A '.' after "Mr", "Inc" or the initial "J" does not end a sentence. */
static int dot_after_abbrev(const kgb_tokens *toks, size_t dot,
                            const kgb_lexicon *lex)
{
  const kgb_token *prev;
  const char *f;

  if (dot == 0)
    return 0;
  prev = &toks->v[dot - 1];
  if (prev->end != toks->v[dot].begin || prev->type != KGB_TOK_WORD)
    return 0;
  f = kgb_tok_fold(toks, dot - 1);
  if (kgb_lexicon_has_word(lex, f, KGB_LEX_ABBREV))
    return 1;
  return (prev->flags & KGB_TF_CAP) && strlen(f) == 1;
}

/* Is the dot I, glued on both sides, the end of a sentence that lost its
 * space: after a lower-case word, or after an acronym and before a
 * capitalised word that is no acronym? */
static int glued_end(const kgb_tokens *toks, size_t i)
{
  const kgb_token *prev = i > 0 ? &toks->v[i - 1] : NULL;
  const kgb_token *next = &toks->v[i + 1];

  if (!prev || prev->type != KGB_TOK_WORD || (prev->flags & KGB_TF_DIGIT))
    return 0;
  if (!(prev->flags & KGB_TF_CAP))
    return 1;
  return (prev->flags & KGB_TF_ALLCAPS) && (next->flags & KGB_TF_CAP) &&
         !(next->flags & KGB_TF_ALLCAPS);
}

/* Does a sentence end after token I?  (I is a terminal mark, already
 * extended over closing quotes to LAST.) */
static int ends_here(const kgb_tokens *toks, size_t i, size_t last,
                     const kgb_lexicon *lex)
{
  const kgb_token *next;

  if (last + 1 >= toks->n)
    return 1;
  next = &toks->v[last + 1];
  if (!can_start_sentence(next, kgb_tok_fold(toks, last + 1)))
    return 0;
  if (strcmp(kgb_tok_fold(toks, i), ".") == 0 &&
      dot_after_abbrev(toks, i, lex))
    return 0;
  /* "7203.T": a dot glued on both sides ends a sentence only where two
   * paragraphs lost their line break ("domestique.Le", "l'AFP.La"). */
  if (!(next->flags & (KGB_TF_SPACE_BEFORE | KGB_TF_NL_BEFORE)) &&
      toks->v[i].begin > 0 && last == i && !glued_end(toks, i))
    return 0;
  return 1;
}

/* "in the U.S. The firm": a dotted acronym followed by a capitalised
 * function word closes the sentence although no '.' token stands alone. */
static int acronym_ends(const kgb_tokens *toks, size_t i,
                        const kgb_lexicon *lex)
{
  const kgb_token *t = &toks->v[i];

  return t->type == KGB_TOK_WORD && t->end - t->begin > 1 &&
         kgb_tok_fold(toks, i)[strlen(kgb_tok_fold(toks, i)) - 1] == '.' &&
         i + 1 < toks->n && (toks->v[i + 1].flags & KGB_TF_CAP) &&
         kgb_lexicon_has_word(lex, kgb_tok_fold(toks, i + 1),
                              KGB_LEX_STOPWORD);
}

typedef struct {
  size_t byte, cp;   /* a position known in both units */
} cursor;

static size_t cp_offset(const kgb_document *doc, cursor *c, size_t byte)
{
  c->cp += kgb_utf8_cp_count(doc->text + c->byte, byte - c->byte);
  c->byte = byte;
  return c->cp;
}

static int add_one(kgb_document *doc, cursor *c, size_t first, size_t last)
{
  kgb_sentence *s;

  if (kgb_grow(&doc->sentences, &doc->cap_sentences, doc->n_sentences + 1,
               sizeof *doc->sentences))
    return KGB_ENOMEM;
  s = &doc->sentences[doc->n_sentences++];
  s->first_tok = first;
  s->last_tok = last;
  s->begin = doc->toks.v[first].begin;
  s->end = doc->toks.v[last - 1].end;
  s->cp_begin = cp_offset(doc, c, s->begin);
  s->cp_end = cp_offset(doc, c, s->end);
  s->furniture = 0;
  return KGB_OK;
}

/* A "sentence" longer than KGB_MAX_SENTENCE_TOKENS (a table, a page with
 * no punctuation) is cut in pieces, so that rules looking across a
 * sentence stay linear; the cut is reported once per document. */
static int add_sentence(kgb_document *doc, cursor *c, size_t first,
                        size_t last)
{
  int rc = KGB_OK;

  if (last - first > KGB_MAX_SENTENCE_TOKENS &&
      kgb_document_first_report(doc, KGB_REPORTED_CUT))
    kgb_warn(doc->world, "%s: a sentence of %zu tokens was cut in pieces of "
             "%d tokens", doc->source, last - first, KGB_MAX_SENTENCE_TOKENS);
  while (rc == KGB_OK && first < last) {
    size_t end = last - first > KGB_MAX_SENTENCE_TOKENS
                     ? first + KGB_MAX_SENTENCE_TOKENS
                     : last;
    rc = add_one(doc, c, first, end);
    first = end;
  }
  return rc;
}

int kgb_sentences_split(kgb_document *doc, const kgb_lexicon *lex)
{
  const kgb_tokens *toks = &doc->toks;
  cursor c = {0, 0};
  size_t start = 0;
  int rc = KGB_OK;

  for (size_t i = 0; i < toks->n && rc == KGB_OK; i++) {
    size_t last = i;
    if (i > start && (toks->v[i].flags & KGB_TF_NL_BEFORE)) {
      rc = add_sentence(doc, &c, start, i);
      start = i;
    }
    if (acronym_ends(toks, i, lex)) {
      rc = add_sentence(doc, &c, start, i + 1);
      start = i + 1;
      continue;
    }
    if (!is_terminal(kgb_tok_fold(toks, i)))
      continue;
    while (last + 1 < toks->n && is_closing(kgb_tok_fold(toks, last + 1)) &&
           !(toks->v[last + 1].flags & KGB_TF_NL_BEFORE))
      last++;
    if (ends_here(toks, i, last, lex)) {
      rc = add_sentence(doc, &c, start, last + 1);
      start = last + 1;
      i = last;
    }
  }
  if (rc == KGB_OK)
    rc = add_sentence(doc, &c, start, toks->n);
  return rc;
}

/* Does sentence S open with a furniture phrase that stands alone: the
 * whole line, or followed by ':' ("Also read: ...")? */
static int opens_furniture(const kgb_document *doc, const kgb_sentence *s,
                           const kgb_lexicon *lex)
{
  const kgb_tokens *toks = &doc->toks;
  size_t n, after;

  if (s->first_tok > 0 && !(toks->v[s->first_tok].flags & KGB_TF_NL_BEFORE))
    return 0;
  n = kgb_lexicon_longest(lex, toks, s->first_tok, s->last_tok - s->first_tok,
                          KGB_LEX_FURNITURE, NULL);
  if (!n)
    return 0;
  after = s->first_tok + n;
  return after == s->last_tok || strcmp(kgb_tok_fold(toks, after), ":") == 0;
}

void kgb_sentences_mark_furniture(kgb_document *doc, const kgb_lexicon *lex)
{
  kgb_document *whole = KGB_DOCUMENT_WHOLE(doc);

  for (size_t i = 0; i < doc->n_sentences; i++) {
    /* An earlier window of the page reached its footer. */
    if (whole->in_footer) {
      doc->sentences[i].furniture = 1;
      continue;
    }
    if (!opens_furniture(doc, &doc->sentences[i], lex))
      continue;
    doc->sentences[i].furniture = 1;
    /* Late in the page, such a line starts the footer: links, "about us",
     * other stories.  Early, it is one stray line.  A window counts in
     * the whole page. */
    if ((doc->base + doc->sentences[i].begin) * 5 > whole->len * 2)
      whole->in_footer = 1;
  }
  if (!doc->whole)
    whole->in_footer = 0;
}

/* Stop words a paragraph needs beyond the other language's before it is
 * read in a language other than the document's. */
#define KGB_PARAGRAPH_MARGIN 4

void kgb_sentences_set_languages(kgb_document *doc,
                                 struct kgb_lexicon *const lex[KGB_LANG_COUNT])
{
  size_t first = 0;

  while (first < doc->n_sentences) {
    size_t end = first + 1, margin;
    kgb_lang lang;
    while (end < doc->n_sentences &&
           !(doc->toks.v[doc->sentences[end].first_tok].flags &
             KGB_TF_PARA_BEFORE))
      end++;
    lang = kgb_lang_detect_margin(lex, &doc->toks,
                                  doc->sentences[first].first_tok,
                                  doc->sentences[end - 1].last_tok, &margin);
    if (lang == doc->lang || doc->lang_forced ||
        margin < KGB_PARAGRAPH_MARGIN)
      lang = doc->lang;
    for (size_t s = first; s < end; s++)
      doc->sentences[s].lang = lang;
    first = end;
  }
}
