/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_rules.c - each fact kind from sentences written for this test, in
 * English and French, read at the fact level (before RDF). */
#include "test_util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kgb_buf.h"
#include "kgb_fact.h"

static kgb_world *world;

typedef struct {
  const char *text;
  const char *lang;
  kgb_fact_kind kind;
  const char *agent;     /* name of the agent entity */
  const char *other;     /* object, or location for n-ary facts; or NULL */
  double figure;         /* 0 for none */
  kgb_bound bound;
  const char *literal;   /* ticker or title; or NULL */
} rule_case;

static kgb_factset *extract(const char *text, const char *lang,
                            kgb_document **doc)
{
  kgb_factset *fs = NULL;

  assert_int_equal(kgb_document_new_from_buffer(world, "t", text,
                                                strlen(text), doc), KGB_OK);
  assert_int_equal(kgb_document_set_language(*doc, lang), KGB_OK);
  assert_int_equal(kgb_extract(world, *doc, &fs), KGB_OK);
  return fs;
}

static int fact_matches(const kgb_factset *fs, const kgb_fact *f,
                        const rule_case *c)
{
  int other = KGB_FACT_IS_NARY(f->kind) && f->kind != KGB_FACT_ACQUISITION
                  ? f->location : f->object;

  if (f->kind != c->kind || f->agent < 0 ||
      strcmp(fs->entities[f->agent].name, c->agent) != 0)
    return 0;
  if (c->other && (other < 0 || strcmp(fs->entities[other].name, c->other)))
    return 0;
  if (c->figure > 0 &&
      (!f->has_figure || f->bound != c->bound ||
       fabs((double)f->figure.mant / pow(10, f->figure.scale) - c->figure) >
           0.5))
    return 0;
  return !c->literal || strcmp(f->literal, c->literal) == 0;
}

static void check_case(const rule_case *c)
{
  kgb_document *doc = NULL;
  kgb_factset *fs = extract(c->text, c->lang, &doc);
  int found = 0;

  for (size_t i = 0; i < fs->n_facts && !found; i++)
    found = fact_matches(fs, &fs->facts[i], c);
  if (!found) {
    for (size_t i = 0; i < fs->n_facts; i++)
      print_message("  got kind %d agent %s\n", fs->facts[i].kind,
                    fs->facts[i].agent >= 0
                        ? fs->entities[fs->facts[i].agent].name : "-");
    fail_msg("no fact of kind %d for '%s'", c->kind, c->text);
  }
  kgb_factset_free(fs);
  kgb_document_free(doc);
}

#define CHECK_ALL(cases)                                                   \
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)               \
  check_case(&cases[i])

