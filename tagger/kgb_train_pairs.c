/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_train_pairs.c - kgb_train for the task "pairs": a relation
 * classifier trained on pairs of mentions (see kgb_pair_features), read
 * from files of one pair a line:
 *
 *   LABEL<TAB>S_TYPE FIRST END<TAB>O_TYPE FIRST END<TAB>BETWEEN<TAB>TOKENS
 *
 * TOKENS are the sentence's words, one space between; spans are token
 * indices, END exclusive; BETWEEN the types of the other mentions
 * between the two, comma-separated, or "-"; LABEL is a class, "none" for
 * no relation. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kgb_alloc.h"
#include "kgb_datafile.h"
#include "kgb_tagger_internal.h"
#include "kgb_utf8.h"
#include "kgb_world_internal.h"

#define PAIR_MAX_WORDS 512

typedef struct {
  kgb_world *world;
  char *names[KGB_TAGSET_MAX_TYPES];   /* owned: the classes, first met */
  size_t n_names;
  kgb_featseq *seqs;     /* owned: one a pair, a token each */
  int *gold;             /* owned: the class of each pair */
  size_t n, cap_seqs, cap_gold;
  char *why;             /* the reader's reason for a bad line */
  size_t why_len;
} pair_set;

static void pair_set_release(pair_set *ps)
{
  for (size_t i = 0; i < ps->n; i++)
    kgb_featseq_release(&ps->seqs[i]);
  kgb_free(ps->seqs);
  kgb_free(ps->gold);
}

/* The index of class NAME in PS, added when new (ADD), or -1. */
static long class_index(pair_set *ps, const char *name, int add)
{
  for (size_t i = 0; i < ps->n_names; i++)
    if (strcmp(ps->names[i], name) == 0)
      return (long)i;
  if (!add || ps->n_names == KGB_TAGSET_MAX_TYPES || !*name ||
      strlen(name) > KGB_TAGSET_MAX_NAME)
    return -1;
  if (!(ps->names[ps->n_names] = kgb_strdup(name)))
    return -1;
  return (long)ps->n_names++;
}

/* "TYPE FIRST END" into P's subject (SUBJ) or object. */
static int read_span(char *field, kgb_pair *p, int subj)
{
  char *parts[4];
  char *end1, *end2;
  unsigned long first, end;

  if (kgb_split(field, ' ', parts, 4) != 3 || !*parts[0])
    return -1;
  first = strtoul(parts[1], &end1, 10);
  end = strtoul(parts[2], &end2, 10);
  if (*end1 || *end2 || !*parts[1] || !*parts[2] || end <= first)
    return -1;
  if (subj) {
    p->s_type = parts[0];
    p->s_first = first;
    p->s_end = end;
  } else {
    p->o_type = parts[0];
    p->o_first = first;
    p->o_end = end;
  }
  return 0;
}

/* The folded words of TOKENS (split in place at spaces) into WORDS. */
static size_t fold_words(char *tokens, char **words)
{
  char *raw[PAIR_MAX_WORDS + 1];
  size_t n = kgb_split(tokens, ' ', raw, PAIR_MAX_WORDS + 1);

  if (n > PAIR_MAX_WORDS)
    return 0;
  for (size_t i = 0; i < n; i++)
    if (!*raw[i] || !(words[i] = kgb_utf8_fold(raw[i], strlen(raw[i])))) {
      for (size_t j = 0; j < i; j++)
        kgb_free(words[j]);
      return 0;
    }
  return n;
}

