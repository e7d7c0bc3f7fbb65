/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_query_text.c - the query as text, before rasqal reads it.  rasqal
 * 0.9.33 cannot parse some SPARQL 1.1 (EXISTS, MINUS, property paths),
 * parses others into wrong answers or crashes (subqueries, a VALUES
 * before the patterns it joins, an empty VALUES, HAVING on an aggregate
 * not projected) and reads "2-1" as 2 and -1, which it then adds.  The
 * first are refused by name here, so the user learns what to do instead
 * of reading a syntax error; the last is mended by spacing the sign, as
 * a short VALUES, which rasqal reads after freeing, is by writing it in
 * its long form.
 *
 * Every test reads a mask of the text: comments blanked, the insides of
 * IRIs and strings turned into '_', so that no word or sign in them is
 * taken for SPARQL.  The mask is as long as the text, so a place in one
 * is the same place in the other. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "kgb_alloc.h"
#include "kgb_buf.h"
#include "kgb_query_internal.h"

/* When P opens a comment, an IRI or a string, its last character (the
 * end of the text when it does not close), else NULL: their words are
 * no keywords.  A '<' with a space or '=' after it is a comparison. */
static const char *opaque_end(const char *p)
{
  const char *end;

  if (*p == '#')
    return p + strcspn(p, "\n") - (p[strcspn(p, "\n")] ? 0 : 1);
  if (*p == '<' && p[1] && !isspace((unsigned char)p[1]) && p[1] != '=') {
    end = p + 1 + strcspn(p + 1, "> \t\n");
    return *end == '>' ? end : NULL;
  }
  if (*p != '"' && *p != '\'')
    return NULL;
  end = strchr(p + 1, *p);
  return end ? end : p + strlen(p) - 1;
}

/* Is C part of a name?  A keyword is never inside a variable (?group)
 * or a prefixed name (ex:having). */
static int name_char(char c)
{
  return isalnum((unsigned char)c) || c == '_' || c == '?' || c == '$' ||
         c == ':';
}

static int word_at(const char *from, const char *p, const char *word)
{
  size_t n = strlen(word);

  return (p == from || !name_char(p[-1])) &&
         strncasecmp(p, word, n) == 0 && !name_char(p[n]);
}

const char *kgb_query_find_keyword(const char *from, const char *word,
                                   int brace)
{
  for (const char *p = from; *p; p++) {
    const char *end = opaque_end(p);
    if (end)
      p = end;
    else if ((brace && *p == '{') || word_at(from, p, word))
      return p;
  }
  return NULL;
}

const char *kgb_query_form(const char *text)
{
  static const char *const forms[] = {"SELECT", "ASK", "CONSTRUCT",
                                      "DESCRIBE"};
  const char *form = NULL, *first = NULL;

  for (size_t i = 0; i < sizeof forms / sizeof *forms; i++) {
    const char *at = kgb_query_find_keyword(text, forms[i], 0);
    if (at && (!first || at < first)) {
      first = at;
      form = forms[i];
    }
  }
  return form;
}

const char *kgb_query_group_end(const char *open)
{
  char closer = *open == '(' ? ')' : '}';
  int depth = 0;

  for (const char *p = open; *p; p++) {
    const char *end = opaque_end(p);
    if (end)
      p = end;
    else if (*p == *open)
      depth++;
    else if (*p == closer && --depth == 0)
      return p + 1;
  }
  return NULL;
}

/* TEXT's mask (owned), or NULL when out of memory. */
static char *mask_of(const char *text)
{
  char *m = kgb_strdup(text);

  for (char *p = m; p && *p; p++) {
    char *end = (char *)opaque_end(p);
    if (!end)
      continue;
    for (char *q = p + 1; q < end; q++)
      *q = *p == '#' ? ' ' : '_';
    if (*p == '#')
      *p = *end = ' ';
    p = end;
  }
  return m;
}

static const char *skip_space(const char *p)
{
  while (isspace((unsigned char)*p))
    p++;
  return p;
}

/* Past the parenthesis that closes the one at OPEN, or the end. */
static const char *paren_end(const char *open)
{
  const char *end = kgb_query_group_end(open);

  return end ? end : open + strlen(open);
}

/* Is P a function call WORD( ? */
static int call_at(const char *m, const char *p, const char *word)
{
  return word_at(m, p, word) && *skip_space(p + strlen(word)) == '(';
}

/* The depth of braces before P. */
static int brace_depth(const char *m, const char *p)
{
  int depth = 0;

  for (const char *q = m; q < p; q++)
    depth += (*q == '{') - (*q == '}');
  return depth;
}

