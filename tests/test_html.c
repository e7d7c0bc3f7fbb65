/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_html.c - HTML input: the article text and nothing else of the
 * page, its title, facts and offsets in the extracted text, the
 * dct:format of the document, and pages no parser should crash on. */
#define _GNU_SOURCE
#include "test_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/xmlerror.h>

#include "kgb_alloc.h"
#include "kgb_buf.h"
#include "kgb_document_internal.h"

static kgb_world *world;

#define FORMAT "<http://purl.org/dc/terms/format> "
#define TITLE "<http://purl.org/dc/terms/title> "
#define KGR "<https://w3id.org/kgbuild/resource/"
#define KGO "<https://w3id.org/kgbuild/ontology#"

/* Words that stand only in the boilerplate of tests/html/en-article.html:
 * its head, header, navigation, cookie banner, share bar, ad, related
 * aside, newsletter box, noscript, svg, footer and scripts. */
static const char *const en_boilerplate[] = {
  "Quorvix", "Scriptonia", "Harbour Ledger", "Zephyrmark", "Quillborne",
  "Accept", "Sharewick", "Brindlecorp", "Advertisement", "Tarnley",
  "Related", "Velmora", "Noscriptia", "Svgtitlia", "Svgtextia", "Footerix",
};

static const char *const fr_boilerplate[] = {
  "Scriptonia", "Courrier des R", "Accueil", "Quillborne", "Sharewick",
  "Tarnley", "Footerix",
};

static kgb_document *load(const char *rel)
{
  char *path = test_src_path(rel);
  kgb_document *doc = NULL;

  assert_int_equal(kgb_document_load(world, path, &doc), KGB_OK);
  free(path);
  return doc;
}

static kgb_document *from_html(const char *html)
{
  kgb_document *doc = NULL;

  assert_int_equal(kgb_document_new_from_html(world, "page.html", html,
                                              strlen(html), &doc), KGB_OK);
  return doc;
}

/* DOC extracted into one graph, in FORMAT, with entity mentions. */
static char *graph_of(kgb_document *doc, const char *format)
{
  return test_graph_of_document(world, doc, format, 1);
}

static void assert_none_in(const char *text, const char *const *words,
                           size_t n)
{
  for (size_t i = 0; i < n; i++)
    if (strstr(text, words[i]))
      fail_msg("boilerplate '%s' reached:\n%s", words[i], text);
}

static void test_article_text_without_boilerplate(void **state)
{
  kgb_document *doc = load("tests/html/en-article.html");
  const char *t = doc->text;
  static const char opening[] = "Corvane Logistics plans \xE2\x82\xAC" "450 "
                                "million hub in Portugal\n\nBy Mara Lindqvist";

  (void)state;
  assert_string_equal(kgb_document_as_media_type(doc), "text/html");
  assert_none_in(t, en_boilerplate,
                 sizeof en_boilerplate / sizeof *en_boilerplate);
  /* The headline opens the text, a paragraph of its own; the article's
   * own <header> (its byline) is kept, unlike the page's. */
  assert_memory_equal(t, opening, sizeof opening - 1);
  /* class="header-lead" and "shadow-box" are not "ad". */
  assert_non_null(strstr(t, "\n\nCorvane Logistics said on\xC2\xA0Tuesday it "
                            "will invest \xE2\x82\xAC" "450 million in "
                            "Portugal to build"));
  assert_non_null(strstr(t, "said Ingrid Solberg, chief executive"));
  /* Entities decoded; <br> a line break; no run of spaces. */
  assert_non_null(strstr(t, "research & development"));
  assert_non_null(strstr(t, "\xE2\x80\x9CPortugal gives us"));
  assert_non_null(strstr(t, "training centre\nfor drivers"));
  assert_null(strstr(t, "  "));
  assert_null(strstr(t, "\n\n\n"));
  assert_null(strstr(t, "\n "));
  kgb_document_free(doc);
}