static int on_pair(void *ctx, char **fields, size_t count)
{
  pair_set *ps = ctx;
  char *words[PAIR_MAX_WORDS];
  kgb_pair p;
  size_t n;
  long cls;
  int rc;

  (void)count;
  if ((cls = class_index(ps, fields[0], 1)) < 0) {
    snprintf(ps->why, ps->why_len, "'%s' is no class name (1 to %d bytes, "
             "at most %d classes)", fields[0], KGB_TAGSET_MAX_NAME,
             KGB_TAGSET_MAX_TYPES);
    return KGB_EPARSE;
  }
  if (read_span(fields[1], &p, 1) || read_span(fields[2], &p, 0)) {
    snprintf(ps->why, ps->why_len, "a span is TYPE FIRST END, END past "
             "FIRST");
    return KGB_EPARSE;
  }
  p.between = strcmp(fields[3], "-") == 0 ? "" : fields[3];
  if (!(n = fold_words(fields[4], words))) {
    snprintf(ps->why, ps->why_len, "the tokens are 1 to %d words, one "
             "space between", PAIR_MAX_WORDS);
    return KGB_EPARSE;
  }
  if (kgb_grow(&ps->seqs, &ps->cap_seqs, ps->n + 1, sizeof *ps->seqs) ||
      kgb_grow(&ps->gold, &ps->cap_gold, ps->n + 1, sizeof *ps->gold))
    rc = KGB_ENOMEM;
  else {
    kgb_featseq_init(&ps->seqs[ps->n]);
    rc = kgb_pair_features((const char *const *)words, n, &p,
                           &ps->seqs[ps->n]);
    ps->gold[ps->n] = (int)cls;
    ps->n++;
  }
  for (size_t i = 0; i < n; i++)
    kgb_free(words[i]);
  if (rc == KGB_EINVAL)
    snprintf(ps->why, ps->why_len, "a span lies outside the tokens, or the "
             "two overlap");
  return rc;
}

static int read_pairs(pair_set *ps, const char *path)
{
  char why[160];

  ps->why = why;
  ps->why_len = sizeof why;
  return kgb_datafile_read_why(ps->world, path, 5, 5, 0, on_pair, ps, why,
                               sizeof why);
}

typedef struct {
  pair_set *dev;
  const kgb_tagset *set;
  const kgb_train_options *o;
  kgb_train_opts *opts;
  long none;             /* the class "none", or -1 */
} pair_hook;

/* Accuracy and F1 of the classes other than "none" of MODEL on DEV. */
static void score_pairs(const pair_hook *h, const kgb_tagger *model,
                        kgb_train_epoch *e)
{
  double scores[KGB_TAGSET_MAX_TYPES];
  double right = 0, gold = 0, found = 0, both = 0;

  for (size_t i = 0; i < h->dev->n; i++) {
    int c = kgb_tagger_classify(model, &h->dev->seqs[i], scores);
    int g = h->dev->gold[i];
    right += c == g;
    gold += g != h->none;
    found += c != h->none;
    both += c == g && g != h->none;
  }
  e->has_dev = 1;
  e->dev_accuracy = h->dev->n ? right / (double)h->dev->n : 0;
  e->dev_f1 = gold + found > 0 ? 2 * both / (gold + found) : 0;
}

static int on_epoch(void *data, kgb_trainer *tr, unsigned epoch,
                    double accuracy)
{
  pair_hook *h = data;
  kgb_train_epoch e = {epoch, h->o->epochs, accuracy, 0, 0, -1};
  kgb_tagger *model = NULL;
  int rc = KGB_OK;

  if (h->dev->n) {
    rc = kgb_trainer_snapshot(tr, h->opts, &model);
    if (rc == KGB_OK)
      score_pairs(h, model, &e);
    kgb_tagger_free(model);
  }
  if (rc == KGB_OK && h->o->on_epoch)
    h->o->on_epoch(h->o->user_data, &e);
  return rc;
}

/* Train on TRAIN (dev scored after each epoch) and write the model. */
static int train_pairs(kgb_world *world, const kgb_train_options *o,
                       pair_set *train, pair_set *dev, const kgb_tagset *set,
                       FILE *out, const char *out_name)
{
  kgb_train_opts opts;
  pair_hook hook = {dev, set, o, &opts, -1};
  kgb_trainer *tr = NULL;
  int rc = kgb_trainer_new(world, set, &tr);

  hook.none = kgb_tagset_find(set, "none");
  for (size_t i = 0; i < train->n && rc == KGB_OK; i++)
    rc = kgb_trainer_add(tr, &train->seqs[i], &train->gold[i]);
  kgb_train_opts_init(&opts);
  opts.decoder = KGB_DECODE_GREEDY;
  if (rc == KGB_OK)
    rc = kgb_trainer_write(world, tr, o, &opts, on_epoch, &hook, out,
                           out_name);
  kgb_trainer_free(tr);
  return rc == KGB_ENOMEM ? kgb_report(world, rc, "out of memory") : rc;
}

