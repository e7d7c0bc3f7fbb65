/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_query_check.c - what the embedded engine (rasqal 0.9.33) is not
 * trusted with.  A construct it would answer wrongly, or that would reach
 * out of the machine, is refused by name before the query runs, with the
 * way out: a SPARQL 1.1 server through --endpoint.  The conformance suite
 * (tests/sparql/) compares every other construct with Oxigraph. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "kgb_query_internal.h"

#define ENDPOINT_HINT "; run the query on a SPARQL 1.1 server with " \
                      "'kgbuild query --endpoint URL'"

typedef struct {
  kgb_world *world;
  const char *refused;     /* the first construct refused, or NULL */
} check;

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
  if (c.refused)
    return kgb_report(world, KGB_EINVAL, "query: %s is not supported by the "
                      "embedded engine" ENDPOINT_HINT, c.refused);
  return KGB_OK;
}

/* SPARQL 1.1 words rasqal 0.9.33 does not parse: named when the query
 * does not parse, so that the message says what to do. */
static const char *const unparsed[] = {"NOT EXISTS", "EXISTS", "MINUS",
                                       "SERVICE"};

static int word_char(char c) { return c == '_' || isalnum((unsigned char)c); }

const char *kgb_query_unparsed_construct(const char *text)
{
  for (size_t i = 0; i < sizeof unparsed / sizeof *unparsed; i++) {
    size_t n = strlen(unparsed[i]);
    for (const char *p = text; *p; p++)
      if (strncasecmp(p, unparsed[i], n) == 0 &&
          (p == text || !word_char(p[-1])) && !word_char(p[n]))
        return unparsed[i];
  }
  return NULL;
}
