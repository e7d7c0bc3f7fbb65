/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * kgbuild.h - the one public header of libkgbuild.
 *
 * libkgbuild turns news text (English, French) into facts and the facts
 * into an RDF graph that follows the kgbuild ontology.  Every type is
 * opaque; every object comes from a kgb_X_new() and goes back through
 * kgb_X_free(), which accepts NULL.  Functions that can fail return 0 or
 * a negative kgb_status and report the details through the message
 * handler set on the world.
 *
 * Ownership: functions named _as_ return a pointer borrowed from the
 * object (valid until it is freed); _to_ returns a copy the caller frees.
 */
#ifndef KGBUILD_H
#define KGBUILD_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Status codes: 0 is success, failures are negative. */
typedef enum {
  KGB_OK = 0,
  KGB_ENOMEM = -1,     /* out of memory */
  KGB_EIO = -2,        /* a file could not be read or written */
  KGB_EINVAL = -3,     /* a bad argument or option value */
  KGB_EPARSE = -4,     /* a data file or input is malformed */
  KGB_ERDF = -5,       /* the RDF library reported an error */
  KGB_ENOTFOUND = -6,  /* a file or resource does not exist */
  KGB_ELIMIT = -7      /* an input exceeds a configured bound */
} kgb_status;

/* A fixed English phrase for a status code. */
const char *kgb_strerror(int status);

typedef enum {
  KGB_LEVEL_INFO = 0,
  KGB_LEVEL_WARNING = 1,
  KGB_LEVEL_ERROR = 2
} kgb_level;

/* Receives every message of the library: what went wrong, and where. */
typedef void (*kgb_message_fn)(void *user_data, kgb_level level,
                               const char *message);

/* ------------------------------------------------------------------ */
/* World: the root context; owns the data tables and the ontology.     */

typedef struct kgb_world kgb_world;

kgb_world *kgb_world_new(void);
void kgb_world_free(kgb_world *world);

void kgb_world_set_message_handler(kgb_world *world, kgb_message_fn fn,
                                   void *user_data);
/* Folder holding the language tables and the ontology (else searched). */
int kgb_world_set_data_dir(kgb_world *world, const char *dir);
/* Folder holding the trained models, DIR/en/ner.kgbtag etc., in place
 * of those of the data folder; a language without its model there finds
 * names by rules. */
int kgb_world_set_model_dir(kgb_world *world, const char *dir);
/* With ENABLED 0, no trained model is loaded: names are found by rules
 * alone (also when $KGBUILD_NO_MODELS is set to anything but 0). */
void kgb_world_set_models_enabled(kgb_world *world, int enabled);
/* Keep only facts whose confidence is at least MIN (0 to 1; default 0).
 * A fact's confidence is its rule's, capped by the precision the rule
 * measured on annotated text (DATA/<lang>/precision.tsv). */
int kgb_world_set_min_confidence(kgb_world *world, double min);
/* Ontology file in Turtle (default: DATA_DIR/kgbuild.ttl). */
int kgb_world_set_ontology_path(kgb_world *world, const char *path);
/* Base IRI of resources: an absolute IRI (scheme ':' ...) ending in '/'
 * or '#', valid UTF-8 with no space, control or other character IRIs do
 * not allow; else KGB_EINVAL and the base is unchanged. */
int kgb_world_set_base(kgb_world *world, const char *base_iri);
/* Largest input a document may be read from, in bytes (default 64 MiB):
 * a larger one is refused with KGB_ELIMIT, not cut. */
int kgb_world_set_max_input(kgb_world *world, size_t bytes);
/* Load the data tables and the ontology; call once, after the setters. */
int kgb_world_open(kgb_world *world);

/* Borrowed: the folder the data tables were read from. */
const char *kgb_world_as_data_dir(const kgb_world *world);
const char *kgb_world_as_base(const kgb_world *world);

/* ------------------------------------------------------------------ */
/* Document: one input text, cleaned to valid UTF-8, split in sentences. */

typedef struct kgb_document kgb_document;

/* Read PATH ("-" is standard input) into *OUT.  Text in UTF-16 (byte-
 * order mark, or NUL bytes in every other position) or Windows-1252 (not
 * UTF-8, few control characters) is decoded with a warning; a byte-order
 * mark is dropped.  Invalid UTF-8, NUL and the control characters
 * RDF/XML cannot hold are replaced by U+FFFD with a warning; the caller
 * frees *OUT.  A PDF, ZIP (.docx, .odt), old Office or compressed file
 * is KGB_EPARSE, with a hint on how to get its text.  A PATH
 * ending in .html or .htm (any case), or an input that opens like an
 * HTML page ("<!doctype html", "<html"), is read as HTML, as by
 * kgb_document_new_from_html. */
