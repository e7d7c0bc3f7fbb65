/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_ner_tagged.c - names found by the trained entity tagger.
 *
 * The tagger decides where names are and what they are; the gazetteers
 * then give them their standard names and links.  A rule overrides the
 * tagger only where it knows something the model cannot:
 *   - an honorific right before ("Mr", "Mme") makes a person;
 *   - a legal form inside ("Ltd", "SA") makes an organisation;
 *   - a demonym ("French") names the country the dictionary links it to;
 *   - "Munich-based" names the seat of what follows;
 *   - an event word ("Summit", "Salon") makes an event of a MISC name,
 *     and so does an event noun near a name in quotation marks
 *     (the “Choose France” summit);
 *   - a name the company table holds whole is an organisation, unless
 *     the model and the place table agree it is a place;
 *   - a single word already used for someone is that entity (a surname,
 *     an acronym given in parentheses). */
#include <string.h>

#include "kgb_alloc.h"
#include "kgb_ner_internal.h"
#include "kgb_pos.h"
#include "kgb_pattern.h"
#include "kgb_utf8.h"

/* The class a tagger type stands for; MISC (and any type the ontology
 * has no class for) is KGB_CLASS_UNKNOWN. */
static kgb_class class_of_type(const char *type)
{
  if (!strcmp(type, "PER"))
    return KGB_CLASS_PERSON;
  if (!strcmp(type, "ORG"))
    return KGB_CLASS_ORGANIZATION;
  if (!strcmp(type, "LOC"))
    return KGB_CLASS_PLACE;
  return KGB_CLASS_UNKNOWN;
}

/* A demonym ("French", « allemands ») filling [FIRST, LAST): the place
 * mention it stands for; 1 when added. */
static int demonym_span(ner_ctx *c, size_t first, size_t last, int *rc)
{
  const kgb_lex_entry *e = NULL;
  size_t n = kgb_lexicon_longest(c->lex, &c->doc->toks, first, last - first,
                                 KGB_LEX_DEMONYM, &e);

  if (n == 0 || n != last - first)
    return 0;
  *rc = kgb_ner_add_known(c, KGB_CLASS_PLACE, c->lex->places[e->value].name,
                          first, last, e->value, KGB_MF_DEMONYM);
  return 1;
}

/* A name the gazetteers know whole: its canonical name and link. */
static int known_span(ner_ctx *c, kgb_class cls, size_t first, size_t last,
                      int *rc)
{
  const kgb_lex_entry *e = NULL;
  size_t want = last - first;

  if (cls == KGB_CLASS_PLACE &&
      kgb_lexicon_longest(c->lex, &c->doc->toks, first, want, KGB_LEX_PLACE,
                          &e) == want) {
    *rc = kgb_ner_add_known(c, cls, c->lex->places[e->value].name, first,
                            last, e->value, 0);
    return 1;
  }
  if (cls == KGB_CLASS_ORGANIZATION &&
      kgb_lexicon_longest(c->lex, &c->doc->toks, first, want,
                          KGB_LEX_COMPANY, &e) == want) {
    *rc = kgb_ner_add_known(c, cls, c->lex->companies[e->value], first, last,
                            -1, 0);
    return 1;
  }
  return 0;
}

/* Is [FIRST, LAST) a name in quotation marks that an event noun near
 * it qualifies? */
static int quoted_event(const ner_ctx *c, const kgb_sentence *s,
                        size_t first, size_t last)
{
  const kgb_tokens *toks = &c->doc->toks;

  return first > s->first_tok && last < s->last_tok &&
         kgb_ner_is_open_quote(kgb_tok_fold(toks, first - 1)) &&
         kgb_ner_is_close_quote(kgb_tok_fold(toks, last)) &&
         kgb_ner_event_noun_near(c, s, first - 1, last + 1, 4);
}

/* Is the whole of [FIRST, LAST) a country or a continent of the tables
 * ("France", « l'Europe »)? */
