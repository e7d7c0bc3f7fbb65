/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_lexicon.c - loading the data tables of one language. */
#include "kgb_lexicon.h"
#include "kgb_pattern.h"

#include <stdlib.h>
#include <string.h>

#include "kgb_alloc.h"
#include "kgb_buf.h"
#include "kgb_datafile.h"
#include "kgb_world_internal.h"

/* Trigger names as the data files write them, in kgb_trigger order. */
static const char *const trigger_names[KGB_TRIG_COUNT] = {
  [KGB_TRIG_INVEST] = "invest",       [KGB_TRIG_CREATE] = "create",
  [KGB_TRIG_CUT] = "cut",             [KGB_TRIG_EMPLOY] = "employ",
  [KGB_TRIG_ACQUIRE] = "acquire",     [KGB_TRIG_SUBSIDIARY] = "subsidiary",
  [KGB_TRIG_BASED] = "based",         [KGB_TRIG_COMPETE] = "compete",
  [KGB_TRIG_FACILITY] = "facility",   [KGB_TRIG_JOBNOUN] = "jobnoun",
  [KGB_TRIG_EVENTNOUN] = "eventnoun", [KGB_TRIG_LISTCUE] = "listcue",
  [KGB_TRIG_REPORT] = "report",       [KGB_TRIG_COREF] = "coref",
  [KGB_TRIG_FUTURE] = "future",       [KGB_TRIG_PASSIVE] = "passive",
  [KGB_TRIG_JOBWORD] = "jobword",     [KGB_TRIG_PLACEPREP] = "placeprep",
  [KGB_TRIG_HONORIFIC] = "honorific", [KGB_TRIG_FOUNDED] = "founded",
  [KGB_TRIG_HAVE] = "have",           [KGB_TRIG_POSSESSIVE] = "possessive",
  [KGB_TRIG_RELATIVE] = "relative",   [KGB_TRIG_CONJUNCTION] = "conjunction",
  [KGB_TRIG_NEGATION] = "negation",   [KGB_TRIG_LOSS] = "loss",
  [KGB_TRIG_CALLED_OFF] = "called-off", [KGB_TRIG_RUMOUR] = "rumour",
  [KGB_TRIG_COUNTRY_REF] = "countryref",
};

typedef struct {
  kgb_world *world;
  kgb_lexicon *lex;
  kgb_lex_type type;   /* for one-column word lists */
} load_ctx;

/* How a phrase of the data is written, beyond its folded key. */
typedef struct {
  size_t ntok;
  kgb_case required;
  /* Bit K set: token K follows token K-1 with no space, as in "A$", and
   * must in the text too, so "a $5 grant" is not Australian. */
  unsigned long long glued;
} phrase_shape;

/* Tokenize and fold PHRASE; KEY receives the folds joined by spaces. */
static int phrase_key(const char *phrase, kgb_buf *key, phrase_shape *shape)
{
  kgb_tokens toks;
  int rc;

  kgb_tokens_init(&toks);
  kgb_buf_clear(key);
  rc = kgb_tokenize(phrase, strlen(phrase), &toks);
  shape->glued = 0;
  for (size_t i = 0; rc == KGB_OK && i < toks.n; i++) {
    rc = kgb_buf_printf(key, "%s%s", i ? " " : "", kgb_tok_fold(&toks, i));
    if (i > 0 && i < 64 && !(toks.v[i].flags & KGB_TF_SPACE_BEFORE))
      shape->glued |= 1ULL << i;
  }
  shape->ntok = toks.n;
  shape->required = KGB_CASE_ANY;
  if (toks.n > 0 && (toks.v[0].flags & KGB_TF_ALLCAPS))
    shape->required = KGB_CASE_ALLCAPS;
  else if (toks.n > 0 && (toks.v[0].flags & KGB_TF_CAP))
    shape->required = KGB_CASE_CAP;
  kgb_tokens_release(&toks);
  return rc;
}

