/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_inputs.c - inputs that used to be read wrongly with no error:
 * plain text in UTF-16 or Windows-1252, a byte-order mark, a PDF or a
 * compressed file taken for text, file names and base IRIs that made
 * invalid RDF. */
#define _GNU_SOURCE
#include "test_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static kgb_world *world;

#define SENTENCE "Acme Corp will invest 3 million euros in Italy."
#define NT_BEGIN_0 "beginIndex> \"0\"^^"
#define NT_END_47 "endIndex> \"47\"^^"

/* DIR/NAME into PATH, written with LEN bytes. */
static void write_input(const char *name, const char *bytes, size_t len,
                        char *path, size_t size)
{
  snprintf(path, size, "%s/%s", test_tmpdir, name);
  test_write_file(path, bytes, len);
}

/* TEXT (Latin-1 code points, one per byte) as UTF-16: big-endian when BE,
 * with a byte-order mark when BOM.  *LEN receives the size in bytes. */
static char *utf16(const char *text, int be, int bom, size_t *len)
{
  size_t n = strlen(text), k = 0;
  char *out = malloc(2 * n + 2);

  assert_non_null(out);
  if (bom) {
    out[k++] = be ? '\xFE' : '\xFF';
    out[k++] = be ? '\xFF' : '\xFE';
  }
  for (size_t i = 0; i < n; i++) {
    out[k + (be ? 1 : 0)] = text[i];
    out[k + (be ? 0 : 1)] = '\0';
    k += 2;
  }
  *len = k;
  return out;
}

/* Run kgbuild -f FORMAT on PATH. */
static test_result run_on(const char *path, const char *format)
{
  return test_run((const char *[]){"-f", format, path, NULL}, NULL);
}

/* A text decoded from ENCODING: named in a warning, its fact read and
 * its offsets counted from its first character, the mark not counted. */
static void assert_decoded(const char *name, const char *bytes, size_t len,
                           const char *encoding)
{
  char path[128];
  test_result r;

  write_input(name, bytes, len, path, sizeof path);
  r = run_on(path, "ntriples");
  assert_int_equal(r.status, 0);
  assert_non_null(strstr(r.err, path));
  assert_non_null(strstr(r.err, encoding));
  assert_null(strstr(r.err, "binary"));
  assert_non_null(strstr(r.out, "ontology#Investment>"));
  assert_non_null(strstr(r.out, NT_BEGIN_0));
  assert_non_null(strstr(r.out, NT_END_47));
  assert_true(test_raptor_count(r.out, "ntriples") > 10);
  test_result_release(&r);
}

/* UTF-16 of SENTENCE as a file NAME, big-endian when BE, with a mark
 * when BOM: decoded and named in the warning as ENCODING. */
static void assert_utf16(const char *name, int be, int bom,
                         const char *encoding)
{
  size_t len;
  char *bytes = utf16(SENTENCE "\n", be, bom, &len);

  assert_decoded(name, bytes, len, encoding);
  free(bytes);
}

static void test_utf16_with_bom(void **state)
{
  (void)state;
  assert_utf16("le.txt", 0, 1, "UTF-16LE");
  assert_utf16("be.txt", 1, 1, "UTF-16BE");
}

/* With no mark, NUL bytes in every other position give UTF-16 away. */
static void test_utf16_without_bom(void **state)
{
  (void)state;
  assert_utf16("be-nobom.txt", 1, 0, "UTF-16BE");
  assert_utf16("le-nobom.txt", 0, 0, "UTF-16LE");
}

/* Latin text: accents and Windows-1252's own quote come out as UTF-8. */
static void test_windows_1252(void **state)
{
  static const char bytes[] =
      "La soci\xE9t\xE9 Zentra va investir 2 millions d\x92" "euros en "
      "Espagne, a d\xE9\x63lar\xE9 son pr\xE9sident.\n";
  char path[128];
  test_result r;

  (void)state;
  write_input("latin.txt", bytes, sizeof bytes - 1, path, sizeof path);
  r = run_on(path, "turtle");
  assert_int_equal(r.status, 0);
  assert_non_null(strstr(r.err, path));
  assert_non_null(strstr(r.err, "WINDOWS-1252"));
  assert_non_null(strstr(r.out, "soci\xC3\xA9t\xC3\xA9 Zentra"));
  assert_non_null(strstr(r.out, "d\xE2\x80\x99" "euros"));
  assert_null(strstr(r.out, "\xEF\xBF\xBD"));
  assert_non_null(strstr(r.out, "kgo:Investment"));
  test_result_release(&r);
}

/* A UTF-8 mark is no character of the text: the first sentence starts
 * at offset 0 with its first letter. */
