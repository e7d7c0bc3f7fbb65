/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_train.c - kgb_train: a tagger model for entities (ner) or parts of
 * speech (pos) trained on CoNLL-style files, scored on a dev file after
 * each epoch. */
#include <stdio.h>
#include <string.h>

#include "kgb_alloc.h"
#include "kgb_corpus.h"
#include "kgb_tagger_internal.h"
#include "kgb_world_internal.h"

void kgb_train_options_init(kgb_train_options *o)
{
  memset(o, 0, sizeof *o);
  o->task = "ner";
  o->epochs = 10;
  o->seed = 1;
  o->decoder = "viterbi";
}

typedef struct {
  kgb_world *world;
  const kgb_train_options *o;
  int ner;
  kgb_corpus train, dev;
  int *train_gold, *dev_gold;   /* a tag a token */
  kgb_tagset *set;
  char *names[KGB_TAGSET_MAX_TYPES];
  size_t n_names;
  const kgb_featurizer *fz;   /* borrowed */
} train_run;

/* Where token I of C was read, for messages. */
static const char *token_file(const kgb_corpus *c, size_t i)
{
  size_t s = 0;

  while (s + 1 < c->n_sent && c->sent[s + 1] <= i)
    s++;
  return c->file[s];
}

/* An entity label: "O", or B-, I-, L- or U- and a type.  Its letter in
 * *KIND ('O' for O); 0, or -1 when malformed. */
static int ner_label(const char *label, char *kind, const char **type)
{
  *kind = 'O';
  *type = NULL;
  if (strcmp(label, "O") == 0)
    return 0;
  if (!strchr("BILU", label[0]) || label[0] == '\0' || label[1] != '-' ||
      label[2] == '\0')
    return -1;
  *kind = label[0];
  *type = label + 2;
  return 0;
}

static long class_of(const train_run *run, const char *name)
{
  for (size_t i = 0; i < run->n_names; i++)
    if (strcmp(run->names[i], name) == 0)
      return (long)i;
  return -1;
}

/* Gather the entity types (ner) or classes (pos) of the training data,
 * in the order first met, into RUN->set. */
static int collect_tagset(train_run *run)
{
  const kgb_corpus *c = &run->train;

  for (size_t i = 0; i < c->n_tok; i++) {
    const char *name = c->labels[i];
    char kind;
    if (run->ner && ner_label(c->labels[i], &kind, &name) != 0)
      return kgb_report(run->world, KGB_EPARSE,
                        "%s:%zu: '%s' is not an entity tag (O, or B-, I-, "
                        "L- or U- and a type)", token_file(c, i), c->line[i],
                        c->labels[i]);
    if (!name || class_of(run, name) >= 0)
      continue;
    if (run->n_names == KGB_TAGSET_MAX_TYPES ||
        strlen(name) > KGB_TAGSET_MAX_NAME)
      return kgb_report(run->world, KGB_EPARSE,
                        "%s:%zu: '%s': more than %d %s, or a name longer "
                        "than %d bytes", token_file(c, i), c->line[i], name,
                        KGB_TAGSET_MAX_TYPES,
                        run->ner ? "entity types" : "tags",
                        KGB_TAGSET_MAX_NAME);
    if (!(run->names[run->n_names] = kgb_strdup(name)))
      return kgb_report(run->world, KGB_ENOMEM, "out of memory");
    run->n_names++;
  }
  if (run->ner && run->n_names == 0)
    return kgb_report(run->world, KGB_EPARSE,
                      "%s: no entity in the training data", c->file[0]);
  return (run->ner ? kgb_tagset_new : kgb_tagset_new_plain)(
      (const char *const *)run->names, run->n_names, &run->set);
}

/* Is the file of sentence S (and of those after it from the same file)
 * written in BILOU, that is, does it use L- or U-? */
static int file_is_bilou(const kgb_corpus *c, size_t s)
{
  for (size_t k = s; k < c->n_sent && c->file[k] == c->file[s]; k++)
    for (size_t i = c->sent[k]; i < c->sent[k + 1]; i++)
      if ((c->labels[i][0] == 'L' || c->labels[i][0] == 'U') &&
          c->labels[i][1] == '-')
        return 1;
  return 0;
}