/* What a phrase, or a token, may start (kept in each token's cache too):
 * bit (1 << kgb_lex_type) for each table with a phrase that starts so,
 * bit (1 << (TRIGGER_BITS + kind)) for each trigger kind, bit
 * (1 << (WORD_BITS + kgb_lex_type)) for each table that has it whole
 * (whatever its case), PREFIX when a longer phrase starts with it, and
 * KNOWN. */
enum { TRIGGER_BITS = 14, WORD_BITS = 44 };
#define KNOWN (1ULL << 63)
#define PREFIX (1ULL << 62)   /* some longer phrase starts with it */
#define TABLE_BIT(type) (1ULL << (type))
#define TRIGGER_BIT(kind) (1ULL << (TRIGGER_BITS + (kind)))
#define WORD_BIT(type) (1ULL << (WORD_BITS + (type)))
_Static_assert((int)KGB_LEX_TYPE_COUNT <= (int)TRIGGER_BITS &&
                   (int)TRIGGER_BITS + (int)KGB_TRIG_COUNT <= (int)WORD_BITS &&
                   (int)WORD_BITS + (int)KGB_LEX_TYPE_COUNT < 62,
               "a token's cache has a bit for each table and trigger kind");

/* Add BITS to what KEY may start. */
static int or_bits(kgb_lexicon *lex, const char *key, size_t len,
                   unsigned long long bits)
{
  int at = kgb_map_get(&lex->starts, key, len);

  if (at < 0) {
    if (lex->n_start_bits >= 0x7fffffff ||
        kgb_grow(&lex->start_bits, &lex->cap_start_bits,
                 lex->n_start_bits + 1, sizeof *lex->start_bits))
      return KGB_ENOMEM;
    at = (int)lex->n_start_bits++;
    lex->start_bits[at] = KNOWN;
    if (kgb_map_put(&lex->starts, key, len, at))
      return KGB_ENOMEM;
  }
  lex->start_bits[at] |= bits;
  return KGB_OK;
}

/* The phrase KEY names an entry of TYPE (VALUE); every shorter phrase it
 * starts with ("chief executive" for "chief executive officer") is
 * recorded too, so a lookup can stop growing a phrase as soon as no entry
 * starts that way. */
static int add_starts(kgb_lexicon *lex, const char *key, size_t len,
                      kgb_lex_type type, int value)
{
  unsigned long long bits =
      TABLE_BIT(type) | (type == KGB_LEX_TRIGGER ? TRIGGER_BIT(value) : 0);
  int rc = or_bits(lex, key, len, bits | WORD_BIT(type));

  for (size_t k = 0; rc == KGB_OK && k < len; k++)
    if (key[k] == ' ')
      rc = or_bits(lex, key, k, bits | PREFIX);
  return rc;
}

static int add_phrase(kgb_lexicon *lex, const char *phrase, kgb_lex_type type,
                      int value)
{
  kgb_buf key;
  phrase_shape shape = {0, KGB_CASE_ANY, 0};
  int rc, head;
  kgb_lex_entry *e;

  kgb_buf_init(&key);
  rc = phrase_key(phrase, &key, &shape);
  if (rc || shape.ntok == 0) {
    kgb_buf_release(&key);
    return rc;
  }
  if (type == KGB_LEX_STOPWORD || type == KGB_LEX_ABBREV ||
      type == KGB_LEX_TRIGGER || type == KGB_LEX_SCALE ||
      type == KGB_LEX_BOUND || type == KGB_LEX_TITLE ||
      type == KGB_LEX_FURNITURE)
    shape.required = KGB_CASE_ANY;
  if (kgb_grow(&lex->entries, &lex->cap_entries, lex->n_entries + 1,
               sizeof *lex->entries)) {
    kgb_buf_release(&key);
    return KGB_ENOMEM;
  }
  head = kgb_map_get(&lex->phrases, key.data, key.len);
  e = &lex->entries[lex->n_entries];
  e->type = type;
  e->required_case = shape.required;
  e->glued = shape.glued;
  e->value = value;
  e->next = head;
  rc = kgb_map_put(&lex->phrases, key.data, key.len, (int)lex->n_entries);
  if (rc == KGB_OK)
    lex->n_entries++;
  if (rc == KGB_OK)
    rc = add_starts(lex, key.data, key.len, type, value);
  if (shape.ntok > lex->max_tokens)
    lex->max_tokens = shape.ntok;
  kgb_buf_release(&key);
  return rc;
}

