/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kgb_bytes.c - byte-order marks, the UTF-8 or Latin question, and
 * iconv decoding, shared by HTML pages (kgb_html_bytes.c) and plain
 * text (kgb_document.c). */
#include "kgb_bytes.h"

#include <errno.h>
#include <iconv.h>
#include <string.h>

#include <utf8proc.h>

#include "kgbuild.h"

const char *kgb_bytes_bom(const unsigned char *b, size_t len, size_t *skip)
{
  if (len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
    *skip = 3;
    return "UTF-8";
  }
  if (len >= 2 && b[0] == 0xFF && b[1] == 0xFE) {
    *skip = 2;
    return "UTF-16LE";
  }
  if (len >= 2 && b[0] == 0xFE && b[1] == 0xFF) {
    *skip = 2;
    return "UTF-16BE";
  }
  *skip = 0;
  return NULL;
}

int kgb_bytes_mostly_utf8(const char *bytes, size_t len)
{
  size_t good = 0, bad = 0, i = 0;

  while (i < len) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n;
    if (!((unsigned char)bytes[i] & 0x80)) {
      i++;
      continue;
    }
    n = utf8proc_iterate((const utf8proc_uint8_t *)bytes + i,
                         (utf8proc_ssize_t)(len - i), &cp);
    if (n > 0) {
      good++;
      i += (size_t)n;
    } else {
      bad++;
      i++;
    }
  }
  return bad == 0 || good > bad;
}

int kgb_bytes_decode(const char *encoding, const char *in, size_t len,
                     kgb_buf *out, size_t *bad)
{
  iconv_t cd = iconv_open("UTF-8", encoding);
  size_t unit = strncmp(encoding, "UTF-16", 6) == 0 ? 2 : 1;
  char chunk[8192], *inp = (char *)in;
  int rc = KGB_OK;

  if (cd == (iconv_t)-1)
    return KGB_EINVAL;
  while (rc == KGB_OK && len > 0) {
    char *o = chunk;
    size_t room = sizeof chunk;
    size_t r = iconv(cd, &inp, &len, &o, &room);
    int err = errno;
    rc = kgb_buf_append(out, chunk, (size_t)(o - chunk));
    if (rc == KGB_OK && r == (size_t)-1 && err != E2BIG) {
      size_t skip = len < unit ? len : unit;
      rc = kgb_buf_puts(out, "\xEF\xBF\xBD");
      inp += skip;
      len -= skip;
      (*bad)++;
      iconv(cd, NULL, NULL, NULL, NULL);
    }
  }
  iconv_close(cd);
  return rc;
}

/* How much of the input the UTF-16 guess looks at. */
#define KGB_BYTES_UTF16_PROBE 4096

/* UTF-16 with no byte-order mark, when it is clear: in Latin text each
 * character's high byte is NUL, so one position of each pair is nearly
 * always NUL and the other nearly never. */
static const char *utf16_guess(const char *bytes, size_t len)
{
  size_t n = (len < KGB_BYTES_UTF16_PROBE ? len : KGB_BYTES_UTF16_PROBE) / 2;
  size_t nul_even = 0, nul_odd = 0;

  if (n < 4)
    return NULL;
  for (size_t i = 0; i < n; i++) {
    nul_even += bytes[2 * i] == '\0';
    nul_odd += bytes[2 * i + 1] == '\0';
  }
  if (nul_odd * 4 >= n * 3 && nul_even * 16 <= n)
    return "UTF-16LE";
  if (nul_even * 4 >= n * 3 && nul_odd * 16 <= n)
    return "UTF-16BE";
  return NULL;
}

/* Do BYTES read as text in a one-byte encoding: control characters
 * other than white space are rare (random bytes hold about 10%)? */
static int few_controls(const char *bytes, size_t len)
{
  size_t controls = 0;

  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)bytes[i];
    int space = c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
    controls += (c < 0x20 && !space) || c == 0x7F;
  }
  return controls * 20 <= len;
}

