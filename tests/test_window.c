/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_window.c - a document far longer than a news article is read in
 * windows and still gives the graph of one document: one node, one
 * source, offsets in the whole text; one just under a window is read as
 * it always was; -j workers give what one process gives. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_util.h"

#include "kgb_limits.h"

static kgb_world *world;

#define NIF "<http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
#define TYPE "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
#define DOCUMENT "<https://w3id.org/kgbuild/ontology#Document> ."
#define SOURCE "<http://purl.org/dc/terms/source> "
#define TITLE "<http://purl.org/dc/terms/title> "

static const char last_fact[] =
    "Zorvexa Holdings will invest 77 million euros in Portugal.";

/* Sentences, some of investments by made-up companies, in paragraphs, past
 * BYTES; with LAST, a line with a non-ASCII word, then LAST_FACT.  The
 * caller frees it; *LEN is its length. */
static char *long_text(size_t bytes, int last, size_t *len)
{
  static const char *syl[] = {"ka", "ri", "mo", "de", "lu", "ba", "zo", "ne"};
  char *text = NULL;
  size_t n = 0;
  FILE *t = open_memstream(&text, &n);

  fputs("Investments across Europe this quarter\n\n", t);
  for (size_t i = 0; (size_t)ftell(t) < bytes; i++) {
    /* One fact in eight sentences: the document stays under the
     * facts a document may give (KGB_MAX_FACTS). */
    if (i % 8 == 0)
      fprintf(t, "Ac%s%s%s Corp will invest %zu million euros in Italy.",
              syl[i / 8 % 8], syl[i / 64 % 8], syl[i / 512 % 8], 3 + i % 90);
    else
      fprintf(t, "Its managers said the quarter had been a quiet one.");
    fputs(i % 5 == 4 ? "\n\n" : " ", t);
  }
  if (last)
    fprintf(t, "\n\nThe Société Générale team in Zürich said so.\n%s\n",
            last_fact);
  fclose(t);
  *len = n;
  return text;
}

/* The N-Triples (with mentions) of TEXT, added window by window when
 * WINDOWED, else as one document; *WINDOWS counts the windows. */
static char *graph_of(const char *text, size_t len, int windowed,
                      size_t *windows)
{
  kgb_graph *graph = NULL;
  kgb_document *doc = NULL, *win = NULL;
  kgb_factset *facts = NULL;
  char *out = NULL;
  size_t out_len = 0;
  FILE *f = open_memstream(&out, &out_len);

  *windows = 0;
  assert_int_equal(kgb_graph_new(world, &graph), KGB_OK);
  kgb_graph_set_mentions(graph, 1);
  assert_int_equal(kgb_graph_set_output(graph, "ntriples", f), KGB_OK);
  assert_int_equal(kgb_document_new_from_buffer(world, "long.txt", text, len,
                                                &doc), KGB_OK);
  if (!windowed) {
    assert_int_equal(kgb_extract(world, doc, &facts), KGB_OK);
    assert_int_equal(kgb_graph_add(graph, doc, facts), KGB_OK);
    kgb_factset_free(facts);
  }
  while (windowed &&
         kgb_document_next_window(doc, &win) == KGB_OK && win) {
    ++*windows;
    assert_int_equal(kgb_extract(world, win, &facts), KGB_OK);
    assert_int_equal(kgb_graph_add(graph, win, facts), KGB_OK);
    kgb_factset_free(facts);
    kgb_document_free(win);
  }
  assert_int_equal(kgb_graph_finish(graph), KGB_OK);
  fclose(f);
  kgb_graph_free(graph);
  kgb_document_free(doc);
  return out;
}

/* Code points of TEXT[0..BYTES). */
static size_t code_points(const char *text, size_t bytes)
{
  size_t n = 0;

  for (size_t i = 0; i < bytes; i++)
    n += ((unsigned char)text[i] & 0xC0) != 0x80;
  return n;
}

/* The number in PREDICATE "N"^^... on the first line of SUBJECT (with
 * its trailing space) naming PREDICATE. */
static size_t index_of(const char *nt, const char *subject,
                       const char *predicate)
{
  for (const char *line = nt; line && *line;) {
    const char *end = strchr(line, '\n');
    if (strncmp(line, subject, strlen(subject)) == 0) {
      const char *p = strstr(line, predicate);
      if (p && p < end)
        return (size_t)strtoul(p + strlen(predicate) + 2, NULL, 10);
    }
    line = end ? end + 1 : NULL;
  }
  fail_msg("no %s for %s", predicate, subject);
  return 0;
}

