/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_html.h - the article text of an HTML page, through libxml2's HTML
 * parser (a SAX pass: no tree is built, so depth costs no memory beyond
 * the parser's own stack of names).
 *
 * Internal to the library; no RDF here. */
#ifndef KGB_HTML_H
#define KGB_HTML_H

#include <stddef.h>

#include "kgb_buf.h"
#include "kgbuild.h"

/* Media types a document records as dct:format. */
#define KGB_MEDIA_TEXT "text/plain"
#define KGB_MEDIA_HTML "text/html"

/* Append to TEXT the article text of the page BYTES[0..LEN): page
 * furniture (script, style, nav, page header and footer, forms, ads,
 * share bars, cookie banners...) left out, block elements as line or
 * paragraph breaks, runs of HTML white space as one space, entities
 * decoded; UTF-8 whatever the page's encoding (see kgb_html_decode).  *TITLE receives the first <h1>, else the
 * <title> without a trailing " | Site" part, or NULL; the caller frees
 * it with kgb_free.  SOURCE names the page in messages.  The parser's
 * complaints (tag soup is normal) are counted and reported once, as
 * information; KGB_ENOMEM or KGB_ELIMIT (over 2 GiB) are the failures. */
int kgb_html_to_text(kgb_world *world, const char *source, const char *bytes,
                     size_t len, kgb_buf *text, char **title);

/* The page BYTES[0..LEN) as valid UTF-8 with no NUL, appended to UTF8:
 * decoded from the encoding its byte-order mark or <meta charset> names
 * (else UTF-8, or Windows-1252 when the bytes are mostly not UTF-8);
 * each byte that is not valid there becomes U+FFFD, with one warning.
 * The BOM is dropped.  KGB_ENOMEM is the one failure. */
int kgb_html_decode(kgb_world *world, const char *source, const char *bytes,
                    size_t len, kgb_buf *utf8);

/* Drop, in place, the attributes past the 64th of each start tag of the
 * page S[0..LEN) (UTF-8), but the first of each name the page reading
 * looks at (class, id, role, hidden, aria-hidden): libxml2 takes time
 * quadratic in the attributes of a tag.  A page with no such tag is
 * left as it is.  Returns the new length. */
size_t kgb_html_cap_attributes(char *s, size_t len);

/* Do BYTES open like an HTML page: "<!doctype html" or "<html", in any
 * case, after an optional byte-order mark, white space, comments and an
 * XML declaration? */
int kgb_html_sniff(const char *bytes, size_t len);

/* Does PATH end in ".html" or ".htm", in any case? */
int kgb_html_is_html_name(const char *path);

#endif
