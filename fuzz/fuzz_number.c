/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_number.c - libFuzzer target for the number and money parser
 * (extractor/kgb_number.h): the bytes as a figure in English and in
 * French, then as an amount of money in a sentence, through the
 * tokenizer, the quantity reader and the investment rule. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kgb_buf.h"
#include "kgb_lexicon.h"
#include "kgb_number.h"
#include "kgb_utf8.h"
#include "kgb_world_internal.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static kgb_world *world;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
  (void)argc;
  (void)argv;
  world = kgb_world_new();
  if (!world || kgb_world_open(world) != KGB_OK) {
    fprintf(stderr, "fuzz_number: cannot open the world; set "
                    "KGBUILD_DATA_DIR and KGBUILD_ONTOLOGY\n");
    abort();
  }
  return 0;
}

/* A value written by kgb_decimal_format is a plain decimal with a point:
 * an optional '-', digits, '.', digits. */
static void check_format(kgb_decimal d)
{
  char buf[48];
  size_t i = 0, n;

  kgb_decimal_format(d, buf, sizeof buf);
  n = strlen(buf);
  if (buf[i] == '-')
    i++;
  if (n == 0 || !strchr(buf, '.') || buf[i] == '.' || buf[n - 1] == '.' ||
      strspn(buf + i, "0123456789.") != n - i) {
    fprintf(stderr, "fuzz_number: bad decimal '%s' (mant %lld scale %d)\n",
            buf, (long long)d.mant, d.scale);
    abort();
  }
}

/* The bytes alone as a figure, scaled as "million" and "billion" do. */
static void parse_figure(const char *s, size_t len, kgb_lang lang)
{
  static const int scales[] = {0, 3, 6, 9, 12};
  kgb_decimal d;

  if (kgb_decimal_parse(s, len, lang, &d) != KGB_OK)
    return;
  if (d.mant < 0 || d.scale < 0) {
    fprintf(stderr, "fuzz_number: negative parse (mant %lld scale %d)\n",
            (long long)d.mant, d.scale);
    abort();
  }
  check_format(d);
  for (size_t i = 0; i < sizeof scales / sizeof *scales; i++) {
    kgb_decimal scaled = d;
    if (kgb_decimal_shift(&scaled, scales[i]) == KGB_OK)
      check_format(scaled);
  }
}

/* Every quantity the tokens of TEXT hold, read as the rules read them. */
static void read_quantities(const char *text, size_t len, kgb_lang lang)
{
  const kgb_lexicon *lex = world->lexicon[lang];
  kgb_tokens toks;
  kgb_quantity q;

  kgb_tokens_init(&toks);
  if (kgb_tokenize(text, len, &toks) == KGB_OK)
    for (size_t i = 0; i < toks.n; i++)
      if (kgb_quantity_at(lex, &toks, text, i, toks.n, &q)) {
        if (q.first != i || q.last <= q.first || q.last > toks.n)
          abort();
        check_format(q.value);
      }
  kgb_tokens_release(&toks);
}

/* The bytes as the amount of an investment, which the money rule reads
 * with the organisation, the trigger and the place around it. */
static void extract_investment(const char *amount, size_t len, kgb_lang lang)
{
  static const char *const before[] = {"Zentra Robotics will invest ",
                                       "Zentra Robotics va investir "};
  static const char *const after[] = {" in Spain.\n", " en Espagne.\n"};
  kgb_document *doc = NULL;
  kgb_factset *facts = NULL;
  kgb_buf text;

  kgb_buf_init(&text);
  if (kgb_buf_puts(&text, before[lang]) == KGB_OK &&
      kgb_buf_append(&text, amount, len) == KGB_OK &&
      kgb_buf_puts(&text, after[lang]) == KGB_OK &&
      kgb_document_new_from_buffer(world, "number.txt", text.data, text.len,
                                   &doc) == KGB_OK &&
      kgb_document_set_language(doc, kgb_lang_code(lang)) == KGB_OK)
    kgb_extract(world, doc, &facts);
  kgb_factset_free(facts);
  kgb_document_free(doc);
  kgb_buf_release(&text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  const char *bytes = (const char *)data;
  kgb_buf clean;
  size_t replaced = 0;

  /* An amount is a few words; longer inputs only slow the search. */
  if (size > 256)
    return 0;
  kgb_buf_init(&clean);
  /* The tokenizer takes clean UTF-8, as documents hand it over. */
  if (kgb_utf8_clean(bytes, size, &clean, &replaced) == KGB_OK) {
    const char *text = clean.data ? clean.data : "";
    for (int lang = 0; lang < KGB_LANG_COUNT; lang++) {
      parse_figure(bytes, size, (kgb_lang)lang);
      read_quantities(text, clean.len, (kgb_lang)lang);
      extract_investment(bytes, size, (kgb_lang)lang);
    }
  }
  kgb_buf_release(&clean);
  return 0;
}