static void test_utf8_bom_dropped(void **state)
{
  static const char bytes[] = "\xEF\xBB\xBF" SENTENCE "\n";
  char path[128];
  test_result r;

  (void)state;
  write_input("bom.txt", bytes, sizeof bytes - 1, path, sizeof path);
  r = run_on(path, "ntriples");
  assert_int_equal(r.status, 0);
  assert_null(strstr(r.out, "\\uFEFF"));
  assert_null(strstr(r.out, "\xEF\xBB\xBF"));
  assert_non_null(strstr(r.out, "anchorOf> \"Acme Corp"));
  assert_non_null(strstr(r.out, NT_END_47));
  test_result_release(&r);
}

/* Text that merely has a NUL or two is not taken for UTF-16. */
static void test_few_nuls_not_utf16(void **state)
{
  static const char bytes[] = SENTENCE "\0\0 More text follows here.\n";
  kgb_document *doc = NULL;

  (void)state;
  assert_int_equal(kgb_document_new_from_buffer(world, "nuls", bytes,
                                                sizeof bytes - 1, &doc),
                   KGB_OK);
  assert_null(strstr(test_last_message, "UTF-16"));
  kgb_document_free(doc);
}

/* A PDF fails its input with a hint; the other inputs are still read. */
static void test_pdf_refused(void **state)
{
  static const char pdf[] = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< >>\n"
                            "endobj\n(" SENTENCE ") Tj\n";
  static const char text[] = "Zentra will invest 5 million euros in Spain.\n";
  char pdf_path[128], text_path[128], expected[512];
  test_result r;

  (void)state;
  write_input("report.pdf", pdf, sizeof pdf - 1, pdf_path, sizeof pdf_path);
  write_input("ok.txt", text, sizeof text - 1, text_path, sizeof text_path);
  r = test_run((const char *[]){"-f", "ntriples", pdf_path, text_path, NULL},
               NULL);
  assert_int_equal(r.status, 1);
  snprintf(expected, sizeof expected, "%s: a PDF document, not text",
           pdf_path);
  assert_non_null(strstr(r.err, expected));
  snprintf(expected, sizeof expected, "pdftotext %s %s.txt", pdf_path,
           pdf_path);
  assert_non_null(strstr(r.err, expected));
  /* Only ok.txt is a document of the graph; nothing named Acme. */
  assert_int_equal(test_count_lines(r.out, "terms/source>", NULL), 1);
  assert_non_null(strstr(r.out, "ok.txt"));
  assert_null(strstr(r.out, "Acme"));
  test_result_release(&r);
}

/* Archives and compressed files are refused the same way, through the
 * library too; a text that opens like a signature is still text. */
static void test_other_binary_formats(void **state)
{
  static const struct {
    const char *bytes;
    size_t len;
    const char *hint;
  } cases[] = {
    {"PK\x03\x04\x14\0\x06\0word/document.xml Acme Corp", 35, "pandoc"},
    {"\x1F\x8B\x08\0\0\0\0\0\0\x03", 10, "zcat"},
    {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", 10, "libreoffice"},
    {"BZh91AY&SY\x01\x02", 12, "bzcat"},
    {"\xFD" "7zXZ\0\0\x04", 8, "xzcat"},
  };
  static const char bzh[] = "BZh Corp will invest 3 million euros in Italy.";
  kgb_document *doc;

  (void)state;
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    doc = NULL;
    test_last_message[0] = '\0';
    assert_int_equal(kgb_document_new_from_buffer(world, "in.bin",
                                                  cases[i].bytes,
                                                  cases[i].len, &doc),
                     KGB_EPARSE);
    assert_null(doc);
    assert_non_null(strstr(test_last_message, "in.bin: "));
    assert_non_null(strstr(test_last_message, cases[i].hint));
  }
  assert_int_equal(kgb_document_new_from_buffer(world, "bzh", bzh,
                                                sizeof bzh - 1, &doc),
                   KGB_OK);
  kgb_document_free(doc);
}

/* Turtle in PATH read by python3-rdflib: its triples, or -1. */
static int rdflib_count(const char *path)
{
  char *cmd, *out;
  int n;

  assert_true(asprintf(&cmd, "/usr/bin/python3 -c 'import rdflib,sys; "
                       "g=rdflib.Graph(); g.parse(sys.argv[1], "
                       "format=\"turtle\"); print(len(g))' '%s'", path) > 0);
  out = test_capture(cmd);
  n = out ? atoi(out) : -1;
  free(cmd);
  free(out);
  return n;
}

/* File names that are not UTF-8 or hold control characters, spaces and
 * characters IRIs do not allow: dct:source is percent-encoded and every
 * format parses. */
