/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_rule_links.c - two-part facts within a sentence: tickers,
 * subsidiaries, seats, operations, events, competitors. */
#include <string.h>

#include "kgb_rules.h"

static int is_list_glue(const kgb_rule_ctx *c, size_t k)
{
  return kgb_rule_word_is(c, k, KGB_WORDS_LIST_GLUE);
}

/* The organisation named from a token in [FROM, TO) on, however long
 * its name ("Tata Consultancy Services"), or -1 (a mention index). */
static long org_starting_at(kgb_rule_ctx *c, size_t from, size_t to)
{
  for (size_t m = c->first_mention; m < c->end_mention; m++) {
    size_t first = c->fs->mentions[m].first;
    if (first >= to)
      break;
    if (first >= from && kgb_rule_accept(c, m, KGB_CLASS_ORGANIZATION))
      return (long)m;
  }
  return -1;
}

/* After "(TSMC)" or "(SIEGn.DE)" at token K: the token past ")". */
static size_t after_parenthesis(const kgb_rule_ctx *c, size_t k)
{
  if (!kgb_rule_fold_is(c, k, "("))
    return k;
  for (size_t close = k + 1; close < c->s->last_tok && close < k + 6; close++)
    if (kgb_rule_fold_is(c, close, ")"))
      return close + 1;
  return k;
}

/* After "Switzerland's" at token K, where the firm's name follows. */
static size_t after_possessive_place(kgb_rule_ctx *c, size_t k)
{
  for (size_t m = c->first_mention; m < c->end_mention; m++) {
    const kgb_mention *mn = &c->fs->mentions[m];
    if (mn->first == k && kgb_rule_class(c, m) == KGB_CLASS_PLACE &&
        kgb_rule_word_is(c, mn->last, KGB_WORDS_POSSESSIVE))
      return mn->last + 1;
  }
  return k;
}

/* Organisations listed from token FROM on: "Zentra, Orvia and Halvor".
 * Stores up to MAX mention indices in OUT; returns how many. */
static size_t org_list(kgb_rule_ctx *c, size_t from, long *out, size_t max)
{
  size_t n = 0, k = from;

  while (n < max && k < c->s->last_tok) {
    long m;
    k = after_possessive_place(c, k);
    if ((m = org_starting_at(c, k, k + 2)) < 0)
      break;
    out[n++] = m;
    k = after_parenthesis(c, c->fs->mentions[m].last);
    if (!is_list_glue(c, k))
      break;
    while (k < c->s->last_tok && is_list_glue(c, k))
      k++;
    /* "with X and with Y" */
    if (kgb_rule_word_is(c, k, KGB_WORDS_WITH))
      k++;
  }
  return n;
}

static int is_alnum(char ch)
{
  return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
         (ch >= '0' && ch <= '9');
}

/* Is S[0..N) a ticker: "ZNT.O", "SIEGn.DE", "7203.T", or after an
 * exchange name, "Nasdaq: ZNT"?  Sets the symbol's span. */
