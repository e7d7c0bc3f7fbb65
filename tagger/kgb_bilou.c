/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_bilou.c - tag sets, the BILOU constraint, spans and IOB labels. */
#include <stdio.h>
#include <string.h>

#include "kgb_alloc.h"
#include "kgb_tagger_internal.h"

static int tagset_make(const char *const *types, size_t n, int plain,
                       kgb_tagset **out)
{
  kgb_tagset *set;

  *out = NULL;
  if (n == 0 || n > KGB_TAGSET_MAX_TYPES)
    return KGB_EINVAL;
  for (size_t i = 0; i < n; i++) {
    size_t len = types[i] ? strlen(types[i]) : 0;
    if (len == 0 || len > KGB_TAGSET_MAX_NAME)
      return KGB_EINVAL;
    for (size_t j = 0; j < i; j++)
      if (strcmp(types[i], types[j]) == 0)
        return KGB_EINVAL;
  }
  set = kgb_calloc(1, sizeof *set);
  if (!set || !(set->types = kgb_calloc(n, sizeof *set->types))) {
    kgb_free(set);
    return KGB_ENOMEM;
  }
  set->plain = plain;
  for (size_t i = 0; i < n; i++, set->n_types++)
    if (!(set->types[i] = kgb_strdup(types[i]))) {
      kgb_tagset_free(set);
      return KGB_ENOMEM;
    }
  *out = set;
  return KGB_OK;
}

int kgb_tagset_new(const char *const *types, size_t n, kgb_tagset **out)
{
  return tagset_make(types, n, 0, out);
}

int kgb_tagset_new_plain(const char *const *classes, size_t n,
                         kgb_tagset **out)
{
  return tagset_make(classes, n, 1, out);
}

int kgb_tagset_copy(const kgb_tagset *set, kgb_tagset **out)
{
  return tagset_make((const char *const *)set->types, set->n_types,
                     set->plain, out);
}

void kgb_tagset_free(kgb_tagset *set)
{
  if (!set)
    return;
  for (size_t i = 0; i < set->n_types; i++)
    kgb_free(set->types[i]);
  kgb_free(set->types);
  kgb_free(set);
}

int kgb_tagset_is_plain(const kgb_tagset *set) { return set->plain; }
size_t kgb_tagset_types(const kgb_tagset *set) { return set->n_types; }

size_t kgb_tagset_tags(const kgb_tagset *set)
{
  return set->plain ? set->n_types : 1 + 4 * set->n_types;
}

const char *kgb_tagset_as_type(const kgb_tagset *set, size_t type)
{
  return type < set->n_types ? set->types[type] : NULL;
}

long kgb_tagset_find(const kgb_tagset *set, const char *name)
{
  for (size_t i = 0; i < set->n_types; i++)
    if (strcmp(set->types[i], name) == 0)
      return (long)i;
  return -1;
}

int kgb_tagset_tag(size_t type, int kind) { return 1 + 4 * (int)type + kind; }

static int tag_kind(int tag) { return (tag - 1) % 4; }
static int tag_type(int tag) { return (tag - 1) / 4; }

void kgb_tagset_tag_name(const kgb_tagset *set, int tag, char *buf,
                         size_t size)
{
  static const char kinds[] = "BILU";

  if (size == 0)
    return;
  if (set->plain)
    snprintf(buf, size, "%s",
             tag >= 0 && (size_t)tag < set->n_types ? set->types[tag] : "?");
  else if (tag <= 0 || (size_t)tag_type(tag) >= set->n_types)
    snprintf(buf, size, "O");
  else
    snprintf(buf, size, "%c-%s", kinds[tag_kind(tag)],
             set->types[tag_type(tag)]);
}

int kgb_bilou_allowed(int prev, int cur)
{
  int open = prev > 0 && (tag_kind(prev) == KGB_BILOU_B ||
                          tag_kind(prev) == KGB_BILOU_I);

  if (open)
    return cur > 0 && tag_type(cur) == tag_type(prev) &&
           (tag_kind(cur) == KGB_BILOU_I || tag_kind(cur) == KGB_BILOU_L);
  return cur == 0 || tag_kind(cur) == KGB_BILOU_B ||
         tag_kind(cur) == KGB_BILOU_U;
}