static int whole_country(const ner_ctx *c, size_t first, size_t last)
{
  const kgb_lex_entry *e = NULL;

  if (kgb_lexicon_longest(c->lex, &c->doc->toks, first, last - first,
                          KGB_LEX_PLACE, &e) != last - first)
    return 0;
  return c->lex->places[e->value].type == KGB_PLACE_COUNTRY ||
         c->lex->places[e->value].type == KGB_PLACE_CONTINENT;
}

static int first_name_at(const ner_ctx *c, size_t k);

/* Does a title and its connector end just before token FIRST ("PDG de",
 * « directrice générale de », titles.txt and words.txt @titlejoin)? */
static int after_title_of(const ner_ctx *c, const kgb_sentence *s,
                          size_t first)
{
  const kgb_tokens *toks = &c->doc->toks;

  if (first < s->first_tok + 2 ||
      !kgb_ner_word_is(c, first - 1, KGB_WORDS_TITLE_JOIN))
    return 0;
  for (size_t n = 1; n <= 4 && first - 1 >= s->first_tok + n; n++)
    if (kgb_lexicon_find(c->lex, toks, first - 1 - n, n, KGB_LEX_TITLE))
      return 1;
  return 0;
}

/* Does a word say that the name at token FIRST is a firm's: a noun only
 * firms are called, in lower case (« le constructeur », "the brewer",
 * words.txt @firmnoun), or a title and "of" (« PDG de »)? */
static int firm_cue_before(const ner_ctx *c, const kgb_sentence *s,
                           size_t first)
{
  if (first <= s->first_tok)
    return 0;
  if (!(c->doc->toks.v[first - 1].flags & KGB_TF_CAP) &&
      kgb_ner_word_is(c, first - 1, KGB_WORDS_FIRM_NOUN))
    return 1;
  return after_title_of(c, s, first);
}

/* The class of the tagger's name [FIRST, LAST) of TYPE after the rules
 * that know better. */
static kgb_class span_class(const ner_ctx *c, const kgb_sentence *s,
                            size_t first, size_t last, const char *type)
{
  kgb_class cls = class_of_type(type);

  if (kgb_ner_cue_before(c, first, KGB_TRIG_HONORIFIC))
    return KGB_CLASS_PERSON;
  if (kgb_ner_has_legal_suffix(c, first, last))
    return KGB_CLASS_ORGANIZATION;
  /* "Korvane Capital", "Ostrale Holding": a word that ends firms' names,
   * never people's nor places' (words.txt @firmtail). */
  if (last - first >= 2 &&
      (cls == KGB_CLASS_PERSON ||
       (cls == KGB_CLASS_PLACE &&
        !kgb_ner_whole_in_table(c, first, last, KGB_LEX_PLACE))) &&
      kgb_ner_word_is(c, last - 1, KGB_WORDS_FIRM_TAIL))
    return KGB_CLASS_ORGANIZATION;
  /* « le constructeur Ostrale », « PDG de Ostrale »: a firm, unless a
   * first name opens it (« le producteur Jean Dupont ») or the tables
   * know it as a place. */
  if (cls != KGB_CLASS_ORGANIZATION && firm_cue_before(c, s, first) &&
      !first_name_at(c, first) &&
      !kgb_ner_whole_in_table(c, first, last, KGB_LEX_PLACE))
    return KGB_CLASS_ORGANIZATION;
  if (quoted_event(c, s, first, last))
    return KGB_CLASS_EVENT;
  /* "France lost 500,000 jobs": a country that acts is its economy or its
   * state, which is no organisation (GUIDE: "the State" is no entity). */
  if (cls == KGB_CLASS_ORGANIZATION && whole_country(c, first, last) &&
      !kgb_ner_whole_in_table(c, first, last, KGB_LEX_COMPANY))
    return KGB_CLASS_PLACE;
  if (cls != KGB_CLASS_UNKNOWN &&
      kgb_ner_whole_in_table(c, first, last, KGB_LEX_COMPANY) &&
      !(cls == KGB_CLASS_PLACE &&
        kgb_ner_whole_in_table(c, first, last, KGB_LEX_PLACE)))
    return KGB_CLASS_ORGANIZATION;
  return cls;
}