/* Add every '|'-separated alias of LIST as TYPE/VALUE. */
static int add_aliases(kgb_lexicon *lex, char *list, kgb_lex_type type,
                       int value)
{
  char *names[64];
  size_t n = kgb_split(list, '|', names, 64);
  int rc = KGB_OK;

  for (size_t i = 0; i < n && rc == KGB_OK; i++)
    if (*names[i])
      rc = add_phrase(lex, names[i], type, value);
  return rc;
}

static int on_word(void *data, char **f, size_t n)
{
  load_ctx *ctx = data;

  (void)n;
  return add_phrase(ctx->lex, f[0], ctx->type, 0);
}

static int parse_place_type(const char *s, kgb_place_type *type)
{
  static const char *const names[] = {"continent", "country", "region",
                                      "city"};

  for (int i = 0; i < 4; i++)
    if (strcmp(s, names[i]) == 0) {
      *type = (kgb_place_type)i;
      return KGB_OK;
    }
  return KGB_EPARSE;
}

static int on_place_master(void *data, char **f, size_t n)
{
  kgb_lexicon *lex = ((load_ctx *)data)->lex;
  kgb_place *p;

  if (kgb_grow(&lex->places, &lex->cap_places, lex->n_places + 1,
               sizeof *lex->places))
    return KGB_ENOMEM;
  p = &lex->places[lex->n_places];
  memset(p, 0, sizeof *p);
  p->parent = -1;
  if (parse_place_type(f[1], &p->type))
    return KGB_EPARSE;
  p->name = kgb_strdup(f[0]);
  p->parent_name = kgb_strdup(n > 2 ? f[2] : "");
  lex->n_places++;   /* counted now so that free releases the copies */
  if (!p->name || !p->parent_name)
    return KGB_ENOMEM;
  if (kgb_map_get(&lex->place_index, f[0], strlen(f[0])) >= 0)
    return KGB_EPARSE;
  return kgb_map_put(&lex->place_index, f[0], strlen(f[0]),
                     (int)lex->n_places - 1);
}

static int place_of(load_ctx *ctx, const char *name, int *index)
{
  *index = kgb_map_get(&ctx->lex->place_index, name, strlen(name));
  return *index < 0 ? KGB_EPARSE : KGB_OK;
}

static int on_place_names(void *data, char **f, size_t n)
{
  load_ctx *ctx = data;
  int idx;

  (void)n;
  if (place_of(ctx, f[0], &idx))
    return KGB_EPARSE;
  return add_aliases(ctx->lex, f[1], ctx->type, idx);
}

static int on_company(void *data, char **f, size_t n)
{
  kgb_lexicon *lex = ((load_ctx *)data)->lex;
  int idx = (int)lex->n_companies;
  int rc;

  if (kgb_grow(&lex->companies, &lex->cap_companies, lex->n_companies + 1,
               sizeof *lex->companies))
    return KGB_ENOMEM;
  lex->companies[idx] = kgb_strdup(f[0]);
  if (!lex->companies[idx])
    return KGB_ENOMEM;
  lex->n_companies++;
  rc = add_phrase(lex, f[0], KGB_LEX_COMPANY, idx);
  if (rc == KGB_OK && n > 1)
    rc = add_aliases(lex, f[1], KGB_LEX_COMPANY, idx);
  return rc;
}

static int on_trigger(void *data, char **f, size_t n)
{
  load_ctx *ctx = data;

  (void)n;
  for (int t = 0; t < KGB_TRIG_COUNT; t++)
    if (strcmp(f[1], trigger_names[t]) == 0)
      return add_aliases(ctx->lex, f[0], KGB_LEX_TRIGGER, t);
  return KGB_EPARSE;
}