/* SPARQL 1.1 words rasqal 0.9.33 does not parse. */
static const char *unparsed_word(const char *m)
{
  static const char *const words[] = {"NOT EXISTS", "EXISTS", "MINUS",
                                      "SERVICE"};

  for (size_t i = 0; i < sizeof words / sizeof *words; i++)
    if (kgb_query_find_keyword(m, words[i], 0))
      return words[i];
  return NULL;
}

/* A property path: '/', '|', '^' or a '+' or '*' right after a
 * predicate, among a group's triples (not inside an expression). */
static int has_path(const char *m)
{
  int brace = 0, paren = 0;

  for (const char *p = m; *p; p++) {
    brace += (*p == '{') - (*p == '}');
    paren += (*p == '(') - (*p == ')');
    if (brace <= 0 || paren > 0)
      continue;
    if (*p == '/' || (*p == '|' && p[1] != '|' && (p == m || p[-1] != '|')))
      return 1;
    if (*p == '^' && p[1] != '^' && (p == m || p[-1] != '^'))
      return 1;
    if ((*p == '+' || *p == '*') && p > m &&
        (p[-1] == '>' || isalnum((unsigned char)p[-1])) &&
        !isdigit((unsigned char)p[1]))
      return 1;
  }
  return 0;
}

/* Does each variable named between FROM and TO stand in M before
 * FROM? */
static int variables_seen(const char *m, const char *from, const char *to)
{
  for (const char *p = from; p < to; p++) {
    size_t n;
    int seen = 0;
    if (*p != '?' && *p != '$')
      continue;
    n = strspn(p + 1, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                      "0123456789_");
    for (const char *q = m; q + n < from && !seen; q++)
      seen = (*q == '?' || *q == '$') && strncmp(q + 1, p + 1, n) == 0 &&
             !name_char(q[n + 1]);
    if (!seen)
      return 0;
    p += n;
  }
  return 1;
}

/* What rasqal 0.9.33 gets wrong in a VALUES: one with no value crashes;
 * one after the WHERE group loses rows; inside a group, one that comes
 * first loses rows or values, one followed by patterns too; one naming a
 * variable the patterns before it do not crashes. */
static const char *values_fault(const char *m)
{
  for (const char *p = kgb_query_find_keyword(m, "VALUES", 0); p;
       p = kgb_query_find_keyword(p + 6, "VALUES", 0)) {
    const char *open = strchr(p, '{'), *close, *before = p;
    if (!open || !(close = kgb_query_group_end(open)))
      return NULL;
    if (*skip_space(open + 1) == '}')
      return "VALUES with no value";
    while (before > m && isspace((unsigned char)before[-1]))
      before--;
    if (brace_depth(m, p) == 0)
      return "VALUES after the WHERE group (write it last inside the group)";
    if (*skip_space(close) != '}' || before == m || before[-1] == '{')
      return "VALUES other than last after the patterns of its group";
    if (!variables_seen(m, p, open))
      return "VALUES on a variable no pattern before it names";
  }
  return NULL;
}

static const char *const aggregates[] = {"COUNT", "SUM", "MIN", "MAX",
                                         "AVG", "SAMPLE", "GROUP_CONCAT"};
#define N_AGGREGATES (sizeof aggregates / sizeof *aggregates)

/* The aggregate called at P, or NULL. */
static const char *aggregate_at(const char *m, const char *p)
{
  for (size_t i = 0; i < N_AGGREGATES; i++)
    if (call_at(m, p, aggregates[i]))
      return aggregates[i];
  return NULL;
}

/* Are the spans A to A_END and B to B_END the same, spaces and case
 * aside? */
static int same_text(const char *a, const char *a_end, const char *b,
                     const char *b_end)
{
  for (;;) {
    while (a < a_end && isspace((unsigned char)*a))
      a++;
    while (b < b_end && isspace((unsigned char)*b))
      b++;
    if (a == a_end || b == b_end)
      return a == a_end && b == b_end;
    if (toupper((unsigned char)*a++) != toupper((unsigned char)*b++))
      return 0;
  }
}

typedef struct {
  const char *start, *end;   /* in the mask: "COUNT ( ... )" */
  const char *name;
  int distinct;
} call;

#define MAX_CALLS 64

/* The aggregate calls of the mask M, at most MAX_CALLS; how many. */
static size_t aggregate_calls(const char *m, call *calls)
{
  size_t n = 0;

  for (const char *p = m; *p && n < MAX_CALLS; p++) {
    const char *name = aggregate_at(m, p), *open;
    if (!name)
      continue;
    open = strchr(p, '(');
    calls[n] = (call){p, paren_end(open), name,
                      word_at(m, skip_space(open + 1), "DISTINCT")};
    p = calls[n++].end - 1;
  }
  return n;
}

