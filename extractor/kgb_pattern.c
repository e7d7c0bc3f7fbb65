/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_pattern.c - matches compiled patterns over the tokens and mentions
 * of a sentence (see kgb_pattern.h; kgb_pattern_read.c reads them). */
#include "kgb_pattern_internal.h"

#include <string.h>

#include "kgb_alloc.h"

/* ---- matching --------------------------------------------------------- */

/* A token's folded form, its length and hash, computed once a sentence
 * for every pattern that tests it. */
typedef struct {
  const char *fold;
  size_t len;
  uint64_t hash;
} folded;

typedef struct {
  const kgb_patterns *ps;
  const pattern *p;
  const kgb_pattern_input *in;
  const folded *words;   /* per token of the sentence */
  size_t steps;
  size_t begin[MAX_ELEMS], end[MAX_ELEMS];
  long members[MAX_ELEMS][KGB_PATTERN_MAX_LIST];
  size_t n_members[MAX_ELEMS];
} match_state;

static int in_set(const match_state *st, int set, size_t t)
{
  const folded *w = &st->words[t - st->in->first];

  return kgb_map_get_hashed(&st->ps->sets[set], w->fold, w->len, w->hash) >=
         0;
}

static int token_is(const match_state *st, const elem *el, size_t t);

/* Is token T of a part of speech in SET?  Without parts of speech, a
 * word in lower case stands in. */
static int pos_in(const match_state *st, int set, size_t t)
{
  const kgb_token *tok = &st->in->toks->v[t];
  const char *pos = st->in->pos_of ? st->in->pos_of(st->in->pos_ctx, t)
                                   : NULL;

  if (!pos)
    return tok->type == KGB_TOK_WORD && !(tok->flags & KGB_TF_CAP);
  return kgb_map_get(&st->ps->sets[set], pos, strlen(pos)) >= 0;
}

/* Does token T pass EL (a negated class passes what the class does
 * not)? */
static int token_fits(const match_state *st, const elem *el, size_t t)
{
  return el->type == EL_WORDS || el->type == EL_POS
             ? token_is(st, el, t)
             : token_is(st, el, t) != el->negate;
}

/* A negated element ("!CAP", "!'s") asks that no such token follow: at
 * the sentence's end, nothing does. */
static int negation_at_end(const match_state *st, const elem *el, size_t t)
{
  return el->negate && el->min == 1 && el->max == 1 && t == st->in->last;
}

static int token_is(const match_state *st, const elem *el, size_t t)
{
  const kgb_token *tok = &st->in->toks->v[t];
  int word = tok->type == KGB_TOK_WORD;

  switch (el->type) {
  case EL_WORDS: return in_set(st, el->set, t) != el->negate;
  case EL_POS: return pos_in(st, el->set, t) != el->negate;
  case EL_LOWER: return word && !(tok->flags & KGB_TF_CAP);
  case EL_CAP: return word && (tok->flags & KGB_TF_CAP);
  case EL_CAPS: return word && (tok->flags & KGB_TF_ALLCAPS);
  case EL_WORD: return word;
  case EL_NUM: return tok->type == KGB_TOK_NUMBER;
  case EL_ANY: return 1;
  case EL_MENTION: case EL_TOPIC: break;
  }
  return 0;
}

/* The mention starting at T that EL accepts, or -1. */
static long mention_fits(const match_state *st, const elem *el, size_t t)
{
  const kgb_pattern_input *in = st->in;
  long m = t < in->last ? in->mention_at[t - in->first] : -1;
  const kgb_mention *mn;
  unsigned classes;

  if (m < 0)
    return -1;
  mn = &in->mentions[m];
  /* A guessed name of no class waits for an element that takes a guess
   * (ORG.guessed); one the tagger typed keeps that type elsewhere. */
  classes = mn->flags & KGB_MF_GUESSED
                ? (el->classes & ~(1u << KGB_CLASS_UNKNOWN)) | el->guessed
                : el->classes;
  if (mn->last > in->last ||
      !(classes & 1u << in->entities[mn->entity].cls) ||
      (mn->flags & el->need) != el->need || (mn->flags & el->deny))
    return -1;
  if (el->place_types) {
    int place = in->entities[mn->entity].place;
    /* A place no table lists was named by its context ("à Eisenach",
     * "Plano, Texas"): a town. */
    unsigned type = place < 0 || !in->places
                        ? (unsigned)KGB_PLACE_CITY
                        : (unsigned)in->places[place].type;
    if (!(el->place_types & 1u << type))
      return -1;
  }
  return m;
}

/* The token after mention M, or after the bracket that follows it when
 * the bracket names the same entity again ("la Fédération des
 * industries mécaniques (FIM), Bruno Grandjean"): an acronym in brackets
 * is part of the name's mention, as a reader takes it. */