static int currency_index(kgb_lexicon *lex, const char *code)
{
  for (size_t i = 0; i < lex->n_currencies; i++)
    if (strcmp(lex->currencies[i], code) == 0)
      return (int)i;
  if (strlen(code) != 3 ||
      kgb_grow(&lex->currencies, &lex->cap_currencies, lex->n_currencies + 1,
               sizeof *lex->currencies))
    return -1;
  memcpy(lex->currencies[lex->n_currencies], code, 4);
  return (int)lex->n_currencies++;
}

static int on_quantity(void *data, char **f, size_t n)
{
  kgb_lexicon *lex = ((load_ctx *)data)->lex;
  char *end;

  (void)n;
  if (strcmp(f[1], "scale") == 0) {
    long exp = strtol(f[2], &end, 10);
    if (*end || exp < 0 || exp > 15)
      return KGB_EPARSE;
    return add_aliases(lex, f[0], KGB_LEX_SCALE, (int)exp);
  }
  if (strcmp(f[1], "currency") == 0) {
    int idx = currency_index(lex, f[2]);
    return idx < 0 ? KGB_EPARSE
                   : add_aliases(lex, f[0], KGB_LEX_CURRENCY, idx);
  }
  if (strcmp(f[1], "bound") == 0) {
    kgb_bound b = strcmp(f[2], "min") == 0   ? KGB_BOUND_MIN
                  : strcmp(f[2], "max") == 0 ? KGB_BOUND_MAX
                                             : KGB_BOUND_EXACT;
    return add_aliases(lex, f[0], KGB_LEX_BOUND, (int)b);
  }
  return KGB_EPARSE;
}

/* Parents name places that may come later in the file. */
static int resolve_parents(load_ctx *ctx, const char *path)
{
  kgb_lexicon *lex = ctx->lex;

  for (size_t i = 0; i < lex->n_places; i++) {
    kgb_place *p = &lex->places[i];
    if (!*p->parent_name)
      continue;
    p->parent = kgb_map_get(&lex->place_index, p->parent_name,
                            strlen(p->parent_name));
    if (p->parent < 0)
      return kgb_report(ctx->world, KGB_EPARSE,
                        "%s: place '%s' has unknown parent '%s'", path,
                        p->name, p->parent_name);
  }
  return KGB_OK;
}

typedef struct {
  const char *file;      /* relative to the data dir, or to DIR/<lang>/ */
  int per_language;
  size_t min, max;
  kgb_record_fn fn;
  kgb_lex_type type;
} table_spec;

static const table_spec tables[] = {
  {"places.tsv", 0, 2, 3, on_place_master, KGB_LEX_PLACE},
  {"places.tsv", 1, 2, 2, on_place_names, KGB_LEX_PLACE},
  {"demonyms.tsv", 1, 2, 2, on_place_names, KGB_LEX_DEMONYM},
  {"companies.tsv", 0, 1, 4, on_company, KGB_LEX_COMPANY},
  {"legal_suffixes.txt", 0, 1, 1, on_word, KGB_LEX_LEGAL},
  /* Names travel: an English article quotes a Frédéric, a French one a
   * Siobhan; both lists serve both languages. */
  {"en/firstnames.txt", 0, 1, 1, on_word, KGB_LEX_FIRSTNAME},
  {"fr/firstnames.txt", 0, 1, 1, on_word, KGB_LEX_FIRSTNAME},
  {"titles.txt", 1, 1, 1, on_word, KGB_LEX_TITLE},
  {"stopwords.txt", 1, 1, 1, on_word, KGB_LEX_STOPWORD},
  {"abbreviations.txt", 1, 1, 1, on_word, KGB_LEX_ABBREV},
  {"triggers.tsv", 1, 2, 2, on_trigger, KGB_LEX_TRIGGER},
  {"quantities.tsv", 1, 3, 3, on_quantity, KGB_LEX_SCALE},
  {"furniture.txt", 1, 1, 1, on_word, KGB_LEX_FURNITURE},
  {"events.txt", 1, 1, 1, on_word, KGB_LEX_EVENTWORD},
};