static void test_article_facts_and_document_node(void **state)
{
  kgb_document *doc = load("tests/html/en-article.html");
  char *nt = graph_of(doc, "ntriples");

  (void)state;
  assert_none_in(nt, en_boilerplate,
                 sizeof en_boilerplate / sizeof *en_boilerplate);
  assert_int_equal(test_count_lines(nt, FORMAT, "\"text/html\""), 1);
  assert_int_equal(test_count_lines(nt, TITLE, "\"Corvane Logistics plans "
                                    "\\u20AC450 million hub in Portugal\""),
                   1);
  assert_int_equal(test_count_lines(nt, KGO "investor> ",
                                    KGR "organization/corvane-logistics>"), 1);
  assert_int_equal(test_count_lines(nt, KGO "managerOf> ",
                                    KGR "organization/corvane-logistics>"), 1);
  assert_int_equal(test_count_lines(nt, KGR "person/ingrid-solberg> ",
                                    KGO "managerOf>"), 1);
  assert_int_equal(test_count_lines(nt, KGR "place/chile>", NULL), 0);
  free(nt);
  kgb_document_free(doc);
}

/* ISO-8859-1 bytes, declared by <meta http-equiv>; entities, &nbsp; in a
 * number; a <p> never closed. */
static void test_french_latin1_page(void **state)
{
  kgb_document *doc = load("tests/html/fr-article.html");
  char *nt;

  (void)state;
  assert_string_equal(kgb_document_as_title(doc),
                      "Brunel A\xC3\xA9ro va investir 120\xC2\xA0millions "
                      "d\xE2\x80\x99" "euros en Espagne");
  assert_non_null(strstr(doc->text, "usine de S\xC3\xA9ville"));
  assert_non_null(strstr(doc->text, "environ 2\xC2\xA0" "400 salari\xC3\xA9s."));
  assert_none_in(doc->text, fr_boilerplate,
                 sizeof fr_boilerplate / sizeof *fr_boilerplate);
  nt = graph_of(doc, "ntriples");
  assert_int_equal(test_count_lines(nt, "\"fr\"", NULL), 1);
  assert_int_equal(test_count_lines(nt, KGO "investor> ",
                                    KGR "organization/brunel-aero>"), 1);
  assert_int_equal(test_count_lines(nt, KGR "person/camille-dorval> ",
                                    KGO "managerOf>"), 1);
  assert_int_equal(test_count_lines(nt, "\"2400.0\"", NULL), 1);
  assert_none_in(nt, fr_boilerplate,
                 sizeof fr_boilerplate / sizeof *fr_boilerplate);
  free(nt);
  kgb_document_free(doc);
}

/* Every mention and source sentence, read back by rdflib, anchors the
 * text found at its code-point offsets in the extracted text. */
static void check_offsets(const char *rel, int min_mentions)
{
  kgb_document *doc = load(rel);
  char *ttl = graph_of(doc, "turtle"), *cmd, *out;
  char graph_path[] = "/tmp/kgb-html-graph-XXXXXX";
  char text_path[] = "/tmp/kgb-html-text-XXXXXX";
  int fg = mkstemp(graph_path), ft = mkstemp(text_path), n = 0, bad = -1;

  assert_true(fg >= 0 && ft >= 0);
  assert_true(write(fg, ttl, strlen(ttl)) == (ssize_t)strlen(ttl));
  assert_true(write(ft, doc->text, doc->len) == (ssize_t)doc->len);
  close(fg);
  close(ft);
  assert_true(asprintf(&cmd,
      "/usr/bin/python3 -c 'import rdflib,sys\n"
      "g=rdflib.Graph(); g.parse(sys.argv[1], format=\"turtle\")\n"
      "t=open(sys.argv[2], encoding=\"utf-8\", newline=\"\").read()\n"
      "N=rdflib.Namespace(\"http://persistence.uni-leipzig.org/nlp2rdf/"
      "ontologies/nif-core#\")\n"
      "n=bad=0\n"
      "for m,a in g.subject_objects(N.anchorOf):\n"
      "  b=int(g.value(m,N.beginIndex)); e=int(g.value(m,N.endIndex)); n+=1\n"
      "  if t[b:e]!=str(a): bad+=1; print(repr(t[b:e]),repr(str(a)),"
      "file=sys.stderr)\n"
      "print(n,bad)' %s %s", graph_path, text_path) > 0);
  out = test_capture(cmd);
  assert_non_null(out);
  assert_int_equal(sscanf(out, "%d %d", &n, &bad), 2);
  if (n < min_mentions || bad != 0)
    fail_msg("%s: %d mention(s), %d off their anchor", rel, n, bad);
  unlink(graph_path);
  unlink(text_path);
  free(out);
  free(cmd);
  free(ttl);
  kgb_document_free(doc);
}