/* The BILOU tag of an entity LABEL, or -1. */
static int bilou_tag(const train_run *run, const char *label)
{
  static const char kinds[] = "BILU";
  const char *type;
  char kind;
  long t;

  if (ner_label(label, &kind, &type) != 0)
    return -1;
  if (kind == 'O')
    return 0;
  if ((t = class_of(run, type)) < 0)
    return -1;
  return kgb_tagset_tag((size_t)t, (int)(strchr(kinds, kind) - kinds));
}

/* The gold tags of sentence S of C into TAGS. */
static int sentence_gold(const train_run *run, const kgb_corpus *c,
                         size_t s, int bilou, int *tags)
{
  size_t first = c->sent[s], n = c->sent[s + 1] - first;
  int ok = 1;

  if (!run->ner || bilou) {
    for (size_t i = 0; i < n; i++) {
      tags[i] = run->ner ? bilou_tag(run, c->labels[first + i])
                         : (int)class_of(run, c->labels[first + i]);
      if (tags[i] < 0)
        return kgb_report(run->world, KGB_EPARSE,
                          "%s:%zu: '%s' is not a tag of the training data",
                          c->file[s], c->line[first + i],
                          c->labels[first + i]);
    }
    ok = !run->ner || kgb_bilou_valid(tags, n);
  } else {
    ok = kgb_bilou_from_iob(run->set, (const char *const *)c->labels + first,
                            n, tags) == KGB_OK;
  }
  if (!ok)
    return kgb_report(run->world, KGB_EPARSE,
                      "%s:%zu: the sentence's tags are not valid %s",
                      c->file[s], c->line[first],
                      bilou ? "BILOU" : "IOB (O, B-TYPE, I-TYPE)");
  return KGB_OK;
}

static int corpus_gold(const train_run *run, const kgb_corpus *c, int **out)
{
  int bilou = 0, rc = KGB_OK;

  *out = kgb_calloc(c->n_tok + 1, sizeof **out);
  if (!*out)
    return kgb_report(run->world, KGB_ENOMEM, "out of memory");
  for (size_t s = 0; s < c->n_sent && rc == KGB_OK; s++) {
    if (s == 0 || c->file[s] != c->file[s - 1])
      bilou = run->ner && file_is_bilou(c, s);
    rc = sentence_gold(run, c, s, bilou, *out + c->sent[s]);
  }
  return rc;
}

/* The features of sentence S of C into SEQ, made by FZ (NULL: the
 * generic word features) in document order. */
static int sentence_features(const kgb_featurizer *fz, const kgb_corpus *c,
                             size_t s, kgb_featseq *seq)
{
  const char *const *words = (const char *const *)c->words + c->sent[s];
  size_t n = c->sent[s + 1] - c->sent[s];

  kgb_featseq_clear(seq);
  if (!fz || !fz->features)
    return kgb_tagger_word_features(words, n, seq);
  if (c->doc_start[s] && fz->new_document)
    fz->new_document(fz->data);
  return fz->features(fz->data, words, n, seq);
}

/* Tell FZ sentence S of C was tagged TAGS of SET. */
static int sentence_tagged(const kgb_featurizer *fz, const kgb_corpus *c,
                           size_t s, const kgb_tagset *set, const int *tags)
{
  if (!fz || !fz->tagged)
    return KGB_OK;
  return fz->tagged(fz->data, (const char *const *)c->words + c->sent[s],
                    c->sent[s + 1] - c->sent[s], set, tags);
}

int kgb_corpus_tag_sentence(const kgb_corpus *c, size_t s,
                            const kgb_featurizer *fz, const kgb_tagger *model,
                            kgb_featseq *seq, int *tags)
{
  int rc = sentence_features(fz, c, s, seq);

  if (rc == KGB_OK)
    rc = kgb_tagger_tag(model, seq, tags);
  if (rc == KGB_OK)
    rc = sentence_tagged(fz, c, s, kgb_tagger_as_tagset(model), tags);
  return rc;
}

