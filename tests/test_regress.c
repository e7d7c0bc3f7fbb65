/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_regress.c - inputs the fuzzers (fuzz/) found a fault with, kept
 * under tests/regress/: each must now go through the pipeline and give
 * output that reads back. */
#define _GNU_SOURCE
#include "test_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kgb_buf.h"
#include "kgb_utf8.h"

static kgb_world *world;

/* tests/regress/NAME as it is (NULs and all); the caller frees it. */
static char *read_regress(const char *name, size_t *len)
{
  char rel[256], *path, *bytes;

  snprintf(rel, sizeof rel, "tests/regress/%s", name);
  path = test_src_path(rel);
  bytes = test_read_file(path, len);
  if (!bytes)
    fail_msg("cannot read %s", path);
  free(path);
  return bytes;
}

/* Extract tests/regress/NAME (bytes as they are, NULs and all) and write
 * it in FORMAT; the caller frees the result. */
static char *extract_regress(const char *name, const char *format,
                             int mentions)
{
  char *bytes, *out = NULL;
  size_t len = 0, out_len = 0;
  kgb_document *doc = NULL;
  kgb_factset *facts = NULL;
  kgb_graph *graph = NULL;
  FILE *f;

  bytes = read_regress(name, &len);
  f = open_memstream(&out, &out_len);
  assert_non_null(f);
  assert_int_equal(kgb_document_new_from_buffer(world, name, bytes, len,
                                                &doc), KGB_OK);
  assert_int_equal(kgb_extract(world, doc, &facts), KGB_OK);
  assert_int_equal(kgb_graph_new(world, &graph), KGB_OK);
  kgb_graph_set_mentions(graph, mentions);
  assert_int_equal(kgb_graph_set_output(graph, format, f), KGB_OK);
  assert_int_equal(kgb_graph_add(graph, doc, facts), KGB_OK);
  assert_int_equal(kgb_graph_finish(graph), KGB_OK);
  fclose(f);
  kgb_graph_free(graph);
  kgb_factset_free(facts);
  kgb_document_free(doc);
  free(bytes);
  return out;
}

/* fuzz_extract: a carriage return alone in a sentence ("L\r" and NUL
 * bytes) reached raptor's Turtle writer, which left it raw between plain
 * quotes: the Turtle did not parse.  It is now the escape \r, and the
 * Turtle holds the same triples as the N-Triples. */
static void test_lone_cr_turtle_reads_back(void **state)
{
  char *ttl = extract_regress("extract-lone-cr.txt", "turtle", 1);
  char *nt = extract_regress("extract-lone-cr.txt", "ntriples", 1);
  int n;

  (void)state;
  assert_null(strchr(ttl, '\r'));
  assert_non_null(strstr(ttl, "\"L\\r"));
  n = test_raptor_count(ttl, "turtle");
  assert_true(n > 100);
  assert_int_equal(n, test_raptor_count(nt, "ntriples"));
  free(ttl);
  free(nt);
}

/* fuzz_extract: a text that names no entity ("MicToyota to hireh "),
 * written in a streaming syntax, left nothing to write at the end, and
 * the empty list went to qsort with a NULL array: undefined behaviour,
 * which the sanitizer build (UBSan) stops at. */
static void test_no_entity_streams(void **state)
{
  static const char *const formats[] = {"ntriples", "nquads"};

  (void)state;
  for (size_t i = 0; i < 2; i++) {
    char *out = extract_regress("extract-no-entity-ntriples.txt", formats[i],
                                0);
    assert_non_null(strstr(out, "Document>"));
    assert_true(test_raptor_count(out, formats[i]) > 0);
    free(out);
  }
}

/* fuzz_extract: the one-letter text "e" names nothing, so the mention
 * list was still NULL when the dateline check took the address of its
 * first element (UBSan: zero offset applied to a null pointer). */
static void test_no_mention_at_all(void **state)
{
  char *out = extract_regress("extract-no-mention.txt", "ntriples", 1);

  (void)state;
  assert_non_null(strstr(out, "Document>"));
  assert_true(test_raptor_count(out, "ntriples") > 0);
  free(out);
}

/* fuzz_number: the amount "U( ) ]0" in the investment sentence the
 * target builds.  The ticker rule took "( )" for a ticker in parentheses
 * and its span, from the token after "(" to the one before ")", ended
 * before it began: the length wrapped round and memchr read far past the
 * text (ASan: heap-buffer-overflow).  Any "Name ( )" did it. */
