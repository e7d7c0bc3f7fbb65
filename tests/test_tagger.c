/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_tagger.c - the sequence tagger core (tagger/): BILOU conversions,
 * training on a small invented data set, determinism, and model files
 * that are missing, cut short or damaged. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_util.h"

#include "kgb_alloc.h"
#include "kgb_sha256.h"
#include "kgb_tagger.h"
#include "kgb_tagger_internal.h"

static kgb_world *world;

/* --- an invented data set ------------------------------------------------ */

enum { PER, ORG, LOC };
static const char *const types[] = {"PER", "ORG", "LOC"};

/* Names made up so no lexicon could know them; spans of 1 to 3 tokens. */
static const char *const people[] = {"Alvo Quenmar", "Brisa", "Corin Tolvey",
                                     "Dalia Ferrow", "Eskel", "Fenna Ostrid"};
static const char *const orgs[] = {"Zentrix Labs", "Mordane Group", "Veltro",
                                   "Harrow Kint Systems", "Pellico"};
static const char *const places[] = {"Ostavia", "Port Merrin", "Kelvaro",
                                     "Duskwater", "Lower Tannis"};

#define MAX_TOKENS 32

typedef struct {
  const char *words[MAX_TOKENS];
  char store[512];          /* the words, each NUL-terminated */
  size_t used, n;
  kgb_span spans[4];
  size_t n_spans;
  int gold[MAX_TOKENS];
} sentence;

/* Append the space-separated WORDS to S. */
static void add_words(sentence *s, const char *words)
{
  char *copy = s->store + s->used;

  strcpy(copy, words);
  s->used += strlen(words) + 1;
  for (char *w = strtok(copy, " "); w; w = strtok(NULL, " "))
    s->words[s->n++] = w;
}

/* Append the words of NAME as one span of TYPE. */
static void add_name(sentence *s, const char *name, size_t type)
{
  size_t first = s->n;

  add_words(s, name);
  s->spans[s->n_spans++] = (kgb_span){first, s->n, type};
}

/* Sentence I of the data set, from four templates and the name lists. */
static void make_sentence(size_t i, sentence *s)
{
  const char *per = people[i % 6], *org = orgs[(i / 2) % 5],
             *loc = places[(i / 3) % 5];

  memset(s, 0, sizeof *s);
  switch (i % 4) {
  case 0:
    add_name(s, per, PER), add_words(s, "met the board of");
    add_name(s, org, ORG), add_words(s, "in"), add_name(s, loc, LOC);
    add_words(s, ".");
    break;
  case 1:
    add_words(s, "Yesterday"), add_name(s, per, PER);
    add_words(s, "joined"), add_name(s, org, ORG), add_words(s, ".");
    break;
  case 2:
    add_name(s, org, ORG), add_words(s, "opened an office in");
    add_name(s, loc, LOC), add_words(s, "last week .");
    break;
  default:
    add_words(s, "In"), add_name(s, loc, LOC), add_words(s, ",");
    add_name(s, per, PER), add_words(s, "spoke about the plan .");
  }
  assert_int_equal(kgb_bilou_from_spans(s->spans, s->n_spans, s->n, 3,
                                        s->gold), KGB_OK);
}

/* Sentence I and its features. */
static void features_of(size_t i, kgb_featseq *seq, sentence *s)
{
  make_sentence(i, s);
  kgb_featseq_clear(seq);
  assert_int_equal(kgb_tagger_word_features(s->words, s->n, seq), KGB_OK);
  assert_int_equal(seq->n_tokens, s->n);
}

#define N_SENTENCES 48

/* A model of the first N sentences. */
static kgb_tagger *train_on(size_t n, const kgb_tagset *set, uint64_t seed,
                            kgb_decoder decoder, double prune)
{
  kgb_trainer *tr = NULL;
  kgb_tagger *m = NULL;
  kgb_train_opts opts;
  kgb_featseq seq;
  sentence s;

  kgb_featseq_init(&seq);
  assert_int_equal(kgb_trainer_new(world, set, &tr), KGB_OK);
  for (size_t i = 0; i < n; i++) {
    features_of(i, &seq, &s);
    assert_int_equal(kgb_trainer_add(tr, &seq, s.gold), KGB_OK);
  }
  kgb_train_opts_init(&opts);
  opts.seed = seed;
  opts.decoder = decoder;
  opts.prune = prune;
  assert_int_equal(kgb_trainer_run(tr, &opts, &m), KGB_OK);
  kgb_trainer_free(tr);
  kgb_featseq_release(&seq);
  return m;
}

