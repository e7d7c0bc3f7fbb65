/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_limits.h - the bounds that keep any input linear in its size.
 *
 * A news article is a few kilobytes with tens of facts; an input far past
 * these bounds is a dump, a table or an attack, and the rules would cost
 * its square.  Every bound reached is reported on the world's message
 * handler, once per document. */
#ifndef KGB_LIMITS_H
#define KGB_LIMITS_H

/* Largest input read, in bytes, unless kgb_world_set_max_input says
 * otherwise. */
#define KGB_DEFAULT_MAX_INPUT (64UL * 1024 * 1024)

/* Most tokens of one run of characters with no space between them: a
 * longer run ("((((...", "a(b(c(...") is one token.  A URL with its
 * query is a few tens; a token is 16 bytes, so a text of a token a byte
 * would cost 16 times its size. */
#define KGB_MAX_GLUED_TOKENS 64

/* Longest sentence the rules see, in tokens; a longer one is cut. */
#define KGB_MAX_SENTENCE_TOKENS 400

/* Mentions of one sentence the rules pair with each other: at most
 * 64 x 63 candidate pairs a sentence. */
#define KGB_MAX_SENTENCE_MENTIONS 64

/* Entities of one document the document-wide rules pair (places within
 * places, units named after parents): at most a million pairs. */
#define KGB_MAX_PAIRED_ENTITIES 1000

/* Longest name of an owner written as an adjective ("Ferrox-owned"), in
 * bytes: at most four words; a longer one is no owner's name. */
#define KGB_OWNER_NAME_MAX 128

/* Longest text analysed at once, in bytes.  A longer document is cut
 * into windows (kgb_document_next_window) at a blank line, else a line
 * break, a sentence end or a space, and its tokens, sentences, entities
 * and mentions are held for one window at a time: a token is 16 bytes,
 * so a text of one-letter words would otherwise hold 8 times its size in
 * tokens.  A news article is a few kilobytes, a long read a hundred:
 * either is one window.  256 KiB rather than more: at 10 MB of names,
 * 1 MiB windows still peaked at 10.1 times the input, 256 KiB at 8.6. */
#define KGB_WINDOW_BYTES (256UL * 1024)

/* Most facts kept from one document (all its windows together). */
#define KGB_MAX_FACTS 5000

#endif
