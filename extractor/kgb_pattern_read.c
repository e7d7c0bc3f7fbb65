/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_pattern_read.c - reads words.txt and patterns.txt into compiled
 * patterns (see kgb_pattern.h), with errors naming the file, the line and
 * the cause; and the word sets the C rules ask about. */
#include "kgb_pattern_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kgb_alloc.h"
#include "kgb_datafile.h"
#include "kgb_utf8.h"
#include "kgb_world_internal.h"

static const char *const wordset_names[KGB_WORDS_COUNT] = {
#define KGB_WORDSET_NAME(e, name) [KGB_WORDS_##e] = name,
  KGB_WORDSETS(KGB_WORDSET_NAME)
#undef KGB_WORDSET_NAME
};

typedef struct {
  kgb_patterns *ps;
  char why[160];
} load_ctx;

/* ---- reading ---------------------------------------------------------- */

/* Write the reason (FMT holds one %s, WHAT) and fail. */
__attribute__((format(printf, 2, 3)))
static int fail(load_ctx *ctx, const char *fmt, ...)
{
  va_list ap;

  va_start(ap, fmt);
  vsnprintf(ctx->why, sizeof ctx->why, fmt, ap);
  va_end(ap);
  return KGB_EPARSE;
}

static int new_set(kgb_patterns *ps, int *index)
{
  if (kgb_grow(&ps->sets, &ps->cap_sets, ps->n_sets + 1, sizeof *ps->sets))
    return KGB_ENOMEM;
  kgb_map_init(&ps->sets[ps->n_sets]);
  *index = (int)ps->n_sets++;
  return KGB_OK;
}

/* Add the words of LIST, separated by SEP, folded, to set INDEX. */
static int add_words(kgb_patterns *ps, int index, char *list, char sep)
{
  char *word = list;

  while (word) {
    char *next = strchr(word, sep), *fold;
    int rc;
    if (next)
      *next++ = '\0';
    if (*word) {
      if (!(fold = kgb_utf8_fold(word, strlen(word))))
        return KGB_ENOMEM;
      rc = kgb_map_put(&ps->sets[index], fold, strlen(fold), 1);
      kgb_free(fold);
      if (rc)
        return rc;
    }
    word = next;
  }
  return KGB_OK;
}

/* "@name<TAB>word word ...": a word set, added to when named again. */
static int on_set(load_ctx *ctx, char *name, char *words)
{
  kgb_patterns *ps = ctx->ps;
  int index = kgb_map_get(&ps->set_names, name, strlen(name));
  int rc;

  if (index < 0) {
    if ((rc = new_set(ps, &index)) ||
        (rc = kgb_map_put(&ps->set_names, name, strlen(name), index)))
      return rc;
    if (strcmp(name, "@and") == 0)
      ps->and_set = index;
    if (strcmp(name, "@listlead") == 0)
      ps->lead_set = index;
  }
  return add_words(ps, index, words, ' ');
}

static const struct {
  const char *name;
  unsigned classes;
} mention_names[] = {
  {"ORG", 1u << KGB_CLASS_ORGANIZATION | 1u << KGB_CLASS_UNKNOWN},
  {"PER", 1u << KGB_CLASS_PERSON},
  {"LOC", 1u << KGB_CLASS_PLACE},
  {"EVENT", 1u << KGB_CLASS_EVENT},
  {"NAME", 1u << KGB_CLASS_ORGANIZATION | 1u << KGB_CLASS_PERSON |
               1u << KGB_CLASS_PLACE | 1u << KGB_CLASS_EVENT |
               1u << KGB_CLASS_UNKNOWN},
};

static const struct {
  const char *name;
  el_type type;
} token_names[] = {
  {"LOWER", EL_LOWER}, {"CAP", EL_CAP}, {"CAPS", EL_CAPS},
  {"WORD", EL_WORD},   {"NUM", EL_NUM}, {"ANY", EL_ANY},
  {"TOPIC", EL_TOPIC},
};

/* "city|region" into the bits of those place types; 0 when TEXT names
 * no place type. */