static kgb_tagger *train(const kgb_tagset *set, uint64_t seed,
                         kgb_decoder decoder, double prune)
{
  return train_on(N_SENTENCES, set, seed, decoder, prune);
}

static kgb_tagset *tagset(void)
{
  kgb_tagset *set = NULL;
  assert_int_equal(kgb_tagset_new(types, 3, &set), KGB_OK);
  return set;
}

/* Token accuracy of M on the training sentences; every output must be a
 * valid BILOU sequence. */
static double accuracy(const kgb_tagger *m)
{
  size_t right = 0, total = 0;
  kgb_featseq seq;
  sentence s;
  int tags[MAX_TOKENS];

  kgb_featseq_init(&seq);
  for (size_t i = 0; i < N_SENTENCES; i++) {
    features_of(i, &seq, &s);
    assert_int_equal(kgb_tagger_tag(m, &seq, tags), KGB_OK);
    assert_true(kgb_bilou_valid(tags, s.n));
    for (size_t k = 0; k < s.n; k++, total++)
      right += tags[k] == s.gold[k];
  }
  kgb_featseq_release(&seq);
  return (double)right / (double)total;
}

/* --- BILOU ---------------------------------------------------------------- */

static void test_bilou_spans(void **state)
{
  const kgb_span spans[] = {{0, 1, 2}, {2, 5, 0}, {5, 7, 1}};
  const kgb_span overlap[] = {{0, 3, 0}, {2, 4, 1}};
  kgb_span back[8];
  int tags[8];

  (void)state;
  assert_int_equal(kgb_bilou_from_spans(spans, 3, 8, 3, tags), KGB_OK);
  assert_true(kgb_bilou_valid(tags, 8));
  assert_int_equal(tags[0], kgb_tagset_tag(2, KGB_BILOU_U));
  assert_int_equal(tags[1], 0);
  assert_int_equal(tags[3], kgb_tagset_tag(0, KGB_BILOU_I));
  assert_int_equal(kgb_bilou_to_spans(tags, 8, back), 3);
  assert_memory_equal(back, spans, sizeof spans);
  assert_int_equal(kgb_bilou_from_spans(overlap, 2, 8, 3, tags), KGB_EINVAL);
  assert_int_equal(kgb_bilou_from_spans(spans, 3, 6, 3, tags), KGB_EINVAL);
  assert_int_equal(kgb_bilou_from_spans(spans, 3, 8, 2, tags), KGB_EINVAL);
}

static void test_bilou_constraint(void **state)
{
  const int b_per = kgb_tagset_tag(0, KGB_BILOU_B),
            i_per = kgb_tagset_tag(0, KGB_BILOU_I),
            l_per = kgb_tagset_tag(0, KGB_BILOU_L),
            l_org = kgb_tagset_tag(1, KGB_BILOU_L);
  const int open_end[] = {0, b_per}, stray[] = {i_per, l_per},
            mixed[] = {b_per, l_org}, good[] = {b_per, i_per, l_per, 0};

  (void)state;
  assert_false(kgb_bilou_valid(open_end, 2));
  assert_false(kgb_bilou_valid(stray, 2));
  assert_false(kgb_bilou_valid(mixed, 2));
  assert_true(kgb_bilou_valid(good, 4));
}

/* A plain tag set is decoded over the few best tags of each word, not
 * only the best one: here the best word-by-word first tag (0) costs the
 * path so much that the runner-up (1) must be kept to find 1 2 3. */
static void test_plain_decode_keeps_runners_up(void **state)
{
  enum { T = 6, N = 3 };
  int64_t emit[N * T] = {0}, trans[(T + 1) * T] = {0}, work[2 * N * T];
  int tags[N], greedy[N];

  (void)state;
  emit[0 * T + 0] = 10;
  emit[0 * T + 1] = 9;
  emit[1 * T + 2] = 10;
  emit[2 * T + 3] = 1;
  for (int t = 0; t < T; t++)
    trans[(0 + 1) * T + t] = -100;   /* from tag 0, every tag is dear */
  kgb_decode(KGB_DECODE_VITERBI, 1, emit, trans, N, T, work, tags);
  assert_int_equal(tags[0], 1);
  assert_int_equal(tags[1], 2);
  assert_int_equal(tags[2], 3);
  kgb_decode(KGB_DECODE_GREEDY, 1, emit, trans, N, T, work, greedy);
  assert_int_equal(greedy[0], 0);
}