static void test_jobs(void **state)
{
  static const rule_case cases[] = {
    {"Brixo Foods will create more than 450 jobs in Ohio.", "en",
     KGB_FACT_JOB_CREATION, "Brixo Foods", "Ohio", 450, KGB_BOUND_MIN, NULL},
    {"Kerlann va supprimer 1 200 postes en Pologne.", "fr",
     KGB_FACT_JOB_CUT, "Kerlann", "Poland", 1200, KGB_BOUND_EXACT, NULL},
    {"Temsa Logistics employs about 8,300 people worldwide.", "en",
     KGB_FACT_WORKFORCE, "Temsa Logistics", NULL, 8300, KGB_BOUND_EXACT, NULL},
    {"Le groupe Orvia emploie plus de 2 000 salari\xC3\xA9s en Belgique.",
     "fr", KGB_FACT_WORKFORCE, "Orvia", "Belgium", 2000, KGB_BOUND_MIN, NULL},
    {"Halvor said it would employ up to 600 people in Kenya.", "en",
     KGB_FACT_JOB_CREATION, "Halvor", "Kenya", 600, KGB_BOUND_MAX, NULL},
    {"Vantor Steel plans to lay off 900 workers in Wales.", "en",
     KGB_FACT_JOB_CUT, "Vantor Steel", "Wales", 900, KGB_BOUND_EXACT, NULL},
    /* "New" is a stop word, yet opens a place of two words. */
    {"Kauri Dairy will cut 200 jobs in New Zealand.", "en", KGB_FACT_JOB_CUT,
     "Kauri Dairy", "New Zealand", 200, KGB_BOUND_EXACT, NULL},
    /* Head-counts said with "has", "with" or a noun before the count. */
    {"The Brixo unit has 640 staff and sells through pharmacies.", "en",
     KGB_FACT_WORKFORCE, "Brixo", NULL, 640, KGB_BOUND_EXACT, NULL},
    {"Temsa, with more than 1,100 employees in Ghana, makes sensors.", "en",
     KGB_FACT_WORKFORCE, "Temsa", "Ghana", 1100, KGB_BOUND_MIN, NULL},
    {"The cuts hit 13% of Orvia's workforce of 9,400 and end a plan.", "en",
     KGB_FACT_WORKFORCE, "Orvia", NULL, 9400, KGB_BOUND_EXACT, NULL},
    {"Kerlann, qui a un effectif de 1 450 collaborateurs, vise l'Italie.",
     "fr", KGB_FACT_WORKFORCE, "Kerlann", NULL, 1450, KGB_BOUND_EXACT, NULL},
    {"Le groupe Orvia emploie 4 000 salari\xC3\xA9s dans l'Hexagone.", "fr",
     KGB_FACT_WORKFORCE, "Orvia", "France", 4000, KGB_BOUND_EXACT, NULL},
    {"Le groupe Kerlann va supprimer 300 postes outre-Rhin.", "fr",
     KGB_FACT_JOB_CUT, "Kerlann", "Germany", 300, KGB_BOUND_EXACT, NULL},
    /* A cue word opening the sentence is no part of the name; a relative
     * clause names no agent; "its X site" names a place. */
    {"Rival Harcombe Rail announced 300 redundancies at its Wexbury site.",
     "en", KGB_FACT_JOB_CUT, "Harcombe Rail", "Wexbury", 300,
     KGB_BOUND_EXACT, NULL},
    {"Harcombe Rail, which supplies Orvia and Temsa Foods, will cut 80 jobs.",
     "en", KGB_FACT_JOB_CUT, "Harcombe Rail", NULL, 80, KGB_BOUND_EXACT,
     NULL},
    {"Orvia va supprimer 250 postes dans son usine de Kermaria.", "fr",
     KGB_FACT_JOB_CUT, "Orvia", "Kermaria", 250, KGB_BOUND_EXACT, NULL},
    /* The place comes before the count, the town before its country. */
    {"Orvia opened a plant in Porto, Portugal, where it will add 300 jobs.",
     "en", KGB_FACT_JOB_CREATION, "Orvia", "Porto", 300, KGB_BOUND_EXACT,
     NULL},
    {"\xC3\x80 Nantes, o\xC3\xB9 il a son si\xC3\xA8ge, Kerlann va "
     "recruter 150 personnes.", "fr", KGB_FACT_JOB_CREATION, "Kerlann",
     "Nantes", 150, KGB_BOUND_EXACT, NULL},
    /* "In the country" is the country named last, not the town since. */
    {"Brantel Corp opened a depot in Poland in 2015, near Lodz. It now "
     "employs 900 people in the country.", "en", KGB_FACT_WORKFORCE,
     "Brantel Corp", "Poland", 900, KGB_BOUND_EXACT, NULL},
    {"Brantel SAS a ouvert un d\xC3\xA9p\xC3\xB4t en Pologne en 2015, pr\xC3\xA8s "
     "de Lodz. Il compte 900 salari\xC3\xA9s dans le pays.", "fr",
     KGB_FACT_WORKFORCE, "Brantel SAS", "Poland", 900, KGB_BOUND_EXACT, NULL},
  };

  (void)state;
  CHECK_ALL(cases);
}

static void test_acquisitions(void **state)
{
  static const rule_case cases[] = {
    {"Orvia agreed to acquire Brixo Foods for $1.2 billion.", "en",
     KGB_FACT_ACQUISITION, "Orvia", "Brixo Foods", 1.2e9, KGB_BOUND_EXACT, NULL},
    {"Kerlann rach\xC3\xA8te la start-up Temsa pour 80 millions d'euros.",
     "fr", KGB_FACT_ACQUISITION, "Kerlann", "Temsa", 8e7, KGB_BOUND_EXACT,
     NULL},
    {"Brixo Foods was acquired by Orvia last year.", "en",
     KGB_FACT_ACQUISITION, "Orvia", "Brixo Foods", 0, KGB_BOUND_EXACT, NULL},
    /* A price per share is not what the deal is worth (words.txt @per,
     * @pershare): the sum that follows is. */
    {"Orvia agreed to acquire Brixo Foods at 31 dlrs a share, or about "
     "200 mln dlrs.", "en", KGB_FACT_ACQUISITION, "Orvia", "Brixo Foods",
     2e8, KGB_BOUND_EXACT, NULL},
    {"Kerlann rach\xC3\xA8te la start-up Temsa \xC3\xA0 12 euros par action, "
     "soit 80 millions d'euros.", "fr", KGB_FACT_ACQUISITION, "Kerlann", "Temsa",
     8e7, KGB_BOUND_EXACT, NULL},
  };

  (void)state;
  CHECK_ALL(cases);
}

