/* kgb_store.h - librdf storages named by a URI the user writes:
 *   sqlite:FILE                  an SQLite file (the default, graph.db)
 *   postgresql:KEY=VALUE,...     host, port, database, user, password
 *   virtuoso:KEY=VALUE,...       dsn, host, database, user, password
 *   memory:                      in memory, gone at exit */
#ifndef KGB_STORE_H
#define KGB_STORE_H

#include <redland.h>

#include "kgbuild.h"

typedef struct {
  librdf_storage *storage;   /* owned */
  librdf_model *model;       /* owned */
  int transactions;          /* the storage batches writes */
} kgb_store;

/* Open the store URI in RDF.  WRITE creates an SQLite file that is not
 * there; otherwise a missing file is an error. */
int kgb_store_open(kgb_world *world, librdf_world *rdf, const char *uri,
                   int write, kgb_store *out);
void kgb_store_close(kgb_store *s);

#endif