static void test_offsets_count_in_extracted_text(void **state)
{
  (void)state;
  check_offsets("tests/html/en-article.html", 10);
  check_offsets("tests/html/fr-article.html", 10);
  check_offsets("examples/en-veltrane-bordeaux.html", 10);
}

static void test_blocks_inline_and_white_space(void **state)
{
  static const char page[] =
      "<!DOCTYPE html><html><body>\n"
      "  <p>One <a href=x>linked</a><b>bold</b> and <i>it</i>alic\n"
      "     words&nbsp;&amp; caf&eacute; &#x2019;&lt;tag&gt;</p>"
      "<!-- a comment --><div>Two<br>lines</div>"
      "<ul><li>first</li><li>second</li></ul>"
      "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>"
      "<blockquote>Quoted</blockquote><pre>keep\nlines</pre>"
      "<section><article><h2>Sub</h2>tail</article></section>"
      "</body></html>";
  kgb_document *doc = from_html(page);

  (void)state;
  assert_string_equal(doc->text,
                      "One linkedbold and italic words\xC2\xA0& caf\xC3\xA9 "
                      "\xE2\x80\x99<tag>\n\nTwo\nlines\n\nfirst\nsecond\n\n"
                      "a\nb\n\nc\n\nQuoted\n\nkeep\nlines\n\nSub\n\ntail\n");
  assert_null(kgb_document_as_title(doc));
  kgb_document_free(doc);
}

/* Class and id words match whole segments (split at space, '-', '_'). */
static void test_furniture_classes_by_segment(void **state)
{
  static const char page[] =
      "<html><body>"
      "<p class=\"header-lead\">k1</p><p class=shadow>k2</p>"
      "<p class=\"badge download road-map\">k3</p><p id=\"adage\">k4</p>"
      "<div class=ad>d1</div><div class=\"x ADS\">d2</div>"
      "<div class=\"advert\">d3</div><ul class=\"share-bar\"><li>d4</ul>"
      "<div class=\"social_links\">d5</div>"
      "<section class=\"related-articles\">d6</section>"
      "<div id=\"cookie-banner\">d7</div>"
      "<form class=\"newsletter-signup\">d8</form>"
      "<div role=\"navigation\">d9</div><p hidden>d10</p>"
      "<span aria-hidden=\"true\">d11</span>"
      "<div class=\"ad-slot\"><p>d12 <b>nested</b></p></div>k5"
      "</body></html>";
  kgb_document *doc = from_html(page);

  (void)state;
  assert_string_equal(doc->text, "k1\n\nk2\n\nk3\n\nk4\n\nk5\n");
  kgb_document_free(doc);
}

/* A tag of 100 000 attributes (which libxml2 reads in time quadratic in
 * their number) still reads as one: the first class, id and role past
 * the bound still make it furniture, the text around it is kept, and a
 * later class of the same name does not count (libxml2 drops it). */
