/* Text encodings of imported files (see encoding.h). */
#include "storage/encoding.h"
#include "model/i18n.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <strings.h>

#include "model/text.h"
#include "model/vec.h"

#define BOM "\xef\xbb\xbf"
#define BOM_LEN 3

const char *fp_encoding_name(fp_encoding enc)
{
    switch (enc) {
    case FP_ENC_UTF8: return "utf-8";
    case FP_ENC_GB18030: return "gb18030";
    case FP_ENC_UTF16LE: return "utf-16le";
    case FP_ENC_UTF16BE: return "utf-16be";
    default: return "auto";
    }
}

bool fp_encoding_parse(const char *name, fp_encoding *out)
{
    static const struct { const char *name; fp_encoding enc; } names[] = {
        {"utf-8", FP_ENC_UTF8}, {"utf8", FP_ENC_UTF8},
        {"gb18030", FP_ENC_GB18030}, {"gbk", FP_ENC_GB18030},
        {"gb2312", FP_ENC_GB18030}, {"auto", FP_ENC_AUTO},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (strcasecmp(name, names[i].name) == 0) {
            *out = names[i].enc;
            return true;
        }
    }
    return false;
}

/* ---- streaming ---- */

struct fp_decoder {
    fp_encoding want;
    fp_encoding enc;       /* decided: UTF8 or GB18030; AUTO while not */
    iconv_t cd;            /* GB18030 or UTF-16 -> UTF-8, (iconv_t)-1
                              until needed */
    char carry[8];         /* a character cut off by the chunk's end */
    size_t ncarry;
    char *ibuf, *obuf;     /* carry + chunk; converted text */
    size_t icap, ocap;
    size_t total;          /* input bytes received before this chunk */
    bool started, out_started, had_bom;
    const char *why;
    size_t bad_at;
    unsigned char bad_byte;
};

static const char nul_why[] =
    N_("NUL byte: not a text file (UTF-16 or a spreadsheet?)");

fp_decoder *fp_decoder_new(fp_encoding want)
{
    fp_decoder *d = calloc(1, sizeof *d);
    if (d == NULL)
        return NULL;
    d->want = want;
    d->enc = want;
    d->cd = (iconv_t)-1;
    return d;
}

void fp_decoder_free(fp_decoder *d)
{
    if (d == NULL)
        return;
    if (d->cd != (iconv_t)-1)
        iconv_close(d->cd);
    free(d->ibuf);
    free(d->obuf);
    free(d);
}

fp_encoding fp_decoder_encoding(const fp_decoder *d) { return d->enc; }
const char *fp_decoder_why(const fp_decoder *d) { return d->why; }
unsigned char fp_decoder_bad_byte(const fp_decoder *d) { return d->bad_byte; }

/* base: offset in the whole input of s[0]. */
static bool set_error(fp_decoder *d, const char *s, size_t n, size_t at,
                      size_t base, const char *why)
{
    d->why = why;
    d->bad_at = base + at;
    d->bad_byte = at < n ? (unsigned char)s[at] : 0;
    return false;
}

static size_t utf8_seq_len(unsigned char c)
{
    return c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3
         : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
}

/* Length of the valid UTF-8 at the start of s[0..n). *cut: what follows
 * is a character cut off by the end of s. */
static size_t utf8_prefix(const char *s, size_t n, bool *cut)
{
    size_t i = 0;
    *cut = false;
    while (i < n) {
        uint64_t w;
        while (i + 8 <= n && (memcpy(&w, s + i, 8),
                              (w & 0x8080808080808080ULL) == 0))
            i += 8;
        while (i < n && (unsigned char)s[i] < 0x80)
            i++;
        if (i >= n)
            break;
        size_t len = utf8_seq_len((unsigned char)s[i]);
        if (len == 0)
            return i;
        if (i + len > n) {
            *cut = true;
            for (size_t j = i + 1; j < n; j++)
                *cut = *cut && ((unsigned char)s[j] & 0xc0) == 0x80;
            return i;
        }
        if (!fp_utf8_valid(s + i, len, NULL))
            return i;
        i += len;
    }
    return n;
}

/* Keeps s[from..n) for the next chunk. */
static void keep_tail(fp_decoder *d, const char *s, size_t from, size_t n)
{
    d->ncarry = n - from;
    memcpy(d->carry, s + from, d->ncarry);
}