/* Two calls of one aggregate on different arguments, one over DISTINCT
 * values: rasqal 0.9.33 gives both the first one's value. */
static int distinct_beside_other(const call *calls, size_t n)
{
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < n; j++)
      if (i != j && calls[i].distinct && calls[i].name == calls[j].name &&
          !same_text(calls[i].start, calls[i].end, calls[j].start,
                     calls[j].end))
        return 1;
  return 0;
}

/* HAVING on an aggregate the SELECT does not project: rasqal 0.9.33
 * then drops every group. */
static int having_unprojected(const char *m, const call *calls, size_t n)
{
  const char *having = kgb_query_find_keyword(m, "HAVING", 0);
  const char *select = kgb_query_find_keyword(m, "SELECT", 0);
  const char *body = select ? strchr(select, '{') : NULL;

  for (size_t i = 0; having && body && i < n; i++) {
    int projected = 0;
    if (calls[i].start < having)
      continue;
    for (size_t j = 0; j < n && !projected; j++)
      projected = calls[j].start > select && calls[j].end < body &&
                  same_text(calls[i].start, calls[i].end, calls[j].start,
                            calls[j].end);
    if (!projected)
      return 1;
  }
  return 0;
}

/* A CONCAT, STRBEFORE or STRAFTER with another call among its
 * arguments: rasqal 0.9.33 reads that call's result after freeing it,
 * and answers garbage or "". */
static int string_of_call(const char *m, const char *p)
{
  static const char *const outer[] = {"CONCAT", "STRBEFORE", "STRAFTER"};

  for (size_t i = 0; i < sizeof outer / sizeof *outer; i++) {
    const char *open, *end;
    if (!call_at(m, p, outer[i]))
      continue;
    open = strchr(p, '(');
    end = paren_end(open);
    for (const char *q = open + 1; q < end; q++) {
      size_t len = strspn(q, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstu"
                             "vwxyz_");
      if (len == 0 || name_char(q[-1]))
        continue;
      if (q[len] != ':' && *skip_space(q + len) == '(')
        return 1;
      q += len - 1;
    }
  }
  return 0;
}

/* The construct the mask M holds that the embedded engine is not
 * trusted with, or NULL. */
static const char *refused_construct(const char *m)
{
  const char *word = unparsed_word(m), *select;
  call calls[MAX_CALLS];
  size_t n;

  if (word)
    return word;
  if (has_path(m))
    return "a property path (a/b, a|b, ^a, a+, a*)";
  if ((word = values_fault(m)))
    return word;
  select = kgb_query_find_keyword(m, "SELECT", 0);
  if (select && (select = kgb_query_find_keyword(select + 6, "SELECT", 0)) &&
      brace_depth(m, select) > 0)
    return "a subquery";
  for (const char *p = m; *p; p++) {
    if (call_at(m, p, "IRI") || call_at(m, p, "URI"))
      return "IRI() and URI()";
    if (string_of_call(m, p))
      return "CONCAT, STRBEFORE or STRAFTER of another function's result "
             "(BIND that result to a variable first)";
    if (call_at(m, p, "UCASE") || call_at(m, p, "LCASE"))
      return "UCASE and LCASE (rasqal changes the case of ASCII letters "
             "only)";
  }
  n = aggregate_calls(m, calls);
  if (distinct_beside_other(calls, n))
    return "an aggregate over DISTINCT values beside another call of the "
           "same aggregate";
  if (having_unprojected(m, calls, n))
    return "HAVING on an aggregate the SELECT does not project (project it "
           "with AS)";
  return NULL;
}

int kgb_query_check_text(kgb_world *world, const char *text)
{
  char *m = mask_of(text);
  const char *refused;

  if (!m)
    return kgb_report(world, KGB_ENOMEM, "query: out of memory");
  refused = refused_construct(m);
  if (!refused)
    refused = kgb_query_replace_fault(text, m);
  kgb_free(m);
  if (refused)
    return kgb_report(world, KGB_EINVAL, "query: %s is not supported by "
                      "the embedded engine; " KGB_QUERY_SERVER_HINT,
                      refused);
  return KGB_OK;
}

/* Does an operand end just before P (spaces aside): a number, a
 * variable or a ')'?  Then a sign at P is an operator. */