static void test_managers(void **state)
{
  static const rule_case cases[] = {
    {"\"We are ready,\" said Laura Whitfield, chief executive of Orvia.",
     "en", KGB_FACT_MANAGER_OF, "Laura Whitfield", "Orvia", 0,
     KGB_BOUND_EXACT, "chief executive"},
    {"Orvia's managing director, Tobias Brenner, declined to comment.",
     "en", KGB_FACT_MANAGER_OF, "Tobias Brenner", "Orvia", 0, KGB_BOUND_EXACT,
     NULL},
    {"\xC2\xAB Nous sommes pr\xC3\xAAts \xC2\xBB, a d\xC3\xA9" "clar\xC3\xA9 "
     "H\xC3\xA9l\xC3\xA8ne Marchand, directrice g\xC3\xA9n\xC3\xA9rale de "
     "Kerlann.", "fr", KGB_FACT_MANAGER_OF, "H\xC3\xA9l\xC3\xA8ne Marchand",
     "Kerlann", 0, KGB_BOUND_EXACT, NULL},
    {"Founded in 2015 by Priya Raman, Temsa sells sensors.", "en",
     KGB_FACT_MANAGER_OF, "Priya Raman", "Temsa", 0, KGB_BOUND_EXACT, NULL},
  };

  (void)state;
  CHECK_ALL(cases);
}

static void test_links(void **state)
{
  static const rule_case cases[] = {
    {"Brixo Foods, a subsidiary of Orvia, makes snacks.", "en",
     KGB_FACT_SUBSIDIARY_OF, "Brixo Foods", "Orvia", 0, KGB_BOUND_EXACT, NULL},
    {"Temsa, filiale de Kerlann, fabrique des capteurs.", "fr",
     KGB_FACT_SUBSIDIARY_OF, "Temsa", "Kerlann", 0, KGB_BOUND_EXACT, NULL},
    {"Halvor, based in Denmark, builds turbines.", "en", KGB_FACT_BASED_IN,
     "Halvor", "Denmark", 0, KGB_BOUND_EXACT, NULL},
    {"Harlow Labs, the New York-based drugmaker, will hire 80 people.", "en",
     KGB_FACT_BASED_IN, "Harlow Labs", "New York City", 0, KGB_BOUND_EXACT,
     NULL},
    {"Shares of Orvia (ORV.PA) rose.", "en", KGB_FACT_TICKER, "Orvia", NULL,
     0, KGB_BOUND_EXACT, "ORV.PA"},
    {"Orvia faces competition from Kerlann and Temsa.", "en",
     KGB_FACT_COMPETITOR_OF, "Orvia", "Temsa", 0, KGB_BOUND_EXACT, NULL},
    {"Orvia and Temsa will exhibit at the Future Mobility Summit in Lyon.",
     "en", KGB_FACT_PARTICIPATES_IN, "Temsa", "Future Mobility Summit", 0,
     KGB_BOUND_EXACT, NULL},
    /* A list of rivals with long names, acronyms and origins. */
    {"Orvia employs 9,000 people. It competes with Halvor Marine Systems "
     "and Temsa for contracts.", "en", KGB_FACT_COMPETITOR_OF, "Orvia",
     "Halvor Marine Systems", 0, KGB_BOUND_EXACT, NULL},
    {"Kerlann competes with Brixo Data Systems (BDS) and Temsa.", "en",
     KGB_FACT_COMPETITOR_OF, "Kerlann", "Temsa", 0, KGB_BOUND_EXACT, NULL},
    {"Orvia makes pumps. In Asia it competes with Norway's Halvor and with "
     "Schneider Electric of France.", "en", KGB_FACT_COMPETITOR_OF, "Orvia",
     "Schneider Electric", 0, KGB_BOUND_EXACT, NULL},
    {"Orvia operates three plants in Morocco.", "en", KGB_FACT_OPERATES_IN,
     "Orvia", "Morocco", 0, KGB_BOUND_EXACT, NULL},
    {"The plant is in Lyon, in France.", "en", KGB_FACT_LOCATED_IN, "Lyon",
     "France", 0, KGB_BOUND_EXACT, NULL},
  };

  (void)state;
  CHECK_ALL(cases);
}

/* A French article quoting an English statement: each paragraph is read
 * with the tables of its own language. */
static void test_paragraph_language(void **state)
{
  const char *text =
      "Le groupe Orvia a publi\xC3\xA9 ses r\xC3\xA9sultats annuels, qui sont "
      "en hausse pour la troisi\xC3\xA8me ann\xC3\xA9" "e, et il compte "
      "poursuivre sa croissance dans les prochains mois avec de nouveaux "
      "projets.\n\n"
      "In a statement, Orvia said that it will hire 300 people in Kenya and "
      "that the plan is on track for the year.\n";
  kgb_document *doc = NULL;
  kgb_factset *fs = extract(text, NULL, &doc);
  int found = 0;

  (void)state;
  assert_string_equal(kgb_document_as_language(doc), "fr");
  for (size_t i = 0; i < fs->n_facts; i++)
    found |= fs->facts[i].kind == KGB_FACT_JOB_CREATION &&
             fs->facts[i].has_figure && fs->facts[i].figure.mant == 300;
  assert_true(found);
  kgb_factset_free(fs);
  kgb_document_free(doc);
}

