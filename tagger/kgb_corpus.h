/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_corpus.h - training data for the tagger, read from CoNLL-style
 * column files and CoNLL-U. */
#ifndef KGB_CORPUS_H
#define KGB_CORPUS_H

#include <stddef.h>

#include "kgbuild.h"
#include "kgb_tagger.h"

/* Sentences of tokens, each with its label as written in the file. */
typedef struct {
  char **words, **labels;  /* owned, one a token */
  size_t *line;            /* the line each token was read from */
  size_t n_tok, cap_words, cap_labels, cap_line;
  size_t *sent;            /* token offsets: sentence s is [sent[s],
                              sent[s+1]) */
  const char **file;       /* borrowed: the file of each sentence */
  unsigned char *doc_start;/* 1 for a sentence that opens a document */
  size_t n_sent, cap_sent, cap_file, cap_doc;
} kgb_corpus;

void kgb_corpus_init(kgb_corpus *c);
void kgb_corpus_release(kgb_corpus *c);

/* Append the sentences of PATH (borrowed; it must outlive C).  A file of
 * 10 tab-separated columns, or named *.conllu, is CoNLL-U: FORM and UPOS,
 * multiword ranges and empty nodes left out.  Any other file has the
 * token in its first column and the label in its last (split at tabs,
 * else at spaces); `-DOCSTART-` and `#` comment lines are skipped and a
 * blank line ends a sentence.  A document starts with each file, at
 * `-DOCSTART-`, and at a comment `# doc...` or `# newdoc...`.  KGB_EPARSE, reported as "PATH:LINE: ...",
 * for a line that does not fit. */
int kgb_corpus_read(kgb_world *world, kgb_corpus *c, const char *path);

/* Tag sentence S of C with MODEL into TAGS (room for its tokens): its
 * features made by FZ (NULL: the generic word features) into SEQ, in
 * document order, and FZ told the tags after.  Sentences must come in
 * order for FZ's document history. */
int kgb_corpus_tag_sentence(const kgb_corpus *c, size_t s,
                            const kgb_featurizer *fz, const kgb_tagger *model,
                            kgb_featseq *seq, int *tags);

#endif