static void test_tag_of_many_attributes(void **state)
{
  static const char *const tails[] = {
    " class=\"ad\">d1</div>k2", " role=\"navigation\">d1</div>k2",
    " id=ad hidden>d1</div>k2", " class=x class=ad>k1 </div>k2",
  };
  kgb_buf page;

  (void)state;
  for (size_t t = 0; t < sizeof tails / sizeof *tails; t++) {
    kgb_document *doc;
    kgb_buf_init(&page);
    assert_int_equal(kgb_buf_puts(&page, "<html><body><p>k0</p>"
                                         "<script a=\"<p x>\">d0</script>"
                                         "<div"), KGB_OK);
    for (int i = 0; i < 100000; i++)
      assert_int_equal(kgb_buf_printf(&page, " a%d='v>%d'", i, i), KGB_OK);
    assert_int_equal(kgb_buf_puts(&page, tails[t]), KGB_OK);
    assert_int_equal(kgb_buf_puts(&page, "</body></html>"), KGB_OK);
    doc = from_html(page.data);
    assert_string_equal(doc->text, t == 3 ? "k0\n\nk1\n\nk2\n"
                                          : "k0\n\nk2\n");
    kgb_document_free(doc);
    kgb_buf_release(&page);
  }
}

/* A kicker or a date above the <h1> comes after the headline, which
 * opens the text as the first line of a text article does. */
static void test_headline_opens_the_text(void **state)
{
  kgb_document *doc = from_html("<p>Markets</p><h1>Head <i>line</i></h1>"
                                "<p>Body one.</p>");
  kgb_document *example = load("examples/en-veltrane-bordeaux.html");

  (void)state;
  assert_string_equal(doc->text, "Head line\n\nMarkets\n\nBody one.\n");
  kgb_document_free(doc);
  doc = from_html("<p>Kicker</p><h1>Last</h1>");
  assert_string_equal(doc->text, "Last\n\nKicker\n");
  kgb_document_free(doc);
  assert_memory_equal(example->text, "Veltrane Batteries to build ", 28);
  assert_non_null(strstr(example->text, "900 jobs\n\nEnergy transition\n\n"
                                        "By Elodie Ravel"));
  kgb_document_free(example);
}

static void test_title_choices(void **state)
{
  static const struct {
    const char *page, *title;
  } cases[] = {
    {"<title>Acme opens a plant | The Daily Site</title><h1>Acme hires</h1>",
     "Acme hires"},
    {"<title>Acme opens a plant | The Daily Site</title><p>x</p>",
     "Acme opens a plant"},
    {"<title>Acme opens a plant - Daily</title>", "Acme opens a plant"},
    {"<title>Acme opens a plant \xE2\x80\x94 Daily</title>",
     "Acme opens a plant"},
    {"<title>Acme - the new plant in Spain</title>",
     "Acme - the new plant in Spain"},
    {"<title>  Acme \n  opens   </title>", "Acme opens"},
    {"<h1><img src=logo.png></h1><h1>Second <em>one</em></h1>",
     "Second one"},
    {"<header><h1>Site name</h1></header><h1>Article</h1>", "Article"},
    {"<h1>First</h1><h1>Second</h1>", "First"},
    {"<svg><title>Icon</title></svg><p>text</p>", NULL},
    {"<p>no title at all</p>", NULL},
  };

  (void)state;
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    kgb_document *doc = from_html(cases[i].page);
    const char *got = kgb_document_as_title(doc);
    if (cases[i].title ? !got || strcmp(got, cases[i].title) : got != NULL)
      fail_msg("%s: title '%s', expected '%s'", cases[i].page,
               got ? got : "(none)", cases[i].title ? cases[i].title : "(none)");
    kgb_document_free(doc);
  }
}

/* A string literal and its length, NUL bytes included. */
#define BYTES(s) s, sizeof s - 1

static void test_html_detected(void **state)
{
  static const struct {
    const char *bytes;
    size_t len;
    int html;
  } cases[] = {
    {BYTES("<!DOCTYPE html><p>x"), 1},
    {BYTES(" \n\t<HTML lang=en><p>x"), 1},
    {BYTES("\xEF\xBB\xBF<html>"), 1},
    {BYTES("<!-- generated --><!doctype html>"), 1},
    {BYTES("<?xml version=\"1.0\"?><html>"), 1},
    {BYTES("\xFF\xFE<\0h\0t\0m\0l\0>\0"), 1},
    {BYTES("Plain text about <html> tags."), 0},
    {BYTES("<htmlx>"), 0},
    {BYTES("<p>A fragment</p>"), 0},
    {BYTES(""), 0},
  };

  (void)state;
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    kgb_document *doc = NULL;
    assert_int_equal(kgb_document_new_from_buffer(world, "buf",
                                                  cases[i].bytes,
                                                  cases[i].len, &doc), KGB_OK);
    if (strcmp(kgb_document_as_media_type(doc),
               cases[i].html ? "text/html" : "text/plain"))
      fail_msg("case %zu read as %s", i, kgb_document_as_media_type(doc));
    kgb_document_free(doc);
  }
}