static int place_types_of(const char *text, unsigned *types)
{
  static const char *const names[] = {"continent", "country", "region",
                                      "city"};
  char copy[64];
  char *save = NULL;

  *types = 0;
  if (strlen(text) >= sizeof copy)
    return 0;
  strcpy(copy, text);
  for (char *t = strtok_r(copy, "|", &save); t; t = strtok_r(NULL, "|", &save)) {
    size_t k = 0;
    while (k < 4 && strcmp(t, names[k]) != 0)
      k++;
    if (k == 4)
      return *types = 0;
    *types |= 1u << k;
  }
  return *types != 0;
}

/* "LOC.demonym" and the like: which mention flags are needed or not. */
static int parse_mention(load_ctx *ctx, char *core, elem *el)
{
  char *dot = strchr(core, '.');

  if (dot)
    *dot++ = '\0';
  for (size_t i = 0; i < sizeof mention_names / sizeof *mention_names; i++)
    if (strcmp(core, mention_names[i].name) == 0) {
      el->type = EL_MENTION;
      el->classes = mention_names[i].classes;
      /* A demonym stands for a place, never for a firm or a person. */
      el->deny = i == 2 ? 0 : KGB_MF_DEMONYM | KGB_MF_OWNER;
      if (!dot)
        return 1;
      if (place_types_of(dot, &el->place_types))
        el->deny = KGB_MF_DEMONYM | KGB_MF_BASED | KGB_MF_DATELINE;
      else if (strcmp(dot, "demonym") == 0)
        el->need = KGB_MF_DEMONYM;
      else if (strcmp(dot, "based") == 0)
        el->need = KGB_MF_BASED;
      else if (strcmp(dot, "owner") == 0) {
        el->need = KGB_MF_OWNER;
        el->deny = KGB_MF_DEMONYM;
      }
      else if (strcmp(dot, "guessed") == 0)
        el->guessed = 1u << KGB_CLASS_PERSON | 1u << KGB_CLASS_PLACE |
                      1u << KGB_CLASS_UNKNOWN;
      else if (strcmp(dot, "plain") == 0)
        el->deny = KGB_MF_DEMONYM | KGB_MF_BASED | KGB_MF_DATELINE;
      else {
        fail(ctx, "unknown mention kind '.%s' (known: .demonym, .based, "
                  ".owner, .guessed, .plain, .city, .region, .country and their "
                  "unions as .city|region)", dot);
        return -1;
      }
      return 1;
    }
  if (dot)
    dot[-1] = '.';
  return 0;
}

/* The repetition written at the end of PIECE ("?", "*", "+", "{1,3}"),
 * cut off; 1 when there was one. */
static int parse_repeat(load_ctx *ctx, char *piece, elem *el)
{
  size_t n = strlen(piece);
  char *brace;

  el->min = el->max = 1;
  if (n < 2 || piece[n - 2] == '\\')
    return KGB_OK;
  switch (piece[n - 1]) {
  case '?': el->min = 0; break;
  case '*': el->min = 0; el->max = MAX_REPEAT; break;
  case '+': el->list = 1; el->max = MAX_REPEAT; break;
  case '}':
    if (!(brace = strrchr(piece, '{')) || brace == piece ||
        sscanf(brace, "{%u,%u}", &el->min, &el->max) != 2 ||
        el->min > el->max || el->max > MAX_REPEAT)
      return fail(ctx, "bad repetition in '%s' (write {MIN,MAX}, MAX at "
                       "most 8)", piece);
    *brace = '\0';
    return KGB_OK;
  default: return KGB_OK;
  }
  piece[n - 1] = '\0';
  return KGB_OK;
}

/* Add every word of set FROM to set TO. */
static int copy_set(kgb_patterns *ps, int to, int from)
{
  const kgb_map *src = &ps->sets[from];

  for (size_t i = 0; i < src->cap; i++) {
    const kgb_map_slot *s = &src->slots[i];
    int rc;
    if (s->key && (rc = kgb_map_put(&ps->sets[to], src->keys + s->key - 1,
                                    s->len, 1)))
      return rc;
  }
  return KGB_OK;
}

