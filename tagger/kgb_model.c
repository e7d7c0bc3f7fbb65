/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_model.c - tagger model files: writing them, and reading them back
 * without trusting a single byte.
 *
 * The layout (all numbers little-endian) is in tagger/README.md.  The
 * loader checks, in order, the magic number, the format version, the
 * SHA-256 at the end, then every count against the bytes left, so any
 * file that is not a whole model of this version is KGB_EPARSE with a
 * message naming it. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "kgb_alloc.h"
#include "kgb_buf.h"
#include "kgb_sha256.h"
#include "kgb_tagger_internal.h"
#include "kgb_world_internal.h"

static const char magic[8] = "KGBTAG\0";
#define KGB_MODEL_VERSION 2u      /* the newest read; BILOU models are
                                     written as version 1, plain ones as 2 */
#define KGB_MODEL_HEADER 12     /* magic and version */
#define KGB_MODEL_SUM 32        /* the SHA-256 trailer */

/* --- writing -------------------------------------------------------------- */

static int put_le(kgb_buf *b, uint64_t v, int bytes)
{
  char c[8];

  for (int i = 0; i < bytes; i++)
    c[i] = (char)((v >> (8 * i)) & 0xFF);
  return kgb_buf_append(b, c, (size_t)bytes);
}

static void sha256(const void *bytes, size_t len, unsigned char sum[32])
{
  char hex[65];

  kgb_sha256_hex(bytes, len, hex);
  for (int i = 0; i < 32; i++) {
    unsigned v = 0;
    sscanf(hex + 2 * i, "%2x", &v);
    sum[i] = (unsigned char)v;
  }
}

static int model_body(const kgb_tagger *m, kgb_buf *b)
{
  size_t T = m->n_tags;
  uint64_t scale_bits;
  int rc = kgb_buf_append(b, magic, sizeof magic);

  memcpy(&scale_bits, &m->scale, sizeof scale_bits);
  if (rc == KGB_OK)
    rc = put_le(b, m->set->plain ? 2 : 1, 4);
  if (rc == KGB_OK)
    rc = put_le(b, (uint64_t)m->decoder, 4);
  if (rc == KGB_OK && m->set->plain)
    rc = put_le(b, 1, 4);   /* version 2: the tag scheme, 1 plain */
  if (rc == KGB_OK)
    rc = put_le(b, m->set->n_types, 4);
  for (size_t t = 0; t < m->set->n_types && rc == KGB_OK; t++) {
    size_t len = strlen(m->set->types[t]);
    rc = put_le(b, len, 1);
    if (rc == KGB_OK)
      rc = kgb_buf_append(b, m->set->types[t], len);
  }
  if (rc == KGB_OK)
    rc = put_le(b, scale_bits, 8);
  if (rc == KGB_OK)
    rc = put_le(b, m->n_rows, 8);
  for (size_t i = 0; i < (T + 1) * T && rc == KGB_OK; i++)
    rc = put_le(b, (uint16_t)m->trans[i], 2);
  for (size_t r = 0; r < m->n_rows && rc == KGB_OK; r++) {
    rc = put_le(b, m->keys[r], 8);
    for (size_t t = 0; t < T && rc == KGB_OK; t++)
      rc = put_le(b, (uint16_t)m->weights[r * T + t], 2);
  }
  return rc;
}

int kgb_tagger_to_bytes(const kgb_tagger *m, char **bytes, size_t *len)
{
  kgb_buf b;
  unsigned char sum[KGB_MODEL_SUM];
  int rc;

  kgb_buf_init(&b);
  rc = model_body(m, &b);
  if (rc == KGB_OK) {
    sha256(b.data, b.len, sum);
    rc = kgb_buf_append(&b, (const char *)sum, sizeof sum);
  }
  if (rc != KGB_OK) {
    kgb_buf_release(&b);
    return KGB_ENOMEM;
  }
  *len = b.len;
  *bytes = kgb_buf_to_string(&b);
  return KGB_OK;
}

