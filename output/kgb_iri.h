/* SPDX-License-Identifier: GPL-3.0-or-later */
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

/* Append NAME (any bytes, such as a file name) to OUT as an IRI
 * reference, each byte of what an IRI may not hold as %XX: bytes that
 * are not UTF-8, control characters, spaces, <>"{}|\^`[] and the code
 * points RFC 3987 leaves out; '%' too, so that the escaping can be
 * undone.  Every RDF syntax can then hold it. */
int kgb_iri_append_escaped(kgb_buf *out, const char *name);

/* The first byte of S that an IRI may not hold there (not UTF-8, a
 * character RFC 3987 does not allow, '%' not before two hex digits), or
 * NULL when there is none. */
const char *kgb_iri_first_bad(const char *s);

#endif