static char *write_temp(const char *name, const char *bytes, size_t len)
{
  char *path;

  assert_true(asprintf(&path, "/tmp/kgb-html-%d-%s", (int)getpid(), name) > 0);
  test_write_file(path, bytes, len);
  return path;
}

/* A name ending in .htm(l), in any case, is HTML whatever it holds; the
 * name alone does not make a page of .txt. */
static void test_html_by_file_name(void **state)
{
  static const char fragment[] = "<p>Orvia will <b>invest</b> 3 million "
                                 "euros in Italy.</p>";
  static const char page[] = "<!doctype html><p>Orvia</p>";
  const struct {
    const char *name, *bytes, *type;
  } cases[] = {
    {"a.HTM", fragment, "text/html"},
    {"b.Html", fragment, "text/html"},
    {"c.txt", fragment, "text/plain"},
    {"d.txt", page, "text/html"},
  };

  (void)state;
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char *path = write_temp(cases[i].name, cases[i].bytes,
                            strlen(cases[i].bytes));
    kgb_document *doc = NULL;
    assert_int_equal(kgb_document_load(world, path, &doc), KGB_OK);
    assert_string_equal(kgb_document_as_media_type(doc), cases[i].type);
    if (i == 0)
      assert_string_equal(doc->text, "Orvia will invest 3 million euros in "
                                     "Italy.\n");
    kgb_document_free(doc);
    unlink(path);
    free(path);
  }
}

/* Pages no parser should crash on; each is read, extracted and written. */
static void extract_survives(const char *name, const char *bytes, size_t len)
{
  kgb_document *doc = NULL;
  char *nt;

  if (kgb_document_new_from_html(world, name, bytes, len, &doc) != KGB_OK)
    fail_msg("%s: %s", name, test_last_message);
  nt = graph_of(doc, "ntriples");
  assert_true(test_raptor_count(nt, "ntriples") > 3);
  assert_int_equal(test_count_lines(nt, FORMAT, "\"text/html\""), 1);
  free(nt);
  kgb_document_free(doc);
}

static char *repeat(const char *unit, size_t times, const char *middle,
                    const char *closer, size_t *len)
{
  size_t u = strlen(unit), m = strlen(middle), c = strlen(closer);
  char *s = malloc(times * (u + c) + m + 1), *p = s;

  assert_non_null(s);
  for (size_t i = 0; i < times; i++, p += u)
    memcpy(p, unit, u);
  memcpy(p, middle, m);
  p += m;
  for (size_t i = 0; i < times; i++, p += c)
    memcpy(p, closer, c);
  *p = '\0';
  *len = (size_t)(p - s);
  return s;
}