/* Is token I punctuation, which never starts or ends a name? */
static int is_punct(const ner_ctx *c, size_t i)
{
  return c->doc->toks.v[i].type == KGB_TOK_PUNCT;
}

/* The tokens of an honorific opening [FIRST, LAST) ("Me", "Mr."), or 0. */
static size_t honorific_at(const ner_ctx *c, size_t first, size_t last)
{
  size_t n = kgb_lexicon_trigger_at(c->lex, &c->doc->toks, first, last,
                                    KGB_TRIG_HONORIFIC);

  if (n && first + n < last &&
      strcmp(kgb_tok_fold(&c->doc->toks, first + n), ".") == 0)
    n++;
  return n < last - first ? n : 0;
}

/* A one-word name opening sentence S that the document writes in lower
 * case elsewhere: a common word capitalised by its place ("Humoriste,
 * il..."). */
static int lower_opener(const ner_ctx *c, const kgb_sentence *s,
                        size_t first, size_t last)
{
  return first == s->first_tok && last == first + 1 &&
         (c->doc->toks.v[first].flags & KGB_TF_CAP) &&
         kgb_tok_written_lower(&c->doc->toks, first);
}

/* A one-word name opening sentence S that the tagger of parts of speech
 * reads as a verb or an adjective, and no table knows: a participle
 * capitalised by its place (« Basée à Lyon, X... », "Founded in 1990,
 * X..."), which the entity tagger took for a name. */
static int verb_opener(const ner_ctx *c, const kgb_sentence *s,
                       size_t first, size_t last)
{
  const char *pos;

  if (first != s->first_tok || last != first + 1 || !c->pos ||
      kgb_ner_whole_in_table(c, first, last, KGB_LEX_COMPANY) ||
      kgb_ner_whole_in_table(c, first, last, KGB_LEX_PLACE))
    return 0;
  pos = kgb_pos_at(c->pos, first);
  return pos && (strcmp(pos, "verb") == 0 || strcmp(pos, "adj") == 0);
}

/* Is token K a first name of the table, or a compound one whose first
 * part is ("Jean-Dominique")? */
static int first_name_at(const ner_ctx *c, size_t k)
{
  const char *fold = kgb_tok_fold(&c->doc->toks, k), *dash;
  char part[64];

  if (kgb_lexicon_find(c->lex, &c->doc->toks, k, 1, KGB_LEX_FIRSTNAME))
    return 1;
  dash = strchr(fold, '-');
  if (!dash || dash == fold || (size_t)(dash - fold) >= sizeof part ||
      !(c->doc->toks.v[k].flags & KGB_TF_CAP))
    return 0;
  memcpy(part, fold, (size_t)(dash - fold));
  part[dash - fold] = '\0';
  return kgb_lexicon_has_word(c->lex, part, KGB_LEX_FIRSTNAME);
}

/* "le patron de Acme Jean Dupont", "Acme Jean-Pierre Dupont": a person's
 * name that the tagger ran on from the firm or place before it (as a
 * person or as the firm).  The length of that firm or place
 * (in the company or place table), when a first name follows it, or 0. */
static size_t firm_then_person(const ner_ctx *c, size_t first, size_t last,
                               const char *type)
{

  if ((strcmp(type, "PER") && strcmp(type, "ORG")) || last - first < 3)
    return 0;
  for (size_t k = first + 1; k + 1 < last; k++)
    if (first_name_at(c, k) &&
        (kgb_ner_whole_in_table(c, first, k, KGB_LEX_COMPANY) ||
         kgb_ner_whole_in_table(c, first, k, KGB_LEX_PLACE)))
      return k - first;
  return 0;
}

