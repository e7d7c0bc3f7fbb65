/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_redact.h - text from outside made fit to print: credentials hidden,
 * control characters gone. */
#ifndef KGB_REDACT_H
#define KGB_REDACT_H

#include <stddef.h>

#include "kgb_buf.h"

/* Append at most MAX bytes of IN[0..LEN) to OUT as one line a terminal
 * shows as it is: runs of control characters (escape sequences among
 * them), C1 controls and invalid UTF-8 become one space; "..." marks a
 * cut.  0 or KGB_ENOMEM. */
int kgb_buf_put_printable(kgb_buf *out, const char *in, size_t len,
                          size_t max);

#endif
