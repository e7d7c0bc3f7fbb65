/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_model.c - libFuzzer target for the tagger model loader
 * (tagger/kgb_model.c): the bytes as a model file, then again with a
 * right checksum in their last 32 bytes, since random bytes would never
 * get past it to the body.  A file the loader
 * accepts must tag a sentence into a valid BILOU sequence and write
 * itself back byte for byte, since every field is read as written. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kgb_alloc.h"
#include "kgb_sha256.h"
#include "kgb_tagger.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static kgb_world *world;
static kgb_featseq sentence;

/* The loader's messages are expected by the thousand; keep them quiet. */
static void quiet(void *data, kgb_level level, const char *message)
{
  (void)data;
  (void)level;
  (void)message;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
  static const char *const words[] = {"Mira", "Solt", "left", "Vaskor",
                                      "on", "Tuesday", "."};
  (void)argc;
  (void)argv;
  world = kgb_world_new();
  kgb_featseq_init(&sentence);
  if (!world || kgb_tagger_word_features(words, 7, &sentence) != KGB_OK) {
    fprintf(stderr, "fuzz_model: out of memory at start\n");
    abort();
  }
  kgb_world_set_message_handler(world, quiet, NULL);
  return 0;
}

static void check_model(const kgb_tagger *m, const uint8_t *data,
                        size_t size)
{
  int tags[7];
  char *bytes = NULL;
  size_t len = 0;

  /* A plain tag set (parts of speech) allows any sequence of its tags;
   * a BILOU one only valid BILOU. */
  if (kgb_tagger_tag(m, &sentence, tags) == KGB_OK &&
      !kgb_tagset_valid(kgb_tagger_as_tagset(m), tags, sentence.n_tokens)) {
    fprintf(stderr, "fuzz_model: a loaded model tagged an invalid "
                    "sequence\n");
    abort();
  }
  if (kgb_tagger_to_bytes(m, &bytes, &len) == KGB_OK &&
      (len != size || memcmp(bytes, data, size) != 0)) {
    fprintf(stderr, "fuzz_model: a loaded model wrote other bytes\n");
    abort();
  }
  kgb_free(bytes);
}

static void load(const uint8_t *data, size_t size)
{
  kgb_tagger *m = NULL;

  if (kgb_tagger_from_bytes(world, "fuzz.kgbtag", data, size, &m) == KGB_OK)
    check_model(m, data, size);
  kgb_tagger_free(m);
}

/* DATA with its last 32 bytes replaced by the SHA-256 of the others. */
static void load_resealed(const uint8_t *data, size_t size)
{
  uint8_t *copy;
  char hex[65];

  if (size < 32 || !(copy = malloc(size)))
    return;
  memcpy(copy, data, size);
  kgb_sha256_hex(copy, size - 32, hex);
  for (size_t i = 0; i < 32; i++) {
    unsigned v = 0;
    sscanf(hex + 2 * i, "%2x", &v);
    copy[size - 32 + i] = (uint8_t)v;
  }
  load(copy, size);
  free(copy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  load(data, size);
  load_resealed(data, size);
  return 0;
}