/* « l'usine Renault de Sandouville », « le magasin Leclerc de Seclin »:
 * after a site's noun (words.txt @facility), a firm's name, "of"
 * (@siteof) and the town where the site is, which the tagger ran into
 * one name.  The length of the firm's part, or 0. */
static size_t firm_then_site(const ner_ctx *c, size_t first, size_t last)
{
  const kgb_tokens *toks = &c->doc->toks;

  if (first == 0 || !kgb_ner_word_is(c, first - 1, KGB_WORDS_FACILITY))
    return 0;
  for (size_t k = first + 1; k + 1 < last; k++) {
    if (!kgb_ner_word_is(c, k, KGB_WORDS_SITE_OF))
      continue;
    for (size_t j = k + 1; j < last; j++)
      if (!(toks->v[j].flags & KGB_TF_CAP))
        return 0;
    return k - first;
  }
  return 0;
}

/* Is token I the dot of an initial ending a name ("Cyrille P.")? */
static int initial_dot(const ner_ctx *c, size_t first, size_t i)
{
  const kgb_tokens *toks = &c->doc->toks;

  return i > first && strcmp(kgb_tok_fold(toks, i), ".") == 0 &&
         toks->v[i - 1].end == toks->v[i].begin &&
         toks->v[i - 1].end - toks->v[i - 1].begin == 1 &&
         (toks->v[i - 1].flags & KGB_TF_CAP);
}

/* Does token I break a name: punctuation other than what names hold
 * ("AT&T", "Coca-Cola", "J.P.", "L'Oréal")? */
static int breaks_name(const ner_ctx *c, size_t i)
{
  const char *f = kgb_tok_fold(&c->doc->toks, i);

  return is_punct(c, i) && strcmp(f, "-") && strcmp(f, ".") &&
         strcmp(f, "'") && strcmp(f, "&") && strcmp(f, "/");
}

static int add_span(ner_ctx *c, const kgb_sentence *s, size_t first,
                    size_t *end, size_t limit, const char *type);

/* Does the conjunction at K join two names inside [FIRST, END) ("Banque
 * Alpha et Beta Capital")?  Not in a name the company table holds
 * whole, nor before a lower-case word ("ministère de l'Économie et des
 * Finances"). */
static int joins_names(const ner_ctx *c, size_t first, size_t end, size_t k)
{
  const kgb_tokens *toks = &c->doc->toks;

  return k > first && k + 1 < end &&
         kgb_lexicon_trigger_at(c->lex, toks, k, k + 1,
                                KGB_TRIG_CONJUNCTION) == 1 &&
         (toks->v[k + 1].flags & KGB_TF_CAP) &&
         !kgb_lexicon_find(c->lex, toks, k + 1, 1, KGB_LEX_STOPWORD) &&
         !kgb_ner_whole_in_table(c, first, end, KGB_LEX_COMPANY);
}

/* Add the tagger's name [FIRST, *END) of TYPE in sentence S as the
 * pieces that punctuation inside it leaves ("Bertrand (Quick" is two
 * names): the model may run a name over a bracket or a comma.  *END may
 * grow, up to LIMIT. */
static int add_pieces(ner_ctx *c, const kgb_sentence *s, size_t first,
                      size_t *end, size_t limit, const char *type)
{
  int rc = KGB_OK;

  size_t from = first, whole = *end;

  for (size_t k = first; k < *end && rc == KGB_OK; k++)
    if (breaks_name(c, k) || joins_names(c, from, whole, k)) {
      size_t piece_end = k;
      if (k > first)
        rc = add_span(c, s, first, &piece_end, k, type);
      first = k + 1;
    }
  if (rc == KGB_OK && first < *end)
    rc = add_span(c, s, first, end, limit, type);
  return rc;
}

/* Is [FIRST, LAST) one word that only the tagger's TYPE made a person
 * or a place of, CLS: no table, first name or title backs it?  The
 * tagger reads unknown brands that way ("Tervola", « Brivane »), and a
 * pattern whose context says "firm" may retype it. */
