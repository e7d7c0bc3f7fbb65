/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_train_lang.c - kgb_train: the tagger's trainer (tagger/) fed with
 * the features of the training data's language (kgb_tagfeat.c), which
 * the models then see again when they tag a document. */
#include <string.h>

#include "kgb_alloc.h"
#include "kgb_corpus.h"

#include "kgb_lang.h"
#include "kgb_tagfeat.h"
#include "kgb_world_internal.h"

/* The featurizer of LANG (-1: none, *FZ left NULL) into *TF, *CLUSTERS. */
static int lang_features(kgb_world *world, int lang, kgb_map *clusters,
                         kgb_tagfeat **tf, kgb_featurizer *fz)
{
  int rc;

  *tf = NULL;
  if (lang < 0)
    return KGB_OK;
  if ((rc = kgb_world_open(world)) != KGB_OK)
    return rc;
  rc = kgb_clusters_load(world, world->data_dir, (kgb_lang)lang, clusters);
  if (rc == KGB_OK && kgb_tagfeat_new(world->lexicon[lang], clusters, tf))
    rc = kgb_report(world, KGB_ENOMEM, "out of memory");
  if (rc == KGB_OK)
    kgb_tagfeat_featurizer(*tf, fz);
  return rc;
}

/* Write sentence S of C, tagged TAGS of SET, to OUT. */
static int write_tagged(const kgb_corpus *c, size_t s, const kgb_tagset *set,
                        const int *tags, FILE *out)
{
  char name[80];

  for (size_t i = c->sent[s]; i < c->sent[s + 1]; i++) {
    kgb_tagset_tag_name(set, tags[i - c->sent[s]], name, sizeof name);
    fprintf(out, "%s\t%s\t%s\n", c->words[i], c->labels[i], name);
  }
  fputc('\n', out);
  return ferror(out) ? KGB_EIO : KGB_OK;
}

static int tag_corpus(const kgb_corpus *c, const kgb_tagger *model,
                      const kgb_featurizer *fz, FILE *out)
{
  const kgb_tagset *set = kgb_tagger_as_tagset(model);
  kgb_featseq seq;
  int *tags = NULL;
  size_t cap = 0;
  int rc = KGB_OK;

  kgb_featseq_init(&seq);
  for (size_t s = 0; s < c->n_sent && rc == KGB_OK; s++) {
    if (kgb_grow(&tags, &cap, c->sent[s + 1] - c->sent[s] + 1,
                 sizeof *tags)) {
      rc = KGB_ENOMEM;
      break;
    }
    rc = kgb_corpus_tag_sentence(c, s, fz, model, &seq, tags);
    if (rc == KGB_OK)
      rc = write_tagged(c, s, set, tags, out);
  }
  kgb_featseq_release(&seq);
  kgb_free(tags);
  return rc;
}

int kgb_tag_files(kgb_world *world, const char *model_path, const char *lang,
                  const char *const *files, size_t n, FILE *out)
{
  int code = lang ? kgb_lang_from_code(lang) : -1;
  kgb_featurizer fz;
  kgb_tagfeat *tf = NULL;
  kgb_tagger *model = NULL;
  kgb_corpus c;
  kgb_map clusters;
  int rc = KGB_OK;

  if (lang && code < 0)
    return kgb_report(world, KGB_EINVAL, "tag: '%s' is not a language "
                      "(en, fr)", lang);
  kgb_map_init(&clusters);
  kgb_corpus_init(&c);
  rc = kgb_tagger_load(world, model_path, &model);
  for (size_t i = 0; i < n && rc == KGB_OK; i++)
    rc = kgb_corpus_read(world, &c, files[i]);
  if (rc == KGB_OK)
    rc = lang_features(world, code, &clusters, &tf, &fz);
  if (rc == KGB_OK)
    rc = tag_corpus(&c, model, tf ? &fz : NULL, out);
  if (rc == KGB_EIO)
    kgb_report(world, rc, "cannot write the tags");
  else if (rc == KGB_ENOMEM)
    kgb_report(world, rc, "out of memory");
  kgb_tagfeat_free(tf);
  kgb_tagger_free(model);
  kgb_corpus_release(&c);
  kgb_map_release(&clusters);
  return rc;
}

int kgb_train(kgb_world *world, const kgb_train_options *o,
              const char *const *files, size_t n, FILE *out,
              const char *out_name)
{
  kgb_featurizer fz;
  kgb_tagfeat *tf = NULL;
  kgb_map clusters;
  int lang = o->lang ? kgb_lang_from_code(o->lang) : -1;
  int rc;

  /* Without a language (or with one it cannot read, which the trainer
   * reports) only the generic word features are used. */
  kgb_map_init(&clusters);
  rc = lang_features(world, lang, &clusters, &tf, &fz);
  if (rc == KGB_OK)
    rc = kgb_train_files(world, o, tf ? &fz : NULL, files, n, out,
                         out_name);
  kgb_tagfeat_free(tf);
  kgb_map_release(&clusters);
  return rc;
}