/* Page furniture yields nothing, however factual it sounds. */
static void test_furniture_ignored(void **state)
{
  const char *text =
      "Orvia opens a lab\n\nOrvia will invest 5 million euros in Portugal.\n"
      "More text about the lab and its work in the region, written at "
      "length so that the footer below starts late in the page.\n"
      "Also read: Kerlann will invest 9 billion euros in Spain\n"
      "About us: Temsa Media Ltd employs 40 people.\n";
  kgb_document *doc = NULL;
  kgb_factset *fs = extract(text, "en", &doc);

  (void)state;
  assert_int_equal(fs->n_facts > 0, 1);
  for (size_t i = 0; i < fs->n_facts; i++)
    assert_string_equal(fs->entities[fs->facts[i].agent].name, "Orvia");
  kgb_factset_free(fs);
  kgb_document_free(doc);
}

/* --mentions: every mention's anchor is the text between its offsets. */
static void test_mention_annotations(void **state)
{
  const char *text = "\xC3\x89tude : Kerlann, bas\xC3\xA9" "e \xC3\xA0 "
                     "Lyon, investit 3 millions d'euros en Espagne.";
  kgb_document *doc = NULL;
  kgb_factset *fs = extract(text, "fr", &doc);
  kgb_graph *g = NULL;
  char *out = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&out, &len);

  (void)state;
  assert_int_equal(kgb_graph_new(world, &g), KGB_OK);
  kgb_graph_set_mentions(g, 1);
  assert_int_equal(kgb_graph_add(g, doc, fs), KGB_OK);
  assert_int_equal(kgb_graph_serialize(g, "ntriples", f), KGB_OK);
  fclose(f);
  /* "Kerlann" is code points 8..15 ("Étude : " is 8 code points). */
  assert_non_null(strstr(out, "#char=8,15> <http://persistence.uni-leipzig.org"
                              "/nlp2rdf/ontologies/nif-core#anchorOf> "
                              "\"Kerlann\""));
  assert_non_null(strstr(out, "taIdentRef> <https://w3id.org/kgbuild/resource"
                              "/organization/kerlann>"));
  assert_non_null(strstr(out, "taClassRef>"));
  free(out);
  kgb_graph_free(g);
  kgb_factset_free(fs);
  kgb_document_free(doc);
}

/* An elided article opening a sentence ("L'entreprise", "L\u2019usine")
 * is no organisation, and cannot be the employer: the firm named after
 * it is. */
/* "in" before a name makes an unknown town a place, but not a known
 * place with more words after it ("shares in Bristol Athletic" names a
 * club) nor a name after what one holds in a firm ("a stake in X"); and
 * "near Tarbesville" is still a town. */
static void test_place_preposition_and_longer_names(void **state)
{
  static const char text[] =
      "Brantel Corp said shares in Bristol Athletic rose. Brantel Corp "
      "will build a plant near Tarbesville. Brantel Corp "
      "bought a stake in Quorvane.";
  char *out;

  (void)state;
  out = test_extract_to_string(world, text, "en", "ntriples");
  assert_int_equal(test_count_lines(out, "place/bristol-athletic>", NULL),
                   0);
  assert_true(test_count_lines(out, "place/tarbesville>", NULL) > 0);
  assert_int_equal(test_count_lines(out, "place/quorvane>", NULL), 0);
  free(out);
}

/* "and" or a possessive stays inside a public body's name, never
 * between two firms or after a known place or firm. */
static void test_and_inside_names(void **state)
{
  static const char text[] =
      "The Northern Water and Sewage Authority fined Valdor Steel and "
      "Brenner Group on Monday. On Tuesday, Brightleaf's Castell Bank unit "
      "said Britain's Financial Services Authority and the Federated Dock "
      "Worker's Union had met.";
  char *out;

  (void)state;
  out = test_extract_to_string(world, text, "en", "ntriples");
  assert_true(test_count_lines(out, "\"Northern Water and Sewage Authority\"",
                               NULL) > 0);
  assert_true(test_count_lines(out, "organization/brenner>", NULL) > 0);
  assert_int_equal(test_count_lines(out, "valdor-steel-and", NULL), 0);
  assert_true(test_count_lines(out, "organization/castell-bank>", NULL) > 0);
  assert_true(test_count_lines(out, "\"Financial Services Authority\"",
                                NULL) > 0);
  assert_true(test_count_lines(out, "\"Federated Dock Worker's Union\"",
                               NULL) > 0);
  free(out);
}

