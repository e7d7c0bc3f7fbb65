/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_train.c - `kgbuild train`: models trained from small invented
 * files in each format (two-column IOB1, CoNLL-2003, BILOU, CoNLL-U)
 * tag their training sentences back; same data and seed, same bytes;
 * malformed lines, empty data and misuse are refused. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_util.h"

#include "kgb_tagger.h"

static kgb_world *world;

/* Invented sentences, each token WORD/TAG with its BILOU tag; sentences
 * 3 and 6 hold two entities of one type side by side. */
static const char *const sentences[] = {
  "Alvo/B-PER Quenmar/L-PER visited/O Ostavia/U-LOC on/O Monday/O ./O",
  "Zentrix/B-ORG Labs/L-ORG hired/O Brisa/U-PER ./O",
  "Corin/B-PER Tolvey/L-PER Fenna/B-PER Ostrid/L-PER signed/O the/O "
  "deal/O ./O",
  "The/O Veltro/U-ORG office/O in/O Port/B-LOC Merrin/L-LOC closed/O ./O",
  "Eskel/U-PER left/O Mordane/B-ORG Group/L-ORG for/O Pellico/U-ORG ./O",
  "Kelvaro/U-LOC Duskwater/U-LOC and/O Lower/B-LOC Tannis/L-LOC "
  "flooded/O ./O",
  "Nobody/O came/O to/O the/O meeting/O ./O",
  "Harrow/B-ORG Kint/I-ORG Systems/L-ORG bought/O Veltro/U-ORG ./O",
};
#define N_SENTENCES (sizeof sentences / sizeof *sentences)

/* Parts of speech, with a French contraction "du" = "de le". */
static const char *const tagged_pos[] = {
  "le/DET chat/NOUN dort/VERB ./PUNCT",
  "un/DET petit/ADJ chien/NOUN court/VERB vite/ADV ./PUNCT",
  "les/DET chats/NOUN dorment/VERB ./PUNCT",
  "Alvo/PROPN parle/VERB de/ADP le/DET projet/NOUN ./PUNCT",
  "un/DET grand/ADJ chat/NOUN mange/VERB ./PUNCT",
};
#define N_POS (sizeof tagged_pos / sizeof *tagged_pos)

#define MAX_TOKENS 16

typedef struct {
  char store[256];
  const char *words[MAX_TOKENS], *tags[MAX_TOKENS];
  size_t n;
} sentence;

static void parse(const char *text, sentence *s)
{
  memset(s, 0, sizeof *s);
  assert_true(strlen(text) < sizeof s->store);
  strcpy(s->store, text);
  for (char *w = strtok(s->store, " "); w; w = strtok(NULL, " ")) {
    char *slash = strrchr(w, '/');
    assert_non_null(slash);
    *slash = '\0';
    s->words[s->n] = w;
    s->tags[s->n++] = slash + 1;
  }
}

/* The label of token I of S in SCHEME: 'B' BILOU, '2' IOB2, '1' IOB1
 * (B- only where a span follows one of its type). */
static void label(const sentence *s, size_t i, char scheme, char *buf)
{
  const char *tag = s->tags[i];
  char kind = tag[0];

  if (scheme == 'B' || strcmp(tag, "O") == 0) {
    strcpy(buf, tag);
    return;
  }
  if (kind == 'L')
    kind = 'I';
  else if (kind == 'U')
    kind = 'B';
  if (scheme == '1' && kind == 'B') {
    const char *prev = i ? s->tags[i - 1] : "O";
    int after_same = strcmp(prev, "O") != 0 &&
                     strcmp(prev + 2, tag + 2) == 0;
    kind = after_same ? 'B' : 'I';
  }
  sprintf(buf, "%c-%s", kind, tag + 2);
}

/* The training file NAME in FORMAT: "iob1" two columns, "conll2003"
 * four columns with -DOCSTART-, "bilou" convert.py's output. */
static char *write_ner(const char *name, const char *format)
{
  char *path = test_tmpdir_path(name), text[8192] = "", buf[64];
  char scheme = strcmp(format, "bilou") == 0 ? 'B' : '1';
  size_t len = 0;

  if (strcmp(format, "conll2003") == 0)
    len += (size_t)sprintf(text + len, "-DOCSTART- -X- -X- O\n\n");
  else
    len += (size_t)sprintf(text + len, "# invented sentences\n");
  for (size_t k = 0; k < N_SENTENCES; k++) {
    sentence s;
    parse(sentences[k], &s);
    for (size_t i = 0; i < s.n; i++) {
      label(&s, i, scheme, buf);
      if (strcmp(format, "conll2003") == 0)
        len += (size_t)sprintf(text + len, "%s NN I-NP %s\n", s.words[i],
                               buf);
      else
        len += (size_t)sprintf(text + len, "%s\t%s\n", s.words[i], buf);
    }
    len += (size_t)sprintf(text + len, "\n");
  }
  test_write_file(path, text, len);
  return path;
}

