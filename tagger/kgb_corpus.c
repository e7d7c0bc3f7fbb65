/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_corpus.c - training sentences from CoNLL-style column files
 * (CoNLL-2003, two-column IOB or BILOU, training/convert.py's output) and
 * from CoNLL-U. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kgb_alloc.h"
#include "kgb_corpus.h"
#include "kgb_world_internal.h"

#define MAX_COLUMNS 16
#define CONLLU_COLUMNS 10

void kgb_corpus_init(kgb_corpus *c) { memset(c, 0, sizeof *c); }

void kgb_corpus_release(kgb_corpus *c)
{
  for (size_t i = 0; i < c->n_tok; i++) {
    kgb_free(c->words[i]);
    kgb_free(c->labels[i]);
  }
  kgb_free(c->words);
  kgb_free(c->labels);
  kgb_free(c->line);
  kgb_free(c->sent);
  kgb_free(c->file);
  kgb_free(c->doc_start);
  kgb_corpus_init(c);
}

/* Reading one file: the sentence under way starts at token FIRST. */
typedef struct {
  kgb_world *world;
  kgb_corpus *c;
  const char *path;
  size_t line, first;
  int conllu;            /* -1 not yet known, 0 columns, 1 CoNLL-U */
  int new_doc;           /* the next sentence opens a document */
} reading;

static int add_token(reading *r, const char *word, const char *label)
{
  kgb_corpus *c = r->c;
  char *w, *l;

  if (kgb_grow(&c->words, &c->cap_words, c->n_tok + 1, sizeof *c->words) ||
      kgb_grow(&c->labels, &c->cap_labels, c->n_tok + 1,
               sizeof *c->labels) ||
      kgb_grow(&c->line, &c->cap_line, c->n_tok + 1, sizeof *c->line))
    return KGB_ENOMEM;
  w = kgb_strdup(word);
  l = kgb_strdup(label);
  if (!w || !l) {
    kgb_free(w);
    kgb_free(l);
    return KGB_ENOMEM;
  }
  c->words[c->n_tok] = w;
  c->labels[c->n_tok] = l;
  c->line[c->n_tok++] = r->line;
  return KGB_OK;
}

/* Close the sentence under way, if it has tokens. */
static int end_sentence(reading *r)
{
  kgb_corpus *c = r->c;

  if (c->n_tok == r->first)
    return KGB_OK;
  if (kgb_grow(&c->sent, &c->cap_sent, c->n_sent + 2, sizeof *c->sent) ||
      kgb_grow(&c->file, &c->cap_file, c->n_sent + 1, sizeof *c->file) ||
      kgb_grow(&c->doc_start, &c->cap_doc, c->n_sent + 1,
               sizeof *c->doc_start))
    return KGB_ENOMEM;
  c->doc_start[c->n_sent] = (unsigned char)r->new_doc;
  r->new_doc = 0;
  c->sent[c->n_sent] = r->first;
  c->file[c->n_sent++] = r->path;
  c->sent[c->n_sent] = c->n_tok;
  r->first = c->n_tok;
  return KGB_OK;
}

/* Split LINE in place at tabs (when it has one) or runs of spaces; the
 * number of fields, at most MAX_COLUMNS + 1. */
static size_t split(char *line, char **fields)
{
  size_t n = 0;

  if (strchr(line, '\t')) {
    for (char *p = line; n <= MAX_COLUMNS; p++) {
      fields[n++] = p;
      if (!(p = strchr(p, '\t')))
        break;
      *p = '\0';
    }
    return n;
  }
  for (char *p = line; *p && n <= MAX_COLUMNS;) {
    while (*p == ' ')
      p++;
    if (!*p)
      break;
    fields[n++] = p;
    p += strcspn(p, " ");
    if (*p)
      *p++ = '\0';
  }
  return n;
}

static int is_blank(const char *line)
{
  return line[strspn(line, " \t")] == '\0';
}

static int bad_line(reading *r, const char *expected)
{
  return kgb_report(r->world, KGB_EPARSE, "%s:%zu: expected %s", r->path,
                    r->line, expected);
}

/* One CoNLL-U word line: ID FORM LEMMA UPOS ... */
static int conllu_line(reading *r, char **fields, size_t n)
{
  if (n != CONLLU_COLUMNS)
    return bad_line(r, "10 tab-separated CoNLL-U columns");
  /* Multiword token ranges (1-2) and empty nodes (1.1) are no words. */
  if (strpbrk(fields[0], "-."))
    return KGB_OK;
  if (!*fields[1] || !*fields[3] || strcmp(fields[3], "_") == 0)
    return bad_line(r, "a FORM and a UPOS");
  return add_token(r, fields[1], fields[3]);
}

static int read_line(reading *r, char *line)
{
  char *fields[MAX_COLUMNS + 1];
  size_t n, len = strlen(line);
  int tabs;

  while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
    line[--len] = '\0';
  if (is_blank(line))
    return end_sentence(r);
  /* A comment, unless a '#' token in tab-separated columns. */
  if (line[0] == '#' && (r->conllu == 1 || line[1] != '\t')) {
    if (!strncmp(line, "# doc", 5) || !strncmp(line, "# newdoc", 8))
      r->new_doc = 1;
    return KGB_OK;
  }
  tabs = strchr(line, '\t') != NULL;
  if ((n = split(line, fields)) == 0)
    return bad_line(r, "TOKEN<TAB>TAG");
  if (r->conllu < 0)   /* the first word line tells */
    r->conllu = tabs && n == CONLLU_COLUMNS;
  if (r->conllu == 1)
    return conllu_line(r, fields, n);
  if (strcmp(fields[0], "-DOCSTART-") == 0) {
    int rc = end_sentence(r);
    r->new_doc = 1;
    return rc;
  }
  if (n < 2 || n > MAX_COLUMNS || !*fields[0] || !*fields[n - 1])
    return bad_line(r, "TOKEN<TAB>TAG");
  return add_token(r, fields[0], fields[n - 1]);
}

static int has_suffix(const char *s, const char *suffix)
{
  size_t n = strlen(s), k = strlen(suffix);

  return n >= k && strcmp(s + n - k, suffix) == 0;
}

int kgb_corpus_read(kgb_world *world, kgb_corpus *c, const char *path)
{
  reading r = {world, c, path, 0, c->n_tok,
               has_suffix(path, ".conllu") ? 1 : -1, 1};
  FILE *f = fopen(path, "r");
  char *line = NULL;
  size_t cap = 0;
  int rc = KGB_OK;

  if (!f)
    return kgb_report(world, errno == ENOENT ? KGB_ENOTFOUND : KGB_EIO,
                      "%s: cannot read: %s", path, strerror(errno));
  errno = 0;
  while (rc == KGB_OK && getline(&line, &cap, f) != -1) {
    r.line++;
    rc = read_line(&r, line);
  }
  if (rc == KGB_OK && ferror(f))   /* a directory, a device failing */
    rc = kgb_report(world, KGB_EIO, "%s: cannot read: %s", path,
                    strerror(errno ? errno : EIO));
  if (rc == KGB_OK)
    rc = end_sentence(&r);
  if (rc == KGB_ENOMEM)
    kgb_report(world, rc, "%s: out of memory", path);
  free(line);
  fclose(f);
  return rc;
}
