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

/* Most facts kept from one document. */
#define KGB_MAX_FACTS 5000

#endif