/* The CoNLL-U file NAME of tagged_pos, "de le" written as the multiword
 * token "du" and an empty node after the first word. */
static char *write_conllu(const char *name)
{
  char *path = test_tmpdir_path(name), text[8192] = "";
  size_t len = 0;

  for (size_t k = 0; k < N_POS; k++) {
    sentence s;
    parse(tagged_pos[k], &s);
    len += (size_t)sprintf(text + len, "# sent_id = %zu\n", k + 1);
    for (size_t i = 0; i < s.n; i++) {
      if (strcmp(s.words[i], "de") == 0)
        len += (size_t)sprintf(text + len, "%zu-%zu\tdu\t_\t_\t_\t_\t_\t_\t_"
                               "\t_\n", i + 1, i + 2);
      len += (size_t)sprintf(text + len, "%zu\t%s\t%s\t%s\t_\t_\t_\t_\t_\t_\n",
                             i + 1, s.words[i], s.words[i], s.tags[i]);
      if (i == 0)
        len += (size_t)sprintf(text + len, "1.1\tfoo\tfoo\tX\t_\t_\t_\t_\t_"
                               "\t_\n");
    }
    len += (size_t)sprintf(text + len, "\n");
  }
  test_write_file(path, text, len);
  return path;
}

/* Load MODEL and tag the N TEXTS: the share of tokens tagged as
 * written (BILOU for entities, the class for parts of speech); bit K of
 * *WRONG set when text K is not tagged exactly. */
static double accuracy(const char *model, const char *const *texts,
                       size_t n, unsigned *wrong)
{
  kgb_tagger *m = NULL;
  kgb_featseq seq;
  size_t right = 0, all = 0;

  assert_int_equal(kgb_tagger_load(world, model, &m), KGB_OK);
  kgb_featseq_init(&seq);
  *wrong = 0;
  for (size_t k = 0; k < n; k++) {
    sentence s;
    int tags[MAX_TOKENS];
    char name[80];
    parse(texts[k], &s);
    kgb_featseq_clear(&seq);
    assert_int_equal(kgb_tagger_word_features(s.words, s.n, &seq), KGB_OK);
    assert_int_equal(kgb_tagger_tag(m, &seq, tags), KGB_OK);
    for (size_t i = 0; i < s.n; i++, all++) {
      kgb_tagset_tag_name(kgb_tagger_as_tagset(m), tags[i], name,
                          sizeof name);
      right += strcmp(name, s.tags[i]) == 0;
      if (strcmp(name, s.tags[i]) != 0)
        *wrong |= 1u << k;
    }
  }
  kgb_featseq_release(&seq);
  kgb_tagger_free(m);
  return (double)right / (double)all;
}

static void write_text(const char *path, const char *text)
{
  test_write_file(path, text, strlen(text));
}

/* Run kgbuild with ARGS; expect STATUS, and return what it printed on
 * standard error (the caller frees it). */
static char *run_expect(const char *const *args, int status)
{
  test_result r = test_run(args, NULL);
  char *err = r.err;

  if (r.status != status)
    fail_msg("exit %d, not %d: %s", r.status, status, r.err ? r.err : "");
  r.err = NULL;
  test_result_release(&r);
  return err;
}

static void train_and_check(const char *task, const char *data,
                            const char *const *texts, size_t n,
                            const char *decoder)
{
  char *model = test_tmpdir_path("model.kgbtag");
  const char *args[] = {"train", task, "-o", model, "--decoder", decoder,
                        "--dev", data, data, NULL};

  unsigned wrong;

  free(run_expect(args, 0));
  double acc = accuracy(model, texts, n, &wrong);
  if (acc < 0.95)
    fail_msg("%s on %s: token accuracy %.3f", task, data, acc);
  /* Side by side entities of one type stay two spans, whatever the
   * scheme of the file. */
  if (texts == sentences && (wrong & (1u << 2 | 1u << 5)))
    fail_msg("%s on %s: adjacent spans tagged wrong", task, data);
  free(model);
}

static void test_iob1_two_columns(void **state)
{
  char *data = write_ner("train.iob", "iob1");

  (void)state;
  train_and_check("ner", data, sentences, N_SENTENCES, "viterbi");
  free(data);
}

static void test_conll2003(void **state)
{
  char *data = write_ner("eng.train", "conll2003");

  (void)state;
  train_and_check("ner", data, sentences, N_SENTENCES, "greedy");
  free(data);
}

static void test_bilou(void **state)
{
  char *data = write_ner("train.tsv", "bilou");

  (void)state;
  train_and_check("ner", data, sentences, N_SENTENCES, "viterbi");
  free(data);
}

static void test_conllu_pos(void **state)
{
  char *data = write_conllu("train.conllu");

  (void)state;
  train_and_check("pos", data, tagged_pos, N_POS, "viterbi");
  free(data);
}

