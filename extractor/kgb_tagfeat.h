/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_tagfeat.h - the features the taggers read in one language: the
 * generic word features of tagger/, plus membership in the language's
 * gazetteers, word clusters computed from its news text, and what the
 * same word was tagged earlier in the document. */
#ifndef KGB_TAGFEAT_H
#define KGB_TAGFEAT_H

#include "kgb_lexicon.h"
#include "kgb_tagger.h"

typedef struct kgb_tagfeat kgb_tagfeat;

/* Read the word clusters of language LANG, DIR/<lang>/clusters.tsv
 * (WORD<TAB>COARSE<TAB>FINE), into CLUSTERS (an initialised map): folded
 * word -> COARSE << 16 | FINE.  No file is no cluster, not an error. */
int kgb_clusters_load(kgb_world *world, const char *dir, kgb_lang lang,
                      kgb_map *clusters);

/* Features over LEX and CLUSTERS (both borrowed; they must outlive the
 * result), with a document history of its own. */
int kgb_tagfeat_new(const kgb_lexicon *lex, const kgb_map *clusters,
                    kgb_tagfeat **out);
void kgb_tagfeat_free(kgb_tagfeat *tf);

/* The tagger-side view of TF (borrowed by the result). */
void kgb_tagfeat_featurizer(kgb_tagfeat *tf, kgb_featurizer *out);

/* Forget the document so far. */
void kgb_tagfeat_new_document(kgb_tagfeat *tf);
/* The features of WORDS[0..N), appended to SEQ. */
int kgb_tagfeat_sentence(kgb_tagfeat *tf, const char *const *words, size_t n,
                         kgb_featseq *seq);
/* The same for tokens [FIRST, FIRST + N) of a document's TOKS (borrowed
 * until the next call), whose texts are WORDS[0..N): the lexicon reads
 * the document's own tokens, not a copy. */
int kgb_tagfeat_tokens(kgb_tagfeat *tf, const kgb_tokens *toks, size_t first,
                       size_t n, const char *const *words, kgb_featseq *seq);
/* WORDS[0..N) were tagged TAGS of SET: remember each entity's words. */
int kgb_tagfeat_tagged(kgb_tagfeat *tf, const char *const *words, size_t n,
                       const kgb_tagset *set, const int *tags);

#endif
