/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_sentence.c - sentence boundaries and code-point offsets. */
#include "test_util.h"

#include <stdio.h>
#include <string.h>

#include "kgb_document_internal.h"
#include "kgb_utf8.h"

static kgb_world *world;

/* Split TEXT and compare the sentences with the WANT list. */
static void check_split(const char *text, const char *lang,
                        const char *const *want, size_t n_want)
{
  kgb_document *doc = NULL;

  assert_int_equal(kgb_document_new_from_buffer(world, "t", text,
                                                strlen(text), &doc), KGB_OK);
  assert_int_equal(kgb_document_set_language(doc, lang), KGB_OK);
  assert_int_equal(kgb_document_analyse(doc), KGB_OK);
  if (doc->n_sentences != n_want) {
    for (size_t i = 0; i < doc->n_sentences; i++)
      print_message("  [%zu] %.*s\n", i,
                    (int)(doc->sentences[i].end - doc->sentences[i].begin),
                    doc->text + doc->sentences[i].begin);
    fail_msg("'%s': %zu sentences, expected %zu", text, doc->n_sentences,
             n_want);
  }
  for (size_t i = 0; i < n_want; i++) {
    const kgb_sentence *s = &doc->sentences[i];
    assert_int_equal(s->end - s->begin, strlen(want[i]));
    assert_memory_equal(doc->text + s->begin, want[i], strlen(want[i]));
  }
  kgb_document_free(doc);
}

#define SPLIT(text, lang, ...)                                              \
  do {                                                                      \
    static const char *const want[] = {__VA_ARGS__};                        \
    check_split(text, lang, want, sizeof want / sizeof *want);              \
  } while (0)

static void test_abbreviations(void **state)
{
  (void)state;
  SPLIT("Mr. Smith met Dr. Jones at Acme Inc. on Monday. They agreed.", "en",
        "Mr. Smith met Dr. Jones at Acme Inc. on Monday.", "They agreed.");
  SPLIT("M. Dupont dirige la filiale. Elle emploie 40 personnes.", "fr",
        "M. Dupont dirige la filiale.", "Elle emploie 40 personnes.");
  SPLIT("Sales grew in the U.S. The firm said so.", "en",
        "Sales grew in the U.S.", "The firm said so.");
  SPLIT("Shares of Zeta (ZTA.O) rose 1.2 percent. Zeta (ZTA.O.) said more.",
        "en", "Shares of Zeta (ZTA.O) rose 1.2 percent.",
        "Zeta (ZTA.O.) said more.");
  SPLIT("J. K. Miller runs it. Fine.", "en", "J. K. Miller runs it.", "Fine.");
}

static void test_decimals_and_quotes(void **state)
{
  (void)state;
  SPLIT("Le groupe investit 1,2 milliard. Puis 3.5 millions.", "fr",
        "Le groupe investit 1,2 milliard.", "Puis 3.5 millions.");
  SPLIT("\xE2\x80\x9CWe will grow.\xE2\x80\x9D The chief said it.", "en",
        "\xE2\x80\x9CWe will grow.\xE2\x80\x9D", "The chief said it.");
  SPLIT("He said: \"It works!\" Then he left?", "en",
        "He said: \"It works!\"", "Then he left?");
}

static void test_titles_and_glued(void **state)
{
  (void)state;
  SPLIT("Zeta to hire 300 staff in Lyon\n\nZeta said on Tuesday it will hire.",
        "en", "Zeta to hire 300 staff in Lyon",
        "Zeta said on Tuesday it will hire.");
  SPLIT("un repli du march\xC3\xA9 domestique.Consternant, ce recul.", "fr",
        "un repli du march\xC3\xA9 domestique.", "Consternant, ce recul.");
  SPLIT("Visit Zeta.com today. Now.", "en", "Visit Zeta.com today.", "Now.");
  /* An acronym glued to the next sentence; a share class is no acronym. */
  SPLIT("Selon l'OMS.Son directeur part.", "fr", "Selon l'OMS.",
        "Son directeur part.");
  SPLIT("Buy KSTCn.DE now. Then sell.", "en", "Buy KSTCn.DE now.",
        "Then sell.");
}

/* Wire copy cut at a fixed width: its line breaks inside sentences are
 * spaces, an indented line opens a paragraph.  Lines that end their own
 * units (a title, a list) keep their breaks. */
static void test_hard_wrapped(void **state)
{
  (void)state;
  SPLIT("ZETA TO BUY KORVA\n\nOSLO, May 2 - Zeta Corp said it agreed\n"
        "to buy Korva Ltd for 12 mln dlrs in\ncash, subject to approval by\n"
        "shareholders of Korva.\n    Zeta also said it will cut\n"
        "costs.", "en", "ZETA TO BUY KORVA",
        "OSLO, May 2 - Zeta Corp said it agreed\nto buy Korva Ltd for 12 mln "
        "dlrs in\ncash, subject to approval by\nshareholders of Korva.",
        "Zeta also said it will cut\ncosts.");
  SPLIT("Zeta hires\nKorva cuts\nOrvia grows", "en", "Zeta hires",
        "Korva cuts", "Orvia grows");
}