static void test_bilou_iob(void **state)
{
  /* The same three spans, in IOB2 and in IOB1 (where B- only parts two
   * adjacent spans of one type). */
  const char *const iob2[] = {"B-PER", "I-PER", "B-PER", "O", "B-LOC", "O"};
  const char *const iob1[] = {"I-PER", "I-PER", "B-PER", "O", "I-LOC", "O"};
  const char *const bad[] = {"O", "B-XYZ"};
  const char *const junk[] = {"S-PER"};
  kgb_tagset *set = tagset();
  int a[6], b[6];
  kgb_span spans[6];

  (void)state;
  assert_int_equal(kgb_bilou_from_iob(set, iob2, 6, a), KGB_OK);
  assert_int_equal(kgb_bilou_from_iob(set, iob1, 6, b), KGB_OK);
  assert_memory_equal(a, b, sizeof a);
  assert_true(kgb_bilou_valid(a, 6));
  assert_int_equal(kgb_bilou_to_spans(a, 6, spans), 3);
  assert_int_equal(spans[0].end - spans[0].first, 2);
  assert_int_equal(spans[1].end - spans[1].first, 1);
  assert_int_equal(spans[2].type, LOC);
  assert_int_equal(kgb_bilou_from_iob(set, bad, 2, a), KGB_EINVAL);
  assert_int_equal(kgb_bilou_from_iob(set, junk, 1, a), KGB_EINVAL);
  kgb_tagset_free(set);
}

static void test_tagset(void **state)
{
  const char *const dup[] = {"PER", "PER"};
  kgb_tagset *set = tagset(), *other = NULL;
  char name[16];

  (void)state;
  assert_int_equal(kgb_tagset_tags(set), 13);
  kgb_tagset_tag_name(set, kgb_tagset_tag(2, KGB_BILOU_L), name, sizeof name);
  assert_string_equal(name, "L-LOC");
  assert_int_equal(kgb_tagset_new(dup, 2, &other), KGB_EINVAL);
  assert_null(other);
  kgb_tagset_free(set);
  kgb_tagset_free(NULL);
}

/* --- features -------------------------------------------------------------- */

static void test_features(void **state)
{
  const char *const a[] = {"Ostavia", "is", "far"};
  const char *const b[] = {"Near", "Ostavia", "now"};
  kgb_featseq fa, fb;

  (void)state;
  kgb_featseq_init(&fa);
  kgb_featseq_init(&fb);
  assert_int_equal(kgb_tagger_word_features(a, 3, &fa), KGB_OK);
  assert_int_equal(kgb_tagger_word_features(b, 3, &fb), KGB_OK);
  assert_int_equal(fa.n_tokens, 3);
  /* The same word shares its own features (bias, the word, its shape)
   * wherever it stands; its neighbours differ. */
  size_t shared = 0;
  for (size_t i = fa.start[0]; i < fa.start[1]; i++) {
    assert_int_not_equal(fa.feats[i], 0);
    for (size_t j = fb.start[1]; j < fb.start[2]; j++)
      shared += fa.feats[i] == fb.feats[j];
  }
  assert_true(shared >= 5);
  assert_true(shared < fa.start[1] - fa.start[0]);
  kgb_featseq_release(&fa);
  kgb_featseq_release(&fb);
}

/* --- training -------------------------------------------------------------- */

static void test_learns_training_data(void **state)
{
  kgb_tagset *set = tagset();

  (void)state;
  for (int d = KGB_DECODE_GREEDY; d <= KGB_DECODE_VITERBI; d++) {
    kgb_tagger *m = train(set, 7, (kgb_decoder)d, 0.01);
    double acc = accuracy(m);
    assert_true(acc >= 0.95);
    kgb_tagger_free(m);
  }
  kgb_tagset_free(set);
}

/* Tags from a cache of words' own features are those of the whole
 * features: with an empty cache, a full one, and one too small to hold
 * every word. */
