/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_ontology.h - the ontology file, loaded at run time through raptor,
 * and the check that every kgo: term the program emits is declared. */
#ifndef KGB_ONTOLOGY_H
#define KGB_ONTOLOGY_H

#include "kgbuild.h"

typedef struct kgb_ontology kgb_ontology;

/* Parse the Turtle file at PATH and check the term table against it;
 * an undeclared term is an error that names it.  The caller frees *OUT. */
int kgb_ontology_load(kgb_world *world, const char *path, kgb_ontology **out);
void kgb_ontology_free(kgb_ontology *onto);

/* 1 when IRI is the subject of an rdf:type triple in the ontology. */
int kgb_ontology_declares(const kgb_ontology *onto, const char *iri);
size_t kgb_ontology_term_count(const kgb_ontology *onto);

#endif
