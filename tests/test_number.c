/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_number.c - figures, scales, currencies and bounds, EN and FR. */
#include "test_util.h"

#include <string.h>

#include "kgb_lexicon.h"
#include "kgb_number.h"
#include "kgb_world_internal.h"

static kgb_world *world;

static void check_decimal(const char *s, kgb_lang lang, const char *want)
{
  kgb_decimal d;
  char got[48];

  assert_int_equal(kgb_decimal_parse(s, strlen(s), lang, &d), KGB_OK);
  kgb_decimal_format(d, got, sizeof got);
  assert_string_equal(got, want);
}

static void test_decimal_marks(void **state)
{
  (void)state;
  check_decimal("1,2", KGB_LANG_FR, "1.2");
  check_decimal("1.2", KGB_LANG_EN, "1.2");
  check_decimal("3,000", KGB_LANG_EN, "3000.0");
  check_decimal("1,234,567", KGB_LANG_EN, "1234567.0");
  check_decimal("3 000", KGB_LANG_FR, "3000.0");
  check_decimal("3\xC2\xA0" "000", KGB_LANG_FR, "3000.0");       /* no-break */
  check_decimal("22\xE2\x80\xAF" "000", KGB_LANG_FR, "22000.0"); /* narrow */
  check_decimal("12.5", KGB_LANG_FR, "12.5");
  check_decimal("0,05", KGB_LANG_FR, "0.05");
}

static void test_decimal_rejects(void **state)
{
  kgb_decimal d;

  (void)state;
  assert_int_equal(kgb_decimal_parse("1.2.3", 5, KGB_LANG_EN, &d), KGB_EPARSE);
  assert_int_equal(kgb_decimal_parse("1234567890123456789012", 22,
                                     KGB_LANG_EN, &d), KGB_ELIMIT);
}

static void test_shift_overflow(void **state)
{
  kgb_decimal d = {900000000000, 0};

  (void)state;
  assert_int_equal(kgb_decimal_shift(&d, 12), KGB_ELIMIT);
}

typedef struct {
  const char *text;
  kgb_lang lang;
  const char *value;
  kgb_bound bound;
  const char *currency;   /* "" for a count */
} quantity_case;

static void check_quantity(const quantity_case *c)
{
  kgb_lexicon *lex = world->lexicon[c->lang];
  kgb_tokens toks;
  kgb_quantity q;
  char got[48];
  int found = 0;

  kgb_tokens_init(&toks);
  assert_int_equal(kgb_tokenize(c->text, strlen(c->text), &toks), KGB_OK);
  for (size_t i = 0; i < toks.n && !found; i++)
    found = kgb_quantity_at(lex, &toks, c->text, i, toks.n, &q);
  if (!found)
    fail_msg("no quantity in '%s'", c->text);
  kgb_decimal_format(q.value, got, sizeof got);
  assert_string_equal(got, c->value);
  assert_int_equal(q.bound, c->bound);
  assert_string_equal(q.currency >= 0 ? lex->currencies[q.currency] : "",
                      c->currency);
  kgb_tokens_release(&toks);
}

static void test_money(void **state)
{
  static const quantity_case cases[] = {
    {"more than 1.2 billion euros", KGB_LANG_EN, "1200000000.0", KGB_BOUND_MIN, "EUR"},
    {"a \xE2\x82\xAC" "1.3bn plan", KGB_LANG_EN, "1300000000.0", KGB_BOUND_EXACT, "EUR"},
    {"($1.3 billion)", KGB_LANG_EN, "1300000000.0", KGB_BOUND_EXACT, "USD"},
    {"200 mln dlrs", KGB_LANG_EN, "200000000.0", KGB_BOUND_EXACT, "USD"},
    {"up to \xC2\xA3" "40m", KGB_LANG_EN, "40000000.0", KGB_BOUND_MAX, "GBP"},
    {"plus de 1,2 milliard d\xE2\x80\x99" "euros", KGB_LANG_FR, "1200000000.0", KGB_BOUND_MIN, "EUR"},
    {"jusqu'\xC3\xA0 1,5 milliard d'euros", KGB_LANG_FR, "1500000000.0", KGB_BOUND_MAX, "EUR"},
    {"38 millions de livres", KGB_LANG_FR, "38000000.0", KGB_BOUND_EXACT, "GBP"},
    {"450 millions de dollars", KGB_LANG_FR, "450000000.0", KGB_BOUND_EXACT, "USD"},
    /* "A$" is written glued; the article before "$" is no currency. */
    {"a $750 million expansion", KGB_LANG_EN, "750000000.0", KGB_BOUND_EXACT, "USD"},
    {"A$40 million", KGB_LANG_EN, "40000000.0", KGB_BOUND_EXACT, "AUD"},
    {"A $ 2 million grant", KGB_LANG_EN, "2000000.0", KGB_BOUND_EXACT, "USD"},
    {"C$12 million", KGB_LANG_EN, "12000000.0", KGB_BOUND_EXACT, "CAD"},
    {"US$ 4 million", KGB_LANG_EN, "4000000.0", KGB_BOUND_EXACT, "USD"},
  };

  (void)state;
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
    check_quantity(&cases[i]);
}

static void test_counts(void **state)
{
  static const quantity_case cases[] = {
    {"hire 3,000 people", KGB_LANG_EN, "3000.0", KGB_BOUND_EXACT, ""},
    {"plus de 3\xC2\xA0" "000 emplois", KGB_LANG_FR, "3000.0", KGB_BOUND_MIN, ""},
    {"pr\xC3\xA8s de 2 500 postes", KGB_LANG_FR, "2500.0", KGB_BOUND_EXACT, ""},
  };

  (void)state;
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
    check_quantity(&cases[i]);
}

static void test_years(void **state)
{
  const char *text = "since 2010, 12 sites and 20240 units";
  kgb_tokens toks;
  int year = 0;

  (void)state;
  kgb_tokens_init(&toks);
  assert_int_equal(kgb_tokenize(text, strlen(text), &toks), KGB_OK);
  assert_true(kgb_token_is_year(&toks, text, 1, &year));
  assert_int_equal(year, 2010);
  for (size_t i = 2; i < toks.n; i++)
    assert_false(kgb_token_is_year(&toks, text, i, &year));
  kgb_tokens_release(&toks);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_decimal_marks),
    cmocka_unit_test(test_decimal_rejects),
    cmocka_unit_test(test_shift_overflow),
    cmocka_unit_test(test_money),
    cmocka_unit_test(test_counts),
    cmocka_unit_test(test_years),
  };
  return TEST_MAIN_WITH_WORLD(tests, world);
}