/* "a|@set|b": words and the words of sets, into set INDEX. */
static int add_alternatives(load_ctx *ctx, int index, char *list)
{
  kgb_patterns *ps = ctx->ps;
  char *save = NULL;
  int rc = KGB_OK;

  for (char *w = strtok_r(list, "|", &save); w && rc == KGB_OK;
       w = strtok_r(NULL, "|", &save)) {
    if (*w == '@') {
      int from = kgb_map_get(&ps->set_names, w, strlen(w));
      rc = from < 0 ? fail(ctx, "word set '%s' is used before it is "
                                "defined", w)
                    : copy_set(ps, index, from);
    } else {
      rc = add_words(ps, index, w, '|');
    }
  }
  return rc;
}

static int parse_words(load_ctx *ctx, char *core, elem *el)
{
  kgb_patterns *ps = ctx->ps;
  int rc;

  el->type = EL_WORDS;
  if (*core == '!') {
    el->negate = 1;
    core++;
  }
  if (*core == '@' && !strchr(core, '|')) {
    el->set = kgb_map_get(&ps->set_names, core, strlen(core));
    return el->set < 0 ? fail(ctx, "word set '%s' is used before it is "
                                   "defined", core)
                       : KGB_OK;
  }
  if (*core == '#') {
    el->type = EL_POS;
    core++;
  }
  if (*core == '\\')
    core++;
  if (!*core)
    return fail(ctx, "an empty word");
  if ((rc = new_set(ps, &el->set)) ||
      (rc = add_alternatives(ctx, el->set, core)))
    return rc;
  /* "|" or "#|": a test no token could pass. */
  return ps->sets[el->set].count ? KGB_OK
                                 : fail(ctx, "'%s' holds no word", core);
}

static int parse_element(load_ctx *ctx, char *piece, elem *el)
{
  int rc;

  memset(el, 0, sizeof *el);
  if ((piece[0] == 's' || piece[0] == 'o') && piece[1] == ':' && piece[2]) {
    el->role = piece[0] == 's' ? ROLE_SUBJECT : ROLE_OBJECT;
    piece += 2;
  }
  if ((rc = parse_repeat(ctx, piece, el)))
    return rc;
  if ((rc = parse_mention(ctx, piece, el)) < 0)
    return KGB_EPARSE;
  if (rc) {
    if (!el->list && el->max > 1)
      return fail(ctx, "a mention ('%s') repeats only as a list (+) or "
                       "optionally (?)", piece);
    el->max = 1;
    return KGB_OK;
  }
  if (el->list)
    el->min = 1;
  el->list = 0;
  for (size_t i = 0; i < sizeof token_names / sizeof *token_names; i++)
    if (strcmp(piece + (piece[0] == '!'), token_names[i].name) == 0 &&
        (piece[0] != '!' || token_names[i].type != EL_TOPIC)) {
      el->type = token_names[i].type;
      el->negate = piece[0] == '!';
      return KGB_OK;
    }
  return parse_words(ctx, piece, el);
}

/* Each role once; a subject and an object always.  A literal object
 * (a ticker) is a word; a part that is an entity is a mention, or a word
 * that points back to one ("its", « sa »), which the caller resolves. */
static int check_roles(load_ctx *ctx, const pattern *p)
{
  int seen[3] = {0, 0, 0};
  int literal = kgb_fact_object_class(p->kind) == KGB_CLASS_NONE;

  for (size_t i = 0; i < p->n; i++) {
    const elem *el = &p->el[i];
    if (el->max == 0)
      return fail(ctx, "in pattern '%s', element %zu may never match "
                       "({MIN,0})", p->name, i + 1);
    if (el->type == EL_TOPIC && el->role == ROLE_NONE)
      return fail(ctx, "in pattern '%s', TOPIC stands for a part: write "
                       "s:TOPIC or o:TOPIC", p->name);
    if (el->role == ROLE_NONE)
      continue;
    if (seen[el->role]++)
      return fail(ctx, "pattern '%s' names a part twice", p->name);
    if ((el->type == EL_MENTION || el->type == EL_TOPIC) &&
        el->role == ROLE_OBJECT && literal)
      return fail(ctx, "in pattern '%s', a literal object is a word, not a "
                       "mention", p->name);
    if (el->type == EL_TOPIC && (el->min != 1 || el->max != 1))
      return fail(ctx, "in pattern '%s', TOPIC does not repeat", p->name);
  }
  if (!seen[ROLE_SUBJECT] || !seen[ROLE_OBJECT])
    return fail(ctx, "pattern '%s' needs a subject (s:) and an object (o:)",
                p->name);
  return KGB_OK;
}