/* Exact spans of PRED that are in GOLD, both from valid BILOU tags. */
static void count_spans(const int *gold, const int *pred, size_t n,
                        kgb_span *a, kgb_span *b, double *counts)
{
  size_t na = kgb_bilou_to_spans(gold, n, a), nb = kgb_bilou_to_spans(pred,
                                                                      n, b);

  counts[0] += (double)na;
  counts[1] += (double)nb;
  for (size_t i = 0, j = 0; i < na && j < nb;) {
    if (a[i].first == b[j].first && a[i].end == b[j].end &&
        a[i].type == b[j].type)
      counts[2]++;
    if (a[i].end <= b[j].end)
      i++;
    else
      j++;
  }
}

/* Score MODEL on the dev corpus into E. */
static int score_dev(const train_run *run, const kgb_tagger *model,
                     kgb_train_epoch *e)
{
  const kgb_corpus *c = &run->dev;
  size_t n = c->n_tok + 1, right = 0;
  int *pred = kgb_malloc(n * sizeof *pred);
  kgb_span *a = kgb_malloc(n * sizeof *a), *b = kgb_malloc(n * sizeof *b);
  double counts[3] = {0, 0, 0};   /* gold spans, found spans, right */
  kgb_featseq seq;
  int rc = pred && a && b ? KGB_OK : KGB_ENOMEM;

  kgb_featseq_init(&seq);
  for (size_t s = 0; s < c->n_sent && rc == KGB_OK; s++) {
    size_t first = c->sent[s], len = c->sent[s + 1] - first;
    rc = kgb_corpus_tag_sentence(c, s, run->fz, model, &seq, pred);
    for (size_t i = 0; rc == KGB_OK && i < len; i++)
      right += pred[i] == run->dev_gold[first + i];
    if (rc == KGB_OK && run->ner)
      count_spans(run->dev_gold + first, pred, len, a, b, counts);
  }
  e->has_dev = 1;
  e->dev_accuracy = c->n_tok ? (double)right / (double)c->n_tok : 0;
  e->dev_f1 = -1;
  if (run->ner)
    e->dev_f1 = counts[0] + counts[1] > 0
                    ? 2 * counts[2] / (counts[0] + counts[1]) : 0;
  kgb_featseq_release(&seq);
  kgb_free(pred);
  kgb_free(a);
  kgb_free(b);
  return rc == KGB_ENOMEM ? kgb_report(run->world, rc, "out of memory") : rc;
}

typedef struct {
  train_run *run;
  kgb_train_opts *opts;
} epoch_hook;

static int on_epoch(void *data, kgb_trainer *tr, unsigned epoch,
                    double accuracy)
{
  epoch_hook *h = data;
  kgb_train_epoch e = {epoch, h->run->o->epochs, accuracy, 0, 0, -1};
  kgb_tagger *model = NULL;
  int rc = KGB_OK;

  if (h->run->o->dev) {
    rc = kgb_trainer_snapshot(tr, h->opts, &model);
    if (rc == KGB_OK)
      rc = score_dev(h->run, model, &e);
    kgb_tagger_free(model);
  }
  if (rc == KGB_OK && h->run->o->on_epoch)
    h->run->o->on_epoch(h->run->o->user_data, &e);
  return rc;
}

int kgb_trainer_write(kgb_world *world, kgb_trainer *tr,
                      const kgb_train_options *o, kgb_train_opts *opts,
                      int (*epoch_fn)(void *, kgb_trainer *, unsigned,
                                      double),
                      void *data, FILE *out, const char *out_name)
{
  kgb_tagger *model = NULL;
  char *bytes = NULL;
  size_t len = 0;
  int rc;

  opts->epochs = o->epochs;
  opts->seed = o->seed;
  opts->on_epoch = epoch_fn;
  opts->data = data;
  rc = kgb_trainer_run(tr, opts, &model);
  if (rc == KGB_OK)
    rc = kgb_tagger_to_bytes(model, &bytes, &len);
  if (rc == KGB_OK && fwrite(bytes, 1, len, out) != len)
    rc = kgb_report(world, KGB_EIO, "%s: write error", out_name);
  kgb_free(bytes);
  kgb_tagger_free(model);
  return rc;
}

