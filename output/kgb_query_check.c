/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_query_check.c - what the embedded engine (rasqal 0.9.33) is not
 * trusted with.  A construct it would answer wrongly, or that would reach
 * out of the machine, is refused by name before the query runs, with the
 * way out: a SPARQL 1.1 server.  The conformance suite
 * (tests/sparql/) compares every other construct with Oxigraph. */
#include <string.h>
#include <strings.h>

#include "kgb_alloc.h"
#include "kgb_buf.h"
#include "kgb_query_internal.h"

/* Said with every refusal. */
#define ENDPOINT_HINT "; " KGB_QUERY_SERVER_HINT

typedef struct {
  kgb_world *world;
  const char *refused;     /* the first construct refused, or NULL */
} check;

/* rasqal 0.9.33 joins GROUP_CONCAT's values with a space whatever the
 * separator says. */
static int odd_separator(void *data, rasqal_expression *e)
{
  const unsigned char *sep;

  if (e->op != RASQAL_EXPR_GROUP_CONCAT || !e->literal)
    return 0;
  sep = rasqal_literal_as_string(e->literal);
  if (sep && strcmp((const char *)sep, " ") == 0)
    return 0;
  ((check *)data)->refused = "GROUP_CONCAT with a separator other than "
                             "a space";
  return 1;
}

static void check_projection(rasqal_query *q, check *c)
{
  raptor_sequence *vars = rasqal_query_get_bound_variable_sequence(q);

  for (int i = 0; !c->refused && vars && i < raptor_sequence_size(vars);
       i++) {
    rasqal_variable *v = raptor_sequence_get_at(vars, i);
    if (v->expression)
      rasqal_expression_visit(v->expression, odd_separator, c);
  }
}

/* kgb_query_text.c refuses SERVICE and MINUS from the text first; this
 * look at the parsed query stays as the check no way of writing the text
 * gets past (a '<' taken for an IRI's start could hide a word from the
 * text's mask). */
static int visit(rasqal_query *q, rasqal_graph_pattern *gp, void *data)
{
  check *c = data;
  rasqal_triple *t;

  (void)q;
  switch (rasqal_graph_pattern_get_operator(gp)) {
  case RASQAL_GRAPH_PATTERN_OPERATOR_SERVICE:
    /* A query never goes to the network. */
    c->refused = "SERVICE (a query never goes to the network)";
    return 1;
  case RASQAL_GRAPH_PATTERN_OPERATOR_GRAPH:
    c->refused = "GRAPH (the data is read as one graph)";
    return 1;
  case RASQAL_GRAPH_PATTERN_OPERATOR_MINUS:
    c->refused = "MINUS";
    return 1;
  default:
    break;
  }
  for (int i = 0; (t = rasqal_graph_pattern_get_triple(gp, i)); i++)
    if (t->origin) {
      c->refused = "GRAPH (the data is read as one graph)";
      return 1;
    }
  return 0;
}

int kgb_query_check(kgb_world *world, rasqal_query *q)
{
  check c = {world, NULL};
  raptor_sequence *from = rasqal_query_get_data_graph_sequence(q);

  if (from && raptor_sequence_size(from) > 0)
    return kgb_report(world, KGB_EINVAL, "query: FROM is not supported by "
                      "the embedded engine (it reads --data or --store)"
                      ENDPOINT_HINT);
  rasqal_query_graph_pattern_visit2(q, visit, &c);
  if (!c.refused)
    check_projection(q, &c);
  if (c.refused)
    return kgb_report(world, KGB_EINVAL, "query: %s is not supported by the "
                      "embedded engine" ENDPOINT_HINT, c.refused);
  return KGB_OK;
}

/* A bare aggregate's value over no solution, as SPARQL XML results:
 * COUNT, SUM and AVG give 0, GROUP_CONCAT "", MIN, MAX and SAMPLE
 * nothing.  -1: V is not a bare aggregate. */
static int empty_binding(rasqal_variable *v, kgb_buf *xml)
{
  rasqal_op op = v->expression ? v->expression->op : RASQAL_EXPR_UNKNOWN;
  const char *name = (const char *)v->name;

  switch (op) {
  case RASQAL_EXPR_COUNT: case RASQAL_EXPR_SUM: case RASQAL_EXPR_AVG:
    return kgb_buf_printf(xml, "<binding name=\"%s\"><literal datatype=\""
                          "http://www.w3.org/2001/XMLSchema#integer\">0"
                          "</literal></binding>", name) ? -1 : 0;
  case RASQAL_EXPR_GROUP_CONCAT:
    return kgb_buf_printf(xml, "<binding name=\"%s\"><literal></literal>"
                          "</binding>", name) ? -1 : 0;
  case RASQAL_EXPR_MIN: case RASQAL_EXPR_MAX: case RASQAL_EXPR_SAMPLE:
    return 0;
  default:
    return -1;
  }
}

char *kgb_query_as_ask(const char *text)
{
  const char *select = kgb_query_find_keyword(text, "SELECT", 0);
  const char *where = select ? kgb_query_find_keyword(select, "WHERE", 1)
                             : NULL;
  const char *open = where && *where != '{'
                         ? kgb_query_find_keyword(where + 5, "WHERE", 1)
                         : where;
  const char *close = open ? kgb_query_group_end(open) : NULL;
  kgb_buf b;

  if (!close)
    return NULL;
  kgb_buf_init(&b);
  if (kgb_buf_append(&b, text, (size_t)(select - text)) ||
      kgb_buf_puts(&b, "ASK ") ||
      kgb_buf_append(&b, open, (size_t)(close - open))) {
    kgb_buf_release(&b);
    return NULL;
  }
  return kgb_buf_to_string(&b);
}

char *kgb_query_empty_answer(rasqal_query *q, const char *text)
{
  raptor_sequence *vars = rasqal_query_get_bound_variable_sequence(q);
  int n = vars ? raptor_sequence_size(vars) : 0, rc;
  int grouped = kgb_query_find_keyword(text, "GROUP", 0) != NULL;
  kgb_buf xml;

  if (n == 0 || kgb_query_find_keyword(text, "HAVING", 0))
    return NULL;
  kgb_buf_init(&xml);
  rc = kgb_buf_puts(&xml, "<?xml version=\"1.0\"?><sparql xmlns=\""
                    "http://www.w3.org/2005/sparql-results#\"><head>");
  for (int i = 0; !rc && i < n; i++)
    rc = kgb_buf_printf(&xml, "<variable name=\"%s\"/>", (const char *)
                        ((rasqal_variable *)raptor_sequence_get_at(vars, i))
                            ->name);
  /* Grouped, nothing makes no group and so no row. */
  rc = rc || kgb_buf_puts(&xml, grouped ? "</head><results>"
                                        : "</head><results><result>");
  for (int i = 0; !rc && !grouped && i < n; i++)
    rc = empty_binding(raptor_sequence_get_at(vars, i), &xml);
  rc = rc || kgb_buf_puts(&xml, grouped ? "</results></sparql>"
                                        : "</result></results></sparql>");
  if (rc) {
    kgb_buf_release(&xml);
    return NULL;
  }
  return kgb_buf_to_string(&xml);
}