static void test_odd_file_names(void **state)
{
  /* raptor wrote "\xFF.txt" as "\U001EED38t", which no parser takes. */
  static const char *const names[] = {
    "caf\xE9 \x01.txt", "a\nb [1] 100%.txt", "<x>\x7F.txt", "\xFF.txt",
  };
  static const char *const formats[] = {"ntriples", "rdfxml", "turtle"};
  char paths[4][128], ttl[128];
  test_result r;

  (void)state;
  for (size_t i = 0; i < 4; i++)
    write_input(names[i], SENTENCE "\n", sizeof SENTENCE, paths[i],
                sizeof paths[i]);
  for (size_t f = 0; f < 3; f++) {
    r = test_run((const char *[]){"-f", formats[f], paths[0], paths[1],
                                  paths[2], paths[3], NULL}, NULL);
    assert_int_equal(r.status, 0);
    assert_true(test_raptor_count(r.out, formats[f]) > 10);
    if (f == 0) {
      assert_non_null(strstr(r.out, "/caf%E9%20%01.txt\""));
      assert_non_null(strstr(r.out, "/a%0Ab%20%5B1%5D%20100%25.txt\""));
      assert_non_null(strstr(r.out, "/%3Cx%3E%7F.txt\""));
      assert_non_null(strstr(r.out, "/%FF.txt\""));
    }
    if (f == 2) {
      snprintf(ttl, sizeof ttl, "%s/out.ttl", test_tmpdir);
      test_write_file(ttl, r.out, strlen(r.out));
      assert_true(rdflib_count(ttl) > 10);
    }
    test_result_release(&r);
  }
}

/* A name IRIs allow is kept as it is, accents and all. */
static void test_plain_file_name_kept(void **state)
{
  char path[128];
  test_result r;

  (void)state;
  write_input("\xC3\xA9t\xC3\xA9-2024_(v2).txt", SENTENCE, sizeof SENTENCE - 1,
              path, sizeof path);
  r = run_on(path, "turtle");
  assert_int_equal(r.status, 0);
  assert_non_null(strstr(r.out, "/\xC3\xA9t\xC3\xA9-2024_(v2).txt\""));
  test_result_release(&r);
}

/* --base must be an absolute IRI ending in '/' or '#' that every
 * minted IRI can start with; anything else is a usage error. */
static void test_bad_base(void **state)
{
  static const char *const bad[] = {
    "https://example.org/a b/", "https://example.org/\n",
    "https://example.org/\x01/", "https://example.org/\xFF/",
    "https://example.org/<x>/", "https://example.org/%zz/",
    "example.org/", "https://example.org/x", "", "1http://example.org/",
  };
  static const char *const good[] = {
    "https://example.org/kg/", "urn:example:kg#",
    "https://example.org/caf\xC3\xA9/%41/",
  };
  kgb_world *w = kgb_world_new();

  (void)state;
  assert_non_null(w);
  kgb_world_set_message_handler(w, NULL, NULL);
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    assert_int_equal(kgb_world_set_base(w, bad[i]), KGB_EINVAL);
    assert_string_equal(kgb_world_as_base(w),
                        "https://w3id.org/kgbuild/resource/");
  }
  for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
    assert_int_equal(kgb_world_set_base(w, good[i]), KGB_OK);
    assert_string_equal(kgb_world_as_base(w), good[i]);
  }
  kgb_world_free(w);
}

/* The program: exit 2 and a message naming the fault, nothing written. */
static void test_bad_base_usage_error(void **state)
{
  test_result r = test_run((const char *[]){"--base",
                                            "https://example.org/\nx/", "-",
                                            NULL},
                           SENTENCE);

  (void)state;
  assert_int_equal(r.status, 2);
  assert_non_null(strstr(r.err, "base IRI"));
  assert_non_null(strstr(r.err, "control character 0x0A"));
  assert_null(strstr(r.out, "Acme"));
  test_result_release(&r);
  r = test_run((const char *[]){"--base", "https://example.org/kg#", "-f",
                                "rdfxml", "-", NULL}, SENTENCE);
  assert_int_equal(r.status, 0);
  assert_true(test_raptor_count(r.out, "rdfxml") > 10);
  test_result_release(&r);
}

/* Each test with a fresh folder of its own. */
#define IN_TMPDIR(test) \
  cmocka_unit_test_setup_teardown(test, test_tmpdir_make, test_tmpdir_remove)

int main(void)
{
  const struct CMUnitTest tests[] = {
    IN_TMPDIR(test_utf16_with_bom),
    IN_TMPDIR(test_utf16_without_bom),
    IN_TMPDIR(test_windows_1252),
    IN_TMPDIR(test_utf8_bom_dropped),
    cmocka_unit_test(test_few_nuls_not_utf16),
    IN_TMPDIR(test_pdf_refused),
    cmocka_unit_test(test_other_binary_formats),
    IN_TMPDIR(test_odd_file_names),
    IN_TMPDIR(test_plain_file_name_kept),
    cmocka_unit_test(test_bad_base),
    cmocka_unit_test(test_bad_base_usage_error),
  };

  return TEST_MAIN_WITH_WORLD(tests, world);
}