static void test_emission_cache(void **state)
{
  kgb_tagset *set = tagset();
  kgb_tagger *m = train(set, 7, KGB_DECODE_VITERBI, 0.01);
  int plain[MAX_TOKENS], cached[MAX_TOKENS];

  (void)state;
  for (size_t size = 4; size <= 4096; size *= 1024) {
    kgb_emitcache *cache = NULL;
    assert_int_equal(kgb_emitcache_new(m, size, &cache), KGB_OK);
    for (int pass = 0; pass < 2; pass++)
      for (size_t i = 0; i < N_SENTENCES; i++) {
        kgb_featseq seq;
        sentence s;
        size_t left_out = 0;
        kgb_featseq_init(&seq);
        features_of(i, &seq, &s);
        assert_int_equal(kgb_tagger_tag(m, &seq, plain), KGB_OK);
        kgb_featseq_clear(&seq);
        seq.cache = cache;
        assert_int_equal(kgb_tagger_word_features(s.words, s.n, &seq),
                         KGB_OK);
        for (size_t g = 0; g < seq.n_groups; g++)
          left_out += seq.groups[g].cached >= 0;
        /* The second pass over a big cache finds every word in it. */
        if (pass == 1 && size > 4)
          assert_int_equal(left_out, seq.n_groups);
        assert_int_equal(kgb_tagger_tag_cached(m, cache, &seq, cached),
                         KGB_OK);
        assert_memory_equal(plain, cached, s.n * sizeof *plain);
        kgb_featseq_release(&seq);
      }
    kgb_emitcache_free(cache);
  }
  kgb_tagger_free(m);
  kgb_tagset_free(set);
}

static void test_deterministic(void **state)
{
  kgb_tagset *set = tagset();
  kgb_tagger *a = train(set, 42, KGB_DECODE_VITERBI, 0.01);
  kgb_tagger *b = train(set, 42, KGB_DECODE_VITERBI, 0.01);
  kgb_tagger *pruned = train(set, 42, KGB_DECODE_VITERBI, 1.0);
  char *ba, *bb, *bp;
  size_t la, lb, lp;

  (void)state;
  assert_int_equal(kgb_tagger_to_bytes(a, &ba, &la), KGB_OK);
  assert_int_equal(kgb_tagger_to_bytes(b, &bb, &lb), KGB_OK);
  assert_int_equal(kgb_tagger_to_bytes(pruned, &bp, &lp), KGB_OK);
  assert_int_equal(la, lb);
  assert_memory_equal(ba, bb, la);
  /* Pruning drops rows whose weights all stay small. */
  assert_true(lp < la);
  kgb_free(ba);
  kgb_free(bb);
  kgb_free(bp);
  kgb_tagger_free(a);
  kgb_tagger_free(b);
  kgb_tagger_free(pruned);
  kgb_tagset_free(set);
}

static void test_trainer_rejects(void **state)
{
  const char *const words[] = {"Brisa", "left"};
  const int open_end[] = {0, kgb_tagset_tag(0, KGB_BILOU_B)};
  const int out_of_set[] = {99, 0};
  kgb_tagset *set = tagset();
  kgb_trainer *tr = NULL;
  kgb_tagger *m = (kgb_tagger *)1;
  kgb_train_opts opts;
  kgb_featseq seq;

  (void)state;
  kgb_featseq_init(&seq);
  assert_int_equal(kgb_tagger_word_features(words, 2, &seq), KGB_OK);
  assert_int_equal(kgb_trainer_new(world, set, &tr), KGB_OK);
  assert_int_equal(kgb_trainer_add(tr, &seq, open_end), KGB_EINVAL);
  assert_non_null(strstr(test_last_message, "BILOU"));
  assert_int_equal(kgb_trainer_add(tr, &seq, out_of_set), KGB_EINVAL);
  kgb_train_opts_init(&opts);
  assert_int_equal(kgb_trainer_run(tr, &opts, &m), KGB_EINVAL);
  assert_null(m);
  assert_non_null(strstr(test_last_message, "no training sentences"));
  kgb_trainer_free(tr);
  kgb_trainer_free(NULL);
  kgb_featseq_release(&seq);
  kgb_tagset_free(set);
}

/* --- model files ----------------------------------------------------------- */