static int guessed_word(const ner_ctx *c, size_t first, size_t last,
                        kgb_class cls, const char *type)
{
  return last - first == 1 && cls == class_of_type(type) &&
         (cls == KGB_CLASS_PERSON || cls == KGB_CLASS_PLACE) &&
         !kgb_ner_cue_before(c, first, KGB_TRIG_HONORIFIC) &&
         !first_name_at(c, first) &&
         !kgb_ner_whole_in_table(c, first, last, KGB_LEX_PLACE) &&
         !kgb_ner_whole_in_table(c, first, last, KGB_LEX_DEMONYM);
}

/* Add the tagger's name [FIRST, *LAST) of TYPE in sentence S; *LAST may
 * grow, up to LIMIT. */
static int add_span(ner_ctx *c, const kgb_sentence *s, size_t first,
                    size_t *end, size_t limit, const char *type)
{
  kgb_class cls;
  size_t last = *end, n;
  int rc = KGB_OK, found;

  while (first < last && is_punct(c, first))
    first++;
  while (last > first && is_punct(c, last - 1) && !initial_dot(c, first,
                                                                 last - 1))
    last--;
  if (first < last && (n = honorific_at(c, first, last)) > 0) {
    first += n;   /* "Me Durand": the title is no part of the name */
    type = "PER";
  }
  /* A stock symbol ("AMZN.O") names no entity: the rules tie it to the
   * firm it follows. */
  if (first == last || lower_opener(c, s, first, last) ||
      verb_opener(c, s, first, last) ||
      (last == first + 1 &&
       kgb_token_is_ticker(c->doc->text, &c->doc->toks.v[first])))
    return KGB_OK;
  if ((n = firm_then_person(c, first, last, type)) > 0) {
    size_t firm_end = first + n;
    rc = add_span(c, s, first, &firm_end, first + n,
                  kgb_ner_whole_in_table(c, first, first + n, KGB_LEX_COMPANY)
                      ? "ORG" : "LOC");
    first += n;
    type = "PER";
    if (rc != KGB_OK)
      return rc;
  }
  if ((n = firm_then_site(c, first, last)) > 0) {
    size_t firm_end = first + n, site = first + n + 1;
    rc = add_span(c, s, first, &firm_end, first + n, "ORG");
    if (rc == KGB_OK)
      rc = add_span(c, s, site, end, limit, "LOC");
    return rc;
  }

  /* "Acme Holdings" then "Inc": the legal form belongs to the name. */
  while (last < limit &&
         kgb_lexicon_find(c->lex, &c->doc->toks, last, 1, KGB_LEX_LEGAL) &&
         !(c->doc->toks.v[last].flags & KGB_TF_NL_BEFORE) && last - first < 8)
    last++;
  if (last > *end)
    *end = last;
  cls = span_class(c, s, first, last, type);
  if (cls == KGB_CLASS_UNKNOWN) {
    if (demonym_span(c, first, last, &rc) ||
        kgb_ner_based_adjective(c, first, last, 1, &rc) == last - first)
      return rc;
    /* Other MISC names (products, works, brands) have no class in the
     * ontology, unless a pattern's context gives them one ("the
     * brands A and B", « filiale de X »). */
    if (!kgb_ner_has_event_word(c, first, last))
      return kgb_ner_add_guessed(c, first, last);
    cls = KGB_CLASS_EVENT;
  }
  if (known_span(c, cls, first, last, &rc))
    return rc;
  if (last - first == 1 &&
      (found = kgb_ner_add_short_name(c, first, cls)) != 0)
    return found < 0 ? found : KGB_OK;
  rc = kgb_ner_add_named(c, cls, first, last, -1);
  if (rc == KGB_OK && guessed_word(c, first, last, cls, type))
    c->fs->mentions[c->fs->n_mentions - 1].flags |= KGB_MF_GUESSED;
  if (rc == KGB_OK)
    rc = kgb_ner_acronym_after(c, first, last,
                               c->fs->mentions[c->fs->n_mentions - 1].entity);
  return rc;
}

