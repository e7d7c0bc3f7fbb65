/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_store.h - librdf storages named by a URI the user writes:
 *   sqlite:FILE                  an SQLite file (the default, graph.db)
 *   postgresql:KEY=VALUE,...     host, port, database, user, password
 *   virtuoso:KEY=VALUE,...       dsn, host, database, user, password
 *   memory:                      in memory, gone at exit
 * A store opened to write takes documents one transaction at a time
 * (kgb_store_begin ... kgb_store_end); an sqlite: one is written
 * straight into librdf's tables (kgb_store_sqlite.c). */
#ifndef KGB_STORE_H
#define KGB_STORE_H

#include <redland.h>

#include "kgb_buf.h"
#include "kgbuild.h"

typedef struct kgb_sqlite kgb_sqlite;

/* Called with each statement read; a non-zero status stops the reading
 * and is returned (the function reports its own error). */
typedef int (*kgb_statement_fn)(void *data, const raptor_statement *st);

typedef struct {
  librdf_storage *storage;   /* owned; NULL when SQL is used */
  librdf_model *model;       /* owned */
  kgb_sqlite *sql;           /* owned: an sqlite: store opened to write */
  char *sqlite_path;         /* owned: an sqlite: store opened to read */
  char *shown;               /* owned: the URI as printed, no password */
  int transactions;          /* librdf: the storage has transactions */
} kgb_store;

/* Open the store URI in RDF.  WRITE creates an SQLite file that is not
 * there; otherwise a missing file is an error. */
int kgb_store_open(kgb_world *world, librdf_world *rdf, const char *uri,
                   int write, kgb_store *out);
void kgb_store_close(kgb_store *s);
int kgb_store_is_open(const kgb_store *s);

/* Start a transaction, waiting for another writer up to the bound
 * ($KGBUILD_STORE_WAIT seconds, default 60). */
/* Every statement of S, opened to read, to FN (graphs dropped); the
 * nodes are valid during the call only.  Errors are reported, naming the
 * store. */
int kgb_store_each(kgb_world *world, librdf_world *rdf, kgb_store *s,
                   kgb_statement_fn fn, void *data);

int kgb_store_begin(kgb_world *world, kgb_store *s);
/* Commit (COMMIT set) or roll back what was written since begin. */
int kgb_store_end(kgb_world *world, kgb_store *s, int commit);
/* Add ST (its graph is the context) unless it is there: *NET counts the
 * statements added, less those removed. */
int kgb_store_add(kgb_store *s, raptor_statement *st, long *net);
/* Remove ST from its graph (the default graph when it has none). */
int kgb_store_remove(kgb_store *s, raptor_statement *st, long *net);
/* Each literal object of SUBJECT PREDICATE in the default graph, passed
 * to FN, which returns a status; the terms are borrowed. */
int kgb_store_literals(kgb_store *s, librdf_world *rdf, raptor_term *subject,
                       raptor_term *predicate,
                       int (*fn)(void *data, const char *text), void *data);
/* 1 when some statement has PREDICATE and the plain literal VALUE, 0 when
 * none has, or a status. */
int kgb_store_has_literal(kgb_store *s, librdf_world *rdf,
                          raptor_term *predicate, const char *value);

/* The SQLite writer, kgb_store_sqlite.c. */
int kgb_sqlite_open(const char *path, int create, int wait_ms,
                    kgb_sqlite **out);
void kgb_sqlite_close(kgb_sqlite *s);
const char *kgb_sqlite_error(const kgb_sqlite *s);
int kgb_sqlite_is_busy(const kgb_sqlite *s);
int kgb_sqlite_begin(kgb_sqlite *s);
int kgb_sqlite_end(kgb_sqlite *s, int commit);
int kgb_sqlite_add(kgb_sqlite *s, const raptor_statement *st, long *net);
int kgb_sqlite_remove(kgb_sqlite *s, const raptor_statement *st, long *net);
int kgb_sqlite_literals(kgb_sqlite *s, raptor_term *subject,
                        raptor_term *predicate,
                        int (*fn)(void *data, const char *text), void *data);
int kgb_sqlite_has_literal(kgb_sqlite *s, raptor_term *predicate,
                           const char *value);
/* Every statement of the SQLite store at PATH to FN, read-only; on an
 * error of the store's own, what went wrong is in WHY. */
int kgb_sqlite_read(const char *path, int wait_ms, raptor_world *raptor,
                    kgb_statement_fn fn, void *data, kgb_buf *why);

#endif