int kgb_tagger_save(kgb_world *world, const kgb_tagger *m, const char *path)
{
  char *bytes = NULL;
  size_t len = 0;
  FILE *f;
  int rc = kgb_tagger_to_bytes(m, &bytes, &len);

  if (rc != KGB_OK)
    return kgb_report(world, rc, "%s: out of memory writing the model",
                      path);
  f = fopen(path, "wb");
  if (!f)
    rc = kgb_report(world, KGB_EIO, "%s: cannot write: %s", path,
                    strerror(errno));
  else if (fwrite(bytes, 1, len, f) != len || fclose(f) != 0)
    rc = kgb_report(world, KGB_EIO, "%s: write error: %s", path,
                    strerror(errno));
  kgb_free(bytes);
  return rc;
}

/* --- reading -------------------------------------------------------------- */

typedef struct {
  const unsigned char *p;
  size_t len, pos;
  int short_read;        /* set once a read runs past the end */
} reader;

static uint64_t get_le(reader *r, int bytes)
{
  uint64_t v = 0;

  if (r->len - r->pos < (size_t)bytes) {
    r->short_read = 1;
    r->pos = r->len;
    return 0;
  }
  for (int i = 0; i < bytes; i++)
    v |= (uint64_t)r->p[r->pos + (size_t)i] << (8 * i);
  r->pos += (size_t)bytes;
  return v;
}

static int not_a_model(kgb_world *world, const char *name, const char *why)
{
  return kgb_report(world, KGB_EPARSE,
                    "%s: not a kgbuild tagger model (%s)", name, why);
}

/* The tag set after the header: a count, then each name as a length
 * byte and its bytes. */
static int read_tagset(reader *r, int plain, kgb_tagset **set)
{
  char *names[KGB_TAGSET_MAX_TYPES];
  size_t n = (size_t)get_le(r, 4), got = 0;
  int rc = KGB_EPARSE;

  if (r->short_read || n == 0 || n > KGB_TAGSET_MAX_TYPES)
    return KGB_EPARSE;
  for (; got < n; got++) {
    size_t len = (size_t)get_le(r, 1);
    if (r->short_read || len > r->len - r->pos ||
        memchr(r->p + r->pos, '\0', len))
      break;
    if (!(names[got] = kgb_strndup((const char *)r->p + r->pos, len))) {
      rc = KGB_ENOMEM;
      break;
    }
    r->pos += len;
  }
  if (got == n)
    rc = (plain ? kgb_tagset_new_plain : kgb_tagset_new)(
             (const char *const *)names, n, set) == KGB_ENOMEM
             ? KGB_ENOMEM
             : (*set ? KGB_OK : KGB_EPARSE);
  for (size_t i = 0; i < got; i++)
    kgb_free(names[i]);
  return rc;
}

/* What is wrong with the body after the tag set, or NULL; fills M. */
static const char *read_weights(reader *r, kgb_tagger *m)
{
  size_t T = m->n_tags;

  for (size_t i = 0; i < (T + 1) * T; i++)
    m->trans[i] = (int16_t)(uint16_t)get_le(r, 2);
  for (size_t k = 0; k < m->n_rows; k++) {
    m->keys[k] = get_le(r, 8);
    if (m->keys[k] == 0 || (k > 0 && m->keys[k] <= m->keys[k - 1]))
      return "feature rows out of order";
    for (size_t t = 0; t < T; t++)
      m->weights[k * T + t] = (int16_t)(uint16_t)get_le(r, 2);
  }
  if (r->short_read || r->pos != r->len)
    return "the weights do not fill the file";
  return NULL;
}