/* Between the tagger's names: the rules' own places, a demonym or a
 * "Munich-based", which the tagger leaves out or calls MISC.  The tokens
 * used from I (at least 1). */
static size_t between_spans(ner_ctx *c, const kgb_sentence *s, size_t i,
                            size_t limit, int *rc)
{
  const kgb_lex_entry *e = NULL;
  size_t n = kgb_ner_based_adjective(c, i, limit, 1, rc);

  if (n || *rc)
    return n ? n : 1;
  /* A company or place of the curated tables, written with its capital,
   * that the model passed over. */
  if ((c->doc->toks.v[i].flags & KGB_TF_CAP) &&
      !kgb_lexicon_find(c->lex, &c->doc->toks, i, 1, KGB_LEX_STOPWORD)) {
    size_t nc = kgb_lexicon_longest(c->lex, &c->doc->toks, i, limit - i,
                                    KGB_LEX_COMPANY, NULL);
    size_t np = kgb_lexicon_longest(c->lex, &c->doc->toks, i, limit - i,
                                    KGB_LEX_PLACE, NULL);
    kgb_class cls = nc >= np ? KGB_CLASS_ORGANIZATION : KGB_CLASS_PLACE;
    if ((n = nc > np ? nc : np) && known_span(c, cls, i, i + n, rc))
      return n;
  }
  n = kgb_lexicon_longest(c->lex, &c->doc->toks, i, limit - i,
                          KGB_LEX_DEMONYM, &e);
  if (n) {
    *rc = kgb_ner_add_known(c, KGB_CLASS_PLACE,
                            c->lex->places[e->value].name, i, i + n,
                            e->value, KGB_MF_DEMONYM);
    return n;
  }
  n = kgb_ner_untyped_run(c, s, i, limit, rc);
  return n ? n : 1;
}

/* Is the sentence of N tokens from FIRST written in capitals, as
 * headlines are?  Then its capitals say nothing of names. */
int kgb_ner_shouting(const kgb_tokens *toks, size_t first, size_t n)
{
  size_t words = 0, caps = 0;

  for (size_t k = first; k < first + n; k++)
    if (toks->v[k].type == KGB_TOK_WORD) {
      words++;
      caps += (toks->v[k].flags & KGB_TF_ALLCAPS) != 0;
    }
  return words >= 3 && caps * 4 >= words * 3;
}


/* The tagger's tags for the N tokens from FIRST into TAGS. */
static int tag_tokens(ner_ctx *c, const kgb_models *m, kgb_tagfeat *tf,
                      size_t first, size_t n, int *tags)
{
  const kgb_tokens *toks = &c->doc->toks;
  char **words = kgb_calloc(n + 1, sizeof *words), *buf = NULL;
  int headline = kgb_ner_shouting(toks, first, n);
  const char *const *w = (const char *const *)words;
  kgb_featseq seq;
  int rc = words ? KGB_OK : KGB_ENOMEM;

  kgb_featseq_init(&seq);
  seq.cache = m->ner_cache;
  if (rc == KGB_OK)
    rc = kgb_tokens_texts(toks, c->doc->text, first, n, headline, &buf,
                          words);
  /* A recased headline is read as new words; any other sentence as the
   * document's own tokens. */
  if (rc == KGB_OK)
    rc = headline ? kgb_tagfeat_sentence(tf, w, n, &seq)
                  : kgb_tagfeat_tokens(tf, toks, first, n, w, &seq);
  if (rc == KGB_OK)
    rc = kgb_tagger_tag_cached(m->ner, m->ner_cache, &seq, tags);
  if (rc == KGB_OK)
    rc = kgb_tagfeat_tagged(tf, w, n, kgb_tagger_as_tagset(m->ner), tags);
  kgb_free(buf);
  kgb_free(words);
  kgb_featseq_release(&seq);
  return rc;
}