static int ticker_text(const char *s, size_t n, size_t *b, size_t *e)
{
  const char *colon = memchr(s, ':', n);
  size_t i, upper = 0;

  if (n > 0 && s[n - 1] == '.')
    n--;   /* "(AMZN.O.)" */
  *b = 0;
  *e = n;
  if (!colon)
    return kgb_ticker_shape(s, n);
  for (i = (size_t)(colon - s) + 1; i < n && s[i] == ' '; i++)
    ;
  *b = i;
  if (n - i < 1 || n - i > 14)
    return 0;
  for (; i < n; i++) {
    if (!is_alnum(s[i]) && s[i] != '.')
      return 0;
    upper += (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9');
  }
  return upper > 0;
}

/* "Zentra (ZNT.O)", "Zentra (SIEGn.DE)", "Zentra (Nasdaq: ZNT)". */
static int tickers(kgb_rule_ctx *c)
{
  const kgb_tokens *toks = &c->doc->toks;
  int rc = KGB_OK;

  for (size_t k = c->s->first_tok + 1; k + 2 < c->s->last_tok && rc == KGB_OK;
       k++) {
    size_t close = k + 1, b, e;
    long org;
    char symbol[32];
    if (!kgb_rule_fold_is(c, k, "("))
      continue;
    while (close < c->s->last_tok && close < k + 6 && !kgb_rule_fold_is(c, close, ")"))
      close++;
    /* "( )" holds no ticker, and its span would end before it begins. */
    if (close >= c->s->last_tok || close == k + 1 || !kgb_rule_fold_is(c, close, ")"))
      continue;
    b = toks->v[k + 1].begin;
    e = toks->v[close - 1].end;
    if (!ticker_text(c->doc->text + b, e - b, &b, &e) ||
        e - b >= sizeof symbol)
      continue;
    org = kgb_rule_mention_before(c, k, KGB_CLASS_ORGANIZATION);
    if (org < 0 || c->fs->mentions[org].last != k)
      continue;
    snprintf(symbol, sizeof symbol, "%.*s", (int)(e - b),
             c->doc->text + toks->v[k + 1].begin + b);
    rc = kgb_rule_add_link(c, KGB_FACT_TICKER, c->fs->mentions[org].entity,
                           -1, symbol, 0.95, "ticker-parenthesis");
  }
  return rc;
}

/* Does a mention other than a place lie within tokens [FROM, TO)? */
static int named_between(const kgb_rule_ctx *c, size_t from, size_t to)
{
  for (size_t m = c->first_mention; m < c->end_mention; m++)
    if (c->fs->mentions[m].first >= from && c->fs->mentions[m].last <= to &&
        kgb_rule_class(c, m) != KGB_CLASS_PLACE)   /* "X, the U.S. unit of" */
      return 1;
  return 0;
}

/* "X, a subsidiary of Y", "X, filiale de Y", "Y's unit X". */
static int subsidiary_at(kgb_rule_ctx *c, size_t t, size_t len)
{
  long before = kgb_rule_mention_before(c, t, KGB_CLASS_ORGANIZATION);
  long after = kgb_rule_mention_in(c, t + len, c->s->last_tok,
                                   KGB_CLASS_ORGANIZATION);
  long child = before, parent = after;

  if (after < 0 || c->fs->mentions[after].first > t + len + 3)
    return KGB_OK;
  /* "its unit X", « sa filiale X »: the parent is the group spoken of. */
  if (t > c->s->first_tok && kgb_rule_pronoun_at(c, t - 1)) {
    double conf = 0.7;
    return kgb_rule_add_link(c, KGB_FACT_SUBSIDIARY_OF,
                             c->fs->mentions[after].entity,
                             kgb_rule_agent(c, t, &conf), NULL, conf,
                             "possessive-subsidiary");
  }
  /* The child is the name right before the cue ("X, a unit of", « X,
   * une filiale de »), whatever its class: past another name, it is in
   * another clause ("A bought B, a unit of C"). */
  if (before < 0 || c->fs->mentions[before].last + 5 < t ||
      named_between(c, c->fs->mentions[before].last, t) ||
      /* "X wants to buy the U.S. unit of Y": X acts on the unit */
      kgb_rule_verb_between(c, c->fs->mentions[before].last, t))
    return KGB_OK;
  /* "Y's unit X", and a name straight after the cue names the unit, not
   * its parent (« le groupe Y, qui comprend la filiale X »). */
  if (kgb_rule_word_is(c, c->fs->mentions[before].last,
                       KGB_WORDS_POSSESSIVE) ||
      (len == 1 && c->fs->mentions[after].first == t + 1)) {
    child = after;
    parent = before;
  }
  return kgb_rule_add_link(c, KGB_FACT_SUBSIDIARY_OF,
                           c->fs->mentions[child].entity,
                           c->fs->mentions[parent].entity, NULL, 0.8,
                           "subsidiary-cue");
}

/* "X, based in Z", "dont le siège est à Z", and the place that is "home
 * to" a list of firms. */
static int based_at(kgb_rule_ctx *c, size_t t, size_t len)
{
  long place_after = kgb_rule_mention_in(c, t + len, t + len + 3,
                                         KGB_CLASS_PLACE);
  double conf = 0.85;
  long list[16];
  size_t cue, n;
  int place, rc = KGB_OK;

  if (place_after >= 0) {   /* "Le constructeur, dont le siège est à X" */
    int org = kgb_rule_agent(c, t, &conf);
    return kgb_rule_add_link(c, KGB_FACT_BASED_IN, org,
                             c->fs->mentions[place_after].entity, NULL, conf,
                             "based-cue");
  }
  place = kgb_rule_place(c, c->s->first_tok, t, 0, 0);
  cue = kgb_rule_find_trigger(c, t + len, c->s->last_tok, KGB_TRIG_LISTCUE);
  if (place < 0 || cue >= c->s->last_tok)
    return KGB_OK;
  n = org_list(c, cue + kgb_rule_trigger(c, cue, KGB_TRIG_LISTCUE), list, 16);
  for (size_t i = 0; i < n && rc == KGB_OK; i++)
    rc = kgb_rule_add_link(c, KGB_FACT_BASED_IN,
                           c->fs->mentions[list[i]].entity, place, NULL, 0.7,
                           "home-to-list");
  return rc;
}

/* A sentence about a place that lists firms "like X and Y": "Portugal
 * has become a hub, with startups like X and Y". */
static int place_subject_list(kgb_rule_ctx *c)
{
  long list[16];
  size_t cue, n;
  int rc = KGB_OK;
  const kgb_mention *first;

  if (c->first_mention >= c->end_mention)
    return KGB_OK;
  first = &c->fs->mentions[c->first_mention];
  if (first->first > c->s->first_tok + 1 ||
      kgb_rule_class(c, c->first_mention) != KGB_CLASS_PLACE ||
      (first->flags & KGB_MF_DEMONYM))
    return KGB_OK;
  for (cue = first->last; rc == KGB_OK; cue++) {
    cue = kgb_rule_find_trigger(c, cue, c->s->last_tok, KGB_TRIG_LISTCUE);
    if (cue >= c->s->last_tok ||
        kgb_rule_find_trigger(c, first->last, cue, KGB_TRIG_FACILITY) < cue)
      break;
    n = org_list(c, cue + kgb_rule_trigger(c, cue, KGB_TRIG_LISTCUE), list,
                 16);
    for (size_t i = 0; i < n && rc == KGB_OK; i++)
      rc = kgb_rule_add_link(c, KGB_FACT_BASED_IN,
                             c->fs->mentions[list[i]].entity, first->entity,
                             NULL, 0.65, "place-subject-list");
  }
  return rc;
}

/* "X operates 12 plants in Z", « X possède 35 sites en France ». */
static int facility_at(kgb_rule_ctx *c, size_t t)
{
  long org = kgb_rule_actor_before(c, t);
  int place = kgb_rule_place(c, t + 1, c->s->last_tok, 0, 0);

  if (org < 0 || place < 0)
    return KGB_OK;
  return kgb_rule_add_link(c, KGB_FACT_OPERATES_IN, c->fs->mentions[org].entity,
                           place, NULL, 0.6, "facility-in-place");
}

/* Every organisation of a sentence that names an event takes part in
 * it, except the one reporting ("the presidency said that ..."). */
static int participation(kgb_rule_ctx *c)
{
  size_t from = c->s->first_tok, report;
  int event = -1, rc = KGB_OK;

  for (size_t m = c->first_mention; m < c->end_mention; m++)
    if (kgb_rule_class(c, m) == KGB_CLASS_EVENT)
      event = c->fs->mentions[m].entity;
  if (event < 0)
    return KGB_OK;
  report = kgb_rule_find_trigger(c, from, c->s->last_tok, KGB_TRIG_REPORT);
  if (report < c->s->last_tok &&
      kgb_rule_mention_in(c, report, c->s->last_tok, KGB_CLASS_ORGANIZATION) >= 0)
    from = report;
  for (size_t m = c->first_mention; m < c->end_mention && rc == KGB_OK; m++)
    if (c->fs->mentions[m].first >= from &&
        kgb_rule_accept(c, m, KGB_CLASS_ORGANIZATION))
      rc = kgb_rule_add_link(c, KGB_FACT_PARTICIPATES_IN,
                             c->fs->mentions[m].entity, event, NULL, 0.7,
                             "event-in-sentence");
  return rc;
}

/* « Face à Nestlé et Lactalis, ses principaux concurrents »: the list
 * ends a few tokens before the cue. */
static size_t orgs_just_before(kgb_rule_ctx *c, size_t t, long *out,
                               size_t max)
{
  long last = kgb_rule_mention_before(c, t, KGB_CLASS_ORGANIZATION);
  size_t n = 0, k;

  if (last < 0 || c->fs->mentions[last].last + 4 < t)
    return 0;
  k = c->fs->mentions[last].first;
  out[n++] = last;
  while (n < max && k > c->s->first_tok && is_list_glue(c, k - 1)) {
    long m;
    while (k > c->s->first_tok && is_list_glue(c, k - 1))
      k--;
    m = kgb_rule_mention_before(c, k, KGB_CLASS_ORGANIZATION);
    if (m < 0 || c->fs->mentions[m].last != k)
      break;
    out[n++] = m;
    k = c->fs->mentions[m].first;
  }
  return n;
}

/* "competition from X and Y", "X's rival Y", « son concurrent Y ». */
static int competitors_at(kgb_rule_ctx *c, size_t t, size_t len)
{
  double conf = 0.7;
  long list[16];
  size_t n = org_list(c, t + len, list, 16);
  size_t k = t + len;
  int main_org, rc = KGB_OK;

  if (!n) {   /* "competition from X", « son rival américain X » */
    while (k < c->s->last_tok && k < t + len + 3 &&
           c->doc->toks.v[k].type == KGB_TOK_WORD &&
           !(c->doc->toks.v[k].flags & KGB_TF_CAP))
      k++;
    n = org_list(c, k, list, 16);
  }
  if (!n)
    n = orgs_just_before(c, t, list, 16);
  if (!n)
    return KGB_OK;
  main_org = kgb_rule_agent(c, c->fs->mentions[list[0]].first < t
                                  ? (size_t)c->fs->mentions[list[n - 1]].first
                                  : t,
                             &conf);
  /* "Face à A et B, ses concurrents, le groupe...": the firm they compete
   * with is not one of them, and may come only later. */
  for (size_t i = 0; i < n; i++)
    if (c->fs->mentions[list[i]].entity == main_org)
      return KGB_OK;
  for (size_t i = 0; i < n && rc == KGB_OK; i++)
    rc = kgb_rule_add_link(c, KGB_FACT_COMPETITOR_OF, main_org,
                           c->fs->mentions[list[i]].entity, NULL, conf,
                           "competitor-cue");
  return rc;
}

/* "Zentra, a Munich-based maker", "Munich-based Zentra", "the
 * Munich-based company". */
/* Does a capitalised word follow the lower-case words from token T (at
 * most three): "the Munich-based retailer Voltline", a firm named, not
 * one spoken of? */
static int name_follows(const kgb_rule_ctx *c, size_t t)
{
  const kgb_tokens *toks = &c->doc->toks;

  for (size_t k = t; k < c->s->last_tok && k < t + 4; k++) {
    if (toks->v[k].type != KGB_TOK_WORD)
      return 0;
    if (toks->v[k].flags & KGB_TF_CAP)
      return 1;
  }
  return 0;
}

static int based_adjectives(kgb_rule_ctx *c)
{
  int rc = KGB_OK;

  for (size_t m = c->first_mention; m < c->end_mention && rc == KGB_OK; m++) {
    const kgb_mention *mn = &c->fs->mentions[m];
    long org;
    double conf = 0.85;
    int firm = -1;
    if (!(mn->flags & KGB_MF_BASED))
      continue;
    org = kgb_rule_mention_in(c, mn->last, mn->last + 2,
                              KGB_CLASS_ORGANIZATION);
    if (org < 0) {
      org = kgb_rule_mention_before(c, mn->first, KGB_CLASS_ORGANIZATION);
      if (org >= 0 && c->fs->mentions[org].last + 3 < mn->first)
        org = -1;
    }
    if (org >= 0)
      firm = c->fs->mentions[org].entity;
    else if (mn->last < c->s->last_tok &&
             c->doc->toks.v[mn->last].type == KGB_TOK_WORD &&
             !(c->doc->toks.v[mn->last].flags & KGB_TF_CAP) &&
             !name_follows(c, mn->last)) {
      /* "took the Munich-based company private": the firm spoken of
       * before, never one of its own sentence. */
      conf = 0.85;
      firm = kgb_rule_described(c, mn->first, mn->entity, &conf);
    }
    rc = kgb_rule_add_link(c, KGB_FACT_BASED_IN, firm, mn->entity, NULL, conf,
                           "place-based-adjective");
  }
  return rc;
}

int kgb_rules_links(kgb_rule_ctx *c)
{
  int rc = tickers(c);

  if (rc == KGB_OK)
    rc = based_adjectives(c);
  if (rc == KGB_OK)
    rc = participation(c);
  if (rc == KGB_OK)
    rc = place_subject_list(c);
  for (size_t t = c->s->first_tok; t < c->s->last_tok && rc == KGB_OK; t++) {
    size_t len;
    if ((len = kgb_rule_trigger(c, t, KGB_TRIG_SUBSIDIARY)))
      rc = subsidiary_at(c, t, len);
    else if ((len = kgb_rule_trigger(c, t, KGB_TRIG_BASED)))
      rc = based_at(c, t, len);
    else if ((len = kgb_rule_trigger(c, t, KGB_TRIG_COMPETE)))
      rc = competitors_at(c, t, len);
    else if (kgb_rule_trigger(c, t, KGB_TRIG_FACILITY))
      rc = facility_at(c, t);
  }
  return rc;
}