static void test_save_load(void **state)
{
  const char *const unseen[] = {"Later", "Eskel", "Tolvey", "visited",
                                "Kelvaro", "with", "Veltro", "."};
  kgb_tagset *set = tagset();
  kgb_tagger *m = train(set, 3, KGB_DECODE_VITERBI, 0.01), *back = NULL;
  char *path = test_tmpdir_path("model.kgbtag");
  kgb_featseq seq;
  sentence s;
  int t1[MAX_TOKENS], t2[MAX_TOKENS];

  (void)state;
  kgb_featseq_init(&seq);
  assert_int_equal(kgb_tagger_save(world, m, path), KGB_OK);
  assert_int_equal(kgb_tagger_load(world, path, &back), KGB_OK);
  for (size_t i = 0; i <= N_SENTENCES; i++) {
    if (i < N_SENTENCES) {
      features_of(i, &seq, &s);
    } else {
      kgb_featseq_clear(&seq);
      assert_int_equal(kgb_tagger_word_features(unseen, 8, &seq), KGB_OK);
    }
    assert_int_equal(kgb_tagger_tag(m, &seq, t1), KGB_OK);
    assert_int_equal(kgb_tagger_tag(back, &seq, t2), KGB_OK);
    assert_memory_equal(t1, t2, seq.n_tokens * sizeof *t1);
  }
  assert_string_equal(kgb_tagset_as_type(kgb_tagger_as_tagset(back), 2),
                      "LOC");
  kgb_featseq_release(&seq);
  kgb_tagger_free(m);
  kgb_tagger_free(back);
  kgb_tagset_free(set);
  free(path);
}

/* --- plain tag sets ------------------------------------------------------- */

static const char *const upos[] = {"DET", "NOUN", "VERB", "ADJ"};

/* Sentences whose tags repeat and follow in orders BILOU would refuse
 * (VERB VERB, ADJ at the end), tagged 0..3 as in UPOS above. */
static const struct {
  const char *words[6];
  int tags[6];
  size_t n;
} plain_data[] = {
  {{"the", "cat", "sleeps"}, {0, 1, 2}, 3},
  {{"a", "dog", "runs", "fast"}, {0, 1, 2, 3}, 4},
  {{"dogs", "sleep"}, {1, 2}, 2},
  {{"the", "red", "cat", "is", "small"}, {0, 3, 1, 2, 3}, 5},
  {{"cats", "run"}, {1, 2}, 2},
  {{"a", "small", "dog", "barks"}, {0, 3, 1, 2}, 4},
};

static void test_plain_tagset(void **state)
{
  const size_t n_data = sizeof plain_data / sizeof *plain_data;
  kgb_tagset *set = NULL;
  kgb_trainer *tr = NULL;
  kgb_tagger *m = NULL, *back = NULL;
  kgb_train_opts opts;
  kgb_featseq seq;
  char name[16], *path = test_tmpdir_path("plain.kgbtag"), *bytes;
  const int repeat[] = {2, 2, 2}, out_of_range[] = {0, 4};
  int tags[6];
  size_t len;

  (void)state;
  assert_int_equal(kgb_tagset_new_plain(upos, 4, &set), KGB_OK);
  assert_true(kgb_tagset_is_plain(set));
  assert_int_equal(kgb_tagset_tags(set), 4);
  kgb_tagset_tag_name(set, 2, name, sizeof name);
  assert_string_equal(name, "VERB");
  assert_true(kgb_tagset_valid(set, repeat, 3));
  assert_false(kgb_tagset_valid(set, out_of_range, 2));
  kgb_featseq_init(&seq);
  assert_int_equal(kgb_trainer_new(world, set, &tr), KGB_OK);
  for (size_t i = 0; i < n_data; i++) {
    kgb_featseq_clear(&seq);
    assert_int_equal(kgb_tagger_word_features(plain_data[i].words,
                                              plain_data[i].n, &seq), KGB_OK);
    assert_int_equal(kgb_trainer_add(tr, &seq, plain_data[i].tags), KGB_OK);
  }
  kgb_train_opts_init(&opts);
  for (int d = KGB_DECODE_GREEDY; d <= KGB_DECODE_VITERBI; d++) {
    opts.decoder = (kgb_decoder)d;
    assert_int_equal(kgb_trainer_run(tr, &opts, &m), KGB_OK);
    assert_int_equal(kgb_tagger_save(world, m, path), KGB_OK);
    assert_int_equal(kgb_tagger_load(world, path, &back), KGB_OK);
    assert_true(kgb_tagset_is_plain(kgb_tagger_as_tagset(back)));
    /* Version 2, whose tag scheme says plain. */
    bytes = test_read_file(path, &len);
    assert_non_null(bytes);
    assert_int_equal(bytes[8], 2);
    assert_int_equal(bytes[16], 1);
    free(bytes);
    for (size_t i = 0; i < n_data; i++) {
      kgb_featseq_clear(&seq);
      assert_int_equal(kgb_tagger_word_features(plain_data[i].words,
                                                plain_data[i].n, &seq),
                       KGB_OK);
      assert_int_equal(kgb_tagger_tag(back, &seq, tags), KGB_OK);
      assert_memory_equal(tags, plain_data[i].tags,
                          plain_data[i].n * sizeof *tags);
    }
    kgb_tagger_free(m);
    kgb_tagger_free(back);
  }
  kgb_trainer_free(tr);
  kgb_featseq_release(&seq);
  kgb_tagset_free(set);
  free(path);
}