/* <lang>/words.txt (the word sets the rules read) and <lang>/patterns.txt,
 * into LEX->patterns. */
static int load_patterns(kgb_world *world, kgb_lexicon *lex, const char *dir)
{
  const char *code = kgb_lang_code(lex->lang);
  kgb_buf words, patterns;
  int rc;

  kgb_buf_init(&words);
  kgb_buf_init(&patterns);
  rc = kgb_buf_printf(&words, "%s/%s/words.txt", dir, code);
  if (rc == KGB_OK)
    rc = kgb_buf_printf(&patterns, "%s/%s/patterns.txt", dir, code);
  if (rc == KGB_OK)
    rc = kgb_patterns_load(world, words.data, patterns.data, &lex->patterns);
  kgb_buf_release(&words);
  kgb_buf_release(&patterns);
  return rc;
}

/* "rule<TAB>precision[<TAB>right<TAB>false]" of precision.tsv. */
static int on_precision(void *data, char **f, size_t n)
{
  kgb_lexicon *lex = data;
  char *end;
  double p = strtod(f[1], &end);

  (void)n;
  if (*end || end == f[1] || !(p >= 0 && p <= 1))
    return KGB_EPARSE;
  return kgb_map_put(&lex->precision, f[0], strlen(f[0]),
                     (int)(p * 1000 + 0.5));
}

int kgb_lexicon_load(kgb_world *world, kgb_lang lang, const char *dir,
                     kgb_lexicon **out)
{
  kgb_lexicon *lex = kgb_calloc(1, sizeof *lex);
  load_ctx ctx = {world, lex, KGB_LEX_PLACE};
  kgb_buf path;
  int rc = KGB_OK;

  *out = NULL;
  if (!lex)
    return KGB_ENOMEM;
  lex->lang = lang;
  kgb_buf_init(&path);
  for (size_t t = 0; rc == KGB_OK && t < sizeof tables / sizeof *tables; t++) {
    kgb_buf_clear(&path);
    if (tables[t].per_language)
      rc = kgb_buf_printf(&path, "%s/%s/%s", dir, kgb_lang_code(lang),
                          tables[t].file);
    else
      rc = kgb_buf_printf(&path, "%s/%s", dir, tables[t].file);
    ctx.type = tables[t].type;
    if (rc == KGB_OK)
      rc = kgb_datafile_read(world, path.data, tables[t].min, tables[t].max,
                             0, tables[t].fn, &ctx);
    if (rc == KGB_OK && tables[t].fn == on_place_master)
      rc = resolve_parents(&ctx, path.data);
  }
  kgb_buf_clear(&path);
  if (rc == KGB_OK)
    rc = load_patterns(world, lex, dir);
  kgb_buf_clear(&path);
  if (rc == KGB_OK &&
      (rc = kgb_buf_printf(&path, "%s/%s/precision.tsv", dir,
                           kgb_lang_code(lang))) == KGB_OK)
    rc = kgb_datafile_read(world, path.data, 2, 4, 1, on_precision, lex);
  kgb_buf_release(&path);
  if (rc) {
    kgb_lexicon_free(lex);
    return rc;
  }
  *out = lex;
  return KGB_OK;
}

void kgb_lexicon_free(kgb_lexicon *lex)
{
  if (!lex)
    return;
  for (size_t i = 0; i < lex->n_places; i++) {
    kgb_free(lex->places[i].name);
    kgb_free(lex->places[i].parent_name);
  }
  for (size_t i = 0; i < lex->n_companies; i++)
    kgb_free(lex->companies[i]);
  kgb_patterns_free(lex->patterns);
  kgb_map_release(&lex->precision);
  kgb_map_release(&lex->phrases);
  kgb_map_release(&lex->starts);
  kgb_free(lex->start_bits);
  kgb_map_release(&lex->place_index);
  kgb_free(lex->places);
  kgb_free(lex->companies);
  kgb_free(lex->currencies);
  kgb_free(lex->entries);
  kgb_free(lex);
}