static void test_empty_parentheses(void **state)
{
  static const char *const sentence[][3] = {
    {"en", "Zentra Robotics will invest ", " in Spain.\n"},
    {"fr", "Zentra Robotics va investir ", " en Espagne.\n"},
  };
  char *amount = read_regress("number-empty-parens.txt", NULL);

  (void)state;
  for (size_t i = 0; i < 2; i++) {
    kgb_document *doc = NULL;
    kgb_factset *facts = NULL;
    char *text;
    assert_true(asprintf(&text, "%s%s%s", sentence[i][1], amount,
                         sentence[i][2]) > 0);
    assert_int_equal(kgb_document_new_from_buffer(world, "number.txt", text,
                                                  strlen(text), &doc),
                     KGB_OK);
    assert_int_equal(kgb_document_set_language(doc, sentence[i][0]), KGB_OK);
    assert_int_equal(kgb_extract(world, doc, &facts), KGB_OK);
    kgb_factset_free(facts);
    kgb_document_free(doc);
    free(text);
  }
  free(amount);
}

/* fuzz_extract: a control character (U+0005, from a corpus article the
 * fuzzer had mangled) in a sentence.  XML 1.0 cannot hold it; raptor's
 * RDF/XML writer refused it and the whole RDF/XML output failed ("Cannot
 * write illegal XML 1.0 character").  Such characters are now U+FFFD from
 * the start, as NUL is, and the RDF/XML and JSON read back. */
static void test_control_character_rdfxml(void **state)
{
  static const char *const formats[][2] = {{"rdfxml", "rdfxml"},
                                           {"json", "json"}};

  (void)state;
  for (size_t i = 0; i < 2; i++) {
    char *out = extract_regress("extract-control-char.txt", formats[i][0], 1);
    assert_true(test_raptor_count(out, formats[i][1]) > 10);
    free(out);
  }
}

/* One U+FFFD for each code point RDF/XML cannot hold, as for each bad
 * byte; tab, line feed and carriage return stay. */
static void test_clean_refuses_controls(void **state)
{
  static const char in[] = "a\x05" "b\x7F" "c\xEF\xBF\xBF" "d\t\r\n\xC3\xA9";
  static const char want[] = "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD"
                             "d\t\r\n\xC3\xA9";
  kgb_buf out;
  size_t replaced = 0;

  (void)state;
  kgb_buf_init(&out);
  assert_int_equal(kgb_utf8_clean(in, sizeof in - 1, &out, &replaced), KGB_OK);
  assert_int_equal(replaced, 3);
  assert_int_equal(out.len, sizeof want - 1);
  assert_memory_equal(out.data, want, sizeof want - 1);
  kgb_buf_release(&out);
}

/* fuzz_extract: a character beyond the first plane (U+105145 there; an
 * emoji does the same) in RDF/JSON.  raptor wrote it as \U00105145, an
 * escape JSON does not have, and JSON parsers refused the whole output.
 * It is now a UTF-16 surrogate pair; an escaped backslash before a U, as
 * in C:\Users, stays as it was. */
static void test_non_bmp_json(void **state)
{
  static const char text[] =
      "Zentra va investir 2 milliards d'euros en Espagne, dit C:\\Users "
      "\xF0\x9F\x98\x80.\n";
  char *out = extract_regress("extract-non-bmp-json.txt", "json", 1);

  (void)state;
  assert_null(strstr(out, "\\U0010"));
  assert_true(test_raptor_count(out, "json") > 10);
  free(out);
  out = test_extract_to_string(world, text, NULL, "json");
  assert_non_null(strstr(out, "dit C:\\\\Users \\uD83D\\uDE00."));
  assert_true(test_raptor_count(out, "json") > 10);
  free(out);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_lone_cr_turtle_reads_back),
    cmocka_unit_test(test_no_entity_streams),
    cmocka_unit_test(test_no_mention_at_all),
    cmocka_unit_test(test_empty_parentheses),
    cmocka_unit_test(test_control_character_rdfxml),
    cmocka_unit_test(test_clean_refuses_controls),
    cmocka_unit_test(test_non_bmp_json),
  };
  return TEST_MAIN_WITH_WORLD(tests, world);
}