static int operand_before(const char *m, const char *p)
{
  const char *q = p, *start;

  while (q > m && isspace((unsigned char)q[-1]))
    q--;
  if (q == m)
    return 0;
  if (q[-1] == ')')
    return 1;
  for (start = q; start > m && (isalnum((unsigned char)start[-1]) ||
                                start[-1] == '_' || start[-1] == '.');
       start--)
    ;
  if (start > m && (start[-1] == '?' || start[-1] == '$'))
    return 1;   /* a variable */
  return start < q && isdigit((unsigned char)*start) &&
         (start == m || !name_char(start[-1])) &&
         strspn(start, "0123456789.") == (size_t)(q - start);
}

/* Is the sign at P an operator glued to the number after it, inside an
 * expression and outside VALUES? */
static int glued_operator(const char *m, const char *p, int paren,
                          const char *values_end)
{
  return (*p == '+' || *p == '-') && paren > 0 && p >= values_end &&
         (isdigit((unsigned char)p[1]) ||
          (p[1] == '.' && isdigit((unsigned char)p[2]))) &&
         operand_before(m, p);
}

/* TEXT with each glued sign spaced (glued_operator), into B. */
static int space_signs(const char *text, kgb_buf *b)
{
  char *m = mask_of(text);
  const char *values_end;   /* in M: past the last VALUES block */
  int paren = 0, rc = 0;

  if (!m)
    return KGB_ENOMEM;
  values_end = m;
  for (const char *p = m; *p && !rc; p++) {
    if (word_at(m, p, "VALUES") && strchr(p, '{'))
      values_end = kgb_query_group_end(strchr(p, '{'));
    if (!values_end)
      values_end = m + strlen(m);
    paren += (*p == '(') - (*p == ')');
    rc = kgb_buf_append(b, text + (p - m), 1);
    if (!rc && glued_operator(m, p, paren, values_end))
      rc = kgb_buf_puts(b, " ");
  }
  kgb_free(m);
  return rc;
}

/* The data block of "VALUES ?x { a b }" from OPEN to CLOSE (in the
 * mask M; TEXT the same places) as "{ (a) (b) }" into B.  A literal's
 * "@lang" or "^^type" after a space stays with it. */
static int values_rows(const char *text, const char *m, const char *open,
                       const char *close, kgb_buf *b)
{
  int rc = kgb_buf_puts(b, "{");

  for (const char *p = open + 1; !rc && p < close - 1;) {
    const char *end = p;
    if (isspace((unsigned char)*p)) {
      p++;
      continue;
    }
    for (;;) {
      while (end < close - 1 && !isspace((unsigned char)*end))
        end++;
      const char *next = skip_space(end);
      if (next >= close - 1 || (*next != '@' && *next != '^'))
        break;
      end = next;
    }
    rc = kgb_buf_puts(b, " (") ||
         kgb_buf_append(b, text + (p - m), (size_t)(end - p)) ||
         kgb_buf_puts(b, ")");
    p = end;
  }
  return rc || kgb_buf_puts(b, " }");
}

/* TEXT with each "VALUES ?x { a b }" written "VALUES (?x) { (a) (b) }",
 * into B: rasqal 0.9.33 reads freed memory on the short form with more
 * than one value, and crashes now and then. */
static int values_in_parens(const char *text, kgb_buf *b)
{
  char *m = mask_of(text);
  const char *done = m;
  int rc = 0;

  if (!m)
    return KGB_ENOMEM;
  for (const char *p = kgb_query_find_keyword(m, "VALUES", 0); p && !rc;
       p = kgb_query_find_keyword(p + 6, "VALUES", 0)) {
    const char *var = skip_space(p + 6), *open, *close;
    size_t n;
    if (*var != '?' && *var != '$')
      continue;
    n = 1 + strspn(var + 1, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQR"
                            "STUVWXYZ0123456789_");
    open = skip_space(var + n);
    if (*open != '{' || !(close = kgb_query_group_end(open)))
      continue;
    rc = kgb_buf_append(b, text + (done - m), (size_t)(var - done)) ||
         kgb_buf_puts(b, "(") ||
         kgb_buf_append(b, text + (var - m), n) ||
         kgb_buf_puts(b, ") ") ||
         values_rows(text, m, open, close, b);
    done = close;
    p = close - 6;
  }
  rc = rc || kgb_buf_puts(b, text + (done - m));
  kgb_free(m);
  return rc;
}

char *kgb_query_mend_text(const char *text)
{
  kgb_buf rows, spaced;
  char *out = NULL;

  kgb_buf_init(&rows);
  kgb_buf_init(&spaced);
  if (!values_in_parens(text, &rows) &&
      !space_signs(rows.data ? rows.data : "", &spaced))
    out = kgb_buf_to_string(&spaced);
  kgb_buf_release(&rows);
  kgb_buf_release(&spaced);
  return out;
}