/* Append the tagger's names of sentence S to C->spans. */
static int tag_sentence(ner_ctx *c, const kgb_sentence *s,
                        const kgb_models *m)
{
  size_t first = s->first_tok, n = s->last_tok - s->first_tok, n_spans;
  const kgb_tagset *set = kgb_tagger_as_tagset(m->ner);
  int *tags = kgb_calloc(n + 1, sizeof *tags);
  kgb_span *spans = kgb_calloc(n + 1, sizeof *spans);
  int rc = tags && spans ? KGB_OK : KGB_ENOMEM;

  if (rc == KGB_OK && !c->tf[s->lang] &&
      kgb_tagfeat_new(c->lex, &m->clusters, &c->tf[s->lang]) != KGB_OK)
    rc = KGB_ENOMEM;
  if (rc == KGB_OK && n)
    rc = tag_tokens(c, m, c->tf[s->lang], first, n, tags);
  n_spans = rc == KGB_OK && n ? kgb_bilou_to_spans(tags, n, spans) : 0;
  if (rc == KGB_OK && kgb_grow(&c->spans, &c->cap_spans,
                               c->n_spans + n_spans + 1, sizeof *c->spans))
    rc = KGB_ENOMEM;
  for (size_t k = 0; k < n_spans && rc == KGB_OK; k++)
    c->spans[c->n_spans++] = (ner_span){
        first + spans[k].first, first + spans[k].end,
        kgb_tagset_as_type(set, spans[k].type)};
  kgb_free(tags);
  kgb_free(spans);
  return rc;
}

int kgb_ner_tag_document(ner_ctx *c, kgb_lexicon *const lex[KGB_LANG_COUNT],
                         struct kgb_models *const models[KGB_LANG_COUNT])
{
  int rc = KGB_OK;

  for (size_t i = 0; i < c->doc->n_sentences && rc == KGB_OK; i++) {
    const kgb_sentence *s = &c->doc->sentences[i];
    const kgb_models *m = models[s->lang];
    if (s->furniture || !m || !m->ner)
      continue;
    c->lex = lex[s->lang];
    rc = tag_sentence(c, s, m);
  }
  return rc;
}

/* Is SP made of legal forms only ("SAS", "Inc"), right after token
 * END - 1? */
static int legal_only(const ner_ctx *c, const ner_span *sp, size_t end)
{
  if (sp->first != end || sp->end <= sp->first)
    return 0;
  for (size_t k = sp->first; k < sp->end; k++)
    if (!kgb_lexicon_find(c->lex, &c->doc->toks, k, 1, KGB_LEX_LEGAL))
      return 0;
  return 1;
}

int kgb_ner_tagged_sentence(ner_ctx *c, const kgb_sentence *s)
{
  int rc = KGB_OK;

  while (c->next_span < c->n_spans &&
         c->spans[c->next_span].first < s->first_tok)
    c->next_span++;
  for (size_t i = s->first_tok; i < s->last_tok && rc == KGB_OK;) {
    const ner_span *sp = c->next_span < c->n_spans
                             ? &c->spans[c->next_span] : NULL;
    size_t limit = sp && sp->first < s->last_tok ? sp->first : s->last_tok;
    if (sp && sp->first == i) {
      size_t end = sp->end;
      const char *type = sp->type;
      const ner_span *after;
      c->next_span++;
      after = c->next_span < c->n_spans ? &c->spans[c->next_span] : NULL;
      /* "Brantel" then "SAS" as two names: one firm with its legal form. */
      if (after && legal_only(c, after, end)) {
        end = after->end;
        type = "ORG";
        after = ++c->next_span < c->n_spans ? &c->spans[c->next_span] : NULL;
      }
      rc = add_pieces(c, s, i, &end,
                    after && after->first < s->last_tok ? after->first
                                                        : s->last_tok,
                    type);
      i = end;
      continue;
    }
    i += between_spans(c, s, i, limit, &rc);
  }
  return rc;
}
