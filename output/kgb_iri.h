/* kgb_iri.h - deterministic IRIs: the same name or fact gets the same
 * IRI in every run, so outputs of separate runs can be concatenated. */
#ifndef KGB_IRI_H
#define KGB_IRI_H

#include "kgb_buf.h"

/* Append to OUT the slug of NAME: folded case and accents, every run of
 * other characters one '-' ("Auvergne-Rhône-Alpes" -> auvergne-rhone-alpes). */
int kgb_iri_append_slug(kgb_buf *out, const char *name);
/* Append the first 16 hex digits of the SHA-256 of KEY. */
int kgb_iri_append_hash(kgb_buf *out, const char *key, size_t len);

#endif
