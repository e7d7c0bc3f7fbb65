/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_world_internal.h - the body of kgb_world and the report helpers
 * every module uses to tell the caller what went wrong. */
#ifndef KGB_WORLD_INTERNAL_H
#define KGB_WORLD_INTERNAL_H

#include "kgbuild.h"

struct kgb_lexicon;
struct kgb_models;
struct kgb_ontology;

struct kgb_world {
  kgb_message_fn message_fn;
  void *message_data;
  char *data_dir;            /* owned; NULL until set or found */
  char *ontology_path;       /* owned; NULL means DATA_DIR/kgbuild.ttl */
  char *base;                /* owned base IRI of resources */
  char *model_dir;           /* owned; NULL: the models of DATA_DIR */
  int no_models;             /* rules alone, no trained model */
  struct kgb_lexicon *lexicon[2];   /* owned; indexed by kgb_lang */
  struct kgb_models *models[2];     /* owned; indexed by kgb_lang */
  struct kgb_ontology *ontology;    /* owned */
  int opened;
  size_t max_input;          /* bytes an input may have */
  double min_confidence;     /* facts below are not kept */
};

/* Send a message to the handler; returns STATUS so callers can write
 * `return kgb_report(w, KGB_EIO, ...)`. */
int kgb_report(kgb_world *world, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void kgb_warn(kgb_world *world, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void kgb_info(kgb_world *world, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