/* Tokens [I, I+N) of the text a phrase is looked up for. */
typedef struct {
  const kgb_tokens *toks;
  size_t i, n;
} text_span;

/* 1 when the text shows E's case and keeps its glued tokens together. */
static int entry_fits(const kgb_lex_entry *e, const text_span *at)
{
  const kgb_token *first = &at->toks->v[at->i];

  if (e->required_case == KGB_CASE_CAP && !(first->flags & KGB_TF_CAP))
    return 0;
  if (e->required_case == KGB_CASE_ALLCAPS && !(first->flags & KGB_TF_ALLCAPS))
    return 0;
  for (size_t k = 1; k < at->n && k < 64; k++)
    if ((e->glued >> k & 1) &&
        (at->toks->v[at->i + k].flags & KGB_TF_SPACE_BEFORE))
      return 0;
  return 1;
}

/* The first entry of TYPE for KEY that fits AT (any entry when AT is
 * NULL: a phrase looked up as text, not met in a document). */
static const kgb_lex_entry *find_key(const kgb_lexicon *lex, const char *key,
                                     size_t len, const text_span *at,
                                     kgb_lex_type type)
{
  int idx = kgb_map_get(&lex->phrases, key, len);

  while (idx >= 0) {
    const kgb_lex_entry *e = &lex->entries[idx];
    if (e->type == type && (!at || entry_fits(e, at)))
      return e;
    idx = e->next;
  }
  return NULL;
}

/* Most tokens start no phrase of the table a rule asks for; the answer
 * is kept with the token's folded form (which equal words share), as
 * every rule asks again. */
static int may_start(const kgb_lexicon *lex, const kgb_tokens *toks,
                     size_t i, unsigned long long need)
{
  int32_t *known = &kgb_tok_form_of(toks, i)->lex_cache[lex->lang];

  if (!*known) {
    const char *f = kgb_tok_fold(toks, i);
    int at = kgb_map_get(&lex->starts, f, strlen(f));
    *known = at < 0 ? -1 : at + 1;   /* below 0x7fffffff: see or_bits */
  }
  return ((*known < 0 ? KNOWN : lex->start_bits[*known - 1]) & need) != 0;
}

/* Join the folds of tokens [I, I+N) into KEY. */
static int join_folds(const kgb_tokens *toks, size_t i, size_t n, char *key,
                      size_t size, size_t *len)
{
  size_t used = 0;

  for (size_t k = i; k < i + n; k++) {
    const char *f = kgb_tok_fold(toks, k);
    size_t m = strlen(f);
    if (used + m + 2 > size)
      return 0;
    if (k > i)
      key[used++] = ' ';
    memcpy(key + used, f, m);
    used += m;
  }
  key[used] = '\0';
  *len = used;
  return 1;
}

const kgb_lex_entry *kgb_lexicon_find(const kgb_lexicon *lex,
                                      const kgb_tokens *toks, size_t i,
                                      size_t n, kgb_lex_type type)
{
  char key[512];
  size_t len;

  if (i + n > toks->n || (n == 1 && !may_start(lex, toks, i, WORD_BIT(type))) ||
      !join_folds(toks, i, n, key, sizeof key, &len))
    return NULL;
  text_span at = {toks, i, n};
  return find_key(lex, key, len, &at, type);
}

/* Phrases starting at token I, grown a token at a time up to MAX tokens
 * while some entry still starts that way.  Calls MATCH with each length
 * that names an entry (its first entry index). */
typedef int (*match_fn)(const kgb_lexicon *lex, const text_span *at,
                        int idx, void *data);