/* The checked body: everything between the version and the checksum. */
static int read_body(kgb_world *world, const char *name, reader *r,
                     uint32_t version, kgb_tagger **out)
{
  kgb_tagset *set = NULL;
  kgb_tagger *m = NULL;
  uint32_t decoder = (uint32_t)get_le(r, 4);
  uint32_t scheme = version >= 2 ? (uint32_t)get_le(r, 4) : 0;
  uint64_t scale_bits, n_rows;
  double scale;
  const char *why = NULL;
  /* Version 2 exists for plain tag sets only: a BILOU set is written as
   * version 1, so one file has one form. */
  int rc = decoder > KGB_DECODE_VITERBI || (version >= 2 && scheme != 1)
               ? KGB_EPARSE
               : read_tagset(r, (int)scheme, &set);

  if (rc != KGB_OK) {
    kgb_tagset_free(set);
    return rc == KGB_ENOMEM ? kgb_report(world, rc, "%s: out of memory", name)
                            : not_a_model(world, name, "bad header");
  }
  scale_bits = get_le(r, 8);
  n_rows = get_le(r, 8);
  memcpy(&scale, &scale_bits, sizeof scale);
  /* Each row holds 8 + 2T bytes: a count larger than the bytes left is
   * refused before anything is allocated for it. */
  if (r->short_read || !isfinite(scale) || !(scale > 0))
    why = "bad header";
  else if (n_rows > (r->len - r->pos) / (8 + 2 * kgb_tagset_tags(set)))
    why = "more rows than bytes";
  else if ((rc = kgb_tagger_alloc(set, (size_t)n_rows, &m)) == KGB_OK) {
    m->decoder = (kgb_decoder)decoder;
    m->scale = scale;
    why = read_weights(r, m);
    if (!why)
      rc = kgb_tagger_index(m);
  }
  kgb_tagset_free(set);
  if (rc == KGB_OK && !why) {
    *out = m;
    return KGB_OK;
  }
  kgb_tagger_free(m);
  if (rc == KGB_ENOMEM)
    return kgb_report(world, rc, "%s: out of memory", name);
  return not_a_model(world, name, why);
}

int kgb_tagger_from_bytes(kgb_world *world, const char *name,
                          const void *bytes, size_t len, kgb_tagger **out)
{
  reader r = {bytes, len, 0, 0};
  unsigned char sum[KGB_MODEL_SUM];
  uint32_t version;

  *out = NULL;
  if (len == 0)
    return not_a_model(world, name, "the file is empty");
  if (len < sizeof magic || memcmp(bytes, magic, sizeof magic) != 0)
    return not_a_model(world, name, "no magic number");
  r.pos = sizeof magic;
  version = (uint32_t)get_le(&r, 4);
  if (r.short_read)
    return not_a_model(world, name, "cut short in the header");
  if (version < 1 || version > KGB_MODEL_VERSION)
    return kgb_report(world, KGB_EPARSE,
                      "%s: model format version %u, this kgbuild reads 1 "
                      "to %u", name, version, KGB_MODEL_VERSION);
  if (len < KGB_MODEL_HEADER + KGB_MODEL_SUM)
    return not_a_model(world, name, "cut short in the header");
  r.len = len - KGB_MODEL_SUM;
  sha256(bytes, r.len, sum);
  if (memcmp(sum, r.p + r.len, KGB_MODEL_SUM) != 0)
    return kgb_report(world, KGB_EPARSE,
                      "%s: checksum mismatch, the file is damaged", name);
  return read_body(world, name, &r, version, out);
}

int kgb_tagger_load(kgb_world *world, const char *path, kgb_tagger **out)
{
  kgb_buf b;
  char chunk[65536];
  size_t got;
  int rc = KGB_OK;
  FILE *f = fopen(path, "rb");

  *out = NULL;
  if (!f)
    return kgb_report(world, errno == ENOENT ? KGB_ENOTFOUND : KGB_EIO,
                      "%s: cannot open the tagger model: %s", path,
                      strerror(errno));
  kgb_buf_init(&b);
  while (rc == KGB_OK && (got = fread(chunk, 1, sizeof chunk, f)) > 0)
    rc = kgb_buf_append(&b, chunk, got);
  if (rc == KGB_OK && ferror(f))
    rc = kgb_report(world, KGB_EIO, "%s: read error", path);
  else if (rc != KGB_OK)
    rc = kgb_report(world, rc, "%s: out of memory reading the model", path);
  fclose(f);
  if (rc == KGB_OK)
    rc = kgb_tagger_from_bytes(world, path, b.data, b.len, out);
  kgb_buf_release(&b);
  return rc;
}