int kgb_document_load(kgb_world *world, const char *path, kgb_document **out);
/* Build a document from memory; SOURCE names it in messages and output.
 * BYTES that open like an HTML page are read as HTML, others as text. */
int kgb_document_new_from_buffer(kgb_world *world, const char *source,
                                 const char *bytes, size_t len,
                                 kgb_document **out);
/* Build a document from the HTML page BYTES, whatever it opens with.
 * Its text is the article's (scripts, navigation, page header and footer,
 * ads, share bars, cookie banners left out; blocks as line breaks), and
 * every offset the graph gives counts in that text; its title is the
 * first <h1>, else the <title>.  The SHA-256 is still that of BYTES. */
int kgb_document_new_from_html(kgb_world *world, const char *source,
                               const char *bytes, size_t len,
                               kgb_document **out);
void kgb_document_free(kgb_document *doc);
/* A long document analysed a window at a time, so that its tables (of
 * tokens, sentences, entities) are held for one window only: the next
 * window of DOC in *WINDOW, or NULL once the text is covered.  A text of
 * up to 256 KiB (far more than an article) is one window, which gives the
 * very graph DOC would; a longer one is cut at a blank line, else a line
 * break, a sentence end or a space.  Give each window to kgb_extract and
 * kgb_graph_add, in order, and free it before asking for the next: the
 * graph describes DOC once (its node, source, SHA-256, title), with
 * offsets in DOC's whole text.  What a window cannot see (a name's
 * legal-form variant or a coreference in another window) is not joined.
 * DOC must outlive its windows; its language is the first window's. */
int kgb_document_next_window(kgb_document *doc, kgb_document **window);

/* Force the language ("en", "fr"); NULL or "auto" detects it. */
int kgb_document_set_language(kgb_document *doc, const char *lang);
/* Borrowed: "en", "fr", or NULL before kgb_extract ran. */
const char *kgb_document_as_language(const kgb_document *doc);
const char *kgb_document_as_source(const kgb_document *doc);
/* Borrowed (a constant): "text/html" for a document read as HTML, else
 * "text/plain", its dct:format. */
const char *kgb_document_as_media_type(const kgb_document *doc);
/* Borrowed: the headline, or NULL when the text shows none. */
const char *kgb_document_as_title(const kgb_document *doc);
size_t kgb_document_sentence_count(const kgb_document *doc);
/* Bytes of the input as read. */
size_t kgb_document_size(const kgb_document *doc);

/* ------------------------------------------------------------------ */
/* Extraction: document -> facts.                                      */

typedef struct kgb_factset kgb_factset;

/* Run the whole pipeline on DOC; the caller frees *OUT. */
int kgb_extract(kgb_world *world, kgb_document *doc, kgb_factset **out);
void kgb_factset_free(kgb_factset *facts);
size_t kgb_factset_count(const kgb_factset *facts);

/* ------------------------------------------------------------------ */
/* Graph: facts -> RDF, and serialization through raptor.              */

typedef struct kgb_graph kgb_graph;

/* A graph gathers the documents added to it.  Entities are named once
 * for the whole graph: one rdfs:label, the fullest name seen in any
 * document, and a skos:altLabel for every other name. */
int kgb_graph_new(kgb_world *world, kgb_graph **out);
void kgb_graph_free(kgb_graph *graph);
/* With ON set, kgb_graph_add also writes every entity mention as a NIF
 * 2.0 annotation (anchor, offsets, itsrdf:taIdentRef, taClassRef). */
void kgb_graph_set_mentions(kgb_graph *graph, int on);
/* Send the graph to OUT (borrowed) in FORMAT; call it before the first
 * kgb_graph_add.  In a format that streams (N-Triples, N-Quads) each
 * document is written as soon as it is added, and the graph keeps only
 * the table of entities; the others are written by kgb_graph_finish. */
int kgb_graph_set_output(kgb_graph *graph, const char *format, FILE *out);
/* How messages name the output (NAME is borrowed: it must outlive the
 * graph); "the output" when not set. */
void kgb_graph_set_output_name(kgb_graph *graph, const char *name);
/* Add DOC's node and the facts extracted from it.  In N-Quads the
 * document's statements are in a named graph, the document's IRI. */
int kgb_graph_add(kgb_graph *graph, const kgb_document *doc,
                  const kgb_factset *facts);
/* Write what is still held (the entities; in formats that do not stream,
 * everything) and end the output.  Add nothing afterwards. */
int kgb_graph_finish(kgb_graph *graph);
/* kgb_graph_set_output then kgb_graph_finish: the whole graph at once. */
int kgb_graph_serialize(kgb_graph *graph, const char *format, FILE *out);
/* Send the graph into the librdf store URI instead (sqlite:FILE,
 * postgresql:..., virtuoso:..., memory:): each document in a context
 * of its own, as it is added, in one transaction with the types and
 * names of its entities (merged with those the store holds).  A writer
 * waits up to $KGBUILD_STORE_WAIT seconds (default 60) for another. */
