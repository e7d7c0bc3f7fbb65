/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_vocab.h - every RDF term the program emits, in one table.
 *
 * This is the one place that names kgo: terms; output/ refers to them by
 * enum only, and a test checks each kgo: entry against kgbuild.ttl. */
#ifndef KGB_VOCAB_H
#define KGB_VOCAB_H

#include <stddef.h>

typedef enum {
  KGB_NS_KGO, KGB_NS_SCHEMA, KGB_NS_PROV, KGB_NS_NIF, KGB_NS_RDF,
  KGB_NS_RDFS, KGB_NS_XSD, KGB_NS_DCT, KGB_NS_SKOS, KGB_NS_ITSRDF,
  KGB_NS_COUNT
} kgb_ns;

typedef enum {
  /* kgo: classes */
  KGB_ORGANIZATION, KGB_PERSON, KGB_PLACE, KGB_EVENT, KGB_FACT,
  KGB_INVESTMENT, KGB_JOB_CREATION, KGB_JOB_CUT, KGB_WORKFORCE,
  KGB_ACQUISITION, KGB_DOCUMENT, KGB_MENTION,
  /* kgo: parts of n-ary facts */
  KGB_INVESTOR, KGB_AMOUNT, KGB_LOCATION, KGB_INVESTEE, KGB_START_YEAR,
  KGB_YEAR, KGB_EMPLOYER, KGB_JOBS, KGB_EMPLOYEES, KGB_ACQUIRER,
  KGB_ACQUIREE,
  /* kgo: two-part facts */
  KGB_MANAGER_OF, KGB_SUBSIDIARY_OF, KGB_BASED_IN, KGB_OPERATES_IN,
  KGB_LOCATED_IN, KGB_PARTICIPATES_IN, KGB_COMPETITOR_OF,
  KGB_TICKER_SYMBOL,
  /* kgo: provenance */
  KGB_DOCUMENT_OF, KGB_CONFIDENCE, KGB_RULE, KGB_STATUS, KGB_SHA256,
  KGB_MENTION_COUNT,
  /* other vocabularies */
  KGB_SCHEMA_MONETARY_AMOUNT, KGB_SCHEMA_QUANTITATIVE_VALUE,
  KGB_SCHEMA_VALUE, KGB_SCHEMA_MIN_VALUE, KGB_SCHEMA_MAX_VALUE,
  KGB_SCHEMA_CURRENCY, KGB_SCHEMA_JOB_TITLE,
  KGB_PROV_WAS_DERIVED_FROM,
  KGB_NIF_ANCHOR_OF, KGB_NIF_BEGIN_INDEX, KGB_NIF_END_INDEX,
  KGB_NIF_STRING, KGB_NIF_RFC5147_STRING, KGB_NIF_CONTEXT,
  KGB_NIF_IS_STRING, KGB_NIF_REFERENCE_CONTEXT,
  KGB_RDF_TYPE, KGB_RDF_STATEMENT, KGB_RDF_SUBJECT, KGB_RDF_PREDICATE,
  KGB_RDF_OBJECT,
  KGB_RDFS_LABEL, KGB_SKOS_ALT_LABEL,
  KGB_DCT_SOURCE, KGB_DCT_LANGUAGE, KGB_DCT_TITLE, KGB_DCT_FORMAT,
  KGB_ITSRDF_TA_IDENT_REF, KGB_ITSRDF_TA_CLASS_REF,
  KGB_XSD_DECIMAL, KGB_XSD_INTEGER, KGB_XSD_NON_NEGATIVE_INTEGER,
  KGB_XSD_GYEAR, KGB_XSD_STRING,
  KGB_TERM_COUNT
} kgb_term;

/* Borrowed: the namespace IRI and its usual prefix. */
const char *kgb_ns_iri(kgb_ns ns);
const char *kgb_ns_prefix(kgb_ns ns);
kgb_ns kgb_term_ns(kgb_term term);
/* Borrowed: the local name of TERM ("Investment"). */
const char *kgb_term_local(kgb_term term);
/* Write the full IRI of TERM to BUF (SIZE bytes); returns its length, or
 * 0 when it does not fit. */
size_t kgb_term_iri(kgb_term term, char *buf, size_t size);
/* The term whose IRI is IRI[0..LEN), or KGB_TERM_COUNT. */
kgb_term kgb_term_of_iri(const char *iri, size_t len);
/* Is TERM a class of the entities facts are about (kgo:Organization...)?
 * Of the n-ary facts (kgo:Investment...)?  Of the values facts give
 * (schema:MonetaryAmount...)? */
int kgb_term_is_entity_class(kgb_term term);
int kgb_term_is_fact_class(kgb_term term);
int kgb_term_is_value_class(kgb_term term);

#endif