static void test_code_point_offsets(void **state)
{
  const char *text = "\xC3\x89l\xC3\xA9na a cr\xC3\xA9\xC3\xA9 une soci\xC3\xA9t\xC3\xA9. "
                     "Deux \xE2\x82\xAC. Fin.";
  kgb_document *doc = NULL;

  (void)state;
  assert_int_equal(kgb_document_new_from_buffer(world, "t", text,
                                                strlen(text), &doc), KGB_OK);
  assert_int_equal(kgb_document_analyse(doc), KGB_OK);
  assert_int_equal(doc->n_sentences, 3);
  for (size_t i = 0; i < doc->n_sentences; i++) {
    const kgb_sentence *s = &doc->sentences[i];
    assert_int_equal(s->cp_begin, kgb_utf8_cp_count(text, s->begin));
    assert_int_equal(s->cp_end - s->cp_begin,
                     kgb_utf8_cp_count(text + s->begin, s->end - s->begin));
  }
  assert_int_equal(doc->sentences[1].cp_begin, 26);
  kgb_document_free(doc);
}

static void test_invalid_utf8_keeps_offsets(void **state)
{
  const char bytes[] = "Bad \xFF byte. Next \0 one.";
  kgb_document *doc = NULL;

  (void)state;
  assert_int_equal(kgb_document_new_from_buffer(world, "bad.txt", bytes,
                                                sizeof bytes - 1, &doc),
                   KGB_OK);
  assert_non_null(strstr(test_last_message, "bad.txt"));
  assert_int_equal(kgb_document_analyse(doc), KGB_OK);
  assert_int_equal(doc->n_sentences, 2);
  /* Each bad byte became one code point, so the next sentence starts at
   * the same code point it did in the input. */
  assert_int_equal(doc->sentences[1].cp_begin, 12);
  kgb_document_free(doc);
}

/* Tokens of TEXT, which the caller releases. */
static void tokenize(const char *text, kgb_tokens *toks)
{
  kgb_tokens_init(toks);
  assert_int_equal(kgb_tokenize(text, strlen(text), toks), KGB_OK);
}

/* A run of up to KGB_MAX_GLUED_TOKENS tokens with no space between them
 * is cut as ever; a longer one ("((((...", "a(a(a(...") is one token,
 * with the line break before it, and the text after it is cut as ever. */
static void test_glued_run_is_one_token(void **state)
{
  char text[400];
  kgb_tokens toks;
  size_t n = 0;

  (void)state;
  n += (size_t)snprintf(text + n, sizeof text - n, "Go ");
  for (int k = 0; k < KGB_MAX_GLUED_TOKENS / 2; k++)
    n += (size_t)snprintf(text + n, sizeof text - n, "a(");
  n += (size_t)snprintf(text + n, sizeof text - n, " x\n");
  for (int k = 0; k < KGB_MAX_GLUED_TOKENS / 2 + 1; k++)
    n += (size_t)snprintf(text + n, sizeof text - n, "a(");
  snprintf(text + n, sizeof text - n, " Acme.");
  tokenize(text, &toks);
  /* Go, 64 tokens, x, the run of 66 as one, Acme, '.' */
  assert_int_equal(toks.n, 1 + KGB_MAX_GLUED_TOKENS + 1 + 1 + 2);
  size_t run = 2 + KGB_MAX_GLUED_TOKENS;
  assert_int_equal(toks.v[run].type, KGB_TOK_PUNCT);
  assert_int_equal(toks.v[run].end - toks.v[run].begin,
                   KGB_MAX_GLUED_TOKENS + 2);
  assert_true(toks.v[run].flags & KGB_TF_NL_BEFORE);
  assert_string_equal(kgb_tok_fold(&toks, run + 1), "acme");
  assert_true(toks.v[run + 1].flags & KGB_TF_CAP);
  kgb_tokens_release(&toks);
}

/* Equal words share one folded form, which knows whether the text
 * writes the word in lower case anywhere. */
static void test_folded_forms_shared(void **state)
{
  kgb_tokens toks;

  (void)state;
  tokenize("Orbis ORBIS orbis Vela (a(", &toks);
  assert_int_equal(toks.n, 7);
  assert_int_equal(toks.v[0].fold, toks.v[1].fold);
  assert_int_equal(toks.v[0].fold, toks.v[2].fold);
  assert_int_not_equal(toks.v[0].fold, toks.v[3].fold);
  assert_int_equal(toks.v[4].fold, toks.v[6].fold);
  assert_string_equal(kgb_tok_fold(&toks, 1), "orbis");
  assert_true(kgb_tok_written_lower(&toks, 0));
  assert_false(kgb_tok_written_lower(&toks, 3));
  kgb_tokens_release(&toks);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_abbreviations),
    cmocka_unit_test(test_decimals_and_quotes),
    cmocka_unit_test(test_titles_and_glued),
    cmocka_unit_test(test_hard_wrapped),
    cmocka_unit_test(test_code_point_offsets),
    cmocka_unit_test(test_invalid_utf8_keeps_offsets),
    cmocka_unit_test(test_glued_run_is_one_token),
    cmocka_unit_test(test_folded_forms_shared),
  };
  return TEST_MAIN_WITH_WORLD(tests, world);
}
