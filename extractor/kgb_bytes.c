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