/* A headline in capitals names no firm with the words the text writes in
 * lower case ("CANCEL SHARES"), and a legal form that is a word keeps
 * "of PLACE" in the name. */
static void test_headline_in_capitals(void **state)
{
  static const char text[] =
      "BRANTEL TO CANCEL SHARES, SELL UNIT\n\n"
      "Brantel Corp said it would cancel shares and sell a unit to the "
      "Aluminium Company of Portugal.\n";
  char *out;

  kgb_document *doc = NULL;

  (void)state;
  assert_int_equal(kgb_document_new_from_buffer(world, "t", text,
                                                strlen(text), &doc), KGB_OK);
  assert_int_equal(kgb_document_set_language(doc, "en"), KGB_OK);
  out = test_graph_of_document(world, doc, "ntriples", 1);
  assert_int_equal(test_count_lines(out, "anchorOf> \"BRANTEL TO", NULL), 0);
  assert_int_equal(test_count_lines(out, "anchorOf> \"SELL", NULL), 0);
  assert_true(test_count_lines(out, "anchorOf> \"BRANTEL\"", NULL) > 0);
  assert_true(test_count_lines(out, "\"Aluminium Company of Portugal\"",
                               NULL) > 0);
  free(out);
  kgb_document_free(doc);
}

/* A role opening a run ("Economist", "UK Chancellor", "French
 * President") is no part of the person's name; the place before it is
 * still a place; a firm before a title is a firm. */
static void test_roles_before_names(void **state)
{
  static const char text[] =
      "The plan was backed by UK Chancellor Peter Okafor on Monday. "
      "Economist Marta Ellison said it would not work.";
  char *out;

  (void)state;
  out = test_extract_to_string(world, text, "en", "ntriples");
  assert_true(test_count_lines(out, "person/peter-okafor>", "label") > 0);
  assert_true(test_count_lines(out, "person/marta-ellison>", "label") > 0);
  assert_int_equal(test_count_lines(out, "economist-marta", NULL), 0);
  free(out);
  /* A nationality before the role, and a firm before a title: "Acme CEO
   * Jane Roe" is two names, and she leads it. */
  out = test_extract_to_string(world, "On Monday, French President Paul "
                               "Lemaire met Ostrale Holding Chief Executive "
                               "Officer Marta Ellison.", "en", "ntriples");
  assert_true(test_count_lines(out, "person/paul-lemaire>", "label") > 0);
  assert_true(test_count_lines(out, "person/marta-ellison>", "label") > 0);
  assert_true(test_count_lines(out, "organization/ostrale>", "label") > 0);
  assert_int_equal(test_count_lines(out, "holding-chief", NULL), 0);
  assert_true(test_count_lines(out, "person/marta-ellison>",
                               "ontology#managerOf> <https://w3id.org/"
                               "kgbuild/resource/organization/ostrale>") > 0);
  free(out);
  /* Titles of two words are no firm ("Board Chairman", "Chief
   * Executive"); "Group" ends the firm even where "group chief
   * executive" is a title. */
  out = test_extract_to_string(world, "Board Chairman Paul Lemaire quit on "
                               "Monday. Ostrale Group Chief Executive Officer "
                               "Marta Ellison stayed.", "en", "ntriples");
  assert_true(test_count_lines(out, "person/paul-lemaire>", "label") > 0);
  assert_int_equal(test_count_lines(out, "organization/board", NULL), 0);
  assert_true(test_count_lines(out, "person/marta-ellison>",
                               "ontology#managerOf> <https://w3id.org/"
                               "kgbuild/resource/organization/ostrale>") > 0);
  assert_int_equal(test_count_lines(out, "officer-marta", NULL), 0);
  free(out);
  /* A noun only firms are called opens the sentence, not the name. */
  out = test_extract_to_string(world, "Carmaker Brantel said on Thursday it "
                               "would cut 3,200 jobs.", "en", "ntriples");
  assert_true(test_count_lines(out, "organization/brantel>", "label") > 0);
  assert_int_equal(test_count_lines(out, "carmaker-brantel", NULL), 0);
  free(out);
}

static void test_elision_is_no_name(void **state)
{
  static const char *const texts[] = {
    "L'entreprise va licencier 130 salari\xC3\xA9s \xC3\xA0 Lyon.",
    "L\xE2\x80\x99usine Ferravel va supprimer 80 postes \xC3\xA0 Lille.",
  };

  (void)state;
  for (size_t i = 0; i < 2; i++) {
    char *out = test_extract_to_string(world, texts[i], "fr", "ntriples");
    assert_int_equal(test_count_lines(out, "organization/l>", NULL), 0);
    if (i == 1)
      assert_int_equal(test_count_lines(out, "ontology#employer>",
                                        "organization/ferravel>"), 1);
    free(out);
  }
}

