/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_graph_internal.h - the body of kgb_graph and its node helpers. */
#ifndef KGB_GRAPH_INTERNAL_H
#define KGB_GRAPH_INTERNAL_H

#include <raptor2.h>
#include <redland.h>

#include "kgb_buf.h"
#include "kgb_entities.h"
#include "kgb_store.h"
#include "kgb_vocab.h"
#include "kgbuild.h"

/* A growing list of statements; the list owns them. */
typedef struct {
  raptor_statement **v;
  size_t n, cap;
} kgb_statements;

struct kgb_graph {
  kgb_world *world;          /* borrowed */
  librdf_world *rdf;         /* owned */
  raptor_world *raptor;      /* borrowed from rdf */
  raptor_uri *terms[KGB_TERM_COUNT];  /* owned: vocabulary, made once */
  kgb_entities *entities;    /* owned: every entity named so far */
  kgb_statements pending;    /* not yet written */
  size_t document_mark;      /* PENDING.n when the document began */
  raptor_term *context;      /* owned: graph of the document being added */
  int mentions;              /* also write NIF mention annotations */
  char *nif_context;         /* owned: with MENTIONS, the nif:Context of
                                the document being added, which its
                                later windows point to as well */
  int rdf_error;             /* set by the raptor logger */
  size_t written;            /* statements written so far */
  /* Where the graph goes, once kgb_graph_set_output was called. */
  const char *format;        /* static: one of the known names */
  FILE *out;                 /* borrowed */
  const char *out_name;      /* borrowed: how messages name OUT */
  int streaming;             /* each document is written once added */
  /* A streaming graph holds the document's statements as N-Triples (or
   * N-Quads) lines, each ended by a NUL, rather than raptor terms. */
  kgb_buf lines;
  size_t *line_at;           /* owned: where each line starts */
  size_t n_lines, cap_lines;
  /* Lines of a document past KGB_LINES_RUN_BYTES: sorted runs, without
   * repeats, one line a '\n', in temporary files merged at its end. */
  FILE **runs;               /* owned */
  size_t n_runs, cap_runs;
  size_t run_lines;          /* lines in the runs */
  int no_runs;               /* a run could not be written: hold all */
  char *term_iris[KGB_TERM_COUNT];  /* owned: vocabulary IRIs as text */
  char *context_iri;         /* owned: the named graph, as text */
  raptor_iostream *iostream; /* owned: where serializers write, into OBUF */
  kgb_buf obuf;              /* written, not yet sent to OUT */
  struct kgb_mend *mend;     /* owned: mends Turtle and JSON on the way */
  /* A worker of a parallel run keeps each document as a part. */
  int parts;
  kgb_buf part_names;        /* the entity names of the document */
  kgb_store store;           /* owned: where documents go, when open */
};

/* A new term for the vocabulary term T (its URI is made once).  Terms
 * are librdf nodes too: the graph's raptor world is librdf's. */
raptor_term *kgb_graph_term(kgb_graph *g, kgb_term t);

/* Add <S> P O to the current document; O is consumed.  Returns
 * KGB_ENOMEM or KGB_ERDF. */
int kgb_graph_add_node(kgb_graph *g, const char *s, kgb_term p,
                       raptor_term *o);
int kgb_graph_add_iri(kgb_graph *g, const char *s, kgb_term p,
                      const char *o);
int kgb_graph_add_term(kgb_graph *g, const char *s, kgb_term p, kgb_term o);
/* A literal with an optional language tag. */
int kgb_graph_add_text(kgb_graph *g, const char *s, kgb_term p,
                       const char *text, size_t len, const char *lang);
/* A typed literal: LEXICAL ^^ DATATYPE. */
int kgb_graph_add_typed(kgb_graph *g, const char *s, kgb_term p,
                        const char *lexical, kgb_term datatype);

/* Statements that follow are in the named graph IRI (N-Quads); NULL for
 * the default graph. */
int kgb_graph_set_context(kgb_graph *g, const char *iri);
/* Called once a document is complete: a streaming graph writes it. */
int kgb_graph_document_done(kgb_graph *g);