static void test_deterministic(void **state)
{
  char *data = write_ner("train.tsv", "bilou");
  char *a = test_tmpdir_path("a.kgbtag"), *b = test_tmpdir_path("b.kgbtag");
  char *bytes_a, *bytes_b;
  size_t len_a, len_b;

  (void)state;
  free(run_expect((const char *[]){"train", "ner", "--seed", "7", "-o", a,
                                   data, NULL}, 0));
  free(run_expect((const char *[]){"train", "ner", "--seed", "7", "-o", b,
                                   data, NULL}, 0));
  bytes_a = test_read_file(a, &len_a);
  bytes_b = test_read_file(b, &len_b);
  assert_non_null(bytes_a);
  assert_non_null(bytes_b);
  assert_int_equal(len_a, len_b);
  assert_memory_equal(bytes_a, bytes_b, len_a);
  free(bytes_a);
  free(bytes_b);
  free(a);
  free(b);
  free(data);
}

static void test_malformed_line(void **state)
{
  char *data = test_tmpdir_path("bad.tsv");
  char *model = test_tmpdir_path("model.kgbtag"), *err, want[300];
  size_t len;

  (void)state;
  write_text(data, "Brisa\tU-PER\nleft\tO\n\nlonely-token\n");
  write_text(model, "old");
  err = run_expect((const char *[]){"train", "ner", "-o", model, data, NULL},
                   1);
  snprintf(want, sizeof want, "%s:4: expected TOKEN<TAB>TAG", data);
  if (!strstr(err, want))
    fail_msg("'%s' lacks '%s'", err, want);
  free(err);
  /* A failed run leaves the old model file as it was. */
  char *kept = test_read_file(model, &len);
  assert_non_null(kept);
  assert_string_equal(kept, "old");
  free(kept);
  free(model);
  free(data);
}

static void test_bad_tag(void **state)
{
  char *data = test_tmpdir_path("bad.tsv");
  char *model = test_tmpdir_path("model.kgbtag"), *err, want[300];

  (void)state;
  write_text(data, "Brisa\tX-PER\n");
  err = run_expect((const char *[]){"train", "ner", "-o", model, data, NULL},
                   1);
  snprintf(want, sizeof want, "%s:1: 'X-PER' is not an entity tag", data);
  if (!strstr(err, want))
    fail_msg("'%s' lacks '%s'", err, want);
  free(err);
  free(model);
  free(data);
}

static void test_empty_training_set(void **state)
{
  char *data = test_tmpdir_path("empty.tsv");
  char *model = test_tmpdir_path("model.kgbtag"), *err;
  size_t len;

  (void)state;
  write_text(data, "# nothing\n\n");
  err = run_expect((const char *[]){"train", "ner", "-o", model, data, NULL},
                   1);
  assert_non_null(strstr(err, "no training sentences"));
  assert_null(test_read_file(model, &len));
  free(err);
  free(model);
  free(data);
}

static void test_unreadable(void **state)
{
  char *model = test_tmpdir_path("model.kgbtag"), *err;

  (void)state;
  err = run_expect((const char *[]){"train", "ner", "-o", model, test_tmpdir,
                                   NULL}, 1);
  assert_non_null(strstr(err, test_tmpdir));
  assert_non_null(strstr(err, "cannot read: Is a directory"));
  free(err);
  err = run_expect((const char *[]){"train", "ner", "-o", model,
                                   "/nonexistent/train.tsv", NULL}, 1);
  assert_non_null(strstr(err, "/nonexistent/train.tsv: cannot read"));
  free(err);
  free(model);
}

static void test_usage(void **state)
{
  char *model = test_tmpdir_path("model.kgbtag");
  char *data = write_ner("train.tsv", "bilou");

  (void)state;
  free(run_expect((const char *[]){"train", "ner", "-o", model, NULL}, 2));
  free(run_expect((const char *[]){"train", "ner", NULL}, 2));
  free(run_expect((const char *[]){"train", "chunk", "-o", model, data,
                                   NULL}, 2));
  free(run_expect((const char *[]){"train", "ner", data, NULL}, 2));
  free(run_expect((const char *[]){"train", "ner", "-o", model, "--epochs",
                                   "0", data, NULL}, 2));
  free(run_expect((const char *[]){"train", "ner", "-o", model, "--decoder",
                                   "beam", data, NULL}, 2));
  free(data);
  free(model);
}

#define WITH_DIR(f) \
  cmocka_unit_test_setup_teardown(f, test_tmpdir_make, test_tmpdir_remove)

int main(void)
{
  const struct CMUnitTest tests[] = {
    WITH_DIR(test_iob1_two_columns),
    WITH_DIR(test_conll2003),
    WITH_DIR(test_bilou),
    WITH_DIR(test_conllu_pos),
    WITH_DIR(test_deterministic),
    WITH_DIR(test_malformed_line),
    WITH_DIR(test_bad_tag),
    WITH_DIR(test_empty_training_set),
    WITH_DIR(test_unreadable),
    WITH_DIR(test_usage),
  };
  return TEST_MAIN_WITH_WORLD(tests, world);
}