static size_t mention_end(const match_state *st, long m)
{
  const kgb_pattern_input *in = st->in;
  size_t t = in->mentions[m].last;
  long inner;

  if (t + 2 >= in->last || strcmp(kgb_tok_fold(in->toks, t), "(") != 0)
    return in->mentions[m].last;
  inner = in->mention_at[t + 1 - in->first];
  if (inner < 0 || in->mentions[inner].entity != in->mentions[m].entity ||
      in->mentions[inner].last >= in->last ||
      strcmp(kgb_tok_fold(in->toks, in->mentions[inner].last), ")") != 0)
    return in->mentions[m].last;
  return in->mentions[inner].last + 1;
}

/* Mentions accepted by EL from T, one or (for a list) several joined by
 * commas and the words of @and, each maybe after up to two words of
 * @listlead ("au Maroc et en Tunisie"); their end in *END. */
static size_t mentions_from(match_state *st, size_t ei, size_t t,
                            size_t *end)
{
  const elem *el = &st->p->el[ei];
  const kgb_pattern_input *in = st->in;
  size_t n = 0;
  long m;

  while (n < KGB_PATTERN_MAX_LIST && (m = mention_fits(st, el, t)) >= 0) {
    size_t after = mention_end(st, m), next = after;
    st->members[ei][n++] = m;
    *end = after;
    if (!el->list)
      break;
    if (next < in->last && strcmp(kgb_tok_fold(in->toks, next), ",") == 0)
      next++;
    if (next < in->last && st->ps->and_set >= 0 &&
        in_set(st, st->ps->and_set, next))
      next++;
    if (next == after)
      break;
    for (int k = 0; k < 2 && next < in->last && st->ps->lead_set >= 0 &&
                    in_set(st, st->ps->lead_set, next); k++)
      next++;
    t = next;
  }
  return n;
}

/* Can element EL begin at token T?  A quick look that spares the
 * matcher most starts. */
static int may_begin_at(const match_state *st, const elem *el, size_t t)
{
  if (el->min == 0)
    return 1;
  if (el->type == EL_MENTION)
    return st->in->mention_at[t - st->in->first] >= 0;
  if (el->type == EL_WORDS && !el->negate)
    return in_set(st, el->set, t);
  return 1;
}

/* Could the element after EI begin somewhere T + MIN to T + MAX?  If not,
 * a part-of-speech element at EI need not be tried, which would tag the
 * sentence. */
static int next_may_begin(const match_state *st, size_t ei, size_t t,
                          unsigned min, unsigned max)
{
  if (ei + 1 == st->p->n)
    return 1;
  for (size_t k = min; k <= max && t + k <= st->in->last; k++)
    if (t + k == st->in->last ||   /* the end: let the matcher judge */
        may_begin_at(st, &st->p->el[ei + 1], t + k))
      return 1;
  return 0;
}

static int match_from(match_state *st, size_t ei, size_t t)
{
  const elem *el;
  size_t n = 0, end = t;

  if (ei == st->p->n)
    return 1;
  if (++st->steps > MAX_STEPS)
    return 0;
  el = &st->p->el[ei];
  st->begin[ei] = t;
  if (el->type == EL_TOPIC) {
    st->end[ei] = t;
    return match_from(st, ei + 1, t);
  }
  if (el->type == EL_MENTION) {
    st->n_members[ei] = mentions_from(st, ei, t, &end);
    if (st->n_members[ei] && match_from(st, ei + 1, end)) {
      st->end[ei] = end;
      return 1;
    }
    st->n_members[ei] = 0;
    st->end[ei] = t;
    return el->min == 0 && match_from(st, ei + 1, t);
  }
  if (negation_at_end(st, el, t)) {
    st->end[ei] = t;
    return match_from(st, ei + 1, t);
  }
  if (el->type == EL_POS && !next_may_begin(st, ei, t, el->min, el->max))
    return 0;
  while (n < el->max && t + n < st->in->last && token_fits(st, el, t + n))
    n++;
  for (;; n--) {
    if (n < el->min)
      return 0;
    st->end[ei] = t + n;
    if (match_from(st, ei + 1, t + n))
      return 1;
    if (n == 0)
      return 0;
  }
}