static size_t longest_match(const kgb_lexicon *lex, const kgb_tokens *toks,
                            size_t i, size_t max, unsigned long long need,
                            match_fn match, void *data)
{
  char key[512];
  size_t len = 0, best = 0;
  uint64_t hash = KGB_MAP_HASH_INIT;

  if (max > lex->max_tokens)
    max = lex->max_tokens;
  if (i >= toks->n)
    return 0;
  if (i + max > toks->n)
    max = toks->n - i;
  if (!may_start(lex, toks, i, need))
    return 0;
  for (size_t n = 1; n <= max; n++) {
    const char *f = kgb_tok_fold(toks, i + n - 1);
    size_t m = strlen(f);
    int idx, start;
    if (len + m + 2 > sizeof key)
      break;
    if (n > 1) {
      key[len++] = ' ';
      hash = kgb_map_hash_more(hash, " ", 1);
    }
    memcpy(key + len, f, m);
    len += m;
    hash = kgb_map_hash_more(hash, f, m);
    idx = kgb_map_get_hashed(&lex->phrases, key, len, hash);
    text_span span = {toks, i, n};
    if (idx >= 0 && match(lex, &span, idx, data))
      best = n;
    if (n < max && (start = kgb_map_get_hashed(&lex->starts, key, len, hash),
                    start < 0 || !(lex->start_bits[start] & PREFIX)))
      break;
  }
  return best;
}

typedef struct {
  kgb_lex_type type;
  const kgb_lex_entry *entry;
} type_match;

static int of_type(const kgb_lexicon *lex, const text_span *at, int idx,
                   void *data)
{
  type_match *m = data;

  for (; idx >= 0; idx = lex->entries[idx].next) {
    const kgb_lex_entry *e = &lex->entries[idx];
    if (e->type == m->type && entry_fits(e, at)) {
      m->entry = e;
      return 1;
    }
  }
  return 0;
}

size_t kgb_lexicon_longest(const kgb_lexicon *lex, const kgb_tokens *toks,
                           size_t i, size_t max, kgb_lex_type type,
                           const kgb_lex_entry **entry)
{
  type_match m = {type, NULL};
  size_t n = longest_match(lex, toks, i, max, TABLE_BIT(type), of_type, &m);

  if (n && entry)
    *entry = m.entry;
  return n;
}

int kgb_lexicon_token_is(const kgb_lexicon *lex, const kgb_tokens *toks,
                         size_t i, kgb_lex_type type)
{
  return may_start(lex, toks, i, WORD_BIT(type));
}

int kgb_lexicon_has_word(const kgb_lexicon *lex, const char *word,
                         kgb_lex_type type)
{
  return find_key(lex, word, strlen(word), NULL, type) != NULL;
}

static int of_trigger(const kgb_lexicon *lex, const text_span *at,
                      int idx, void *data)
{
  int kind = *(const int *)data;

  (void)at;
  for (; idx >= 0; idx = lex->entries[idx].next)
    if (lex->entries[idx].type == KGB_LEX_TRIGGER &&
        lex->entries[idx].value == kind)
      return 1;
  return 0;
}

size_t kgb_lexicon_trigger_at(const kgb_lexicon *lex, const kgb_tokens *toks,
                              size_t i, size_t limit, kgb_trigger kind)
{
  int k = (int)kind;

  if (i >= limit)
    return 0;
  return longest_match(lex, toks, i, limit - i, TRIGGER_BIT(kind),
                       of_trigger, &k);
}

const kgb_lex_entry *kgb_lexicon_lookup(const kgb_lexicon *lex,
                                        const char *phrase, size_t len,
                                        kgb_lex_type type)
{
  kgb_tokens toks;
  const kgb_lex_entry *e = NULL;

  kgb_tokens_init(&toks);
  if (kgb_tokenize(phrase, len, &toks) == KGB_OK && toks.n > 0) {
    char key[512];
    size_t klen;
    if (join_folds(&toks, 0, toks.n, key, sizeof key, &klen))
      e = find_key(lex, key, klen, NULL, type);
  }
  kgb_tokens_release(&toks);
  return e;
}

int kgb_lexicon_place_in(const kgb_lexicon *lex, int place, int ancestor)
{
  for (int p = lex->places[place].parent, depth = 0; p >= 0 && depth < 8;
       p = lex->places[p].parent, depth++)
    if (p == ancestor)
      return 1;
  return 0;
}