static bool utf8_chunk(fp_decoder *d, const char *s, size_t n, bool last,
                       size_t base, const char **out, size_t *outlen)
{
    bool cut;
    size_t good = utf8_prefix(s, n, &cut);
    *out = s;
    *outlen = good;
    if (good == n)
        return true;
    if (cut && !last && n - good < sizeof d->carry) {
        keep_tail(d, s, good, n);
        return true;
    }
    return set_error(d, s, n, good, base,
                     d->want == FP_ENC_AUTO ? _("not valid UTF-8 nor GB18030")
                                            : _("not valid UTF-8"));
}

/* Converts s[0..n) into obuf; *used: input bytes converted. Returns 0,
 * EINVAL (cut off at the end), EILSEQ or ENOMEM. */
static int gb_convert(fp_decoder *d, const char *s, size_t n, size_t *used,
                      size_t *outlen)
{
    if (d->cd == (iconv_t)-1) {
        d->cd = iconv_open("UTF-8", d->enc == FP_ENC_UTF16LE ? "UTF-16LE"
                                  : d->enc == FP_ENC_UTF16BE ? "UTF-16BE"
                                                             : "GB18030");
        if (d->cd == (iconv_t)-1)
            return ENOSYS;
    }
    /* GB18030 -> UTF-8 grows at most 3/2 */
    bool ok = true;
    FP_GROW(d->obuf, n * 2 + 16, d->ocap, ok);
    if (!ok)
        return ENOMEM;
    char *in = (char *)s, *o = d->obuf;
    size_t in_left = n, out_left = d->ocap;
    size_t rc = iconv(d->cd, &in, &in_left, &o, &out_left);
    int e = rc == (size_t)-1 ? errno : 0;
    *used = (size_t)(in - s);
    *outlen = (size_t)(o - d->obuf);
    return e == E2BIG ? ENOMEM : e;
}

static const char *gb_why(const fp_decoder *d, int e)
{
    if (e == ENOSYS)
        return _("this system cannot convert GB18030 (iconv)");
    if (e == ENOMEM)
        return _("out of memory");
    if (e == EINVAL)
        return _("a character is cut off at the end");
    if (d->enc == FP_ENC_UTF16LE || d->enc == FP_ENC_UTF16BE)
        return _("not valid UTF-16");
    return d->want == FP_ENC_AUTO ? _("not valid GB18030 nor UTF-8")
                                  : _("not valid GB18030");
}

static bool gb_chunk(fp_decoder *d, const char *s, size_t n, bool last,
                     size_t base, const char **out, size_t *outlen)
{
    size_t used;
    int e = gb_convert(d, s, n, &used, outlen);
    *out = d->obuf;
    if (e == EINVAL && !last && n - used < sizeof d->carry) {
        keep_tail(d, s, used, n);
        e = 0;
    }
    if (!d->out_started && *outlen >= BOM_LEN &&
        memcmp(d->obuf, BOM, BOM_LEN) == 0) {
        d->had_bom = true;
        *out += BOM_LEN;
        *outlen -= BOM_LEN;
    }
    d->out_started = d->out_started || *outlen > 0;
    if (e == 0)
        return true;
    return set_error(d, s, n, used, base, gb_why(d, e));
}

/* FP_ENC_AUTO at the first non-ASCII byte: UTF-8 if this chunk is,
 * else GB18030 if it converts, else the error of the one that got
 * further (the encoding the file most likely is in). */
static bool has_high(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80)
            return true;
    return false;
}

static bool auto_chunk(fp_decoder *d, const char *s, size_t n, bool last,
                       size_t base, const char **out, size_t *outlen)
{
    bool cut;
    size_t good = utf8_prefix(s, n, &cut), used, gblen;
    if (good == n || (cut && !last)) {
        if (has_high(s, good))
            d->enc = FP_ENC_UTF8;
        keep_tail(d, s, good, n);
        *out = s;
        *outlen = good;
        return true; /* all ASCII so far, or UTF-8 */
    }
    int e = gb_convert(d, s, n, &used, &gblen);
    if (e == 0 || (e == EINVAL && !last)) {
        d->enc = FP_ENC_GB18030;
        iconv(d->cd, NULL, NULL, NULL, NULL);
        return gb_chunk(d, s, n, last, base, out, outlen);
    }
    if (e != EILSEQ && e != EINVAL)
        return set_error(d, s, n, used, base, gb_why(d, e));
    if (used > good) {
        *out = d->obuf;
        *outlen = gblen;
        return set_error(d, s, n, used, base,
                         _("not valid GB18030 nor UTF-8"));
    }
    *out = s;
    *outlen = good;
    return set_error(d, s, n, good, base,
                     _("not valid UTF-8 nor GB18030"));
}