int kgb_train_pair_files(kgb_world *world, const kgb_train_options *o,
                         const char *const *files, size_t n, FILE *out,
                         const char *out_name)
{
  pair_set train = {.world = world}, dev = {.world = world};
  kgb_tagset *set = NULL;
  int rc = KGB_OK;

  for (size_t i = 0; i < n && rc == KGB_OK; i++)
    rc = read_pairs(&train, files[i]);
  if (rc == KGB_OK && train.n == 0)
    rc = kgb_report(world, KGB_EPARSE, "%s: no training pairs%s",
                    n ? files[0] : "train", n > 1 ? " in any file" : "");
  /* The dev file's classes are the training data's: one it adds is a
   * class the model can never give. */
  if (rc == KGB_OK && o->dev) {
    for (size_t i = 0; i < train.n_names; i++)
      dev.names[i] = train.names[i];
    dev.n_names = train.n_names;
    rc = read_pairs(&dev, o->dev);
    if (rc == KGB_OK && dev.n_names > train.n_names)
      rc = kgb_report(world, KGB_EPARSE, "%s: class '%s' is not in the "
                      "training data", o->dev, dev.names[train.n_names]);
    for (size_t i = train.n_names; i < dev.n_names; i++)
      kgb_free(dev.names[i]);
  }
  if (rc == KGB_OK && kgb_tagset_new_plain((const char *const *)train.names,
                                           train.n_names, &set) != KGB_OK)
    rc = kgb_report(world, KGB_ENOMEM, "out of memory");
  if (rc == KGB_OK)
    rc = train_pairs(world, o, &train, &dev, set,
                     out, out_name ? out_name : "the model");
  kgb_tagset_free(set);
  for (size_t i = 0; i < train.n_names; i++)
    kgb_free(train.names[i]);
  pair_set_release(&train);
  pair_set_release(&dev);
  return rc;
}

/* Write each pair of PS classified by MODEL to OUT. */
static int write_classified(const pair_set *ps, const kgb_tagger *model,
                            FILE *out)
{
  const kgb_tagset *set = kgb_tagger_as_tagset(model);
  double scores[KGB_TAGSET_MAX_TYPES];
  long none = kgb_tagset_find(set, "none");

  for (size_t i = 0; i < ps->n; i++) {
    int c = kgb_tagger_classify(model, &ps->seqs[i], scores);
    fprintf(out, "%s\t%s\t%.3f\n", ps->names[ps->gold[i]],
            kgb_tagset_as_type(set, (size_t)c),
            none >= 0 && c != none ? scores[c] - scores[none] : 0.0);
  }
  return ferror(out) ? KGB_EIO : KGB_OK;
}

int kgb_tag_pair_files(kgb_world *world, const char *model_path,
                       const char *const *files, size_t n, FILE *out)
{
  pair_set ps = {.world = world};
  kgb_tagger *model = NULL;
  int rc = kgb_tagger_load(world, model_path, &model);

  if (rc == KGB_OK && !kgb_tagset_is_plain(kgb_tagger_as_tagset(model)))
    rc = kgb_report(world, KGB_EPARSE, "%s: an entity model, not a "
                    "relation classifier", model_path);
  for (size_t i = 0; i < n && rc == KGB_OK; i++)
    rc = read_pairs(&ps, files[i]);
  if (rc == KGB_OK)
    rc = write_classified(&ps, model, out);
  if (rc == KGB_EIO)
    kgb_report(world, rc, "cannot write the classes");
  for (size_t i = 0; i < ps.n_names; i++)
    kgb_free(ps.names[i]);
  pair_set_release(&ps);
  kgb_tagger_free(model);
  return rc;
}