static int parse_pattern(load_ctx *ctx, pattern *p, char *text)
{
  char *save = NULL;
  int rc;

  for (char *piece = strtok_r(text, " ", &save); piece;
       piece = strtok_r(NULL, " ", &save)) {
    if (p->n == MAX_ELEMS)
      return fail(ctx, "pattern '%s' has more than 16 elements", p->name);
    if ((rc = parse_element(ctx, piece, &p->el[p->n])))
      return rc;
    p->n++;
  }
  return p->n ? check_roles(ctx, p) : fail(ctx, "pattern '%s' is empty",
                                           p->name);
}

/* "kind<TAB>name<TAB>confidence<TAB>elements". */
static int on_pattern(load_ctx *ctx, char **f)
{
  kgb_patterns *ps = ctx->ps;
  int kind = kgb_fact_kind_by_name(f[0]);
  pattern *p;
  char *end;
  int rc;

  if (kind < 0 || (KGB_FACT_IS_NARY(kind) &&
                   kgb_fact_subject_class((kgb_fact_kind)kind) ==
                       KGB_CLASS_NONE))
    return fail(ctx, "'%s' is not a fact kind patterns make", f[0]);
  if (kgb_grow(&ps->v, &ps->cap, ps->n + 1, sizeof *ps->v))
    return KGB_ENOMEM;
  p = &ps->v[ps->n];
  memset(p, 0, sizeof *p);
  p->kind = (kgb_fact_kind)kind;
  if (!(p->name = kgb_strdup(f[1])))
    return KGB_ENOMEM;
  ps->n++;
  p->confidence = strtod(f[2], &end);
  if (*end || end == f[2] || !(p->confidence > 0 && p->confidence <= 1))
    return fail(ctx, "confidence '%s' is not a number in (0, 1]", f[2]);
  rc = parse_pattern(ctx, p, f[3]);
  return rc;
}

static int on_record(void *data, char **f, size_t n)
{
  load_ctx *ctx = data;

  if (f[0][0] == '@')
    return n == 2 ? on_set(ctx, f[0], f[1])
                  : fail(ctx, "a word set is '%s<TAB>words'", f[0]);
  return n == 4 ? on_pattern(ctx, f)
                : fail(ctx, "a pattern is 'kind<TAB>name<TAB>confidence"
                            "<TAB>elements'");
}

/* A words file holds word sets only. */
static int on_words_record(void *data, char **f, size_t n)
{
  load_ctx *ctx = data;

  if (f[0][0] != '@' || n != 2)
    return fail(ctx, "a words file holds word sets only: "
                     "'@name<TAB>words'");
  return on_set(ctx, f[0], f[1]);
}

/* Every set the C rules read, found in WORDS_PATH. */
static int resolve_wordsets(kgb_world *world, kgb_patterns *ps,
                            const char *words_path)
{
  for (int w = 0; w < KGB_WORDS_COUNT; w++) {
    const char *name = wordset_names[w];
    ps->wordsets[w] = kgb_map_get(&ps->set_names, name, strlen(name));
    if (words_path && ps->wordsets[w] < 0)
      return kgb_report(world, KGB_EPARSE, "%s: the word set %s is missing "
                        "(the rules read it)", words_path, name);
  }
  return KGB_OK;
}