static void test_malformed_pages(void **state)
{
  static const char *const files[] = {"tests/html/unclosed.html",
                                      "tests/html/only-html.html",
                                      "tests/html/empty.html"};
  static const char *const snippets[] = {
    "<div class=", "<!-- never closed", "<script>never closed",
    "<p attr='x>", "</p></div></body>", "<<<>>>&&&;;&#xFFFFFFFF;&#0;",
    "<html><body><p>\xFF\xFE\xC3</p>", "<meta charset=\"utf-16\"><p>x",
  };
  static const char bad_sjis[] =
      "<meta charset=\"shift_jis\"><p>\x82\xA0 \xFF\xFD\xFE\x80</p>"
      "<p>Orvane will invest 8 million euros in Portugal.</p>";
  static const char odd_utf16[] = "\xFF\xFE<\0p\0>\0\x00\xD8x";
  size_t len;
  char *deep, *garbage = malloc(200000);

  (void)state;
  for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
    char *path = test_src_path(files[i]);
    char *bytes = test_read_file(path, &len);
    assert_non_null(bytes);
    extract_survives(files[i], bytes, len);
    free(bytes);
    free(path);
  }
  for (size_t i = 0; i < sizeof snippets / sizeof *snippets; i++)
    extract_survives(snippets[i], snippets[i], strlen(snippets[i]));
  extract_survives("bad-sjis", bad_sjis, sizeof bad_sjis - 1);
  extract_survives("odd-utf16", odd_utf16, sizeof odd_utf16 - 1);
  srand(11);
  for (size_t i = 0; i < 200000; i++)
    garbage[i] = (char)(rand() & 0xFF);
  extract_survives("garbage", garbage, 200000);
  free(garbage);
  /* 100 000 nested elements, closed and not: the sentence inside is kept. */
  deep = repeat("<div>", 100000, "Orvane will invest 8 million euros in "
                "Portugal.", "</div>", &len);
  extract_survives("deep", deep, len);
  free(deep);
  deep = repeat("<div><span><b>", 100000, "Orvane will invest 8 million "
                "euros in Portugal.", "", &len);
  {
    kgb_document *doc = NULL;
    char *nt;
    assert_int_equal(kgb_document_new_from_html(world, "deep", deep, len,
                                                &doc), KGB_OK);
    assert_string_equal(doc->text, "Orvane will invest 8 million euros in "
                                   "Portugal.\n");
    nt = graph_of(doc, "ntriples");
    assert_int_equal(test_count_lines(nt, KGO "investor> ", NULL), 1);
    free(nt);
    kgb_document_free(doc);
  }
  free(deep);
}

/* libxml2's process-wide handlers (raptor sets them) hear nothing of an
 * HTML parse: its complaints are counted and told through the world. */
static int global_calls;

static void count_structured(void *data, xmlErrorPtr err)
{
  (void)data;
  (void)err;
  global_calls++;
}

static void count_generic(void *data, const char *msg, ...)
{
  (void)data;
  (void)msg;
  global_calls++;
}

static char messages[8192];

static void keep_all(void *data, kgb_level level, const char *msg)
{
  size_t n = strlen(messages);

  (void)data;
  snprintf(messages + n, sizeof messages - n, "%d %s\n", (int)level, msg);
}

static void keep_last(void *data, kgb_level level, const char *msg)
{
  (void)data;
  (void)level;
  snprintf(test_last_message, sizeof test_last_message, "%s", msg);
}

static void test_errors_stay_with_the_parse(void **state)
{
  static const char soup[] = "<html><body><p>Orvane <b><i>will</b></i> "
                             "<nav>x</p></table><foo:bar>invest</qq>";
  static const char bad_sjis[] = "<meta charset=\"shift_jis\"><p>\xFF\xFD\xFE"
                                 "\x80</p><p>Tail text.</p>";
  kgb_document *doc = NULL;

  (void)state;
  messages[0] = '\0';
  kgb_world_set_message_handler(world, keep_all, NULL);
  xmlSetStructuredErrorFunc(NULL, count_structured);
  xmlSetGenericErrorFunc(NULL, count_generic);
  assert_int_equal(kgb_document_new_from_html(world, "soup.html", soup,
                                              sizeof soup - 1, &doc), KGB_OK);
  kgb_document_free(doc);
  assert_int_equal(kgb_document_new_from_html(world, "sjis.html", bad_sjis,
                                              sizeof bad_sjis - 1, &doc),
                   KGB_OK);
  assert_non_null(strstr(doc->text, "Tail text."));
  kgb_document_free(doc);
  xmlSetStructuredErrorFunc(NULL, NULL);
  xmlSetGenericErrorFunc(NULL, NULL);
  kgb_world_set_message_handler(world, keep_last, NULL);
  assert_int_equal(global_calls, 0);
  /* One line of information for the soup, however many errors. */
  assert_int_equal(test_count_lines(messages, "soup.html", NULL), 1);
  assert_non_null(strstr(messages, "0 soup.html: the HTML parser repaired "));
  assert_non_null(strstr(messages, "1 sjis.html: 4 byte sequence(s) not "
                                   "valid in the page's encoding (shift_jis)"));
}