/* "CEO of X", « PDG de X »: the title opens no organisation name, and
 * the person manages the firm after it. */
static void test_title_of_firm(void **state)
{
  static const struct {
    const char *text, *lang, *person, *firm;
  } cases[] = {
    {"The plan is sound, said Nadia Okafor, CEO of Brightwell Foods.", "en",
     "person/nadia-okafor>", "organization/brightwell-foods>"},
    {"\xC2\xAB C'est un bon projet \xC2\xBB, a d\xC3\xA9""clar\xC3\xA9 "
     "Luc Ferrand, PDG de Valmorin.", "fr", "person/luc-ferrand>",
     "organization/valmorin>"},
  };

  (void)state;
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char *out = test_extract_to_string(world, cases[i].text, cases[i].lang,
                                       "ntriples");
    assert_int_equal(test_count_lines(out, cases[i].person, "#managerOf>"),
                     1);
    assert_int_equal(test_count_lines(out, "#managerOf>", cases[i].firm), 1);
    assert_int_equal(test_count_lines(out, "organization/ceo", NULL), 0);
    assert_int_equal(test_count_lines(out, "organization/pdg", NULL), 0);
    free(out);
  }
}

/* "has"/« compte » before a count of shops or plants is no head-count. */
static void test_count_of_things_is_no_workforce(void **state)
{
  static const struct {
    const char *text, *lang;
  } cases[] = {
    {"Le groupe Orvia compte 70 magasins en Pologne.", "fr"},
    {"Brixo has 12 plants in Spain.", "en"},
  };

  (void)state;
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    char *out = test_extract_to_string(world, cases[i].text, cases[i].lang,
                                       "ntriples");
    assert_int_equal(test_count_lines(out, "ontology#Workforce>", NULL), 0);
    free(out);
  }
}

/* A dateline names where the story was filed and a "-based" place the
 * firm's seat: neither is where its jobs or money go. */
static void test_dateline_and_seat_are_no_location(void **state)
{
  static const char *const texts[] = {
    "LISBON, May 3 - Temsa Foods will create 120 jobs.",
    "OSLO (Reuters) \xE2\x80\x94 Fjordline will invest $40 million.",
    "Brixo, the Paris-based grocer, will create 90 jobs.",
  };

  (void)state;
  for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
    char *out = test_extract_to_string(world, texts[i], "en", "ntriples");
    assert_int_equal(test_count_lines(out, "#employer>", NULL) +
                         test_count_lines(out, "#investor>", NULL),
                     1);
    assert_int_equal(test_count_lines(out, "#location>", NULL), 0);
    free(out);
  }
}

/* A Reuters code with a share class in lower case ("n", "_p") is a
 * ticker, not a firm of its own that takes the firm's facts. */
static void test_share_class_ticker(void **state)
{
  static const char *const text =
      "Kestrel Chemie (KSTCn.DE) will invest 300 million euros in Poland.";
  static const rule_case ticker = {text, "en", KGB_FACT_TICKER,
                                   "Kestrel Chemie", NULL, 0,
                                   KGB_BOUND_EXACT, "KSTCn.DE"};
  static const rule_case investment = {text, "en", KGB_FACT_INVESTMENT,
                                       "Kestrel Chemie", "Poland", 3e8,
                                       KGB_BOUND_EXACT, NULL};
  char *out;

  (void)state;
  check_case(&ticker);
  check_case(&investment);
  out = test_extract_to_string(world, "Brauhaus Lind (BRLG_p.DE) rose.",
                               "en", "ntriples");
  assert_int_equal(test_count_lines(out, "#tickerSymbol>", "\"BRLG_p.DE\""),
                   1);
  assert_int_equal(test_count_lines(out, "organization/brlg", NULL), 0);
  free(out);
  out = test_extract_to_string(world, text, "en", "ntriples");
  assert_int_equal(test_count_lines(out, "organization/kstcn", NULL), 0);
  free(out);
  /* A symbol of digits in brackets is one token, not a figure and a
   * name "T"; outside brackets a number and a capital are two. */
  out = test_extract_to_string(world, "Harumi Motor Corp (7281.T) grew. "
                               "It grew in 2024.A rival fell.", "en",
                               "ntriples");
  assert_int_equal(test_count_lines(out, "#tickerSymbol>", "\"7281.T\""),
                   1);
  assert_int_equal(test_count_lines(out, "organization/t>", NULL), 0);
  assert_int_equal(test_count_lines(out, "\"2024.A\"", NULL), 0);
  free(out);
}

/* "X, a unit of Y. It employs...": "it" is X, which Y only qualifies;
 * with Y alone named, Y. */