/* The subject (with a trailing space) of the line holding A. */
static char *subject_with(const char *nt, const char *a)
{
  const char *at = strstr(nt, a), *line;

  assert_non_null(at);
  for (line = at; line > nt && line[-1] != '\n'; line--)
    ;
  return strndup(line, (size_t)(strchr(line, ' ') - line) + 1);
}

/* The fact only the last window holds comes out, with the offsets of
 * its sentence and of its mention counted in code points of the whole
 * text (two 2-byte characters stand before it); the document has one
 * node and one source, and the output parses. */
static void test_last_window_fact_whole_offsets(void **state)
{
  size_t len, windows, at, cp;
  char *text = long_text(3 * KGB_WINDOW_BYTES, 1, &len);
  char *nt = graph_of(text, len, 1, &windows);
  char *sentence, *mention;

  (void)state;
  assert_true(windows >= 3);
  assert_true(test_raptor_count(nt, "ntriples") > 0);
  assert_int_equal(test_count_lines(nt, TYPE, DOCUMENT), 1);
  assert_int_equal(test_count_lines(nt, SOURCE, "\"long.txt\""), 1);
  assert_int_equal(test_count_lines(nt, TITLE, "\"Investments across"), 1);
  /* The sentence a fact came from. */
  at = (size_t)(strstr(text, last_fact) - text);
  cp = code_points(text, at);
  assert_int_equal(at - cp, 5);   /* four é and a ü, 2 bytes each */
  sentence = subject_with(nt, "Zorvexa Holdings will invest 77 million euros "
                              "in Portugal.\" .");
  assert_int_equal(index_of(nt, sentence, NIF "beginIndex>"), cp);
  assert_int_equal(index_of(nt, sentence, NIF "endIndex>"),
                   cp + code_points(last_fact, strlen(last_fact)));
  /* The entity mention, at the same place: its IRI says so too. */
  mention = subject_with(nt, NIF "anchorOf> \"Zorvexa Holdings\"");
  assert_int_equal(index_of(nt, mention, NIF "beginIndex>"), cp);
  assert_int_equal(index_of(nt, mention, NIF "endIndex>"), cp + 16);
  assert_non_null(strstr(nt, "Portugal"));
  free(sentence);
  free(mention);
  free(nt);
  free(text);
}

/* A text just under a window is one window: the graph of the document
 * read whole, byte for byte. */
static void test_under_a_window_unchanged(void **state)
{
  size_t len, windows, none;
  char *text = long_text(KGB_WINDOW_BYTES - 200, 0, &len);
  char *by_windows, *whole;

  (void)state;
  assert_true(len <= KGB_WINDOW_BYTES);
  by_windows = graph_of(text, len, 1, &windows);
  whole = graph_of(text, len, 0, &none);
  assert_int_equal(windows, 1);
  assert_string_equal(by_windows, whole);
  free(by_windows);
  free(whole);
  free(text);
}

/* Two workers, one of them reading a long document in windows, write
 * what one process writes. */
static void test_workers_same_output(void **state)
{
  size_t len;
  char *text = long_text(2 * KGB_WINDOW_BYTES, 1, &len);
  char *path = test_tmpdir_path("long.txt");
  char *small = test_tmpdir_path("small.txt");
  test_result one, two;

  (void)state;
  test_write_file(path, text, len);
  test_write_file(small, last_fact, strlen(last_fact));
  one = test_run((const char *[]){"-q", "-f", "ntriples", "--mentions", path,
                                  small, NULL}, NULL);
  two = test_run((const char *[]){"-q", "-j", "2", "-f", "ntriples",
                                  "--mentions", path, small, NULL}, NULL);
  assert_int_equal(one.status, 0);
  assert_int_equal(two.status, 0);
  assert_int_equal(test_count_lines(one.out, TYPE, DOCUMENT), 2);
  assert_string_equal(one.out, two.out);
  test_result_release(&one);
  test_result_release(&two);
  free(path);
  free(small);
  free(text);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_last_window_fact_whole_offsets),
    cmocka_unit_test(test_under_a_window_unchanged),
    cmocka_unit_test_setup_teardown(test_workers_same_output,
                                    test_tmpdir_make, test_tmpdir_remove),
  };

  return TEST_MAIN_WITH_WORLD(tests, world);
}