/* Load LEN BYTES written to a file: it must fail with STATUS and a
 * message naming the file and holding WANT. */
static void expect_load_error(const char *bytes, size_t len, int status,
                              const char *want)
{
  char *path = test_tmpdir_path("bad.kgbtag");
  kgb_tagger *m = (kgb_tagger *)1;

  test_write_file(path, bytes, len);
  test_last_message[0] = '\0';
  assert_int_equal(kgb_tagger_load(world, path, &m), status);
  assert_null(m);
  assert_non_null(strstr(test_last_message, path));
  if (!strstr(test_last_message, want))
    fail_msg("message '%s' lacks '%s'", test_last_message, want);
  free(path);
}

/* Replace the SHA-256 trailer of BYTES[0..LEN) by the right one. */
static void reseal(char *bytes, size_t len)
{
  char hex[65];

  kgb_sha256_hex(bytes, len - 32, hex);
  for (int i = 0; i < 32; i++) {
    unsigned v;
    sscanf(hex + 2 * i, "%2x", &v);
    bytes[len - 32 + (size_t)i] = (char)v;
  }
}

static void test_load_errors(void **state)
{
  kgb_tagset *set = tagset();
  kgb_tagger *m = train(set, 5, KGB_DECODE_GREEDY, 0.01), *none = NULL;
  char *good, *path = test_tmpdir_path("missing.kgbtag");
  size_t len, cuts[] = {1, 7, 8, 11, 12, 20, 43, 44, 0, 0};

  (void)state;
  assert_int_equal(kgb_tagger_to_bytes(m, &good, &len), KGB_OK);
  cuts[8] = len / 2;
  cuts[9] = len - 1;
  assert_int_equal(kgb_tagger_load(world, path, &none), KGB_ENOTFOUND);
  assert_non_null(strstr(test_last_message, path));
  expect_load_error("", 0, KGB_EPARSE, "empty");
  for (size_t i = 0; i < sizeof cuts / sizeof *cuts; i++)
    expect_load_error(good, cuts[i], KGB_EPARSE, "");
  expect_load_error(good, len - 1, KGB_EPARSE, "checksum mismatch");

  char *copy = kgb_malloc(len);
  memcpy(copy, good, len);
  copy[len / 2] ^= 0x10;
  expect_load_error(copy, len, KGB_EPARSE, "checksum mismatch");
  memcpy(copy, good, len);
  copy[0] = 'X';
  expect_load_error(copy, len, KGB_EPARSE, "not a kgbuild tagger model");
  memcpy(copy, good, len);
  copy[8] = 3;
  expect_load_error(copy, len, KGB_EPARSE,
                    "model format version 3, this kgbuild reads 1 to 2");
  /* A sealed file whose row count claims more than the file holds. */
  memcpy(copy, good, len);
  /* magic and version, decoder, type count, three 3-letter names with
   * their length bytes, scale: then the row count. */
  memset(copy + 12 + 4 + 4 + 3 * 4 + 8, 0x7f, 8);
  reseal(copy, len);
  expect_load_error(copy, len, KGB_EPARSE, "not a kgbuild tagger model");
  kgb_free(copy);
  /* A BILOU model dressed as version 2 (scheme 0): version 2 is for
   * plain sets only, so each model has one form (found by fuzz_model:
   * it loaded, then wrote itself back as version 1). */
  copy = kgb_malloc(len + 4);
  memcpy(copy, good, 16);
  copy[8] = 2;
  memset(copy + 16, 0, 4);
  memcpy(copy + 20, good + 16, len - 16);
  reseal(copy, len + 4);
  expect_load_error(copy, len + 4, KGB_EPARSE, "not a kgbuild tagger model");
  kgb_free(copy);
  kgb_free(good);
  kgb_tagger_free(m);
  kgb_tagset_free(set);
  free(path);
}