void kgb_statements_release(kgb_statements *l);
/* Sort L and drop repeats; WITH_GRAPH keeps statements of different
 * named graphs apart, otherwise the graph names are dropped. */
void kgb_statements_sort(kgb_statements *l, int with_graph);
/* Write L through SER, which must have been started. */
int kgb_statements_write(const kgb_statements *l, raptor_serializer *ser);
/* Append the N-Triples form of an IRI, or of a literal with an optional
 * language tag or datatype IRI. */
int kgb_ntriples_put_iri(kgb_buf *out, const char *iri, size_t len);
int kgb_ntriples_put_literal(kgb_buf *out, const char *text, size_t len,
                             const char *lang, const char *datatype);
/* Bytes of a document's lines held before they are sorted into a run
 * on disk: far above the output of a news article of a few KB (some
 * hundred KB), well under that of a document of megabytes of facts,
 * whose lines would otherwise all be in memory.  The output is the
 * same either way. */
#define KGB_LINES_RUN_BYTES ((size_t)8 << 20)

/* A streaming graph: sort the held lines (and the runs), drop repeats,
 * append them to the output buffer, sending it to OUT each megabyte
 * (not in a worker), and forget them.  Returns the number written in
 * *N. */
int kgb_graph_write_lines(kgb_graph *g, size_t *n);
/* Sort the held lines, drop repeats, write them as a run to a temporary
 * file and forget them.  When no file can be written the lines stay
 * held (the output is the same), and no run is tried again. */
int kgb_graph_spill_lines(kgb_graph *g);
/* Free the held lines and close the runs. */
void kgb_graph_lines_release(kgb_graph *g);
/* Declare kgbuild's prefixes (the vocabularies, kgr: for the resource
 * base) to SER, so every Turtle kgbuild writes reads alike. */
int kgb_declare_prefixes(kgb_world *world, raptor_world *raptor,
                         raptor_serializer *ser);
/* Start a raptor serializer for FORMAT, with the prefixes, writing into
 * the graph's output buffer. */
int kgb_serializer_start(kgb_graph *g, const char *format,
                         raptor_serializer **ser);
/* End SER's output, free it and its streams, and send what is buffered
 * to OUT. */
int kgb_serializer_end(kgb_graph *g, raptor_serializer *ser);
/* Free SER (which may be NULL), then the streams it wrote to. */
void kgb_serializer_free(kgb_graph *g, raptor_serializer *ser);
/* A worker: keep the name in the document's part. */
int kgb_graph_part_name(kgb_graph *g, const char *iri, kgb_term cls,
                        const char *name, int standard);
/* Send the output buffer to OUT. */
int kgb_graph_flush(kgb_graph *g);
/* The same once the buffer holds a megabyte or more (never in a
 * worker, whose buffer is its part). */
int kgb_graph_flush_some(kgb_graph *g);
/* Write the sorted statements L in the graph's format: through raptor, or
 * through a writer of kgbuild's own for what raptor lacks. */
int kgb_statements_serialize(kgb_graph *g, const kgb_statements *l);
/* Those writers (kgb_jsonld.c, kgb_dot.c). */
int kgb_jsonld_write(kgb_graph *g, const kgb_statements *l);
int kgb_dot_write(kgb_graph *g, const kgb_statements *l);
/* Record that the entity IRI of class CLS is called NAME (see
 * kgb_entities_add); a worker also keeps it in the document's part. */
int kgb_graph_name_entity(kgb_graph *g, const char *iri, kgb_term cls,
                          const char *name, int standard);
/* Does FORMAT name graphs (N-Quads)? */
int kgb_format_has_graphs(const char *format);
/* The static name for FORMAT, or NULL when unknown. */
const char *kgb_format_name(const char *format);
/* Add the statements that name every entity in the table. */
int kgb_graph_entity_statements(kgb_graph *g);

/* A store: in one transaction, add the pending statements of a document
 * and its entities (their names merged with the stored ones), then
 * forget both. */
int kgb_graph_store_pending(kgb_graph *g);

#endif