int kgb_graph_open_store(kgb_graph *graph, const char *uri);
/* The store's URI as it may be printed (passwords redacted), or NULL.
 * With a store, kgb_graph_triple_count is the statements it gained. */
const char *kgb_graph_store_name(const kgb_graph *graph);
/* Does the store hold DOC already (the same SHA-256)? */
int kgb_graph_has_document(kgb_graph *graph, const kgb_document *doc);
/* Parallel runs.  A worker process extracts its share of the documents
 * into a graph of its own, set with kgb_graph_set_output_parts to the
 * format the parent writes; after each kgb_graph_add it takes the
 * document's part (its statements, serialized, and its entity names) and
 * hands it to the parent, which adds the parts in input order with
 * kgb_graph_add_part.  The parent names the entities once, at the end, so
 * its output is byte for byte the output of a single process. */
int kgb_graph_set_output_parts(kgb_graph *graph, const char *format);
/* The part of the document added last; the caller frees *PART with
 * free(). */
int kgb_graph_take_part(kgb_graph *graph, char **part, size_t *len);
/* Add a part taken from a worker's graph (borrowed); KGB_EPARSE when it
 * is damaged.  Not for a graph that goes to a store. */
int kgb_graph_add_part(kgb_graph *graph, const char *part, size_t len);
/* Statements written and held so far. */
size_t kgb_graph_triple_count(const kgb_graph *graph);
/* Known syntax names: turtle, ntriples, nquads, rdfxml, json (RDF/JSON),
 * jsonld (JSON-LD 1.1), dot (a Graphviz picture of entities and facts,
 * not RDF). */
int kgb_format_is_known(const char *name);
/* Does FORMAT stream document by document (ntriples, nquads)? */
int kgb_format_streams(const char *name);

/* ------------------------------------------------------------------ */
/* Query: SPARQL 1.1 over a store or a graph file.                     */

/* Run QUERY over the store URI STORE and the graph files DATA (a NULL-
 * terminated list, or NULL; each file's syntax from its name or its
 * first bytes), read together into memory, and write the results to OUT
 * in FORMAT: table (aligned), csv, tsv, json (SPARQL JSON) or xml.  A
 * CONSTRUCT or DESCRIBE writes Turtle.  Nothing is fetched from the
 * network.  A query that does not parse is KGB_EPARSE, reported with its
 * line and column; a construct the embedded engine is not trusted with
 * (SERVICE, GRAPH, MINUS, EXISTS, FROM) is KGB_EINVAL, named in the
 * message. */
int kgb_query_run(kgb_world *world, const char *store,
                  const char *const *data, const char *query,
                  const char *format, FILE *out);
int kgb_result_format_is_known(const char *name);

/* Where kgb_query_remote sends a query: a SPARQL 1.1 Protocol server. */
typedef struct {
  const char *endpoint;   /* e.g. http://HOST:8890/sparql */
  const char *graph;      /* sent as default-graph-uri, or NULL */
  const char *user, *password;   /* HTTP basic or digest, or NULL */
  long timeout;           /* seconds to connect, to make progress, and for
                             the answer once the query is sent; 0: 300 */
} kgb_endpoint_options;

/* Run the SPARQL QUERY on the server OPTIONS names and write its answer
 * to OUT as kgb_query_run does, in FORMAT.  The query is sent as it is,
 * so any SPARQL 1.1 the server takes runs.  A server that does not
 * answer in time, answers an error or something that is not SPARQL
 * results is KGB_EIO or KGB_EPARSE, its URL in the message without a
 * password. */
int kgb_query_remote(kgb_world *world, const kgb_endpoint_options *options,
                     const char *query, const char *format, FILE *out);

/* ------------------------------------------------------------------ */
/* Publish: a graph to a SPARQL 1.1 Graph Store HTTP Protocol endpoint.  */

typedef struct {
  const char *endpoint;   /* e.g. http://host:8890/sparql-graph-crud-auth */
  const char *graph;      /* graph IRI, or NULL for the default graph */
  const char *user, *password;   /* HTTP basic or digest, or NULL */
  int replace;            /* PUT (replace the graph) rather than POST (add) */
  long timeout;           /* seconds to connect, to make progress, and to
                             answer after the upload; 0 for 60 */
} kgb_publish_options;

/* KGB_OK when OPTIONS can be used: an http(s) endpoint, a timeout that
 * is not negative.  kgb_publish checks it again; call it first to fail
 * before any work is done. */
int kgb_publish_check(kgb_world *world, const kgb_publish_options *options);