/* Every allocation of a load failing in turn: KGB_ENOMEM, never a crash
 * or a half-built model. */
static void test_load_out_of_memory(void **state)
{
  kgb_tagset *set = tagset();
  kgb_tagger *m = train(set, 9, KGB_DECODE_VITERBI, 0.5), *back = NULL;
  char *bytes;
  size_t len;
  int rc = KGB_ENOMEM;

  (void)state;
  assert_int_equal(kgb_tagger_to_bytes(m, &bytes, &len), KGB_OK);
  for (long n = 0; rc == KGB_ENOMEM; n++) {
    assert_true(n < 1000);
    kgb_alloc_fail_after(n);
    rc = kgb_tagger_from_bytes(world, "oom.kgbtag", bytes, len, &back);
    kgb_alloc_fail_after(-1);
    if (rc == KGB_ENOMEM)
      assert_null(back);
  }
  assert_int_equal(rc, KGB_OK);
  kgb_tagger_free(back);
  kgb_free(bytes);
  kgb_tagger_free(m);
  kgb_tagset_free(set);
}

/* The fuzzer's seed, fuzz/seeds/model/tiny.kgbtag, must stay a model this
 * version loads.  KGB_WRITE_MODEL_SEED=PATH writes a new one to PATH
 * (a model of 8 sentences, pruned at 1.0 so it stays near 1.5 KB). */
static void test_fuzz_seed(void **state)
{
  const char *write = getenv("KGB_WRITE_MODEL_SEED");
  char *seed = test_src_path("fuzz/seeds/model/tiny.kgbtag");
  kgb_tagger *m = NULL;
  kgb_featseq seq;
  sentence s;
  int tags[MAX_TOKENS];

  (void)state;
  if (write && *write) {
    kgb_tagset *set = tagset();
    m = train_on(8, set, 1, KGB_DECODE_VITERBI, 1.0);
    assert_int_equal(kgb_tagger_save(world, m, write), KGB_OK);
    kgb_tagger_free(m);
    kgb_tagset_free(set);
  }
  assert_int_equal(kgb_tagger_load(world, seed, &m), KGB_OK);
  kgb_featseq_init(&seq);
  features_of(0, &seq, &s);
  assert_int_equal(kgb_tagger_tag(m, &seq, tags), KGB_OK);
  assert_true(kgb_bilou_valid(tags, s.n));
  kgb_featseq_release(&seq);
  kgb_tagger_free(m);
  free(seed);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_bilou_spans),
    cmocka_unit_test(test_bilou_constraint),
    cmocka_unit_test(test_bilou_iob),
    cmocka_unit_test(test_plain_decode_keeps_runners_up),
    cmocka_unit_test(test_tagset),
    cmocka_unit_test(test_features),
    cmocka_unit_test(test_learns_training_data),
    cmocka_unit_test(test_deterministic),
    cmocka_unit_test(test_emission_cache),
    cmocka_unit_test(test_trainer_rejects),
    cmocka_unit_test_setup_teardown(test_save_load, test_tmpdir_make,
                                    test_tmpdir_remove),
    cmocka_unit_test_setup_teardown(test_plain_tagset, test_tmpdir_make,
                                    test_tmpdir_remove),
    cmocka_unit_test(test_load_out_of_memory),
    cmocka_unit_test(test_fuzz_seed),
    cmocka_unit_test_setup_teardown(test_load_errors, test_tmpdir_make,
                                    test_tmpdir_remove),
  };
  return TEST_MAIN_WITH_WORLD(tests, world);
}