static void collect(const match_state *st, kgb_pattern_match *m)
{
  memset(m, 0, sizeof *m);
  m->kind = st->p->kind;
  m->begin = st->begin[0];
  m->end = st->end[st->p->n - 1];
  m->name = st->p->name;
  m->confidence = st->p->confidence;
  for (size_t i = 0; i < st->p->n; i++) {
    const elem *el = &st->p->el[i];
    if (el->type == EL_TOPIC) {
      *(el->role == ROLE_SUBJECT ? &m->subject_topic : &m->object_topic) = 1;
    } else if (el->role == ROLE_SUBJECT && el->type != EL_MENTION) {
      m->back_first = st->begin[i];
      m->back_last = st->end[i];
    } else if (el->role == ROLE_SUBJECT) {
      memcpy(m->subject, st->members[i], st->n_members[i] * sizeof(long));
      m->n_subject = st->n_members[i];
    } else if (el->role == ROLE_OBJECT && el->type == EL_MENTION) {
      memcpy(m->object, st->members[i], st->n_members[i] * sizeof(long));
      m->n_object = st->n_members[i];
    } else if (el->role == ROLE_OBJECT) {
      m->literal_first = st->begin[i];
      m->literal_last = st->end[i];
    }
  }
}

/* Into HAS (bit_words words), the sets some token of the sentence is
 * in: one lookup a token. */
static void sentence_sets(const match_state *st, uint64_t *has)
{
  const kgb_patterns *ps = st->ps;

  for (size_t t = st->in->first; t < st->in->last; t++) {
    const folded *w = &st->words[t - st->in->first];
    int row = kgb_map_get_hashed(&ps->word_rows, w->fold, w->len, w->hash);
    if (row >= 0)
      for (size_t k = 0; k < ps->bit_words; k++)
        has[k] |= ps->set_bits[(size_t)row * ps->bit_words + k];
  }
}

static int sentence_has(const uint64_t *has, int set)
{
  return (has[set / 64] >> (set % 64)) & 1;
}

/* Could P match in the sentence: does each word it needs occur?  Most
 * sentences lack a pattern's words, and are spared its matching (and
 * the parts of speech it would ask for). */
static int words_present(const pattern *p, const uint64_t *has)
{
  for (size_t i = 0; i < p->n; i++) {
    const elem *el = &p->el[i];
    if (el->type == EL_WORDS && !el->negate && el->min > 0 &&
        !sentence_has(has, el->set))
      return 0;
  }
  return 1;
}

/* The classes of the mentions that lie in the sentence, as bits, and
 * how many there are. */
static unsigned sentence_classes(const kgb_pattern_input *in, size_t *count)
{
  unsigned mask = 0;

  *count = 0;
  for (size_t t = in->first; t < in->last; t++) {
    long m = in->mention_at[t - in->first];
    if (m >= 0 && in->mentions[m].last <= in->last) {
      mask |= 1u << in->entities[in->mentions[m].entity].cls;
      ++*count;
    }
  }
  return mask;
}

/* Could P's mentions be found: as many in the sentence as it needs, each
 * of a class it takes?  Checked before any part of speech is asked for,
 * which would tag the sentence. */
static int mentions_present(const pattern *p, unsigned classes, size_t count)
{
  size_t need = 0;

  for (size_t i = 0; i < p->n; i++) {
    const elem *el = &p->el[i];
    if (el->type != EL_MENTION || el->min == 0)
      continue;
    if (!((el->classes | el->guessed) & classes) || ++need > count)
      return 0;
  }
  return 1;
}

int kgb_patterns_run(const kgb_patterns *ps, const kgb_pattern_input *in,
                     kgb_pattern_fn fn, void *ctx)
{
  match_state st;
  kgb_pattern_match m;
  int rc;

  folded *words;
  uint64_t *has;
  int rc2 = KGB_OK;
  unsigned classes;
  size_t n_mentions;

  if (!ps || in->last <= in->first)
    return KGB_OK;
  words = kgb_malloc((in->last - in->first) * sizeof *words);
  has = kgb_calloc(ps->bit_words + 1, sizeof *has);
  if (!words || !has) {
    kgb_free(words);
    kgb_free(has);
    return KGB_ENOMEM;
  }
  for (size_t t = in->first; t < in->last; t++) {
    folded *w = &words[t - in->first];
    w->fold = kgb_tok_fold(in->toks, t);
    w->len = strlen(w->fold);
    w->hash = kgb_map_hash_more(KGB_MAP_HASH_INIT, w->fold, w->len);
  }
  st.ps = ps;
  st.in = in;
  st.words = words;
  sentence_sets(&st, has);
  classes = sentence_classes(in, &n_mentions);
  for (size_t i = 0; i < ps->n; i++) {
    st.p = &ps->v[i];
    if (!words_present(st.p, has) ||
        !mentions_present(st.p, classes, n_mentions))
      continue;
    for (size_t t = in->first; t < in->last; t++) {
      st.steps = 0;
      if (!may_begin_at(&st, &st.p->el[0], t) || !match_from(&st, 0, t))
        continue;
      collect(&st, &m);
      if ((rc = fn(ctx, &m))) {
        rc2 = rc;
        goto done;
      }
    }
  }
done:
  kgb_free(words);
  kgb_free(has);
  return rc2;
}