static void test_it_is_not_the_qualifying_firm(void **state)
{
  static const rule_case unit = {
      "The mill is run by Brantel Pulp, a unit of Ohio-based Halvane. "
      "It employs 300 people.", "en", KGB_FACT_WORKFORCE, "Brantel Pulp",
      NULL, 300, KGB_BOUND_EXACT, NULL};
  static const rule_case alone = {
      "The mill belongs to a unit of Halvane. It employs 300 people.", "en",
      KGB_FACT_WORKFORCE, "Halvane", NULL, 300, KGB_BOUND_EXACT, NULL};

  (void)state;
  check_case(&unit);
  check_case(&alone);
}

/* The firm acting is the one a relative clause is about, not the one
 * the clause names: "X, a maker of pumps that belongs to Y, will hire". */
static void test_actor_skips_relative_clause(void **state)
{
  static const rule_case cases[] = {
      {"Brantel Pumps, a small Ohio maker that belongs to Halvane, will "
       "hire 120 people at its plant in Dayton.", "en", KGB_FACT_JOB_CREATION,
       "Brantel Pumps", NULL, 120, KGB_BOUND_EXACT, NULL},
      {"Brantel Pumps, a small Ohio maker that belongs to Halvane, runs "
       "two plants in Mexico.", "en", KGB_FACT_OPERATES_IN, "Brantel Pumps",
       "Mexico", 0, KGB_BOUND_EXACT, NULL},
  };
  static const char wrong[] = "Brantel Pumps, a small Ohio maker that "
                              "belongs to Halvane, runs two plants in "
                              "Mexico.";
  char *out;

  (void)state;
  CHECK_ALL(cases);
  out = test_extract_to_string(world, wrong, "en", "ntriples");
  assert_int_equal(test_count_lines(out, "organization/halvane> "
                                         "<https://w3id.org/kgbuild/"
                                         "ontology#operatesIn>", NULL), 0);
  free(out);
}

/* "Renault Digital" beside "Renault" is a unit of it; "Renault
 * Industries" is Renault itself (words.txt @sametail): one entity. */
static void test_unit_named_after_parent(void **state)
{
  char *out = test_extract_to_string(
      world, "Renault said on Monday that Renault Digital would hire 50 "
             "people in Leeds, and that Renault Industries would sell its "
             "old offices.", "en", "ntriples");

  (void)state;
  assert_int_equal(test_count_lines(out, "renault-digital> <https://w3id."
                                         "org/kgbuild/ontology#"
                                         "subsidiaryOf>", NULL), 1);
  /* One firm, named by its fuller name, with no link to itself. */
  assert_int_equal(test_count_lines(out, "organization/renault> ",
                                    "#label> \"Renault Industries\""), 1);
  assert_int_equal(test_count_lines(out, "renault-industries>", NULL), 0);
  assert_int_equal(test_count_lines(out, "organization/renault> <https://"
                                         "w3id.org/kgbuild/ontology#"
                                         "subsidiaryOf>", NULL), 0);
  free(out);
}

/* A deal the sentence reports as talk is stated with kgo:status
 * "rumoured" on its mention; one agreed is stated plainly. */
static void test_rumoured_deal_is_marked(void **state)
{
  char *out;

  (void)state;
  out = test_extract_to_string(world, "Halvane is in talks to buy Brantel "
                               "for $2 billion, people familiar with the "
                               "matter said. Voltline agreed to buy Ferrox "
                               "for $1 billion.", "en", "ntriples");
  assert_int_equal(test_count_lines(out, "#acquirer>", NULL), 2);
  assert_int_equal(test_count_lines(out, "#status> \"rumoured\"", NULL), 1);
  free(out);
  out = test_extract_to_string(world, "Halvane serait en discussions pour "
                               "racheter Brantel.", "fr", "ntriples");
  assert_int_equal(test_count_lines(out, "#status> \"rumoured\"", NULL), 1);
  free(out);
}

/* "Plano, Texas": a town no table lists, known by the region after its
 * comma; not a firm before "France's largest", nor one after a seat. */
static void test_town_before_its_region(void **state)
{
  char *out;

  (void)state;
  out = test_extract_to_string(world, "Brantel moved to Dunmore, Ohio, in "
                               "May. Harwick, France's largest miner, grew. "
                               "It works with Lyon-based Ferrox, Ohio-based "
                               "Halvane and others.", "en", "ntriples");
  assert_true(test_count_lines(out, "place/dunmore>", "label") > 0);
  assert_true(test_count_lines(out, "place/dunmore> ", "#locatedIn>") > 0);
  assert_int_equal(test_count_lines(out, "place/harwick>", NULL), 0);
  assert_int_equal(test_count_lines(out, "place/ferrox>", NULL), 0);
  free(out);
}