/* Train on RUN's data and write the model's bytes to OUT. */
static int train_and_write(train_run *run, FILE *out, const char *out_name)
{
  kgb_train_opts opts;
  epoch_hook hook = {run, &opts};
  kgb_trainer *tr = NULL;
  kgb_featseq seq;
  int rc = kgb_trainer_new(run->world, run->set, &tr);

  kgb_featseq_init(&seq);
  for (size_t s = 0; s < run->train.n_sent && rc == KGB_OK; s++) {
    const int *gold = run->train_gold + run->train.sent[s];
    rc = sentence_features(run->fz, &run->train, s, &seq);
    if (rc == KGB_OK)
      rc = kgb_trainer_add(tr, &seq, gold);
    if (rc == KGB_OK)
      rc = sentence_tagged(run->fz, &run->train, s, run->set, gold);
  }
  kgb_train_opts_init(&opts);
  opts.decoder = strcmp(run->o->decoder, "greedy") == 0 ? KGB_DECODE_GREEDY
                                                         : KGB_DECODE_VITERBI;
  if (rc == KGB_OK)
    rc = kgb_trainer_write(run->world, tr, run->o, &opts, on_epoch, &hook,
                           out, out_name);
  kgb_trainer_free(tr);
  kgb_featseq_release(&seq);
  return rc == KGB_ENOMEM ? kgb_report(run->world, rc, "out of memory") : rc;
}

static int check_options(kgb_world *world, const kgb_train_options *o)
{
  if (!o->task || (strcmp(o->task, "ner") && strcmp(o->task, "pos") &&
                   strcmp(o->task, "pairs")))
    return kgb_report(world, KGB_EINVAL, "train: the task is ner, pos or "
                      "pairs");
  if (o->lang && strcmp(o->lang, "en") && strcmp(o->lang, "fr"))
    return kgb_report(world, KGB_EINVAL, "train: '%s' is not a language "
                      "(en, fr)", o->lang);
  if (!o->decoder ||
      (strcmp(o->decoder, "greedy") && strcmp(o->decoder, "viterbi")))
    return kgb_report(world, KGB_EINVAL,
                      "train: the decoder is greedy or viterbi");
  if (o->epochs == 0)
    return kgb_report(world, KGB_EINVAL, "train: the epochs must be 1 or "
                      "more");
  return KGB_OK;
}

int kgb_train_files(kgb_world *world, const kgb_train_options *o,
                    const kgb_featurizer *fz, const char *const *files,
                    size_t n, FILE *out, const char *out_name)
{
  train_run run = {.world = world, .o = o, .fz = fz};
  int rc = check_options(world, o);

  run.ner = o->task && strcmp(o->task, "ner") == 0;
  if (rc == KGB_OK && strcmp(o->task, "pairs") == 0)
    return kgb_train_pair_files(world, o, files, n, out, out_name);
  kgb_corpus_init(&run.train);
  kgb_corpus_init(&run.dev);
  for (size_t i = 0; i < n && rc == KGB_OK; i++)
    rc = kgb_corpus_read(world, &run.train, files[i]);
  if (rc == KGB_OK && run.train.n_sent == 0)
    rc = kgb_report(world, KGB_EPARSE, "%s: no training sentences%s",
                    n ? files[0] : "train", n > 1 ? " in any file" : "");
  if (rc == KGB_OK && o->dev)
    rc = kgb_corpus_read(world, &run.dev, o->dev);
  if (rc == KGB_OK)
    rc = collect_tagset(&run);
  if (rc == KGB_OK)
    rc = corpus_gold(&run, &run.train, &run.train_gold);
  if (rc == KGB_OK && o->dev)
    rc = corpus_gold(&run, &run.dev, &run.dev_gold);
  if (rc == KGB_OK)
    rc = train_and_write(&run, out, out_name ? out_name : "the model");
  for (size_t i = 0; i < run.n_names; i++)
    kgb_free(run.names[i]);
  kgb_tagset_free(run.set);
  kgb_free(run.train_gold);
  kgb_free(run.dev_gold);
  kgb_corpus_release(&run.train);
  kgb_corpus_release(&run.dev);
  return rc;
}