static bool decode_chunk(fp_decoder *d, const char *s, size_t n, bool last,
                         size_t base, const char **out, size_t *outlen)
{
    switch (d->enc) {
    case FP_ENC_UTF8: return utf8_chunk(d, s, n, last, base, out, outlen);
    case FP_ENC_GB18030:
    case FP_ENC_UTF16LE:
    case FP_ENC_UTF16BE: return gb_chunk(d, s, n, last, base, out, outlen);
    default: return auto_chunk(d, s, n, last, base, out, outlen);
    }
}

/* A UTF-16 BOM (FF FE little endian, FE FF big endian) decides the
 * encoding whatever was asked: such a file is nothing else. */
static size_t skip_utf16_bom(fp_decoder *d, const char *s, size_t n)
{
    if (n < 2)
        return 0;
    unsigned char a = (unsigned char)s[0], b = (unsigned char)s[1];
    if (!((a == 0xff && b == 0xfe) || (a == 0xfe && b == 0xff)))
        return 0;
    d->enc = a == 0xff ? FP_ENC_UTF16LE : FP_ENC_UTF16BE;
    d->had_bom = true;
    d->out_started = true;
    return 2;
}

/* A UTF-8 BOM at the start (not for forced GB18030: converted there). */
static size_t skip_bom(fp_decoder *d, const char *s, size_t n)
{
    if (d->started)
        return 0;
    d->started = true;
    size_t u16 = skip_utf16_bom(d, s, n);
    if (u16 > 0 || d->want == FP_ENC_GB18030)
        return u16;
    if (n < BOM_LEN || memcmp(s, BOM, BOM_LEN) != 0)
        return 0;
    d->had_bom = true;
    d->out_started = true;
    d->enc = FP_ENC_UTF8;
    return BOM_LEN;
}

bool fp_decoder_feed(fp_decoder *d, const char *in, size_t len, bool last,
                     const char **out, size_t *outlen)
{
    const char *s = in;
    size_t n = len, base = d->total - d->ncarry;
    *out = in;
    *outlen = 0;
    d->total += len;
    if (d->ncarry > 0) {
        bool ok = true;
        FP_GROW(d->ibuf, d->ncarry + len, d->icap, ok);
        if (!ok)
            return set_error(d, in, 0, 0, base, _("out of memory"));
        memcpy(d->ibuf, d->carry, d->ncarry);
        memcpy(d->ibuf + d->ncarry, in, len);
        s = d->ibuf;
        n = d->ncarry + len;
        d->ncarry = 0;
    }
    if (!d->started && n < BOM_LEN && !last) {
        keep_tail(d, s, 0, n); /* too short to tell a BOM yet */
        return true;
    }
    size_t skip = skip_bom(d, s, n);
    bool wide = d->enc == FP_ENC_UTF16LE || d->enc == FP_ENC_UTF16BE;
    const char *nul = wide ? NULL : memchr(s + skip, '\0', n - skip);
    size_t limit = nul != NULL ? (size_t)(nul - s) : n;
    if (!decode_chunk(d, s + skip, limit - skip, last || nul != NULL,
                      base + skip, out, outlen))
        return false;
    if (nul != NULL)
        return set_error(d, s, n, limit, base, _(nul_why));
    return true;
}

/* ---- a whole text ---- */

static int line_of(const char *bytes, size_t offset)
{
    int line = 1;
    for (size_t i = 0; i < offset; i++)
        line += bytes[i] == '\n';
    return line;
}

bool fp_decode_text(const char *bytes, size_t len, fp_encoding want,
                    fp_decoded *out)
{
    const char *text;
    size_t n;
    memset(out, 0, sizeof *out);
    fp_decoder *d = fp_decoder_new(want);
    if (d == NULL) {
        out->why = _("out of memory");
        return false;
    }
    bool ok = fp_decoder_feed(d, bytes, len, true, &text, &n);
    if (ok && (out->text = malloc(n + 1)) != NULL) {
        memcpy(out->text, text, n);
        out->text[n] = '\0';
        out->len = n;
        out->encoding = d->enc == FP_ENC_AUTO ? FP_ENC_UTF8 : d->enc;
        out->converted = d->enc != FP_ENC_AUTO && d->enc != FP_ENC_UTF8;
        out->had_bom = d->had_bom;
    } else if (ok) {
        out->why = _("out of memory");
        ok = false;
    } else {
        out->why = d->why;
        out->bad_at = d->bad_at;
        out->bad_line = line_of(bytes, d->bad_at);
        out->bad_byte = d->bad_byte;
    }
    fp_decoder_free(d);
    return ok;
}

void fp_decoded_done(fp_decoded *d)
{
    free(d->text);
    d->text = NULL;
    d->len = 0;
}