/* Every allocation of ours that can fail is checked: ENOMEM, no leak. */
static void test_out_of_memory(void **state)
{
  char *path = test_src_path("tests/html/en-article.html");
  size_t len;
  char *bytes = test_read_file(path, &len);
  int ok = 0;

  (void)state;
  assert_non_null(bytes);
  for (long n = 0; n < 100000 && !ok; n++) {
    kgb_document *doc = NULL;
    int rc;
    kgb_alloc_fail_after(n);
    rc = kgb_document_new_from_html(world, "oom.html", bytes, len, &doc);
    kgb_alloc_fail_after(-1);
    if (rc != KGB_OK && rc != KGB_ENOMEM)
      fail_msg("allocation %ld: status %d", n, rc);
    ok = rc == KGB_OK;
    kgb_document_free(doc);
  }
  assert_true(ok);
  free(bytes);
  free(path);
}

/* The program: standard input sniffed; one bad page does not spoil the
 * others; the parser's count only with -v. */
static void test_program(void **state)
{
  char *en = test_src_path("tests/html/en-article.html");
  static const char bad_page[] = "<meta charset=\"shift_jis\"><p>\xFF\xFD</p>";
  char *bad = write_temp("bad.html", BYTES(bad_page));
  test_result in = test_run((const char *[]){"-f", "ntriples", "-", NULL},
                            "<!DOCTYPE html><title>Orvia in Italy | Wire"
                            "</title><nav>Zephyrmark</nav><p>Orvia will "
                            "invest 3 million euros in Italy.</p>");
  test_result two = test_run((const char *[]){bad, en, NULL}, NULL);
  /* A file of its own: -o must never be pointed at a system path. */
  char *graph = write_temp("loud.ttl", "", 0);
  test_result loud = test_run((const char *[]){"-v", "-o", graph, en, NULL},
                              NULL);

  (void)state;
  assert_int_equal(in.status, 0);
  assert_int_equal(test_count_lines(in.out, FORMAT, "\"text/html\""), 1);
  assert_int_equal(test_count_lines(in.out, TITLE, "\"Orvia in Italy\""), 1);
  assert_int_equal(test_count_lines(in.out, KGO "investor> ", NULL), 1);
  assert_null(strstr(in.out, "Zephyrmark"));
  assert_int_equal(two.status, 0);
  assert_null(strstr(two.err, "RDF library"));
  assert_non_null(strstr(two.err, "not valid in the page's encoding"));
  assert_null(strstr(two.err, "repaired"));
  assert_non_null(strstr(two.out, "organization/corvane-logistics"));
  assert_int_equal(loud.status, 0);
  assert_non_null(strstr(loud.err, "en-article.html: the HTML parser "
                                   "repaired"));
  test_result_release(&in);
  test_result_release(&two);
  test_result_release(&loud);
  unlink(bad);
  free(bad);
  unlink(graph);
  free(graph);
  free(en);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_article_text_without_boilerplate),
    cmocka_unit_test(test_article_facts_and_document_node),
    cmocka_unit_test(test_french_latin1_page),
    cmocka_unit_test(test_offsets_count_in_extracted_text),
    cmocka_unit_test(test_blocks_inline_and_white_space),
    cmocka_unit_test(test_furniture_classes_by_segment),
    cmocka_unit_test(test_tag_of_many_attributes),
    cmocka_unit_test(test_headline_opens_the_text),
    cmocka_unit_test(test_title_choices),
    cmocka_unit_test(test_html_detected),
    cmocka_unit_test(test_html_by_file_name),
    cmocka_unit_test(test_malformed_pages),
    cmocka_unit_test(test_errors_stay_with_the_parse),
    cmocka_unit_test(test_out_of_memory),
    cmocka_unit_test(test_program),
  };

  return TEST_MAIN_WITH_WORLD(tests, world);
}