int kgb_bilou_may_end(int tag)
{
  return tag == 0 || tag_kind(tag) == KGB_BILOU_L ||
         tag_kind(tag) == KGB_BILOU_U;
}

int kgb_bilou_valid(const int *tags, size_t n)
{
  for (size_t i = 0; i < n; i++)
    if (tags[i] < 0 || !kgb_bilou_allowed(i ? tags[i - 1] : -1, tags[i]))
      return 0;
  return n == 0 || kgb_bilou_may_end(tags[n - 1]);
}

int kgb_tagset_valid(const kgb_tagset *set, const int *tags, size_t n)
{
  for (size_t i = 0; i < n; i++)
    if (tags[i] < 0 || (size_t)tags[i] >= kgb_tagset_tags(set))
      return 0;
  return set->plain || kgb_bilou_valid(tags, n);
}

/* Tag tokens [FIRST, END) as one span of TYPE. */
static void mark_span(int *tags, size_t first, size_t end, size_t type)
{
  if (end - first == 1) {
    tags[first] = kgb_tagset_tag(type, KGB_BILOU_U);
    return;
  }
  tags[first] = kgb_tagset_tag(type, KGB_BILOU_B);
  for (size_t i = first + 1; i + 1 < end; i++)
    tags[i] = kgb_tagset_tag(type, KGB_BILOU_I);
  tags[end - 1] = kgb_tagset_tag(type, KGB_BILOU_L);
}

int kgb_bilou_from_spans(const kgb_span *spans, size_t n_spans,
                         size_t n_tokens, size_t n_types, int *tags)
{
  size_t done = 0;

  for (size_t i = 0; i < n_tokens; i++)
    tags[i] = 0;
  for (size_t s = 0; s < n_spans; s++) {
    const kgb_span *sp = &spans[s];
    if (sp->first < done || sp->end <= sp->first || sp->end > n_tokens ||
        sp->type >= n_types)
      return KGB_EINVAL;
    mark_span(tags, sp->first, sp->end, sp->type);
    done = sp->end;
  }
  return KGB_OK;
}

size_t kgb_bilou_to_spans(const int *tags, size_t n, kgb_span *spans)
{
  size_t count = 0, first = 0;

  for (size_t i = 0; i < n; i++) {
    if (tags[i] <= 0)
      continue;
    int kind = tag_kind(tags[i]);
    if (kind == KGB_BILOU_B || kind == KGB_BILOU_U)
      first = i;
    if (kind == KGB_BILOU_L || kind == KGB_BILOU_U)
      spans[count++] = (kgb_span){first, i + 1, (size_t)tag_type(tags[i])};
  }
  return count;
}

/* The type of LABEL's "X-TYPE" in SET, its prefix letter in *PREFIX. */
static long iob_type(const kgb_tagset *set, const char *label, char *prefix)
{
  *prefix = label[0];
  if (strcmp(label, "O") == 0)
    return -1;
  if ((label[0] != 'B' && label[0] != 'I') || label[1] != '-')
    return -2;
  for (size_t t = 0; t < set->n_types; t++)
    if (strcmp(label + 2, set->types[t]) == 0)
      return (long)t;
  return -2;
}

int kgb_bilou_from_iob(const kgb_tagset *set, const char *const *labels,
                       size_t n, int *tags)
{
  long prev_type = -1;
  size_t first = 0;

  for (size_t i = 0; i <= n; i++) {
    char prefix = 'O';
    long type = -1;
    if (i < n && !labels[i])
      return KGB_EINVAL;
    if (i < n && (type = iob_type(set, labels[i], &prefix)) == -2)
      return KGB_EINVAL;
    /* A span goes on while I- of its type follows; in IOB1 a B- of the
     * same type is what separates two spans, in IOB2 every B- starts one. */
    if (prev_type >= 0 && !(prefix == 'I' && type == prev_type)) {
      mark_span(tags, first, i, (size_t)prev_type);
      prev_type = -1;
    }
    if (i == n)
      break;
    if (type < 0) {
      tags[i] = 0;
    } else if (prev_type < 0) {
      first = i;
      prev_type = type;
    }
  }
  return KGB_OK;
}
