/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_vocab.c - the term table. */
#include "kgb_vocab.h"

#include <stdio.h>
#include <string.h>

static const struct {
  const char *prefix;
  const char *iri;
} namespaces[KGB_NS_COUNT] = {
  [KGB_NS_KGO] = {"kgo", "https://w3id.org/kgbuild/ontology#"},
  [KGB_NS_SCHEMA] = {"schema", "https://schema.org/"},
  [KGB_NS_PROV] = {"prov", "http://www.w3.org/ns/prov#"},
  [KGB_NS_NIF] = {"nif",
                  "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"},
  [KGB_NS_RDF] = {"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
  [KGB_NS_RDFS] = {"rdfs", "http://www.w3.org/2000/01/rdf-schema#"},
  [KGB_NS_XSD] = {"xsd", "http://www.w3.org/2001/XMLSchema#"},
  [KGB_NS_DCT] = {"dct", "http://purl.org/dc/terms/"},
  [KGB_NS_SKOS] = {"skos", "http://www.w3.org/2004/02/skos/core#"},
  [KGB_NS_ITSRDF] = {"itsrdf", "http://www.w3.org/2005/11/its/rdf#"},
};

static const struct {
  kgb_ns ns;
  const char *local;
} terms[KGB_TERM_COUNT] = {
  [KGB_ORGANIZATION] = {KGB_NS_KGO, "Organization"},
  [KGB_PERSON] = {KGB_NS_KGO, "Person"},
  [KGB_PLACE] = {KGB_NS_KGO, "Place"},
  [KGB_EVENT] = {KGB_NS_KGO, "Event"},
  [KGB_FACT] = {KGB_NS_KGO, "Fact"},
  [KGB_INVESTMENT] = {KGB_NS_KGO, "Investment"},
  [KGB_JOB_CREATION] = {KGB_NS_KGO, "JobCreation"},
  [KGB_JOB_CUT] = {KGB_NS_KGO, "JobCut"},
  [KGB_WORKFORCE] = {KGB_NS_KGO, "Workforce"},
  [KGB_ACQUISITION] = {KGB_NS_KGO, "Acquisition"},
  [KGB_DOCUMENT] = {KGB_NS_KGO, "Document"},
  [KGB_MENTION] = {KGB_NS_KGO, "Mention"},
  [KGB_INVESTOR] = {KGB_NS_KGO, "investor"},
  [KGB_AMOUNT] = {KGB_NS_KGO, "amount"},
  [KGB_LOCATION] = {KGB_NS_KGO, "location"},
  [KGB_INVESTEE] = {KGB_NS_KGO, "investee"},
  [KGB_START_YEAR] = {KGB_NS_KGO, "startYear"},
  [KGB_YEAR] = {KGB_NS_KGO, "year"},
  [KGB_EMPLOYER] = {KGB_NS_KGO, "employer"},
  [KGB_JOBS] = {KGB_NS_KGO, "jobs"},
  [KGB_EMPLOYEES] = {KGB_NS_KGO, "employees"},
  [KGB_ACQUIRER] = {KGB_NS_KGO, "acquirer"},
  [KGB_ACQUIREE] = {KGB_NS_KGO, "acquiree"},
  [KGB_MANAGER_OF] = {KGB_NS_KGO, "managerOf"},
  [KGB_SUBSIDIARY_OF] = {KGB_NS_KGO, "subsidiaryOf"},
  [KGB_BASED_IN] = {KGB_NS_KGO, "basedIn"},
  [KGB_OPERATES_IN] = {KGB_NS_KGO, "operatesIn"},
  [KGB_LOCATED_IN] = {KGB_NS_KGO, "locatedIn"},
  [KGB_PARTICIPATES_IN] = {KGB_NS_KGO, "participatesIn"},
  [KGB_COMPETITOR_OF] = {KGB_NS_KGO, "competitorOf"},
  [KGB_TICKER_SYMBOL] = {KGB_NS_KGO, "tickerSymbol"},
  [KGB_DOCUMENT_OF] = {KGB_NS_KGO, "document"},
  [KGB_CONFIDENCE] = {KGB_NS_KGO, "confidence"},
  [KGB_RULE] = {KGB_NS_KGO, "rule"},
  [KGB_STATUS] = {KGB_NS_KGO, "status"},
  [KGB_SHA256] = {KGB_NS_KGO, "sha256"},
  [KGB_MENTION_COUNT] = {KGB_NS_KGO, "mentionCount"},
  [KGB_SCHEMA_MONETARY_AMOUNT] = {KGB_NS_SCHEMA, "MonetaryAmount"},
  [KGB_SCHEMA_QUANTITATIVE_VALUE] = {KGB_NS_SCHEMA, "QuantitativeValue"},
  [KGB_SCHEMA_VALUE] = {KGB_NS_SCHEMA, "value"},
  [KGB_SCHEMA_MIN_VALUE] = {KGB_NS_SCHEMA, "minValue"},
  [KGB_SCHEMA_MAX_VALUE] = {KGB_NS_SCHEMA, "maxValue"},
  [KGB_SCHEMA_CURRENCY] = {KGB_NS_SCHEMA, "currency"},
  [KGB_SCHEMA_JOB_TITLE] = {KGB_NS_SCHEMA, "jobTitle"},
  [KGB_PROV_WAS_DERIVED_FROM] = {KGB_NS_PROV, "wasDerivedFrom"},
  [KGB_NIF_ANCHOR_OF] = {KGB_NS_NIF, "anchorOf"},
  [KGB_NIF_BEGIN_INDEX] = {KGB_NS_NIF, "beginIndex"},
  [KGB_NIF_END_INDEX] = {KGB_NS_NIF, "endIndex"},
  [KGB_NIF_STRING] = {KGB_NS_NIF, "String"},
  [KGB_NIF_RFC5147_STRING] = {KGB_NS_NIF, "RFC5147String"},
  [KGB_NIF_CONTEXT] = {KGB_NS_NIF, "Context"},
  [KGB_NIF_IS_STRING] = {KGB_NS_NIF, "isString"},
  [KGB_NIF_REFERENCE_CONTEXT] = {KGB_NS_NIF, "referenceContext"},
  [KGB_RDF_TYPE] = {KGB_NS_RDF, "type"},
  [KGB_RDF_STATEMENT] = {KGB_NS_RDF, "Statement"},
  [KGB_RDF_SUBJECT] = {KGB_NS_RDF, "subject"},
  [KGB_RDF_PREDICATE] = {KGB_NS_RDF, "predicate"},
  [KGB_RDF_OBJECT] = {KGB_NS_RDF, "object"},
  [KGB_RDFS_LABEL] = {KGB_NS_RDFS, "label"},
  [KGB_SKOS_ALT_LABEL] = {KGB_NS_SKOS, "altLabel"},
  [KGB_DCT_SOURCE] = {KGB_NS_DCT, "source"},
  [KGB_DCT_LANGUAGE] = {KGB_NS_DCT, "language"},
  [KGB_DCT_TITLE] = {KGB_NS_DCT, "title"},
  [KGB_DCT_FORMAT] = {KGB_NS_DCT, "format"},
  [KGB_ITSRDF_TA_IDENT_REF] = {KGB_NS_ITSRDF, "taIdentRef"},
  [KGB_ITSRDF_TA_CLASS_REF] = {KGB_NS_ITSRDF, "taClassRef"},
  [KGB_XSD_DECIMAL] = {KGB_NS_XSD, "decimal"},
  [KGB_XSD_INTEGER] = {KGB_NS_XSD, "integer"},
  [KGB_XSD_NON_NEGATIVE_INTEGER] = {KGB_NS_XSD, "nonNegativeInteger"},
  [KGB_XSD_GYEAR] = {KGB_NS_XSD, "gYear"},
  [KGB_XSD_STRING] = {KGB_NS_XSD, "string"},
};

const char *kgb_ns_iri(kgb_ns ns) { return namespaces[ns].iri; }

const char *kgb_ns_prefix(kgb_ns ns) { return namespaces[ns].prefix; }

kgb_ns kgb_term_ns(kgb_term term) { return terms[term].ns; }

const char *kgb_term_local(kgb_term term) { return terms[term].local; }

size_t kgb_term_iri(kgb_term term, char *buf, size_t size)
{
  int n = snprintf(buf, size, "%s%s", namespaces[terms[term].ns].iri,
                   terms[term].local);

  return n > 0 && (size_t)n < size ? (size_t)n : 0;
}

kgb_term kgb_term_of_iri(const char *iri, size_t len)
{
  for (int t = 0; t < KGB_TERM_COUNT; t++) {
    const char *ns = namespaces[terms[t].ns].iri;
    size_t n = strlen(ns);
    if (len > n && memcmp(iri, ns, n) == 0 &&
        strlen(terms[t].local) == len - n &&
        memcmp(iri + n, terms[t].local, len - n) == 0)
      return (kgb_term)t;
  }
  return KGB_TERM_COUNT;
}

int kgb_term_is_entity_class(kgb_term term)
{
  return term == KGB_ORGANIZATION || term == KGB_PERSON ||
         term == KGB_PLACE || term == KGB_EVENT;
}

int kgb_term_is_fact_class(kgb_term term)
{
  return term == KGB_INVESTMENT || term == KGB_JOB_CREATION ||
         term == KGB_JOB_CUT || term == KGB_WORKFORCE ||
         term == KGB_ACQUISITION;
}

int kgb_term_is_value_class(kgb_term term)
{
  return term == KGB_SCHEMA_MONETARY_AMOUNT ||
         term == KGB_SCHEMA_QUANTITATIVE_VALUE;
}