/* Is C, read as Windows-1252, what Western European text holds: a
 * letter (not the rare Icelandic ones, nor the BOM's FF FE), or quotes,
 * dashes, guillemets, currency and the like? */
static int is_latin_byte(unsigned char c)
{
  static const char symbols[] =
      "\x80\x85\x8A\x8C\x8E\x91\x92\x93\x94\x95\x96\x97\x99\x9A\x9C\x9E"
      "\x9F\xA0\xA2\xA3\xA5\xA7\xA9\xAA\xAB\xAE\xB0\xB1\xB2\xB3\xB5\xB7"
      "\xBA\xBB\xBC\xBD\xBE";

  if (c >= 0xC0)
    return !memchr("\xD0\xD7\xDE\xF0\xF7\xFE\xFF", c, 7);
  return memchr(symbols, c, sizeof symbols - 1) != NULL;
}

/* Plain text, unlike a page, declares no encoding: Windows-1252 is
 * taken only when nine in ten bytes beyond ASCII read as Latin text, so
 * a stray byte in UTF-8 text stays a slip to replace and report. */
static int looks_latin(const char *bytes, size_t len)
{
  size_t high = 0, latin = 0;

  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)bytes[i];
    high += c >= 0x80;
    latin += c >= 0x80 && is_latin_byte(c);
  }
  return latin * 10 >= high * 9;
}

const char *kgb_bytes_text_encoding(const char *bytes, size_t len,
                                    size_t *skip)
{
  const char *enc = kgb_bytes_bom((const unsigned char *)bytes, len, skip);

  if (enc)
    return enc;
  if ((enc = utf16_guess(bytes, len)) != NULL)
    return enc;
  if (kgb_bytes_mostly_utf8(bytes, len) || !few_controls(bytes, len) ||
      !looks_latin(bytes, len))
    return "UTF-8";
  return "WINDOWS-1252";
}

/* Signatures of files that hold no plain text: reading them as text
 * would invent entities from their bytes. */
static const struct {
  const char *magic;
  size_t len;
  kgb_bytes_format format;
} kgb_bytes_formats[] = {
  {"%PDF-", 5, {"a PDF document", "pdftotext FILE FILE.txt"}},
  {"PK\x03\x04", 4,
   {"a ZIP archive (as a .docx, .odt or .epub document is)",
    "pandoc FILE -t plain -o FILE.txt"}},
  {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8,
   {"an old Microsoft Office file (as a .doc is)",
    "libreoffice --headless --convert-to txt FILE"}},
  {"\x1F\x8B", 2, {"gzip-compressed", "zcat FILE > FILE.txt"}},
  {"BZh", 3, {"bzip2-compressed", "bzcat FILE > FILE.txt"}},
  {"\xFD" "7zXZ\0", 6, {"xz-compressed", "xzcat FILE > FILE.txt"}},
  {"\x28\xB5\x2F\xFD", 4, {"zstd-compressed", "zstdcat FILE > FILE.txt"}},
};

/* bzip2's "BZh" is also how a line of text may begin: a block size digit
 * and the block magic must follow. */
static int is_bzip2(const char *b, size_t len)
{
  return len >= 10 && b[3] >= '1' && b[3] <= '9' &&
         memcmp(b + 4, "1AY&SY", 6) == 0;
}

const kgb_bytes_format *kgb_bytes_binary_format(const char *bytes,
                                                size_t len)
{
  for (size_t i = 0; i < sizeof kgb_bytes_formats /
                             sizeof *kgb_bytes_formats; i++) {
    size_t n = kgb_bytes_formats[i].len;
    if (len < n || memcmp(bytes, kgb_bytes_formats[i].magic, n) != 0)
      continue;
    if (bytes[0] == 'B' && !is_bzip2(bytes, len))
      continue;
    return &kgb_bytes_formats[i].format;
  }
  return NULL;
}