/* A copy of a store URI or endpoint URL fit to print: the password of
 * http://user:PASSWORD@host and the value of password= (or pwd=) become
 * "***".  The caller frees it with free(); NULL when out of memory. */
char *kgb_redact(const char *uri);

/* Upload the N-Triples in BODY (a seekable file, read from its start). */
int kgb_publish(kgb_world *world, const kgb_publish_options *options,
                FILE *body);

/* ------------------------------------------------------------------ */
/* Evaluation: the extractor scored against gold facts.                */

typedef struct kgb_eval kgb_eval;

int kgb_eval_new(kgb_world *world, kgb_eval **out);
void kgb_eval_free(kgb_eval *ev);
/* Extract every document GOLD_PATH lists (found under CORPUS_DIR) and
 * add its scores; call once per gold file. */
int kgb_eval_run(kgb_eval *ev, const char *gold_path, const char *corpus_dir);
/* F1 over all fact kinds (ENTITIES == 0) or over entities. */
double kgb_eval_f1(const kgb_eval *ev, int entities);
/* The table per kind, misses and false facts when VERBOSE, summary. */
void kgb_eval_print(const kgb_eval *ev, FILE *out, int verbose);
/* Right and false facts by band of confidence (and at 0.8 or more), and
 * by the rule that made them: how far a fact's confidence can be
 * trusted. */
void kgb_eval_print_calibration(const kgb_eval *ev, FILE *out);

/* ------------------------------------------------------------------ */
/* Training: a sequence tagger model from annotated text.              */

/* How an epoch of kgb_train went. */
typedef struct {
  unsigned epoch, epochs;  /* this one (from 1), and how many in all */
  double train_accuracy;   /* share of training tokens tagged right during
                              the epoch */
  int has_dev;             /* the two below are set */
  double dev_accuracy;     /* share of dev tokens the model tags right */
  double dev_f1;           /* ner: F1 of exact entity spans; pos: -1 */
} kgb_train_epoch;

typedef void (*kgb_train_epoch_fn)(void *user_data,
                                   const kgb_train_epoch *epoch);

typedef struct {
  const char *task;        /* "ner" (entity spans) or "pos" (a class a
                              token) */
  const char *lang;        /* "en", "fr" or NULL: checked only, the model
                              does not record it yet */
  const char *dev;         /* a file scored after each epoch, or NULL */
  unsigned epochs;         /* passes over the data (10) */
  unsigned long long seed; /* the shuffle's seed (1) */
  const char *decoder;     /* "greedy" or "viterbi" (the default) */
  kgb_train_epoch_fn on_epoch;   /* called after each epoch, or NULL */
  void *user_data;
} kgb_train_options;

/* The defaults above. */
void kgb_train_options_init(kgb_train_options *options);

/* Train a tagger on the N FILES and write the model to OUT (OUT_NAME
 * names it in messages).  A file is CoNLL-U when it has 10 tab-separated
 * columns or is named *.conllu (FORM and UPOS; multiword ranges and
 * empty nodes skipped); else a token is a line with the word in its
 * first column and its tag in its last (tabs, else spaces, between
 * columns), a blank line ends a sentence, and -DOCSTART- and '#' comment
 * lines are skipped.  For ner the tags are IOB1, IOB2 or BILOU (a file
 * with an L- or U- tag is BILOU) and the entity types are those of the
 * data; for pos each distinct tag is a class.  The same files, options
 * and seed give the same bytes.  A malformed line is KGB_EPARSE reported
 * as FILE:LINE; no training sentence at all is KGB_EPARSE too. */
int kgb_train(kgb_world *world, const kgb_train_options *options,
              const char *const *files, size_t n, FILE *out,
              const char *out_name);

/* Tag the sentences of the N FILES (read as kgb_train reads them; the
 * last column, the gold tag, is kept) with the model MODEL_PATH and the
 * features of language LANG ("en", "fr", or NULL for the generic word
 * features: as the model was trained).  Writes one line a token to OUT,
 * TOKEN<TAB>GOLD<TAB>PREDICTED (BILOU for entities), a blank line after
 * each sentence. */
int kgb_tag_files(kgb_world *world, const char *model_path, const char *lang,
                  const char *const *files, size_t n, FILE *out);

/* Classify the pairs of the N FILES (as kgb_train reads them for the task
 * "pairs") with the relation classifier MODEL_PATH.  Writes one line a
 * pair to OUT: GOLD<TAB>PREDICTED<TAB>MARGIN, the margin being how far
 * the predicted class scores above the class "none" (0 for "none"). */
int kgb_tag_pair_files(kgb_world *world, const char *model_path,
                       const char *const *files, size_t n, FILE *out);

#ifdef __cplusplus
}
#endif

#endif /* KGBUILD_H */
