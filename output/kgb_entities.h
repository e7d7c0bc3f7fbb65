/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_entities.h - every entity the graph has named, across documents:
 * its IRI, class and all the names seen for it.  This table is all a
 * streaming run keeps between documents. */
#ifndef KGB_ENTITIES_H
#define KGB_ENTITIES_H

#include <stddef.h>

#include "kgb_vocab.h"

typedef struct kgb_entities kgb_entities;

kgb_entities *kgb_entities_new(void);
void kgb_entities_free(kgb_entities *t);
/* Record that the entity IRI, of class CLS, is called NAME; a STANDARD
 * name (a gazetteer's, "Spain" for "Espagne") is preferred as the label
 * to any other.  The strings are copied. */
int kgb_entities_add(kgb_entities *t, const char *iri, kgb_term cls,
                     const char *name, int standard);
size_t kgb_entities_count(const kgb_entities *t);
/* Entity I's IRI (borrowed), and its class in *CLS. */
const char *kgb_entities_iri(const kgb_entities *t, size_t i, kgb_term *cls);
/* Entity I: borrowed IRI and class, and its names with the label at
 * *LABEL: the fullest standard name, or else the fullest name (most
 * characters, then first in byte order). */
void kgb_entities_get(const kgb_entities *t, size_t i, const char **iri,
                      kgb_term *cls, char *const **names, size_t *n_names,
                      size_t *label);

#endif