/* The organisation entity named NAME in FS, or -1. */
static int organisation_named(const kgb_factset *fs, const char *name)
{
  for (size_t i = 0; i < fs->n_entities; i++)
    if (fs->entities[i].cls == KGB_CLASS_ORGANIZATION &&
        strcmp(fs->entities[i].name, name) == 0)
      return (int)i;
  return -1;
}

/* "Velmaa Foods Ltd ... Velmaa Foods said": the short name is the firm
 * with its legal form, for each of the many firms of one text (the merge
 * finds them by name, not by pairs); where two legal forms share a short
 * name, the first one seen takes it. */
static void test_legal_variants_merge(void **state)
{
  enum { FIRMS = 300 };
  kgb_buf text;
  kgb_document *doc = NULL;
  kgb_factset *fs;
  char base[32], full[48];
  int inc, corp;

  (void)state;
  kgb_buf_init(&text);
  for (int i = 0; i < FIRMS; i++)
    assert_int_equal(kgb_buf_printf(&text, "Velm%c%c Foods Ltd opened a "
                                    "plant. Velm%c%c Foods said it would "
                                    "hire.\n", 'a' + i / 26, 'a' + i % 26,
                                    'a' + i / 26, 'a' + i % 26), KGB_OK);
  assert_int_equal(kgb_buf_printf(&text, "Dorvane Tools Inc and Dorvane "
                                  "Tools Corp sued. Dorvane Tools lost.\n"),
                   KGB_OK);
  fs = extract(text.data, "en", &doc);
  for (int i = 0; i < FIRMS; i++) {
    int e;
    snprintf(base, sizeof base, "Velm%c%c Foods", 'a' + i / 26, 'a' + i % 26);
    snprintf(full, sizeof full, "%s Ltd", base);
    e = organisation_named(fs, full);
    assert_true(e >= 0);
    assert_int_equal(fs->entities[e].mentions, 2);
    assert_int_equal(fs->entities[e].n_aliases, 1);
    assert_string_equal(fs->entities[e].aliases[0], base);
  }
  inc = organisation_named(fs, "Dorvane Tools Inc");
  corp = organisation_named(fs, "Dorvane Tools Corp");
  assert_true(inc >= 0 && corp >= 0);
  assert_int_equal(fs->entities[inc].mentions, 2);
  assert_int_equal(fs->entities[corp].mentions, 1);
  /* No mention is left on an entity merged away. */
  for (size_t m = 0; m < fs->n_mentions; m++)
    assert_true(fs->entities[fs->mentions[m].entity].mentions > 0);
  kgb_factset_free(fs);
  kgb_document_free(doc);
  kgb_buf_release(&text);
}

/* "Zorvik Corp", "Zorvik Corporation" and "Zorvik": one organisation in
 * the graph, with one label. */
static void test_legal_variants_one_iri(void **state)
{
  char *out = test_extract_to_string(
      world, "Zorvik Corp will invest $5 million in Spain. Zorvik "
             "Corporation will cut 200 jobs in France. Zorvik will create "
             "300 jobs in Italy.", "en", "ntriples");

  (void)state;
  assert_int_equal(test_count_lines(out, "organization/zorvik-", NULL), 0);
  assert_int_equal(test_count_lines(out, "ontology#investor>",
                                    "organization/zorvik>"), 1);
  assert_int_equal(test_count_lines(out, "ontology#employer>",
                                    "organization/zorvik>"), 2);
  assert_int_equal(test_count_lines(out, "organization/zorvik>",
                                    "rdf-schema#label>"), 1);
  free(out);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_jobs),
    cmocka_unit_test(test_acquisitions),
    cmocka_unit_test(test_managers),
    cmocka_unit_test(test_links),
    cmocka_unit_test(test_paragraph_language),
    cmocka_unit_test(test_furniture_ignored),
    cmocka_unit_test(test_mention_annotations),
    cmocka_unit_test(test_place_preposition_and_longer_names),
    cmocka_unit_test(test_and_inside_names),
    cmocka_unit_test(test_headline_in_capitals),
    cmocka_unit_test(test_roles_before_names),
    cmocka_unit_test(test_elision_is_no_name),
    cmocka_unit_test(test_legal_variants_merge),
    cmocka_unit_test(test_legal_variants_one_iri),
    cmocka_unit_test(test_title_of_firm),
    cmocka_unit_test(test_share_class_ticker),
    cmocka_unit_test(test_town_before_its_region),
    cmocka_unit_test(test_it_is_not_the_qualifying_firm),
    cmocka_unit_test(test_actor_skips_relative_clause),
    cmocka_unit_test(test_unit_named_after_parent),
    cmocka_unit_test(test_rumoured_deal_is_marked),
    cmocka_unit_test(test_dateline_and_seat_are_no_location),
    cmocka_unit_test(test_count_of_things_is_no_workforce),
  };
  return TEST_MAIN_WITH_WORLD(tests, world);
}