int kgb_patterns_load(kgb_world *world, const char *words_path,
                      const char *path, kgb_patterns **out)
{
  load_ctx ctx = {kgb_calloc(1, sizeof(kgb_patterns)), ""};
  int rc = KGB_OK;

  *out = NULL;
  if (!ctx.ps)
    return KGB_ENOMEM;
  ctx.ps->and_set = -1;
  ctx.ps->lead_set = -1;
  kgb_map_init(&ctx.ps->set_names);
  if (words_path)
    rc = kgb_datafile_read_why(world, words_path, 2, 2, 0, on_words_record,
                               &ctx, ctx.why, sizeof ctx.why);
  if (rc == KGB_OK)
    rc = kgb_datafile_read_why(world, path, 2, 4, 0, on_record, &ctx,
                               ctx.why, sizeof ctx.why);
  if (rc == KGB_OK)
    rc = resolve_wordsets(world, ctx.ps, words_path);
  if (rc == KGB_OK && kgb_patterns_index_words(ctx.ps) != KGB_OK)
    rc = kgb_report(world, KGB_ENOMEM, "%s: out of memory", path);
  if (rc) {
    kgb_patterns_free(ctx.ps);
    return rc;
  }
  *out = ctx.ps;
  return KGB_OK;
}

void kgb_patterns_free(kgb_patterns *ps)
{
  if (!ps)
    return;
  for (size_t i = 0; i < ps->n; i++)
    kgb_free(ps->v[i].name);
  for (size_t i = 0; i < ps->n_sets; i++)
    kgb_map_release(&ps->sets[i]);
  kgb_map_release(&ps->set_names);
  kgb_map_release(&ps->word_rows);
  kgb_free(ps->set_bits);
  kgb_free(ps->sets);
  kgb_free(ps->v);
  kgb_free(ps);
}

size_t kgb_patterns_count(const kgb_patterns *ps) { return ps ? ps->n : 0; }

int kgb_patterns_word_is(const kgb_patterns *ps, kgb_wordset ws,
                         const char *fold)
{
  int set = ps ? ps->wordsets[ws] : -1;

  return set >= 0 && kgb_map_get(&ps->sets[set], fold, strlen(fold)) >= 0;
}

const char *kgb_patterns_first_word(const kgb_patterns *ps, kgb_wordset ws)
{
  int set = ps ? ps->wordsets[ws] : -1;

  /* A map keeps its keys one after another in the order they came. */
  return set >= 0 && ps->sets[set].keys_len ? ps->sets[set].keys : "";
}

int kgb_patterns_ends_with(const kgb_patterns *ps, kgb_wordset ws,
                           const char *fold, size_t min_stem)
{
  size_t n = strlen(fold);
  int set = ps ? ps->wordsets[ws] : -1;

  if (set < 0)
    return 0;
  for (size_t k = min_stem; k < n; k++)
    if (kgb_map_get(&ps->sets[set], fold + k, n - k) >= 0)
      return 1;
  return 0;
}


int kgb_patterns_index_words(kgb_patterns *ps)
{
  size_t cap_bits = 0;

  kgb_map_init(&ps->word_rows);
  ps->bit_words = ps->n_sets / 64 + 1;
  ps->n_rows = 0;
  for (size_t set = 0; set < ps->n_sets; set++) {
    const kgb_map *m = &ps->sets[set];
    for (size_t i = 0; i < m->cap; i++) {
      const kgb_map_slot *sl = &m->slots[i];
      const char *word;
      int row;
      if (!sl->key)
        continue;
      word = m->keys + sl->key - 1;
      row = kgb_map_get(&ps->word_rows, word, sl->len);
      if (row < 0) {
        if (kgb_grow(&ps->set_bits, &cap_bits,
                     (ps->n_rows + 1) * ps->bit_words, sizeof *ps->set_bits))
          return KGB_ENOMEM;
        memset(ps->set_bits + ps->n_rows * ps->bit_words, 0,
               ps->bit_words * sizeof *ps->set_bits);
        row = (int)ps->n_rows++;
        if (kgb_map_put(&ps->word_rows, word, sl->len, row))
          return KGB_ENOMEM;
      }
      ps->set_bits[(size_t)row * ps->bit_words + set / 64] |=
          (uint64_t)1 << (set % 64);
    }
  }
  return KGB_OK;
}
