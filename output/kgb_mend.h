/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_mend.h - output streams that mend, on the way to the file, what
 * raptor 2.0.15 writes wrong in some syntaxes, so the output parses. */
#ifndef KGB_MEND_H
#define KGB_MEND_H

#include <raptor2.h>
#include <stdio.h>

typedef struct kgb_mend kgb_mend;

/* Does raptor's serializer for FORMAT need mending ("turtle", "json")? */
int kgb_mend_needed(const char *format);
/* A stream to OUT (borrowed) mending FORMAT, or NULL without memory. */
kgb_mend *kgb_mend_new(raptor_world *world, const char *format,
                       raptor_iostream *out);
/* Borrowed: what the serializer writes to. */
raptor_iostream *kgb_mend_iostream(kgb_mend *m);
/* Write what is still held back, and free M (which may be NULL). */
void kgb_mend_free(kgb_mend *m);

#endif
