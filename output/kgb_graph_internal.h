/* kgb_graph_internal.h - the body of kgb_graph and its node helpers. */
#ifndef KGB_GRAPH_INTERNAL_H
#define KGB_GRAPH_INTERNAL_H

#include <redland.h>

#include "kgb_vocab.h"
#include "kgbuild.h"

struct kgb_graph {
  kgb_world *world;        /* borrowed */
  librdf_world *rdf;       /* owned */
  librdf_storage *storage; /* owned */
  librdf_model *model;     /* owned */
  int rdf_error;           /* set by the librdf logger */
  int mentions;            /* also write NIF mention annotations */
};

/* Add <S> P O; O is consumed.  Returns KGB_ENOMEM or KGB_ERDF. */
int kgb_graph_add_node(kgb_graph *g, const char *s, kgb_term p,
                       librdf_node *o);
int kgb_graph_add_iri(kgb_graph *g, const char *s, kgb_term p,
                      const char *o);
int kgb_graph_add_term(kgb_graph *g, const char *s, kgb_term p, kgb_term o);
/* A literal with an optional language tag. */
int kgb_graph_add_text(kgb_graph *g, const char *s, kgb_term p,
                       const char *text, size_t len, const char *lang);
/* A typed literal: LEXICAL ^^ DATATYPE. */
int kgb_graph_add_typed(kgb_graph *g, const char *s, kgb_term p,
                        const char *lexical, kgb_term datatype);

#endif
