/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_query_regex.c - REPLACE patterns that match an empty string.
 *
 * rasqal 0.9.33 replaces with POSIX regular expressions and, after a
 * match of no characters, searches again from the same place: REPLACE
 * of "x*", "^", "b?" or "\\b" loops, taking memory, until the query's
 * bounds stop it minutes later.  SPARQL takes REPLACE from XPath's
 * fn:replace, for which a pattern that matches the empty string is an
 * error (FORX0003), so no right answer is lost by refusing it before
 * the query runs, with the query's own words. */
#include <regex.h>
#include <string.h>

#include "kgb_buf.h"
#include "kgb_query_internal.h"

enum { MAX_ARGS = 4 };

static const char *skip_space(const char *p, const char *end)
{
  while (p < end && strchr(" \t\r\n", *p))
    p++;
  return p;
}

static int unescape(char c)
{
  static const char from[] = "tbnrf\"'\\", to[] = "\t\b\n\r\f\"'\\";
  const char *at = strchr(from, c);

  return c && at ? to[at - from] : -1;
}

/* The string literal that is all of TEXT[FROM..TO) but spaces, unescaped
 * into B: 1, or 0 when it is something else (a variable, a call). */
static int literal_arg(const char *from, const char *to, kgb_buf *b)
{
  const char *p = skip_space(from, to), *end = to;
  size_t quotes;
  char q;

  while (end > p && strchr(" \t\r\n", end[-1]))
    end--;
  if (p == end || (*p != '"' && *p != '\''))
    return 0;
  q = *p;
  quotes = end - p >= 6 && p[1] == q && p[2] == q ? 3 : 1;
  if ((size_t)(end - p) < 2 * quotes)
    return 0;
  for (size_t i = 1; i <= quotes; i++)
    if (end[-(long)i] != q)
      return 0;
  kgb_buf_clear(b);
  for (p += quotes, end -= quotes; p < end; p++) {
    int c = *p;
    if (c == '\\' && (c = unescape(*++p)) < 0)
      return 0;   /* \u escapes and the like: not checked */
    if (kgb_buf_putc(b, (char)c))
      return 0;
  }
  return 1;
}

/* Does R match no characters somewhere in S, searched as rasqal's
 * REPLACE searches it (each search from the end of the last match)? */
static int empty_match_in(const regex_t *r, const char *s)
{
  size_t at = 0, len = strlen(s);
  regmatch_t m;

  do {
    if (regexec(r, s + at, 1, &m, at ? REG_NOTBOL : 0) != 0)
      return 0;
    if (m.rm_eo == m.rm_so)
      return 1;
    at += (size_t)m.rm_eo;
  } while (at < len);
  return 0;
}

/* Can PATTERN, with FLAGS, match an empty string?  Probed on a few
 * texts: the empty one (XPath's rule), words, spaces, signs and digits,
 * where a word boundary or an anchor matches.  A pattern that only
 * matches empty in other texts is not caught; the query's bounds still
 * stop it.  A pattern that does not compile is rasqal's to report. */
static int matches_empty(const char *pattern, const char *flags)
{
  static const char *const probes[] = {"", "a", "ab cd", "Ab-1 e.f\n2"};
  regex_t r;
  int found = 0;

  if (regcomp(&r, pattern,
              REG_EXTENDED | (flags && strchr(flags, 'i') ? REG_ICASE : 0)))
    return 0;
  for (size_t i = 0; !found && i < sizeof probes / sizeof *probes; i++)
    found = empty_match_in(&r, probes[i]);
  regfree(&r);
  return found;
}

/* The arguments of the call whose '(' is at OPEN in the mask M, up to
 * CLOSE: each one's start and end; how many. */
static size_t split_args(const char *open, const char *close,
                         const char *from[MAX_ARGS], const char *to[MAX_ARGS])
{
  size_t n = 0;
  int depth = 0;

  from[0] = open + 1;
  for (const char *p = open + 1; p < close && n < MAX_ARGS; p++) {
    if (*p == '(')
      depth++;
    else if (*p == ')')
      depth--;
    else if (*p == ',' && depth == 0) {
      to[n++] = p;
      if (n < MAX_ARGS)
        from[n] = p + 1;
    }
  }
  if (n < MAX_ARGS)
    to[n++] = close;
  return n;
}

/* Does the REPLACE call at P (in the mask M of TEXT) have a literal
 * pattern that matches an empty string? */
static int empty_replace_at(const char *text, const char *m, const char *p)
{
  const char *open = skip_space(p + strlen("REPLACE"), p + strlen(p));
  const char *close, *from[MAX_ARGS], *to[MAX_ARGS];
  kgb_buf pattern, flags;
  size_t n;
  int empty = 0;

  if (*open != '(' || !(close = kgb_query_group_end(open)))
    return 0;
  n = split_args(open, close - 1, from, to);
  if (n < 3)
    return 0;
  kgb_buf_init(&pattern);
  kgb_buf_init(&flags);
  /* The same places in the text as in its mask. */
  if (literal_arg(text + (from[1] - m), text + (to[1] - m), &pattern) &&
      (n < 4 ||
       literal_arg(text + (from[3] - m), text + (to[3] - m), &flags)))
    empty = matches_empty(pattern.data ? pattern.data : "",
                          flags.data ? flags.data : "");
  kgb_buf_release(&pattern);
  kgb_buf_release(&flags);
  return empty;
}

const char *kgb_query_replace_fault(const char *text, const char *m)
{
  for (const char *p = m; (p = kgb_query_find_keyword(p, "REPLACE", 0));
       p++)
    if (empty_replace_at(text, m, p))
      return "REPLACE with a pattern that matches an empty string (an "
             "error in SPARQL, whose REPLACE is XPath's fn:replace; rasqal "
             "loops on it)";
  return NULL;
}
